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

// pngURI is a picture written into its own address.
const pngURI = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

// TestDataImagesImported: a Markdown file's picture written into its own
// address (a data: URI), and one in a JSON Lines record's body, are
// imported as their alt text: the library and its search index hold no
// base64, the alt text is found. Imported by a tidings that kept them, the
// file and the record are found again by the ids they had then: updated,
// not added a second time.
func TestDataImagesImported(t *testing.T) {
	ctx := context.Background()
	tests := map[string]struct {
		name, file, before, body string
	}{
		"a Markdown file": {"dataimg.md",
			"---\ntitle: Data Image\ndate: 2025-02-14\nsource: Wire\n---\n\nBefore DATABEFORE.\n\n![chart](" + pngURI + ")\n\nAfter DATAAFTER.\n",
			"h:534c11efa3baa428a080133d23259bd5", "Before DATABEFORE.\n\nchart\n\nAfter DATAAFTER."},
		"a JSON Lines record": {"dataimg.jsonl",
			`{"title":"Data Image","source":"Wire","published":"2025-02-14T00:00:00Z","body":"Before.\n\n![chart](` + pngURI + `)\n\nAfter."}` + "\n",
			"h:3ae61ad77a5051443ea88fc6da7723f8", "Before.\n\nchart\n\nAfter."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(file, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			now := []feeds.Article{readFile(t, file)}
			if now[0].Body != tc.body {
				t.Errorf("body %q, want %q", now[0].Body, tc.body)
			}
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// As 509d484 stored it, under the id it gave it.
			then := now[0]
			then.ExternalID, then.FormerIDs, then.LooseID = tc.before, nil, ""
			then.Body = strings.Replace(now[0].Body, "\n\nchart\n\n", "\n\n![chart]("+pngURI+")\n\n", 1)
			if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || outs[0] != store.Added {
				t.Fatalf("the import of then: %v, %v", outs, err)
			}
			if outs, err := s.Import(ctx, now); err != nil || len(outs) != 1 || outs[0] != store.Updated {
				t.Errorf("imported again: %v, %v; want updated", outs, err)
			}
			for q, want := range map[string]int{"": 1, "chart": 1, "base64": 0, "png": 0} {
				if n, err := s.Count(ctx, q); err != nil || n != want {
					t.Errorf("search %q: %d articles (%v), want %d", q, n, err, want)
				}
			}
		})
	}
}
