package feeds_test

import (
	"strings"
	"testing"

	"tidings/feeds"
)

// TestEntryImageApartFromText: a picture an entry writes right against
// its text (<img src="…">Many players…, as Golem.de's feeds write every
// teaser) is stored with a space between its link and the text, on
// either side, and between two pictures: the reader shows a link as its
// text and its address, and "image https://example.com/pic.jpgMany"
// would read as one address. A picture with white space or a block's
// edge beside it is written as before.
func TestEntryImageApartFromText(t *testing.T) {
	for _, tc := range []struct{ name, content, body string }{
		{
			name:    "text after (Golem.de)",
			content: `<img src="https://example.com/pic.jpg" width="140" height="140" align="left">Many players want a PC version.`,
			body:    "[image](https://example.com/pic.jpg) Many players want a PC version.",
		},
		{
			name:    "with alt text, in a paragraph",
			content: `<p><img src="https://example.com/pic2.jpg" alt="Teaser">Second story text.</p>`,
			body:    "[Teaser](https://example.com/pic2.jpg) Second story text.",
		},
		{
			name:    "text before and after",
			content: `<p>Before<img src="https://example.com/p.png" alt="Pic">after.</p>`,
			body:    "Before [Pic](https://example.com/p.png) after.",
		},
		{
			name:    "two pictures",
			content: `<p><img src="https://example.com/a.png"><img src="https://example.com/b.png"></p>`,
			body:    "[image](https://example.com/a.png) [image](https://example.com/b.png)",
		},
		{
			name:    "emphasis after",
			content: `<p><img src="https://example.com/a.png"><b>Bold</b> text.</p>`,
			body:    "[image](https://example.com/a.png) **Bold** text.",
		},
		{
			name:    "from inside a span",
			content: `<p><span><img src="https://example.com/a.png"></span>Text.</p>`,
			body:    "[image](https://example.com/a.png) Text.",
		},
		{
			name:    "spaced already",
			content: `<p>Text <img src="https://example.com/a.png"> more.</p>`,
			body:    "Text [image](https://example.com/a.png) more.",
		},
		{
			name:    "a paragraph of its own",
			content: `<p><img src="https://example.com/a.png"></p><p>Text.</p>`,
			body:    "[image](https://example.com/a.png)\n\nText.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Glued</title>` +
				`<link>https://example.com/</link><item><title>Item</title><link>https://example.com/1</link>` +
				`<content:encoded><![CDATA[` + tc.content + `]]></content:encoded></item></channel></rss>`
			f, err := feeds.ParseFeed([]byte(doc), "", "", feeds.Subscription{URL: "https://example.com/feed.xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(f.Articles))
			}
			if got := f.Articles[0].Body; got != tc.body {
				t.Errorf("body\n%q, want\n%q", got, tc.body)
			}
		})
	}
}

// TestEntryImageApartKeepsEntriesWhereTheyAre: an entry without a guid or
// a link is known by its text as it was read before its pictures were
// written apart ("[image](…)Many players…", as a link written so reads
// still): fetched again, it is the article stored then, updated, none
// added.
func TestEntryImageApartKeepsEntriesWhereTheyAre(t *testing.T) {
	doc := func(content string) []byte {
		return []byte(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Glued</title>` +
			`<link>https://example.com/</link><item><title>No guid, no link</title><pubDate>Sun, 28 Oct 2018 13:48:00 +0100</pubDate>` +
			`<content:encoded><![CDATA[` + content + `]]></content:encoded></item></channel></rss>`)
	}
	const glued = `<img src="https://example.com/pic.jpg" align="left">Many players want a PC version.`
	// Read as tidings read the picture before: a link against the text.
	const asBefore = `<a href="https://example.com/pic.jpg">image</a>Many players want a PC version.`

	sf := newServedFeed(t, "/glued.xml", "application/rss+xml", doc(asBefore))
	if _, st := sf.fetch(); st.Added != 1 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	sf.serve(doc(glued))
	if _, st := sf.fetch(); st.Added != 0 || st.Updated != 1 {
		t.Errorf("second fetch: %+v, want 1 updated, none added", st.ImportStats)
	}
	all, err := storedArticles(sf)
	if err != nil || len(all) != 1 || !strings.HasPrefix(all[0].Body, "[image](https://example.com/pic.jpg) Many") {
		t.Errorf("stored: %+v, %v; want one article, its picture apart from its text", all, err)
	}
}
