package feeds_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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
			now := []feeds.Article{readFile(t, file)}
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

// TestReleasedPagesImportedAgain: a page stored by a release of tidings
// under the id that release gave it (testdata/html/former/ids.txt), read
// otherwise since, is the same article when imported again: updated, or
// unchanged, never added a second time; and unchanged after that.
func TestReleasedPagesImportedAgain(t *testing.T) {
	ctx := context.Background()
	list, err := os.ReadFile("testdata/html/former/ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(list)) {
		file, id, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok || strings.HasPrefix(file, "#") {
			continue
		}
		t.Run(file+"@"+id, func(t *testing.T) {
			now := []feeds.Article{readFile(t, "testdata/html/former/"+file)}
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// As the release stored it: under its id, titled as pages
			// were titled before reader-view reading (by their <title>),
			// which is what an id of a page's text alone is found under
			// (feeds.Article.LooseID); its text then aside.
			then := now[0]
			then.ExternalID, then.FormerIDs, then.LooseID = id, nil, ""
			then.Body += "\n\nAs read then."
			if data, err := os.ReadFile("testdata/html/former/" + file); err == nil && strings.HasSuffix(file, ".html") {
				if legacy, err := feeds.LegacyHTMLFile(data); err == nil {
					then.Title = legacy.Title
				}
			}
			if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || len(outs) != 1 || outs[0] != store.Added {
				t.Fatalf("the import of then: %v, %v", outs, err)
			}
			for i, want := range []store.Outcome{store.Updated, store.Unchanged} {
				outs, err := s.Import(ctx, now)
				if err != nil || len(outs) != 1 || outs[0] != want {
					t.Errorf("import %d: %v, %v; want %v", i+1, outs, err, want)
				}
				if n, err := s.Count(ctx, ""); err != nil || n != 1 {
					t.Errorf("import %d: %d articles (%v), want 1", i+1, n, err)
				}
			}
		})
	}
}

// readFile reads file as tidings import does, failing the test unless it
// holds exactly one article, which it returns.
func readFile(t *testing.T, file string) feeds.Article {
	t.Helper()
	var arts []feeds.Article
	if err := feeds.Read(file, func(it feeds.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
		return nil
	}); err != nil || len(arts) != 1 {
		t.Fatalf("%s: %d articles, %v", file, len(arts), err)
	}
	return arts[0]
}
