package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"tidings/feeds"
)

// TestSubscribeAgain: subscribing to a feed already subscribed says so,
// keeps its tags, title and site, and adds the tags given, to the feed and
// to the articles it has brought.
func TestSubscribeAgain(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	first, err := s.Subscribe(ctx, Feed{URL: url, Title: "Example News", SiteURL: "https://example.com/", Tags: []string{"blog"}})
	if err != nil || !first.New || !slices.Equal(first.AddedTags, []string{"blog"}) {
		t.Fatalf("Subscribe = %+v, %v", first, err)
	}
	a := art("f1", "2024-03-05", "Feed article about ports. Text.")
	a.FeedURL, a.Tags = url, []string{"blog"}
	importAll(t, s, a)
	id := mustArticleID(t, s, "f1")

	again, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil || again.New || len(again.AddedTags) != 0 || again.Feed.ID != first.Feed.ID {
		t.Fatalf("Subscribe again = %+v, %v", again, err)
	}
	subs, err := s.Feeds(ctx)
	if err != nil || len(subs) != 1 || subs[0].Title != "Example News" || subs[0].SiteURL != "https://example.com/" ||
		!slices.Equal(subs[0].Tags, []string{"blog"}) {
		t.Fatalf("after subscribing again without tags: %+v, %v", subs, err)
	}

	more, err := s.Subscribe(ctx, Feed{URL: url, Tags: []string{"BLOG", "news"}})
	if err != nil || more.New || !slices.Equal(more.AddedTags, []string{"news"}) || !slices.Equal(more.Feed.Tags, []string{"blog", "news"}) {
		t.Fatalf("Subscribe with a new tag = %+v, %v", more, err)
	}
	if got := tagNames(mustArticle(t, s, id).Tags); got != "blog,news" {
		t.Errorf("the feed's article has tags %q, want blog news", got)
	}
	if n := len(idsOf(t, s, "tag:news")); n != 1 {
		t.Errorf("tag:news finds %d articles", n)
	}
	// AddFeed is Subscribe: it takes nothing away either, nor the name
	// the feed was given.
	if f, err := s.AddFeed(ctx, Feed{URL: url, Title: "Renamed"}); err != nil || f.Title != "Example News" || !slices.Equal(f.Tags, []string{"blog", "news"}) {
		t.Errorf("AddFeed = %+v, %v", f, err)
	}
}

func mustArticleID(t *testing.T, s *Store, externalID string) int64 {
	t.Helper()
	a, err := s.ArticleByExternalID(context.Background(), externalID)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// TestRemoveFeedPurgeKeepsReadersWork: purging a feed deletes the articles
// the reader did nothing to (a rule's tag and the feed's own tag are not
// the reader's doing) and keeps, unlinked from the feed, those starred,
// annotated, retitled or tagged by the reader, notes and all.
func TestRemoveFeedPurgeKeepsReadersWork(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: url, Title: "Example", Tags: []string{"Blog"}}); err != nil {
		t.Fatal(err)
	}
	names := []string{"plain", "ruled", "starred", "annotated", "tagged", "retitled", "both"}
	var arts []feeds.Article
	for i, n := range names {
		a := art("feed:"+url+"#"+n, "2024-03-0"+strconv.Itoa(i+1), "Story "+n+" here. Text.")
		a.FeedURL, a.Tags = url, []string{"blog"}
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	id := map[string]int64{}
	for _, n := range names {
		id[n] = mustArticleID(t, s, "feed:"+url+"#"+n)
	}
	if _, err := s.tagByRule(ctx, "ruled", []string{"auto"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, []int64{id["starred"], id["both"]}, true); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"annotated", "both"} {
		if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id[n], Note: "my note on " + n}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Tag(ctx, []int64{id["tagged"]}, []string{"keep-me"}, nil); err != nil {
		t.Fatal(err)
	}
	// The feed's own tag given by hand is still the feed's.
	if err := s.Tag(ctx, []int64{id["plain"]}, []string{"BLOG"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Retitle(ctx, id["retitled"], "My title"); err != nil {
		t.Fatal(err)
	}

	r, err := s.RemoveFeed(ctx, url, true)
	want := Removed{Articles: 7, Deleted: 2, Kept: 5, Starred: 2, Annotated: 2, Tagged: 1, Retitled: 1}
	if err != nil || r != want {
		t.Fatalf("RemoveFeed = %+v, %v; want %+v", r, err, want)
	}
	for _, n := range names {
		a, err := s.Article(ctx, id[n])
		gone := n == "plain" || n == "ruled"
		switch {
		case gone && !errors.Is(err, ErrNotFound):
			t.Errorf("%s: kept (%v), want it deleted", n, err)
		case !gone && err != nil:
			t.Errorf("%s: %v, want it kept", n, err)
		case !gone && a.FeedID != 0:
			t.Errorf("%s is still linked to the removed feed", n)
		}
	}
	if notes, err := s.Annotations(ctx, id["both"]); err != nil || len(notes) != 1 || notes[0].Note != "my note on both" {
		t.Errorf("the kept article's notes: %+v, %v", notes, err)
	}
	if got := idsOf(t, s, "my note"); len(got) != 2 {
		t.Errorf("the notes are found %d times, want 2", len(got))
	}
	if got := idsOf(t, s, "plain"); len(got) != 0 {
		t.Errorf("a deleted article is still found: %v", got)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range tags {
		if tg.Name == "auto" {
			t.Errorf("the rule's tag, now on no article, is still listed: %+v", tg)
		}
	}
	if _, err := s.RemoveFeed(ctx, url, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}

// TestRemoveFeedKeepsArticles: without purge every article stays.
func TestRemoveFeedKeepsArticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: url}); err != nil {
		t.Fatal(err)
	}
	a := art("f1", "2024-03-05", "Feed article. Text.")
	a.FeedURL = url
	importAll(t, s, a)
	r, err := s.RemoveFeed(ctx, url, false)
	if err != nil || r != (Removed{Articles: 1}) {
		t.Fatalf("RemoveFeed = %+v, %v", r, err)
	}
	if got := mustArticle(t, s, mustArticleID(t, s, "f1")); got.FeedID != 0 {
		t.Errorf("still linked to the removed feed")
	}
}

// TestRemovedWhileFetched: a feed removed while a fetch of it was running
// stays removed: what the fetch brought is dropped, and no subscription is
// made anew.
func TestRemovedWhileFetched(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	f, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RemoveFeed(ctx, url, true); err != nil {
		t.Fatal(err)
	}
	late := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: "Late"},
		Articles: []feeds.Article{{ExternalID: "feed:" + url + "#1", Title: "Late news", Body: "Text.", FeedURL: url}}}
	if _, err := s.RecordFetch(ctx, f.ID, late, nil); err != nil {
		t.Fatal(err)
	}
	if subs, _ := s.Feeds(ctx); len(subs) != 0 {
		t.Errorf("subscribed again: %+v", subs)
	}
	if n, _ := s.Total(ctx); n != 0 {
		t.Errorf("%d articles from a removed feed", n)
	}
}

// TestEquivalentFeedURLs: spellings of one address (case of scheme and
// host, a default port, a fragment, an empty path) are one subscription; a
// new one is stored in normal form. A library from before keeps the form
// it stored a feed in, and so its articles' ids, and is found by any
// spelling; where it holds two spellings of one address, each is found by
// its own.
func TestEquivalentFeedURLs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	first, err := s.Subscribe(ctx, Feed{URL: "HTTP://LocalHost:8765/rdf.xml#latest"})
	if err != nil || !first.New || first.Feed.URL != "http://localhost:8765/rdf.xml" {
		t.Fatalf("Subscribe = %+v, %v", first, err)
	}
	for _, u := range []string{"http://localhost:8765/rdf.xml", "http://LOCALHOST:8765/rdf.xml", "http://localhost:8765/rdf.xml#frag"} {
		again, err := s.Subscribe(ctx, Feed{URL: u})
		if err != nil || again.New || again.Feed.ID != first.Feed.ID {
			t.Errorf("Subscribe(%s) = %+v, %v; want the first subscription", u, again, err)
		}
	}
	if sub, err := s.Subscribe(ctx, Feed{URL: "https://Example.com:443"}); err != nil || sub.Feed.URL != "https://example.com/" {
		t.Errorf("Subscribe = %+v, %v", sub, err)
	}
	if sub, err := s.Subscribe(ctx, Feed{URL: "http://localhost:8765/RDF.xml"}); err != nil || !sub.New {
		t.Errorf("a path in another case is another feed: %+v, %v", sub, err)
	}

	// Stored by a tidings from before normalising, with its articles.
	const before, alike = "http://News.Example.com:80/Feed.xml", "http://news.example.com/Feed.xml"
	for _, u := range []string{before, "http://two.example.com", "http://two.example.com/"} {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO feeds(url) VALUES (?)`, u); err != nil {
			t.Fatal(err)
		}
	}
	a := art("old1", "2024-03-05", "An article the old feed brought.")
	a.FeedURL, a.ExternalID = before, "feed:"+before+"#g1"
	importAll(t, s, a)
	for _, u := range []string{alike, "HTTP://NEWS.EXAMPLE.COM/Feed.xml#x", before} {
		f, err := s.FeedByURL(ctx, u)
		if err != nil || f.URL != before {
			t.Errorf("FeedByURL(%s) = %+v, %v; want the feed stored as %s", u, f, err, before)
		}
	}
	if sub, err := s.Subscribe(ctx, Feed{URL: alike, Tags: []string{"news"}}); err != nil || sub.New || sub.Feed.URL != before {
		t.Errorf("Subscribe(%s) = %+v, %v; want the feed stored as %s", alike, sub, err, before)
	}
	if _, err := s.ArticleByExternalID(ctx, "feed:"+before+"#g1"); err != nil {
		t.Errorf("the old feed's article: %v", err)
	}
	for _, u := range []string{"http://two.example.com", "http://two.example.com/"} {
		if f, err := s.FeedByURL(ctx, u); err != nil || f.URL != u {
			t.Errorf("FeedByURL(%s) = %+v, %v; want its own", u, f, err)
		}
	}
	if _, err := s.FeedByURL(ctx, "http://three.example.com/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("FeedByURL of no subscription: %v", err)
	}

	if r, err := s.RemoveFeed(ctx, "http://NEWS.example.com/Feed.xml#top", false); err != nil || r.Articles != 1 {
		t.Errorf("RemoveFeed = %+v, %v", r, err)
	}
	if _, err := s.FeedByURL(ctx, before); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed, yet found: %v", err)
	}
}

// TestNamedFeedsKeepTheirNames: a feed subscribed with a title (an OPML
// outline's) keeps it when fetched; one subscribed without a title, or with
// its address for one, takes the feed's own.
func TestNamedFeedsKeepTheirNames(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, tc := range []struct{ url, given, want string }{
		{"https://a.example/feed", "My morning paper", "My morning paper"},
		{"https://b.example/feed", "", "The B Times"},
		{"https://c.example/feed", "https://c.example/feed", "The B Times"},
	} {
		f, err := s.Subscribe(ctx, Feed{URL: tc.url, Title: tc.given})
		if err != nil {
			t.Fatal(err)
		}
		fetched := feeds.FetchResult{Sub: feeds.Subscription{URL: tc.url, Title: "The B Times"}}
		if _, err := s.RecordFetch(ctx, f.Feed.ID, fetched, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedByURL(ctx, tc.url)
		if err != nil || got.Title != tc.want {
			t.Errorf("subscribed as %q and fetched: title %q, %v; want %q", tc.given, got.Title, err, tc.want)
		}
	}
	// Named again (an OPML file imported later) renames it.
	if _, err := s.Subscribe(ctx, Feed{URL: "https://b.example/feed", Title: "B"}); err != nil {
		t.Fatal(err)
	}
	f, _ := s.FeedByURL(ctx, "https://b.example/feed")
	if _, err := s.RecordFetch(ctx, f.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: f.URL, Title: "The B Times"}}, nil); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.FeedByURL(ctx, "https://b.example/feed"); f.Title != "B" {
		t.Errorf("renamed by a later subscription: %q, want B", f.Title)
	}
}

// TestUpgradedFeedsKeepTheirNames: in a library from before feeds kept
// their names, a feed with a title that was never fetched got it from an
// OPML file: it keeps it. One fetched already has the feed's own title.
func TestUpgradedFeedsKeepTheirNames(t *testing.T) {
	path, db := oldLibrary(t, 7)
	execAll(t, db,
		`INSERT INTO feeds(url, title) VALUES ('https://a.example/feed', 'My morning paper')`,
		`INSERT INTO feeds(url, title, last_fetch) VALUES ('https://b.example/feed', 'The B Times', 1700000000)`,
		`INSERT INTO feeds(url, title) VALUES ('https://c.example/feed', 'https://c.example/feed')`)
	s := upgrade(t, path, db)
	ctx := context.Background()
	for url, want := range map[string]string{
		"https://a.example/feed": "My morning paper", "https://b.example/feed": "Fetched", "https://c.example/feed": "Fetched",
	} {
		f, err := s.FeedByURL(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RecordFetch(ctx, f.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: "Fetched"}}, nil); err != nil {
			t.Fatal(err)
		}
		if f, _ := s.FeedByURL(ctx, url); f.Title != want {
			t.Errorf("%s after the upgrade and a fetch: %q, want %q", url, f.Title, want)
		}
	}
}

// TestRulesSeeTheFeedsTitleOnFirstFetch: a rule on a feed's title
// (source: matches feed titles too) tags the articles of the fetch that
// gives the feed its title, the first.
func TestRulesSeeTheFeedsTitleOnFirstFetch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/aj.xml"
	f, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	first := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: "Al Jazeera English"},
		Articles: []feeds.Article{{ExternalID: "feed:" + url + "#1", Title: "Gulf news", Body: "Text.", FeedURL: url}}}
	rules := []Rule{{Query: "source:jazeera", Tags: []string{"aj"}}}
	if _, err := s.RecordFetch(ctx, f.ID, first, rules); err != nil {
		t.Fatal(err)
	}
	a := mustArticle(t, s, mustArticleID(t, s, "feed:"+url+"#1"))
	if len(a.Tags) != 1 || a.Tags[0].Name != "aj" {
		t.Errorf("the first fetch's article is tagged %+v, want aj", a.Tags)
	}
}

// TestFeedTermIsOneSubscription: feed: names one subscription, by its
// address or its whole name, where source: also finds feeds whose titles
// hold the name ("News" in "Hacker News").
func TestFeedTermIsOneSubscription(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, f := range []struct{ url, title string }{
		{"https://a.example/rss", "News"}, {"https://b.example/rss", "Hacker News"},
	} {
		feed, err := s.AddFeed(ctx, Feed{URL: f.url})
		if err != nil {
			t.Fatal(err)
		}
		r := feeds.FetchResult{Sub: feeds.Subscription{URL: f.url, Title: f.title}}
		for i := range 3 {
			id := fmt.Sprintf("feed:%s#%d", f.url, i)
			r.Articles = append(r.Articles, feeds.Article{ExternalID: id, Title: f.title + " story", Body: "Text " + id, FeedURL: f.url})
		}
		if _, err := s.RecordFetch(ctx, feed.ID, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]int{
		`feed:"https://a.example/rss"`: 3, "feed:news": 3, `feed:"hacker news"`: 3, "feed:hack*": 3,
		"feed:https://b.example/*": 3, "source:news": 6, "feed:nosuch": 0, "-feed:news": 3,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("%s: %d (%v), want %d", q, n, err, want)
		}
		if rows := pageForward(t, s, q, false, 2); len(rows) != want {
			t.Errorf("%s: pages hold %d, want %d", q, len(rows), want)
		}
	}
}

// TestSubscribeSaysWhenItRenames: subscribing again under another name
// says what the feed was called. A feed's own title is renamed so; a name
// given to it stays, but for one the user wrote (SubscribeNamed).
func TestSubscribeSaysWhenItRenames(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://a.example/rss"
	if _, err := s.Subscribe(ctx, Feed{URL: url}); err != nil {
		t.Fatal(err)
	}
	// The title a fetch gave it.
	if _, err := s.db.ExecContext(ctx, `UPDATE feeds SET title = 'Good Feed', named = 0`); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		title, renamed string
		named          bool
	}{
		{"Good Feed", "", false}, {"", "", false}, {"My name for it", "Good Feed", false},
		{"Another", "", false}, {"From urls", "My name for it", true},
	} {
		subscribe := s.Subscribe
		if tt.named {
			subscribe = s.SubscribeNamed
		}
		done, err := subscribe(ctx, Feed{URL: url, Title: tt.title})
		if err != nil || done.Renamed != tt.renamed {
			t.Errorf("subscribe as %q: renamed %q, %v; want %q", tt.title, done.Renamed, err, tt.renamed)
		}
	}
}

// TestImportedFeedTitled: an article imported with a feed the library does
// not know (an export read into another library) subscribes to that feed
// under the article's source, so the # panel and feed: name it before its
// first fetch; a feed known already keeps its title.
func TestImportedFeedTitled(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("x1", "2024-03-05", "From the wire.")
	a.Source, a.FeedURL = "The Wire", "https://wire.example/feed"
	importAll(t, s, a)
	b := art("x2", "2024-03-06", "Another.")
	b.Source, b.FeedURL = "Renamed Wire", "https://wire.example/feed"
	importAll(t, s, b)
	fs, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Title != "The Wire" {
		t.Fatalf("feeds %+v, want one titled The Wire", fs)
	}
	if n, err := s.Count(ctx, `feed:"The Wire"`); err != nil || n != 2 {
		t.Errorf(`feed:"The Wire" counts %d, %v; want 2`, n, err)
	}
}

// TestNamedFeedIsTheSourceShown: a feed the reader named (an OPML outline,
// newsboat's ~name) lends that name to its articles in the list and the
// reader; an unnamed feed's articles and exports keep their own source.
func TestNamedFeedIsTheSourceShown(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, tc := range []struct{ url, given, want string }{
		{"https://a.example/feed", "My morning paper", "My morning paper"},
		{"https://b.example/feed", "", "The B Times"},
	} {
		f, err := s.Subscribe(ctx, Feed{URL: tc.url, Title: tc.given})
		if err != nil {
			t.Fatal(err)
		}
		art := feeds.Article{ExternalID: tc.url + "#1", Title: "Entry of " + tc.url, Body: "text", Source: "The B Times", FeedURL: tc.url}
		fetched := feeds.FetchResult{Sub: feeds.Subscription{URL: tc.url, Title: "The B Times"}, Articles: []feeds.Article{art}}
		if _, err := s.RecordFetch(ctx, f.Feed.ID, fetched, nil); err != nil {
			t.Fatal(err)
		}
		a, err := s.ArticleByExternalID(ctx, tc.url+"#1")
		if err != nil {
			t.Fatal(err)
		}
		if a.ShownSource() != tc.want || a.Source != "The B Times" {
			t.Errorf("%s: shown %q, stored %q; want shown %q, stored The B Times", tc.url, a.ShownSource(), a.Source, tc.want)
		}
		rows, err := s.Page(ctx, PageRequest{Query: `title:"Entry of ` + tc.url + `"`, Limit: 5})
		if err != nil || len(rows) != 1 || rows[0].Source != tc.want {
			t.Errorf("%s: list rows %+v, %v; want one with source %q", tc.url, rows, err, tc.want)
		}
	}
}

// TestFeedsInNaturalOrder: feeds are listed by title with the numbers in
// titles read as numbers, in any case and accent; twins by address.
func TestFeedsInNaturalOrder(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for i, title := range []string{"Misc Feed 10", "misc feed 2", "Écho", "Zeta", "Misc Feed 1", "Echo", "Zeta"} {
		if _, err := s.AddFeed(ctx, Feed{URL: fmt.Sprintf("https://feeds.example/%d.xml", 9-i), Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, f := range got {
		order = append(order, f.Title+" "+f.URL[len("https://feeds.example/"):])
	}
	want := []string{"Echo 4.xml", "Écho 7.xml", "Misc Feed 1 5.xml", "misc feed 2 8.xml", "Misc Feed 10 9.xml", "Zeta 3.xml", "Zeta 6.xml"}
	if !slices.Equal(order, want) {
		t.Errorf("Feeds in the order\n%q\nwant\n%q", order, want)
	}
}
