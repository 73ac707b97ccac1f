package feeds

import (
	"strings"
	"testing"
)

// TestNormalizeURLInternationalHost: a feed's address whose host is
// beyond ASCII, written in Unicode, percent-encoded or as punycode, is
// subscribed under its punycode (http://xn--d1abbgf6aiiy.xn--p1ai/rss),
// which every browser and curl resolve and no look-alike letter
// disguises, not percent-encoded; its path and query keep their escaping,
// and an ASCII host is as it was.
func TestNormalizeURLInternationalHost(t *testing.T) {
	for _, tc := range []struct{ in, normal, match string }{
		{"http://президент.рф/rss", "http://xn--d1abbgf6aiiy.xn--p1ai/rss", ""},
		{"http://%D0%BF%D1%80%D0%B5%D0%B7%D0%B8%D0%B4%D0%B5%D0%BD%D1%82.%D1%80%D1%84/rss", "http://xn--d1abbgf6aiiy.xn--p1ai/rss", ""},
		{"http://xn--d1abbgf6aiiy.xn--p1ai/rss", "http://xn--d1abbgf6aiiy.xn--p1ai/rss", ""},
		{"HTTP://Bücher.Example:80/a b?q=ä#top", "http://xn--bcher-kva.example/a%20b?q=ä", ""},
		{"https://alice:s3cret@bücher.example:8443/feed", "https://alice:s3cret@xn--bcher-kva.example:8443/feed", "https://xn--bcher-kva.example:8443/feed"},
		{"feed://bücher.example/rss", "http://xn--bcher-kva.example/rss", ""},
		{"http://my_host.example/rss", "http://my_host.example/rss", ""},
		{"http://[::1]:8080/rss", "http://[::1]:8080/rss", ""},
	} {
		if got := NormalizeURL(tc.in); got != tc.normal {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tc.in, got, tc.normal)
		}
		match := tc.match
		if match == "" {
			match = tc.normal
		}
		if got := MatchURL(tc.in); got != match {
			t.Errorf("MatchURL(%q) = %q, want %q", tc.in, got, match)
		}
	}
}

// TestEntryLinksInternationalHost: an entry's link, its body's links
// (absolute, relative to its page, written percent-encoded) and its
// feed's site whose host is beyond ASCII are stored with the host as
// punycode, their paths and queries escaped as they were; the entries
// keep the ids they had, made of the links as read before.
func TestEntryLinksInternationalHost(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>IDN</title><link>http://новости.example/</link>` +
		`<item><title>Новости</title><guid isPermaLink="false">i1</guid><link>http://президент.рф/news/1?q=ä</link>` +
		`<description>&lt;a href="http://bücher.example/buch"&gt;Bücher&lt;/a&gt;, ` +
		`&lt;a href="/more"&gt;more&lt;/a&gt;, &lt;a href="http://b%C3%BCcher.example/x%20y"&gt;escaped&lt;/a&gt;, ` +
		`&lt;a href="https://ascii.example/ü"&gt;ascii&lt;/a&gt;</description></item>` +
		`<item><title>No guid</title><link>http://президент.рф/news/2</link><description>Two.</description></item>` +
		`<item><description>&lt;p&gt;Neither guid nor link nor title: &lt;a href="http://bücher.example/z"&gt;z&lt;/a&gt;&lt;/p&gt;</description></item>` +
		`</channel></rss>`
	f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: "https://feeds.example/idn.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Articles) != 3 {
		t.Fatalf("%d articles", len(f.Articles))
	}
	if want := "http://xn--b1amnebsh.example/"; f.SiteURL != want {
		t.Errorf("site %q, want %q", f.SiteURL, want)
	}
	a := f.Articles[0]
	if want := "http://xn--d1abbgf6aiiy.xn--p1ai/news/1?q=ä"; a.URL != want {
		t.Errorf("link %q, want %q", a.URL, want)
	}
	for _, want := range []string{
		"(http://xn--bcher-kva.example/buch)", "(http://xn--d1abbgf6aiiy.xn--p1ai/more)",
		"(http://xn--bcher-kva.example/x%20y)", "(https://ascii.example/%C3%BC)",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body %q, want it to hold %q", a.Body, want)
		}
	}
	if strings.Contains(a.Body, "%C3%BCcher") || strings.Contains(a.Body, "%D0") {
		t.Errorf("body %q has a percent-encoded host", a.Body)
	}
	if want := "http://xn--bcher-kva.example/z"; !strings.Contains(f.Articles[2].Body, want) {
		t.Errorf("body %q, want it to hold %q", f.Articles[2].Body, want)
	}
	// The ids, as a tidings from before made them.
	for i, want := range []string{
		"feed:https://feeds.example/idn.xml#i1",
		"feed:https://feeds.example/idn.xml#http://%D0%BF%D1%80%D0%B5%D0%B7%D0%B8%D0%B4%D0%B5%D0%BD%D1%82.%D1%80%D1%84/news/2",
		"feed:https://feeds.example/idn.xml#h:a600241746aed7add8dcd467d10f483e",
	} {
		if got := f.Articles[i].ExternalID; got != want {
			t.Errorf("entry %d: id %q, want %q as before", i+1, got, want)
		}
	}
}
