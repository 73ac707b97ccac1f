package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
)

// TestBrowserLabelsNoteWithoutWords: the annotation browser says
// "highlighted, no note" of a passage highlighted without a note, and of
// nothing else: a note whose Markdown shows no words ("-", "***") is
// shown as written, on a passage or on the whole article, which is never
// a highlight.
func TestBrowserLabelsNoteWithoutWords(t *testing.T) {
	st := newStyles(true, true, nil)
	for _, tc := range []struct {
		name        string
		quote, note string
		want        string
	}{
		{"whole article, a dash", "", "-", st.glyphs.annotated + " -"},
		{"whole article, a rule", "", "***", st.glyphs.annotated + " ***"},
		{"whole article, no words at all", "", "  ", "a note without words"},
		{"passage, a dash", "The ferry is back.", "-", st.glyphs.annotated + " -"},
		{"passage, no note", "The ferry is back.", "", "highlighted, no note"},
		{"passage, words", "The ferry is back.", "Good news.", st.glyphs.annotated + " Good news."},
	} {
		r := store.AnnotationRow{Annotation: store.Annotation{Quote: tc.quote, Note: tc.note}, Title: "Ferry returns"}
		lines := browserItem(r, false, 60, nil, st)
		if got := strings.TrimSpace(ansi.Strip(lines[2])); got != tc.want {
			t.Errorf("%s: the note's line is %q, want %q", tc.name, got, tc.want)
		}
	}
}
