package feeds

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
)

func TestDiscover(t *testing.T) {
	mux := http.NewServeMux()
	page := func(html string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(html))
		}
	}
	mux.Handle("/blog/", page(`<!DOCTYPE html><html><head>
		<link rel="stylesheet" href="/style.css">
		<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
		<link rel="alternate" type="application/rss+xml" title="Comments" href="comments/feed/">
		<link rel="alternate" type="application/atom+xml" href="/blog/atom.xml">
		</head><body>Hello</body></html>`))
	mux.Handle("/based", page(`<html><head><base href="https://cdn.example.com/site/">
		<LINK REL="Alternate home" TYPE="Application/Atom+XML; charset=utf-8" HREF="feed.atom"></head></html>`))
	mux.Handle("/json", page(`<html><head><link rel="alternate" type="application/feed+json" href="/feed.json"></head></html>`))
	mux.Handle("/script-link", page(`<html><head><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
		<link rel="alternate" type="application/rss+xml" href="/real.xml"></head></html>`))
	mux.Handle("/nothing", page(`<html><head><title>No feeds</title><link rel="alternate" type="text/html" href="/m/"></head></html>`))
	mux.Handle("/feed.xml", serveFile(t, "wordpress-rss2.xml", "text/html")) // a feed with the wrong type still is one
	mux.Handle("/feed.json", serveFile(t, "jsonfeed11.json", "application/json"))
	mux.HandleFunc("/api.json", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"status": "ok"}`)) })
	serveJSON := func(contentType, doc string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(doc))
		}
	}
	const phpItems = `"items":[{"id":"p1","title":"PHP item","content_html":"<p>x<\/p>"}]`
	mux.Handle("/php.json", serveJSON("application/json",
		`{"version":"https:\/\/jsonfeed.org\/version\/1.1","title":"PHP Feed",`+phpItems+`}`))
	mux.Handle("/late.json", serveJSON("application/json", `{"title":"PHP Feed","description":"`+
		strings.Repeat("A long description. ", 1000)+`","version":"https://jsonfeed.org/version/1.1",`+phpItems+`}`))
	mux.Handle("/typed.json", serveJSON("application/feed+json; charset=utf-8", `{"title":"PHP Feed",`+phpItems+`}`))
	mux.Handle("/mentions.json", serveJSON("application/json", `{"links":["https://jsonfeed.org/version/1.1"]}`))
	mux.HandleFunc("/old-feed", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/latest", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml?token=abc", http.StatusFound)
	})
	mux.HandleFunc("/latest-307", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml?token=abc", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/moved-308", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml", http.StatusPermanentRedirect)
	})
	mux.HandleFunc("/moved-then-latest", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/latest", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/blog-now", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/blog/", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := map[string]struct {
		path, want string
		err        error
	}{
		"a page's first feed link, resolved": {path: "/blog/", want: srv.URL + "/blog/comments/feed/"},
		"against <base>, any case":           {path: "/based", want: "https://cdn.example.com/site/feed.atom"},
		"a JSON Feed link":                   {path: "/json", want: srv.URL + "/feed.json"},
		"a javascript: link is passed over":  {path: "/script-link", want: srv.URL + "/real.xml"},
		"the URL is a feed":                  {path: "/feed.xml", want: srv.URL + "/feed.xml"},
		"the URL is a JSON Feed":             {path: "/feed.json", want: srv.URL + "/feed.json"},
		"a permanent redirect to a feed":     {path: "/old-feed", want: srv.URL + "/feed.xml"},
		"a 308 to a feed":                    {path: "/moved-308", want: srv.URL + "/feed.xml"},
		"a 302 to a feed keeps the address":  {path: "/latest", want: srv.URL + "/latest"},
		"a 307 to a feed keeps the address":  {path: "/latest-307", want: srv.URL + "/latest-307"},
		"a 301, then a 302":                  {path: "/moved-then-latest", want: srv.URL + "/latest"},
		"a 302 to a page: its feed link":     {path: "/blog-now", want: srv.URL + "/blog/comments/feed/"},
		"a page without feeds":               {path: "/nothing", err: ErrNoFeed},
		"JSON that is not a feed":            {path: "/api.json", err: ErrNoFeed},
		"a JSON Feed with escaped slashes":   {path: "/php.json", want: srv.URL + "/php.json"},
		"a JSON Feed's version after 20 KB":  {path: "/late.json", want: srv.URL + "/late.json"},
		"JSON served as a JSON Feed":         {path: "/typed.json", want: srv.URL + "/typed.json"},
		"JSON that names the version":        {path: "/mentions.json", err: ErrNoFeed},
		"an error status":                    {path: "/gone", err: &StatusError{Code: 410}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			found, err := testFetcher().Discover(context.Background(), srv.URL+tc.path)
			got := found.URL
			if tc.err != nil {
				if se, ok := tc.err.(*StatusError); ok {
					if got, ok := errors.AsType[*StatusError](err); !ok || got.Code != se.Code {
						t.Errorf("error %v, want HTTP %d", err, se.Code)
					}
					return
				}
				if !errors.Is(err, tc.err) {
					t.Errorf("Discover = %q, %v; want error %v", got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("Discover = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := testFetcher().Discover(context.Background(), "file:///etc/passwd"); err == nil {
		t.Errorf("a file URL was accepted")
	}
}

// TestDiscoverLimits: discovery runs under the limits of a fetch: its
// timeout for a server that never answers or stalls mid-body, five
// redirects, its body limit for a feed (a page is searched in what was
// read), its User-Agent.
func TestDiscoverLimits(t *testing.T) {
	var agents sync.Map
	const link = `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>`
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.Header.Get("User-Agent"), true)
		switch r.URL.Path {
		case "/silent", "/stalls":
			if r.URL.Path == "/stalls" {
				w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>half`))
				w.(http.Flusher).Flush()
			}
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		case "/big-feed":
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><description>`))
			w.Write(bytes.Repeat([]byte("x"), 64<<10))
		case "/big-page":
			w.Write([]byte(link))
			w.Write(bytes.Repeat([]byte("<p>x</p>"), 16<<10))
		default:
			var n int
			if _, err := fmt.Sscanf(r.URL.Path, "/chain/%d", &n); err != nil {
				http.NotFound(w, r)
			} else if n == 0 {
				w.Write(fixture(t, "rss091.xml"))
			} else {
				http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := testFetcher()
	f.Timeout = 150 * time.Millisecond
	f.MaxBody = 32 << 10
	f.UserAgent = "tidings-test/2"
	tests := map[string]struct {
		path, want string
		err        error
		text       string
	}{
		"a server that never answers": {path: "/silent", err: ErrTimeout, text: "timeout after 150ms"},
		"a body that stalls":          {path: "/stalls", err: ErrTimeout, text: "timeout after 150ms"},
		"five redirects":              {path: "/chain/5", want: "/chain/5"},
		"six redirects":               {path: "/chain/6", err: ErrTooManyRedirects, text: "too many redirects: stopped after 5"},
		"a feed over the limit":       {path: "/big-feed", err: ErrBodyTooLarge, text: "body over 32 KiB"},
		"a page over the limit":       {path: "/big-page", want: "/feed.xml"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			found, err := f.Discover(context.Background(), srv.URL+tc.path)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || err.Error() != tc.text {
					t.Errorf("Discover = %+v, %v; want %q", found, err, tc.text)
				}
			} else if err != nil || found.URL != srv.URL+tc.want {
				t.Errorf("Discover = %q, %v; want %q", found.URL, err, srv.URL+tc.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	agents.Range(func(ua, _ any) bool {
		if ua != f.UserAgent {
			t.Errorf("a request with User-Agent %q, want %q", ua, f.UserAgent)
		}
		return true
	})
}
