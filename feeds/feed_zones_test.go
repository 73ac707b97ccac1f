package feeds

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFeedDateZoneAbbreviations: a feed's date with a zone abbreviation is
// read at that zone's offset, as a file's is, not taken for UTC (the feed
// parser knows only a few abbreviations); one given as a number stays as
// it is.
func TestFeedDateZoneAbbreviations(t *testing.T) {
	tests := []struct{ date, want string }{
		{"Sat, 04 May 2024 10:00:00 IST", "2024-05-04T04:30:00Z"},
		{"Sat, 04 May 2024 10:00:00 JST", "2024-05-04T01:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 AEST", "2024-05-04T00:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 NZDT", "2024-05-03T21:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 MSK", "2024-05-04T07:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 HST", "2024-05-04T20:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 EDT", "2024-05-04T14:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 GMT", "2024-05-04T10:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 +0530", "2024-05-04T04:30:00Z"},
		{"Sat, 04 May 2024 10:00:00 +0900 (JST)", "2024-05-04T01:00:00Z"},
		{"Sat, 04 May 2024 10:00:00 (KST)", "2024-05-04T01:00:00Z"},
		{"4 May 2024 10:00:00 IST", "2024-05-04T04:30:00Z"},
		{"Sat, 04 May 2024 10:00 IST", "2024-05-04T04:30:00Z"},
		{"5 March 2024 10:00:00 IST", "2024-03-05T04:30:00Z"},
		{"Tuesday, 5 March 2024 10:00 IST", "2024-03-05T04:30:00Z"},
		{"March 5, 2024 10:00:00 IST", "2024-03-05T04:30:00Z"},
		{"March 5, 2024 10:00 JST", "2024-03-05T01:00:00Z"},
		{"Mar 5, 2024 10:00 MSK", "2024-03-05T07:00:00Z"},
	}
	var items strings.Builder
	for i, tt := range tests {
		fmt.Fprintf(&items, `<item><title>t%d</title><guid>g%d</guid><pubDate>%s</pubDate><description>x</description></item>`, i, i, tt.date)
	}
	f, err := ParseFeed([]byte(`<rss version="2.0"><channel><title>t</title>`+items.String()+`</channel></rss>`), "", "", Subscription{URL: testFeedURL})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]time.Time{}
	for _, a := range f.Articles {
		got[a.Title] = a.Published
	}
	for i, tt := range tests {
		if p := got[fmt.Sprintf("t%d", i)]; p.UTC().Format(time.RFC3339) != tt.want {
			t.Errorf("%s: published %s, want %s", tt.date, p.UTC().Format(time.RFC3339), tt.want)
		}
	}
	// Atom's dates are RFC 3339, and an abbreviation where one is written
	// anyway reads the same.
	atom := `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title><id>a1</id><updated>Sat, 04 May 2024 10:00:00 JST</updated><content>x</content></entry></feed>`
	f, err = ParseFeed([]byte(atom), "", "", Subscription{URL: testFeedURL})
	if err != nil || len(f.Articles) != 1 || f.Articles[0].Published.UTC().Format(time.RFC3339) != "2024-05-04T01:00:00Z" {
		t.Errorf("Atom entry: %v, %+v", err, f.Articles)
	}
}

// TestFeedZoneKeepsContentIDs: an entry without a guid or a link, known by
// its content and date, keeps the id it had when its zone was taken for
// UTC, so that the next fetch updates it instead of adding it again.
func TestFeedZoneKeepsContentIDs(t *testing.T) {
	doc := `<rss version="2.0"><channel><title>t</title><item><title>Monsoon</title><pubDate>Sat, 04 May 2024 10:00:00 IST</pubDate><description>Rain.</description></item></channel></rss>`
	f, err := ParseFeed([]byte(doc), "", "", Subscription{URL: testFeedURL})
	if err != nil || len(f.Articles) != 1 {
		t.Fatalf("ParseFeed: %v, %d articles", err, len(f.Articles))
	}
	a := f.Articles[0]
	asUTC := time.Date(2024, 5, 4, 10, 0, 0, 0, time.UTC)
	want := entryID(testFeedURL, "", Article{Title: "Monsoon", Body: "Rain.", Published: asUTC})
	if a.ExternalID != want {
		t.Errorf("id %q, want the id it had before, %q", a.ExternalID, want)
	}
	if a.Published.UTC().Format(time.RFC3339) != "2024-05-04T04:30:00Z" {
		t.Errorf("published %v", a.Published.UTC())
	}
}

// TestFeedIDsDoNotFollowTheHostZone: an entry known by its content and a
// date with a zone abbreviation has the same id whatever the zone of the
// machine that reads it (the feed parser reads some abbreviations at the
// host's own offset), and is found by the id a machine in that zone gave it
// before.
func TestFeedIDsDoNotFollowTheHostZone(t *testing.T) {
	doc := []byte(`<rss version="2.0"><channel><title>t</title><item><title>Monsoon</title><pubDate>Sat, 04 May 2024 10:00:00 IST</pubDate><description>Rain.</description></item></channel></rss>`)
	read := func() Article {
		t.Helper()
		f, err := ParseFeed(doc, "", "", Subscription{URL: testFeedURL})
		if err != nil || len(f.Articles) != 1 {
			t.Fatalf("ParseFeed: %v, %d articles", err, len(f.Articles))
		}
		return f.Articles[0]
	}
	elsewhere := read()
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("IST", 5*3600+1800) // a machine in India
	inIndia := read()
	if inIndia.ExternalID != elsewhere.ExternalID {
		t.Errorf("id in India %q, elsewhere %q", inIndia.ExternalID, elsewhere.ExternalID)
	}
	before := entryID(testFeedURL, "", Article{Title: "Monsoon", Body: "Rain.", Published: time.Date(2024, 5, 4, 4, 30, 0, 0, time.UTC)})
	if !slices.Contains(inIndia.FormerIDs, before) {
		t.Errorf("former ids %q lack the id a machine in India gave it before, %q", inIndia.FormerIDs, before)
	}
	// Fetched before in India, then on a machine in another zone: the
	// India id is among its former ids there too.
	if !slices.Contains(elsewhere.FormerIDs, before) {
		t.Errorf("former ids elsewhere %q lack the id a machine in India gave it before, %q", elsewhere.FormerIDs, before)
	}
	if !inIndia.Published.Equal(elsewhere.Published) || inIndia.Published.UTC().Hour() != 4 {
		t.Errorf("published %v in India, %v elsewhere", inIndia.Published, elsewhere.Published)
	}
}
