package feeds

import (
	"encoding/xml"
	"strings"
	"testing"
)

// An OPML file whose feed address holds control characters names an
// address tidings cannot fetch as written: subscribing to what cleaning
// leaves of it would fetch another feed. The outline is refused by line
// and name, as feed add refuses such an address, and the rest of the file
// is read.
func TestReadOPMLRefusesAddressesWithControls(t *testing.T) {
	const good = `<outline type="rss" text="Good &#x1b;[31mone" xmlUrl="https://good.example/feed"/>`
	tests := map[string]struct{ outline, shown string }{
		"escape reference":  {`<outline type="rss" text="A" xmlUrl="http://a.example/feed.xml?id=7&#x1b;[2J"/>`, `"http://a.example/feed.xml?id=7�"`},
		"decimal reference": {`<outline type="rss" text="A" xmlUrl="http://a.example/feed.xml?id=7&#27;]0;t&#7;"/>`, `"http://a.example/feed.xml?id=7��"`},
		"raw escape":        {"<outline type=\"rss\" text=\"A\" xmlUrl=\"http://a.example/feed.xml?id=7\x1b[2J\"/>", `"http://a.example/feed.xml?id=7�"`},
		"raw nul":           {"<outline type=\"rss\" text=\"A\" xmlUrl=\"http://a.example/fe\x00ed.xml\"/>", `"http://a.example/fe�ed.xml"`},
		"bidi override":     {`<outline type="rss" text="A" xmlUrl="http://a.example/feed.xml?q=ab&#x202e;cd"/>`, `"http://a.example/feed.xml?q=ab\u202ecd"`},
		"zero-width space":  {`<outline type="rss" text="A" xmlUrl="http://a.example/fe&#x200b;ed.xml"/>`, `"http://a.example/fe\u200bed.xml"`},
		"line break":        {`<outline type="rss" text="A" xmlUrl="http://a.example/fe&#10;ed.xml"/>`, `"http://a.example/fe\ned.xml"`},
		"url attribute":     {`<outline type="rss" text="A" url="http://a.example/feed.xml?id=7&#x1b;[2J"/>`, `"http://a.example/feed.xml?id=7�"`},
		"only an escape":    {`<outline type="rss" text="A" xmlUrl="&#x1b;[2J"/>`, `"�"`},
		"osc up to quote":   {`<outline type="rss" text="A" xmlUrl="http://a.example/f&#x1b;]0;t" title="A"/>`, `"http://a.example/f�"`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			doc := "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body>\n<!-- don't -->\n" + tc.outline + "\n" + good + "\n</body></opml>"
			subs, err := ReadOPML(strings.NewReader(doc))
			if len(subs) != 1 || subs[0].URL != "https://good.example/feed" || subs[0].Title != "Good one" {
				t.Errorf("subscriptions %+v, want the good feed alone", subs)
			}
			want := `opml: line 4: outline "A": `
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), tc.shown+" has control characters in it: skipped") {
				t.Errorf("error %v, want %q and %s has control characters in it", err, want, tc.shown)
			}
		})
	}
}

// TestReadOPMLCleansOtherAttributes: controls in a title, a folder's name,
// a category or a site's address are taken out, as before, and leave no
// mark behind.
func TestReadOPMLCleansOtherAttributes(t *testing.T) {
	doc := `<opml version="2.0"><body><outline text="Fol&#x1b;[1mder">` +
		"<outline type=\"rss\" text=\"Ti\x1b[2Jtle\" category=\"ne&#7;ws\" htmlUrl=\"https://s.example/&#x1b;[0m\" xmlUrl=\"https://s.example/feed\"/>" +
		`</outline></body></opml>`
	subs, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := Subscription{URL: "https://s.example/feed", Title: "Title", SiteURL: "https://s.example/", Tags: []string{"Folder", "news"}}
	if len(subs) != 1 || subs[0].URL != want.URL || subs[0].Title != want.Title || subs[0].SiteURL != want.SiteURL ||
		strings.Join(subs[0].Tags, ",") != strings.Join(want.Tags, ",") {
		t.Errorf("got %+v, want %+v", subs, want)
	}
}

// TestOutlineFeedURLRefusesControls: the address opml import counts an
// outline by is none when ReadOPML refuses it.
func TestOutlineFeedURLRefusesControls(t *testing.T) {
	attrs := []xml.Attr{{Name: xml.Name{Local: "xmlUrl"}, Value: "http://a.example/feed?q=ab\u202ecd"}}
	if got := OutlineFeedURL(attrs); got != "" {
		t.Errorf("OutlineFeedURL = %q, want none", got)
	}
	attrs[0].Value = "feed://a.example/feed"
	if got := OutlineFeedURL(attrs); got != "http://a.example/feed" {
		t.Errorf("OutlineFeedURL = %q", got)
	}
}

// A newsboat urls file's line whose address holds control characters is
// skipped with a warning naming it, the other lines read.
func TestReadNewsboatURLsRefusesControls(t *testing.T) {
	file := "http://a.example/feed.xml\x1b[2J news\nhttp://b.example/feed?q=ab\u202ecd\nhttps://good.example/feed tech\n"
	subs, warnings, err := ReadNewsboatURLs(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].URL != "https://good.example/feed" {
		t.Errorf("subscriptions %+v, want the good feed alone", subs)
	}
	want := []URLsWarning{
		{Line: 1, Reason: `"http://a.example/feed.xml\x1b[2J" has control characters in it: skipped`},
		{Line: 2, Reason: `"http://b.example/feed?q=ab\u202ecd" has control characters in it: skipped`},
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %+v, want %+v", warnings, want)
	}
	for i := range want {
		if warnings[i] != want[i] {
			t.Errorf("warning %d: %+v, want %+v", i, warnings[i], want[i])
		}
	}
}
