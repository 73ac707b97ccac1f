package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAddressesWithCredentials: an address's user name and password are
// kept in its normal form (they are how the feed is fetched), left out of
// the form feeds are matched by, and its password is never shown.
func TestAddressesWithCredentials(t *testing.T) {
	tests := []struct {
		in, normal, match, shown string
	}{
		{"HTTP://alice:s3cret@Example.com:80/feed#x", "http://alice:s3cret@example.com/feed", "http://example.com/feed",
			"HTTP://alice@Example.com:80/feed#x"},
		{"http://alice@example.com/feed", "http://alice@example.com/feed", "http://example.com/feed", "http://alice@example.com/feed"},
		{"https://:token@example.com/feed", "https://:token@example.com/feed", "https://example.com/feed", "https://example.com/feed"},
		{"http://al%40ice:p%40ss:word@example.com/f", "http://al%40ice:p%40ss%3Aword@example.com/f", "http://example.com/f",
			"http://al%40ice@example.com/f"},
		{"feed:https://alice:s3cret@example.com/rss", "https://alice:s3cret@example.com/rss", "https://example.com/rss",
			"feed:https://alice@example.com/rss"},
		{"http://example.com/@alice/feed?a=b:c@d", "http://example.com/@alice/feed?a=b:c@d", "http://example.com/@alice/feed?a=b:c@d",
			"http://example.com/@alice/feed?a=b:c@d"},
		{"http://example.com/feed", "http://example.com/feed", "http://example.com/feed", "http://example.com/feed"},
		{"not a url", "not a url", "not a url", "not a url"},
	}
	for _, tc := range tests {
		if got := NormalizeURL(tc.in); got != tc.normal {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tc.in, got, tc.normal)
		}
		if got := MatchURL(tc.in); got != tc.match {
			t.Errorf("MatchURL(%q) = %q, want %q", tc.in, got, tc.match)
		}
		if got := ShownURL(tc.in); got != tc.shown {
			t.Errorf("ShownURL(%q) = %q, want %q", tc.in, got, tc.shown)
		}
		if got := MatchURL(ShownURL(tc.in)); got != tc.match {
			t.Errorf("MatchURL(ShownURL(%q)) = %q: what is shown finds another feed", tc.in, got)
		}
		if got, want := HasUserinfo(tc.in), tc.normal != tc.match; got != want {
			t.Errorf("HasUserinfo(%q) = %v", tc.in, got)
		}
	}
}

// TestShownURLHidesAPasswordNotEscaped: a password holding a # or ? that
// was not percent-encoded (the address then does not parse) is not shown
// either.
func TestShownURLHidesAPasswordNotEscaped(t *testing.T) {
	for in, want := range map[string]string{
		"http://alice:p#w@host.example/feed.xml":  "http://alice@host.example/feed.xml",
		"http://alice:p?w@host.example/feed.xml":  "http://alice@host.example/feed.xml",
		"https://alice:a#b?c@host.example":        "https://alice@host.example",
		"http://host.example?x=1#frag":            "http://host.example?x=1#frag",
		"http://host.example/feed?u=a:b@c#d":      "http://host.example/feed?u=a:b@c#d",
		"http://alice:s3cret@host.example?x=1#yz": "http://alice@host.example?x=1#yz",
	} {
		if got := ShownURL(in); got != want {
			t.Errorf("ShownURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFetchShowsNoPassword: a feed fetched with a user name and password
// in its address does not show the password where it moved to, nor write
// it into its articles' links, and feed add does not show it in what it
// says of a page without a feed.
func TestFetchShowsNoPassword(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/feed.xml", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "alice" || p != "s3cret" {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Locked</title>` +
			`<item><title>One</title><guid>1</guid><link>/posts/1</link><description>One.</description></item></channel></rss>`))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/nothing.xml"></head></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	at := strings.Replace(srv.URL, "http://", "http://alice:s3cret@", 1)

	r := testFetcher().Fetch(context.Background(), Subscription{URL: at + "/old.xml"})
	if r.Err != nil || len(r.Articles) != 1 {
		t.Fatalf("fetch: %v, %d articles", r.Err, len(r.Articles))
	}
	if r.NewURL != at+"/feed.xml" {
		t.Errorf("moved to %q, want %q: the subscription keeps its credentials", r.NewURL, at+"/feed.xml")
	}
	shown := strings.Replace(srv.URL, "http://", "http://alice@", 1)
	if want := "moved to " + shown + "/feed.xml"; r.Warning != want {
		t.Errorf("warning %q, want %q", r.Warning, want)
	}
	if link := r.Articles[0].URL; link != srv.URL+"/posts/1" {
		t.Errorf("link %q, want %q", link, srv.URL+"/posts/1")
	}
	_, err := testFetcher().Discover(context.Background(), at+"/page")
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), shown+"/page") {
		t.Errorf("discover: %v, want the page named without the password", err)
	}
}
