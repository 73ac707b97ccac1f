package feeds_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestReadablePageImportedAgain: an HTML file imported by a tidings that
// read pages otherwise (its first <article>, its <title>...) and imported
// again now is the same article, updated, not a second one; and then
// unchanged.
func TestReadablePageImportedAgain(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob("testdata/html/readable/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	files = append(files, "testdata/html/article.html", "testdata/html/no-article.html")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			before, err := feeds.LegacyHTMLFile(data)
			if err != nil {
				t.Fatal(err)
			}
			if outs, err := s.Import(ctx, []feeds.Article{before}); err != nil || len(outs) != 1 || outs[0] != store.Added {
				t.Fatalf("the import of before: %v, %v", outs, err)
			}
			var now []feeds.Article
			if err := feeds.Read(file, func(it feeds.Item) error {
				if it.Err != nil {
					t.Fatal(it.Err)
				}
				now = append(now, it.Article)
				return nil
			}); err != nil || len(now) != 1 {
				t.Fatalf("%d articles, %v", len(now), err)
			}
			// Updated, or unchanged when the page reads as it did.
			for i := range 2 {
				outs, err := s.Import(ctx, now)
				if err != nil || len(outs) != 1 {
					t.Fatalf("import %d: %v, %v", i+1, outs, err)
				}
				if outs[0] == store.Added || i > 0 && outs[0] != store.Unchanged {
					t.Errorf("import %d: %v", i+1, outs[0])
				}
				if n, err := s.Count(ctx, ""); err != nil || n != 1 {
					t.Errorf("import %d: %d articles (%v), want 1", i+1, n, err)
				}
			}
		})
	}
}
