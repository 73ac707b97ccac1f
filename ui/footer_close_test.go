package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestFooterNamesTheCloseKeyWhenBackIsUnbound: config.toml may unbind a
// panel's back while the key that opened it still closes it; the footer
// then names that key, at 100 columns and when cut at 30.
func TestFooterNamesTheCloseKeyWhenBackIsUnbound(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	tests := []struct {
		name    string
		keys    map[string][]string
		open    []string
		wayOut  string // in the footer
		closeTo func(Model) bool
	}{
		{"links panel", map[string][]string{"links.back": {disabledKey}}, []string{"enter", "L"}, "L close",
			func(m Model) bool { return !m.links.open }},
		{"tags panel", map[string][]string{"tags.back": {disabledKey}}, []string{"#"}, "# close",
			func(m Model) bool { return !m.panel.open }},
		{"annotation browser", map[string][]string{"annotations.back": {disabledKey}}, []string{"A"}, "A back",
			func(m Model) bool { return m.screen != screenBrowser }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Config{Keys: tt.keys}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			m := start(t, lib, cfg, 100, 24)
			m = steps(t, m, tt.open...)
			for _, width := range []int{100, 30} {
				m = step(t, m, tea.WindowSizeMsg{Width: width, Height: 24})
				if f := ansi.Strip(root(t, m).footer()); !strings.Contains(f, tt.wayOut) {
					t.Errorf("%d columns: the footer does not show %q: %q", width, tt.wayOut, f)
				}
			}
			key := strings.Fields(tt.wayOut)[0]
			if m = step(t, m, press(key)); !tt.closeTo(root(t, m)) {
				t.Errorf("%s did not close it", key)
			}
		})
	}
}
