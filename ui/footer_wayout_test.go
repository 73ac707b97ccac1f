package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestFootersKeepTheWayOut: on a narrow terminal every footer keeps the way
// out of what has the keyboard (back, close, cancel; quit on the first
// screen) and the help key, the other hints dropping first, from the
// right: at 40 columns all of them show, at 20 the first whole.
func TestFootersKeepTheWayOut(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	empty, _ := openLibrary(t)
	tests := []struct {
		name    string
		lib     Library
		keys    []string
		wayOut  []string // in the footer at 40 columns, in this order
		hintAt4 string   // a hint that still shows at 40 columns, if any
	}{
		{"list", lib, nil, []string{"? help", "q quit"}, "↑/k up"},
		{"welcome", empty, nil, []string{"? help", "q quit"}, ""},
		{"reader", lib, []string{"enter"}, []string{"esc/h back", "? help"}, ""},
		{"reader from the browser", lib, []string{"A", "enter"}, []string{"esc/h back", "? help"}, ""},
		{"passage selection", lib, []string{"enter", "v"}, []string{"esc/h cancel", "? help"}, ""},
		{"filter", lib, []string{"/"}, []string{"esc clear filter"}, "enter keep filter"},
		{"tag editor", lib, []string{"t"}, []string{"esc cancel"}, "enter apply"},
		{"note editor", lib, []string{"enter", "a"}, []string{"esc cancel"}, "ctrl+s save"},
		{"quit question", lib, []string{"enter", "a", "x", "ctrl+c"}, []string{"n/esc no"}, "y yes"},
		{"mark all read question", lib, []string{"M"}, []string{"n/esc no"}, "y yes"},
		{"save search prompt", lib, []string{"/", "x", "enter", "ctrl+s"}, []string{"esc cancel"}, "enter save"},
		{"annotation browser", lib, []string{"A"}, []string{"esc/h back", "? help"}, "↑/k up"},
		{"annotation browser filter", lib, []string{"A", "/"}, []string{"esc clear filter"}, "enter keep filter"},
		{"tags panel", lib, []string{"#"}, []string{"esc/h close", "? help"}, "↑/k up"},
		{"links panel", lib, []string{"enter", "L"}, []string{"esc/h close", "? help"}, "↑/k up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{}
			if tt.lib == empty {
				cfg.LoadSamples = func(context.Context) error { return nil }
			}
			m := start(t, tt.lib, cfg, 80, 24)
			m = steps(t, m, tt.keys...)
			for _, width := range []int{40, 20} {
				m = step(t, m, tea.WindowSizeMsg{Width: width, Height: 24})
				f := ansi.Strip(root(t, m).footer())
				if w := ansi.StringWidth(f); w > width {
					t.Errorf("%d columns: the footer is %d cells wide: %q", width, w, f)
				}
				want := tt.wayOut
				if width == 20 {
					want = want[:1]
				} else if tt.hintAt4 != "" && !strings.Contains(f, tt.hintAt4) {
					t.Errorf("%d columns: the footer drops %q, for which there is room: %q", width, tt.hintAt4, f)
				}
				rest := f
				for _, w := range want {
					i := strings.Index(rest, w)
					if i < 0 {
						t.Errorf("%d columns: the footer does not show %q: %q", width, w, f)
						break
					}
					rest = rest[i+len(w):]
				}
			}
		})
	}
}
