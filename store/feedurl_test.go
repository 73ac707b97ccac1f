package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
)

// checkNormalForms fails unless every feed keeps the normal form of its
// address in url_normal.
func checkNormalForms(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.db.Query(`SELECT url, url_normal FROM feeds`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var url, normal string
		if err := rows.Scan(&url, &normal); err != nil {
			t.Fatal(err)
		}
		if want := feeds.NormalizeURL(url); normal != want {
			t.Errorf("feed %s: url_normal %q, want %q", url, normal, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// checkFeedURLs looks each address up (FeedByURL) and wants the feed stored
// under the address it maps to, "" for none.
func checkFeedURLs(t *testing.T, s *Store, want map[string]string) {
	t.Helper()
	for lookup, stored := range want {
		f, err := s.FeedByURL(context.Background(), lookup)
		switch {
		case stored == "" && !errors.Is(err, ErrNotFound):
			t.Errorf("FeedByURL(%s) = %+v, %v; want none", lookup, f, err)
		case stored != "" && (err != nil || f.URL != stored):
			t.Errorf("FeedByURL(%s) = %q, %v; want the feed stored as %s", lookup, f.URL, err, stored)
		}
	}
}

// TestFeedSpellingsAfterUpgrade: in a library of schema 15 holding feeds
// under the spellings a tidings from before normalising stored, each is
// found by any spelling of its address after the upgrade, through the
// index of normal forms; of two spellings, each by its own, and another
// spelling finds the first of them.
func TestFeedSpellingsAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	path, db := oldLibrary(t, 15)
	execAll(t, db,
		`INSERT INTO feeds(id, url, title) VALUES (1, 'http://News.Example.com:80/Feed.xml', 'News')`,
		`INSERT INTO feeds(id, url) VALUES (2, 'HTTPS://Two.Example.com')`,
		`INSERT INTO feeds(id, url) VALUES (3, 'https://two.example.com:443/#latest')`,
		`INSERT INTO feeds(id, url) VALUES (4, 'feed://three.example.com/rss')`,
		`INSERT INTO feeds(id, url) VALUES (5, 'file:///home/me/feed.xml')`,
		`INSERT INTO articles(id, external_id, sort_key, feed_id, title, body, added, updated)
			VALUES (1, 'feed:http://News.Example.com:80/Feed.xml#g1', 1, 1, 'Old one', 'Brought by the old feed', 0, 0)`)
	s := upgrade(t, path, db)
	checkNormalForms(t, s)
	checkFeedURLs(t, s, map[string]string{
		"http://news.example.com/Feed.xml":     "http://News.Example.com:80/Feed.xml",
		"HTTP://NEWS.EXAMPLE.COM/Feed.xml#top": "http://News.Example.com:80/Feed.xml",
		"http://News.Example.com:80/Feed.xml":  "http://News.Example.com:80/Feed.xml",
		"http://news.example.com/feed.xml":     "", // a path in another case is another feed
		"HTTPS://Two.Example.com":              "HTTPS://Two.Example.com",
		"https://two.example.com:443/#latest":  "https://two.example.com:443/#latest",
		"https://two.example.com/":             "HTTPS://Two.Example.com",
		"https://TWO.example.com":              "HTTPS://Two.Example.com",
		"http://three.example.com/rss":         "feed://three.example.com/rss",
		"feed:http://three.example.com/rss":    "feed://three.example.com/rss",
		"file:///home/me/feed.xml":             "file:///home/me/feed.xml",
		"FILE:///home/me/feed.xml":             "",
	})
	sub, err := s.Subscribe(ctx, Feed{URL: "http://NEWS.example.com/Feed.xml", Tags: []string{"news"}})
	if err != nil || sub.New || sub.Feed.ID != 1 || sub.Feed.URL != "http://News.Example.com:80/Feed.xml" {
		t.Errorf("Subscribe to another spelling = %+v, %v; want feed 1 as it was stored", sub, err)
	}
	if n, err := s.Count(ctx, "tag:news"); err != nil || n != 1 {
		t.Errorf("the old feed's article has its new tag: Count(tag:news) = %d, %v", n, err)
	}
	// Looking another spelling up probes the index; it sorts nothing.
	for _, q := range []string{feedBySpellingSQL, staleFeedsSQL} {
		plan := explain(t, s, q, []any{"https://two.example.com/"})
		if !strings.Contains(plan[0], "INDEX feeds_url_normal (url_normal=?)") || strings.Contains(strings.Join(plan, "\n"), "TEMP B-TREE") {
			t.Errorf("%s:\n%s", q, strings.Join(plan, "\n"))
		}
	}
}

// TestFeedsWithoutNormalForm: a feed another program, or a tidings from
// before schema 16 left running, writes without its normal form is found by
// any spelling all the same, in its place by id among the spellings; one
// whose address it changes is found at its new address, not at its old; the
// next subscription gives them their normal forms.
func TestFeedsWithoutNormalForm(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	checkNormalForms(t, s) // a new library has the column
	older := olderTidings(t, s.Path())
	olderInsert := func(url string) {
		t.Helper()
		if _, err := older.Exec(`INSERT INTO feeds(url) VALUES (?)`, url); err != nil {
			t.Fatal(err)
		}
	}
	// An article's feed is stored under its address as the article gives it.
	feedArticle := func(id, feedURL string) {
		t.Helper()
		a := art(id, "2024-03-05", "Brought by "+feedURL)
		a.FeedURL = feedURL
		importAll(t, s, a)
	}
	for _, u := range []string{"https://www.youtube.com/feeds/videos.xml?channel_id=A", "https://f.example.com/old"} {
		if _, err := s.Subscribe(ctx, Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	olderInsert("HTTPS://WWW.YouTube.com:443/feeds/videos.xml?channel_id=B")
	feedArticle("c1", "HTTP://C.Example.com/feed") // before the older one's spelling
	olderInsert("http://C.EXAMPLE.com:80/feed")
	olderInsert("http://D.Example.com:80/feed") // after the older one's spelling
	// As a tidings that stored an article's feed under the article's
	// spelling stored it (an import now finds the feed there).
	if _, err := older.Exec(`INSERT INTO feeds(url, url_normal) VALUES (?, ?)`,
		"HTTP://D.EXAMPLE.COM/feed", feeds.MatchURL("HTTP://D.EXAMPLE.COM/feed")); err != nil {
		t.Fatal(err)
	}
	olderInsert("https://e.example.com/old")
	if _, err := older.Exec(`UPDATE feeds SET url = 'HTTPS://E.Example.com/new' WHERE url = 'https://e.example.com/old'`); err != nil {
		t.Fatal(err)
	}
	if _, err := older.Exec(`UPDATE feeds SET url = 'HTTPS://F.Example.com/new' WHERE url = 'https://f.example.com/old'`); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"https://www.youtube.com/feeds/videos.xml?channel_id=B":     "HTTPS://WWW.YouTube.com:443/feeds/videos.xml?channel_id=B",
		"https://www.youtube.com/feeds/videos.xml?channel_id=B#top": "HTTPS://WWW.YouTube.com:443/feeds/videos.xml?channel_id=B",
		"https://www.youtube.com/feeds/videos.xml?channel_id=A":     "https://www.youtube.com/feeds/videos.xml?channel_id=A",
		"https://www.youtube.com/feeds/videos.xml?channel_id=C":     "",
		"http://c.example.com/feed":                                 "HTTP://C.Example.com/feed",
		"http://C.EXAMPLE.com:80/feed":                              "http://C.EXAMPLE.com:80/feed",
		"http://d.example.com/feed":                                 "http://D.Example.com:80/feed",
		"HTTP://D.EXAMPLE.COM/feed":                                 "HTTP://D.EXAMPLE.COM/feed",
		"https://e.example.com/new":                                 "HTTPS://E.Example.com/new",
		"https://e.example.com/old":                                 "",
		"https://f.example.com/new":                                 "HTTPS://F.Example.com/new",
		"https://f.example.com/old":                                 "",
	}
	checkFeedURLs(t, s, want)
	if _, err := s.Subscribe(ctx, Feed{URL: "https://g.example.com/feed"}); err != nil {
		t.Fatal(err)
	}
	checkNormalForms(t, s)
	checkFeedURLs(t, s, want)
}

// TestFeedWritersKeepNormalForms: every way tidings stores a feed's address
// stores its normal form with it: subscribing, importing an article of a
// feed, and a fetch that follows a permanent redirect.
func TestFeedWritersKeepNormalForms(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	sub, err := s.Subscribe(ctx, Feed{URL: "HTTP://Moving.Example.com:80/rss#x"})
	if err != nil {
		t.Fatal(err)
	}
	a := art("g1", "2024-03-05", "An article of a feed not subscribed to.")
	a.FeedURL = "HTTPS://Export.Example.com/Feed"
	importAll(t, s, a)
	checkNormalForms(t, s)
	moved := feeds.FetchResult{Sub: feeds.Subscription{URL: sub.Feed.URL}, NewURL: "HTTPS://Moved.Example.com/rss"}
	if _, err := s.RecordFetch(ctx, sub.Feed.ID, moved, nil); err != nil {
		t.Fatal(err)
	}
	checkNormalForms(t, s)
	checkFeedURLs(t, s, map[string]string{
		"https://moved.example.com:443/rss":  "https://moved.example.com/rss",
		"http://moving.example.com/rss":      "https://moved.example.com/rss", // the address it moved from
		"https://export.example.com/Feed#id": "HTTPS://Export.Example.com/Feed",
	})
}

// BenchmarkSubscribeOneHost subscribes 5,000 feeds on one host, one after
// another, as an OPML import of YouTube channels does (ui/cli.ImportOPML
// calls Subscribe for each outline), into a new library each time.
//
//	go test ./store -run '^$' -bench SubscribeOneHost -benchtime 1x
func BenchmarkSubscribeOneHost(b *testing.B) {
	ctx := context.Background()
	const feedsOnHost = 5000
	for b.Loop() {
		s, err := Open(filepath.Join(b.TempDir(), "library.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range feedsOnHost {
			u := fmt.Sprintf("https://www.youtube.com/feeds/videos.xml?channel_id=UC%022d", i)
			if sub, err := s.Subscribe(ctx, Feed{URL: u, Title: fmt.Sprintf("Channel %d", i), Tags: []string{"video"}}); err != nil || !sub.New {
				b.Fatalf("Subscribe(%s) = %+v, %v", u, sub, err)
			}
		}
		s.Close()
	}
}
