package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestPanelFeedWithAPassword: a feed fetched with a user name and password
// in its address (as newsboat users write them) is listed without the
// password, and is not said to have moved because its first address is
// kept without them; a feed that moved still says so, without them.
func TestPanelFeedWithAPassword(t *testing.T) {
	ctx := context.Background()
	lib, _ := openLibrary(t)
	for _, f := range []struct{ url, title string }{
		{"https://alice:s3cret@private.example/feed.xml", ""},
		{"https://bob:hunter2@team.example/old.xml", "Team"},
	} {
		sub, err := lib.Subscribe(ctx, store.Feed{URL: f.url, Title: f.title})
		if err != nil {
			t.Fatal(err)
		}
		if f.title == "Team" {
			moved := feeds.FetchResult{Sub: feeds.Subscription{URL: sub.Feed.URL, Title: "Team"}, NewURL: "https://bob:hunter2@team.example/new.xml",
				Articles: []feeds.Article{{ExternalID: "feed:team:1", Title: "A post", Body: "A post.", Source: "Team", FeedURL: sub.Feed.URL}}}
			if _, err := lib.RecordFetch(ctx, sub.Feed.ID, moved, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	m := start(t, lib, Config{}, 100, 24)
	m = steps(t, m, "#")
	for _, keys := range [][]string{{"G"}, {"k"}} {
		m = steps(t, m, keys...)
		view := viewText(m)
		if strings.Contains(view, "s3cret") || strings.Contains(view, "hunter2") {
			t.Fatalf("the panel shows a password:\n%s", view)
		}
		d := panelDetail(view)
		switch {
		case strings.Contains(d, "private.example"):
			if d != "https://alice@private.example/feed.xml" {
				t.Errorf("under the list: %q, want the address without its password, not moved", d)
			}
		case strings.Contains(d, "team.example"):
			if want := "https://bob@team.example/new.xml moved from https://team.example/old.xml"; d != want {
				t.Errorf("under the list: %q, want %q", d, want)
			}
		default:
			t.Errorf("under the list: %q\n%s", d, view)
		}
	}
}
