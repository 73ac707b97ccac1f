package feeds

import (
	"slices"
	"testing"
)

// TestIDBaseInternationalHost: the address article ids are made from is,
// for a host beyond ASCII in any spelling, the one a tidings from before
// wrote (the host percent-encoded, as URL.String writes it in Unicode);
// any other address is as given.
func TestIDBaseInternationalHost(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://xn--bcher-kva.example/idn/feed.xml", "http://b%C3%BCcher.example/idn/feed.xml"},
		{"http://bücher.example/idn/feed.xml", "http://b%C3%BCcher.example/idn/feed.xml"},
		{"http://b%C3%BCcher.example/idn/feed.xml", "http://b%C3%BCcher.example/idn/feed.xml"},
		{"http://XN--BCHER-KVA.example/idn/feed.xml", "http://b%C3%BCcher.example/idn/feed.xml"},
		{"https://alice@xn--bcher-kva.example:8443/f?q=%C3%A4", "https://alice@b%C3%BCcher.example:8443/f?q=%C3%A4"},
		{"http://xn--d1abbgf6aiiy.xn--p1ai/rss", "http://%D0%BF%D1%80%D0%B5%D0%B7%D0%B8%D0%B4%D0%B5%D0%BD%D1%82.%D1%80%D1%84/rss"},
		{"https://news.example/a%20b?q=ä", "https://news.example/a%20b?q=ä"},
		{"site:http://news.example/ News", "site:http://news.example/ News"},
		{"file:///home/me/feed.xml", "file:///home/me/feed.xml"},
	} {
		if got := IDBase(tc.in); got != tc.want {
			t.Errorf("IDBase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// idnFeedDoc is a feed on bücher.example, its self link written as self.
func idnFeedDoc(self string) string {
	return `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
		`<atom:link rel="self" href="` + self + `"/><title>Bücher</title><link>http://bücher.example/</link>` +
		`<item><title>One</title><guid isPermaLink="false">g1</guid><description>one</description></item>` +
		`<item><title>Two</title><link>http://bücher.example/two</link><description>two</description></item>` +
		`</channel></rss>`
}

// idnOldIDs are the ids a tidings from before gave idnFeedDoc's entries,
// subscribed at http://bücher.example/idn/feed.xml.
var idnOldIDs = []string{
	"feed:http://b%C3%BCcher.example/idn/feed.xml#g1",
	"feed:http://b%C3%BCcher.example/idn/feed.xml#http://b%C3%BCcher.example/two",
}

// TestEntryIDsInternationalHostAsBefore: the entries of a feed on a host
// beyond ASCII keep the ids a tidings from before gave them, whatever
// spelling its subscription is stored in (now punycode), or the address it
// moved from; they are found by the punycode ones too. A saved copy of the
// feed, its self link in any spelling, gives its entries those ids.
func TestEntryIDsInternationalHostAsBefore(t *testing.T) {
	doc := []byte(idnFeedDoc("http://bücher.example/idn/feed.xml"))
	for _, sub := range []Subscription{
		{URL: NormalizeURL("http://bücher.example/idn/feed.xml")},
		{URL: "http://b%C3%BCcher.example/idn/feed.xml"},
		{URL: "https://moved.example/feed.xml", IDBase: "http://xn--bcher-kva.example/idn/feed.xml"},
	} {
		f, err := ParseFeed(doc, "", "", sub)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range f.Articles {
			ids = append(ids, a.ExternalID)
		}
		if !slices.Equal(ids, idnOldIDs) {
			t.Errorf("subscribed at %+v: ids %q, want %q as before", sub, ids, idnOldIDs)
		}
		if sub.URL == NormalizeURL("http://bücher.example/idn/feed.xml") {
			if want := "feed:http://xn--bcher-kva.example/idn/feed.xml#g1"; !slices.Contains(f.Articles[0].FormerIDs, want) {
				t.Errorf("former ids %q, want %q among them", f.Articles[0].FormerIDs, want)
			}
		}
	}
	for _, self := range []string{"http://bücher.example/idn/feed.xml", "http://xn--bcher-kva.example/idn/feed.xml", "http://b%C3%BCcher.example/idn/feed.xml"} {
		var ids []string
		err := readSavedFeed("<stdin>", false, []byte(idnFeedDoc(self)), func(it Item) error {
			ids = append(ids, it.Article.ExternalID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, idnOldIDs) {
			t.Errorf("saved copy with self link %q: ids %q, want %q", self, ids, idnOldIDs)
		}
	}
}
