package feeds

import "testing"

// TestFeedXMLBase: an RSS item without a link resolves relative links in
// its content against the xml:base in scope at it, not the feed's address,
// and keeps the id its content gave it before.
func TestFeedXMLBase(t *testing.T) {
	const desc = `<description>&lt;p&gt;See &lt;a href="notes/1.html"&gt;the notes&lt;/a&gt;.&lt;/p&gt;</description>`
	tests := map[string]struct {
		doc, want string
	}{
		"on the channel": {`<rss version="2.0"><channel xml:base="https://blog.example.org/posts/"><title>B</title>` +
			`<item><title>One</title><guid isPermaLink="false">1</guid>` + desc + `</item></channel></rss>`,
			"https://blog.example.org/posts/notes/1.html"},
		"on the item, relative to the channel's": {`<rss version="2.0"><channel xml:base="https://blog.example.org/"><title>B</title>` +
			`<item xml:base="archive/"><title>One</title><guid isPermaLink="false">1</guid>` + desc + `</item></channel></rss>`,
			"https://blog.example.org/archive/notes/1.html"},
		"on the root, RSS 1.0": {`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xml:base="https://rdf.example.org/a/">` +
			`<channel><title>B</title></channel><item><title>One</title>` + desc + `</item></rdf:RDF>`,
			"https://rdf.example.org/a/notes/1.html"},
		"relative, against the document": {`<rss version="2.0" xml:base="/blog/"><channel><title>B</title>` +
			`<item><title>One</title><guid isPermaLink="false">1</guid>` + desc + `</item></channel></rss>`,
			"https://feeds.example.com/blog/notes/1.html"},
		"none: the document": {`<rss version="2.0"><channel><title>B</title>` +
			`<item><title>One</title><guid isPermaLink="false">1</guid>` + desc + `</item></channel></rss>`,
			"https://feeds.example.com/notes/1.html"},
		"the item's link first": {`<rss version="2.0"><channel xml:base="https://blog.example.org/posts/"><title>B</title>` +
			`<item><title>One</title><link>https://www.example.org/2024/one/</link>` + desc + `</item></channel></rss>`,
			"https://www.example.org/2024/one/notes/1.html"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := parseFeedString(t, tc.doc).Articles[0]
			if want := "See [the notes](" + tc.want + ")."; a.Body != want {
				t.Errorf("body %q, want %q", a.Body, want)
			}
		})
	}
	t.Run("an id made of the content stays", func(t *testing.T) {
		doc := `<rss version="2.0"><channel xml:base="https://blog.example.org/posts/"><title>B</title>` +
			`<item><title>One</title>` + desc + `</item></channel></rss>`
		a := parseFeedString(t, doc).Articles[0]
		want := keyedID(testFeedURL, IdentityPrefix+digest("One", "See [the notes](https://feeds.example.com/notes/1.html).", ""))
		if a.ExternalID != want {
			t.Errorf("id %q, want %q", a.ExternalID, want)
		}
	})
}
