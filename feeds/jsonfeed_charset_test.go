package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestFetchJSONFeedServerCharset: a JSON Feed that is not UTF-8, served
// with the charset it is in named (application/feed+json;
// charset=iso-8859-1), reads in that charset, without a warning, as an
// XML feed's server-named charset is read; one valid as UTF-8 reads as
// UTF-8 whatever its server says (RFC 8259), and one that is not, served
// without a charset, or UTF-8 but for a byte, has its bad bytes replaced,
// with a warning.
func TestFetchJSONFeedServerCharset(t *testing.T) {
	// The tester's json-latin1.json: "Café", "Grüße" in ISO-8859-1.
	latin1 := "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"JSON Latin\", \"items\": " +
		"[{\"id\": \"j1\", \"title\": \"Caf\xe9\", \"content_text\": \"Gr\xfc\xdfe\"}]}"
	utf8Doc := `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON UTF-8", "items": [{"id": "j1", "title": "Café", "content_text": "Grüße"}]}`
	cyrillic := "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"\xcd\xee\xe2\xee\xf1\xf2\xe8\", \"items\": " +
		"[{\"id\": \"r1\", \"title\": \"\xcc\xee\xf1\xea\xe2\xe0\", \"content_text\": \"x\"}]}"
	// UTF-8 but for one byte: damage, not Latin-1.
	damaged := `{"version": "https://jsonfeed.org/version/1.1", "title": "Zoë’s café", "items": [{"id": "d1", "title": "Grüße aus Köln` + "\xff" + `", "content_text": "x"}]}`
	for _, tc := range []struct {
		name, doc, contentType string
		feedTitle, title, body string
		warning                string
	}{
		{"latin-1 named", latin1, "application/feed+json; charset=iso-8859-1", "JSON Latin", "Café", "Grüße", ""},
		{"windows-1251 named", cyrillic, "application/json; charset=windows-1251", "Новости", "Москва", "x", ""},
		{"latin-1 not named", latin1, "application/feed+json", "JSON Latin", "Caf\uFFFD", "Gr\uFFFD\uFFFDe", "not valid UTF-8; 3 bytes replaced"},
		{"utf-8 said to be latin-1", utf8Doc, "application/feed+json; charset=iso-8859-1", "JSON UTF-8", "Café", "Grüße", ""},
		{"utf-8 but for a byte", damaged, "application/feed+json; charset=iso-8859-1", "Zoë’s café", "Grüße aus Köln\uFFFD", "x", "not valid UTF-8; 1 byte replaced"},
		{"unknown charset", latin1, "application/feed+json; charset=x-klingon", "JSON Latin", "Caf\uFFFD", "Gr\uFFFD\uFFFDe", "not valid UTF-8; 3 bytes replaced"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				w.Write([]byte(tc.doc))
			}))
			defer srv.Close()
			r := NewFetcher().Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.json"})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if len(r.Articles) != 1 {
				t.Fatalf("%d articles", len(r.Articles))
			}
			a := r.Articles[0]
			if r.Sub.Title != tc.feedTitle || a.Title != tc.title || a.Body != tc.body {
				t.Errorf("feed %q, entry %q: %q; want %q, %q: %q", r.Sub.Title, a.Title, a.Body, tc.feedTitle, tc.title, tc.body)
			}
			if r.Warning != tc.warning {
				t.Errorf("warning %q, want %q", r.Warning, tc.warning)
			}
		})
	}
}
