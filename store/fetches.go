package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"tidings/feeds"
)

// FeedCount is how many articles a feed has brought, and how many of them
// are unread.
type FeedCount struct {
	Articles, Unread int
}

// FeedCounts returns the article counts of every feed, by feed id.
func (s *Store) FeedCounts(ctx context.Context) (map[int64]FeedCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT feed_id, count(*), count(*) - count(read_at)
		FROM articles WHERE feed_id IS NOT NULL GROUP BY feed_id`)
	if err != nil {
		return nil, fmt.Errorf("store: feed counts: %w", err)
	}
	defer rows.Close()
	out := make(map[int64]FeedCount)
	for rows.Next() {
		var id int64
		var c FeedCount
		if err := rows.Scan(&id, &c.Articles, &c.Unread); err != nil {
			return nil, fmt.Errorf("store: feed counts: %w", err)
		}
		out[id] = c
	}
	return out, rows.Err()
}

// maxFeedError is how many characters of a fetch's error a feed keeps.
const maxFeedError = 1000

// RecordFetch stores what fetching feed id brought: its articles (imported
// like any others, keeping what the reader did to earlier versions; those
// the reader deleted stay deleted, and count as unchanged, Skipped saying
// how many of the unchanged they are), and the
// feed's new state — validators for the next conditional request, title,
// site, the time of the fetch and its error, and its new URL after a
// permanent redirect — and the tags the rules give the articles it added,
// all in one transaction: an interrupted fetch leaves nothing, and is
// fetched again in full, never skipped.
//
// A feed that moved for good to an address subscribed already becomes that
// subscription (see mergeMoved): what the fetch brought is the other
// feed's, which its own fetches bring, and is not stored twice; each of
// its articles is Unchanged, and none is counted.
func (s *Store) RecordFetch(ctx context.Context, id int64, r feeds.FetchResult, rules []Rule) (FetchStats, error) {
	return s.recordFetch(ctx, id, r, rules, false)
}

// recordFetch is RecordFetch; with undelete, it is RecordFetchUndeleting.
func (s *Store) recordFetch(ctx context.Context, id int64, r feeds.FetchResult, rules []Rule, undelete bool) (FetchStats, error) {
	var stats FetchStats
	if r.Err == nil && r.NewURL != "" {
		into, err := s.mergeMoved(ctx, id, r.NewURL)
		if err != nil {
			return stats, fmt.Errorf("store: record fetch of %s: %w", feeds.ShownURL(r.Sub.URL), err)
		}
		if into != "" {
			stats.MergedInto = into
			stats.Outcomes = make([]Outcome, len(r.Articles))
			for i := range stats.Outcomes {
				stats.Outcomes[i] = Unchanged
			}
			return stats, nil
		}
	}
	lastErr := ""
	if r.Err != nil {
		lastErr = feeds.CleanLine(r.Err.Error())
		if e := []rune(lastErr); len(e) > maxFeedError {
			// A parser's or a server's words of megabytes: the feed
			// list and the # panel show a few lines.
			lastErr = string(e[:maxFeedError]) + "…"
		}
	}
	var strata [][]*ruleRun
	if len(rules) > 0 && len(r.Articles) > 0 {
		// The rules left out (RulesLeftOut) are the caller's to say, once
		// for all the feeds it fetches, not once for each.
		strata, _ = prepareStrata(rules)
	}
	// One transaction: the feed's title (which source: reads), its
	// articles, the tags the rules give those it added, and its state. A
	// fetch interrupted before the commit leaves no trace, and is fetched
	// again in full, its new articles tagged.
	order := importOrder(r.Articles)
	batch := make([]feeds.Article, len(order))
	for k, i := range order {
		batch[k] = r.Articles[i]
	}
	outs, err := s.importBatch(ctx, batch, true, batchHooks{
		before: func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE feeds SET
				title = CASE WHEN ? <> '' AND named = 0 THEN ? ELSE title END,
				site_url = CASE WHEN ? <> '' THEN ? ELSE site_url END
				WHERE id = ?`,
				feeds.CleanLine(r.Sub.Title), feeds.CleanLine(r.Sub.Title),
				feeds.CleanLine(r.Sub.SiteURL), feeds.CleanLine(r.Sub.SiteURL), id)
			return err
		},
		after: func(tx *sql.Tx, outs []Outcome) error {
			if _, err := applyArrivals(ctx, tx, strata, len(rules), addedIDs(batch, outs)); err != nil {
				return err
			}
			return recordFetchState(ctx, tx, id, r, lastErr)
		},
		undelete: undelete,
	})
	if errors.Is(err, errFeedGone) {
		return stats, nil // removed while it was fetched: what it brought goes too
	}
	if err != nil {
		if errors.Is(err, ErrReadOnly) {
			return stats, err
		}
		// importBatch's error says "store: import:", which this one says
		// better.
		if inner := errors.Unwrap(err); inner != nil {
			err = inner
		}
		if ae, ok := errors.AsType[*ArticleError](err); ok {
			ae.Index = order[ae.Index] // its place in the feed
		}
		return stats, fmt.Errorf("store: record fetch of %s: %w", feeds.ShownURL(r.Sub.URL), err)
	}
	stats.Outcomes = make([]Outcome, len(outs))
	for k, o := range outs {
		if o == Skipped {
			o = Unchanged // deleted by the reader: the feed has nothing new
			stats.Skipped++
		}
		stats.Outcomes[order[k]] = o
	}
	stats.Count(stats.Outcomes...)
	return stats, nil
}

// importOrder is the order recordFetch imports a fetch's entries in, as
// their indexes in batch: last to first. An article added is given the
// next id, and articles of one date, or of none (the time they were added
// stands for it), are listed by id, the highest first: so of the entries
// a fetch adds, the feed's first, its newest, is listed on top, as the
// feed lists them, and entries dated by the day keep the feed's order.
// Entries that share an id (one's former id is another's id) are
// imported one after the other in the feed's order, where the last of
// them stands: which of them finds a stored article is as it was.
func importOrder(batch []feeds.Article) []int {
	group := make([]int, len(batch)) // the index of a group's first entry
	for i := range group {
		group[i] = i
	}
	root := func(i int) int {
		for group[i] != i {
			group[i] = group[group[i]]
			i = group[i]
		}
		return i
	}
	firstWith := make(map[string]int, len(batch)) // id -> the first entry known by it
	for i := range batch {
		a := &batch[i]
		for _, id := range append([]string{a.ExternalID, a.LooseID}, a.FormerIDs...) {
			if id == "" {
				continue
			}
			j, seen := firstWith[id]
			if !seen {
				firstWith[id] = i
				continue
			}
			if ri, rj := root(i), root(j); ri != rj {
				group[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	members := make(map[int][]int)
	for i := range batch {
		r := root(i)
		members[r] = append(members[r], i)
	}
	order := make([]int, 0, len(batch))
	for i := len(batch) - 1; i >= 0; i-- {
		if m, ok := members[root(i)]; ok {
			order = append(order, m...)
			delete(members, root(i))
		}
	}
	return order
}

// recordFetchState stores, in tx, a fetch's state of feed id: the
// validators for the next conditional request (those a request can send
// back: feeds.KeptETag, feeds.KeptLastModified), the time of the fetch
// and its error (lastErr), and its new URL after a permanent redirect.
func recordFetchState(ctx context.Context, tx *sql.Tx, id int64, r feeds.FetchResult, lastErr string) error {
	_, err := tx.ExecContext(ctx, `UPDATE feeds SET
		etag = CASE WHEN ? THEN ? ELSE etag END,
		last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
		last_fetch = ?, last_error = ?
		WHERE id = ?`,
		r.Err == nil, feeds.KeptETag(r.Sub.ETag),
		r.Err == nil, feeds.KeptLastModified(r.Sub.LastModified),
		time.Now().Unix(), lastErr, id)
	if err != nil {
		return err
	}
	// (A feed removed meanwhile matches no row: nothing is made anew.)
	if r.NewURL == "" || r.Err != nil {
		return nil
	}
	// A permanent redirect moves the subscription; its articles keep
	// the ids its first address gave them. (One to an address
	// subscribed already was merged into that subscription before; one
	// subscribed meanwhile leaves this one where it was.)
	newURL := feeds.NormalizeURL(r.NewURL)
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET url = ?, url_normal = ?,
		id_base = CASE WHEN id_base = '' THEN url ELSE id_base END
		WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)`, newURL, feeds.MatchURL(newURL), id, newURL)
	return err
}

// mergeMoved makes feed from, which moved for good to newURL, one with the
// subscription to newURL (any spelling of it, as FeedByURL finds it), if
// there is one, and returns that subscription's address ("" when there is
// none, or when from is gone, removed while it was fetched): from's articles
// become that feed's, with their read state, stars, tags and notes (an
// entry both feeds carried is one article, the feed's: see foldShared);
// the feed gains from's tags, and what each of the two brought those of
// the other, as if it had brought it; and from is unsubscribed.
func (s *Store) mergeMoved(ctx context.Context, from int64, newURL string) (merged string, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		merged = ""
		if err := repairFeedURLs(ctx, tx); err != nil {
			return err
		}
		into, err := feedIDByURL(ctx, tx, newURL)
		if errors.Is(err, sql.ErrNoRows) || err == nil && into == from {
			return nil
		}
		if err != nil {
			return err
		}
		fromTags, err := feedTags(ctx, tx, from)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		intoTags, err := feedTags(ctx, tx, into)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT url FROM feeds WHERE id = ?`, into).Scan(&merged); err != nil {
			return err
		}
		tags := feeds.NormalizeTags(append(slices.Clone(intoTags), fromTags...))
		if tags == nil {
			tags = []string{}
		}
		enc, err := json.Marshal(tags)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET tags = ? WHERE id = ?`, string(enc), into); err != nil {
			return err
		}
		// Each feed's articles get the tags the other had: the feed's tags
		// are on everything it brought.
		now := time.Now().Unix()
		for _, side := range []struct {
			feed int64
			had  []string
		}{{into, intoTags}, {from, fromTags}} {
			for _, name := range tags {
				if len(feeds.NormalizeTags(append(slices.Clone(side.had), name))) == len(side.had) {
					continue // it has it, in some spelling
				}
				tag, err := tagID(ctx, tx, name)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
					SELECT id, ?, ?, 0 FROM articles WHERE feed_id = ?
					ON CONFLICT(article_id, tag_id) DO NOTHING`, tag, now, side.feed); err != nil {
					return err
				}
				if err := forgetUnused(ctx, tx, tag); err != nil {
					return err
				}
			}
		}
		if err := foldShared(ctx, tx, from, into); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET feed_id = ? WHERE feed_id = ?`, into, from); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, from)
		return err
	})
	return merged, err
}

// foldShared folds each article of feed from whose entry feed into
// carries too (the same guid, or link, in both: a category feed's post in
// the blog's main feed, or one feed followed under two addresses) into
// into's copy, which into's fetches keep up to date: it is read if either
// was, starred if either was, has the tags of both (the reader's if either
// copy's was), the notes of both (a note both had, once), and from's
// copy's title when the reader retitled that one and not this one. from's
// copy is then deleted. Entries are matched by their ids, made of each
// feed's address (its first one, id_base, when it moved before) and the
// entry's key; an id too long to keep readable is a hash that does not
// name its key, and its article moves as it is.
func foldShared(ctx context.Context, tx *sql.Tx, from, into int64) error {
	fromPrefix, err := entryIDPrefix(ctx, tx, from)
	if err != nil {
		return err
	}
	intoPrefix, err := entryIDPrefix(ctx, tx, into)
	if err != nil || intoPrefix == fromPrefix {
		return err
	}
	// from's copies of entries, with what the reader did to them.
	type copyOf struct {
		id, sortKey int64
		key, title  string // title: a retitle's
		readAt      sql.NullInt64
		starred     bool
		retitled    bool
	}
	var olds []copyOf
	rows, err := tx.QueryContext(ctx, `SELECT id, external_id, sort_key,
		CASE WHEN retitled <> 0 THEN title ELSE '' END, read_at, starred, retitled
		FROM articles WHERE feed_id = ? ORDER BY id`, from)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c copyOf
		var ext string
		if err := rows.Scan(&c.id, &ext, &c.sortKey, &c.title, &c.readAt, &c.starred, &c.retitled); err != nil {
			rows.Close()
			return err
		}
		if key, ok := strings.CutPrefix(ext, fromPrefix); ok {
			c.key = key
			olds = append(olds, c)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if len(olds) == 0 {
		return nil
	}
	find, err := tx.PrepareContext(ctx, `SELECT id, sort_key, retitled FROM articles WHERE external_id = ?`)
	if err != nil {
		return err
	}
	defer find.Close()
	// The survivor takes what the reader did to the other copy.
	state, err := tx.PrepareContext(ctx, `UPDATE articles SET
		read_at = coalesce(min(read_at, ?1), read_at, ?1),
		starred = max(starred, ?2),
		title = CASE WHEN retitled = 0 AND ?3 THEN ?4 ELSE title END,
		retitled = max(retitled, ?3),
		feed_id = coalesce(feed_id, ?5)
		WHERE id = ?6`)
	if err != nil {
		return err
	}
	defer state.Close()
	tags, err := tx.PrepareContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
		SELECT ?, tag_id, added, by_rule FROM article_tags WHERE article_id = ?
		ON CONFLICT(article_id, tag_id) DO UPDATE
		SET added = min(added, excluded.added), by_rule = min(by_rule, excluded.by_rule)`)
	if err != nil {
		return err
	}
	defer tags.Close()
	sameNotes, err := tx.PrepareContext(ctx, `DELETE FROM annotations WHERE article_id = ?1
		AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = ?2
			AND n.quote = annotations.quote AND n.note = annotations.note)`)
	if err != nil {
		return err
	}
	defer sameNotes.Close()
	moveNotes, err := tx.PrepareContext(ctx, `UPDATE annotations SET article_id = ? WHERE article_id = ?
		RETURNING note <> '', quote <> ''`)
	if err != nil {
		return err
	}
	defer moveNotes.Close()

	var gone []any
	changed := make(map[int64]int64) // the survivors to index again: id by sort key
	var passages []int64             // the survivors given notes on a passage of from's copy
	for _, old := range olds {
		var s copyOf
		switch err := find.QueryRowContext(ctx, intoPrefix+old.key).Scan(&s.id, &s.sortKey, &s.retitled); {
		case errors.Is(err, sql.ErrNoRows):
			continue // into has not brought it: it moves as it is
		case err != nil:
			return err
		}
		if _, err := state.ExecContext(ctx, old.readAt, old.starred, old.retitled, old.title, into, s.id); err != nil {
			return err
		}
		if old.retitled && !s.retitled {
			changed[s.sortKey] = s.id
		}
		if _, err := tags.ExecContext(ctx, s.id, old.id); err != nil {
			return err
		}
		if _, err := sameNotes.ExecContext(ctx, old.id, s.id); err != nil {
			return err
		}
		moved, err := moveNotes.QueryContext(ctx, s.id, old.id)
		if err != nil {
			return err
		}
		for moved.Next() {
			var note, passage bool
			if err := moved.Scan(&note, &passage); err != nil {
				moved.Close()
				return err
			}
			if note {
				changed[s.sortKey] = s.id
			}
			if passage {
				passages = append(passages, s.id)
			}
		}
		if err := moved.Close(); err != nil {
			return err
		}
		gone = append(gone, old.id)
	}
	for len(gone) > 0 {
		chunk := gone[:min(500, len(gone))]
		gone = gone[len(chunk):]
		if err := deleteArticles(ctx, tx, placeholders(len(chunk)), chunk...); err != nil {
			return err
		}
	}
	// Those notes are anchored again in the survivor's text, which may be
	// another version of the entry.
	anchors := &reanchorer{bodies: make(map[int64]string)}
	for _, id := range passages {
		var body string
		if err := tx.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, id).Scan(&body); err != nil {
			return err
		}
		anchors.bodies[id] = body
	}
	if err := anchors.run(ctx, tx); err != nil {
		return err
	}
	return reindexRows(ctx, tx, changed)
}

// entryIDPrefix is how the ids of feed id's entries begin: "feed:", the
// address they were made from (the feed's first, when it moved), "#".
func entryIDPrefix(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var base string
	err := tx.QueryRowContext(ctx, `SELECT CASE WHEN id_base <> '' THEN id_base ELSE url END FROM feeds WHERE id = ?`, id).Scan(&base)
	return "feed:" + base + "#", err
}

// feedTags are the default tags of feed id, as NormalizeTags leaves them.
func feedTags(ctx context.Context, tx *sql.Tx, id int64) ([]string, error) {
	var enc string
	if err := tx.QueryRowContext(ctx, `SELECT tags FROM feeds WHERE id = ?`, id).Scan(&enc); err != nil {
		return nil, err
	}
	var tags []string
	if err := json.Unmarshal([]byte(enc), &tags); err != nil {
		return nil, fmt.Errorf("feed tags: %w", err)
	}
	return feeds.NormalizeTags(tags), nil
}

// deleteArticles deletes the articles the query selects (by id), with their
// full-text rows; tags and annotations go with them (foreign keys). The
// highest id the library has given is kept first (meta 'last_article'), so
// that the next article added is not given a deleted article's id: a script
// or a second tidings still holding that id would act on the newcomer.
func deleteArticles(ctx context.Context, tx *sql.Tx, selectIDs string, args ...any) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value)
		SELECT 'last_article', coalesce(max(id), 0) FROM articles WHERE true
		ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_fts WHERE rowid IN
		(SELECT sort_key FROM articles WHERE id IN (`+selectIDs+`))`, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+selectIDs+`)`, args...)
	return err
}
