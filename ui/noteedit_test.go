package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A window made small and then large again shows as much of the note as
// fits, the cursor's line among it: not only the lines the small window
// had scrolled to, above empty ones.
func TestNoteEditorResizeShowsTheNote(t *testing.T) {
	var long []string
	for i := range 30 {
		long = append(long, fmt.Sprintf("line %02d", i))
	}
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("word%02d", i))
	}
	wrapped := strings.Join(words, " ")
	tests := map[string]struct {
		text  string
		keys  []string // after the text
		sizes [][2]int // width, height, after the first 100x30
		want  []string // lines the editor shows at the end
	}{
		"three lines, back to the first size": {
			text: "first line\nsecond line\nthird line", sizes: [][2]int{{40, 8}, {100, 30}},
			want: []string{"first line", "second line", "third line"},
		},
		"cursor on the first line": {
			text: "first line\nsecond line\nthird line", keys: []string{"up", "up"},
			sizes: [][2]int{{40, 8}, {100, 30}},
			want:  []string{"first line", "second line", "third line"},
		},
		"a note longer than the box": {
			text: strings.Join(long, "\n"), sizes: [][2]int{{40, 8}, {100, 30}},
			want: long[20:],
		},
		"one long wrapped line": {
			text: wrapped, sizes: [][2]int{{40, 9}, {100, 30}},
			want: []string{"word00", "word30", "word59"},
		},
		"narrower, then wider": {
			text: "first line\nsecond line\nthird line", sizes: [][2]int{{40, 10}, {60, 30}},
			want: []string{"first line", "second line", "third line"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			lib := newLibrary(t, 3)
			m := start(t, lib, Config{}, 100, 30)
			m = step(t, m, press("a"))
			m = typeText(t, m, tt.text)
			m = steps(t, m, tt.keys...)
			for _, s := range tt.sizes {
				m = step(t, m, tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			}
			screen := viewText(m)
			var missing []string
			for _, w := range tt.want {
				if !strings.Contains(screen, w) {
					missing = append(missing, w)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%q not shown:\n%s", missing, screen)
			}
			area := root(t, m).noteEditor.area
			if top, line := area.ScrollYOffset(), area.Line(); line < top || line >= top+area.Height() {
				t.Errorf("the cursor's line %d is out of view (lines %d to %d)", line, top, top+area.Height()-1)
			}
		})
	}
}
