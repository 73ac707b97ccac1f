package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tidings/feeds"
)

// Deleting an article (the reader's D, tidings delete) takes it out of the
// library with its tags, notes and full-text row, and remembers its
// external id (deleted_articles): a fetch of its feed, or an import of its
// file, does not bring it back, as newsboat's deleted flag keeps a deleted
// entry from coming back. An import with undelete (ImportUndeleting)
// brings it back and forgets that it was deleted, and so does a fetch with
// undelete (RecordFetchUndeleting) for a feed's entry it still serves.

// Deleted is what DeleteArticles deleted.
type Deleted struct {
	Articles int // the articles deleted; ids of none are not counted
	Notes    int // their notes, which went with them
	// Fed is how many of the articles a subscribed feed (one fetched over
	// http or https) had brought: a fetch with undelete brings them back
	// while the feed serves them. The others came from files, which an
	// import with undelete brings back.
	Fed int
}

// DeleteArticles deletes the articles ids, with their tags, notes and
// full-text rows, in one transaction, and remembers their external ids so
// that no fetch or import adds them again (ImportUndeleting does). Tags
// left on no article, and given no colour, go too, as when the reader
// takes a tag off. Ids of no article are passed over.
func (s *Store) DeleteArticles(ctx context.Context, ids []int64) (Deleted, error) {
	var d Deleted
	err := s.tx(ctx, func(tx *sql.Tx) error {
		d = Deleted{}
		now := time.Now().Unix()
		tags := map[int64]bool{}
		for len(ids) > 0 {
			n := min(500, len(ids))
			args := make([]any, n)
			for i, id := range ids[:n] {
				args[i] = id
			}
			ids = ids[n:]
			in := placeholders(n)
			var articles, notes, fed int
			if err := tx.QueryRowContext(ctx, `SELECT count(*),
				(SELECT count(*) FROM annotations WHERE article_id IN (`+in+`)),
				(SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id IN (`+in+`)
					AND (f.url LIKE 'http://%' OR f.url LIKE 'https://%'))
				FROM articles WHERE id IN (`+in+`)`, append(append(args, args...), args...)...).Scan(&articles, &notes, &fed); err != nil {
				return err
			}
			d.Articles += articles
			d.Notes += notes
			d.Fed += fed
			if _, err := tx.ExecContext(ctx, `INSERT INTO deleted_articles(external_id, title, deleted)
				SELECT external_id, title, ? FROM articles WHERE id IN (`+in+`)
				ON CONFLICT(external_id) DO UPDATE SET title = excluded.title, deleted = excluded.deleted`,
				append([]any{now}, args...)...); err != nil {
				return err
			}
			rows, err := tx.QueryContext(ctx, `SELECT DISTINCT tag_id FROM article_tags WHERE article_id IN (`+in+`)`, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var tag int64
				if err := rows.Scan(&tag); err != nil {
					rows.Close()
					return err
				}
				tags[tag] = true
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if err := deleteArticles(ctx, tx, in, args...); err != nil {
				return err
			}
		}
		for tag := range tags {
			if err := forgetUnused(ctx, tx, tag); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrReadOnly) {
			return Deleted{}, err
		}
		return Deleted{}, fmt.Errorf("store: delete articles: %w", err)
	}
	return d, nil
}

// ImportUndeleting is ImportTagged that brings back the articles the
// reader deleted (DeleteArticles): they are imported as if they had never
// been, and their deletion is forgotten, so that fetches keep them up to
// date again.
func (s *Store) ImportUndeleting(ctx context.Context, batch []feeds.Article, rules []Rule) ([]Outcome, error) {
	res, err := s.ImportWith(ctx, batch, ImportOptions{Rules: rules, Undelete: true})
	return res.Outcomes, err
}

// RecordFetchUndeleting is RecordFetch that brings back the entries the
// reader deleted which the fetch brought (the feed still serves them):
// they are stored as if they had never been, their deletion forgotten, and
// count as added.
func (s *Store) RecordFetchUndeleting(ctx context.Context, id int64, r feeds.FetchResult, rules []Rule) (FetchStats, error) {
	return s.recordFetch(ctx, id, r, rules, true)
}

// deletions is what an import knows of the deleted articles among its
// batch's ids.
type deletions struct {
	// undelete imports them, and forgets that they were deleted.
	undelete bool
	// some is set once the library is known to remember a deletion; none
	// when it is known to remember none, which spares every lookup.
	some, none bool
	// titles are the titles the deleted articles had, by external id.
	titles map[string]string
}

// load looks up which of ids (external ids) name deleted articles.
func (d *deletions) load(ctx context.Context, tx *sql.Tx, ids []any) error {
	if d.none || len(ids) == 0 {
		return nil
	}
	if !d.some {
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deleted_articles)`).Scan(&d.some); err != nil {
			return err
		}
		if d.none = !d.some; d.none {
			return nil
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT external_id, title FROM deleted_articles WHERE external_id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, title string
		if err := rows.Scan(&id, &title); err != nil {
			return err
		}
		if d.titles == nil {
			d.titles = map[string]string{}
		}
		d.titles[id] = title
	}
	return rows.Err()
}

// skip reports whether a, an article the library does not hold, was
// deleted and stays so: found by its id, an id it had before (FormerIDs),
// or the id of its text alone (LooseID) when its title is the one the
// deleted article had. With undelete, a is not skipped, and its deletion
// is forgotten.
func (d *deletions) skip(ctx context.Context, tx *sql.Tx, a *feeds.Article) (bool, error) {
	if len(d.titles) == 0 {
		return false, nil
	}
	var ids []any
	for _, id := range append([]string{a.ExternalID}, a.FormerIDs...) {
		if _, ok := d.titles[id]; ok {
			ids = append(ids, id)
		}
	}
	if title, ok := d.titles[a.LooseID]; ok && a.LooseID != "" && title == a.Title {
		ids = append(ids, a.LooseID)
	}
	if len(ids) == 0 {
		return false, nil
	}
	if !d.undelete {
		return true, nil
	}
	for _, id := range ids {
		delete(d.titles, id.(string))
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM deleted_articles WHERE external_id IN (`+placeholders(len(ids))+`)`, ids...)
	return false, err
}
