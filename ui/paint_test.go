package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// A paint draws exactly what lipgloss draws, in every row style of every
// theme, and falls back to lipgloss where a line would not be plain.
func TestPaintDrawsAsLipglossDoes(t *testing.T) {
	texts := []string{"x", " ", "Storm Shadow", "東京の記者", "2024-03-05", "●", "a\tb", "two\nlines", "…   "}
	for _, theme := range []struct{ dark, noColor bool }{{true, false}, {false, false}, {true, true}} {
		st := newStyles(theme.dark, theme.noColor, nil)
		all := []lipgloss.Style{lipgloss.NewStyle(), st.mark, st.cursorBar, st.unread, st.date, st.dateUnknown,
			st.source, st.title, st.titleRead, st.headerDim, st.annotated, st.star, st.match, st.box}
		for i, s := range all {
			for _, sel := range []bool{false, true} {
				if sel {
					s = s.Inherit(st.selected)
				}
				sp := newPaint(s)
				for _, text := range texts {
					if got, want := sp.render(text), s.Render(text); got != want {
						t.Errorf("theme %+v, style %d, selected %v, %q: paint %q, lipgloss %q", theme, i, sel, text, got, want)
					}
				}
			}
		}
	}
}
