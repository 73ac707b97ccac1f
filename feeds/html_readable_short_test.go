package feeds

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestReadableShortExtract: a short page laid out in tables, without an
// <article> or a <main>, of which Readability takes one cell for the
// story, keeps all its text: every section of the newsletter is in the
// body, its cells apart. What Readability finds in a page whose story is
// a small part of its text is kept when the rest is links (teasers of
// other stories) or the page's chrome.
func TestReadableShortExtract(t *testing.T) {
	letter, err := os.ReadFile("testdata/html/readable/layout-newsletter.html")
	if err != nil {
		t.Fatal(err)
	}
	teasers := `<html><head><title>Ferry delayed</title></head><body>` +
		`<div class="site">Harbour Courier</div>` +
		`<div class="post"><h1>Ferry delayed</h1><p>The morning ferry to the islands is delayed by an hour because of fog, ` +
		`the harbour office said on Tuesday, and the afternoon crossings run as planned.</p></div>` +
		`<div class="more"><ul>` + strings.Repeat(`<li><a href="/s">Another story from the harbour, with a long headline to read</a></li>`, 12) +
		`</ul></div><div class="legal">© Harbour Courier</div></body></html>`
	tests := []struct {
		name     string
		page     string
		has, not []string
	}{
		{"a newsletter laid out in tables", string(letter),
			[]string{"LAYOUTP1", "Stocks rose sharply on Tuesday STOCKS.", "Weather: sunny WEATHER", "Sports: team won SPORTS",
				"[Read more](https://news.example/stocks)"},
			[]string{"WEATHERSports"}},
		{"a short story beside teasers of others", teasers,
			[]string{"The morning ferry to the islands is delayed"},
			[]string{"Another story", "© Harbour Courier"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseHTMLFile([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			checkBody(t, a.Body, tc.has, tc.not)
		})
	}
}

// TestReadableShortExtractKnownAsBefore: the newsletter imported by a
// tidings that read it as the one cell Readability found is found again by
// the id it had then.
func TestReadableShortExtractKnownAsBefore(t *testing.T) {
	const before = "h:f1d233d176c965b0d2c9c1cf50d9404d" // as 509d484 imported it
	items := readAll(t, "testdata/html/readable/layout-newsletter.html")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if a.ExternalID != before && !slices.Contains(a.FormerIDs, before) {
		t.Errorf("id %s, former ids %q; want %s among them", a.ExternalID, a.FormerIDs, before)
	}
}
