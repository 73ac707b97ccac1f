package feeds

import (
	"strings"
	"testing"
)

// TestEntryLinkFromContentSrcAndPermalink: an Atom entry whose content is
// out of line (<content src="…">) and that has no link of its own is
// linked to its content, resolved as its link would be, and its body is
// what the feed gives besides (its summary, else nothing); an RSS item's
// relative guid that says it is a permalink is resolved against the
// channel's link, as a relative link is. A relative guid not said to be
// one is no link, and neither is a javascript: src.
func TestEntryLinkFromContentSrcAndPermalink(t *testing.T) {
	atom := func(entry string) string {
		return `<feed xmlns="http://www.w3.org/2005/Atom"><title>Out of line</title><id>urn:f</id>` +
			`<link rel="alternate" href="https://site.example/blog/"/>` + entry + `</feed>`
	}
	rss := func(item string) string {
		return `<rss version="2.0"><channel><title>Relative</title><link>https://site.example/blog/</link>` + item + `</channel></rss>`
	}
	for _, tc := range []struct {
		name, doc           string
		title, url, body    string
		wantWarningContains string
	}{
		{
			name: "content src, absolute",
			doc: atom(`<entry><id>urn:1</id><title>Full story</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<content type="text/html" src="https://site.example/posts/1.html"/></entry>`),
			title: "Full story", url: "https://site.example/posts/1.html",
		},
		{
			name: "content src, relative, with a summary",
			doc: atom(`<entry><id>urn:2</id><title>Second</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<summary>What it says.</summary><content type="text/html" src="/posts/2.html"/></entry>`),
			title: "Second", url: "https://site.example/posts/2.html", body: "What it says.",
		},
		{
			name: "content src and a link: the link",
			doc: atom(`<entry><id>urn:3</id><title>Third</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<link rel="alternate" href="https://site.example/posts/3"/><content src="https://cdn.example/3.html"/></entry>`),
			title: "Third", url: "https://site.example/posts/3",
		},
		{
			name: "content src under xml:base",
			doc: atom(`<entry xml:base="https://other.example/a/"><id>urn:4</id><title>Fourth</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<content src="4.html"/></entry>`),
			title: "Fourth", url: "https://other.example/a/4.html",
		},
		{
			name: "content src, javascript",
			doc: atom(`<entry><id>urn:5</id><title>Fifth</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<content src="javascript:alert(1)"/></entry>`),
			title: "Fifth", url: "", wantWarningContains: `dropped URL with scheme "javascript"`,
		},
		{
			name:  "relative permalink guid",
			doc:   rss(`<item><title>Post four</title><guid isPermaLink="true">/posts/4</guid><description>Four.</description></item>`),
			title: "Post four", url: "https://site.example/posts/4", body: "Four.",
		},
		{
			name:  "relative permalink guid, no leading slash",
			doc:   rss(`<item><title>Post five</title><guid isPermaLink="true">posts/5</guid><description>Five.</description></item>`),
			title: "Post five", url: "https://site.example/blog/posts/5", body: "Five.",
		},
		{
			name:  "relative guid not said to be a permalink",
			doc:   rss(`<item><title>Post six</title><guid>1234</guid><description>Six.</description></item>`),
			title: "Post six", url: "", body: "Six.",
		},
		{
			name:  "relative guid said not to be a permalink",
			doc:   rss(`<item><title>Post seven</title><guid isPermaLink="false">/posts/7</guid><description>Seven.</description></item>`),
			title: "Post seven", url: "", body: "Seven.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFeed([]byte(tc.doc), "", "", Subscription{URL: "https://feeds.example/feed.xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("%d articles", len(f.Articles))
			}
			a := f.Articles[0]
			if a.Title != tc.title || a.URL != tc.url || a.Body != tc.body {
				t.Errorf("article %q at %q: %q; want %q at %q: %q", a.Title, a.URL, a.Body, tc.title, tc.url, tc.body)
			}
			found := tc.wantWarningContains == ""
			for _, w := range a.Warnings {
				found = found || strings.Contains(w, tc.wantWarningContains)
			}
			if !found {
				t.Errorf("warnings %q, want one saying %q", a.Warnings, tc.wantWarningContains)
			}
		})
	}
}

// TestEntryLinkFromContentSrcKeepsIDs: an entry that gains a link from
// its out-of-line content, or from its relative permalink guid, keeps the
// id it had without it: a reader's stars and notes stay on it.
func TestEntryLinkFromContentSrcKeepsIDs(t *testing.T) {
	for _, tc := range []struct{ name, with, without string }{
		{
			"content src, no id",
			`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>No id</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<content src="https://site.example/x.html"/></entry></feed>`,
			`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>No id</title><updated>2025-03-03T10:00:00Z</updated>` +
				`<content/></entry></feed>`,
		},
		{
			"relative permalink guid",
			`<rss version="2.0"><channel><title>t</title><link>https://site.example/</link><item><title>P</title><guid isPermaLink="true">/p/1</guid></item></channel></rss>`,
			`<rss version="2.0"><channel><title>t</title><link>https://site.example/</link><item><title>P</title><guid isPermaLink="false">/p/1</guid></item></channel></rss>`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, doc := range []string{tc.with, tc.without} {
				f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: "https://feeds.example/feed.xml"})
				if err != nil || len(f.Articles) != 1 {
					t.Fatalf("%d articles, %v", len(f.Articles), err)
				}
				ids = append(ids, f.Articles[0].ExternalID)
			}
			if ids[0] != ids[1] {
				t.Errorf("id %q, was %q", ids[0], ids[1])
			}
		})
	}
}

// TestRelativeGUIDsSayingPermalink: of a feed's items with relative
// guids, those that say they are permalinks are linked, the others not.
func TestRelativeGUIDsSayingPermalink(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>t</title><link>https://site.example/</link>` +
		`<item><title>A</title><guid isPermaLink="true">/a</guid></item>` +
		`<item><title>B</title><guid>b-17</guid></item>` +
		`<item><title>C</title><guid isPermalink="TRUE">c</guid></item>` +
		`<item><title>D</title><guid isPermaLink="false">/d</guid></item>` +
		`</channel></rss>`
	f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: "https://feeds.example/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range f.Articles {
		got = append(got, a.Title+" "+a.URL)
	}
	want := []string{"A https://site.example/a", "B ", "C https://site.example/c", "D "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("links %q, want %q", got, want)
	}
}
