package feeds_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestRereadFilesUpdateTheirArticle: a file imported by a tidings that
// read it otherwise (Windows-1252 text with its bytes replaced, a source
// that is a link, TOML front matter left in the text), imported again, is
// the same article, updated, not a second one.
func TestRereadFilesUpdateTheirArticle(t *testing.T) {
	ctx := context.Background()
	for _, c := range feeds.RereadCases {
		t.Run(c.Name, func(t *testing.T) {
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			before := c.Before
			feeds.Normalize(&before)
			if outs, err := s.Import(ctx, []feeds.Article{before}); err != nil || !slices.Equal(outs, []store.Outcome{store.Added}) {
				t.Fatalf("importing as before: %v, %v", outs, err)
			}
			var now []feeds.Article
			if err := feeds.ReadStream(c.Name, strings.NewReader(c.Content), func(it feeds.Item) error {
				now = append(now, it.Article)
				return it.Err
			}); err != nil || len(now) != 1 {
				t.Fatalf("%v, %d articles", err, len(now))
			}
			if outs, err := s.Import(ctx, now); err != nil || !slices.Equal(outs, []store.Outcome{store.Updated}) {
				t.Errorf("importing again: %v, %v; want it updated", outs, err)
			}
			if n, err := s.Total(ctx); err != nil || n != 1 {
				t.Errorf("%d articles, %v; want 1", n, err)
			}
			got, err := s.ArticleByExternalID(ctx, before.ExternalID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != now[0].Title || got.Body != now[0].Body || got.Source != now[0].Source || got.URL != now[0].URL {
				t.Errorf("stored %q %q %q %q\nwant %q %q %q %q", got.Title, got.Body, got.Source, got.URL,
					now[0].Title, now[0].Body, now[0].Source, now[0].URL)
			}
		})
	}
}
