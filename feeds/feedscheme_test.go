package feeds

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Browsers and older OPML exports write a feed's address with the feed:
// scheme; it stands for the http(s) address it names.
func TestFeedSchemeAddresses(t *testing.T) {
	tests := map[string]string{
		"feed://Example.com/rss.xml":         "http://example.com/rss.xml",
		"FEED://example.com:80/rss.xml":      "http://example.com/rss.xml",
		"feed:http://example.com/rss.xml":    "http://example.com/rss.xml",
		"feed:https://example.com/rss.xml":   "https://example.com/rss.xml",
		"Feed:HTTPS://example.com/a?b=1#top": "https://example.com/a?b=1",
		"feed://https://example.com/rss.xml": "https://example.com/rss.xml",
		"feed://example.com":                 "http://example.com/",
		"feed:javascript:alert(1)":           "feed:javascript:alert(1)",
		"feed:":                              "feed:",
		"feeds://example.com/rss.xml":        "feeds://example.com/rss.xml",
	}
	for in, want := range tests {
		if got := NormalizeURL(in); got != want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadOPMLFeedScheme(t *testing.T) {
	subs, err := ReadOPML(strings.NewReader(`<?xml version="1.0"?><opml version="1.0"><body>
<outline type="rss" text="feed scheme" xmlUrl="feed://example.com/a.xml"/>
<outline type="rss" text="feed http" xmlUrl="feed:http://example.com/b.xml"/>
<outline type="rss" text="feed https" xmlUrl="feed:https://example.com/c.xml"/>
<outline type="rss" text="again" xmlUrl="http://example.com/a.xml"/>
<outline type="rss" text="not http" xmlUrl="feed:javascript:alert(1)"/>
</body></opml>`))
	var got []string
	for _, s := range subs {
		got = append(got, s.URL)
	}
	want := []string{"http://example.com/a.xml", "http://example.com/b.xml", "https://example.com/c.xml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("subscriptions %q, want %q", got, want)
	}
	if err == nil || !strings.Contains(err.Error(), `outline "not http": xmlUrl "feed:javascript:alert(1)" is not an http(s) URL`) ||
		strings.Count(err.Error(), "not an http(s) URL") != 1 {
		t.Errorf("error %v, want only the javascript: outline refused", err)
	}
	if u := OutlineFeedURL([]xml.Attr{{Name: xml.Name{Local: "xmlUrl"}, Value: "feed://example.com/a.xml"}}); u != "http://example.com/a.xml" {
		t.Errorf("OutlineFeedURL %q", u)
	}
}

// feed add reads a feed: address as the http one it stands for, and
// subscribes to that.
func TestDiscoverFeedScheme(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/real.xml", serveFile(t, "rss091.xml", "application/rss+xml"))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	f := testFetcher()
	for _, addr := range []string{"feed://" + host + "/real.xml", "feed:" + srv.URL + "/real.xml", "FEED:" + srv.URL + "/real.xml"} {
		found, err := f.Discover(context.Background(), addr)
		if err != nil {
			t.Errorf("Discover(%q): %v", addr, err)
			continue
		}
		if found.URL != srv.URL+"/real.xml" {
			t.Errorf("Discover(%q) found %q, want %q", addr, found.URL, srv.URL+"/real.xml")
		}
		r := f.FetchDiscovered(context.Background(), Subscription{URL: found.URL}, found)
		if r.Err != nil || len(r.Articles) != 2 {
			t.Errorf("fetch of %q: %v, %d articles", found.URL, r.Err, len(r.Articles))
		}
	}
	if r := f.Fetch(context.Background(), Subscription{URL: "feed://" + host + "/real.xml"}); r.Err != nil || len(r.Articles) != 2 {
		t.Errorf("fetch of a feed:// subscription: %v, %d articles", r.Err, len(r.Articles))
	}
}
