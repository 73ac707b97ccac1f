package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// RecordFetch stores what fetching feed id brought: its articles (imported
// like any others, keeping what the reader did to earlier versions), and the
// feed's new state — validators for the next conditional request, title,
// site, the time of the fetch and its error, and its new URL after a
// permanent redirect. The articles are committed before the feed's state, so
// an interrupted fetch is fetched again in full, never skipped. The rules tag
// the articles the fetch added.
func (s *Store) RecordFetch(ctx context.Context, id int64, r feeds.FetchResult, rules []Rule) (FetchStats, error) {
	var stats FetchStats
	var added []string
	if len(r.Articles) > 0 {
		outs, err := s.importBatch(ctx, r.Articles, true)
		if errors.Is(err, errFeedGone) {
			return stats, nil // removed while it was fetched: what it brought goes too
		}
		if err != nil {
			return stats, err
		}
		stats.Count(outs...)
		stats.Outcomes = outs
		for i, o := range outs {
			if o == Added {
				added = append(added, r.Articles[i].ExternalID)
			}
		}
	}
	lastErr := ""
	if r.Err != nil {
		lastErr = feeds.CleanLine(r.Err.Error())
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE feeds SET
			title = CASE WHEN ? <> '' AND named = 0 THEN ? ELSE title END,
			site_url = CASE WHEN ? <> '' THEN ? ELSE site_url END,
			etag = CASE WHEN ? THEN ? ELSE etag END,
			last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
			last_fetch = ?, last_error = ?
			WHERE id = ?`,
			feeds.CleanLine(r.Sub.Title), feeds.CleanLine(r.Sub.Title),
			feeds.CleanLine(r.Sub.SiteURL), feeds.CleanLine(r.Sub.SiteURL),
			r.Err == nil, feeds.CleanLine(r.Sub.ETag),
			r.Err == nil, feeds.CleanLine(r.Sub.LastModified),
			time.Now().Unix(), lastErr, id)
		if err != nil {
			return err
		}
		// (A feed removed meanwhile matches no row: nothing is made anew.)
		if r.NewURL == "" || r.Err != nil {
			return nil
		}
		// A permanent redirect moves the subscription, unless the new URL is
		// subscribed already.
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET url = ?,
			id_base = CASE WHEN id_base = '' THEN url ELSE id_base END
			WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)`, r.NewURL, id, r.NewURL)
		return err
	})
	if err != nil {
		return stats, fmt.Errorf("store: record fetch of %s: %w", r.Sub.URL, err)
	}
	// The rules run once the feed has its title: source: matches feed
	// titles, and a feed's first fetch is what gives it one.
	if _, err := s.ApplyRules(ctx, rules, added); err != nil && !errors.Is(err, ErrReadOnly) && !isRuleError(err) {
		return stats, err
	}
	return stats, nil
}

// deleteArticles deletes the articles the query selects (by id), with their
// full-text rows; tags and annotations go with them (foreign keys).
func deleteArticles(ctx context.Context, tx *sql.Tx, selectIDs string, args ...any) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_fts WHERE rowid IN
		(SELECT sort_key FROM articles WHERE id IN (`+selectIDs+`))`, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+selectIDs+`)`, args...)
	return err
}
