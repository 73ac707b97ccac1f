package anchor

import (
	"strings"
	"testing"
)

// TestFootnotes: footnotes are written as a browser shows them, where they
// are written; those that are not notes the reader can show stay as they
// are.
func TestFootnotes(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"none":           {"No notes. [a link][1]\n\n[1]: https://x.org", "No notes. [a link][1]\n\n[1]: https://x.org"},
		"at the end":     {"Back.[^1]\n\n[^1]: *The Herald*, 1962.", "Back.\\[1\\]\n\n\n---\n\n\\[1\\] *The Herald*, 1962."},
		"named":          {"A footnote.[^n]\n\n[^n]: The text.", "A footnote.\\[1\\]\n\n\n---\n\n\\[1\\] The text."},
		"in their order": {"A[^b] and B[^a].\n\n[^a]: Ay\n[^b]: Bee", "A\\[1\\] and B\\[2\\].\n\n\n---\n\n\\[2\\] Ay\n\n\n\\[1\\] Bee"},
		"where written":  {"One.[^1]\n\n[^1]: Note.\n\nTwo.", "One.\\[1\\]\n\n\\[1\\] Note.\n\nTwo."},
		"after a line":   {"One.[^1]\n[^1]: Note.\n\nTwo.", "One.\\[1\\]\n\n\\[1\\] Note.\n\nTwo."},
		"a lazy line":    {"One.[^1]\n\n[^1]: Note\ngoes on.\n\nTwo.", "One.\\[1\\]\n\n\\[1\\] Note\ngoes on.\n\nTwo."},
		"paragraphs": {"One.[^1]\n\n[^1]: First\n    goes on.\n\n    Second.\n\nAfter.",
			"One.\\[1\\]\n\n\\[1\\] First\ngoes on.\n\nSecond.\n\nAfter."},
		"a reference in a note": {"A[^1]\n\n[^1]: See[^2].\n\n[^2]: Two.", "A\\[1\\]\n\n\n---\n\n\\[1\\] See\\[2\\].\n\n\\[2\\] Two."},
		"an image's bang":       {"Wow![^1]\n\n[^1]: Yes.", "Wow!\\[1\\]\n\n\n---\n\n\\[1\\] Yes."},
		"in code":               {"`[^1]` and[^1]\n\n```\n[^1]: code\n```\n\n[^1]: Note.", "`[^1]` and\\[1\\]\n\n```\n[^1]: code\n```\n\n\n---\n\n\\[1\\] Note."},
		"no definition":         {"A[^x] stays.", "A[^x] stays."},
		"no reference":          {"Text.\n\n[^x]: Unused.", "Text.\n\n[^x]: Unused."},
		"in a quote":            {"A[^1]\n\n> [^1]: Quoted.", "A[^1]\n\n> [^1]: Quoted."},
	}
	// Too many to look up in time: shown as written.
	many := strings.Repeat("A note.[^1]\n\n", maxFootnoteMarks) + "[^1]: The note."
	tests["too many"] = struct{ in, want string }{many, many}
	for name, tt := range tests {
		if got := Footnotes(tt.in); got != tt.want {
			t.Errorf("%s: Footnotes(%q)\n got %q\nwant %q", name, tt.in, got, tt.want)
		}
	}
}
