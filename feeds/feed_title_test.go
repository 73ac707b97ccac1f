package feeds

import (
	"strings"
	"testing"
	"time"
)

// parseFeedString parses doc as if fetched from testFeedURL and checks
// every article as readFeedFile does.
func parseFeedString(t *testing.T, doc string) Feed {
	t.Helper()
	feed, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range feed.Articles {
		checkFeedArticle(t, a)
	}
	return feed
}

// rssFeedDoc is an RSS 2.0 document titled channelTitle holding items.
func rssFeedDoc(channelTitle string, items ...string) string {
	return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>` +
		channelTitle + `</title><link>https://site.example.com/</link>` + strings.Join(items, "") + `</channel></rss>`
}

// atomFeedDoc is an Atom 1.0 document whose feed title element is feedTitle,
// holding entries.
func atomFeedDoc(feedTitle string, entries ...string) string {
	return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">` + feedTitle +
		`<link href="https://site.example.com/"/><id>tag:site.example.com,2024:feed</id><updated>2024-03-05T10:00:00Z</updated>` +
		strings.Join(entries, "") + `</feed>`
}

// TestFeedTitles: RSS and JSON Feed titles keep text in angle brackets and
// lose only inline tags; Atom titles are read by their type, text literal
// and html or xhtml as markup.
func TestFeedTitles(t *testing.T) {
	rssItem := func(title string) string {
		return `<item><title>` + title + `</title><guid isPermaLink="false">1</guid><description>Body.</description></item>`
	}
	atomEntry := func(title string) string {
		return `<entry>` + title + `<id>tag:site.example.com,2024:1</id><updated>2024-03-05T10:00:00Z</updated>` +
			`<link href="https://site.example.com/1"/><content type="text">Body.</content></entry>`
	}
	jsonDoc := func(title string) string {
		return `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "content_text": "Body.", "title": ` + title + `}]}`
	}
	tests := map[string]struct {
		doc, want string
	}{
		"RSS: a generic type":           {rssFeedDoc("t", rssItem(`Understanding Vec&lt;T&gt; in Rust`)), "Understanding Vec<T> in Rust"},
		"RSS: a script element named":   {rssFeedDoc("t", rssItem(`How the &lt;script&gt; element blocks rendering`)), "How the <script> element blocks rendering"},
		"RSS: a style element named":    {rssFeedDoc("t", rssItem(`When &lt;style&gt; beats CSS files`)), "When <style> beats CSS files"},
		"RSS: a closed script is text":  {rssFeedDoc("t", rssItem(`&lt;script&gt;alert(1)&lt;/script&gt; in titles`)), "<script>alert(1)</script> in titles"},
		"RSS: a template argument list": {rssFeedDoc("t", rssItem(`std::map&lt;K, V&gt; explained`)), "std::map<K, V> explained"},
		"RSS: comparisons":              {rssFeedDoc("t", rssItem(`a &lt; b and c &gt; d`)), "a < b and c > d"},
		"RSS: bold markup":              {rssFeedDoc("t", rssItem(`&lt;b&gt;Breaking&lt;/b&gt;: storm hits coast`)), "Breaking: storm hits coast"},
		"RSS: markup in CDATA": {rssFeedDoc("t", rssItem(`<![CDATA[<EM>Live</EM>: <span class="tag">votes</span> <i>counted</i>]]>`)),
			"Live: votes counted"},
		"RSS: a link with attributes": {rssFeedDoc("t", rssItem(`&lt;a href="https://x.example/?a=1&amp;amp;b=2" title='a > b'&gt;Report&lt;/a&gt; out`)),
			"Report out"},
		"RSS: code markup around a literal tag": {rssFeedDoc("t", rssItem(`The &lt;code&gt;&amp;lt;dialog&amp;gt;&lt;/code&gt; element`)),
			"The <dialog> element"},
		"RSS: a line break":           {rssFeedDoc("t", rssItem(`First line&lt;br/&gt;second line`)), "First line second line"},
		"RSS: escaped twice":          {rssFeedDoc("t", rssItem(`Tom &amp;amp; Jerry &amp;#8211; reunited`)), "Tom & Jerry – reunited"},
		"RSS: an unknown tag is text": {rssFeedDoc("t", rssItem(`Use &lt;details&gt; for disclosure`)), "Use <details> for disclosure"},
		"Atom text: a generic type": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="text">Understanding Vec&lt;T&gt; in Rust</title>`)),
			"Understanding Vec<T> in Rust"},
		"Atom text: an inline tag is literal": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="text">The &lt;em&gt; element &amp;amp; you</title>`)),
			"The <em> element &amp; you"},
		"Atom without a type is text": {atomFeedDoc("<title>F</title>", atomEntry(`<title>How the &lt;script&gt; element blocks rendering</title>`)),
			"How the <script> element blocks rendering"},
		"Atom text in CDATA": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="text"><![CDATA[Option<String> & friends]]></title>`)),
			"Option<String> & friends"},
		"Atom html": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="html">&lt;em&gt;Rivers&lt;/em&gt; &amp;amp; Vec&amp;lt;T&amp;gt;</title>`)),
			"Rivers & Vec<T>"},
		"Atom html: a script goes": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="html">&lt;script&gt;alert(1)&lt;/script&gt;Safe title</title>`)),
			"Safe title"},
		"Atom html: an unclosed script is text": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="html">How the &lt;script&gt; element blocks &amp;amp; waits</title>`)),
			"How the <script> element blocks & waits"},
		"Atom xhtml": {atomFeedDoc("<title>F</title>", atomEntry(`<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><em>Rivers</em> &amp; Vec&lt;T&gt;</div></title>`)),
			"Rivers & Vec<T>"},
		"JSON Feed: a generic type": {jsonDoc(`"Understanding Vec<T> in Rust"`), "Understanding Vec<T> in Rust"},
		"JSON Feed: inline markup":  {jsonDoc(`"<b>Bold</b> move &amp; more"`), "Bold move & more"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			if got := feed.Articles[0].Title; got != tc.want {
				t.Errorf("title %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFeedTitlesOfFeedsAndAuthors: a feed's own title (its articles'
// source) and author names are read as entry titles are.
func TestFeedTitlesOfFeedsAndAuthors(t *testing.T) {
	item := `<item><title>x</title><guid>1</guid><dc:creator>Jane Doe &lt;jane@example.com&gt;</dc:creator></item>`
	entry := `<entry><title>x</title><id>1</id><updated>2024-03-05T10:00:00Z</updated><author><name>Kit &lt;K&gt; Moreau</name></author></entry>`
	tests := map[string]struct {
		doc, title, author string
	}{
		"RSS":        {rssFeedDoc(`Vec&lt;T&gt; Weekly &lt;i&gt;digest&lt;/i&gt;`, item), "Vec<T> Weekly digest", "Jane Doe <jane@example.com>"},
		"Atom text":  {atomFeedDoc(`<title type="text">The &lt;b&gt; tag</title>`, entry), "The <b> tag", "Kit <K> Moreau"},
		"Atom html":  {atomFeedDoc(`<title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; Vec&amp;lt;T&amp;gt;</title>`, entry), "Bold & Vec<T>", "Kit <K> Moreau"},
		"Atom xhtml": {atomFeedDoc(`<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Bold</b> news</div></title>`, entry), "Bold news", "Kit <K> Moreau"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if feed.Title != tc.title || feed.Articles[0].Source != tc.title {
				t.Errorf("feed title %q, source %q; want %q", feed.Title, feed.Articles[0].Source, tc.title)
			}
			if got := feed.Articles[0].Author; got != tc.author {
				t.Errorf("author %q, want %q", got, tc.author)
			}
		})
	}
}

// TestFeedTitlesHostile: a title's markup cannot smuggle a control
// character or an escape sequence past the cleaning, whichever way it is
// read. Where references are decoded, a sequence written with them goes
// whole; literal text keeps what is left of it once the reference is out,
// which a terminal shows as text.
func TestFeedTitlesHostile(t *testing.T) {
	const hostile = `&lt;b&gt;a&lt;/b&gt;&amp;#27;[31m red &amp;#x1b;]0;pwned&amp;#7; &lt;script&gt;&amp;#155;2J`
	tests := map[string]struct {
		doc     string
		decoded bool // whether the title's references are decoded
	}{
		"RSS":       {rssFeedDoc(hostile, `<item><title>`+hostile+`</title><guid>1</guid></item>`), true},
		"Atom html": {atomFeedDoc(`<title type="html">`+hostile+`</title>`, `<entry><title type="html">`+hostile+`</title><id>1</id></entry>`), true},
		"Atom text": {atomFeedDoc(`<title type="text">`+hostile+`</title>`, `<entry><title type="text">`+hostile+`</title><id>1</id></entry>`), false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			for what, s := range map[string]string{"feed title": feed.Title, "title": feed.Articles[0].Title} {
				if err := lineSafe(s); err != nil {
					t.Errorf("%s %q: %v", what, s, err)
				}
				if tc.decoded && (strings.Contains(s, "[31m") || strings.Contains(s, "pwned")) {
					t.Errorf("%s %q keeps an escape sequence's remains", what, s)
				}
			}
		})
	}
}

// TestFeedTitleIDsStable: an entry known by a hash of its content keeps
// the id it had when titles were read as HTML.
func TestFeedTitleIDsStable(t *testing.T) {
	doc := rssFeedDoc("t", `<item><title>Understanding Vec&lt;T&gt; in Rust</title><description>Body.</description>`+
		`<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>`)
	a := parseFeedString(t, doc).Articles[0]
	published := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	want := keyedID(testFeedURL, IdentityPrefix+digest("Understanding Vec in Rust", "Body.", publishedKey(published)))
	if a.Title != "Understanding Vec<T> in Rust" || a.ExternalID != want {
		t.Errorf("title %q, id %q; want id %q", a.Title, a.ExternalID, want)
	}
}
