package store

import (
	"context"
	"testing"
)

// TestFeedQueryFindsAnySpellingOfTheAddress: feed: given an address finds
// the subscription whatever the spelling, as feed add and feed remove find
// it (FeedByURL), not only as the library stored it: host and scheme in
// any case, feed://, a default port, a fragment. An address stored as an
// older tidings wrote it is still found as written.
func TestFeedQueryFindsAnySpellingOfTheAddress(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, u := range []string{"http://LocalHost:8701/a.xml", "https://Example.com:443/b.xml#top"} {
		if _, err := s.Subscribe(ctx, Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	a1, a2, b1, old := art("a1", "2026-01-01", "First of A."), art("a2", "2026-01-02", "Second of A."),
		art("b1", "2026-01-03", "First of B."), art("o1", "2026-01-04", "Of a feed stored as typed.")
	a1.FeedURL, a2.FeedURL, b1.FeedURL = "http://localhost:8701/a.xml", "http://localhost:8701/a.xml", "https://example.com/b.xml"
	old.FeedURL = "http://Old.Example/c.xml" // a subscription an older tidings stored as typed
	importAll(t, s, a1, a2, b1, old, art("x", "2026-01-05", "Of no feed."))

	for _, c := range []struct {
		q    string
		want int
	}{
		{`feed:"http://localhost:8701/a.xml"`, 2}, // as stored
		{`feed:"http://LocalHost:8701/a.xml"`, 2}, // as it was added
		{`feed:"feed://localhost:8701/a.xml"`, 2},
		{`feed:"HTTP://localhost:8701/a.xml"`, 2},
		{`feed:"http://localhost:8701/a.xml#new"`, 2},
		{`feed:"https://EXAMPLE.com:443/b.xml"`, 1},
		{`feed:"feed:https://example.com/b.xml"`, 1},
		{`feed:"feed://localhost:8701/"*`, 2},
		{`feed:"http://LocalHost:8701/a.xml" OR feed:"https://example.com:443/b.xml"`, 3},
		{`-feed:"HTTP://LOCALHOST:8701/a.xml"`, 3},
		{`second feed:"http://LocalHost:8701/a.xml"`, 1},
		{`feed:"http://Old.Example/c.xml"`, 1},         // as stored
		{`feed:"http://localhost:8701/b.xml"`, 0},      // another address
		{`feed:"https://localhost:8701/a.xml"`, 0},     // another scheme
		{`feed:"http://localhost:8702/a.xml"`, 0},      // another port
		{`feed:"http://localhost:8701/A.xml"`, 0},      // a path is what it is
		{`feed:"http://localhost:8701/a.xml/"`, 0},     // and so is a trailing slash
		{`feed:"https://example.com/b.xml"`, 1},        // stored so
		{`feed:"c.xml"`, 0},                            // not an address, and no feed's name
		{`feed:"http://localhost:8701"*`, 2},           // a prefix as before
		{`feed:"HTTP://LocalHost:8701/a"*`, 2},         // in any case, as before
		{`feed:"feed://localhost:8701/a.xml" OR x`, 2}, // x is a word no article has
	} {
		if n, err := s.Count(ctx, c.q); err != nil || n != c.want {
			t.Errorf("Count(%s) = %d, %v; want %d", c.q, n, err, c.want)
		}
		if ids := idsOf(t, s, c.q); len(ids) != c.want {
			t.Errorf("Search(%s) finds %d, want %d", c.q, len(ids), c.want)
		}
	}
	if n, err := s.CountLive(ctx, `feed:"feed://LocalHost:8701/a.xml" fir`); err != nil || n != 1 {
		t.Errorf("live feed:\"feed://LocalHost:8701/a.xml\" fir: %d, %v; want 1", n, err)
	}
}
