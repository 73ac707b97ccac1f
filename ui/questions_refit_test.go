package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestQuestionsRefitOnResize: M's question, T's and the tags panel's
// question about deleting a saved search are fitted to the terminal again
// when it is resized while they are asked, as the save-search prompt is:
// narrowed, the verb and the y/n stay in sight; widened, what they quote
// shows whole again.
func TestQuestionsRefitOnResize(t *testing.T) {
	lib := newLibrary(t, 30)
	const long = "leaked audio recording security breach alarm berlin allies"
	if err := lib.SaveSearch(t.Context(), "Leaks", long); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter string   // typed and kept before the keys
		keys   []string // that ask
		narrow string   // the question at 40 columns
		wide   string   // in the question at 120 columns
	}{
		{"M", long, []string{"M"}, "Mark 30 articles read? y/n", "Mark the 30 unread articles matching `" + long + "*` read? y/n"},
		{"T", long, []string{"T"}, "Tag 30 articles? y/n", "Tag 30 articles matching `" + long + "*`? y/n"},
		{"d in the tags panel", "", []string{"#", "d"}, "Delete the saved search “Leaks”? y/n", "Delete the saved search “Leaks” (`" + long + "`)? y/n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 120, 24)
			if tt.filter != "" {
				m = step(t, m, press("/"))
				m = typeKeys(t, m, tt.filter)
				m = step(t, m, press("enter"))
			}
			m = steps(t, m, tt.keys...)
			if root(t, m).mode() != modeConfirm {
				t.Fatalf("%v asked nothing", tt.keys)
			}
			m = step(t, m, tea.WindowSizeMsg{Width: 40, Height: 24})
			line := strings.TrimSpace(viewTextOf(root(t, m).statusLine()))
			if w := ansi.StringWidth(line); w > 40 || line != tt.narrow {
				t.Errorf("narrowed to 40 columns, the question is %q (%d cells), want %q", line, w, tt.narrow)
			}
			m = step(t, m, tea.WindowSizeMsg{Width: 120, Height: 24})
			if line := viewTextOf(root(t, m).statusLine()); !strings.Contains(line, tt.wide) {
				t.Errorf("widened to 120 columns, the question is %q, want %q in it", line, tt.wide)
			}
		})
	}
}

// TestTagAllQuestionKeepsItsAnswer: T's question fits the status line with
// its verb and its y/n, whatever the width and however long the filter.
func TestTagAllQuestionKeepsItsAnswer(t *testing.T) {
	lib := newLibrary(t, 30)
	const long = "leaked audio recording security breach alarm berlin allies"
	tests := []struct {
		width int
		want  string
	}{
		{80, "Tag 30 articles matching `leaked audio recording security breach alarm …`? y/n"},
		{40, "Tag 30 articles? y/n"},
		{20, "Tag 30? y/n"},
	}
	for _, tt := range tests {
		m := start(t, lib, Config{}, tt.width, 24)
		m = step(t, m, press("/"))
		m = typeKeys(t, m, long)
		m = steps(t, m, "enter", "T")
		if root(t, m).mode() != modeConfirm {
			t.Fatalf("%d columns: T asked nothing", tt.width)
		}
		line := strings.TrimSpace(viewTextOf(root(t, m).statusLine()))
		if line != tt.want {
			t.Errorf("%d columns: the question is %q, want %q", tt.width, line, tt.want)
		}
	}
}
