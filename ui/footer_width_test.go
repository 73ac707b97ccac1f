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
		{"reader", []string{"enter"}, []string{"esc/h back", "n next unread", "a note", "v select", "? help", "q quit"}},
		{"reader from the browser", []string{"A", "enter"}, []string{"esc/h back", "n next annotated", "? help", "q quit"}},
		{"passage selection", []string{"enter", "v"},
			[]string{"j/w next sentence", "k/b previous", "a note/highlight", "esc/h", "cancel", "? help"}},
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

// TestFooterFollowsLabels: the footer is drawn again when a key's help
// says something else, not only when a key turns on or off: keys typed
// ahead from an article opened from the annotation browser into one opened
// from the list, with no screen drawn between, leave the footer saying
// "next", not "next annotated".
func TestFooterFollowsLabels(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "A", "enter")
	if f := footerLine(m); !strings.Contains(f, "n next annotated") {
		t.Fatalf("from the browser: %q", f)
	}
	m = steps(t, m, "esc", "esc", "enter")
	if r := root(t, m); r.screen != screenReader || r.readerBack == screenBrowser {
		t.Fatal("not in an article opened from the list")
	}
	if f := footerLine(m); !strings.Contains(f, "n next unread •") {
		t.Errorf("from the list: %q", f)
	}

	// Any label, on any screen.
	r := root(t, step(t, m, press("esc")))
	before := r.footer()
	r.list.keys.Star.SetHelp("s", "favourite")
	if f := ansi.Strip(r.footer()); f == ansi.Strip(before) || !strings.Contains(f, "s favourite") {
		t.Errorf("the star key relabelled: %q", f)
	}
}
