package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// feedRoutes serves RSS documents by path on loopback, as real servers do:
// with an ETag (answering 304 to it) or without validators, or failing
// with a status, or holding a request until let go.
type feedRoutes struct {
	*httptest.Server
	mu     sync.Mutex
	docs   map[string]string
	etag   map[string]bool          // paths served with an ETag
	status map[string]int           // paths that fail with this status
	hold   map[string]chan struct{} // paths that answer once the channel is closed
}

func newFeedRoutes(t *testing.T) *feedRoutes {
	t.Helper()
	s := &feedRoutes{docs: map[string]string{}, etag: map[string]bool{}, status: map[string]int{}, hold: map[string]chan struct{}{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		doc, tagged, status, hold := s.docs[r.URL.Path], s.etag[r.URL.Path], s.status[r.URL.Path], s.hold[r.URL.Path]
		s.mu.Unlock()
		if hold != nil {
			select {
			case <-hold:
			case <-r.Context().Done():
				return
			}
		}
		if status != 0 {
			w.WriteHeader(status)
			return
		}
		if tagged {
			tag := fmt.Sprintf(`"%x"`, len(doc)*31+strings.Count(doc, "<item>"))
			if r.Header.Get("If-None-Match") == tag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", tag)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, doc)
	}))
	t.Cleanup(s.Close)
	return s
}

// serve sets what path serves from now on.
func (s *feedRoutes) serve(path, doc string, etag bool) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path], s.etag[path] = doc, etag
	return s.URL + path
}

// rssDoc is an RSS feed of that title with the items given as guid=title.
func rssDoc(title string, items ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://example.com/</link>`, title)
	for i, it := range items {
		guid, head, _ := strings.Cut(it, "=")
		fmt.Fprintf(&b, `<item><title>%s</title><guid>%s</guid><pubDate>Mon, 02 Jun 2025 1%d:00:00 GMT</pubDate><description>Story %s.</description></item>`,
			head, guid, i, guid)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// subscribeTo subscribes to each address, under the title given.
func subscribeTo(t *testing.T, st *store.Store, titled map[string]string) {
	t.Helper()
	for url, title := range titled {
		if _, err := st.AddFeed(context.Background(), store.Feed{URL: url, Title: title}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFetchProgressSaysWhatItDid: the progress line of each feed says what
// its fetch did to the library, not how many articles its document holds:
// a server that sends the same feed again without validators (as Hacker
// News does) brought nothing new; a day later one new article and one
// retitled are 1 new, 1 updated; a 304 is not modified.
func TestFetchProgressSaysWhatItDid(t *testing.T) {
	srv := newFeedRoutes(t)
	st := openStore(t)
	day1 := rssDoc("Daily", "a=Alpha", "b=Beta", "c=Gamma")
	hn := srv.serve("/hn.rss", day1, false)
	tagged := srv.serve("/tagged.rss", day1, true)
	subscribeTo(t, st, map[string]string{hn: "", tagged: ""})
	steps := []struct {
		name string
		doc  string // what both serve now
		want map[string]string
	}{
		{"first fetch", day1, map[string]string{hn: "3 new", tagged: "3 new"}},
		{"the same again", day1, map[string]string{hn: "nothing new", tagged: "not modified"}},
		{"one new, one retitled", rssDoc("Daily", "a=Alpha", "b=Beta, retitled", "c=Gamma", "d=Delta"),
			map[string]string{hn: "1 new, 1 updated", tagged: "1 new, 1 updated"}},
	}
	for _, step := range steps {
		srv.serve("/hn.rss", step.doc, false)
		srv.serve("/tagged.rss", step.doc, true)
		var out bytes.Buffer
		if _, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, FetchProgress(&out, false, 80)); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("%s: progress printed %q, want a line for each of 2 feeds", step.name, out.String())
		}
		for url, want := range step.want {
			found := false
			for _, l := range lines {
				if _, rest, ok := strings.Cut(l, "] "+url+": "); ok {
					found = true
					if rest != want {
						t.Errorf("%s: %s: %q, want %q", step.name, url, rest, want)
					}
				}
			}
			if !found {
				t.Errorf("%s: no line for %s in %q", step.name, url, out.String())
			}
		}
	}
}

// TestFetchSummaryAddsUp: the summary's counts of feeds add up to the
// feeds fetched: one that brought something, one not modified, one sent
// again with nothing new, and one that failed are four.
func TestFetchSummaryAddsUp(t *testing.T) {
	srv := newFeedRoutes(t)
	st := openStore(t)
	news := srv.serve("/news.rss", rssDoc("News", "n1=One"), true)
	same := srv.serve("/same.rss", rssDoc("Same", "s1=One"), true)
	noValidators := srv.serve("/hn.rss", rssDoc("HN", "h1=One"), false)
	broken := srv.serve("/broken.rss", "", false)
	subscribeTo(t, st, map[string]string{news: "", same: "", noValidators: "", broken: ""})
	srv.mu.Lock()
	srv.status["/broken.rss"] = http.StatusNotFound
	srv.mu.Unlock()
	if _, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	srv.serve("/news.rss", rssDoc("News", "n1=One", "n2=Two"), true)
	rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Changed + rep.NotModified + rep.NothingNew + len(rep.Failed); got != rep.Feeds {
		t.Errorf("%d feeds, but %d changed + %d not modified + %d nothing new + %d failed", rep.Feeds, rep.Changed, rep.NotModified, rep.NothingNew, len(rep.Failed))
	}
	var out, diag bytes.Buffer
	PrintFetchSummary(&out, &diag, rep, 0)
	want := "4 feeds in 0.0s: 1 new article, 0 updated (from 1 feed); 1 not modified, 1 with nothing new, 1 failed\n"
	if out.String() != want {
		t.Errorf("summary\n%q\nwant\n%q", out.String(), want)
	}
}

// TestFetchSummaryText: the summary's line, feed counts that are 0 left
// out; names that are no subscription are not counted as feeds.
func TestFetchSummaryText(t *testing.T) {
	failed := func(n int) []Problem { return make([]Problem, n) }
	tests := []struct {
		name string
		rep  FetchReport
		want string
	}{
		{"every feed brought something", FetchReport{Feeds: 2, Changed: 2, ImportStats: store.ImportStats{Added: 5}},
			"2 feeds in 1.5s: 5 new articles, 0 updated"},
		{"nothing new anywhere", FetchReport{Feeds: 43, NotModified: 41, NothingNew: 1, Failed: failed(1)},
			"43 feeds in 1.5s: 0 new articles, 0 updated; 41 not modified, 1 with nothing new, 1 failed"},
		{"some brought something", FetchReport{Feeds: 5, Changed: 2, NotModified: 3, ImportStats: store.ImportStats{Added: 1, Updated: 1}},
			"5 feeds in 1.5s: 1 new article, 1 updated (from 2 feeds); 3 not modified"},
		{"stopped", FetchReport{Feeds: 5, Stopped: 2, NotModified: 3},
			"3 of 5 feeds in 1.5s: 0 new articles, 0 updated; 3 not modified"},
		{"a name that is no feed", FetchReport{Feeds: 1, NothingNew: 1, Failed: failed(1), Unmatched: 1},
			"1 feed in 1.5s: 0 new articles, 0 updated; 1 with nothing new; 1 name not fetched"},
		{"only names that are no feeds", FetchReport{Failed: failed(2), Unmatched: 2},
			"0 feeds in 1.5s: 0 new articles, 0 updated; 2 names not fetched"},
	}
	for _, tt := range tests {
		if got := fetchSummary(tt.rep, 1500*time.Millisecond); got != tt.want {
			t.Errorf("%s:\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

// TestFetchProgressNamesTheFeedWaitedFor: while a slow feed holds up the
// end of a fetch, the progress line on a terminal names it, not the feed
// done last; piped, each line tells of its own feed only.
func TestFetchProgressNamesTheFeedWaitedFor(t *testing.T) {
	for _, tty := range []bool{true, false} {
		t.Run(fmt.Sprintf("tty %v", tty), func(t *testing.T) {
			srv := newFeedRoutes(t)
			st := openStore(t)
			slow := srv.serve("/slow.rss", rssDoc("Slow", "s=One"), false)
			fast := srv.serve("/fast.rss", rssDoc("Fast", "f=One"), false)
			release := make(chan struct{})
			srv.mu.Lock()
			srv.hold["/slow.rss"] = release
			srv.mu.Unlock()
			// Listed by title: the slow one first.
			subscribeTo(t, st, map[string]string{slow: "Alpha Slow", fast: "Beta Fast"})
			var out bytes.Buffer
			progress := FetchProgress(&out, tty, 200)
			var shown string
			_, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, func(done, total int, r feeds.FetchResult, stats store.FetchStats) {
				progress(done, total, r, stats)
				if r.Sub.URL == fast && done == 1 {
					shown = lastFrame(out.String())
					close(release)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			want := "[1/2] " + fast + ": 1 new"
			if tty {
				want += " · waiting for Alpha Slow"
			}
			if shown != want {
				t.Errorf("while the slow feed is on its way: %q, want %q", shown, want)
			}
		})
	}
}

// lastFrame is the last line a progress line drew, without its escape
// sequences.
func lastFrame(s string) string {
	s = strings.TrimRight(ansi.Strip(s), "\r\n")
	if i := strings.LastIndexAny(s, "\r\n"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// TestFetchProgressKeepsTheFeedWaitedForInSight: on a narrow terminal the
// line is cut before the name of the feed waited for.
func TestFetchProgressKeepsTheFeedWaitedForInSight(t *testing.T) {
	var out bytes.Buffer
	progress := FetchProgress(&out, true, 60)
	long := feeds.Subscription{URL: "https://news.example.com/" + strings.Repeat("section/", 10) + "rss.xml"}
	progress(0, 2, feeds.FetchResult{Sub: feeds.Subscription{URL: "https://slow.example/rss", Title: "Slow"}}, store.FetchStats{})
	progress(0, 2, feeds.FetchResult{Sub: long}, store.FetchStats{})
	progress(1, 2, feeds.FetchResult{Sub: long}, store.FetchStats{ImportStats: store.ImportStats{Added: 2}})
	got := lastFrame(out.String())
	if !strings.HasSuffix(got, "… · waiting for Slow") || ansi.StringWidth(got) > 59 {
		t.Errorf("on 60 columns: %q (%d cells)", got, ansi.StringWidth(got))
	}
}

// TestFetchByTitle: fetch takes a feed's title, case aside, as the #
// panel shows it; a title two feeds share names neither and lists their
// addresses; a name that is no address is not offered to feed add.
func TestFetchByTitle(t *testing.T) {
	srv := newFeedRoutes(t)
	st := openStore(t)
	hn := srv.serve("/hn.rss", rssDoc("Hacker News", "h=One"), false)
	a := srv.serve("/a.rss", rssDoc("Blog", "a=One"), false)
	b := srv.serve("/b.rss", rssDoc("Blog", "b=One"), false)
	subscribeTo(t, st, map[string]string{hn: "Hacker News", a: "Blog", b: "blog"})
	// A third of the name, fetched with a password: named by its address
	// without it, which finds it as well.
	c := strings.Replace(srv.serve("/c.rss", rssDoc("Blog", "c=One"), false), "://", "://alice:s3cret@", 1)
	if _, err := st.Subscribe(context.Background(), store.Feed{URL: c, Title: "BLOG"}); err != nil {
		t.Fatal(err)
	}
	shownC := strings.Replace(c, "alice:s3cret@", "alice@", 1)
	tests := []struct {
		name    string
		fetched int    // feeds fetched
		reason  string // of the failure, "" when none
	}{
		{"Hacker News", 1, ""},
		{"hacker news", 1, ""},
		{" Hacker News ", 1, ""},
		{hn, 1, ""},
		{"Blog", 0, "3 feeds have this title: " + a + ", " + b + ", " + shownC + "; name one by its address"},
		{shownC, 1, ""},
		{"Hacker", 0, "no feed has this address or title (tidings feed list lists them)"},
		{"https://example.org/feed?a=1&b=2", 0, "not subscribed (tidings feed add 'https://example.org/feed?a=1&b=2' subscribes)"},
	}
	for _, tt := range tests {
		rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, []string{tt.name}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Feeds != tt.fetched {
			t.Errorf("fetch %q: %d feeds fetched, want %d", tt.name, rep.Feeds, tt.fetched)
		}
		switch {
		case tt.reason == "" && len(rep.Failed) != 0:
			t.Errorf("fetch %q failed: %v", tt.name, rep.Failed)
		case tt.reason != "" && (len(rep.Failed) != 1 || rep.Failed[0].Reason != tt.reason || rep.Unmatched != 1):
			t.Errorf("fetch %q: failed %v (%d unmatched), want %q", tt.name, rep.Failed, rep.Unmatched, tt.reason)
		}
	}
	if _, err := FindFeed(context.Background(), st, "Nothing"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindFeed of no feed: %v, want store.ErrNotFound", err)
	}
	if _, err := FindFeed(context.Background(), st, "blog"); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("FindFeed of a title two feeds share: %v, want an error that is not ErrNotFound", err)
	}
}

// TestRemovedFeedText: feed remove names the feed it unsubscribed from,
// and says right what became of none, one and several articles.
func TestRemovedFeedText(t *testing.T) {
	srv := newFeedRoutes(t)
	st := openStore(t)
	ctx := context.Background()
	one := srv.serve("/one.rss", rssDoc("One", "o=Only"), false)
	three := srv.serve("/three.rss", rssDoc("Three", "t1=A", "t2=B", "t3=C"), false)
	empty := srv.serve("/empty.rss", rssDoc("Empty"), false)
	subscribeTo(t, st, map[string]string{one: "", three: "", empty: ""})
	if _, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		purge bool
		want  string
	}{
		{"one", false, "unsubscribed from One (" + one + "); its 1 article stays in the library"},
		{three, false, "unsubscribed from Three (" + three + "); its 3 articles stay in the library"},
		{"Empty", true, "unsubscribed from Empty (" + empty + "); it had no articles"},
	}
	for _, tt := range tests {
		f, err := FindFeed(ctx, st, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := st.RemoveFeed(ctx, f.URL, tt.purge)
		if err != nil {
			t.Fatal(err)
		}
		if got := RemovedFeedText(f, r, tt.purge); got != tt.want {
			t.Errorf("feed remove %q: %q, want %q", tt.name, got, tt.want)
		}
	}
	if got, want := RemovedText(store.Removed{}, false), "unsubscribed; it had no articles"; got != want {
		t.Errorf("RemovedText of a feed without articles: %q, want %q", got, want)
	}
}
