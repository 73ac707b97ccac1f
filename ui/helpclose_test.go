package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestHelpPageNamesItsKeys: the help page's title says how to close it
// with the keys as bound: help on f1 closes it with f1 (and esc), not ?.
func TestHelpPageNamesItsKeys(t *testing.T) {
	lib := newLibrary(t, 5)
	tests := []struct {
		name  string
		cfg   Config
		open  tea.KeyPressMsg
		title string
	}{
		{"as shipped", Config{}, press("?"), "Keys (? or esc to close)"},
		{"help on f1", Config{Keys: map[string][]string{"help": {"f1"}}}, tea.KeyPressMsg{Code: tea.KeyF1}, "Keys (f1 or esc to close)"},
		{"help on two keys", Config{Keys: map[string][]string{"help": {"f1", "H"}}}, press("H"), "Keys (f1/H or esc to close)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, keys := range [][]string{nil, {"enter"}} { // the list's help, the reader's
				m := start(t, lib, tt.cfg, 40, 10)
				m = steps(t, m, keys...)
				m = step(t, m, tt.open)
				if first := strings.SplitN(viewText(m), "\n", 2)[0]; strings.TrimSpace(first) != tt.title {
					t.Errorf("after %q the help page's title is %q, want %q", keys, first, tt.title)
				}
				m = step(t, m, tt.open)
				if root(t, m).showHelp {
					t.Errorf("after %q the help's key did not close it", keys)
				}
			}
		})
	}
}
