package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"tidings/feeds"
)

// TestImportSaysWhichFeedsItSubscribedTo: an article that names a feed
// (an export's) subscribes the library to it, and the import says so for
// the feeds it created, not for those the library had or an earlier batch
// made; a batch refused subscribes to none.
func TestImportSaysWhichFeedsItSubscribedTo(t *testing.T) {
	const had, fresh, other = "https://example.org/had.xml", "https://example.org/new.xml", "http://example.net/rss"
	art := func(id, feed string) feeds.Article {
		return feeds.Article{ExternalID: id, Source: "Desk", Title: id, Body: "Text of " + id + ".", FeedURL: feed}
	}
	tests := []struct {
		name    string
		batches [][]feeds.Article
		want    [][]string // each batch's new feeds
	}{
		{"no feed named", [][]feeds.Article{{art("a", ""), art("b", "")}}, [][]string{nil}},
		{"a feed the library has", [][]feeds.Article{{art("a", had)}}, [][]string{nil}},
		{"a new feed named twice, beside one the library has", [][]feeds.Article{{art("a", fresh), art("b", had), art("c", fresh), art("d", other)}},
			[][]string{{fresh, other}}},
		{"a new feed named again by the next batch", [][]feeds.Article{{art("a", fresh)}, {art("b", fresh), art("c", other)}},
			[][]string{{fresh}, {other}}},
		{"the same articles again", [][]feeds.Article{{art("a", fresh)}, {art("a", fresh)}}, [][]string{{fresh}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			if _, err := s.AddFeed(ctx, Feed{URL: had, Title: "Had"}); err != nil {
				t.Fatal(err)
			}
			var all []string
			for i, batch := range tt.batches {
				res, err := s.ImportWith(ctx, batch, ImportOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(res.NewFeeds, tt.want[i]) {
					t.Errorf("batch %d subscribed to %q, want %q", i+1, res.NewFeeds, tt.want[i])
				}
				all = append(all, res.NewFeeds...)
			}
			list, err := s.Feeds(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1+len(all) {
				t.Errorf("%d feeds, want the one the library had and the %d the import said", len(list), len(all))
			}
		})
	}
}

// TestRefusedBatchSubscribesToNone: a batch the store refuses names no
// feed it subscribed to, and none is there after.
func TestRefusedBatchSubscribesToNone(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	batch := []feeds.Article{
		{ExternalID: "a", Source: "Desk", Title: "A", Body: "A.", FeedURL: "https://example.org/new.xml"},
		{ExternalID: "b", Title: "B", Absent: feeds.FieldBody}, // changes an article not there
	}
	res, err := s.ImportWith(ctx, batch, ImportOptions{})
	if !errors.Is(err, ErrNothingToAdd) {
		t.Fatalf("import: %v, want ErrNothingToAdd", err)
	}
	if len(res.NewFeeds) != 0 {
		t.Errorf("refused batch subscribed to %q", res.NewFeeds)
	}
	if list, err := s.Feeds(ctx); err != nil || len(list) != 0 {
		t.Errorf("feeds after a refused batch: %d, %v", len(list), err)
	}
}
