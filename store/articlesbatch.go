package store

import (
	"context"
	"fmt"
	"slices"
)

// lookupChunk is how many articles one lookup of many reads at a time.
const lookupChunk = 500

// ArticlesByID returns the articles with these ids, keyed by id, with their
// tags and annotation counts, reading them lookupChunk at a time: a command
// line of many thousands of ids costs a few statements, not one each. Ids
// of no article are left out.
func (s *Store) ArticlesByID(ctx context.Context, ids []int64) (map[int64]Article, error) {
	out := make(map[int64]Article, len(ids))
	for part := range slices.Chunk(ids, lookupChunk) {
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		arts, err := s.articles(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id IN ("+placeholders(len(args))+")", args...)
		if err != nil {
			return nil, fmt.Errorf("store: articles by id: %w", err)
		}
		for _, a := range arts {
			out[a.ID] = a
		}
	}
	return out, nil
}

// ArticlesByExternalID returns the articles with these external ids, keyed
// by external id, as ArticlesByID does by id. External ids of no article
// are left out.
func (s *Store) ArticlesByExternalID(ctx context.Context, externalIDs []string) (map[string]Article, error) {
	out := make(map[string]Article, len(externalIDs))
	for part := range slices.Chunk(externalIDs, lookupChunk) {
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		arts, err := s.articles(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.external_id IN ("+placeholders(len(args))+")", args...)
		if err != nil {
			return nil, fmt.Errorf("store: articles by external id: %w", err)
		}
		for _, a := range arts {
			out[a.ExternalID] = a
		}
	}
	return out, nil
}
