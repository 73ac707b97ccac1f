package ui

import (
	"strings"
	"testing"
)

// TestTagEditorOnASmallScreen: on a screen of a few lines the tag editor
// keeps its border, the line typed in and the footer in sight, as the note
// editor does, its other rows giving way; and a row of chips shows a chip,
// not only "…".
func TestTagEditorOnASmallScreen(t *testing.T) {
	lib := newLibrary(t, 3)
	tests := []struct {
		width, height int
		want          []string // lines that start so, in order
	}{
		// Too narrow for every key of the footer: the way out stays.
		{20, 6, []string{"╭", "│ Tag “Article 00", "│ on it #defence", "│ › ", "╰", " esc cancel"}},
		{20, 5, []string{"╭", "│ Tag “Article 00", "│ › ", "╰", " esc cancel"}},
		{20, 4, []string{"╭", "│ › ", "╰", " esc cancel"}},
		{24, 8, []string{"╭", "│ Tag “Article 00", "│ on it #defence", "│ › ", "│ suggested", "│ tags", "╰", " esc cancel"}},
		{40, 12, []string{"│ Tag “Article 00", "│ on it     #defence #ukraine", "│ › ", "│ suggested", "│ tags      —", "╰", "", " enter apply • tab complete • esc cancel"}},
	}
	for _, tt := range tests {
		m := start(t, lib, Config{}, tt.width, tt.height)
		m = steps(t, m, "j", "t")
		if root(t, m).mode() != modeTagEdit {
			t.Fatalf("%dx%d: t did not open the tag editor", tt.width, tt.height)
		}
		checkFits(t, m, tt.width, tt.height)
		lines := strings.Split(viewText(m), "\n")
		lines = lines[len(lines)-len(tt.want):]
		for i, want := range tt.want {
			if !strings.HasPrefix(lines[i], want) {
				t.Errorf("%dx%d: line %d is %q, want it to start %q:\n%s", tt.width, tt.height, i, lines[i], want, viewText(m))
			}
		}
		// The note editor at the same size, for comparison: its box is
		// whole too, from 5 lines.
		if tt.height < 5 {
			continue
		}
		m = steps(t, m, "esc", "enter", "a")
		if s := viewText(m); !strings.Contains(s, "╰") {
			t.Errorf("%dx%d: the note editor lost its border:\n%s", tt.width, tt.height, s)
		}
	}
}
