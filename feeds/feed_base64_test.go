package feeds_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestAtom03Base64TextsDecoded: Atom 0.3 writes a title, summary or
// content in base64 when it says mode="base64", whatever its type: each
// is read decoded, then as its type says (miniflux's
// TestParseAtom03WithBase64Content: <p>Some text.</p>), wrapped over
// lines or in CDATA too. Text that is not base64 is read as written.
func TestAtom03Base64TextsDecoded(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	entry := func(title, body string) string {
		return `<entry>` + title + `<link rel="alternate" type="text/html" href="http://example.org/1"/>` +
			`<id>tag:example.org,2003:1</id><issued>2003-12-13T08:29:29-04:00</issued>` + body + `</entry>`
	}
	feed := func(title, entry string) string {
		return `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed version="0.3" xmlns="http://purl.org/atom/ns#">` + title +
			`<link rel="alternate" type="text/html" href="http://example.org/"/><modified>2003-12-13T18:30:02Z</modified>` + entry + `</feed>`
	}
	const plainTitle = `<title>Entry</title>`
	long := "<p>" + strings.Repeat("A paragraph long enough to be wrapped. ", 6) + "</p>"
	var wrapped strings.Builder
	for s := b64(long); s != ""; {
		n := min(len(s), 76)
		wrapped.WriteString(s[:n] + "\n")
		s = s[n:]
	}
	for _, tc := range []struct {
		name, doc              string
		feedTitle, title, body string
	}{
		{
			name:  "content, text/html",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64" type="text/html">PHA+U29tZSB0ZXh0LjwvcD4=</content>`)),
			title: "Entry", body: "Some text.",
		},
		{
			name:  "content, no type: plain text",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64">U29tZSBwbGFpbiB0ZXh0Lg==</content>`)),
			title: "Entry", body: "Some plain text.",
		},
		{
			name:  "content, text/plain: its markup is text",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64" type="text/plain">`+b64("Not <b>bold</b>.")+`</content>`)),
			title: "Entry", body: "Not &lt;b&gt;bold&lt;/b&gt;.", // Markdown for the text "Not <b>bold</b>."
		},
		{
			name:  "content, html",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="BASE64" type="html">`+b64("<p>Some <em>html</em>.</p>")+`</content>`)),
			title: "Entry", body: "Some *html*.",
		},
		{
			name:  "content, wrapped over lines",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64" type="text/html">`+"\n"+wrapped.String()+`</content>`)),
			title: "Entry", body: strings.TrimSpace(strings.Repeat("A paragraph long enough to be wrapped. ", 6)),
		},
		{
			name:  "content in CDATA",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64" type="text/html"><![CDATA[PHA+U29tZSB0ZXh0LjwvcD4=]]></content>`)),
			title: "Entry", body: "Some text.",
		},
		{
			name:  "summary, text/html",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<summary mode="base64" type="text/html">PHA+U29tZSB0ZXh0LjwvcD4=</summary>`)),
			title: "Entry", body: "Some text.",
		},
		{
			name:      "titles, text/html",
			doc:       feed(`<title mode="base64" type="text/html">`+b64("The <b>feed</b>")+`</title>`, entry(`<title mode="base64" type="text/html">`+b64("An <i>entry</i> &amp; more")+`</title>`, `<content>Text.</content>`)),
			feedTitle: "The feed", title: "An entry & more", body: "Text.",
		},
		{
			name: "escape sequences decoded are dropped",
			doc: feed(`<title>F</title>`, entry(`<title mode="base64" type="text/plain">`+b64("Evil \x1b[2J\x1b]52;c;cmF3\x07 title")+`</title>`,
				`<content mode="base64" type="text/html">`+b64("<p>Body \x1b[31m red.</p>")+`</content>`)),
			title: "Evil title", body: "Body red.",
		},
		{
			name:  "not base64: as written",
			doc:   feed(`<title>F</title>`, entry(plainTitle, `<content mode="base64" type="text/html">Not base64 at all!</content>`)),
			title: "Entry", body: "Not base64 at all!",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := feeds.ParseFeed([]byte(tc.doc), "", "http://example.org/feed.atom", feeds.Subscription{URL: "http://example.org/feed.atom"})
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(f.Articles))
			}
			a := f.Articles[0]
			if tc.feedTitle != "" && f.Title != tc.feedTitle {
				t.Errorf("feed title %q, want %q", f.Title, tc.feedTitle)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if a.Body != tc.body {
				t.Errorf("body %q, want %q", a.Body, tc.body)
			}
		})
	}
}

// TestAtom03Base64KeepsEntriesWhereTheyAre: an entry without an id or a
// link is known by its text as read before it was decoded: fetched again,
// it is the article stored then, now decoded, none added.
func TestAtom03Base64KeepsEntriesWhereTheyAre(t *testing.T) {
	const coded = `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Base64</title><modified>2003-12-13T18:30:02Z</modified>
<entry><title>No id, no link</title><issued>2003-12-13T08:29:29-04:00</issued>
<content mode="base64" type="text/html">PHA+U29tZSB0ZXh0LjwvcD4=</content></entry>
</feed>`
	// Read as tidings read it before: base64 as text.
	asBefore := strings.Replace(coded, ` mode="base64"`, "", 1)

	sf := newServedFeed(t, "/base64.atom", "application/atom+xml", []byte(asBefore))
	if _, st := sf.fetch(); st.Added != 1 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	before, err := storedArticles(sf)
	if err != nil || len(before) != 1 || before[0].Body != "PHA+U29tZSB0ZXh0LjwvcD4=" {
		t.Fatalf("stored before: %+v, %v", before, err)
	}
	sf.serve([]byte(coded))
	if _, st := sf.fetch(); st.Added != 0 || st.Updated != 1 {
		t.Errorf("second fetch: %+v, want 1 updated, none added", st.ImportStats)
	}
	after, err := storedArticles(sf)
	if err != nil || len(after) != 1 || after[0].Body != "Some text." || after[0].ExternalID != before[0].ExternalID {
		t.Errorf("stored after: %+v, %v; want the same article, its body \"Some text.\"", after, err)
	}
}

// storedArticles are all the articles of sf's library.
func storedArticles(sf *servedFeed) ([]store.Article, error) {
	var all []store.Article
	err := sf.lib.Search(context.Background(), "", 0, func(a store.Article) error {
		all = append(all, a)
		return nil
	})
	return all, err
}
