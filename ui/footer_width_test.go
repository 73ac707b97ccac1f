package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// footerLine is the last line of the view: the footer's help.
func footerLine(m tea.Model) string {
	s := strings.Split(strings.TrimRight(viewText(m), "\n"), "\n")
	return s[len(s)-1]
}

// TestFootersAt80Columns: on an 80-column terminal every screen's footer
// shows how to leave it and where the rest of the keys are, and what the
// screen is for; what does not fit is in the ? help.
func TestFootersAt80Columns(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	tests := []struct {
		name string
		keys []string
		want []string // in the footer, in this order
	}{
		{"list", nil, []string{"↑/k up", "↓/j down", "enter/l open", "/ filter", "? help", "q quit"}},
		{"reader", []string{"enter"}, []string{"esc/h back", "n/J next", "a note", "v select", "? help", "q quit"}},
		{"reader from the browser", []string{"A", "enter"}, []string{"esc/h back", "n/J next annotated", "? help"}},
		{"passage selection", []string{"enter", "v"},
			[]string{"j/w next sentence", "k/b previous", "a note/highlight", "esc cancel", "? help"}},
		{"filter", []string{"/"}, []string{"enter keep filter", "esc clear filter"}},
		{"tag editor", []string{"t"}, []string{"enter apply", "tab complete", "esc cancel"}},
		{"note editor", []string{"enter", "a"}, []string{"ctrl+s save", "esc cancel"}},
		{"quit question", []string{"enter", "a", "x", "ctrl+c"}, []string{"y yes", "n/esc no"}},
		{"save search prompt", []string{"/", "x", "ctrl+s"}, []string{"enter save", "esc cancel"}},
		{"annotation browser", []string{"A"}, []string{"enter/l open", "/ filter", "esc/h back", "? help", "q quit"}},
		{"annotation browser filter", []string{"A", "/"}, []string{"enter keep filter", "esc clear filter"}},
		{"tags panel", []string{"#"}, []string{"enter/l filter by it", "esc/h close", "? help", "q quit"}},
		{"links panel", []string{"enter", "L"}, []string{"enter/o open", "esc/h close", "? help", "q quit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 80, 24)
			m = steps(t, m, tt.keys...)
			f := footerLine(m)
			if w := ansi.StringWidth(f); w > 80 {
				t.Errorf("the footer is %d cells wide: %q", w, f)
			}
			rest := f
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("the footer does not show %q: %q", w, f)
					continue
				}
				rest = rest[i+len(w):]
			}
		})
	}
}
