package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"tidings/feeds"
)

// AddFeed subscribes to a feed, or updates the title, site and default tags
// of the subscription with this URL, and returns it.
func (s *Store) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	f.URL = strings.TrimSpace(feeds.CleanLine(f.URL))
	if f.URL == "" {
		return Feed{}, errors.New("store: add feed: no URL")
	}
	f.Title, f.SiteURL = feeds.CleanLine(f.Title), feeds.CleanLine(f.SiteURL)
	f.Tags = feeds.NormalizeTags(f.Tags)
	if f.Tags == nil {
		f.Tags = []string{}
	}
	enc, err := json.Marshal(f.Tags)
	if err != nil {
		return Feed{}, fmt.Errorf("store: add feed: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO feeds(url, title, site_url, tags) VALUES (?, ?, ?, ?)
			ON CONFLICT(url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url, tags = excluded.tags
			RETURNING id`, f.URL, f.Title, f.SiteURL, string(enc)).Scan(&f.ID)
	})
	if err != nil {
		return Feed{}, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	return f, nil
}

// Feeds returns the subscriptions by title, then URL.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, url, title, site_url, tags, etag, last_modified,
		coalesce(last_fetch, 0), last_error, id_base FROM feeds ORDER BY title COLLATE NOCASE, url`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var tags string
		var fetched int64
		if err := rows.Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &tags, &f.ETag, &f.LastModified,
			&fetched, &f.LastError, &f.IDBase); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
			return nil, fmt.Errorf("store: feed %s: tags: %w", f.URL, err)
		}
		f.LastFetch = fromUnix(fetched)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	return out, nil
}
