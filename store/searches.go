package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tidings/feeds"
	"tidings/store/query"
)

// SaveSearch saves a query under a name, replacing the query of a search
// already saved under that name (case-insensitively). The query must parse.
func (s *Store) SaveSearch(ctx context.Context, name, q string) error {
	name = feeds.CleanLine(name)
	if name == "" {
		return errors.New("store: save search: the name is empty")
	}
	if _, err := query.Parse(q); err != nil {
		return fmt.Errorf("store: save search %q: %w", name, err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO saved_searches(name, query) VALUES (?, ?)
			ON CONFLICT(name) DO UPDATE SET query = excluded.query`, name, q)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save search %q: %w", name, err)
	}
	return nil
}

// SavedSearches returns the saved searches by name.
func (s *Store) SavedSearches(ctx context.Context) ([]SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE`)
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
	return out, nil
}

// DeleteSearch deletes the saved search with this name (case-insensitively).
func (s *Store) DeleteSearch(ctx context.Context, name string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM saved_searches WHERE name = ?`, feeds.CleanLine(name))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete search %q: %w", name, err)
	}
	return nil
}
