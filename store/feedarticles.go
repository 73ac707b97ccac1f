package store

import (
	"context"
	"fmt"
)

// FeedArticles is how many articles the library holds of feed id: those
// its fetches brought, and those a new subscription took back.
func (s *Store) FeedArticles(ctx context.Context, id int64) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE feed_id = ?`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: feed articles: %w", err)
	}
	return n, nil
}
