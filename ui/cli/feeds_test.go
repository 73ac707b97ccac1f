package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// TestFetchNamesUnknownFeeds: fetch given an address that is no
// subscription says so, as a failure, instead of fetching nothing quietly.
func TestFetchNamesUnknownFeeds(t *testing.T) {
	st := openStore(t)
	rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, []string{"http://not-subscribed.example/feed"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Feeds != 0 || len(rep.Failed) != 1 || rep.Failed[0].File != "http://not-subscribed.example/feed" ||
		!strings.Contains(rep.Failed[0].Reason, "not subscribed (tidings feed add http://not-subscribed.example/feed subscribes)") {
		t.Errorf("report %+v", rep)
	}
}

// atomFeed is a small Atom feed whose entries are guid-less only in name:
// each has its own id.
const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Blog</title>
<link href="http://example.org/"/>
<entry><title>Entry one</title><id>urn:e1</id><link href="http://example.org/1"/><updated>2024-03-05T10:00:00Z</updated><content>One.</content></entry>
<entry><title>Entry two</title><id>urn:e2</id><link href="http://example.org/2"/><updated>2024-03-04T10:00:00Z</updated><content>Two.</content></entry>
</feed>`

// serveFeed serves body at /atom.xml on loopback, with an ETag.
func serveFeed(t *testing.T, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/atom.xml" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/atom.xml"
}

// subscribe runs feed add as the command line does and returns what it
// printed.
func subscribe(t *testing.T, st *store.Store, url string, tags ...string) string {
	t.Helper()
	var b bytes.Buffer
	added, err := SubscribeFeed(context.Background(), st, feeds.NewFetcher(), nil, url, tags)
	if err != nil {
		t.Fatal(err)
	}
	PrintAdded(&b, added)
	return b.String()
}

// TestFeedAddAgain: adding a feed already subscribed says so, keeps its
// tags and adds the ones given, to the feed and its articles.
func TestFeedAddAgain(t *testing.T) {
	st := openStore(t)
	url := serveFeed(t, atomFeed)
	out := subscribe(t, st, url, "blog")
	if want := "subscribed to " + url + "\nAtom Blog: 2 articles\n"; out != want {
		t.Errorf("first feed add printed\n%s\nwant\n%s", out, want)
	}
	out = subscribe(t, st, url)
	if want := "already subscribed to " + url + " (tags #blog)\nAtom Blog: not modified since the last fetch\n"; out != want {
		t.Errorf("feed add again printed\n%s\nwant\n%s", out, want)
	}
	out = subscribe(t, st, url, "news", "Blog")
	if want := "already subscribed to " + url + "; tag #news added (its tags now: #blog #news)\n"; !strings.HasPrefix(out, want) {
		t.Errorf("feed add again with a tag printed\n%s\nwant it to begin\n%s", out, want)
	}
	var b bytes.Buffer
	if err := ListFeeds(context.Background(), st, &b); err != nil || !strings.Contains(b.String(), "tags #blog #news") {
		t.Errorf("feed list: %s, %v", b.String(), err)
	}
	for _, q := range []string{"tag:blog", "tag:news"} {
		if n, err := st.Count(context.Background(), q); err != nil || n != 2 {
			t.Errorf("%s counts %d, %v; want the feed's 2 articles", q, n, err)
		}
	}
}

// TestRemovedText: feed remove says how many articles went and how many
// stayed, and why.
func TestRemovedText(t *testing.T) {
	tests := []struct {
		r     store.Removed
		purge bool
		want  string
	}{
		{store.Removed{Articles: 3}, false, "unsubscribed; its 3 articles stay in the library"},
		{store.Removed{Articles: 1}, false, "unsubscribed; its 1 article stays in the library"},
		{store.Removed{Articles: 2, Deleted: 2}, true, "unsubscribed; 2 articles removed"},
		{store.Removed{Articles: 7, Deleted: 5, Kept: 2, Starred: 1, Annotated: 2}, true,
			"unsubscribed; 5 articles removed, 2 kept (starred or annotated)"},
		{store.Removed{Articles: 1, Kept: 1, Tagged: 1}, true, "unsubscribed; 0 articles removed, 1 kept (tagged by you)"},
		{store.Removed{Articles: 4, Deleted: 1, Kept: 3, Starred: 1, Annotated: 1, Tagged: 1, Retitled: 1}, true,
			"unsubscribed; 1 article removed, 3 kept (starred, annotated, tagged by you or retitled)"},
	}
	for _, tc := range tests {
		if got := RemovedText(tc.r, tc.purge); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r, got, tc.want)
		}
	}
}

// TestFetchKeepsEntriesSharingAGuid: a feed that gives every entry one guid
// brings every entry, and the fetch warns of each, naming it and the guid:
// not again when the feed comes back unchanged (served without validators, so
// that the second fetch is not a 304).
func TestFetchKeepsEntriesSharingAGuid(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Same Guid</title><link>http://example.org/</link>`)
	for i := range 3 {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>http://example.org/h%d</link><guid isPermaLink="false">same-guid</guid>`+
			`<description>Body %d</description></item>`, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, b.String())
	}))
	t.Cleanup(srv.Close)
	url := srv.URL + "/rss.xml"
	if _, err := st.Subscribe(ctx, store.Feed{URL: url}); err != nil {
		t.Fatal(err)
	}
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil || rep.Added != 3 || len(rep.Failed) != 0 {
		t.Fatalf("Fetch = %+v, %v", rep, err)
	}
	var out bytes.Buffer
	PrintFetchSummary(&out, &out, rep, 0)
	var want string
	for i := range 3 {
		want += fmt.Sprintf("warning: %s: entry \"Item %d\": guid \"same-guid\" is other entries' too; this entry is known by it and its link\n", url, i)
	}
	if got := out.String(); !strings.HasSuffix(got, want) || strings.Count(got, "warning:") != 3 {
		t.Errorf("fetch printed\n%s\nwant it to end with a line for each entry\n%s", got, want)
	}
	if n, err := st.Count(ctx, "source:\"Same Guid\""); err != nil || n != 3 {
		t.Errorf("%d articles in the library, %v; want 3", n, err)
	}

	// Fetched again unchanged: said once is enough.
	rep, err = Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil || rep.Unchanged != 3 {
		t.Fatalf("Fetch again = %+v, %v", rep, err)
	}
	out.Reset()
	PrintFetchSummary(&out, &out, rep, 0)
	if got := out.String(); strings.Contains(got, "warning:") || !strings.HasPrefix(got, "1 feed in 0.0s: 0 new articles, 0 updated") {
		t.Errorf("the unchanged feed fetched again printed\n%s", got)
	}
}

// TestSavedCopyOfASubscribedFeed: a copy of a subscribed feed saved to a
// file, or piped in, updates the articles its fetch brought (they stay the
// feed's, with the reader's notes) instead of adding them again.
func TestSavedCopyOfASubscribedFeed(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var url string
	doc := func() string {
		return strings.Replace(atomFeed, `<link href="http://example.org/"/>`,
			`<link href="http://example.org/"/><link rel="self" href="`+url+`"/>`, 1)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, doc())
	}))
	t.Cleanup(srv.Close)
	url = srv.URL + "/atom.xml"
	subscribe(t, st, url)
	a, err := st.ArticleByExternalID(ctx, "feed:"+url+"#urn:e1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: a.ID, Note: "my note"}); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "saved.xml"), []byte(doc()), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep, out := importPaths(t, st, dir, "saved.xml"); rep.Added != 0 || rep.Unchanged != 2 {
		t.Errorf("importing the saved copy: %s", out)
	}
	sources, _ := Sources([]string{"-"}, strings.NewReader(doc()))
	rep, err := (&Importer{Store: st}).Run(ctx, sources)
	if err != nil || rep.Added != 0 || rep.Unchanged != 2 {
		t.Errorf("piping the saved copy in: %+v, %v", rep, err)
	}
	if n, err := st.Count(ctx, ""); err != nil || n != 2 {
		t.Errorf("%d articles in the library, %v; want the feed's 2", n, err)
	}
	var list bytes.Buffer
	if err := ListFeeds(ctx, st, &list); err != nil || !strings.Contains(list.String(), "2 articles (2 unread)") {
		t.Errorf("feed list: %s, %v", list.String(), err)
	}
	if notes, err := st.Annotations(ctx, a.ID); err != nil || len(notes) != 1 {
		t.Errorf("the note: %+v, %v", notes, err)
	}
}

// TestSavedFeedOldIDs: an article a saved feed file brought when ids were
// made from the file's path is found by that id when the file is imported
// again, and takes the new one: no second copy, the reader's tags kept.
func TestSavedFeedOldIDs(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><link>http://example.org/</link>` +
		`<item><title>One</title><link>http://example.org/1</link><guid>g1</guid><description>Body one.</description></item>` +
		`</channel></rss>`
	dir := tree(t, map[string]string{"feed.xml": doc}, nil)
	path := filepath.Join(dir, "feed.xml")
	old := "feed:" + (&url.URL{Scheme: "file", Path: path}).String() + "#g1"
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: old, Title: "One", Body: "Body one.", Tags: []string{"mine"}}}); err != nil {
		t.Fatal(err)
	}
	rep, _ := importPaths(t, st, dir, "feed.xml")
	if rep.Added != 0 || len(rep.Failed) != 0 {
		t.Errorf("import again: %+v", rep)
	}
	var got []store.Article
	if err := st.Search(ctx, "", 0, func(a store.Article) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ExternalID == old || len(got[0].Tags) != 1 || got[0].Tags[0].Name != "mine" {
		t.Errorf("library after: %+v", got)
	}
}

// TestFeedAddRequests: feed add asks for a feed once, with the fetcher's
// User-Agent, and subscribes to the address given when it redirects for a
// while (302, 307), to where it went when it moved for good (301, 308). A
// server that does not answer fails its fetch in the fetcher's time, and
// is subscribed to all the same.
func TestFeedAddRequests(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var requests []string
	mux := http.NewServeMux()
	mux.HandleFunc("/rdf.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, atomFeed)
	})
	for path, code := range map[string]int{"/latest": http.StatusFound, "/latest-307": http.StatusTemporaryRedirect,
		"/moved": http.StatusMovedPermanently, "/moved-308": http.StatusPermanentRedirect} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/rdf.xml?token=abc", code)
		})
	}
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		select { // hold the request until the client gives up
		case <-r.Context().Done():
		case <-time.After(3 * time.Second):
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, r.URL.RequestURI()+" "+r.Header.Get("User-Agent"))
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	f := feeds.NewFetcher()
	f.UserAgent = "tidings-test/3"
	// A server that does not answer is given up on soon; the others are
	// given their usual time, whatever the machine's pace.
	silent := feeds.NewFetcher()
	silent.UserAgent, silent.Timeout = f.UserAgent, 200*time.Millisecond
	tests := map[string]struct {
		path, subscribed string
		requests         []string
	}{
		"a feed":    {"/rdf.xml", "/rdf.xml", []string{"/rdf.xml"}},
		"a 302":     {"/latest", "/latest", []string{"/latest", "/rdf.xml?token=abc"}},
		"a 307":     {"/latest-307", "/latest-307", []string{"/latest-307", "/rdf.xml?token=abc"}},
		"a 301":     {"/moved", "/rdf.xml?token=abc", []string{"/moved", "/rdf.xml?token=abc"}},
		"a 308":     {"/moved-308", "/rdf.xml?token=abc", []string{"/moved-308", "/rdf.xml?token=abc"}},
		"no answer": {"/silent", "/silent", []string{"/silent"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			mu.Lock()
			requests = nil
			mu.Unlock()
			fetcher := f
			if tc.path == "/silent" {
				fetcher = silent
			}
			added, err := SubscribeFeed(ctx, st, fetcher, nil, srv.URL+tc.path, nil)
			if tc.path == "/silent" {
				// Down for now: subscribed to all the same, and said so.
				if _, ok := errors.AsType[*NotFetchedError](err); !ok || !strings.Contains(err.Error(), "timeout after 200ms") || added.Feed.URL != srv.URL+tc.subscribed {
					t.Errorf("SubscribeFeed = %+v, %v; want a timeout and the subscription", added.Feed, err)
				}
			} else if err != nil || added.Feed.URL != srv.URL+tc.subscribed || len(added.Fetch.Articles) != 2 || added.Stats.Added != 2 {
				t.Errorf("SubscribeFeed = %+v, %d articles, %v; want %s and its 2 articles",
					added.Feed, len(added.Fetch.Articles), err, tc.subscribed)
			}
			var want []string
			for _, r := range tc.requests {
				want = append(want, r+" tidings-test/3")
			}
			mu.Lock()
			got := slices.Clone(requests)
			mu.Unlock()
			if !slices.Equal(got, want) {
				t.Errorf("requests\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestEquivalentFeedURLsAreOneFeed: feed add, fetch and OPML import given
// other spellings of a subscribed address (host case, scheme case, a
// fragment) find the one subscription: no second one, no second copy of
// its articles.
func TestEquivalentFeedURLsAreOneFeed(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	feed := serveFeed(t, atomFeed)
	u, err := url.Parse(feed)
	if err != nil {
		t.Fatal(err)
	}
	local := "http://localhost:" + u.Port() + "/atom.xml"
	for _, spelling := range []string{local, "http://LOCALHOST:" + u.Port() + "/atom.xml", local + "#frag"} {
		if _, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, spelling, nil); err != nil {
			t.Fatalf("feed add %s: %v", spelling, err)
		}
	}
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, []string{"HTTP://LocalHost:" + u.Port() + "/atom.xml#x", local}, nil)
	if err != nil || rep.Feeds != 1 || len(rep.Failed) != 0 {
		t.Errorf("fetch of two spellings: %+v, %v; want the one feed", rep, err)
	}
	path := filepath.Join(t.TempDir(), "subs.opml")
	opml := `<?xml version="1.0"?><opml version="2.0"><body>
<outline type="rss" text="A" xmlUrl="HTTP://LOCALHOST:` + u.Port() + `/atom.xml"/>
<outline type="rss" text="A again" xmlUrl="` + local + `#top"/></body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &b)
	want := "1 feed in " + path + ": 0 new, 1 already subscribed\n" + local + ` is named "A" now, not "Atom Blog"` + "\n" +
		"warning: " + path + ": HTTP://LOCALHOST:" + u.Port() +
		"/atom.xml is listed 2 times; it is one subscription, with the tags of every folder it is in\n"
	if err != nil || added != 0 || len(problems) != 0 || b.String() != want {
		t.Errorf("OPML import = %d, %v, %v, printed\n%s\nwant\n%s", added, problems, err, b.String(), want)
	}
	subs, err := st.Feeds(ctx)
	if err != nil || len(subs) != 1 || subs[0].URL != local {
		t.Errorf("subscriptions %+v, %v; want one, to %s", subs, err, local)
	}
	if n, err := st.Count(ctx, ""); err != nil || n != 2 {
		t.Errorf("%d articles, %v; want the feed's 2", n, err)
	}
}

// TestFetchSummaryStreams: the one-line summary goes to out, what failed
// and the warnings to diag.
func TestFetchSummaryStreams(t *testing.T) {
	var out, diag bytes.Buffer
	PrintFetchSummary(&out, &diag, FetchReport{Feeds: 2, Failed: []Problem{{File: "https://a.example/rss", Reason: "HTTP 404 Not Found"}},
		Warnings: []Problem{{File: "https://b.example/rss", Reason: "a warning"}}}, 0)
	if got := out.String(); got != "2 feeds in 0.0s: 0 new articles, 0 updated; 1 failed\n" {
		t.Errorf("out %q", got)
	}
	if got := diag.String(); !strings.HasPrefix(got, "failed: https://a.example/rss: HTTP 404 Not Found\n") || !strings.Contains(got, "warning: https://b.example/rss: a warning") {
		t.Errorf("diag %q", got)
	}
	out.Reset()
	PrintFetchSummary(&out, &diag, FetchReport{Feeds: 5, Stopped: 2, NotModified: 3}, 3*time.Second)
	if got := out.String(); got != "3 of 5 feeds in 3.0s: 0 new articles, 0 updated; 3 not modified\n" {
		t.Errorf("stopped: out %q", got)
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestListFeedsWriteError: feed list says when its output cannot be
// written, as the other listings do.
func TestListFeedsWriteError(t *testing.T) {
	st := openStore(t)
	if _, err := st.AddFeed(context.Background(), store.Feed{URL: "https://a.example/rss", Tags: []string{"long read"}}); err != nil {
		t.Fatal(err)
	}
	if err := ListFeeds(context.Background(), st, failingWriter{}); err == nil {
		t.Error("feed list into a full disk: no error")
	}
	var b bytes.Buffer
	if err := ListFeeds(context.Background(), st, &b); err != nil || !strings.Contains(b.String(), `tags tag:"long read"`) {
		t.Errorf("feed list: %q, %v", b.String(), err)
	}
}

// TestFetchStopped: a fetch stopped while a feed is still on its way says
// how many feeds it did not fetch.
func TestFetchStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := openStore(t)
	fast := serveFeed(t, atomFeed)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	}))
	defer slow.Close()
	for _, u := range []string{fast, slow.URL + "/slow.xml"} {
		if _, err := st.AddFeed(ctx, store.Feed{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, func(done, total int, r feeds.FetchResult, _ store.FetchStats) {
		if done > 0 && r.Sub.URL == fast {
			cancel() // ctrl+c once the fast one is in
		}
	})
	if !errors.Is(err, context.Canceled) || rep.Feeds != 2 || rep.Stopped != 1 {
		t.Errorf("Fetch = %+v, %v; want 1 of 2 feeds stopped, canceled", rep, err)
	}
}
