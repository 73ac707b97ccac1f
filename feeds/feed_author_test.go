package feeds

import "testing"

// TestFeedLevelAuthorsAndExternalURL: an entry naming no author has the
// feed's (Atom's feed authors, JSON Feed's top-level authors or author),
// and a JSON Feed item without a url links to its external_url.
func TestFeedLevelAuthorsAndExternalURL(t *testing.T) {
	const atomHead = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
		`<link href="https://site.example/"/><id>urn:t</id><updated>2024-03-05T10:00:00Z</updated>`
	const atomEntry = `<entry><title>One</title><id>urn:1</id><link href="https://site.example/1"/>` +
		`<updated>2024-03-05T10:00:00Z</updated><content>Text.</content></entry>`
	for _, tc := range []struct {
		name, doc   string
		author, url string // of the first entry
	}{
		{"Atom: the feed's author", atomHead + `<author><name>Ada</name></author>` + atomEntry + `</feed>`,
			"Ada", "https://site.example/1"},
		{"Atom: the feed's authors", atomHead + `<author><name>Ada</name></author><author><email>bo@site.example</email></author>` + atomEntry + `</feed>`,
			"Ada, bo@site.example", "https://site.example/1"},
		{"Atom: the entry's own", atomHead + `<author><name>Ada</name></author><entry><title>One</title><id>urn:1</id>` +
			`<updated>2024-03-05T10:00:00Z</updated><author><name>Cy</name></author><content>Text.</content></entry></feed>`,
			"Cy", ""},
		{"Atom: none", atomHead + atomEntry + `</feed>`, "", "https://site.example/1"},
		{"RSS: the channel's editor is not the items' author", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
			`<link>https://site.example/</link><managingEditor>ed@site.example (Ed)</managingEditor>` +
			`<item><title>One</title><link>https://site.example/1</link><description>Text.</description></item></channel></rss>`,
			"", "https://site.example/1"},
		{"JSON Feed 1.1: top-level authors", `{"version":"https://jsonfeed.org/version/1.1","title":"T","authors":[{"name":"Ada"},{"name":"Bo"}],` +
			`"items":[{"id":"1","url":"https://site.example/1","content_text":"Text."}]}`, "Ada, Bo", "https://site.example/1"},
		{"JSON Feed 1.0: top-level author", `{"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"Ada"},` +
			`"items":[{"id":"1","url":"https://site.example/1","content_text":"Text."}]}`, "Ada", "https://site.example/1"},
		{"JSON Feed: the item's own", `{"version":"https://jsonfeed.org/version/1.1","title":"T","authors":[{"name":"Ada"}],` +
			`"items":[{"id":"1","authors":[{"name":"Cy"}],"content_text":"Text."}]}`, "Cy", ""},
		{"JSON Feed: external_url alone", `{"version":"https://jsonfeed.org/version/1.1","title":"T",` +
			`"items":[{"id":"1","external_url":"https://elsewhere.example/story","content_text":"Text."}]}`, "", "https://elsewhere.example/story"},
		{"JSON Feed: external_url over an id that is a URL", `{"version":"https://jsonfeed.org/version/1.1","title":"T",` +
			`"items":[{"id":"https://site.example/?p=1","external_url":"https://elsewhere.example/story","content_text":"Text."}]}`, "", "https://elsewhere.example/story"},
		{"JSON Feed: a relative external_url", `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://site.example/",` +
			`"items":[{"id":"1","external_url":"/out/story","content_text":"Text."}]}`, "", "https://site.example/out/story"},
		{"JSON Feed: url before external_url", `{"version":"https://jsonfeed.org/version/1.1","title":"T",` +
			`"items":[{"id":"1","url":"https://site.example/1","external_url":"https://elsewhere.example/story","content_text":"Text."}]}`,
			"", "https://site.example/1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			feed, err := ParseFeed([]byte(tc.doc), "", "https://site.example/feed", Subscription{URL: "https://site.example/feed"})
			if err != nil || len(feed.Articles) == 0 {
				t.Fatalf("ParseFeed = %+v, %v", feed, err)
			}
			if a := feed.Articles[0]; a.Author != tc.author || a.URL != tc.url {
				t.Errorf("author %q, url %q; want %q, %q", a.Author, a.URL, tc.author, tc.url)
			}
		})
	}
}

// TestExternalURLKeepsIDs: a JSON Feed item's external_url changes its link,
// not its id.
func TestExternalURLKeepsIDs(t *testing.T) {
	sub := Subscription{URL: "https://site.example/feed.json"}
	for _, item := range []string{`"id":"1"`, `"id":""`, `"id":"https://site.example/?p=1"`} {
		without := `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{` + item + `,"content_text":"Text."}]}`
		with := `{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{` + item + `,"external_url":"https://elsewhere.example/s","content_text":"Text."}]}`
		a, errA := ParseFeed([]byte(without), "", "", sub)
		b, errB := ParseFeed([]byte(with), "", "", sub)
		if errA != nil || errB != nil || len(a.Articles) != 1 || len(b.Articles) != 1 || a.Articles[0].ExternalID != b.Articles[0].ExternalID {
			t.Errorf("%s: ids %+v, %+v (%v, %v)", item, a.Articles, b.Articles, errA, errB)
		}
	}
}
