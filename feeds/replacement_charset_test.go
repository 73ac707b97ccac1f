package feeds

import (
	"testing"
)

// TestReplacementCharsetLabel: a feed served, or declared, with a charset
// label WHATWG maps to its "replacement" encoding (iso-2022-kr,
// hz-gb-2312, iso-2022-cn...), which decodes a whole document to one
// U+FFFD, is read as UTF-8 with its bad bytes replaced and a warning, as
// one with a charset not known is: JSON Feed and XML alike.
func TestReplacementCharsetLabel(t *testing.T) {
	jsonDoc := "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"JSON Latin\", \"items\": " +
		"[{\"id\": \"j1\", \"title\": \"Caf\xe9\", \"content_text\": \"Gr\xfc\xdfe\"}]}"
	rss := func(decl string) string {
		return `<?xml version="1.0"` + decl + `?><rss version="2.0"><channel><title>RSS Latin</title>` +
			"<item><guid>r1</guid><title>Caf\xe9</title><description>Gr\xfc\xdfe</description></item></channel></rss>"
	}
	for _, label := range []string{"iso-2022-kr", "hz-gb-2312", "iso-2022-cn", "csiso2022kr"} {
		for _, tc := range []struct {
			name, doc, contentType, feedTitle string
		}{
			{"json", jsonDoc, "application/feed+json; charset=" + label, "JSON Latin"},
			{"xml, served", rss(""), "application/rss+xml; charset=" + label, "RSS Latin"},
			{"xml, declared", rss(` encoding="` + label + `"`), "application/rss+xml", "RSS Latin"},
		} {
			t.Run(label+" "+tc.name, func(t *testing.T) {
				f, err := ParseFeed([]byte(tc.doc), tc.contentType, "", Subscription{URL: testFeedURL})
				if err != nil {
					t.Fatal(err)
				}
				if f.Title != tc.feedTitle || len(f.Articles) != 1 {
					t.Fatalf("feed %q, %d articles; want %q, 1", f.Title, len(f.Articles), tc.feedTitle)
				}
				if a := f.Articles[0]; a.Title != "Caf\uFFFD" && a.Title != "Café" {
					t.Errorf("title %q", a.Title)
				}
				if f.Warning == "" {
					t.Errorf("no warning of the bytes replaced")
				}
			})
		}
	}
}
