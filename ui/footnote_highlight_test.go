package ui

import (
	"strings"
	"testing"

	"tidings/store"
)

// TestHighlightOverFootnoteReference: a sentence with a footnote's
// reference in it, selected and highlighted, is drawn whole, the reference
// ([1] on the screen) with it, and its quote reads as the screen does. A
// note whose quote has the reference as written ([^1], from an export of
// before) is drawn whole too.
func TestHighlightOverFootnoteReference(t *testing.T) {
	const (
		body = "A paragraph with a footnote reference[^1] in the middle. Another sentence follows it.\n\n" +
			"[^1]: The footnote text explains the reference."
		shown = "A paragraph with a footnote reference[1] in the middle."
	)
	t.Run("selected in the reader", func(t *testing.T) {
		st, _ := openLibrary(t)
		importBody(t, st, body)
		m := openReader(t, st, 80, 24)
		styles := root(t, m).styles
		m = step(t, m, press("v"))
		if sel, _ := root(t, m).reader.selected(); sel.Quote != shown {
			t.Errorf("v selected %q, want %q", sel.Quote, shown)
		}
		if got := styledText(m.View().Content, styles.selectionSGR); got != shown {
			t.Errorf("drawn as selected: %q, want %q\n%s", got, shown, viewText(m))
		}
		m = steps(t, m, "a", "ctrl+s")
		notes := notesOf(t, st, root(t, m).reader.id())
		if len(notes) != 1 || notes[0].Quote != shown {
			t.Fatalf("saved %+v, want the quote %q", notes, shown)
		}
		if got := styledText(m.View().Content, styles.passageCurrentSGR); got != shown {
			t.Errorf("drawn as highlighted: %q, want %q\n%s", got, shown, viewText(m))
		}
	})
	t.Run("quoted as written", func(t *testing.T) {
		st, _ := openLibrary(t)
		id := importBody(t, st, body)
		addNotes(t, st, id, store.Annotation{Quote: "A paragraph with a footnote reference[^1] in the middle.",
			Suffix: " Another sentence follows it.", Note: "footnoted sentence"})
		m := openReader(t, st, 80, 24)
		if got := styledText(m.View().Content, root(t, m).styles.passageSGR) +
			styledText(m.View().Content, root(t, m).styles.passageCurrentSGR); got != shown {
			t.Errorf("drawn as highlighted: %q, want %q\n%s", got, shown, viewText(m))
		}
		if s := viewText(m); !strings.Contains(s, "reference[1] in the middle.") {
			t.Errorf("the reference is not shown as [1]:\n%s", s)
		}
	})
}
