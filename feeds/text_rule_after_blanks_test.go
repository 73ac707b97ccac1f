package feeds

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTextOpeningWithARuleKeepsItsReading: a .txt file of a blank line,
// "---", a title and "---" before its prose has no front matter (no
// field follows the "---"): it is read in the sample format, as it was
// before front matter after blank lines was read, and keeps the id it
// had then, so that importing it again updates its article. A .md file
// of the same text keeps its id too. A blank line before front matter
// with fields still reads it (TestFrontMatterAfterBlankLines).
func TestTextOpeningWithARuleKeepsItsReading(t *testing.T) {
	const report = "\n---\nQuarterly report\n---\n\nSales rose by ten percent in the third quarter, the company said on Friday.\nProfits were flat.\n"
	// The ids tidings gave these files before (abd62b8).
	for _, tt := range []struct{ name, id, title string }{
		{"report.txt", "h:f171084fdf37ca00c7eba4c9734ffb3f", "---"},
		{"report.md", "h:7dc9b978c8a8e0d62632b439a67fb6a7", "Quarterly report"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
				t.Fatal(err)
			}
			items := readAll(t, file)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.ExternalID != tt.id || a.Title != tt.title {
				t.Errorf("id %s (former %v), title %q; want %s, %q as read before", a.ExternalID, a.FormerIDs, a.Title, tt.id, tt.title)
			}
		})
	}
}

// TestSniffRuleAfterBlankLines: "---" or "+++" after blank lines opens
// front matter only when a field follows before its closing fence.
func TestSniffRuleAfterBlankLines(t *testing.T) {
	for head, want := range map[string]bool{
		"\n---\nQuarterly report\n---\n\nSales rose.\n": false,
		"\n---\n\nJust prose.\n":                        false,
		"\n+++\nNot TOML\n+++\n":                        false,
		"\n---\n# a comment\ntitle: A\n---\n":           true,
		"\n---\n\"title\": A\n---\n":                    true,
		"\n+++\n[params]\nx = 1\n+++\n":                 true,
		"\r\n---\r\ntitle: A\r\n---\r\n":                true,
		"---\nQuarterly report\n---\n":                  true, // read so before
	} {
		if got := isFrontMatterStart([]byte(head)); got != want {
			t.Errorf("isFrontMatterStart(%q) = %v, want %v", head, got, want)
		}
	}
}
