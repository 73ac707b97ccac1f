package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestPanelOpensOnTheFilterAsWritten: the # panel opens on the entry the
// list is filtered by however the filter is written, as the library reads
// it: #nato is tag:nato, a tag's name in any case, a feed by its title in
// any case or by its address, a search's query spaced or quoted otherwise.
// A filter that is more than the entry (a prefix, another term) is not it.
func TestPanelOpensOnTheFilterAsWritten(t *testing.T) {
	ctx := context.Background()
	lib := panelLibrary(t)
	if err := lib.SaveSearch(ctx, "Zeppelins", "is:unread title:zeppelin"); err != nil {
		t.Fatal(err)
	}
	f, err := lib.AddFeed(ctx, store.Feed{URL: "http://zurich.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	res := feeds.FetchResult{Sub: feeds.Subscription{URL: f.URL, Title: "Zürich Tram"},
		Articles: []feeds.Article{{ExternalID: "tram", Title: "Trams", Body: "Trams.", Source: "Zürich Tram", FeedURL: f.URL}}}
	if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string // the entry the panel opens on
	}{
		{"tag:nato", "nato"},
		{"#nato", "nato"},
		{"tag:NATO", "nato"},
		{"#Nato", "nato"},
		{"(tag:nato)", "nato"},
		{"tag:nato*", "Storms"},
		{"#nato leak", "Storms"},
		{`feed:"Feed 27"`, "Feed 27"},
		{`feed:"feed 27"`, "Feed 27"},
		{`feed:"FEED 27"`, "Feed 27"},
		{"feed:http://feeds.example/27.xml", "Feed 27"},
		{`feed:"zürich tram"`, "Zürich Tram"},
		{`feed:"ZÜRICH TRAM"`, "Zürich Tram"},
		{`feed:"Feed 2"*`, "Storms"},
		{"is:unread title:zeppelin", "Zeppelins"},
		{`is:unread   title:"zeppelin"`, "Zeppelins"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := start(t, lib, Config{Query: tt.query}, 80, 24)
			m = step(t, m, press("#"))
			it, _ := root(t, m).panel.current()
			if it.name != tt.want {
				t.Errorf("filtered by %s, the panel opens on %q, want %q", tt.query, it.name, tt.want)
			}
			if it.isFeed {
				// The library reads the filter as that feed too.
				rows, err := lib.Page(ctx, store.PageRequest{Query: tt.query, Limit: 10})
				if err != nil || len(rows) != 1 || rows[0].Source != tt.want {
					t.Errorf("the library finds %v (%v) for %s", rows, err, tt.query)
				}
			}
		})
	}
}

// TestNextUnreadFeedAsWritten: n at the end of a list filtered to one feed
// offers the next feed however the filter names the feed: its title in any
// case, or its address.
func TestNextUnreadFeedAsWritten(t *testing.T) {
	tests := []struct {
		query string
		said  string // after G and n
	}{
		{`feed:"Feed 01"`, "No more unread in “Feed 01” — n again: “Feed 02” (3 unread)"},
		{`feed:"feed 01"`, "No more unread in “Feed 01” — n again: “Feed 02” (3 unread)"},
		{"feed:http://feeds.example/01.xml", "No more unread in “Feed 01” — n again: “Feed 02” (3 unread)"},
		{`feed:"Feed 0"*`, "No more unread articles."},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			lib := feedLibrary(t, 3, 3)
			m := start(t, lib, Config{Query: tt.query}, 100, 30)
			m = steps(t, m, "G", "n")
			if got := root(t, m).status; got != tt.said {
				t.Fatalf("the status line says %q, want %q", got, tt.said)
			}
			if !strings.HasPrefix(tt.said, "No more unread in") {
				return
			}
			m = step(t, m, press("n"))
			if q := root(t, m).list.query.text; q != `feed:"Feed 02"` {
				t.Errorf("n again filtered the list by %q, want the feed Feed 02", q)
			}
		})
	}
}

// TestSameFeedName: a feed: term's name is a feed's title as the library
// matches them.
func TestSameFeedName(t *testing.T) {
	tests := []struct {
		name, title string
		want        bool
	}{
		{"alpha news", "Alpha News", true},
		{"Alpha News", "Alpha News", true},
		{"alpha new", "Alpha News", false},
		{"zürich", "ZÜRICH", true},
		{"zu\u0308rich", "Zürich", true},
		{"İSTANBUL", "istanbul", true},
		{"ISTANBUL", "İstanbul", false}, // ASCII's NOCASE: İ is no I
		{"k", "\u212a", false},          // the Kelvin sign: ASCII names fold ASCII letters only
		{"σοφία", "ΣΟΦΊΑ", true},
	}
	for _, tt := range tests {
		if got := sameFeedName(tt.name, tt.title); got != tt.want {
			t.Errorf("sameFeedName(%q, %q) = %v, want %v", tt.name, tt.title, got, tt.want)
		}
	}
}
