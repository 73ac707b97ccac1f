package ui

import (
	"strings"
	"testing"
)

// TestFilterLineSaveSearch: the filter line saves the search with the
// list's save-search as config.toml binds it, and its footer says which
// key; unbound, it is off there too; a key that types a character types it.
func TestFilterLineSaveSearch(t *testing.T) {
	tests := []struct {
		name   string
		keys   map[string][]string
		saves  string // the bytes that save; "" for none
		footer string // "" for no save in the footer
		types  []string
	}{
		{"as shipped", nil, "\x13", "ctrl+s keep and save", nil},
		{"unbound", map[string][]string{"save-search": {"<disabled>"}, "clear": {"x"}}, "", "", []string{"\x13"}},
		{"moved", map[string][]string{"save-search": {"ctrl+w"}}, ctrlW, "ctrl+w keep and save", []string{"\x13"}},
		{"moved in the list's table", map[string][]string{"list.save-search": {"ctrl+w"}}, ctrlW, "ctrl+w keep and save", []string{"\x13"}},
		{"a letter types itself", map[string][]string{"save-search": {"S", "ctrl+w"}}, ctrlW, "ctrl+w keep and save", []string{"S"}},
		{"only a letter", map[string][]string{"save-search": {"S"}}, "", "", []string{"S"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, newLibrary(t, 5), Config{Keys: tt.keys}, 100, 24)
			m = steps(t, m, "/", "s", "h", "o", "r", "t")
			f := footerLine(m)
			switch {
			case tt.footer == "" && strings.Contains(f, "save"):
				t.Errorf("the filter's footer offers to save: %q", f)
			case tt.footer != "" && !strings.Contains(f, tt.footer):
				t.Errorf("the filter's footer: %q, want %q", f, tt.footer)
			}
			for _, k := range tt.types {
				before := root(t, m).filter.input.Value()
				m = step(t, m, pressed(t, k))
				if root(t, m).mode() != modeFilter || root(t, m).prompt.open {
					t.Fatalf("%q left the filter line", k)
				}
				if k == "S" && root(t, m).filter.input.Value() != before+"S" {
					t.Errorf("S did not type itself: %q", root(t, m).filter.input.Value())
				}
			}
			if tt.saves == "" {
				return
			}
			m = step(t, m, pressed(t, tt.saves))
			if !root(t, m).prompt.open {
				t.Fatalf("%q did not ask for the search's name", tt.saves)
			}
		})
	}
}
