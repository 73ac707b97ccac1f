package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
//
// A feed that moved for good to an address subscribed already becomes that
// subscription (see mergeMoved): what the fetch brought is the other
// feed's, which its own fetches bring, and is not stored twice; each of
// its articles is Unchanged, and none is counted.
func (s *Store) RecordFetch(ctx context.Context, id int64, r feeds.FetchResult, rules []Rule) (FetchStats, error) {
	var stats FetchStats
	if r.Err == nil && r.NewURL != "" {
		into, err := s.mergeMoved(ctx, id, r.NewURL)
		if err != nil {
			return stats, fmt.Errorf("store: record fetch of %s: %w", r.Sub.URL, err)
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
		// A permanent redirect moves the subscription; its articles keep
		// the ids its first address gave them. (One to an address
		// subscribed already was merged into that subscription above; one
		// subscribed meanwhile leaves this one where it was.)
		newURL := feeds.NormalizeURL(r.NewURL)
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET url = ?,
			id_base = CASE WHEN id_base = '' THEN url ELSE id_base END
			WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)`, newURL, id, newURL)
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

// mergeMoved makes feed from, which moved for good to newURL, one with the
// subscription to newURL (any spelling of it, as FeedByURL finds it), if
// there is one, and returns that subscription's address ("" when there is
// none, or when from is gone, removed while it was fetched): from's articles
// become that feed's, with their read state, stars, tags and notes; the feed
// gains from's tags, and what each of the two brought those of the other,
// as if it had brought it; and from is unsubscribed.
func (s *Store) mergeMoved(ctx context.Context, from int64, newURL string) (merged string, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		merged = ""
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
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET feed_id = ? WHERE feed_id = ?`, into, from); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, from)
		return err
	})
	return merged, err
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
// full-text rows; tags and annotations go with them (foreign keys).
func deleteArticles(ctx context.Context, tx *sql.Tx, selectIDs string, args ...any) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_fts WHERE rowid IN
		(SELECT sort_key FROM articles WHERE id IN (`+selectIDs+`))`, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (`+selectIDs+`)`, args...)
	return err
}
