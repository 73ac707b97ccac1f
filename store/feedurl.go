package store

import (
	"context"
	"database/sql"
	"errors"

	"tidings/feeds"
)

// Each feed keeps the normal form of its address (feeds.NormalizeURL) in
// feeds.url_normal, indexed (migration 16), so that any spelling of an
// address finds its subscription with one probe of that index, however many
// feeds the library has on the host. A row without it ('') was written by a
// tidings from before migration 16 left running while a newer one upgraded
// the library, or by another program: those rows alone are normalised in Go
// when looking up (feedIDByURL), and given their normal form by the next
// write that looks a feed up (repairFeedURLs).

// feedBySpellingSQL finds the first feed, by id, whose address normalises
// to the one given.
const feedBySpellingSQL = `SELECT id FROM feeds WHERE url_normal = ? ORDER BY id LIMIT 1`

// staleFeedsSQL reads the feeds without their address's normal form, by
// id, below the id given (any, for 0).
const staleFeedsSQL = `SELECT id, url FROM feeds WHERE url_normal = '' AND (?1 = 0 OR id < ?1) ORDER BY id`

// feedIDBySpelling is the id of the first feed, by id, stored under an
// address whose normal form is norm; sql.ErrNoRows when none.
func feedIDBySpelling(ctx context.Context, q querier, norm string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, feedBySpellingSQL, norm).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	// A feed without its normal form that comes before it may be another
	// spelling too.
	rows, err := q.QueryContext(ctx, staleFeedsSQL, id)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var stale int64
		var stored string
		if err := rows.Scan(&stale, &stored); err != nil {
			return 0, err
		}
		if feeds.NormalizeURL(stored) == norm {
			return stale, nil
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if id == 0 {
		return 0, sql.ErrNoRows
	}
	return id, nil
}

// repairFeedURLs gives every feed without it the normal form of its
// address: migration 16 for a library from before, and, in a write that
// looks feeds up, the rows an older tidings or another program wrote since.
// When there are none, it costs one probe of the feeds_url_normal index.
func repairFeedURLs(ctx context.Context, tx *sql.Tx) error {
	var stale bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM feeds WHERE url_normal = '')`).Scan(&stale); err != nil || !stale {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, url FROM feeds WHERE url_normal = ''`)
	if err != nil {
		return err
	}
	normal := map[int64]string{}
	for rows.Next() {
		var id int64
		var url string
		if err := rows.Scan(&id, &url); err != nil {
			rows.Close()
			return err
		}
		if n := feeds.NormalizeURL(url); n != "" {
			normal[id] = n
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for id, n := range normal {
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET url_normal = ? WHERE id = ?`, n, id); err != nil {
			return err
		}
	}
	return nil
}
