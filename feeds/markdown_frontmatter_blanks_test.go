package feeds

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFrontMatterAfterBlankLines: a Markdown file that opens with blank
// lines (empty, or of spaces and tabs; after a byte order mark too) before
// its front matter, as files of Hugo's and Zola's sites do, has its title,
// date and tags read from it, whether it is read from a file or piped to
// import -. Text before the "---" keeps it a rule in the body.
func TestFrontMatterAfterBlankLines(t *testing.T) {
	date := time.Date(2020, 1, 5, 0, 0, 0, 0, time.UTC)
	for name, text := range map[string]string{
		"YAML after an empty line":       "\n---\ntitle: \"Leading blank line\"\ndate: 2020-01-05\ntags: [a]\n---\n\nBody.\n",
		"YAML after lines of spaces":     "  \n\t\n---\ntitle: \"Leading blank line\"\ndate: 2020-01-05\ntags: [a]\n---\n\nBody.\n",
		"YAML after a BOM and CRLF":      "\ufeff\r\n---\r\ntitle: \"Leading blank line\"\r\ndate: 2020-01-05\r\ntags: [a]\r\n---\r\n\r\nBody.\r\n",
		"TOML after an empty line":       "\n+++\ntitle = \"Leading blank line\"\ndate = 2020-01-05\ntags = [\"a\"]\n+++\n\nBody.\n",
		"TOML after lines of spaces":     " \t\n\r\n+++\ntitle = \"Leading blank line\"\ndate = 2020-01-05\ntags = [\"a\"]\n+++\n\nBody.\n",
		"JSON after an empty line":       "\n{\"title\": \"Leading blank line\", \"date\": \"2020-01-05\", \"tags\": [\"a\"]}\n\nBody.\n",
		"JSON over lines after a blank":  "\n\n{\n  \"title\": \"Leading blank line\",\n  \"date\": \"2020-01-05\",\n  \"tags\": [\"a\"]\n}\n\nBody.\n",
		"YAML with no blank line at all": "---\ntitle: \"Leading blank line\"\ndate: 2020-01-05\ntags: [a]\n---\n\nBody.\n",
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "post.md")
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			read := map[string][]Item{"file": readAll(t, file)}
			if !strings.Contains(name, "JSON") {
				// Piped, a JSON object is read as JSON, blank lines
				// before it or not: only a file named .md reads it as
				// front matter.
				read["import -"] = readString(t, "-", text)
			}
			for how, items := range read {
				if len(items) != 1 || items[0].Err != nil {
					t.Fatalf("%s: %+v", how, items)
				}
				a := items[0].Article
				if a.Title != "Leading blank line" || !a.Published.Equal(date) || !slices.Equal(a.Tags, []string{"a"}) || a.Body != "Body." {
					t.Errorf("%s: title %q, date %v, tags %q, body %q; want the front matter read", how, a.Title, a.Published, a.Tags, a.Body)
				}
			}
		})
	}
}

// TestTextBeforeFrontMatterIsBody: only blank lines may come before front
// matter; after a line of text, "---" is a rule of a plain Markdown body
// and the lines after it are text.
func TestTextBeforeFrontMatterIsBody(t *testing.T) {
	items := readString(t, "note.md", "\nIntro.\n---\ntitle: Not front matter\n---\n\nBody.\n")
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%+v", items)
	}
	a := items[0].Article
	if a.Title == "Not front matter" || !strings.Contains(a.Body, "title: Not front matter") || !a.Published.IsZero() {
		t.Errorf("title %q, body %q, date %v: want the lines kept in the body", a.Title, a.Body, a.Published)
	}
}

// TestSniffFrontMatterAfterBlankLines: piped content that opens with
// blank lines before "---" or "+++" is Markdown, as a file named .md is.
func TestSniffFrontMatterAfterBlankLines(t *testing.T) {
	for _, head := range []string{
		"\n---\ntitle: A\n---\n\nBody.\n",
		" \t\r\n\n+++\ntitle = \"A\"\n+++\n\nBody.\n",
		"\ufeff\n---\ntitle: A\n---\n",
	} {
		if got, err := sniff([]byte(head), true, "-"); err != nil || got != formatMarkdown {
			t.Errorf("sniff(%q) = %v, %v; want Markdown", head, got, err)
		}
	}
	if got, err := sniff([]byte("\nIntro.\n---\n"), true, "-"); err == nil && got == formatMarkdown {
		t.Errorf("text before \"---\": read as Markdown with front matter")
	}
}
