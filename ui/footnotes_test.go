package ui

import (
	"strings"
	"testing"
)

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
