package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// art is an article as an importer would produce it: the title is the
// body's first sentence.
func art(externalID, date, body string) feeds.Article {
	a := feeds.Article{ExternalID: externalID, Source: "MENAFN", Body: body}
	if date != "" {
		d, err := time.Parse(time.DateOnly, date)
		if err != nil {
			panic(err)
		}
		a.Published = d
	}
	a.Title, _, _ = strings.Cut(body, ".")
	return a
}

// importAll imports articles in one batch and returns the outcomes.
func importAll(t *testing.T, s *Store, arts ...feeds.Article) []Outcome {
	t.Helper()
	outs, err := s.Import(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != len(arts) {
		t.Fatalf("%d outcomes for %d articles", len(outs), len(arts))
	}
	return outs
}

// idsOf returns the ids of every article matching q, newest first.
func idsOf(t *testing.T, s *Store, q string) []int64 {
	t.Helper()
	var ids []int64
	err := s.Search(context.Background(), q, 0, func(a Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func ptr[T any](v T) *T { return &v }
