package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/query"
)

// SaveSearch saves a query under a name, replacing the query of a search
// already saved under that name in any case, in any script (marks.FoldTag,
// as tag names: Été is été), which keeps its spelling. The query must
// parse.
func (s *Store) SaveSearch(ctx context.Context, name, q string) error {
	name = feeds.CleanLine(name)
	if name == "" {
		return errors.New("store: save search: the name is empty")
	}
	if _, err := query.Parse(q); err != nil {
		return fmt.Errorf("store: save search %q: %w", name, err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ids, err := savedSearchesNamed(ctx, tx, name)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			_, err := tx.ExecContext(ctx, `INSERT INTO saved_searches(name, query) VALUES (?, ?)`, name, q)
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE saved_searches SET query = ? WHERE id = ?`, q, ids[0]); err != nil {
			return err
		}
		// Names saved before they were one in every script's case.
		return deleteSearches(ctx, tx, ids[1:])
	})
	if err != nil {
		return fmt.Errorf("store: save search %q: %w", name, err)
	}
	return nil
}

// savedSearchesNamed returns the ids of the searches saved under name in
// any case (marks.FoldTag), the first saved first.
func savedSearchesNamed(ctx context.Context, tx *sql.Tx, name string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM saved_searches ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	folded := marks.FoldTag(name)
	var ids []int64
	for rows.Next() {
		var id int64
		var saved string
		if err := rows.Scan(&id, &saved); err != nil {
			return nil, err
		}
		if marks.FoldTag(saved) == folded {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// deleteSearches deletes the saved searches of these ids.
func deleteSearches(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM saved_searches WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// SavedSearches returns the saved searches in alphabetical order of their
// names, as tags are listed (sortByTagName).
func (s *Store) SavedSearches(ctx context.Context) ([]SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, query FROM saved_searches`)
	if err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", err)
	}
	defer rows.Close()
	var out []SavedSearch
	for rows.Next() {
		var ss SavedSearch
		if err := rows.Scan(&ss.ID, &ss.Name, &ss.Query); err != nil {
			return nil, fmt.Errorf("store: saved searches: %w", err)
		}
		out = append(out, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", err)
	}
	sortByTagName(&tagOrder{}, out, func(ss SavedSearch) string { return ss.Name })
	return out, nil
}

// DeleteSearch deletes the saved search with this name, in any case
// (marks.FoldTag); ErrNotFound when there is none.
func (s *Store) DeleteSearch(ctx context.Context, name string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ids, err := savedSearchesNamed(ctx, tx, feeds.CleanLine(name))
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return ErrNotFound
		}
		return deleteSearches(ctx, tx, ids)
	})
	if err != nil {
		return fmt.Errorf("store: delete search %q: %w", name, err)
	}
	return nil
}
