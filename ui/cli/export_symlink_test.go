package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExportWritesThroughLinks: an export's file that is a symbolic link
// (a nightly export into a synced folder) is written where the link points,
// and stays a link, where the link was replaced by a plain file and the
// synced copy never updated: the JSON export's file, a Markdown file and
// the manifest, a link to a link, a relative link, and one whose target
// is not there yet. (A Markdown file's name that is a link to nothing is
// no export of the article's, and is left alone.) A killed JSON export's
// temporary file beside the target is removed, as one in the folder is.
func TestExportWritesThroughLinks(t *testing.T) {
	st := notedStore(t)
	mdFile := "undated-one-1.md"
	for name, tt := range map[string]struct {
		format, file string
		relative     bool // the link's target relative to the link's folder
		chained      bool // a link to a link to the file
		dangling     bool // the target not there before the export
	}{
		"the JSON export":           {format: "json", file: ExportJSONName},
		"the JSON export, relative": {format: "json", file: ExportJSONName, relative: true},
		"the JSON export, chained":  {format: "json", file: ExportJSONName, chained: true},
		"the JSON export, dangling": {format: "json", file: ExportJSONName, dangling: true},
		"a Markdown file":           {format: "md", file: mdFile},
		"the manifest":              {format: "md", file: manifestName, relative: true},
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			out, synced := filepath.Join(root, "out"), filepath.Join(root, "synced")
			for _, d := range []string{out, synced} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			target := filepath.Join(synced, "export-file")
			if tt.file == mdFile {
				// Yesterday's export, as tidings wrote it, moved to the
				// synced folder: the manifest's sum is of it.
				exportInto(t, st, "md", out)
				if err := os.Rename(filepath.Join(out, mdFile), target); err != nil {
					t.Fatal(err)
				}
			} else if !tt.dangling {
				writeText(t, target, "yesterday's export\n")
			}
			link, to := filepath.Join(out, tt.file), target
			if tt.relative {
				to = filepath.Join("..", "synced", "export-file")
			}
			if tt.chained {
				middle := filepath.Join(synced, "latest")
				if err := os.Symlink(target, middle); err != nil {
					t.Skipf("symbolic links: %v", err)
				}
				to = middle
			}
			if err := os.Symlink(to, link); err != nil {
				t.Skipf("symbolic links: %v", err)
			}
			if tt.format == "json" {
				// A killed export's temporary file, as large as the export,
				// left beside the target: the next export removes it.
				stale := filepath.Join(synced, exportTemp+"1234567")
				writeText(t, stale, "{}\n")
				hoursAgo := time.Now().Add(-2 * time.Hour)
				if err := os.Chtimes(stale, hoursAgo, hoursAgo); err != nil {
					t.Fatal(err)
				}
			}
			if err := st.SetStarred(t.Context(), []int64{1}, true); err != nil {
				t.Fatal(err)
			}
			exportInto(t, st, tt.format, out)

			if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s is no longer a link: %v", tt.file, err)
			}
			got := readText(t, target)
			if strings.Contains(got, "yesterday") || !strings.Contains(got, "One") && tt.file != manifestName {
				t.Errorf("the file linked to holds:\n%s\nwant the export", got)
			}
			if tt.file == manifestName && !strings.Contains(got, mdFile) {
				t.Errorf("the manifest linked to holds:\n%s\nwant the sum of %s", got, mdFile)
			}
			entries, err := os.ReadDir(synced)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), exportTemp) {
					t.Errorf("a temporary file left beside the target: %s", e.Name())
				}
			}
		})
	}
}
