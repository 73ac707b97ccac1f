package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/anchor"
)

// ImportBatch is the number of articles per Import call that imports
// fastest: a batch is one transaction, and FTS5 writes a batch's terms to
// disk as one segment when it commits, so larger batches make fewer, larger
// segments and less merging, up to the point where the pending terms no
// longer fit the caches.
const ImportBatch = 20000

// Import stores a batch of articles in one transaction and reports, for each,
// whether it was added, updated or unchanged. Articles are matched by
// external id. An update replaces the imported fields but keeps what the
// reader did (read state, star, tags, annotations, a retitle); user state
// that the article itself carries (tidings' own export) is applied on top:
// its tags are added, the article marked read or starred when it says so,
// its retitle taken when the reader has not retitled it here (see
// takesRetitle), and its annotations added unless the article holds them
// already (sameNote: the same quote and note, or a note written at the same
// second: for a passage note, saying the same or on the same passage; for a
// note on the whole article, whatever it says), each of the library's notes
// being at most one of the file's, nor the reader deleted them (each note
// the file carried when last imported that the library no longer holds
// keeps at most one of the file's out: newNotes). An import adds state and
// never takes any away. Any error rolls back the whole batch.
func (s *Store) Import(ctx context.Context, batch []feeds.Article) ([]Outcome, error) {
	return s.importBatch(ctx, batch, false, batchHooks{})
}

// ImportTagged is Import with the rules applied to the articles the batch
// adds, in the same transaction (as ApplyRules applies them): an article
// is never stored without the tags its rules give it, even by an import
// that is killed. A rule whose query does not parse, or that closes a
// cycle (see stratify), is left out and reported as a *RuleError once the
// batch is stored; the others apply.
func (s *Store) ImportTagged(ctx context.Context, batch []feeds.Article, rules []Rule) ([]Outcome, error) {
	res, err := s.ImportWith(ctx, batch, ImportOptions{Rules: rules})
	return res.Outcomes, err
}

// ImportOptions say how ImportWith imports a batch.
type ImportOptions struct {
	// Rules tag the articles the batch adds, as ImportTagged's do.
	Rules []Rule
	// Undelete brings back the articles the reader deleted, as
	// ImportUndeleting does.
	Undelete bool
}

// Imported is what ImportWith did with a batch.
type Imported struct {
	Outcomes []Outcome // for each article, as Import reports it
	// NewFeeds are the addresses of the feeds the batch subscribed the
	// library to: those its articles name (an export's "feed") that the
	// library did not have, in the order the batch first names them.
	NewFeeds []string
}

// ImportWith is Import with the options: ImportTagged with Rules,
// ImportUndeleting with Undelete too. It says which feeds the batch
// subscribed the library to. A *RuleError comes with the batch stored.
func (s *Store) ImportWith(ctx context.Context, batch []feeds.Article, opts ImportOptions) (Imported, error) {
	var res Imported
	hooks := batchHooks{undelete: opts.Undelete, newFeeds: &res.NewFeeds}
	var bad error
	if len(opts.Rules) > 0 {
		var strata [][]*ruleRun
		strata, bad = prepareStrata(opts.Rules)
		hooks.after = func(tx *sql.Tx, outs []Outcome) error {
			_, err := applyArrivals(ctx, tx, strata, len(opts.Rules), addedIDs(batch, outs))
			return err
		}
	}
	outs, err := s.importBatch(ctx, batch, false, hooks)
	res.Outcomes = outs
	if err != nil {
		res.NewFeeds = nil
		return res, err
	}
	return res, bad
}

// addedIDs are the external ids of the articles of batch that outs say
// were added.
func addedIDs(batch []feeds.Article, outs []Outcome) []string {
	var ids []string
	for i, o := range outs {
		if o == Added {
			ids = append(ids, batch[i].ExternalID)
		}
	}
	return ids
}

// batchHooks run in an import's transaction: before, ahead of its
// articles, and after, once they are stored.
type batchHooks struct {
	before func(tx *sql.Tx) error
	after  func(tx *sql.Tx, outs []Outcome) error
	// undelete imports the articles the reader deleted, which an import
	// otherwise skips (delete.go).
	undelete bool
	// newFeeds, when set, is given the addresses of the feeds the batch
	// subscribed the library to.
	newFeeds *[]string
}

// errFeedGone stops a fetch's import whose feed was removed meanwhile.
var errFeedGone = errors.New("the feed is no longer subscribed")

// importBatch is Import, with hooks in its transaction; with subscribed,
// the articles' feeds must be subscriptions already (a fetch's), and none
// is made anew: a feed removed while it was being fetched stays removed.
func (s *Store) importBatch(ctx context.Context, batch []feeds.Article, subscribed bool, hooks batchHooks) ([]Outcome, error) {
	if len(batch) == 0 && hooks.before == nil && hooks.after == nil {
		return nil, nil
	}
	outs := make([]Outcome, len(batch))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if hooks.before != nil {
			if err := hooks.before(tx); err != nil {
				return err
			}
		}
		created, err := importIn(ctx, tx, batch, subscribed, hooks.undelete, outs)
		if err != nil {
			return err
		}
		if hooks.newFeeds != nil {
			*hooks.newFeeds = created
		}
		if hooks.after != nil {
			return hooks.after(tx, outs)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrReadOnly) {
			return nil, err
		}
		return nil, fmt.Errorf("store: import: %w", err)
	}
	return outs, nil
}

// importIn stores batch in tx, saying in outs what became of each article.
// It returns the addresses of the feeds it subscribed the library to.
func importIn(ctx context.Context, tx *sql.Tx, batch []feeds.Article, subscribed, undelete bool, outs []Outcome) ([]string, error) {
	if len(batch) == 0 {
		return nil, nil
	}
	im, err := newImporter(ctx, tx)
	if err != nil {
		return nil, err
	}
	im.subscribed = subscribed
	im.deleted.undelete = undelete
	defer im.close()
	if err := im.loadExisting(batch); err != nil {
		return nil, err
	}
	for i := range batch {
		if outs[i], err = im.article(&batch[i]); err != nil {
			return nil, &ArticleError{Index: i, Name: describe(&batch[i]), Err: err}
		}
	}
	if err := im.anchors.run(ctx, tx); err != nil {
		return nil, fmt.Errorf("re-anchoring notes: %w", err)
	}
	return im.newFeeds, im.fts.flush(ctx, tx)
}

// ArticleError is why Import refused a batch: one of its articles, at
// Index (from 0), could not be stored. Nothing of the batch was.
type ArticleError struct {
	Index int
	Name  string // the article, as describe names it
	Err   error
}

func (e *ArticleError) Error() string {
	return fmt.Sprintf("article %d of the batch (%s): %v", e.Index+1, e.Name, e.Err)
}

func (e *ArticleError) Unwrap() error { return e.Err }

// ErrNothingToAdd is a record that changes an article (its body left out)
// naming none in the library: it adds none, be it a title without a body.
var ErrNothingToAdd = errors.New("not in the library, and the record has no body to add it with")

// describe names an article in an error.
func describe(a *feeds.Article) string {
	if a.ExternalID != "" {
		return "id " + strconv.Quote(a.ExternalID)
	}
	t := []rune(a.Title)
	if len(t) > 60 {
		t = append(t[:60], '…')
	}
	return "title " + strconv.Quote(string(t))
}

// existing is what an import needs to know of a stored article.
type existing struct {
	id, sortKey int64
	// indexedAs is the rowid of the article's row in article_fts from
	// before this batch, which a change must delete; 0 once it is.
	indexedAs int64
	hash      string
	title     string
	source    string
	retitled  bool
	readAt    sql.NullInt64
	starred   bool
	published int64
	added     int64
	carried   string // the state the article's file carried when last imported
	feedless  bool   // no feed's: a feed that brings it again adopts it
}

// importer holds one import transaction's statements and lookups.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	now    int64
	nextID int64
	byExt  map[string]*existing
	feeds  map[string]int64
	// bases are the feeds' identities, by id: the address their
	// articles' ids are made from (see feedIdentitySQL).
	bases map[int64]string
	// newFeeds are the addresses of the feeds the batch subscribed to.
	newFeeds []string
	tags     map[string]int64 // by folded name (marks.FoldTag)
	fts      *ftsWriter
	// subscribed: the articles' feeds must exist (a fetch's import).
	subscribed bool

	insert, update, tagArticle, storedNotes, addAnnotation *sql.Stmt

	anchors *reanchorer // the changed articles whose notes follow their passages
	deleted deletions   // the batch's articles the reader deleted

}

func newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	im := &importer{
		ctx:   ctx,
		tx:    tx,
		now:   time.Now().Unix(),
		byExt: make(map[string]*existing),
		feeds: make(map[string]int64),
		bases: make(map[int64]string),
		tags:  make(map[string]int64),
		fts:   newFTSWriter(),
	}
	if err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM articles), 0),
		coalesce((SELECT value FROM meta WHERE key = 'last_article'), 0)) + 1`).Scan(&im.nextID); err != nil {
		return nil, err
	}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	im.insert = prep(`INSERT INTO articles(id, external_id, sort_key, source, feed_id, title, url, author,
		published, added, updated, body, content_hash, read_at, starred, retitled, carried)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	im.update = prep(`UPDATE articles SET sort_key = ?, source = ?, feed_id = ?, title = ?, url = ?,
		author = ?, published = ?, updated = ?, body = ?, content_hash = ?, retitled = ? WHERE id = ?`)
	im.tagArticle = prep(`INSERT INTO article_tags(article_id, tag_id, added, by_rule) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`)
	im.storedNotes = prep(`SELECT quote, prefix, suffix, note, created FROM annotations WHERE article_id = ? ORDER BY id`)
	im.addAnnotation = prep(`INSERT INTO annotations(article_id, quote, prefix, suffix, note, created, updated, orphaned)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		im.close()
		return nil, err
	}
	return im, nil
}

func (im *importer) close() {
	for _, st := range []*sql.Stmt{im.insert, im.update, im.tagArticle, im.storedNotes, im.addAnnotation} {
		if st != nil {
			st.Close()
		}
	}
}

// loadExisting looks the batch's external ids up, many per statement.
func (im *importer) loadExisting(batch []feeds.Article) error {
	const chunk = 500
	ids := make([]any, 0, chunk)
	for i := 0; i < len(batch); i += chunk {
		ids = ids[:0]
		for _, a := range batch[i:min(i+chunk, len(batch))] {
			ids = append(ids, a.ExternalID)
			for _, f := range a.FormerIDs {
				ids = append(ids, f)
			}
			if a.LooseID != "" {
				ids = append(ids, a.LooseID)
			}
		}
		rows, err := im.tx.QueryContext(im.ctx, `SELECT id, external_id, sort_key, content_hash, title, source, retitled,
			read_at, starred, published, added, carried, feed_id IS NULL FROM articles WHERE external_id IN (`+placeholders(len(ids))+`)`, ids...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var ext string
			e := &existing{}
			if err := rows.Scan(&e.id, &ext, &e.sortKey, &e.hash, &e.title, &e.source, &e.retitled,
				&e.readAt, &e.starred, &e.published, &e.added, &e.carried, &e.feedless); err != nil {
				rows.Close()
				return err
			}
			e.indexedAs = e.sortKey
			im.byExt[ext] = e
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := im.deleted.load(im.ctx, im.tx, ids); err != nil {
			return err
		}
	}
	return nil
}

// sameContent reports whether a brings what e holds, its title aside:
// source, feed, link, author, date and text.
func (im *importer) sameContent(e *existing, a *feeds.Article) (bool, error) {
	var source, url, author, body, feedURL string
	var published int64
	err := im.tx.QueryRowContext(im.ctx, `SELECT source, url, author, published, body,
		coalesce((SELECT url FROM feeds WHERE id = a.feed_id), '') FROM articles a WHERE id = ?`, e.id).
		Scan(&source, &url, &author, &published, &body, &feedURL)
	if err != nil {
		return false, err
	}
	return source == a.Source && url == a.URL && author == a.Author && published == unix(a.Published) &&
		body == a.Body && feedURL == a.FeedURL, nil
}

// renamedOnly takes the new source of a fetched entry that differs from
// its stored version in nothing else (its feed renamed itself): the source
// and the sum are rewritten, and the entry counts as unchanged, as nothing
// in it changed. It reports whether that was so.
func (im *importer) renamedOnly(e *existing, a *feeds.Article, hash string, withTitle bool) (bool, error) {
	if e.source == a.Source {
		return false, nil
	}
	was := *a
	was.Source = e.source
	// The sum of an article the reader retitled since may have been made
	// before, with the title the feed gives it.
	feed := im.identity(a)
	if contentHash(&was, feed, withTitle) != e.hash && !(e.retitled && contentHash(&was, feed, true) == e.hash) {
		return false, nil
	}
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET source = ?, content_hash = ? WHERE id = ?`, a.Source, hash, e.id); err != nil {
		return false, err
	}
	e.source = a.Source
	return true, nil
}

// article stores one article of the batch.
func (im *importer) article(a *feeds.Article) (Outcome, error) {
	if a.ExternalID == "" {
		return 0, errors.New("no external id")
	}
	e, ok := im.byExt[a.ExternalID]
	for _, former := range a.FormerIDs {
		f, found := im.byExt[former]
		switch {
		case ok || !found:
		case strings.HasPrefix(former, feeds.IdentityPrefix):
			// Stored under the id its text gave before: it keeps that id,
			// which the reader's exports and backups carry.
			e, ok = f, true
		default:
			// Stored under an id of before: it takes the new one.
			if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET external_id = ? WHERE id = ?`, a.ExternalID, f.id); err != nil {
				return 0, err
			}
			delete(im.byExt, former)
			im.byExt[a.ExternalID], e, ok = f, f, true
		}
	}
	if f, found := im.byExt[a.LooseID]; !ok && found && (f.title == a.Title || f.retitled) {
		// Stored by a tidings from before under the id of its text alone,
		// which files of other titles shared: this file's if the title is
		// its. It keeps that id, which the reader's exports carry.
		e, ok = f, true
	}
	if !ok {
		if skip, err := im.deleted.skip(im.ctx, im.tx, a); err != nil || skip {
			return Skipped, err // deleted by the reader: it stays so
		}
	}
	if ok && !e.feedless && a.FeedURL == "" && a.Absent&feeds.FieldFeed == 0 {
		// A file that names no feed (Markdown, HTML, the sample format, a
		// JSON record without one) is no subscription: an article of a
		// feed stays with it, as when the file leaves the feed out.
		named := *a
		named.Absent |= feeds.FieldFeed
		a = &named
	}
	if ok && a.Absent != 0 {
		whole, err := im.withStored(e, a)
		if err != nil {
			return 0, err
		}
		a = &whole
	}
	feedID, err := im.feed(a.FeedURL, a.Source, a.ExternalID)
	if err != nil {
		return 0, err
	}
	// A title is the reader's once they retitled the article, whatever a
	// file says: it is left out of the sum, or importing the original and
	// an export of the retitled article in turn would update it each time.
	withTitle := !a.Retitled && !(ok && e.retitled)
	hash := contentHash(a, im.identity(a), withTitle)
	if !ok {
		if a.Absent&feeds.FieldBody != 0 {
			// Meant to change an article: its id mistyped, say. An empty
			// article titled by it would hide the mistake.
			return 0, ErrNothingToAdd
		}
		return Added, im.add(a, hash, feedID)
	}
	out := Unchanged
	reindex := false
	if e.hash != hash && a.FeedURL != "" && a.FeedURL != im.identity(a) && contentHash(a, a.FeedURL, withTitle) == e.hash {
		// Stored, after its feed moved, by a tidings that summed the
		// feed's address: the same content, summed as it is now.
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET content_hash = ? WHERE id = ?`, hash, e.id); err != nil {
			return 0, err
		}
		e.hash = hash
	}
	if e.hash != hash && e.retitled {
		// The sum stored before the reader retitled it has the file's
		// title, which an export carrying the retitle does not: the
		// content itself tells.
		same, err := im.sameContent(e, a)
		if err != nil {
			return 0, err
		}
		if same {
			if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET content_hash = ? WHERE id = ?`, hash, e.id); err != nil {
				return 0, err
			}
			e.hash = hash
		}
	}
	if e.hash != hash && im.subscribed {
		renamed, err := im.renamedOnly(e, a, hash, !a.Retitled && !e.retitled)
		if err != nil {
			return 0, err
		}
		if renamed {
			e.hash = hash
		}
	}
	if e.hash != hash {
		if err := im.replace(e, a, hash, feedID); err != nil {
			return 0, err
		}
		out, reindex = Updated, true
		if len(a.Annotations) > 0 {
			// The file's notes are on its text: the library's follow
			// their passages into it first, so that each is compared with
			// the file's where it is now (userState).
			if err := im.reanchorNow(e.id, a.Body); err != nil {
				return 0, err
			}
		}
	}
	if out == Unchanged {
		adopted, err := im.adopt(e, a, feedID)
		if err != nil {
			return 0, err
		}
		if adopted {
			out = Updated
		}
	}
	changed, newText, err := im.userState(e, a)
	if err != nil {
		return 0, err
	}
	if changed {
		out = Updated
	}
	if reindex {
		im.reanchor(e.id, a.Body) // the body may have changed
	}
	if reindex || newText {
		return out, im.reindex(e)
	}
	return out, nil
}

// adopt gives the stored article e to the feed its incoming version a
// names (feedID) when it belongs to no feed: a feed subscribed to again
// after it was removed, its articles kept, owns them once more when its
// fetch brings them. An article of another feed stays with it, and a saved
// feed file, which names no feed (feeds.FieldFeed absent), changes none.
// It reports whether the article was given to the feed.
func (im *importer) adopt(e *existing, a *feeds.Article, feedID sql.NullInt64) (bool, error) {
	if !feedID.Valid || !e.feedless || a.Absent&feeds.FieldFeed != 0 {
		return false, nil
	}
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET feed_id = ? WHERE id = ?`, feedID.Int64, e.id); err != nil {
		return false, err
	}
	e.feedless = false
	return true, nil
}

// withStored is a, the fields it left out (a.Absent) taken from the stored
// article e: a record that names only a title changes only the title.
func (im *importer) withStored(e *existing, a *feeds.Article) (feeds.Article, error) {
	var s struct {
		title, source, feed, url, author, body string
		published                              int64
	}
	err := im.tx.QueryRowContext(im.ctx, `SELECT a.title, a.source, coalesce(f.url, ''), a.url, a.author,
		coalesce(a.published, 0), a.body FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?`, e.id).
		Scan(&s.title, &s.source, &s.feed, &s.url, &s.author, &s.published, &s.body)
	if err != nil {
		return feeds.Article{}, err
	}
	whole := *a
	for _, f := range []struct {
		is     feeds.Fields
		to     *string
		stored string
	}{
		{feeds.FieldSource, &whole.Source, s.source}, {feeds.FieldFeed, &whole.FeedURL, s.feed},
		{feeds.FieldURL, &whole.URL, s.url}, {feeds.FieldAuthor, &whole.Author, s.author},
		{feeds.FieldBody, &whole.Body, s.body},
	} {
		if a.Absent&f.is != 0 {
			*f.to = f.stored
		}
	}
	if a.Absent&feeds.FieldPublished != 0 {
		whole.Published = time.Time{}
		if s.published != 0 {
			whole.Published = time.Unix(s.published, 0).UTC()
		}
	}
	if a.Absent&feeds.FieldTitle != 0 && !a.Retitled {
		// The title is the stored one, the reader's retitle or not.
		whole.Title, whole.Retitled = s.title, e.retitled
	}
	return whole, nil
}

// add inserts a new article.
func (im *importer) add(a *feeds.Article, hash string, feedID sql.NullInt64) error {
	if im.nextID > maxID {
		return errors.New("the library is full")
	}
	id := im.nextID
	im.nextID++
	added := im.now
	if t := a.Added.Unix(); !a.Added.IsZero() && t < im.now {
		added = t // as the library it was exported from took it in
	}
	e := &existing{id: id, hash: hash, title: a.Title, source: a.Source, retitled: a.Retitled, added: added, published: unix(a.Published)}
	e.sortKey = sortKey(id, a.Published, time.Unix(added, 0))
	if a.Read != nil && *a.Read {
		e.readAt = sql.NullInt64{Int64: im.now, Valid: true}
	}
	e.starred = a.Starred != nil && *a.Starred
	e.carried = carriedOf(a).String()
	_, err := im.insert.ExecContext(im.ctx, id, a.ExternalID, e.sortKey, a.Source, feedID, a.Title, a.URL,
		a.Author, e.published, added, im.now, a.Body, hash, e.readAt, e.starred, a.Retitled, e.carried)
	if err != nil {
		return err
	}
	im.byExt[a.ExternalID] = e
	if err := im.addTags(id, a.Tags, a.RuleTags); err != nil {
		return err
	}
	var notes []string
	text := &plainText{body: a.Body}
	for _, n := range a.Annotations {
		// Each is a note of its own, however like another of the file's.
		if err := im.annotate(id, text, n); err != nil {
			return err
		}
		if n.Note != "" {
			notes = append(notes, n.Note)
		}
	}
	im.fts.put(id, ftsDoc{rowid: e.sortKey, title: a.Title, body: a.Body, notes: strings.Join(notes, "\n")})
	return nil
}

// replace writes a changed article's imported fields over the stored ones.
func (im *importer) replace(e *existing, a *feeds.Article, hash string, feedID sql.NullInt64) error {
	title, retitled := a.Title, a.Retitled
	if e.retitled && !takesRetitle(e, a, parseCarried(e.carried)) {
		// The reader's title outlives re-imports.
		title, retitled = e.title, true
	}
	published := unix(a.Published)
	key := sortKey(e.id, a.Published, time.Unix(e.added, 0))
	_, err := im.update.ExecContext(im.ctx, key, a.Source, feedID, title, a.URL, a.Author, published,
		im.now, a.Body, hash, retitled, e.id)
	if err != nil {
		return err
	}
	e.hash, e.title, e.retitled, e.published = hash, title, retitled, published
	e.source, e.sortKey = a.Source, key
	return nil
}

// userState applies the reader's state an article carries. It reports whether
// anything changed, and whether the full-text row must change (a new title or
// new notes). Only what the file carries anew since it was last imported is
// applied: a tag the reader removed, or a read they undid, since the same
// file was imported stays as the reader left it. A record that carries no
// reader's state (a fetch, an article file) leaves what was remembered as
// it was, so that the export imported again after it is known still.
func (im *importer) userState(e *existing, a *feeds.Article) (changed, reindex bool, err error) {
	prev, now := parseCarried(e.carried), carriedOf(a)
	if s := now.String(); s != "" && s != e.carried {
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET carried = ? WHERE id = ?`, s, e.id); err != nil {
			return false, false, err
		}
		e.carried = s
	}
	if takesRetitle(e, a, prev) && (e.title != now.Title || !e.retitled) {
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET title = ?, retitled = 1 WHERE id = ?`, now.Title, e.id); err != nil {
			return false, false, err
		}
		e.title, e.retitled = now.Title, true
		changed, reindex = true, true
	}
	// A file adds read and a star; it takes neither away. An older export
	// imported again does not undo what was read or starred since.
	if read := now.Read; read != nil && !sameFlag(read, prev.Read) && *read && !e.readAt.Valid {
		e.readAt = sql.NullInt64{Int64: im.now, Valid: true}
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET read_at = ? WHERE id = ?`, e.readAt, e.id); err != nil {
			return false, false, err
		}
		changed = true
	}
	if starred := now.Starred; starred != nil && !sameFlag(starred, prev.Starred) && *starred && !e.starred {
		e.starred = true
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE articles SET starred = ? WHERE id = ?`, e.starred, e.id); err != nil {
			return false, false, err
		}
		changed = true
	}
	if tags := newIn(now.Tags, prev.Tags); len(tags) > 0 {
		n, err := im.addTagsCount(e.id, tags, a.RuleTags)
		if err != nil {
			return false, false, err
		}
		changed = changed || n > 0
	}
	text := &plainText{body: a.Body}
	var notes []feeds.Annotation
	if !now.sameNotes(prev) {
		// The notes of the file imported last time are each the
		// library's or deleted by the reader since: none is new.
		if notes, err = im.newNotes(e.id, a.Annotations, prev, text); err != nil {
			return false, false, err
		}
	}
	for _, n := range notes {
		if err := im.annotate(e.id, text, n); err != nil {
			return false, false, err
		}
		changed = true
		reindex = reindex || n.Note != ""
	}
	return changed, reindex, nil
}

// takesRetitle reports whether the retitle a carries becomes the title of
// the stored article e, whose file carried prev when it was last imported.
// A title the reader gave the article in this library is never replaced by
// an export's: nothing tells which of the two is newer, and the export still
// holds its title when this library's is gone. An export's retitle applies
// to an article not retitled here; a record that changes an article (its
// body left out, written to retitle it) retitles it all the same. Neither
// applies a title the file carried when it was last imported too: the
// article has it, or the reader has retitled it since.
func takesRetitle(e *existing, a *feeds.Article, prev carried) bool {
	if !a.Retitled || a.Title == "" || a.Title == prev.Title {
		return false
	}
	return !e.retitled || a.Absent&feeds.FieldBody != 0
}

// sameFlag reports whether a flag a file carries is the one it carried.
func sameFlag(now, prev *bool) bool { return prev != nil && *now == *prev }

// newIn returns the names in now that are not in prev.
func newIn(now, prev []string) []string {
	return slices.DeleteFunc(slices.Clone(now), func(t string) bool { return slices.Contains(prev, t) })
}

// reindex replaces an article's full-text row with its stored state.
func (im *importer) reindex(e *existing) error {
	var d ftsDoc
	err := im.tx.QueryRowContext(im.ctx, `SELECT sort_key, title, body FROM articles WHERE id = ?`, e.id).
		Scan(&d.rowid, &d.title, &d.body)
	if err != nil {
		return err
	}
	if d.notes, err = notesOf(im.ctx, im.tx, e.id); err != nil {
		return err
	}
	if e.indexedAs != 0 {
		im.fts.remove(e.indexedAs)
		e.indexedAs = 0
	}
	im.fts.put(e.id, d)
	return nil
}

// annotate adds note n to an article whose text is text: a passage note
// whose passage is not in it is marked orphaned, as AddAnnotation and the
// reader find it.
func (im *importer) annotate(articleID int64, text *plainText, n feeds.Annotation) error {
	created, updated := unix(n.Created), unix(n.Updated)
	if created == 0 {
		created = im.now
	}
	if updated == 0 {
		updated = created
	}
	orphaned := false
	if n.Quote != "" {
		_, _, found := anchor.Find(text.get(), anchor.Selector{Quote: n.Quote, Prefix: n.Prefix, Suffix: n.Suffix})
		orphaned = !found
	}
	_, err := im.addAnnotation.ExecContext(im.ctx, articleID, n.Quote, n.Prefix, n.Suffix, n.Note, created, updated, orphaned)
	return err
}

// plainText is an article body's plain text (anchor.PlainText), made when
// a note first needs it.
type plainText struct {
	body, text string
	made       bool
}

func (p *plainText) get() string {
	if !p.made {
		p.text, p.made = anchor.PlainText(p.body), true
	}
	return p.text
}

func (im *importer) addTags(articleID int64, names, byRule []string) error {
	_, err := im.addTagsCount(articleID, names, byRule)
	return err
}

// addTagsCount tags an article, as set by a rule those of names in byRule
// (an export says so), and returns how many tags it did not have. A tag it
// has already stays as it is: set by the reader, or by a rule.
func (im *importer) addTagsCount(articleID int64, names, byRule []string) (int, error) {
	n := 0
	byRule = feeds.NormalizeTags(byRule)
	for _, name := range feeds.NormalizeTags(names) {
		tagID, err := im.tag(name)
		if err != nil {
			return 0, err
		}
		res, err := im.tagArticle.ExecContext(im.ctx, articleID, tagID, im.now, slices.Contains(byRule, name))
		if err != nil {
			return 0, err
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	return n, nil
}

// tag returns the id of the tag named name, creating it.
func (im *importer) tag(name string) (int64, error) {
	key := marks.FoldTag(name)
	if id, ok := im.tags[key]; ok {
		return id, nil
	}
	id, err := tagID(im.ctx, im.tx, name)
	if err != nil {
		return 0, err
	}
	im.tags[key] = id
	return id, nil
}

// feed returns the id of the feed at this URL, found by any spelling of
// its address as a subscription is (feedIDByURL: a host as Unicode,
// percent-encoded or punycode, another password, the address it moved
// from), so that an export's article joins the library's subscription
// rather than making another; else it creates it, titled by the source
// of the article that brings it (an export's article imported into
// another library) until it is fetched, and counting it among the batch's
// new feeds; none for "". A feed created with a user name or
// password in its address makes its articles' ids of the address without
// them, as a new subscription does (Subscribe), unless the id of the
// article that brings it (externalID) was made of it with them.
func (im *importer) feed(url, source, externalID string) (sql.NullInt64, error) {
	if url == "" {
		return sql.NullInt64{}, nil
	}
	if id, ok := im.feeds[url]; ok {
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}
	var id int64
	var base string
	if im.subscribed {
		err := im.tx.QueryRowContext(im.ctx, `SELECT id, `+feedIdentitySQL+` FROM feeds WHERE url = ?`, url).Scan(&id, &base)
		if errors.Is(err, sql.ErrNoRows) {
			return sql.NullInt64{}, errFeedGone
		}
		if err != nil {
			return sql.NullInt64{}, err
		}
		im.feeds[url], im.bases[id] = id, base
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}
	normal := feeds.MatchURL(url)
	id, err := feedIDByURL(im.ctx, im.tx, url)
	if err == nil {
		base, err = im.storedFeed(id)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		base = url
		idBase := ""
		if feeds.HasUserinfo(url) && !strings.HasPrefix(externalID, "feed:"+url+"#") {
			base, idBase = normal, normal
		}
		err = im.tx.QueryRowContext(im.ctx, `INSERT INTO feeds(url, url_normal, title, id_base, id_base_normal) VALUES (?, ?, ?, ?, ?) RETURNING id`,
			url, normal, source, idBase, idBase).Scan(&id)
		if err != nil {
			return sql.NullInt64{}, err
		}
		im.newFeeds = append(im.newFeeds, url)
	case err != nil:
		return sql.NullInt64{}, err
	}
	im.feeds[url], im.bases[id] = id, base
	return sql.NullInt64{Int64: id, Valid: true}, nil
}

// storedFeed reads the identity (feedIdentitySQL) of the feed id, found
// by any spelling of its address, and gives the feed the normal form of
// its own address when another tidings or program wrote it without one,
// so that any spelling finds it by the index from now on.
func (im *importer) storedFeed(id int64) (base string, err error) {
	var stored string
	if err := im.tx.QueryRowContext(im.ctx, `SELECT url, `+feedIdentitySQL+` FROM feeds WHERE id = ?`, id).Scan(&stored, &base); err != nil {
		return "", err
	}
	normal := feeds.MatchURL(stored)
	_, err = im.tx.ExecContext(im.ctx, `UPDATE feeds SET url_normal = ? WHERE id = ? AND url_normal <> ?`, normal, id, normal)
	return base, err
}

// feedIdentitySQL is a feed's identity in its row: the address its
// articles' ids are made from, which a move (301, 308) does not change:
// id_base when it has one, else its address.
const feedIdentitySQL = `CASE WHEN id_base <> '' THEN id_base ELSE url END`

// identity is the identity of the feed a names (im.feed found it), "" for
// none.
func (im *importer) identity(a *feeds.Article) string {
	if a.FeedURL == "" {
		return ""
	}
	return im.bases[im.feeds[a.FeedURL]]
}

// contentHash identifies the imported content of an article, to tell an
// unchanged re-import. A reader's retitle is user state, not content. Its
// feed counts by its identity (feed), not by the address it is fetched
// from now: a feed that moved for good brings the same articles from its
// new address. For a feed that never moved the two are one string, so the
// sums stored before stay valid.
func contentHash(a *feeds.Article, feed string, withTitle bool) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	field("1")
	field(a.Source)
	field(feed)
	if withTitle {
		field(a.Title)
	}
	field(a.URL)
	field(a.Author)
	field(strconv.FormatInt(unix(a.Published), 10))
	field(a.Body)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// unix is t in Unix seconds, 0 for the zero time.
func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// fromUnix is the inverse of unix.
func fromUnix(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// placeholders returns "?, ?, ..." for n arguments.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// carried is the reader's state an imported file carries with an article,
// as the importer remembers it (articles.carried).
type carried struct {
	Title   string   `json:"title,omitempty"` // a retitle
	Read    *bool    `json:"read,omitempty"`
	Starred *bool    `json:"starred,omitempty"`
	Tags    []string `json:"tags,omitempty"` // normalized, sorted
	// Notes are the noteKeys of its annotations, as a set: what a tidings
	// of before remembered of them, and still reads.
	Notes []string `json:"notes,omitempty"`
	// Passages are the passages of its passage notes that have their time,
	// as the file placed them: where they are in a later file's text tells
	// a note deleted since that comes back moved there (carriedNote.is).
	Passages []carriedPassage `json:"passages,omitempty"`
	// Each is its annotations one by one, each one note, so that a note
	// still in the library is none of those the reader deleted.
	Each []carriedNote `json:"each,omitempty"`
}

func carriedOf(a *feeds.Article) carried {
	c := carried{Read: a.Read, Starred: a.Starred, Tags: feeds.NormalizeTags(a.Tags)}
	if a.Retitled {
		c.Title = a.Title
	}
	slices.Sort(c.Tags)
	c.Notes, c.Passages, c.Each = carriedNotesOf(a.Annotations)
	return c
}

// String is how the state is stored: "" when there is none.
func (c carried) String() string {
	if c.Title == "" && c.Read == nil && c.Starred == nil && len(c.Tags) == 0 && len(c.Notes) == 0 && len(c.Passages) == 0 && len(c.Each) == 0 {
		return ""
	}
	b, _ := json.Marshal(c)
	return string(b)
}

func parseCarried(s string) carried {
	var c carried
	if s != "" {
		_ = json.Unmarshal([]byte(s), &c) // unreadable: as if nothing was carried
	}
	return c
}
