package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"modernc.org/sqlite"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// ftsDoc is one row of the contentless full-text table article_fts: the store
// writes every row itself, keyed by the article's sort key.
type ftsDoc struct {
	rowid              int64
	title, body, notes string
}

// ftsWriter collects the full-text changes of one write transaction and
// applies them at its end: deletions first, then insertions in ascending
// rowid order, because FTS5 flushes its pending terms to disk whenever a
// rowid is not greater than the one before it in the transaction.
type ftsWriter struct {
	deletes []int64
	inserts map[int64]*ftsDoc // by article id: the last state wins
}

func newFTSWriter() *ftsWriter { return &ftsWriter{inserts: make(map[int64]*ftsDoc)} }

// remove drops the row an article had before this transaction.
func (w *ftsWriter) remove(rowid int64) { w.deletes = append(w.deletes, rowid) }

// put sets the row of article id as it will be when the transaction ends.
func (w *ftsWriter) put(id int64, d ftsDoc) { w.inserts[id] = &d }

func (w *ftsWriter) flush(ctx context.Context, tx *sql.Tx) error {
	if len(w.deletes) > 0 {
		del, err := tx.PrepareContext(ctx, `DELETE FROM article_fts WHERE rowid = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		for _, r := range w.deletes {
			if _, err := del.ExecContext(ctx, r); err != nil {
				return err
			}
		}
	}
	if len(w.inserts) == 0 {
		return nil
	}
	docs := make([]*ftsDoc, 0, len(w.inserts))
	for _, d := range w.inserts {
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b *ftsDoc) int { return cmp.Compare(a.rowid, b.rowid) })
	ins, err := tx.PrepareContext(ctx, `INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	insert := func(d ftsDoc) error {
		_, err := ins.ExecContext(ctx, d.rowid, d.title, d.body, d.notes)
		return err
	}
	if len(docs) < 64 {
		seen := make(wordSet)
		for _, d := range docs {
			if err := insert(d.distinct(seen)); err != nil {
				return err
			}
		}
		return nil
	}
	// Many rows: their words are gathered on another goroutine while FTS5
	// indexes the rows before.
	ready := make(chan ftsDoc, 256)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ready)
		seen := make(wordSet)
		for _, d := range docs {
			select {
			case ready <- d.distinct(seen):
			case <-stop:
				return
			}
		}
	}()
	for d := range ready {
		if err := insert(d); err != nil {
			return err
		}
	}
	return nil
}

// distinct returns the row with each column's words once (distinctWords),
// the body's and the notes' as the reader shows them (shownBody): what
// FTS5 is given.
func (d *ftsDoc) distinct(seen wordSet) ftsDoc {
	return ftsDoc{
		rowid: d.rowid,
		title: distinctWords(d.title, seen),
		body:  distinctWords(shownBody(d.body), seen),
		notes: distinctWords(shownBody(d.notes), seen),
	}
}

// notesOf returns the text of an article's annotation notes as article_fts
// indexes it: joined by newlines, oldest first.
func notesOf(ctx context.Context, tx *sql.Tx, articleID int64) (string, error) {
	stmt, err := tx.PrepareContext(ctx, notesQuery)
	if err != nil {
		return "", err
	}
	defer stmt.Close()
	return joinedNotes(ctx, stmt, articleID)
}

// notesQuery reads an article's notes, oldest first, for joinedNotes.
const notesQuery = `SELECT note FROM annotations WHERE article_id = ? AND note <> '' ORDER BY created, id`

// joinedNotes is notesOf with notesQuery prepared.
func joinedNotes(ctx context.Context, stmt *sql.Stmt, articleID int64) (string, error) {
	rows, err := stmt.QueryContext(ctx, articleID)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var notes []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		notes = append(notes, n)
	}
	return strings.Join(notes, "\n"), rows.Err()
}

// reindex rewrites the full-text row of one article from what is stored now.
func reindex(ctx context.Context, tx *sql.Tx, articleID int64) error {
	var d ftsDoc
	err := tx.QueryRowContext(ctx, `SELECT sort_key, title, body FROM articles WHERE id = ?`, articleID).
		Scan(&d.rowid, &d.title, &d.body)
	if err != nil {
		return err
	}
	if d.notes, err = notesOf(ctx, tx, articleID); err != nil {
		return err
	}
	w := newFTSWriter()
	w.remove(d.rowid)
	w.put(articleID, d)
	return w.flush(ctx, tx)
}

var registerFuncs sync.Once

// registerFunctions registers the SQL functions compiled queries call:
// tidings_phrase(text, phrase) checks a phrase's words in order, which
// article_fts, indexing words but not their positions, cannot;
// tidings_body_phrase(text, phrase) checks them in an article's body or a
// note, Markdown, as the reader shows it and the index holds it
// (shownBody);
// tidings_fold_tag(name) is a tag name folded (marks.FoldTag).
func registerFunctions() {
	registerFuncs.Do(func() {
		sqlite.MustRegisterDeterministicScalarFunction("tidings_phrase", 2, phraseFunc)
		sqlite.MustRegisterDeterministicScalarFunction("tidings_body_phrase", 2, bodyPhraseFunc)
		// A tag name as typed, folded as tags.folded holds names
		// (marks.FoldTag): a list of names in JSON is compared with it.
		sqlite.MustRegisterDeterministicScalarFunction("tidings_fold_tag", 1,
			func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
				name, _ := args[0].(string)
				return marks.FoldTag(query.TagName(name)), nil
			})
		// A note or quote as stored now (marks.DropInWords), to tell one
		// stored before as the same.
		sqlite.MustRegisterDeterministicScalarFunction("tidings_in_words", 1,
			func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
				text, _ := args[0].(string)
				return marks.DropInWords(text), nil
			})
	})
}

// phraseFunc is tidings_phrase(text, phrase): 1 when text has the phrase's
// words in order (matchPhrase), else 0.
func phraseFunc(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	text, _ := args[0].(string)
	phrase, _ := args[1].(string)
	return boolInt(matchPhrase(text, phrase)), nil
}

// bodyPhraseFunc is tidings_body_phrase(text, phrase): phraseFunc on
// Markdown as the reader shows it (shownBody).
func bodyPhraseFunc(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	body, _ := args[0].(string)
	phrase, _ := args[1].(string)
	return boolInt(matchPhrase(shownBody(body), phrase)), nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// reindexChunk is how many articles reindexRows reads and indexes at a time.
const reindexChunk = 2000

// reindexCJK indexes again the articles with a CJK character in their
// title, body or notes, which article_fts once held as runs of them: for
// migration 7.
func reindexCJK(ctx context.Context, tx *sql.Tx) error {
	return reindexWhere(ctx, tx, query.HasCJK)
}

// reindexCompat indexes again, for migration 15, the articles with a
// fullwidth letter or digit or a ligature in their title, body or notes,
// which article_fts held as letters of their own (Ｔｏｋｙｏ was not tokyo)
// and now holds as the letters they stand for (query.Compat). It reads
// every article: a ligature is mostly inside a word (ofﬁce), where the
// index's vocabulary cannot find it.
func reindexCompat(ctx context.Context, tx *sql.Tx) error {
	return reindexWhere(ctx, tx, query.HasCompat)
}

// reindexFolds indexes again, for migration 21, the articles whose title,
// body or notes the index is now given otherwise (query.NewlyFolded):
// with a vowel point of Arabic or Hebrew, a letter read as other letters
// (ß, ı), halfwidth katakana, or characters not composed. It reads every
// article: the marks are inside words, where the index's vocabulary cannot
// find them (unicode61 read them as separators), as are the letters, and
// decomposed text left nothing in it to be found by. But most of a text
// is ASCII, which is read eight bytes at a time.
func reindexFolds(ctx context.Context, tx *sql.Tx) error {
	return reindexWhere(ctx, tx, query.NewlyFolded)
}

// reindexMarks indexes again, for migration 22, the articles whose body
// or notes have a mark of emphasis or strikethrough inside a word (The
// **Ukr**aine story), which article_fts held as the words on either side
// of it (ukr, aine) and now holds as the word the reader shows (ukraine:
// shownBody). It reads every article, as migration 14 does, and parses
// only the texts with a "*" or "~" inside a word (hasInnerMark).
func reindexMarks(ctx context.Context, tx *sql.Tx) error {
	return reindexWhere(ctx, tx, func(text string) bool {
		return hasInnerMark(text) && shownBody(text) != text
	})
}

// reindexWhere indexes again the articles for which has is true of the
// title, the body or a note: text the index now takes differently. It
// reads every article.
func reindexWhere(ctx context.Context, tx *sql.Tx, has func(string) bool) error {
	ids := map[int64]int64{} // by sort key
	rows, err := tx.QueryContext(ctx, `SELECT id, sort_key, title, body FROM articles`)
	if err != nil {
		return err
	}
	var id, key int64
	var title, body, note sql.RawBytes // reused from row to row
	for rows.Next() {
		if err := rows.Scan(&id, &key, &title, &body); err != nil {
			rows.Close()
			return err
		}
		if has(unsafeString(title)) || has(unsafeString(body)) {
			ids[key] = id
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT a.id, a.sort_key, n.note FROM annotations n JOIN articles a ON a.id = n.article_id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		if err := rows.Scan(&id, &key, &note); err != nil {
			rows.Close()
			return err
		}
		if has(unsafeString(note)) {
			ids[key] = id
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return reindexRows(ctx, tx, ids)
}

// reindexRows writes again the full-text rows of the articles ids holds
// by sort key. Their old rows are deleted first and the new ones written
// in ascending rowid order, a chunk at a time, so that FTS5 keeps adding
// to its pending terms (see ftsWriter) and memory holds one chunk. (One
// INSERT ... SELECT would be simpler, but SQLite keeps a statement journal
// of every page it changes, in memory: gigabytes at a million articles.)
func reindexRows(ctx context.Context, tx *sql.Tx, ids map[int64]int64) error {
	if len(ids) == 0 {
		return nil
	}
	keys := slices.Sorted(maps.Keys(ids))
	del := newFTSWriter()
	for _, k := range keys {
		del.remove(k)
	}
	if err := del.flush(ctx, tx); err != nil {
		return err
	}
	text, err := tx.PrepareContext(ctx, `SELECT title, body FROM articles WHERE sort_key = ?`)
	if err != nil {
		return err
	}
	defer text.Close()
	notes, err := tx.PrepareContext(ctx, notesQuery)
	if err != nil {
		return err
	}
	defer notes.Close()
	for len(keys) > 0 {
		chunk := keys[:min(reindexChunk, len(keys))]
		keys = keys[len(chunk):]
		w := newFTSWriter()
		for _, k := range chunk {
			d := ftsDoc{rowid: k}
			if err := text.QueryRowContext(ctx, k).Scan(&d.title, &d.body); err != nil {
				return err
			}
			if d.notes, err = joinedNotes(ctx, notes, ids[k]); err != nil {
				return err
			}
			w.put(ids[k], d)
		}
		if err := w.flush(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// unsafeString is b as a string, for as long as b is not written to.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// matchPhrase answers as query.MatchPhrase does, faster for the common
// case: FTS5 hands the phrase check every article that has the phrase's
// words anywhere, and tokenizing each whole text in Go is most of what a
// phrase query costs. When neither the text nor the phrase has a letter,
// digit or mark beyond ASCII, every word of the text folds to itself in
// lower case, and the phrase is found with a case-insensitive substring
// search instead.
func matchPhrase(text, phrase string) bool {
	if p := parsePhrase(phrase); p.ascii && simpleText(text) {
		return p.in(text)
	}
	return query.MatchPhrase(text, phrase)
}

// phrase is a phrase of the query language as matchPhrase needs it.
type phrase struct {
	words  []string // folded
	prefix bool     // the last word is a prefix
	ascii  bool     // every word is ASCII, and there is one
}

// phrases caches parsed phrases: a query checks the same one on every
// candidate.
var phrases sync.Map

func parsePhrase(s string) phrase {
	if p, ok := phrases.Load(s); ok {
		return p.(phrase)
	}
	p := phrase{words: query.Tokens(s), prefix: strings.HasSuffix(strings.TrimRightFunc(s, unicode.IsSpace), "*")}
	p.ascii = len(p.words) > 0
	for _, w := range p.words {
		p.ascii = p.ascii && isASCII(w)
	}
	phrases.Store(s, p)
	return p
}

// lowered holds buffers for the lower-case copies of texts that in searches.
var lowered = sync.Pool{New: func() any { return new([]byte) }}

// in reports whether a simple text (see simpleText) holds the phrase.
func (p phrase) in(text string) bool {
	buf := lowered.Get().(*[]byte)
	defer lowered.Put(buf)
	b := append((*buf)[:0], text...)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	*buf = b
	first := []byte(p.words[0])
	for from := 0; ; {
		at := bytes.Index(b[from:], first)
		if at < 0 {
			return false
		}
		at += from
		from = at + 1
		if at > 0 && isWordByte(b[at-1]) {
			continue // inside a word
		}
		if p.followedBy(b, at) {
			return true
		}
	}
}

// followedBy reports whether the lower-case text holds the phrase's words
// from at on, each a whole word (the last a prefix, if the phrase says so),
// with only separators between them.
func (p phrase) followedBy(text []byte, at int) bool {
	for i, w := range p.words {
		if len(text)-at < len(w) || string(text[at:at+len(w)]) != w {
			return false
		}
		at += len(w)
		last := i == len(p.words)-1
		if at < len(text) && isWordByte(text[at]) && !(last && p.prefix) {
			return false
		}
		for at < len(text) && !isWordByte(text[at]) {
			at++ // separators, and the bytes of non-letters beyond ASCII
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// simpleText reports whether every character of text beyond ASCII separates
// words, as typographic quotes and dashes do: then each word of the text is
// ASCII letters and digits, and folds to itself in lower case.
func simpleText(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !separates(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// separatorRunes caches separates, which asks the query package's
// tokenizer: it follows FTS5's unicode61 tables, which are not Go's.
var separatorRunes sync.Map

// separates reports whether r splits a word in two.
func separates(r rune) bool {
	if v, ok := separatorRunes.Load(r); ok {
		return v.(bool)
	}
	sep := len(query.Tokens("a"+string(r)+"a")) == 2
	separatorRunes.Store(r, sep)
	return sep
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
