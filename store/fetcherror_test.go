package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds"
)

// TestFeedKeepsALinesWorthOfError: a fetch's error of megabytes (a
// server's, a parser's) is kept as its first thousand characters, so the
// feed list and the # panel show a few lines of it.
func TestFeedKeepsALinesWorthOfError(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f, err := s.Subscribe(ctx, Feed{URL: "https://a.example/feed"})
	if err != nil {
		t.Fatal(err)
	}
	long := "not a feed: " + strings.Repeat("é", 2_000_000)
	if _, err := s.RecordFetch(ctx, f.Feed.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: f.Feed.URL}, Err: errors.New(long)}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedByURL(ctx, f.Feed.URL)
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(got.LastError); n != maxFeedError+1 || !strings.HasPrefix(got.LastError, "not a feed: éé") || !strings.HasSuffix(got.LastError, "é…") {
		t.Errorf("kept an error of %d characters: %.40q…, want %d ending in …", n, got.LastError, maxFeedError+1)
	}
}
