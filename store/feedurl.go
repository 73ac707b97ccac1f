package store

import (
	"context"
	"database/sql"
	"errors"

	"tidings/feeds"
)

// Each feed keeps the normal form of its address in feeds.url_normal,
// indexed (migration 16), so that any spelling of an address finds its
// subscription with one probe of that index, however many feeds the
// library has on the host. It is the form feeds are matched by
// (feeds.MatchURL): without the user name and password the address may
// carry, so that the feed is found with another password (migration 19).
// A row without it ('') was written by a tidings from before migration 16
// left running while a newer one upgraded the library, or by another
// program: those rows alone are normalised in Go when looking up
// (feedIDByURL), and given their normal form by the next write that looks
// a feed up (repairFeedURLs).

// A feed that moved for good keeps the address its articles' ids were made
// from, its first, in feeds.id_base, and is found by it, any spelling of
// it, when no feed is at that address now: fetch and feed remove name a
// feed by the address it was subscribed at. Its normal form is kept beside
// it, in feeds.id_base_normal, indexed among the moved feeds (migration
// 18); a trigger gives it when a move sets id_base, from the normal form
// the address had. A moved feed without it ('': written by another
// program, or from an address without its normal form) is normalised in Go
// when looking up, and given it by the next subscription or removal
// (repairFeedBases).

// feedBySpellingSQL finds the first feed, by id, whose address normalises
// to the one given.
const feedBySpellingSQL = `SELECT id FROM feeds WHERE url_normal = ? ORDER BY id LIMIT 1`

// staleFeedsSQL reads the feeds without their address's normal form, by
// id, below the id given (any, for 0).
const staleFeedsSQL = `SELECT id, url FROM feeds WHERE url_normal = '' AND (?1 = 0 OR id < ?1) ORDER BY id`

// movedFromSQL reads the moved feeds whose first address normalises to the
// one given, and those without its normal form.
const movedFromSQL = `SELECT id, id_base, id_base_normal FROM feeds WHERE id_base <> '' AND id_base_normal IN (?, '')`

// feedIDBySpelling is the id of the first feed, by id, stored under an
// address whose normal form is norm; sql.ErrNoRows when none.
func feedIDBySpelling(ctx context.Context, q querier, norm string) (int64, error) {
	return firstByNormalForm(ctx, q, norm, feedBySpellingSQL, staleFeedsSQL)
}

// feedIDByBase is the id of the first feed, by id, that moved from an
// address whose normal form is norm; sql.ErrNoRows when none. Moved feeds
// are few: those of one address, and those without the normal form of it
// (normalised here), are read in one probe of the feeds_id_base_normal
// index.
func feedIDByBase(ctx context.Context, q querier, norm string) (int64, error) {
	rows, err := q.QueryContext(ctx, movedFromSQL, norm)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var first int64
	for rows.Next() {
		var id int64
		var base, normal string
		if err := rows.Scan(&id, &base, &normal); err != nil {
			return 0, err
		}
		if (first == 0 || id < first) && (normal == norm || normal == "" && feeds.MatchURL(base) == norm) {
			first = id
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if first == 0 {
		return 0, sql.ErrNoRows
	}
	return first, nil
}

// firstByNormalForm is the id of the first feed, by id, whose address
// (the one the queries read) normalises to norm: probe finds it by the
// normal form kept, stale reads those without one that come before it;
// sql.ErrNoRows when none.
func firstByNormalForm(ctx context.Context, q querier, norm, probe, stale string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, probe, norm).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	// A feed without its normal form that comes before it may be another
	// spelling too.
	rows, err := q.QueryContext(ctx, stale, id)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var staleID int64
		var stored string
		if err := rows.Scan(&staleID, &stored); err != nil {
			return 0, err
		}
		if feeds.MatchURL(stored) == norm {
			return staleID, nil
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

// repairFeeds gives every feed without them the normal forms of its
// address (feeds.url_normal) and of the address it moved from
// (feeds.id_base_normal): migrations 16 and 18 for a library from before,
// and, in a write that looks feeds up, the rows an older tidings or another
// program wrote since. When there are none, it costs one probe of each
// index.
func repairFeeds(ctx context.Context, tx *sql.Tx) error {
	return repairNormalForms(ctx, tx, `SELECT id, url, 'url_normal' FROM feeds WHERE url_normal = ''
		UNION ALL SELECT id, id_base, 'id_base_normal' FROM feeds WHERE id_base <> '' AND id_base_normal = ''`)
}

// repairFeedURLs is repairFeeds for the addresses alone: migration 16,
// before feeds had id_base_normal.
func repairFeedURLs(ctx context.Context, tx *sql.Tx) error {
	return repairNormalForms(ctx, tx, `SELECT id, url, 'url_normal' FROM feeds WHERE url_normal = ''`)
}

// repairFeedBases is repairFeeds for the addresses moved from alone:
// migration 18.
func repairFeedBases(ctx context.Context, tx *sql.Tx) error {
	return repairNormalForms(ctx, tx, `SELECT id, id_base, 'id_base_normal' FROM feeds WHERE id_base <> '' AND id_base_normal = ''`)
}

// repairCredentialForms gives the feeds whose address, or the address they
// moved from, may carry a user name or password their normal form without
// them (migration 19): those a tidings from before stored with them.
func repairCredentialForms(ctx context.Context, tx *sql.Tx) error {
	return repairNormalForms(ctx, tx, `SELECT id, url, 'url_normal' FROM feeds WHERE url LIKE '%@%'
		UNION ALL SELECT id, id_base, 'id_base_normal' FROM feeds WHERE id_base LIKE '%@%'`)
}

// repairHostForms gives the feeds whose address, or the address they moved
// from, may have a host beyond ASCII (a '%' or a character beyond ASCII in
// it) their normal form, the host as punycode (migration 20): those a
// tidings from before stored percent-encoded.
func repairHostForms(ctx context.Context, tx *sql.Tx) error {
	return repairNormalForms(ctx, tx, `SELECT id, url, 'url_normal' FROM feeds
		WHERE url LIKE '%!%%' ESCAPE '!' OR url GLOB '*[^ -~]*'
		UNION ALL SELECT id, id_base, 'id_base_normal' FROM feeds
		WHERE id_base <> '' AND (id_base LIKE '%!%%' ESCAPE '!' OR id_base GLOB '*[^ -~]*')`)
}

// repairNormalForms reads the feeds stale selects (id, address, the
// column of its normal form) and stores each address's normal form.
func repairNormalForms(ctx context.Context, tx *sql.Tx, stale string) error {
	rows, err := tx.QueryContext(ctx, stale)
	if err != nil {
		return err
	}
	type repair struct {
		id             int64
		column, normal string
	}
	var repairs []repair
	for rows.Next() {
		var r repair
		var url string
		if err := rows.Scan(&r.id, &url, &r.column); err != nil {
			rows.Close()
			return err
		}
		if r.normal = feeds.MatchURL(url); r.normal != "" {
			repairs = append(repairs, r)
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return err
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, r := range repairs {
		// column is one of the two names above.
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET `+r.column+` = ? WHERE id = ?`, r.normal, r.id); err != nil {
			return err
		}
	}
	return nil
}
