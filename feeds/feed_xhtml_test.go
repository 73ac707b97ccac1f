package feeds

import (
	"strings"
	"testing"
)

// TestAtomXHTMLPrefixes: Atom XHTML content may name the XHTML namespace by
// any prefix (RFC 4287 3.1.1.3), declared on the feed, on the content or on
// the div itself; it reads as it does with the default namespace, its
// formatting and links kept. A prefix bound to another namespace is not
// XHTML.
func TestAtomXHTMLPrefixes(t *testing.T) {
	const xhtmlNS = `"http://www.w3.org/1999/xhtml"`
	doc := func(feedNS, content string) string {
		return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"` + feedNS + `><title>F</title>` +
			`<id>urn:f</id><updated>2026-11-05T00:00:00Z</updated><link href="https://site.example.com/"/>` +
			`<entry><title>E</title><id>urn:f:1</id><updated>2026-11-04T00:00:00Z</updated>` +
			`<link href="https://site.example.com/p/1"/>` + content + `</entry></feed>`
	}
	const want = "Hello **bold** & [link](https://site.example.com/rel)"
	tests := map[string]struct{ doc, body string }{
		"default namespace": {doc("", `<content type="xhtml"><div xmlns=`+xhtmlNS+`><p>Hello <b>bold</b> &amp; <a href="/rel">link</a></p></div></content>`), want},
		"prefix on the feed": {doc(` xmlns:xhtml=`+xhtmlNS,
			`<content type="xhtml"><xhtml:div><xhtml:p>Hello <xhtml:b>bold</xhtml:b> &amp; <xhtml:a href="/rel">link</xhtml:a></xhtml:p></xhtml:div></content>`), want},
		"prefix on the div": {doc("",
			`<content type="xhtml"><h:div xmlns:h=`+xhtmlNS+`><h:p>Hello <h:b>bold</h:b> &amp; <h:a href="/rel">link</h:a></h:p></h:div></content>`), want},
		"prefix on the content": {doc("",
			`<content type="xhtml" xmlns:x=`+xhtmlNS+`><x:div><x:p>Hello <x:b>bold</x:b> &amp; <x:a href="/rel">link</x:a><x:br/></x:p></x:div></content>`), want},
		"a summary": {doc(` xmlns:xhtml=`+xhtmlNS,
			`<summary type="xhtml"><xhtml:div><xhtml:p>Hello <xhtml:b>bold</xhtml:b> &amp; <xhtml:a href="/rel">link</xhtml:a></xhtml:p></xhtml:div></summary>`), want},
		"another namespace's prefix": {doc(` xmlns:xhtml=`+xhtmlNS+` xmlns:o="urn:other"`,
			`<content type="xhtml"><xhtml:div><xhtml:p>Hello <o:b>other</o:b> <xhtml:em>em</xhtml:em></xhtml:p></xhtml:div></content>`), "Hello other *em*"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			feed := parseFeedString(t, tc.doc)
			if len(feed.Articles) != 1 {
				t.Fatalf("%d articles", len(feed.Articles))
			}
			if got := strings.TrimSpace(feed.Articles[0].Body); got != tc.body {
				t.Errorf("body %q, want %q", got, tc.body)
			}
		})
	}
}
