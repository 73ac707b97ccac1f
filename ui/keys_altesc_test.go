package ui

import (
	"strings"
	"testing"
)

// escEsc is what a terminal sends when esc is pressed twice quickly, or
// when two presses arrive at once over a slow link: Bubble Tea reads the
// two bytes as alt+esc.
const escEsc = "\x1b\x1b"

// TestEscPressedTwiceAtOnce: esc twice in one read does what esc does,
// wherever esc does something: it closes the help, goes back from the
// reader, closes the panels, clears the filter, answers no. config.toml
// naming alt+esc is told it never arrives.
func TestEscPressedTwiceAtOnce(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	tests := []struct {
		name string
		keys []string
		done func(Model) bool // after esc
	}{
		{"help over the list", []string{"?"}, func(m Model) bool { return !m.showHelp }},
		{"help over the reader", []string{"enter", "?"}, func(m Model) bool { return !m.showHelp && m.screen == screenReader }},
		{"reader", []string{"enter"}, func(m Model) bool { return m.screen == screenList }},
		{"links panel", []string{"enter", "L"}, func(m Model) bool { return !m.links.open && m.screen == screenReader }},
		{"tags panel", []string{"#"}, func(m Model) bool { return !m.panel.open }},
		{"annotation browser", []string{"A"}, func(m Model) bool { return m.screen == screenList }},
		{"passage selection", []string{"enter", "v"}, func(m Model) bool { return m.reader.sel == nil && m.screen == screenReader }},
		{"filter line", []string{"/", "x"}, func(m Model) bool { return m.mode() == modeNormal && m.list.query.text == "" }},
		{"question", []string{"M"}, func(m Model) bool { return m.confirm == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 100, 30)
			m = steps(t, m, tt.keys...)
			m = step(t, m, pressed(t, escEsc))
			if !tt.done(root(t, m)) {
				t.Errorf("esc twice at once did not do what esc does:\n%s", viewText(m))
			}
		})
	}

	err := Config{Keys: map[string][]string{"back": {"alt+esc"}}}.Validate()
	if err == nil || !strings.Contains(err.Error(), `keys.back: "alt+esc" never arrives`) || !strings.Contains(err.Error(), `write "esc"`) {
		t.Errorf("back = \"alt+esc\": %v", err)
	}
}
