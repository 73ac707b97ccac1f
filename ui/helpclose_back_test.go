package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestHelpClosesWithBackOnEveryScreen: with the README's recipe (q steps
// back, Q quits), the keys config.toml binds to back close the help on
// every screen, the list and the welcome screen too, which have no back of
// their own; as shipped the list's help closes with ? and esc, not with
// the reader's h.
func TestHelpClosesWithBackOnEveryScreen(t *testing.T) {
	newsboat := Config{Keys: map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}}
	full := newLibrary(t, 5)
	empty, _ := openLibrary(t)
	tests := []struct {
		name   string
		lib    Library
		cfg    Config
		keys   []string // to the screen, before ? opens the help
		close  string
		closes bool
	}{
		{"list, q bound to back", full, newsboat, nil, "q", true},
		{"list, h bound to back", full, newsboat, nil, "h", true},
		{"list, left bound to back", full, newsboat, nil, "left", true},
		{"welcome screen, q bound to back", empty, newsboat, nil, "q", true},
		{"reader, q bound to back", full, newsboat, []string{"enter"}, "q", true},
		{"annotation browser, q bound to back", full, newsboat, []string{"A"}, "q", true},
		{"list as shipped, esc", full, Config{}, nil, "esc", true},
		{"list as shipped, h is not back there", full, Config{}, nil, "h", false},
		{"annotation browser as shipped, h", full, Config{}, []string{"A"}, "h", true},
		{"reader as shipped, h", full, Config{}, []string{"enter"}, "h", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, tt.lib, tt.cfg, 80, 24)
			m = steps(t, m, tt.keys...)
			screen := root(t, m).screen
			m = step(t, m, press("?"))
			if !root(t, m).showHelp {
				t.Fatal("? did not open the help")
			}
			k := press(tt.close)
			if tt.close == "left" {
				k = tea.KeyPressMsg{Code: tea.KeyLeft}
			}
			m, cmd := m.Update(k)
			if cmd != nil {
				if _, quit := cmd().(tea.QuitMsg); quit {
					t.Fatalf("%s quit instead of closing the help", tt.close)
				}
			}
			if got := root(t, m).showHelp; got == tt.closes {
				t.Errorf("after %s the help is open: %v, want %v", tt.close, got, !tt.closes)
			}
			if got := root(t, m).screen; got != screen {
				t.Errorf("closing the help moved from screen %d to %d", screen, got)
			}
		})
	}
}
