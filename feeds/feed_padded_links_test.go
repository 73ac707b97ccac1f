package feeds_test

import (
	"strings"
	"testing"

	"tidings/feeds"
)

// TestPaddedLinksReadTrimmed: links a feed writes with spaces around them
// in an attribute (href="  https://example.org/a  ") are read as browsers
// read them, without the spaces: the entry's link, its enclosures (Atom's
// link rel="enclosure", relative ones resolved), its out-of-line content,
// the feed's site and its own address, in Atom and in RSS, under xml:base
// too. A %20 the feed wrote itself before the spaces stays. Media RSS and
// RSS's own elements, read trimmed already, stay so.
func TestPaddedLinksReadTrimmed(t *testing.T) {
	atom := func(head, entry string) string {
		return `<?xml version="1.0" encoding="utf-8"?>` + "\n" +
			`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">` +
			`<title>Padded</title><id>urn:p</id>` + head +
			`<entry><title>Entry</title><id>urn:p:1</id><updated>2020-01-01T00:00:00Z</updated>` + entry + `</entry></feed>`
	}
	const site = `<link href="https://example.org/"/>`
	for _, tc := range []struct {
		name, doc  string
		url        string // the entry's link
		enclosures []string
		site, self string // "" for not checked
	}{
		{
			name: "entry link",
			doc:  atom(site, `<link rel="alternate" href="  https://example.org/a  "/><summary>s</summary>`),
			url:  "https://example.org/a",
		},
		{
			name: "relative enclosure (miniflux's TestParseEntryWithRelativeEnclosureURL)",
			doc: atom(site, `<link href="https://example.org/entries/1"/><summary>s</summary>`+
				`<link rel="enclosure" type="audio/mpeg" href=" /myaudiofile.mp3 " length="1234"/>`),
			url:        "https://example.org/entries/1",
			enclosures: []string{"https://example.org/myaudiofile.mp3"},
		},
		{
			name: "absolute enclosure",
			doc: atom(site, `<link href="https://example.org/entries/1"/><summary>s</summary>`+
				`<link rel="enclosure" type="audio/mpeg" href="  https://example.org/ep1.mp3  " length="1234"/>`),
			url:        "https://example.org/entries/1",
			enclosures: []string{"https://example.org/ep1.mp3"},
		},
		{
			name: "a %20 of the feed's own stays",
			doc: atom(site, `<link href="https://example.org/my%20post%20 "/><summary>s</summary>`+
				`<link rel="enclosure" type="audio/mpeg" href="https://example.org/ep%20 "/>`),
			url:        "https://example.org/my%20post%20",
			enclosures: []string{"https://example.org/ep%20"},
		},
		{
			name: "written as character references",
			doc:  atom(site, `<link href="https://example.org/c&#32;&#x20;"/><summary>s</summary>`),
			url:  "https://example.org/c",
		},
		{
			name: "out-of-line content",
			doc:  atom(site, `<content type="text/html" src="  /posts/2.html  "/>`),
			url:  "https://example.org/posts/2.html",
		},
		{
			name: "relative link under xml:base",
			doc: `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/base/"><title>Based</title><id>urn:b</id>` +
				`<entry><title>Entry</title><id>urn:b:1</id><updated>2020-01-01T00:00:00Z</updated>` +
				`<link href=" rel/page  "/><summary>s</summary></entry></feed>`,
			url: "https://example.org/base/rel/page",
		},
		{
			name: "the feed's site and own address",
			doc: atom(`<link href="  https://example.org/site  "/><link rel="self" href=" https://example.org/feed.atom  "/>`,
				`<link href="/posts/3 "/><summary>s</summary>`),
			url:  "https://example.org/posts/3",
			site: "https://example.org/site", self: "https://example.org/feed.atom",
		},
		{
			name: "an RSS feed's own address",
			doc: `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>R</title><link>https://example.org/</link>` +
				`<atom:link rel="self" href="  https://example.org/feed.rss  "/>` +
				`<item><title>Item</title><link>  https://example.org/r  </link><guid>urn:r1</guid><description>d</description>` +
				`<enclosure url="  https://example.org/r.mp3  " type="audio/mpeg" length="5"/></item></channel></rss>`,
			url:        "https://example.org/r",
			enclosures: []string{"https://example.org/r.mp3"},
			site:       "https://example.org/", self: "https://example.org/feed.rss",
		},
		{
			name: "Media RSS",
			doc: atom(site, `<link href="https://example.org/m"/><summary>s</summary>`+
				`<media:content url="  https://example.org/clip.mp4  " type="video/mp4"/>`),
			url:        "https://example.org/m",
			enclosures: []string{"https://example.org/clip.mp4"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := feeds.ParseFeed([]byte(tc.doc), "", "https://example.org/feed.xml", feeds.Subscription{URL: "https://example.org/feed.xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(f.Articles))
			}
			a := f.Articles[0]
			if a.URL != tc.url {
				t.Errorf("url %q, want %q", a.URL, tc.url)
			}
			for _, enc := range tc.enclosures {
				if !strings.Contains(a.Body, "]("+enc+")") {
					t.Errorf("body lists no enclosure %s:\n%s", enc, a.Body)
				}
			}
			if strings.Contains(a.Body, "%20)") && !strings.Contains(tc.doc, "%20 ") {
				t.Errorf("body links to an address ending in a space:\n%s", a.Body)
			}
			if tc.site != "" && f.SiteURL != tc.site {
				t.Errorf("site %q, want %q", f.SiteURL, tc.site)
			}
			if tc.self != "" && f.SelfURL != tc.self {
				t.Errorf("self %q, want %q", f.SelfURL, tc.self)
			}
		})
	}
}

// TestPaddedLinksKeepEntriesWhereTheyAre: an entry known by its link
// (it has no id) was known by the link as read before its spaces were
// trimmed (…/a%20%20): fetched again, it is the article stored then,
// updated to link to the page, none added; so is an entry without id,
// title, text or link, known by its padded enclosure.
func TestPaddedLinksKeepEntriesWhereTheyAre(t *testing.T) {
	const padded = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Padded</title><id>urn:p</id><link href="https://example.org/"/>
<entry><title>No id</title><link href="  https://example.org/a  "/><updated>2020-01-01T00:00:00Z</updated><summary>s</summary></entry>
<entry><link rel="enclosure" type="audio/mpeg" href="https://example.org/only.mp3  "/><updated>2020-01-02T00:00:00Z</updated></entry>
</feed>`
	// As tidings read it before: the spaces after the links written as
	// part of them.
	asBefore := strings.NewReplacer(`"  https://example.org/a  "`, `"https://example.org/a%20%20"`,
		`"https://example.org/only.mp3  "`, `"https://example.org/only.mp3%20%20"`).Replace(padded)

	sf := newServedFeed(t, "/padded.atom", "application/atom+xml", []byte(asBefore))
	if _, st := sf.fetch(); st.Added != 2 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	sf.serve([]byte(padded))
	if _, st := sf.fetch(); st.Added != 0 || st.Updated != 2 {
		t.Errorf("second fetch: %+v, want 2 updated, none added", st.ImportStats)
	}
	if a := sf.article("https://example.org/a%20%20"); a.URL != "https://example.org/a" {
		t.Errorf("entry without id: url %q, want https://example.org/a", a.URL)
	}
	if a := sf.article("https://example.org/only.mp3%20%20"); a.URL != "https://example.org/only.mp3" ||
		!strings.Contains(a.Body, "(https://example.org/only.mp3)") {
		t.Errorf("entry of an enclosure only: url %q, body %q, want https://example.org/only.mp3", a.URL, a.Body)
	}
}
