package feeds

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestUnwrapURL(t *testing.T) {
	tests := map[string]string{
		"https://a.example/news/2024/03/\n      some-long-article-slug.html": "https://a.example/news/2024/03/some-long-article-slug.html",
		"https://a.example/news/a\tb.html":                                   "https://a.example/news/ab.html",
		"https://a.example/x/   \r\n   y.html":                               "https://a.example/x/y.html",
		"\n  https://a.example/x.html\n":                                     "https://a.example/x.html",
		"https://a.example/a b.html":                                         "https://a.example/a b.html", // no break: as it was
		"  https://a.example/ ":                                              "https://a.example/",
		"":                                                                   "",
	}
	for in, want := range tests {
		if got := unwrapURL(in); got != want {
			t.Errorf("unwrapURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// wrappedLinksFeed has entries whose links are wrapped over lines, with
// and without a guid, some known by their link and some by their text.
const wrappedLinksFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wrapped</title><link>https://site.example.com/</link>
<item><title>Wrapped link</title><link>https://site.example.com/news/2024/03/
      some-long-article-slug.html</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>five</description></item>
<item><title>Tab in link</title><link>https://site.example.com/news/a	b.html</link><description>six</description></item>
<item><title>Relative body link</title><link>https://site.example.com/news/
 rel/page.html</link><description>&lt;p&gt;See &lt;a href="more.html"&gt;more&lt;/a&gt;.&lt;/p&gt;</description></item>
<item><title>Mail</title><link>mailto:editor@site.example.com</link><description>write to us</description></item>
<item><title>Script</title><link>javascript:alert(1)</link><description>nothing</description></item>
<item><title>Shared one</title><guid isPermaLink="false">dup</guid><link>https://site.example.com/
 shared/1.html</link><description>first</description></item>
<item><title>Shared two</title><guid isPermaLink="false">dup</guid><link>https://site.example.com/shared/2.html</link><description>second</description></item>
<item><title>Body link wrapped</title><link>https://site.example.com/b.html</link><description>&lt;p&gt;&lt;a href="https://site.example.com/x/
 y.html"&gt;wrapped&lt;/a&gt; and &lt;img src="https://site.example.com/p.jpg"&gt;&lt;/p&gt;</description></item>
<item><title>No link, body link wrapped</title><pubDate>Tue, 05 Mar 2024 11:00:00 GMT</pubDate><description>&lt;p&gt;&lt;a href="https://site.example.com/z/&#10;w.html"&gt;wrapped&lt;/a&gt;&lt;/p&gt;</description></item>
<item><link>https://site.example.com/pod/
 episode.html</link><enclosure url="https://cdn.example.com/e.mp3" type="audio/mpeg" length="1"/></item>
<item><title>Permalink guid wrapped</title><guid>https://site.example.com/g/
 1.html</guid><description>guid</description></item>
<item><link>mailto:pod@site.example.com</link><enclosure url="https://cdn.example.com/m.mp3" type="audio/mpeg" length="2"/></item>
</channel></rss>`

// wrappedSiteFeed's site link is wrapped, and its entry's link relative.
const wrappedSiteFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wrapped site</title><link>https://site.example.com/
 blog/</link>
<item><title>Relative</title><link>post/1.html</link><description>one</description></item>
</channel></rss>`

// TestWrappedLinksKeepIDs: a link wrapped over lines (a tab or a line
// break in it, as a feed's software or a hand-edited feed leaves them) is
// read as browsers read it, in an entry's link and in its body, and every
// entry keeps the id an earlier tidings gave it, when it read no such
// link: a fetch adds no article again. The ids are those tidings gave
// these entries before links were unwrapped.
func TestWrappedLinksKeepIDs(t *testing.T) {
	const feedURL = "https://site.example.com/feed.xml"
	type want struct {
		id, url, body string
	}
	wants := map[string]want{
		"Wrapped link": {"h:34a114cf644550ae966b69f4f1b887bb", "https://site.example.com/news/2024/03/some-long-article-slug.html", "five"},
		"Tab in link":  {"h:eb278154f1eb361569cbc1d0d0fdb761", "https://site.example.com/news/ab.html", "six"},
		// The body's relative link resolves against the entry's page now.
		"Relative body link": {"h:30fb6104f70712c6a50843774a1d6c61", "https://site.example.com/news/rel/page.html",
			"See [more](https://site.example.com/news/rel/more.html)."},
		"Mail":       {"h:9ec1764fd26455e1aeb8bedbe9a39efa", "mailto:editor@site.example.com", "write to us"},
		"Script":     {"h:e89dc366bf40ce7a2be732dd6429fa45", "", "nothing"},
		"Shared one": {"h:a2126152647ceaaf01768f2cf8422f76", "https://site.example.com/shared/1.html", "first"},
		"Shared two": {"dup https://site.example.com/shared/2.html", "https://site.example.com/shared/2.html", "second"},
		"Body link wrapped": {"https://site.example.com/b.html", "https://site.example.com/b.html",
			"[wrapped](https://site.example.com/x/y.html) and [image](https://site.example.com/p.jpg)"},
		"No link, body link wrapped": {"h:81afc81f0f5ea81a31276015215b0ea9", "", "[wrapped](https://site.example.com/z/w.html)"},
		// An episode with no title or text is known by its audio, as it was.
		"https://site.example.com/pod/episode.html": {"https://cdn.example.com/e.mp3", "https://site.example.com/pod/episode.html",
			"Enclosure: [e.mp3](https://cdn.example.com/e.mp3) (audio/mpeg, 1 byte)"},
		"Permalink guid wrapped": {"https://site.example.com/g/ 1.html", "https://site.example.com/g/1.html", "guid"},
		// A mailto link is kept; the episode is known by its audio, as it was.
		"mailto:pod@site.example.com": {"https://cdn.example.com/m.mp3", "mailto:pod@site.example.com",
			"Enclosure: [m.mp3](https://cdn.example.com/m.mp3) (audio/mpeg, 2 bytes)"},
		// The entry's link resolves against the site, its id as before.
		"Relative": {"https://site.example.com/post/1.html", "https://site.example.com/blog/post/1.html", "one"},
	}
	seen := 0
	for _, doc := range []string{wrappedLinksFeed, wrappedSiteFeed} {
		feed, err := ParseFeed([]byte(doc), "", "", Subscription{URL: feedURL})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range feed.Articles {
			w, ok := wants[a.Title]
			if !ok {
				t.Errorf("unexpected article %q", a.Title)
				continue
			}
			seen++
			if id := "feed:" + feedURL + "#" + w.id; a.ExternalID != id {
				t.Errorf("%q has id %q, want %q, the id it had", a.Title, a.ExternalID, id)
			}
			if a.URL != w.url {
				t.Errorf("%q has link %q, want %q", a.Title, a.URL, w.url)
			}
			if a.Body != w.body {
				t.Errorf("%q has body %q, want %q", a.Title, a.Body, w.body)
			}
		}
	}
	if seen != len(wants) {
		t.Errorf("%d articles, want %d", seen, len(wants))
	}
}

// TestEntryLinksDropped: an entry's link that tidings does not keep (a
// javascript:, data: or file: URL) is dropped with a warning naming the
// entry, which the fetch's report lists under the feed; a mailto link is
// kept, as links in a body are.
func TestEntryLinksDropped(t *testing.T) {
	doc := rssFeedDoc("Bad links",
		`<item><title>JS link</title><link>javascript:alert(1)</link><guid isPermaLink="false">b1</guid><description>one</description></item>`,
		`<item><title>Data link</title><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link><guid isPermaLink="false">b2</guid><description>two</description></item>`,
		`<item><link>file:///etc/passwd</link><guid isPermaLink="false">b3</guid><description>three</description></item>`,
		`<item><title>Mail link</title><link>mailto:editor@example.com</link><guid isPermaLink="false">b4</guid><description>four</description></item>`,
		`<item><title>Page</title><link>https://site.example.com/5.html</link><guid isPermaLink="false">b5</guid><description>five</description></item>`,
	)
	feed := parseFeedString(t, doc)
	wants := []struct {
		url, warning string
	}{
		{"", `entry "JS link": dropped URL with scheme "javascript"`},
		{"", `entry "Data link": dropped URL with scheme "data"`},
		{"", `entry with guid "b3": dropped URL with scheme "file"`},
		{"mailto:editor@example.com", ""},
		{"https://site.example.com/5.html", ""},
	}
	if len(feed.Articles) != len(wants) {
		t.Fatalf("%d articles, want %d", len(feed.Articles), len(wants))
	}
	for i, w := range wants {
		a := feed.Articles[i]
		if a.URL != w.url {
			t.Errorf("%q has link %q, want %q", a.Title, a.URL, w.url)
		}
		if w.warning == "" && len(a.Warnings) > 0 || w.warning != "" && !slices.Contains(a.Warnings, w.warning) {
			t.Errorf("%q has warnings %q, want %q", a.Title, a.Warnings, w.warning)
		}
	}
}

// TestImportedWrappedLinksKeepIDs: an imported article without an id of
// its own, known by its link and text, whose link is wrapped over lines
// (an HTML page's canonical link, a JSON record's url) is read unwrapped
// and is found by the id an earlier tidings gave it, which read the line
// break as a space.
func TestImportedWrappedLinksKeepIDs(t *testing.T) {
	// The page's story is read without its menu and footer, which a
	// reading from before kept: it is known by that reading's id too.
	const page = `<html><head><title>Wrapped page</title><link rel="canonical" href="https://news.example/a/
  wrapped.html"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="story"><p>The story, with <a href="https://news.example/b/
  c.html">a wrapped link</a> and <a href="https://news.example/d.html">a plain one</a>.</p><p>A second paragraph of the story that is long enough to count as one.</p></div><footer><p>Copyright the news site, all rights reserved.</p></footer></body></html>`
	a, err := parseHTMLFile([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	Normalize(&a)
	at := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	record := Article{Source: "S", Title: "T", URL: "https://x.example/a/\n  b.html", Body: "text", Published: at}
	Normalize(&record)
	soft := Article{Source: "S", Title: "T", URL: "https://x.example/a\tb.html", Body: "text \u00ad soft", FormerBody: "older text", Published: at}
	Normalize(&soft)
	tests := []struct {
		a         Article
		url, body string
		ids       []string // what it was known by before
	}{
		{a, "https://news.example/a/wrapped.html",
			"The story, with [a wrapped link](https://news.example/b/c.html) and [a plain one](https://news.example/d.html).\n\n" +
				"A second paragraph of the story that is long enough to count as one.",
			[]string{"h:46106d0ceb8034667891efb64da54126", "h:f3dc07e782865dd81a1501895abf95a1"}},
		{record, "https://x.example/a/b.html", "text", []string{"h:1f71c2b8e1d7cc2db7f1830b7250a729"}},
		{soft, "https://x.example/ab.html", "text  soft", []string{"h:cfc95d56fe911013adce2a6547e16712", "h:7195665d34c7ac4185f4a755c00aacbf",
			"h:541b09e803b5cda72d0c2ea83a6f07a3", "h:3fbc9ddb830f9d60b53d90314642423e", "h:2e44af66001de20d76c6672341b58562"}},
	}
	for _, tc := range tests {
		if tc.a.URL != tc.url || tc.a.Body != tc.body {
			t.Errorf("%q: link %q and body %q, want %q and %q", tc.a.Title, tc.a.URL, tc.a.Body, tc.url, tc.body)
		}
		for _, id := range tc.ids {
			if !slices.Contains(tc.a.FormerIDs, id) {
				t.Errorf("%q: former ids %q lack %q, which it had", tc.a.Title, tc.a.FormerIDs, id)
			}
		}
		again := tc.a
		again.FormerIDs = slices.Clone(tc.a.FormerIDs)
		Normalize(&again)
		if again.ExternalID != tc.a.ExternalID || !slices.Equal(again.FormerIDs, tc.a.FormerIDs) || again.URL != tc.a.URL {
			t.Errorf("%q: Normalize is not idempotent: %q %q, then %q %q", tc.a.Title, tc.a.ExternalID, tc.a.FormerIDs, again.ExternalID, again.FormerIDs)
		}
	}
}

// TestUnwrapLinks: only the links of elements that hold a tab or a line
// break change; the rest of the HTML is left as written.
func TestUnwrapLinks(t *testing.T) {
	tests := map[string]string{
		"<p>a <a href=\"https://a.example/x/\n y.html\" title=\"T\">link</a></p>": `<p>a <a href="https://a.example/x/y.html" title="T">link</a></p>`,
		"<img src='https://a.example/p\t.jpg' alt=x>":                             `<img src="https://a.example/p.jpg" alt="x">`,
		"<img data-src=\"https://a.example/\n p.jpg\">":                           `<img data-src="https://a.example/p.jpg">`,
		`<a href="https://a.example/&#10;z.html">z</a>`:                           `<a href="https://a.example/z.html">z</a>`,
		`<a HREF = https://a.example/&Tab;z.html>z</a>`:                           `<a href="https://a.example/z.html">z</a>`,
		`<a title='x="y"' href='https://a.example/&#x9;z.html'>z</a>`:             `<a title="x=&#34;y&#34;" href="https://a.example/z.html">z</a>`,
		"<P CLASS=x>\n<A HREF=\"https://a.example/b\">b</A>\n</P>":                "<P CLASS=x>\n<A HREF=\"https://a.example/b\">b</A>\n</P>",
		"<p title=\"a\nb\">x</p><a href=\"https://a.example/\">y</a>":             "<p title=\"a\nb\">x</p><a href=\"https://a.example/\">y</a>",
		"<pre>href=\"a\nb\"</pre>":                                                "<pre>href=\"a\nb\"</pre>",
	}
	for in, want := range tests {
		if got := unwrapLinks(in); got != want {
			t.Errorf("unwrapLinks(%q) = %q, want %q", in, got, want)
		}
	}
	if !strings.Contains(mustStory(t, "<p><a href=\"https://a.example/x/\n y.html\">link</a></p>"), "(https://a.example/x/y.html)") {
		t.Error("a wrapped link in a body is not kept")
	}
}

func mustStory(t *testing.T, src string) string {
	t.Helper()
	md, err := storyMarkdown(src, "")
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// TestPageWithScriptsAndWrappedLinkKeepsItsID: a page read since
// superscripts were written as such, and before wrapped links were
// unwrapped, is found by the id it was given then, not imported twice.
func TestPageWithScriptsAndWrappedLinkKeepsItsID(t *testing.T) {
	const page = "<html><head><title>T</title></head><body><p>x<sup>2</sup> See <a href=\"https://example.com/x\n/y\">wrapped</a> words.</p></body></html>\n"
	a, err := parseHTMLFile([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	Normalize(&a)
	const then = "h:1ebb8a82d3cc939ded2d432dd2fff0f4" // tidings of bd48d9a
	if a.ExternalID != then && !slices.Contains(a.FormerIDs, then) {
		t.Errorf("known as %q and %q, not as %q, which it had", a.ExternalID, a.FormerIDs, then)
	}
}
