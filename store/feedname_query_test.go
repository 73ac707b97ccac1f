package store

import (
	"context"
	"testing"
)

// feed: given a name finds every subscription of that name, as QUERY.md
// says; given an address, the one subscription at it.
func TestFeedQueryByNameFindsEverySubscriptionOfIt(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, u := range []string{"http://one.example/feed.xml", "http://two.example/feed.xml", "http://three.example/feed.xml"} {
		title := "Blog"
		if u == "http://three.example/feed.xml" {
			title = "Blog Two"
		}
		if _, err := s.Subscribe(ctx, Feed{URL: u, Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	a, b, c := art("a", "2026-01-01", "Of one."), art("b", "2026-01-02", "Of two."), art("c", "2026-01-03", "Of three.")
	a.FeedURL, b.FeedURL, c.FeedURL = "http://one.example/feed.xml", "http://two.example/feed.xml", "http://three.example/feed.xml"
	importAll(t, s, a, b, c)
	for q, want := range map[string]int{
		"feed:Blog":                           2,
		"feed:blog":                           2,
		`feed:"Blog Two"`:                     1,
		"feed:Blog*":                          3,
		`feed:"http://two.example/feed.xml"`:  1,
		`feed:"HTTP://One.Example/feed.xml"`:  1,
		`feed:"http://four.example/feed.xml"`: 0,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%s) = %d, %v; want %d", q, n, err, want)
		}
	}
}
