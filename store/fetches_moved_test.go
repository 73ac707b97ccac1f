package store

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"tidings/feeds"
)

// blogServer serves a blog's main feed at /feed.xml and a category feed at
// /cat.xml, which, once retired, answers 301 to the main one; /a.xml moves
// to /a-new.xml likewise.
type blogServer struct {
	*httptest.Server
	mu      sync.Mutex
	retired bool     // /cat.xml and /a.xml moved
	posts   []string // the main feed's guids, newest first
}

func newBlogServer(t *testing.T) *blogServer {
	b := &blogServer{posts: []string{"p2", "p1"}}
	rss := func(title string, guids ...string) string {
		var items strings.Builder
		for _, g := range guids {
			fmt.Fprintf(&items, `<item><title>Post %s</title><guid>%s</guid><link>https://blog.example/%s</link>`+
				`<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description>Text of %s.</description></item>`, g, g, g, g)
		}
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>` + title +
			`</title><link>https://blog.example/</link>` + items.String() + `</channel></rss>`
	}
	serve := func(old, title string, guids func() []string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			b.mu.Lock()
			retired, gs := b.retired, guids()
			b.mu.Unlock()
			if retired && old != "" {
				http.Redirect(w, r, old, http.StatusMovedPermanently)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, rss(title, gs...))
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/feed.xml", serve("", "Blog", func() []string { return slices.Clone(b.posts) }))
	mux.Handle("/cat.xml", serve("/feed.xml", "Blog - Go category", func() []string { return []string{"g1"} }))
	mux.Handle("/a.xml", serve("/a-new.xml", "A", func() []string { return []string{"a1"} }))
	mux.Handle("/a-new.xml", serve("", "A", func() []string { return []string{"a1"} }))
	b.Server = httptest.NewServer(mux)
	t.Cleanup(b.Close)
	return b
}

func (b *blogServer) retire() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.retired = true
}

func (b *blogServer) publish(guid string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.posts = append([]string{guid}, b.posts...)
}

// fetchFeeds fetches the subscriptions to urls (every one when none are
// given) and records each result, in the order of urls, as tidings fetch
// does; it returns the results by address.
func fetchFeeds(t *testing.T, s *Store, urls ...string) map[string]feeds.FetchResult {
	t.Helper()
	ctx := context.Background()
	var subs []Feed
	if len(urls) == 0 {
		all, err := s.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		subs = all
	}
	for _, u := range urls {
		f, err := s.FeedByURL(ctx, u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		subs = append(subs, f)
	}
	list := make([]feeds.Subscription, len(subs))
	for i, f := range subs {
		list[i] = feeds.Subscription{URL: f.URL, IDBase: f.IDBase, Title: f.Title, SiteURL: f.SiteURL,
			Tags: f.Tags, ETag: f.ETag, LastModified: f.LastModified}
	}
	f := feeds.NewFetcher()
	f.Retries = 0
	out := map[string]feeds.FetchResult{}
	for i, r := range f.FetchAll(ctx, list, nil) {
		if r.Err != nil {
			t.Fatalf("fetch of %s: %v", r.Sub.URL, r.Err)
		}
		if _, err := s.RecordFetch(ctx, subs[i].ID, r, nil); err != nil {
			t.Fatalf("record fetch of %s: %v", r.Sub.URL, err)
		}
		out[r.Sub.URL] = r
	}
	return out
}

// TestFetchMergesAFeedMovedToOneFollowed: a feed that moves for good (301)
// to an address followed already becomes that subscription: its articles
// are the other feed's, with what the reader did to them, the other feed
// gains its tags, it is no longer subscribed, and what the other feed
// brings is stored once, under the other feed's title, whichever of the two
// is fetched first.
func TestFetchMergesAFeedMovedToOneFollowed(t *testing.T) {
	for _, order := range []string{"category first", "main feed first"} {
		t.Run(order, func(t *testing.T) {
			ctx := context.Background()
			srv := newBlogServer(t)
			s := openTemp(t)
			cat, main := srv.URL+"/cat.xml", srv.URL+"/feed.xml"
			fetchOrder := []string{cat, main}
			if order == "main feed first" {
				fetchOrder = []string{main, cat}
			}
			if _, err := s.Subscribe(ctx, Feed{URL: cat, Tags: []string{"go"}}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Subscribe(ctx, Feed{URL: main, Tags: []string{"blog"}}); err != nil {
				t.Fatal(err)
			}
			fetchFeeds(t, s, fetchOrder...)
			g1 := mustArticleID(t, s, "feed:"+cat+"#g1")
			p1 := mustArticleID(t, s, "feed:"+main+"#p1")
			if err := s.SetRead(ctx, []int64{g1}, true); err != nil {
				t.Fatal(err)
			}
			if err := s.SetStarred(ctx, []int64{g1}, true); err != nil {
				t.Fatal(err)
			}
			if err := s.Tag(ctx, []int64{g1}, []string{"keep"}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: g1, Note: "read this again"}); err != nil {
				t.Fatal(err)
			}

			srv.retire()
			got := fetchFeeds(t, s, fetchOrder...)
			if w := got[cat].Warning; w != "moved to "+main {
				t.Errorf("the category feed's fetch says %q, want %q", w, "moved to "+main)
			}
			srv.publish("p3")
			fetchFeeds(t, s) // every feed, as tidings fetch does

			subs, err := s.Feeds(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(subs) != 1 || subs[0].URL != main || subs[0].Title != "Blog" || !slices.Equal(subs[0].Tags, []string{"blog", "go"}) {
				t.Fatalf("subscriptions %+v; want the main feed alone, titled Blog, tagged blog and go", subs)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 4 {
				t.Errorf("%d articles, %v; want g1, p1, p2 and p3 once each", n, err)
			}
			a := mustArticle(t, s, g1)
			if a.FeedID != subs[0].ID || !a.Read() || !a.Starred || a.Annotations != 1 || sortedTags(a.Tags) != "blog,go,keep" {
				t.Errorf("the category's article after the merge: feed %d, read %v, starred %v, %d notes, tags %s; want feed %d, read, starred, 1 note, tags blog go keep",
					a.FeedID, a.Read(), a.Starred, a.Annotations, sortedTags(a.Tags), subs[0].ID)
			}
			if got := sortedTags(mustArticle(t, s, p1).Tags); got != "blog,go" {
				t.Errorf("the main feed's article has tags %s, want blog go", got)
			}
			if n := len(idsOf(t, s, `feed:Blog`)); n != 4 {
				t.Errorf("feed:Blog finds %d articles, want 4", n)
			}
		})
	}
}

// TestFetchFollowsAMovedFeed: a feed that moves for good to an address not
// followed is followed there, its articles kept under the ids they had, and
// the fetch says where it went, once.
func TestFetchFollowsAMovedFeed(t *testing.T) {
	ctx := context.Background()
	srv := newBlogServer(t)
	s := openTemp(t)
	old, moved := srv.URL+"/a.xml", srv.URL+"/a-new.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: old}); err != nil {
		t.Fatal(err)
	}
	fetchFeeds(t, s)
	srv.retire()
	if w := fetchFeeds(t, s)[old].Warning; w != "moved to "+moved {
		t.Errorf("the fetch says %q, want %q", w, "moved to "+moved)
	}
	if w := fetchFeeds(t, s)[moved].Warning; w != "" {
		t.Errorf("the next fetch says %q, want nothing", w)
	}
	subs, err := s.Feeds(ctx)
	if err != nil || len(subs) != 1 || subs[0].URL != moved {
		t.Fatalf("subscriptions %+v, %v; want the new address", subs, err)
	}
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("%d articles, %v; want the one, once", n, err)
	}
}

func sortedTags(tags []ArticleTag) string {
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}
