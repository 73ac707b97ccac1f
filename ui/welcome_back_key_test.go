package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestBackOnTheWelcomeScreen: with the newsboat keys, q on the welcome
// screen of an empty library neither quits nor stays silent: the status
// line says that Q quits, as it does in the list. Esc says nothing, as
// shipped; with quit unbound, no key is said to quit.
func TestBackOnTheWelcomeScreen(t *testing.T) {
	newsboat := map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}
	noQuit := map[string][]string{"quit": {disabledKey}, "back": {"esc", "q"}}
	tests := []struct {
		name  string
		keys  map[string][]string
		press string
		want  string
	}{
		{"q", newsboat, "q", "No articles yet: nothing to go back to; Q quits"},
		{"h", newsboat, "h", "No articles yet: nothing to go back to; Q quits"},
		{"esc", newsboat, "esc", ""},
		{"quit unbound", noQuit, "q", "No articles yet: nothing to go back to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, _ := openLibrary(t)
			m := start(t, lib, Config{Keys: tt.keys}, 100, 24)
			if !root(t, m).welcoming() {
				t.Fatalf("an empty library shows no welcome screen:\n%s", viewText(m))
			}
			m, cmd := m.Update(press(tt.press))
			if cmd != nil {
				if _, quit := cmd().(tea.QuitMsg); quit {
					t.Fatalf("%s quit", tt.press)
				}
				m = run(t, m, cmd)
			}
			if got := root(t, m).status; got != tt.want {
				t.Errorf("after %s the status line says %q, want %q", tt.press, got, tt.want)
			}
			if tt.want != "" && !strings.Contains(viewText(m), tt.want) {
				t.Errorf("after %s the screen does not show %q:\n%s", tt.press, tt.want, viewText(m))
			}
		})
	}
}
