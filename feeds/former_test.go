package feeds

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFormerIDsOfHTMLFiles: an HTML file without an id whose text reads
// differently now than an earlier tidings read it (a lazily loaded picture,
// an embedded player) keeps, among its former ids, the id that text gave,
// so that importing it again finds the article instead of adding it twice.
func TestFormerIDsOfHTMLFiles(t *testing.T) {
	page := `<html><head><title>Marathon record in pictures</title><link rel="canonical" href="https://news.example/marathon"></head>` +
		`<body><article><p>The record fell.</p><p><img src="data:image/gif;base64,R0lGOD" data-src="https://news.example/a.jpg" alt="Runners"></p>` +
		`<iframe src="https://video.example/embed/1"></iframe><p>More text.</p></article></body></html>`
	a, err := parseHTMLFile([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.FormerBody == "" || a.FormerBody == a.Body {
		t.Fatalf("body %q, former body %q: want them different", a.Body, a.FormerBody)
	}
	if strings.Contains(a.FormerBody, "a.jpg") || strings.Contains(a.FormerBody, "embed") {
		t.Errorf("the former body reads what was not read before: %q", a.FormerBody)
	}
	before := a
	before.Body = CleanText(a.FormerBody)
	Normalize(&a)
	Normalize(&before)
	if !slices.Contains(a.FormerIDs, before.ExternalID) {
		t.Errorf("former ids %q lack the id the page had, %q", a.FormerIDs, before.ExternalID)
	}
	plain, err := parseHTMLFile([]byte(`<html><head><title>T</title></head><body><p>Plain text.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if plain.FormerBody != "" {
		t.Errorf("a page read as before has a former body %q", plain.FormerBody)
	}
}

// TestFormerIDsOfFeedEntries: an entry without a guid or a link is known
// by its content as an earlier tidings read it, so that reading it better
// now (plain text wrapped at a fixed width joined, a summary read as text)
// moves it to no other id.
func TestFormerIDsOfFeedEntries(t *testing.T) {
	const advisory = "The Debian project announces that several vulnerabilities were\n" +
		"discovered in the OpenSSL library which could lead to denial of\n" +
		"service or the disclosure of private keys in certain cases, see."
	doc := rssFeedDoc("F", `<item><title>SA-1</title><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>`+advisory+`</description></item>`)
	feed := parseFeedString(t, doc)
	if len(feed.Articles) != 1 {
		t.Fatalf("%d articles", len(feed.Articles))
	}
	a := feed.Articles[0]
	if strings.Contains(a.Body, "  \n") {
		t.Fatalf("the advisory was not joined: %q", a.Body)
	}
	// As the entry was read before: each line a line.
	formerBody := strings.ReplaceAll(advisory, "\n", "  \n")
	published := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	if want := keyedID(testFeedURL, IdentityPrefix+digest("SA-1", formerBody, publishedKey(published))); a.ExternalID != want {
		t.Errorf("id %q, want the id it had, %q", a.ExternalID, want)
	}
}
