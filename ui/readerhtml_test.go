package ui

import (
	"strings"
	"testing"
)

// TestHTMLBlocksCanBeQuoted: the text of a block of HTML, which the reader
// shows, is a paragraph of its own on the screen, can be selected, is
// drawn as selected, and a passage across it quotes it and is saved
// anchored.
func TestHTMLBlocksCanBeQuoted(t *testing.T) {
	body := "The first sentence ONE. A second sentence here TWO.\n\n" +
		"<div class=\"note\">\nSome text inside a div DIVTEXT.\n</div>\n\n" +
		"<details><summary>Click to expand SUMMARYTEXT</summary>\n\nHidden content DETAILSTEXT.\n\n</details>\n\n" +
		"After the div FOUR. More FIVE."
	m := openBody(t, body, 80, 30)
	lines := bodyLines(t, viewText(m))
	var shown []string
	for _, l := range lines {
		shown = append(shown, strings.TrimSpace(l))
	}
	screen := strings.Join(shown, "\n")
	for _, want := range []string{"TWO.\n\nSome text inside a div DIVTEXT.\n\nClick to expand SUMMARYTEXT\n\nHidden content DETAILSTEXT.\n\nAfter the div FOUR."} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q:\n%s", want, screen)
		}
	}
	m = steps(t, m, "v", "j", "j", "j", "j", "j")
	r := root(t, m)
	sel, ok := r.reader.selected()
	if !ok {
		t.Fatal("v selects nothing")
	}
	want := "A second sentence here TWO.\n\nSome text inside a div DIVTEXT.\n\nClick to expand SUMMARYTEXT\n\nHidden content DETAILSTEXT.\n\nAfter the div FOUR."
	if !strings.Contains(sel.Quote, want) {
		t.Errorf("the passage is %q, want it to hold %q", sel.Quote, want)
	}
	if got := styledText(m.View().Content, r.styles.selectionSGR); got != words(sel.Quote) {
		t.Errorf("drawn as selected: %q, want %q", got, words(sel.Quote))
	}
	m = steps(t, m, "a", "ctrl+s")
	st := root(t, m).reader.lib
	notes, err := st.Annotations(t.Context(), root(t, m).reader.id())
	if err != nil || len(notes) != 1 {
		t.Fatalf("%d notes saved (%v)", len(notes), err)
	}
	if n := notes[0]; n.Orphaned || n.Quote != sel.Quote {
		t.Errorf("saved %+v, want the passage %q anchored", n, sel.Quote)
	}
}
