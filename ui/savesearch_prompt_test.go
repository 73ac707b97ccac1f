package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestSavePromptShowsTheName: the name typed for a saved search, and the
// cursor after it, stay in sight on the status line whatever the width
// and the filter's length: the query quoted before it is shortened with
// an ellipsis instead, its start kept. config.toml's search whose name was
// taken, named when the prompt asks again, gives way likewise.
func TestSavePromptShowsTheName(t *testing.T) {
	lib := newLibrary(t, 30)
	long := "markets and night food in moscow and saint petersburg over the winter holidays"
	taken := "Markets and night food of the eastern cities in winter"
	cfg := Config{Searches: []SavedSearch{{Name: taken, Query: "market"}}}
	tests := []struct {
		name      string
		width     int
		filter    string
		again     bool   // the name typed first is config.toml's
		words     string // the prompt's start
		shortened bool   // the query or the name is cut
		typed     string
	}{
		{"a long filter at 80 columns", 80, long, false, "Save `markets and", true, "evening"},
		{"a long filter at 120 columns", 120, long, false, "Save `" + long + "*` as:", false, "evening"},
		{"a short filter at 80 columns", 80, "storm", false, "Save `storm*` as:", false, "evening"},
		{"a short filter at 40 columns", 40, "storm", false, "Save `storm*` as:", false, "evening"},
		{"a short filter at 30 columns", 30, "storm", false, "Save `sto…` as:", true, "evening"},
		{"a short filter at 20 columns", 20, "storm", false, "Save as:", false, "evening"},
		{"a name taken at 80 columns", 80, long, true, "“Markets", true, "evening"},
		{"a name taken at 80 columns, a short filter", 80, "storm", true, "“Markets and nigh…” is a search of config.toml; save `storm*` as:", true, "evening"},
		{"a name taken at 60 columns", 60, "storm", true, "Name taken; save `storm*` as:", false, "evening"},
		{"a name taken at 40 columns", 40, "storm", true, "Name taken; save as:", false, "evening"},
		{"a name taken at 120 columns", 120, "storm", true, "“" + taken + "” is a search of config.toml; save `storm*` as:", false, "evening"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, cfg, tt.width, 24)
			m = step(t, m, press("/"))
			m = typeKeys(t, m, tt.filter)
			m = steps(t, m, "enter", "ctrl+s")
			if tt.again {
				m = typeKeys(t, m, strings.ToLower(taken))
				m = step(t, m, press("enter"))
			}
			m = typeKeys(t, m, tt.typed)
			if root(t, m).mode() != modePrompt {
				t.Fatal("the prompt is not open")
			}
			checkShown(t, m, tt.width, tt.words, tt.typed, tt.shortened)

			// Resized, it fits again.
			m = step(t, m, tea.WindowSizeMsg{Width: tt.width + 13, Height: 24})
			checkShown(t, m, tt.width+13, "", tt.typed, false)
		})
	}
}

// checkShown checks the prompt's status line, on a screen width cells
// wide: it starts with words, shows the name typed whole with the cursor
// after it, and is shortened with an ellipsis when shortened says so.
func checkShown(t *testing.T, m tea.Model, width int, words, typed string, shortened bool) {
	t.Helper()
	line := viewTextOf(root(t, m).statusLine())
	if w := ansi.StringWidth(line); w > width {
		t.Errorf("the status line is %d cells wide: %q", w, line)
	}
	if !strings.HasPrefix(strings.TrimSpace(line), words) {
		t.Errorf("the status line does not start with %q: %q", words, line)
	}
	if !strings.Contains(line, " as: "+typed+" ") {
		t.Errorf("the name typed, %q, and the cursor after it are not shown whole: %q", typed, line)
	}
	if shortened && !strings.Contains(line, "…") {
		t.Errorf("nothing was shortened: %q", line)
	}
}
