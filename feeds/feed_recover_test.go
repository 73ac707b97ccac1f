package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFeedCutOff: a feed broken after some whole entries — cut off in
// transfer, or missing its closing tags — gives those entries, and says
// it is broken; one without a whole entry is still refused.
func TestFeedCutOff(t *testing.T) {
	const item = `<item><title>%s</title><guid>%s</guid><description>Text of %s.</description></item>`
	rssItems := func(names ...string) string {
		var b strings.Builder
		for _, n := range names {
			b.WriteString(strings.ReplaceAll(item, "%s", n))
		}
		return b.String()
	}
	head := `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F</title><link>https://site.example/</link>`
	atomHead := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>f</id>`
	atomEntry := func(n string) string {
		return `<entry><title>` + n + `</title><id>` + n + `</id><updated>2024-03-05T10:00:00Z</updated><content>Text.</content></entry>`
	}
	tests := map[string]struct {
		doc     string
		titles  []string
		warning string // a part of it; "" for none
		refused bool
	}{
		"whole":                                {doc: head + rssItems("one", "two") + `</channel></rss>`, titles: []string{"one", "two"}},
		"without </rss>":                       {doc: head + rssItems("one", "two") + `</channel>`, titles: []string{"one", "two"}, warning: "broken after its first 2 entries"},
		"without any closing tag":              {doc: head + rssItems("one", "two"), titles: []string{"one", "two"}, warning: "broken after its first 2 entries"},
		"cut inside an item":                   {doc: head + rssItems("one", "two") + `<item><title>thr`, titles: []string{"one", "two"}, warning: "unexpected EOF"},
		"cut inside an element of the channel": {doc: head + rssItems("one") + `<dc:creator>Jo`, titles: []string{"one"}, warning: "broken after its first 1 entry ("},
		"Atom cut off":                         {doc: atomHead + atomEntry("a") + atomEntry("b") + `<entry><title>c`, titles: []string{"a", "b"}, warning: "2 entries"},
		"no whole entry":                       {doc: head + `<item><title>one</title><description>cut`, refused: true},
		"an end tag that closes nothing": {doc: head + rssItems("one", "two") + `<item><title>three</title><guid>3</guid><description>Body 3</b> stray</description></item>` + rssItems("four", "five") + `</channel></rss>`,
			titles: []string{"one", "two", "three"}, warning: "broken after its first 3 of 5 entries; the other 2 could not be read"},
		"broken in the head": {doc: `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title <item>`, refused: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed, err := ParseFeed([]byte(tc.doc), "", "", Subscription{URL: testFeedURL})
			if tc.refused {
				if err == nil {
					t.Fatalf("read %d articles, want the feed refused", len(feed.Articles))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, a := range feed.Articles {
				titles = append(titles, a.Title)
			}
			if strings.Join(titles, ",") != strings.Join(tc.titles, ",") {
				t.Errorf("titles %q, want %q", titles, tc.titles)
			}
			if tc.warning == "" && feed.Warning != "" || !strings.Contains(feed.Warning, tc.warning) {
				t.Errorf("warning %q, want one with %q", feed.Warning, tc.warning)
			}
		})
	}
}

// TestFetchCutOff: a fetched feed cut off after whole entries gives them,
// with the warning, and keeps its validators as any feed read does.
func TestFetchCutOff(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>one</title><guid>1</guid></item><item><title>tw`))
	}))
	defer srv.Close()
	r := testFetcher().Fetch(context.Background(), Subscription{URL: srv.URL})
	if r.Err != nil || len(r.Articles) != 1 || r.Articles[0].Title != "one" || !strings.Contains(r.Warning, "broken after") || r.Sub.ETag != `"v1"` {
		t.Errorf("err %v, %d articles, warning %q, etag %q", r.Err, len(r.Articles), r.Warning, r.Sub.ETag)
	}
}
