package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSaysAFolderHadNothing: a folder with nothing to read in it is
// named, with what import reads, rather than left at "0 added"; one whose
// files were all skipped says so in the same line. A folder read already by
// another path, or with files in it, is not said to be empty.
func TestImportSaysAFolderHadNothing(t *testing.T) {
	dir := tree(t, map[string]string{
		"news/a.txt":     sampleArticle(1, "2024-03-05", "One."),
		"pics/photo.jpg": "\xff\xd8\xff",
		"hidden/.notes":  "x",
	}, nil)
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  string
	}{
		{[]string{"empty"}, "0 added, 0 updated, 0 unchanged, 0 failed\n" +
			"warning: empty: no files to import in it; " + importFormats + "\n"},
		{[]string{"hidden"}, "0 added, 0 updated, 0 unchanged, 0 failed\n" +
			"warning: hidden: no files to import in it; " + importFormats + "\n"},
		{[]string{"pics"}, "0 added, 0 updated, 0 unchanged, 0 failed\n" +
			"warning: pics: no files to import in it: skipped 1 file that is not an article (an image); " + importFormats + "\n"},
		{[]string{"news", "news"}, "1 added, 0 updated, 0 unchanged, 0 failed\n" +
			`warning: news: the same folder as "news", read once` + "\n"},
	} {
		st := openStore(t)
		if _, got := importPaths(t, st, dir, tt.paths...); got != tt.want {
			t.Errorf("import %q:\n%s\nwant\n%s", tt.paths, got, tt.want)
		}
	}
	for _, f := range []string{"Markdown", "HTML", "JSON Lines", "RSS", "the sample format"} {
		if !strings.Contains(importFormats, f) {
			t.Errorf("importFormats does not name %s: %q", f, importFormats)
		}
	}
}
