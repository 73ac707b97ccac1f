package ui

import (
	"strings"
	"testing"
)

// On a terminal too small for the help's box, the help page scrolls with
// the movement keys and says which part of it shows; it lists the keys as
// bound, and scrolls with them.
func TestHelpPageScrolls(t *testing.T) {
	lib := newLibrary(t, 20)
	tests := []struct {
		name   string
		cfg    Config
		keys   []string // after ?
		shows  []string
		hidden []string
	}{
		{"at first", Config{}, nil,
			[]string{"enter/l/→ open", "1–8 of 28, more below"}, []string{"oldest"}},
		{"down a line", Config{}, []string{"j"},
			[]string{"2–9 of 28, more above and below", "s         star"}, []string{"enter/l/→ open"}},
		{"down and back up", Config{}, []string{"down", "down", "k", "up"},
			[]string{"1–8 of 28", "enter/l/→ open"}, nil},
		{"to the end", Config{}, []string{"G"},
			[]string{"21–28 of 28, more above", "G/end     oldest", "pgup      page up"}, []string{"enter/l/→ open"}},
		{"past the end", Config{}, []string{"G", "j", "pgdown"},
			[]string{"21–28 of 28, more above"}, nil},
		{"a page down", Config{}, []string{"pgdown"},
			[]string{"8–15 of 28"}, nil},
		{"a page down and up", Config{}, []string{"pgdown", "pgdown", "pgup"},
			[]string{"8–15 of 28"}, nil},
		{"back to the top", Config{}, []string{"G", "g"},
			[]string{"1–8 of 28", "enter/l/→ open"}, nil},
		{"keys as bound", Config{Keys: map[string][]string{"down": {"ctrl+n"}}}, []string{"ctrl+n"},
			[]string{"2–9 of 28"}, nil},
		{"keys as bound, listed", Config{Keys: map[string][]string{"down": {"ctrl+n"}}}, []string{"G", "k", "k"},
			[]string{"ctrl+n    down"}, []string{"↓/j"}},
		{"an unbound key does not scroll", Config{Keys: map[string][]string{"down": {"ctrl+n"}}}, []string{"j"},
			[]string{"1–8 of 28"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, tt.cfg, 40, 10)
			m = steps(t, m, "?")
			m = steps(t, m, tt.keys...)
			checkFits(t, m, 40, 10)
			s := viewText(m)
			for _, w := range tt.shows {
				if !strings.Contains(s, w) {
					t.Errorf("no %q:\n%s", w, s)
				}
			}
			for _, w := range tt.hidden {
				if strings.Contains(s, w) {
					t.Errorf("%q shows:\n%s", w, s)
				}
			}
			if got := articleNumber(t, cursorTitle(t, m)); got != 0 {
				t.Errorf("the keys moved the list too: article %d", got)
			}
		})
	}

	// Closed and opened again, it starts at the top.
	m := start(t, lib, Config{}, 40, 10)
	m = steps(t, m, "?", "G", "esc", "?")
	if s := viewText(m); !strings.Contains(s, "1–8 of 28") {
		t.Errorf("opened again:\n%s", s)
	}
	// The reader's help scrolls as well, to its own keys.
	m = steps(t, m, "esc", "enter", "?", "G")
	if s := viewText(m); !strings.Contains(s, "more above") || !strings.Contains(s, "bottom") {
		t.Errorf("the reader's help at its end:\n%s", s)
	}
	// A terminal large enough for the box shows it all, without scrolling.
	m = start(t, lib, Config{}, 100, 40)
	m = steps(t, m, "?", "j")
	if s := viewText(m); strings.Contains(s, " of 24") || !strings.Contains(s, "oldest") || !strings.Contains(s, "open") {
		t.Errorf("the help in a box:\n%s", s)
	}
}
