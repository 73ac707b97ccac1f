package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
		"a redirect to a feed":               {path: "/old-feed", want: srv.URL + "/feed.xml"},
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
			got, err := Discover(context.Background(), srv.Client(), srv.URL+tc.path)
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
	if _, err := Discover(context.Background(), nil, "file:///etc/passwd"); err == nil {
		t.Errorf("a file URL was accepted")
	}
}
