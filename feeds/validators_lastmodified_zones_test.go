package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// TestFetchSendsBackZonedLastModified: a Last-Modified in a date form
// servers write besides the one HTTP prefers (PHP's date('r') with a
// numeric zone, "UTC" for "GMT", RFC 850, asctime, a zone abbreviation)
// is kept and sent back in If-Modified-Since exactly as the server wrote
// it, and the server's 304 is taken: the feed is not read again.
func TestFetchSendsBackZonedLastModified(t *testing.T) {
	for name, lm := range map[string]string{
		"numeric zone (PHP date('r'))": "Mon, 01 Jan 2024 10:00:00 +0000",
		"numeric zone, one-digit day":  "Mon, 1 Jan 2024 10:00:00 -0500",
		"UTC":                          "Mon, 01 Jan 2024 10:00:00 UTC",
		"UT":                           "Mon, 01 Jan 2024 10:00:00 UT",
		"zone abbreviation":            "Mon, 01 Jan 2024 10:00:00 EST",
		"GMT":                          "Mon, 01 Jan 2024 10:00:00 GMT",
		"RFC 850":                      "Monday, 01-Jan-24 10:00:00 GMT",
		"RFC 850 numeric zone":         "Monday, 01-Jan-24 10:00:00 +0000",
		"asctime":                      "Mon Jan  1 10:00:00 2024",
	} {
		t.Run(name, func(t *testing.T) {
			var mu sync.Mutex
			var asked []string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ims := r.Header.Get("If-Modified-Since")
				mu.Lock()
				asked = append(asked, ims)
				mu.Unlock()
				w.Header().Set("Last-Modified", lm)
				if ims == lm {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Zones</title>`+
					`<item><title>One</title><guid>z-1</guid></item></channel></rss>`)
			}))
			defer srv.Close()
			f := testFetcher()
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.xml"})
			if r.Err != nil || len(r.Articles) != 1 {
				t.Fatalf("first fetch = %d articles, %v", len(r.Articles), r.Err)
			}
			if r.Sub.LastModified != lm {
				t.Fatalf("kept Last-Modified %q, want %q as the server wrote it", r.Sub.LastModified, lm)
			}
			r = f.Fetch(context.Background(), r.Sub)
			mu.Lock()
			defer mu.Unlock()
			if len(asked) != 2 || asked[1] != lm {
				t.Fatalf("the second fetch sent If-Modified-Since %q, want %q", asked[1:], lm)
			}
			if r.Err != nil || !r.NotModified {
				t.Errorf("second fetch: not modified %v, error %v; want the 304 taken", r.NotModified, r.Err)
			}
			if r.Sub.LastModified != lm {
				t.Errorf("after the 304 kept Last-Modified %q, want %q", r.Sub.LastModified, lm)
			}
		})
	}
}

// TestKeptLastModifiedForms: the date forms a Last-Modified is kept in,
// as written, and what is no date (words, a time with a zone no one
// knows, a date with garbage after it) is not kept.
func TestKeptLastModifiedForms(t *testing.T) {
	for in, want := range map[string]string{
		"Mon, 01 Jan 2024 10:00:00 +0000":       "Mon, 01 Jan 2024 10:00:00 +0000",
		"Mon, 01 Jan 2024 10:00:00 +0100":       "Mon, 01 Jan 2024 10:00:00 +0100",
		"Mon, 01 Jan 2024 10:00:00 UTC":         "Mon, 01 Jan 2024 10:00:00 UTC",
		"Mon, 01 Jan 2024 10:00:00 CEST":        "Mon, 01 Jan 2024 10:00:00 CEST",
		"Mon, 1 Jan 2024 10:00:00 GMT":          "Mon, 1 Jan 2024 10:00:00 GMT",
		"Monday, 01-Jan-24 10:00:00 -0800":      "Monday, 01-Jan-24 10:00:00 -0800",
		"Mon Jan  1 10:00:00 2024":              "Mon Jan  1 10:00:00 2024",
		" Mon, 01 Jan 2024 10:00:00 +0000\x1b ": "Mon, 01 Jan 2024 10:00:00 +0000",
		"Mon, 01 Jan 2024 10:00:00 XYZ":         "",
		"Mon, 01 Jan 2024 10:00:00 +0000 junk":  "",
		"Mon, 01 Jan 2024":                      "",
		"2024-01-01T10:00:00Z":                  "",
		"yesterday":                             "",
	} {
		if got := KeptLastModified(in); got != want {
			t.Errorf("KeptLastModified(%q) = %q, want %q", in, got, want)
		}
	}
}
