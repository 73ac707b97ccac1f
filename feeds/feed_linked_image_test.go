package feeds_test

import (
	"strings"
	"testing"

	"tidings/feeds"
)

// imgLinkFeed is an RSS document of one entry holding content, with a
// guid when guid is not empty.
func imgLinkFeed(content, guid string) []byte {
	id := ""
	if guid != "" {
		id = `<guid>` + guid + `</guid>`
	}
	return []byte(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Teasers</title>` +
		`<link>https://example.com/</link><item><title>Linked thumbnail</title>` + id +
		`<pubDate>Sun, 28 Oct 2018 13:48:00 +0100</pubDate>` +
		`<content:encoded><![CDATA[` + content + `]]></content:encoded></item></channel></rss>`)
}

// entryBody is the body of the one entry of a feed holding content.
func entryBody(t *testing.T, content string) string {
	t.Helper()
	f, err := feeds.ParseFeed(imgLinkFeed(content, "g1"), "", "", feeds.Subscription{URL: "https://example.com/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Articles) != 1 {
		t.Fatalf("%d articles, want 1", len(f.Articles))
	}
	return f.Articles[0].Body
}

// TestEntryLinkedImageApartFromText: a picture wrapped in a link (a
// teaser's thumbnail linking to its story) is stored with a space between
// the link and the words it touches, as a bare picture is: the reader
// shows a link as its text and its address, and "Players
// https://example.com/story1Many players" reads as one address. A link
// with words of its own is written as before, and so is punctuation that
// closes or opens around a picture: no space before "." or ")", none
// after "(".
func TestEntryLinkedImageApartFromText(t *testing.T) {
	for _, tc := range []struct{ name, content, body string }{
		{
			name:    "linked thumbnail, text after",
			content: `<a href="https://example.com/story1"><img src="https://example.com/thumb1.jpg" alt="Players"></a>Many players left the club this week.`,
			body:    "[Players](https://example.com/story1) Many players left the club this week.",
		},
		{
			name:    "linked thumbnail without alt, text before",
			content: `Read on<a href="https://example.com/story3"><img src="https://example.com/thumb3.jpg"></a>`,
			body:    "Read on [image](https://example.com/story3)",
		},
		{
			name:    "linked picture in a paragraph, text on both sides",
			content: `<p>Before<a href="https://x.example/y"><img src="https://example.com/p3.jpg"></a>linked</p>`,
			body:    "Before [image](https://x.example/y) linked",
		},
		{
			name:    "linked picture, white space and emphasis inside the link",
			content: `<p><a href="https://x.example/y"> <span><img src="https://example.com/p3.jpg"></span> </a><b>Bold</b> text.</p>`,
			body:    "[image](https://x.example/y) **Bold** text.",
		},
		{
			name:    "two linked pictures",
			content: `<p><a href="https://example.com/1"><img src="https://example.com/a.png"></a><a href="https://example.com/2"><img src="https://example.com/b.png"></a></p>`,
			body:    "[image](https://example.com/1) [image](https://example.com/2)",
		},
		{
			name:    "link with words of its own is written as before",
			content: `<p>See<a href="https://example.com/s"><img src="https://example.com/a.png"> the story</a>now.</p>`,
			body:    "See [the story](https://example.com/s)now.",
		},
		{
			name:    "full stop after a picture",
			content: `end with image<img src="https://example.com/end.jpg">.`,
			body:    "end with image [image](https://example.com/end.jpg).",
		},
		{
			name:    "picture in parentheses",
			content: `(<img src="https://example.com/paren.jpg">)`,
			body:    "([image](https://example.com/paren.jpg))",
		},
		{
			name:    "linked picture in quotation marks, then a comma",
			content: `<p>“<a href="https://example.com/s"><img src="https://example.com/q.jpg"></a>”, said</p>`,
			body:    "“[image](https://example.com/s)”, said",
		},
		{
			name:    "picture in guillemets",
			content: `<p>»<img src="https://example.com/g.jpg">«</p>`,
			body:    "»[image](https://example.com/g.jpg)«",
		},
		{
			name:    "picture before a question mark and a bracket",
			content: `<p>[see<img src="https://example.com/a.png">?]</p>`,
			body:    `\[see [image](https://example.com/a.png)?]`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := entryBody(t, tc.content); got != tc.body {
				t.Errorf("body\n%q, want\n%q", got, tc.body)
			}
		})
	}
}

// TestEntryLinkedImageApartKeepsEntriesWhereTheyAre: an entry without a
// guid or a link, known by its text as it was read before its linked
// picture was written apart ("[Players](…)Many players…"), is the
// article stored then when fetched again: updated, none added.
func TestEntryLinkedImageApartKeepsEntriesWhereTheyAre(t *testing.T) {
	const linked = `<a href="https://example.com/story1"><img src="https://example.com/thumb1.jpg" alt="Players"></a>Many players left.`
	// Read as tidings read the linked picture before: its alt text, linked.
	const asBefore = `<a href="https://example.com/story1">Players</a>Many players left.`

	sf := newServedFeed(t, "/teasers.xml", "application/rss+xml", imgLinkFeed(asBefore, ""))
	if _, st := sf.fetch(); st.Added != 1 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	sf.serve(imgLinkFeed(linked, ""))
	if _, st := sf.fetch(); st.Added != 0 || st.Updated != 1 {
		t.Errorf("second fetch: %+v, want 1 updated, none added", st.ImportStats)
	}
	all, err := storedArticles(sf)
	if err != nil || len(all) != 1 || !strings.HasPrefix(all[0].Body, "[Players](https://example.com/story1) Many") {
		t.Errorf("stored: %+v, %v; want one article, its linked picture apart from its text", all, err)
	}
}
