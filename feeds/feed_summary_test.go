package feeds

import (
	"strings"
	"testing"
)

// TestFeedSummaryType: an entry without content is read from its summary,
// which in Atom is text unless its type says html or xhtml, and in JSON
// Feed is always text: angle brackets in text are words, not markup.
func TestFeedSummaryType(t *testing.T) {
	entry := func(summary string) string {
		return atomFeedDoc("<title>F</title>", `<entry><title>E</title><id>e</id><updated>2024-03-05T10:00:00Z</updated>`+summary+`</entry>`)
	}
	tests := map[string]struct{ doc, body string }{
		"text, said":          {entry(`<summary type="text">Use Vec&lt;T&gt; &amp; friends.</summary>`), `Use Vec&lt;T&gt; & friends.`},
		"text, by default":    {entry(`<summary>Mentions &lt;br&gt; and &lt;div&gt; literally.</summary>`), `Mentions &lt;br&gt; and &lt;div&gt; literally.`},
		"html":                {entry(`<summary type="html">&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; claim.&lt;/p&gt;</summary>`), `A **bold** claim.`},
		"xhtml":               {entry(`<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An <em>xhtml</em> one.</p></div></summary>`), `An *xhtml* one.`},
		"text with lines":     {entry("<summary>Line one\nLine two</summary>"), "Line one  \nLine two"},
		"content comes first": {entry(`<content type="html">&lt;p&gt;Own.&lt;/p&gt;</content><summary>Not &lt;this&gt;.</summary>`), `Own.`},
		"a JSON Feed summary": {`{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [{"id": "e", "title": "E", "summary": "Use <T> here & there."}]}`, `Use &lt;T&gt; here & there.`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			if got := feed.Articles[0].Body; got != tc.body {
				t.Errorf("body %q, want %q", got, tc.body)
			}
		})
	}
}

// TestPlainTextLines: a plain-text description keeps its lines as lines (a
// poem, an address), but prose wrapped at a fixed width is joined, to be
// wrapped anew at the reader's width.
func TestPlainTextLines(t *testing.T) {
	advisory := "The Debian project announces that several vulnerabilities were\n" +
		"discovered in the OpenSSL library which could lead to denial of\n" +
		"service or the disclosure of private keys in certain cases, the\n" +
		"details of which follow."
	tests := map[string]struct{ in, want string }{
		"a poem":                 {"Roses are red,\nviolets are blue.\nSugar is sweet.", "Roses are red,  \nviolets are blue.  \nSugar is sweet."},
		"an address":             {"10 Downing Street\nLondon\nSW1A 2AA", "10 Downing Street  \nLondon  \nSW1A 2AA"},
		"wrapped prose":          {advisory, strings.Join(strings.Fields(advisory), " ")},
		"a long line and a link": {"Rust is a memory-safe compiled programming language for high-performance systems.\nhttps://fireship.io/rust", "Rust is a memory-safe compiled programming language for high-performance systems.  \nhttps://fireship.io/rust"},
		"long lines meant as lines": {
			"First item of a list that happens to be rather long, yes.\nSecond.\nThird item of a list that happens to be rather long too.",
			"First item of a list that happens to be rather long, yes.  \nSecond.  \nThird item of a list that happens to be rather long too.",
		},
	}
	for name, tc := range tests {
		got, err := contentMarkdown(tc.in, true, "")
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s: %q\nwant %q", name, got, tc.want)
		}
	}
}
