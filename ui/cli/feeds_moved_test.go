package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestFetchSaysAFeedMergedIntoOneFollowed: a feed that moves for good to an
// address the reader follows already is said to be merged into it, once,
// and a move seen with a 304 is said too.
func TestFetchSaysAFeedMergedIntoOneFollowed(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var retired atomic.Bool
	rss := func(title, guid string) string {
		return fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://blog.example/</link>`+
			`<item><title>Post %s</title><guid>%s</guid><description>Text.</description></item></channel></rss>`, title, guid, guid)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, rss("Blog", "p1")) })
	mux.HandleFunc("/cat.xml", func(w http.ResponseWriter, r *http.Request) {
		if retired.Load() {
			http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, rss("Blog - Go", "g1"))
	})
	mux.HandleFunc("/a.xml", func(w http.ResponseWriter, r *http.Request) {
		if retired.Load() {
			http.Redirect(w, r, "/a-new.xml", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("ETag", `"a"`)
		fmt.Fprint(w, rss("A", "a1"))
	})
	mux.HandleFunc("/a-new.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"a"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"a"`)
		fmt.Fprint(w, rss("A", "a1"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for _, p := range []string{"/feed.xml", "/cat.xml", "/a.xml"} {
		if _, err := st.Subscribe(ctx, store.Feed{URL: srv.URL + p}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	retired.Store(true)
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	PrintFetchSummary(&out, &out, rep, 0)
	got := out.String()
	for _, want := range []string{
		"warning: " + srv.URL + "/cat.xml: moved to " + srv.URL + "/feed.xml, which you already follow: merged into it\n",
		"warning: " + srv.URL + "/a.xml: moved to " + srv.URL + "/a-new.xml\n",
	} {
		if strings.Count(got, want) != 1 {
			t.Errorf("fetch printed\n%s\nwant once: %s", got, want)
		}
	}
	if fs, err := st.Feeds(ctx); err != nil || len(fs) != 2 {
		t.Errorf("subscriptions after the merge: %+v, %v; want 2", fs, err)
	}
}
