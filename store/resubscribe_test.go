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
)

// rollingServer serves a feed at /r.xml that shows its latest entries
// only, as most feeds do: what it served before leaves it as new entries
// come.
type rollingServer struct {
	*httptest.Server
	mu     sync.Mutex
	window []string // the guids served, newest first
}

func newRollingServer(t *testing.T, guids ...string) *rollingServer {
	r := &rollingServer{window: guids}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/r.xml" {
			http.NotFound(w, req)
			return
		}
		r.mu.Lock()
		guids := slices.Clone(r.window)
		r.mu.Unlock()
		var items strings.Builder
		for _, g := range guids {
			fmt.Fprintf(&items, `<item><title>Rolling %s</title><guid>%s</guid><link>https://roll.example/%s</link>`+
				`<pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate><description>Entry %s.</description></item>`, g, g, g, g)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Rolling Window</title>`+
			`<link>https://roll.example/</link>`+items.String()+`</channel></rss>`)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *rollingServer) serve(guids ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.window = guids
}

// TestSubscribingAgainTakesBackTheFeedsArticles: a feed unsubscribed from,
// its articles kept, and subscribed to again (by any spelling of its
// address) has every article it brought back — those its feed no longer
// serves too — in the feed's count, in feed: by its title and its address,
// with what the reader did to them as it was, and the tags the feed is
// given now. Articles of no feed that another address brought stay out of
// it, and so does an article of another feed.
func TestSubscribingAgainTakesBackTheFeedsArticles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		again func(url string) string // the address subscribed to again
		tags  []string
	}{
		{"the same address", func(u string) string { return u }, nil},
		{"another spelling, with a tag", func(u string) string {
			return strings.Replace(u, "http://", "HTTP://", 1) + "#latest"
		}, []string{"rolling"}},
		{"a feed: address", func(u string) string { return "feed:" + u }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			srv := newRollingServer(t, "R2", "R1")
			s := openTemp(t)
			url := srv.URL + "/r.xml"
			if _, err := s.Subscribe(ctx, Feed{URL: url}); err != nil {
				t.Fatal(err)
			}
			fetchFeeds(t, s)
			srv.serve("R3", "R2")
			fetchFeeds(t, s)
			r1 := mustArticleID(t, s, "feed:"+url+"#R1")
			if err := s.SetRead(ctx, []int64{r1}, true); err != nil {
				t.Fatal(err)
			}
			if err := s.SetStarred(ctx, []int64{r1}, true); err != nil {
				t.Fatal(err)
			}
			if err := s.Tag(ctx, []int64{r1}, []string{"keep"}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: r1, Note: "the first one"}); err != nil {
				t.Fatal(err)
			}
			// Articles of no feed that are not this address's, and one of
			// another feed, made from addresses that begin as this one does.
			strays := []string{"feed:" + url + "2#R1", "feed:" + srv.URL + "/r#R1", "feed:" + url + "$R1"}
			for _, id := range strays {
				importAll(t, s, art(id, "2026-11-20", "An article that address brought."))
			}
			other := art("feed:"+url+"#R9", "2026-11-20", "An article another feed brought under this address's id.")
			other.FeedURL = srv.URL + "/other.xml"
			importAll(t, s, other)

			if r, err := s.RemoveFeed(ctx, url, false); err != nil || r.Articles != 3 {
				t.Fatalf("RemoveFeed = %+v, %v; want its 3 articles kept", r, err)
			}
			sub, err := s.Subscribe(ctx, Feed{URL: tc.again(url), Tags: tc.tags})
			if err != nil || !sub.New || sub.Feed.URL != url {
				t.Fatalf("Subscribe again = %+v, %v; want a new subscription to %s", sub, err, url)
			}
			if sub.TakenBack != 3 {
				t.Errorf("Subscribe again took back %d articles, want 3", sub.TakenBack)
			}
			fetchFeeds(t, s, url)

			counts, err := s.FeedCounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c := counts[sub.Feed.ID]; c.Articles != 3 || c.Unread != 2 {
				t.Errorf("the feed counts %+v, want 3 articles, 2 unread", c)
			}
			for _, q := range []string{`feed:"Rolling Window"`, `feed:"` + url + `"`} {
				if n := len(idsOf(t, s, q)); n != 3 {
					t.Errorf("%s finds %d articles, want R1, R2 and R3", q, n)
				}
			}
			a := mustArticle(t, s, r1)
			wantTags := append(slices.Clone(tc.tags), "keep")
			slices.Sort(wantTags)
			if a.FeedID != sub.Feed.ID || !a.Read() || !a.Starred || a.Annotations != 1 || sortedTags(a.Tags) != strings.Join(wantTags, ",") {
				t.Errorf("R1: feed %d, read %v, starred %v, %d notes, tags %s; want feed %d, read, starred, its note, tags %v",
					a.FeedID, a.Read(), a.Starred, a.Annotations, sortedTags(a.Tags), sub.Feed.ID, wantTags)
			}
			for _, g := range []string{"R2", "R3"} {
				a := mustArticle(t, s, mustArticleID(t, s, "feed:"+url+"#"+g))
				if a.FeedID != sub.Feed.ID || a.Read() || sortedTags(a.Tags) != strings.Join(tc.tags, ",") {
					t.Errorf("%s: feed %d, read %v, tags %s; want feed %d, unread, tags %s",
						g, a.FeedID, a.Read(), sortedTags(a.Tags), sub.Feed.ID, strings.Join(tc.tags, ","))
				}
			}
			for _, id := range strays {
				if a := mustArticle(t, s, mustArticleID(t, s, id)); a.FeedID != 0 {
					t.Errorf("%s was taken by feed %d; it is another address's", id, a.FeedID)
				}
			}
			if a := mustArticle(t, s, mustArticleID(t, s, other.ExternalID)); a.FeedID == sub.Feed.ID || a.FeedID == 0 {
				t.Errorf("the other feed's article is now of feed %d, want its own", a.FeedID)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 3+len(strays)+1 {
				t.Errorf("%d articles, %v; want each once", n, err)
			}
		})
	}
}

// TestSubscribingTakesBackWithAnIndexRange: the articles an address brought
// are found by a range of the index of external ids, not by reading every
// article.
func TestSubscribingTakesBackWithAnIndexRange(t *testing.T) {
	s := openTemp(t)
	plan := strings.Join(explain(t, s, takeBackSQL, []any{int64(1), "feed:http://a.example/rss#", "feed:http://a.example/rss$"}), "\n")
	if !strings.Contains(plan, "USING INDEX sqlite_autoindex_articles_1 (external_id>? AND external_id<?)") {
		t.Errorf("taking back articles:\n%s", plan)
	}
}

// TestSubscribingAnewTakesNothing: a subscription to an address that
// brought nothing before takes no article, and a second subscription to an
// address is no new one: it takes nothing either.
func TestSubscribingAnewTakesNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("feed:http://b.example/rss#1", "2024-03-05", "Another address's article."))
	for range 2 {
		sub, err := s.Subscribe(ctx, Feed{URL: "http://a.example/rss"})
		if err != nil || sub.TakenBack != 0 {
			t.Fatalf("Subscribe = %+v, %v; want nothing taken", sub, err)
		}
	}
}
