package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tidings/feeds"
)

// TestExportFormatNames: export takes the names import gives its formats,
// markdown and jsonl, for md and json, and writes the same.
func TestExportFormatNames(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Title: "Harbour reopens", Body: "The harbour reopened.", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
	}); err != nil {
		t.Fatal(err)
	}
	export := func(format, out string) string {
		t.Helper()
		var b bytes.Buffer
		if _, err := Export(ctx, st, &b, ExportOptions{Format: format, Out: out}); err != nil {
			t.Fatalf("export --format %s: %v", format, err)
		}
		return b.String()
	}
	if json, jsonl := export("json", ""), export("jsonl", ""); json == "" || jsonl != json {
		t.Errorf("--format jsonl wrote %q, --format json %q", jsonl, json)
	}
	files := func(dir string) []string {
		t.Helper()
		var names []string
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, e.Name()+"\n"+string(b))
		}
		return names
	}
	md, markdown := t.TempDir(), t.TempDir()
	export("md", md)
	export("markdown", markdown)
	if a, b := files(md), files(markdown); len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("--format markdown wrote %q, --format md %q", b, a)
	}
	for format, want := range map[string]string{
		"markdown": "--format markdown writes one file per article: give the folder with --out",
		"xml":      `--format "xml": want md or json`,
		"":         "give --format md or --format json",
	} {
		if err := (ExportOptions{Format: format}).Check(); err == nil || err.Error() != want {
			t.Errorf("--format %q: %v, want %q", format, err, want)
		}
	}
}
