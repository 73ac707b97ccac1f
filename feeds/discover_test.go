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
	mux.Handle("/based", page(`<html><head><base href="/cdn/site/">
		<LINK REL="Alternate home" TYPE="Application/Atom+XML; charset=utf-8" HREF="feed.atom"></head></html>`))
	mux.Handle("/cdn/site/feed.atom", serveFile(t, "atom10-xmlbase.xml", "application/atom+xml"))
	mux.Handle("/blog/comments/feed/", serveFile(t, "rss091.xml", "application/rss+xml"))
	mux.Handle("/real.xml", serveFile(t, "rss091.xml", "application/rss+xml"))
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
		"against <base>, any case":           {path: "/based", want: srv.URL + "/cdn/site/feed.atom"},
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
// redirects, its body limit for a feed and for anything else that is not
// a page (a page is searched in what was read, whatever its length), its
// User-Agent.
func TestDiscoverLimits(t *testing.T) {
	var agents sync.Map
	const link = `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>`
	bomb := gzipBomb(t, 4<<20)
	bigPage := append([]byte(link), bytes.Repeat([]byte("<p>x</p>"), 16<<10)...)
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
			w.Write(bigPage)
		case "/big-page-sized":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Length", fmt.Sprint(len(bigPage)))
			w.Write(bigPage)
		case "/gzip-bomb":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		case "/zeros-sized", "/zeros":
			w.Header().Set("Content-Type", "application/rss+xml")
			if r.URL.Path == "/zeros-sized" {
				w.Header().Set("Content-Length", fmt.Sprint(2<<30))
			}
			for range 64 {
				if _, err := w.Write(make([]byte, 16<<10)); err != nil {
					return
				}
			}
		case "/binary":
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"))
		case "/feed.xml":
			w.Write(fixture(t, "rss091.xml"))
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
	const userAgent = "tidings-test/2"
	tests := map[string]struct {
		path, want string
		err        error
		text       string
		timeout    time.Duration // of each request; 0: seconds, whatever the machine's pace
	}{
		"a server that never answers": {path: "/silent", err: ErrTimeout, text: "timeout after 150ms", timeout: 150 * time.Millisecond},
		"a body that stalls":          {path: "/stalls", err: ErrTimeout, text: "timeout after 150ms", timeout: 150 * time.Millisecond},
		"five redirects":              {path: "/chain/5", want: "/chain/5"},
		"six redirects":               {path: "/chain/6", err: ErrTooManyRedirects, text: "too many redirects: stopped after 5"},
		"a feed over the limit":       {path: "/big-feed", err: ErrBodyTooLarge, text: "body over 32 KiB"},
		"a page over the limit":       {path: "/big-page", want: "/feed.xml"},
		"a page that says so":         {path: "/big-page-sized", want: "/feed.xml"},
		"a gzip bomb":                 {path: "/gzip-bomb", err: ErrBodyTooLarge, text: "body over 32 KiB"},
		"2 GB of zeros, sized":        {path: "/zeros-sized", err: ErrBodyTooLarge, text: "body over 32 KiB"},
		"1 MB of zeros":               {path: "/zeros", err: ErrBodyTooLarge, text: "body over 32 KiB"},
		"binary data": {path: "/binary", err: ErrNoFeed,
			text: "no feed found at {srv}/binary: the server sent binary data (application/octet-stream)"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f := testFetcher()
			f.Timeout = 10 * time.Second
			if tc.timeout > 0 {
				f.Timeout = tc.timeout
			}
			f.MaxBody = 32 << 10
			f.UserAgent = userAgent
			start := time.Now()
			found, err := f.Discover(context.Background(), srv.URL+tc.path)
			if tc.err != nil {
				if text := strings.ReplaceAll(tc.text, "{srv}", srv.URL); !errors.Is(err, tc.err) || err.Error() != text {
					t.Errorf("Discover = %+v, %v; want %q", found, err, text)
				}
			} else if err != nil || found.URL != srv.URL+tc.want {
				t.Errorf("Discover = %q, %v; want %q", found.URL, err, srv.URL+tc.want)
			}
			// Held up by the server (5s) or by the request's timeout (10s).
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	agents.Range(func(ua, _ any) bool {
		if ua != userAgent {
			t.Errorf("a request with User-Agent %q, want %q", ua, userAgent)
		}
		return true
	})
}

// TestDiscoverTriesEachLink: a page's feed links are tried in order and
// the first that serves a feed is the one found, its document kept for the
// first fetch; when none does, the error says what each gave.
func TestDiscoverTriesEachLink(t *testing.T) {
	var mu sync.Mutex
	requests := map[string]int{}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(fixture(t, "rss091.xml"))
		case "/atom.xml":
			w.Header().Set("Content-Type", "application/atom+xml")
			w.Write(fixture(t, "atom10-xmlbase.xml"))
		case "/old.xml":
			http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
		case "/html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<html><body>a page</body></html>`))
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	alt := func(typ, href string) string {
		return `<link rel="alternate" type="application/` + typ + `" href="` + href + `">`
	}
	for _, tc := range []struct {
		name  string
		links string
		want  string // the feed found; "" for none
		err   string // the error's text after "no feed found at PAGE: "
		tried []string
	}{
		{"the first is dead", alt("rss+xml", "/404") + alt("atom+xml", "/atom.xml"), "/atom.xml", "",
			[]string{"/404", "/atom.xml"}},
		{"the first is a page", alt("rss+xml", "/html") + alt("rss+xml", "/feed.xml"), "/feed.xml", "",
			[]string{"/html", "/feed.xml"}},
		{"the first is a feed", alt("rss+xml", "/feed.xml") + alt("atom+xml", "/atom.xml"), "/feed.xml", "",
			[]string{"/feed.xml"}},
		{"one that moved for good", alt("rss+xml", "/404") + alt("rss+xml", "/old.xml"), "/feed.xml", "",
			[]string{"/404", "/old.xml", "/feed.xml"}},
		{"none is a feed", alt("rss+xml", "/404") + alt("atom+xml", "/html") + alt("feed+json", "/gone") + alt("rss+xml", "/404"), "",
			"none of its feed links serves a feed (URL/404: HTTP 404 Not Found; URL/html: not a feed (text/html); URL/gone: HTTP 410 Gone)",
			[]string{"/404", "/html", "/gone"}},
		{"at most five are tried", alt("rss+xml", "/1") + alt("rss+xml", "/2") + alt("rss+xml", "/3") + alt("rss+xml", "/4") +
			alt("rss+xml", "/5") + alt("rss+xml", "/6") + alt("rss+xml", "/feed.xml"), "",
			"none of its feed links serves a feed (URL/1: HTTP 404 Not Found; URL/2: HTTP 404 Not Found; URL/3: HTTP 404 Not Found; " +
				"URL/4: HTTP 404 Not Found; URL/5: HTTP 404 Not Found; 2 more not tried)",
			[]string{"/1", "/2", "/3", "/4", "/5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			clear(requests)
			mu.Unlock()
			page := `<html><head>` + tc.links + `</head></html>`
			pageMux := http.NewServeMux()
			pageMux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte(strings.ReplaceAll(page, `href="/`, `href="`+srv.URL+`/`)))
			})
			pages := httptest.NewServer(pageMux)
			defer pages.Close()
			f := testFetcher()
			found, err := f.Discover(context.Background(), pages.URL+"/page")
			if tc.want == "" {
				want := "no feed found at " + pages.URL + "/page: " + strings.ReplaceAll(tc.err, "URL/", srv.URL+"/")
				if !errors.Is(err, ErrNoFeed) || err.Error() != want {
					t.Errorf("Discover = %q, %v; want error\n%s", found.URL, err, want)
				}
			} else if err != nil || found.URL != srv.URL+tc.want {
				t.Errorf("Discover = %q, %v; want %q", found.URL, err, srv.URL+tc.want)
			}
			mu.Lock()
			var got []string
			for _, p := range tc.tried {
				if requests[p] != 1 {
					got = append(got, fmt.Sprintf("%s %d times", p, requests[p]))
				}
			}
			if n := len(requests); n != len(tc.tried) || got != nil {
				t.Errorf("requests %v, want each of %q once", requests, tc.tried)
			}
			mu.Unlock()
			if tc.want == "" {
				return
			}
			// The first fetch reads the feed discovery brought.
			r := f.FetchDiscovered(context.Background(), Subscription{URL: found.URL}, found)
			mu.Lock()
			again := requests[tc.want]
			mu.Unlock()
			if r.Err != nil || len(r.Articles) == 0 || again != 1 {
				t.Errorf("first fetch: %d articles, %v; %s asked %d times", len(r.Articles), r.Err, tc.want, again)
			}
		})
	}
}

// TestDiscoverAddressWithoutScheme: an address typed as a browser's address
// bar takes it, without http:// or https://, is refused with how to write
// it; a word that is no address is refused without the hint.
func TestDiscoverAddressWithoutScheme(t *testing.T) {
	f := NewFetcher()
	for given, hint := range map[string]bool{
		"127.0.0.1:8765/valley.atom": true,
		"example.com/feed.xml":       true,
		"localhost:8080/rss":         true,
		"news":                       false,
		"ftp://example.com/feed.xml": false,
	} {
		_, err := f.Discover(context.Background(), given)
		if err == nil {
			t.Fatalf("Discover(%q) found a feed", given)
		}
		if got := strings.Contains(err.Error(), "write it with http:// or https:// before it"); got != hint {
			t.Errorf("Discover(%q): %v; the hint given: %v, want %v", given, err, got, hint)
		}
	}
}
