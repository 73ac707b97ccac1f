package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// cjkExternalRecords are two articles of JSON lines whose external ids
// wrap: one inside Japanese text, one between Latin words.
const cjkExternalRecords = `{"external_id":"記事\n一","title":"x","body":"b","published":"2024-01-01T00:00:00Z"}
{"external_id":"doc\nlatin","title":"y","body":"b2","published":"2024-01-01T00:00:00Z"}
`

// TestFindArticleWrappedExternalID: an external id given with a line
// break in it, inside Japanese text as between Latin words, names the
// article imported under it, as `tidings show --external` and `tidings
// tag --external` are given it, and so does the id as the library stores
// it and search --json writes it (a space for the line break).
func TestFindArticleWrappedExternalID(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var arts []feeds.Article
	err := feeds.ReadStreamAs("-", "jsonl", strings.NewReader(cjkExternalRecords), func(it feeds.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	if _, err := st.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		word, title string
	}{
		"japanese, as imported":     {"記事\n一", "x"},
		"japanese, as stored":       {"記事 一", "x"},
		"japanese, crlf":            {"記事\r\n一", "x"},
		"japanese, spaces around":   {"記事 \n 一", "x"},
		"japanese, line separator":  {"記事\u2028一", "x"},
		"latin, as imported":        {"doc\nlatin", "y"},
		"latin, as stored":          {"doc latin", "y"},
		"japanese joined is no id":  {"記事一", ""},
		"latin joined is no id too": {"doclatin", ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			for _, external := range []bool{true, false} {
				found, missing, err := FindArticles(ctx, st, []string{tt.word}, external)
				switch {
				case err != nil:
					t.Errorf("FindArticles(%q, external %v): %v", tt.word, external, err)
				case tt.title == "" && (len(found) != 0 || len(missing) != 1):
					t.Errorf("FindArticles(%q, external %v) found %d, missing %q; want none found", tt.word, external, len(found), missing)
				case tt.title != "" && (len(found) != 1 || found[0].Title != tt.title):
					t.Errorf("FindArticles(%q, external %v) found %d, missing %q; want the article titled %q", tt.word, external, len(found), missing, tt.title)
				}
			}
			art, err := FindArticle(ctx, st, tt.word, true)
			if tt.title != "" && (err != nil || art.Title != tt.title) {
				t.Errorf("FindArticle(%q, external) = %q, %v; want %q", tt.word, art.Title, err, tt.title)
			}
		})
	}
}
