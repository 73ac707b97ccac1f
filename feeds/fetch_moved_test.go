package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFetchSaysWhereAFeedMoved: a feed that moved for good (301, 308) says
// so in the result's warning, before what is wrong with the feed; a
// temporary redirect says nothing, and a failed fetch moves nothing.
func TestFetchSaysWhereAFeedMoved(t *testing.T) {
	data := fixture(t, "rss091.xml")
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(data)
	})
	mux.HandleFunc("/cut", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>one</title><guid>1</guid></item><item><title>tw`))
	})
	hop := func(code int, to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	mux.Handle("/moved", hop(http.StatusMovedPermanently, "/feed"))
	mux.Handle("/moved-308", hop(http.StatusPermanentRedirect, "/feed"))
	mux.Handle("/temporary", hop(http.StatusFound, "/feed"))
	mux.Handle("/moved-cut", hop(http.StatusMovedPermanently, "/cut"))
	mux.Handle("/moved-gone", hop(http.StatusMovedPermanently, "/gone"))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := map[string]struct {
		path, etag, warning string
		failed              bool
	}{
		"301":                       {path: "/moved", warning: "moved to " + srv.URL + "/feed"},
		"308":                       {path: "/moved-308", warning: "moved to " + srv.URL + "/feed"},
		"301, then not modified":    {path: "/moved", etag: `"v1"`, warning: "moved to " + srv.URL + "/feed"},
		"temporary":                 {path: "/temporary"},
		"301 to a feed cut off":     {path: "/moved-cut", warning: "moved to " + srv.URL + "/cut; the feed is broken after"},
		"301 to an address missing": {path: "/moved-gone", failed: true},
	}
	f := testFetcher()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + tc.path, ETag: tc.etag})
			if (r.Err != nil) != tc.failed {
				t.Fatalf("error %v", r.Err)
			}
			if tc.failed {
				if r.NewURL != "" || r.Warning != "" {
					t.Errorf("a failed fetch moved to %q, saying %q", r.NewURL, r.Warning)
				}
				return
			}
			if got := r.Warning; !strings.HasPrefix(got, tc.warning) || tc.warning == "" && got != "" {
				t.Errorf("warning %q, want %q", got, tc.warning)
			}
		})
	}
}
