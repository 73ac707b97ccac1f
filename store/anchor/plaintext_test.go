package anchor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	tests := map[string]struct{ md, want string }{
		"paragraphs":      {"One two.\n\n\n\nThree four.\n", "One two.\n\nThree four."},
		"soft break":      {"one\ntwo", "one two"},
		"hard break":      {"one  \ntwo\\\nthree", "one\ntwo\nthree"},
		"emphasis":        {"a *b* __c__ ~~d~~ e", "a b c d e"},
		"escapes":         {`1\. not a list \*nor emphasis\* \\`, `1. not a list *nor emphasis* \`},
		"entities":        {"fish &amp; chips &#233;t&eacute; &lt;b&gt;", "fish & chips été <b>"},
		"control entity":  {"bell&#7;here &#x1b;[31m", "bellhere [31m"},
		"link":            {"see [the report](https://example.com/r \"title\") now", "see the report now"},
		"autolink":        {"at <https://example.com> or www.example.org", "at https://example.com or www.example.org"},
		"image":           {"![a harbour crane](crane.png) stands", "a harbour crane stands"},
		"code span":       {"run `go  test` now", "run go  test now"},
		"code block":      {"before\n\n```go\nx := 1\n\ny := 2\n```\n\nafter", "before\n\nx := 1\n\ny := 2\n\nafter"},
		"indented code":   {"before\n\n    code line\n\nafter", "before\n\ncode line\n\nafter"},
		"headings":        {"# Title\n\nText.\n\n## Part *two*\nMore.", "Title\n\nText.\n\nPart two\n\nMore."},
		"tight list":      {"Items:\n\n- one\n- two *2*\n- three\n\nEnd.", "Items:\n\none\ntwo 2\nthree\n\nEnd."},
		"loose list":      {"- one\n\n- two\n", "one\n\ntwo"},
		"ordered list":    {"1. first\n2. second", "first\nsecond"},
		"nested list":     {"- a\n  - b\n- c", "a\nb\nc"},
		"task list":       {"- [x] done\n- [ ] todo", "done\ntodo"},
		"block quote":     {"> quoted\n> on two lines\n\nafter", "quoted on two lines\n\nafter"},
		"table":           {"| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter", "a b\n1 2\n3 4\n\nafter"},
		"raw html":        {"a <span>b</span> c\n\n<div>\nblock\n</div>\n\nd", "a b c\n\nblock\n\nd"},
		"thematic break":  {"a\n\n---\n\nb", "a\n\nb"},
		"empty":           {"", ""},
		"only markup":     {"---\n\n<!-- x -->", ""},
		"definition list": {"Term\n: Definition here\n\nNext", "Term\nDefinition here\n\nNext"},
		"footnotes, as the reader shows them": {"A reference[^1] in the middle.[^n]\n\n[^1]: The first note.\n[^n]: The second.",
			"A reference[1] in the middle.[2]\n\n[1] The first note.\n\n[2] The second."},
		"a footnote where it is written": {"One.[^1]\n\n[^1]: Note.\n\nTwo.", "One.[1]\n\n[1] Note.\n\nTwo."},
		"no footnote":                    {"A[^x] stays.\n\n[^y]: An unused note.", "A[^x] stays.\n\n[^y]: An unused note."},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := PlainText(tt.md); got != tt.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tt.md, got, tt.want)
			}
		})
	}
}

// TestPlainTextOfSamples: the bundled demo articles read as their words,
// paragraph by paragraph, and a quote taken from the plain text is found in
// it again.
func TestPlainTextOfSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "feeds", "demo", "articles", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no demo articles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		plain := PlainText(string(data))
		if plain == "" {
			t.Errorf("%s: no text", f)
			continue
		}
		for _, bad := range []string{"**", "](", "\n\n\n"} {
			if strings.Contains(plain, bad) {
				t.Errorf("%s: plain text holds %q", f, bad)
			}
		}
		mid := len(plain) / 2
		sel := Make(plain, mid, min(mid+40, len(plain)))
		if start, _, ok := Find(plain, sel); !ok || start > mid {
			t.Errorf("%s: a quote from the middle is not found again", f)
		}
	}
}
