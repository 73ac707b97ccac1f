package ui

import (
	"strings"
	"testing"
)

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
		if got := footnotes(tt.in); got != tt.want {
			t.Errorf("%s: footnotes(%q)\n got %q\nwant %q", name, tt.in, got, tt.want)
		}
	}
}

// TestFootnotesRendered: a long read's footnote is shown as [1] where it
// is referred to and under a rule at the end, not as written ([^1]).
func TestFootnotesRendered(t *testing.T) {
	md := "Sixty years later the city is arguing about bringing them back.[^1]\n\n" +
		"- A list item with a note.[^n]\n\n" +
		"The arithmetic is simple.\n\n" +
		"[^1]: The Herald, 5 September 1962.\n" +
		"[^n]: A note of\n    two lines,\n\n    and a second paragraph."
	lines := renderedLines(t, md, 80)
	s := strings.Join(lines, "\n")
	if strings.Contains(s, "[^") {
		t.Errorf("a footnote is shown as written:\n%s", s)
	}
	for _, want := range []string{
		"Sixty years later the city is arguing about bringing them back.[1]",
		"• A list item with a note.[2]",
		"[1] The Herald, 5 September 1962.",
		"[2] A note of two lines,",
		"and a second paragraph.",
	} {
		if indexOf(lines, want) < 0 {
			t.Errorf("no line %q:\n%s", want, s)
		}
	}
	if rule, note := indexOf(lines, "--------"), indexOf(lines, "[1] The Herald, 5 September 1962."); rule < 0 || rule > note {
		t.Errorf("the notes do not follow a rule:\n%s", s)
	}
}

// TestHighlightsAroundFootnotes: a passage in a footnote, and one after a
// footnote written in the middle of an article, are drawn on their words.
func TestHighlightsAroundFootnotes(t *testing.T) {
	st, _ := openLibrary(t)
	id := importBody(t, st, "The first paragraph refers to a note.[^1]\n\n"+
		"[^1]: The note, in the middle of the article.\n\n"+
		"The paragraph after the note is highlighted.\n\nThe end.")
	addNotes(t, st, id, passage(t, st, id, "The note, in the middle of the article."),
		passage(t, st, id, "The paragraph after the note is highlighted."))
	m := openReader(t, st, 80, 24)
	want := "The note, in the middle of the article. The paragraph after the note is highlighted."
	if got := styledText(m.View().Content, root(t, m).styles.passageSGR); got != want {
		t.Errorf("the passages are drawn on %q, want %q\n%s", got, want, viewText(m))
	}
	if s := viewText(m); !strings.Contains(s, "note.[1]") || !strings.Contains(s, "[1] The note") {
		t.Errorf("the footnote is not shown as [1]:\n%s", s)
	}
}
