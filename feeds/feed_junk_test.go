package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFeedAfterJunk: what a server script prints before a feed's XML
// declaration (a PHP notice) does not hide the feed.
func TestFeedAfterJunk(t *testing.T) {
	const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>F</title><item><title>One</title><guid>1</guid></item></channel></rss>`
	for name, junk := range map[string]string{
		"a PHP notice":    "<br />\n<b>Notice</b>:  Undefined variable: x in <b>/var/www/feed.php</b> on line <b>12</b><br />\n",
		"a stray line":    "\n\nDEBUG ok\n",
		"a BOM and space": "\ufeff  \n",
	} {
		t.Run(name, func(t *testing.T) {
			f, err := ParseFeed([]byte(junk+feed), "application/rss+xml", "", Subscription{URL: testFeedURL})
			if err != nil || len(f.Articles) != 1 || f.Articles[0].Title != "One" {
				t.Fatalf("err %v, %d articles", err, len(f.Articles))
			}
		})
	}
	t.Run("a feed without a declaration that mentions one", func(t *testing.T) {
		doc := `<rss version="2.0"><channel><title>F</title><item><title>One</title><guid>1</guid>` +
			`<description><![CDATA[<code>&lt;?xml version="1.0"?&gt;</code> and <?xml version="1.0"?>]]></description></item></channel></rss>`
		f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
		if err != nil || len(f.Articles) != 1 {
			t.Fatalf("err %v, %d articles", err, len(f.Articles))
		}
	})
	t.Run("a page is still a page", func(t *testing.T) {
		page := `<!DOCTYPE html><html><body><pre>` + feed + `</pre></body></html>`
		if _, err := ParseFeed([]byte(page), "", "", Subscription{URL: testFeedURL}); err == nil || !strings.Contains(err.Error(), "HTML page") {
			t.Errorf("err %v, want an HTML page refused", err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if _, err := ParseFeed([]byte(" \n"), "", "", Subscription{URL: testFeedURL}); err == nil || !strings.Contains(err.Error(), "the document is empty") {
			t.Errorf("err %v", err)
		}
	})
}

// TestDiscoverSaysWhatItFound: discovery at an address serving no feed
// says what it served: nothing, a page linking to none, or something else.
func TestDiscoverSaysWhatItFound(t *testing.T) {
	mux := http.NewServeMux()
	serve := func(typ, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", typ)
			w.Write([]byte(body))
		}
	}
	mux.Handle("/empty", serve("application/rss+xml", ""))
	mux.Handle("/page", serve("text/html", `<html><head><title>x</title></head><body>Hi</body></html>`))
	mux.Handle("/text", serve("text/plain", "Service temporarily unavailable, try later"))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for path, want := range map[string]string{
		"/empty": "the server sent an empty document (application/rss+xml)",
		"/page":  "the page links to no RSS, Atom or JSON feed",
		"/text":  `neither a feed nor a web page (text/plain), it starts "Service temporarily unavailable, try later"`,
	} {
		_, err := testFetcher().Discover(context.Background(), srv.URL+path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err %v, want %q", path, err, want)
		}
	}
}

// TestFetchPageNamesItsFeed: a subscription whose address serves a web page
// (a site subscribed from an OPML file) fails, naming the feed the page
// links to.
func TestFetchPageNamesItsFeed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Blog</body></html>`))
	}))
	defer srv.Close()
	r := testFetcher().Fetch(context.Background(), Subscription{URL: srv.URL + "/blog"})
	want := "it links to the feed " + srv.URL + "/feed.xml: subscribe to that (tidings feed add " + srv.URL + "/feed.xml)"
	if r.Err == nil || !strings.Contains(r.Err.Error(), want) || !strings.Contains(r.Err.Error(), "HTML page") {
		t.Errorf("err %v, want one with %q", r.Err, want)
	}
}
