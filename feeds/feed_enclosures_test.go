package feeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFeedEnclosures: an entry's enclosures (RSS enclosures, Atom
// rel="enclosure" links, JSON Feed attachments) are listed at the end of
// its body, and an entry without a link of its own is linked to the first.
func TestFeedEnclosures(t *testing.T) {
	tests := map[string]struct {
		doc      string
		url      string
		bodyHas  []string
		bodyOnly string // the whole body, when set
	}{
		"an RSS episode without a link": {
			doc: rssFeedDoc("Pod", `<item><title>Episode 1</title><guid isPermaLink="false">ep1</guid>`+
				`<enclosure url="http://h.example/ep1.mp3" length="12345678" type="audio/mpeg"/></item>`),
			url:      "http://h.example/ep1.mp3",
			bodyOnly: "Enclosure: [ep1.mp3](http://h.example/ep1.mp3) (audio/mpeg, 12 MB)",
		},
		"an RSS episode with a page and notes": {
			doc: rssFeedDoc("Pod", `<item><title>Episode 2</title><link>https://pod.example/ep2</link>`+
				`<description>&lt;p&gt;Show notes.&lt;/p&gt;</description>`+
				`<enclosure url="/media/ep2.m4a" length="1500000" type="Audio/MP4; codecs=mp4a"/></item>`),
			url:     "https://pod.example/ep2",
			bodyHas: []string{"Show notes.\n\nEnclosure: [ep2.m4a](https://site.example.com/media/ep2.m4a) (audio/mp4, 1.5 MB)"},
		},
		"several, each once, only http(s)": {
			doc: rssFeedDoc("Pod", `<item><title>Files</title><guid>f</guid><description>Notes.</description>`+
				`<enclosure url="https://h.example/a%20b.pdf" type="application/pdf" length="0"/>`+
				`<enclosure url="https://h.example/a%20b.pdf" type="application/pdf"/>`+
				`<enclosure url="ftp://h.example/c.zip" type="application/zip"/>`+
				`<enclosure url="javascript:alert(1)" type="audio/mpeg"/>`+
				`<enclosure url="https://h.example/d.ogg" type="not a type" length="lots"/></item>`),
			bodyOnly: "Notes.\n\nEnclosure: [a b.pdf](https://h.example/a%20b.pdf) (application/pdf)\n\nEnclosure: [d.ogg](https://h.example/d.ogg)",
		},
		"relative to the item's xml:base": {
			doc: `<rss version="2.0"><channel><title>Pod</title><link>https://site.example.com/</link>` +
				`<item xml:base="https://cdn.example.net/show/"><title>Ep</title><guid>e</guid>` +
				`<enclosure url="ep3.mp3" type="audio/mpeg" length="999"/></item></channel></rss>`,
			url:      "https://cdn.example.net/show/ep3.mp3",
			bodyOnly: "Enclosure: [ep3.mp3](https://cdn.example.net/show/ep3.mp3) (audio/mpeg, 999 bytes)",
		},
		"an Atom enclosure link": {
			doc: atomFeedDoc("<title>Pod</title>", `<entry><title>Ep</title><id>e</id><updated>2024-03-05T10:00:00Z</updated>`+
				`<link rel="alternate" href="https://site.example.com/ep"/><content type="text">Notes.</content>`+
				`<link rel="enclosure" href="https://h.example/ep.ogg" type="audio/ogg" length="2048"/></entry>`),
			url:      "https://site.example.com/ep",
			bodyOnly: "Notes.\n\nEnclosure: [ep.ogg](https://h.example/ep.ogg) (audio/ogg, 2 kB)",
		},
		"a JSON Feed attachment": {
			doc: `{"version": "https://jsonfeed.org/version/1.1", "title": "Pod", "home_page_url": "https://site.example.com/", "items": [` +
				`{"id": "e", "title": "Ep", "content_text": "Notes.", "attachments": [` +
				`{"url": "https://h.example/ep.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 89000000}]}]}`,
			url:      "https://h.example/ep.mp3",
			bodyOnly: "Notes.\n\nEnclosure: [ep.mp3](https://h.example/ep.mp3) (audio/mpeg, 89 MB)",
		},
		"a file name to escape": {
			doc: rssFeedDoc("Pod", `<item><title>Ep</title><guid>e</guid>`+
				`<enclosure url="https://h.example/%5Bx%5D_*y*.mp3" type="audio/mpeg"/></item>`),
			bodyOnly: `Enclosure: [\[x\]\_\*y\*.mp3](https://h.example/%5Bx%5D_*y*.mp3) (audio/mpeg)`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			a := feed.Articles[0]
			if tc.url != "" && a.URL != tc.url {
				t.Errorf("url %q, want %q", a.URL, tc.url)
			}
			if tc.bodyOnly != "" && a.Body != tc.bodyOnly {
				t.Errorf("body %q, want %q", a.Body, tc.bodyOnly)
			}
			for _, s := range tc.bodyHas {
				if !strings.Contains(a.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

// TestFeedEnclosureIDsStable: listing enclosures changes an entry's body
// and may give it a URL, never its id; an entry with nothing but an
// enclosure, passed over before, is read and known by it.
func TestFeedEnclosureIDsStable(t *testing.T) {
	published := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	const date = `<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>`
	const enc = `<enclosure url="http://h.example/ep1.mp3" length="1" type="audio/mpeg"/>`
	tests := map[string]struct {
		item, wantID, wantTitle string
	}{
		"a guid": {`<item><title>Episode 1</title><guid isPermaLink="false">ep1</guid>` + enc + `</item>`,
			keyedID(testFeedURL, "ep1"), "Episode 1"},
		"no guid, no link: its content, as before": {`<item><title>Episode 1</title><description>Notes.</description>` + date + enc + `</item>`,
			keyedID(testFeedURL, IdentityPrefix+digest("Episode 1", "Notes.", publishedKey(published))), "Episode 1"},
		"no guid, no link, no notes": {`<item><title>Episode 1</title>` + date + enc + `</item>`,
			keyedID(testFeedURL, IdentityPrefix+digest("Episode 1", "", publishedKey(published))), "Episode 1"},
		"only an enclosure": {`<item>` + enc + `</item>`,
			keyedID(testFeedURL, "http://h.example/ep1.mp3"), "http://h.example/ep1.mp3"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, rssFeedDoc("Pod", tc.item))
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			a := feed.Articles[0]
			if a.ExternalID != tc.wantID || a.Title != tc.wantTitle || a.URL != "http://h.example/ep1.mp3" {
				t.Errorf("id %q, title %q, url %q; want %q, %q", a.ExternalID, a.Title, a.URL, tc.wantID, tc.wantTitle)
			}
			if !strings.Contains(a.Body, "Enclosure: [ep1.mp3](http://h.example/ep1.mp3) (audio/mpeg, 1 byte)") {
				t.Errorf("body %q", a.Body)
			}
		})
	}
}

// TestFeedEnclosuresCapped: an entry of thousands of enclosures lists the
// first maxEnclosures and says how many more, with a warning.
func TestFeedEnclosuresCapped(t *testing.T) {
	var items strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&items, `<enclosure url="https://h.example/f%d.mp3" type="audio/mpeg"/>`, i)
	}
	feed := parseFeedString(t, rssFeedDoc("Pod", `<item><title>Files</title><guid>f</guid><description>Notes.</description>`+items.String()+`</item>`))
	if len(feed.Articles) != 1 {
		t.Fatalf("%d articles", len(feed.Articles))
	}
	a := feed.Articles[0]
	if n := strings.Count(a.Body, "Enclosure: "); n != maxEnclosures {
		t.Errorf("%d enclosures listed, want %d", n, maxEnclosures)
	}
	if !strings.Contains(a.Body, "[f99.mp3]") || strings.Contains(a.Body, "[f100.mp3]") || !strings.HasSuffix(a.Body, "… and 900 more enclosures.") {
		t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-200):])
	}
	if !slices.Contains(a.Warnings, "1000 enclosures: the first 100 are listed") {
		t.Errorf("warnings %q", a.Warnings)
	}
}
