package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestPanelListsFeeds shows the feeds with their unread articles and last
// error in the # panel, and filters by a feed on enter.
func TestPanelListsFeeds(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	harbour, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/harbour.xml"})
	if err != nil {
		t.Fatal(err)
	}
	broken, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/broken.xml", Title: "Broken Feed"})
	if err != nil {
		t.Fatal(err)
	}
	res := feeds.FetchResult{Sub: feeds.Subscription{URL: harbour.URL, Title: "Harbour News"}}
	for _, title := range []string{"Ferries return", "Cranes replaced"} {
		res.Articles = append(res.Articles, feeds.Article{ExternalID: "feed:" + title, Title: title,
			Body: title + ".", Source: "Harbour News", FeedURL: harbour.URL})
	}
	if _, err := lib.RecordFetch(ctx, harbour.ID, res, nil); err != nil {
		t.Fatal(err)
	}
	bad := feeds.FetchResult{Sub: feeds.Subscription{URL: broken.URL}, Err: errors.New("HTTP 404 Not Found")}
	if _, err := lib.RecordFetch(ctx, broken.ID, bad, nil); err != nil {
		t.Fatal(err)
	}

	m := start(t, lib, Config{}, 100, 30)
	m = step(t, m, press("#"))
	view := string(viewText(m))
	for _, want := range []string{"Feeds", "Harbour News", "2 unread", "Broken Feed", "HTTP 404"} {
		if !strings.Contains(view, want) {
			t.Errorf("the panel lacks %q:\n%s", want, view)
		}
	}
	m = steps(t, m, "G", "k") // the feeds are last, by title: Broken Feed, Harbour News
	if it, _ := root(t, m).panel.current(); it.name != "Broken Feed" {
		t.Fatalf("on %+v, want the broken feed", it)
	}
	m = steps(t, m, "j", "enter")
	if q := root(t, m).list.query.text; q != `feed:"Harbour News"` {
		t.Errorf("choosing the feed filters by %q", q)
	}
	if rows := root(t, m).list.rows; len(rows) != 2 {
		t.Errorf("the feed's filter shows %d articles, want its 2", len(rows))
	}
}

// TestPanelFeedQueries: a feed is chosen by its name when no other feed has
// it, else by its address; an untitled feed by its address.
func TestPanelFeedQueries(t *testing.T) {
	var p tagsPanel
	p.fill(nil, nil, nil, []store.Feed{
		{ID: 1, URL: "https://a.example/rss", Title: "News"},
		{ID: 2, URL: "https://b.example/rss", Title: "Hacker News"},
		{ID: 3, URL: "https://c.example/rss", Title: "Gazette"},
		{ID: 4, URL: "https://d.example/rss", Title: "gazette"},
		{ID: 5, URL: "https://e.example/rss"},
	}, nil)
	want := map[string]string{
		"News": `feed:News`, "Hacker News": `feed:"Hacker News"`,
		"Gazette": "feed:https://c.example/rss", "gazette": "feed:https://d.example/rss",
		"https://e.example/rss": "feed:https://e.example/rss",
	}
	n := 0
	for _, it := range p.items {
		if !it.isFeed {
			continue
		}
		n++
		if it.query != want[it.name] {
			t.Errorf("%s filters by %s, want %s", it.name, it.query, want[it.name])
		}
	}
	if n != len(want) {
		t.Errorf("%d feeds listed, want %d", n, len(want))
	}
}
