package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// cellOf is the screen cell where text first shows: its column and line.
func cellOf(t *testing.T, m tea.Model, text string) (x, y int) {
	t.Helper()
	for y, line := range strings.Split(viewText(m), "\n") {
		if i := strings.Index(line, text); i >= 0 {
			return ansi.StringWidth(line[:i]), y
		}
	}
	t.Fatalf("%q is not on the screen:\n%s", text, viewText(m))
	return 0, 0
}

// clickOn clicks the left button on where text shows.
func clickOn(t *testing.T, m tea.Model, text string) tea.Model {
	t.Helper()
	x, y := cellOf(t, m, text)
	return step(t, m, tea.MouseClickMsg{X: x + 1, Y: y, Button: tea.MouseLeft})
}

// wheel turns the mouse wheel a notch down (n > 0) or up, n times.
func wheel(t *testing.T, m tea.Model, n int) tea.Model {
	t.Helper()
	b := tea.MouseWheelDown
	if n < 0 {
		b, n = tea.MouseWheelUp, -n
	}
	for range n {
		m = step(t, m, tea.MouseWheelMsg{X: 40, Y: 10, Button: b})
	}
	return m
}

// TestMouseInPanelsAndBrowser: in the tags panel, the links panel and the
// annotation browser, as in the list, the wheel moves the cursor, a click
// puts it on the row clicked and a click on the row under it acts on the
// row as enter does.
func TestMouseInPanelsAndBrowser(t *testing.T) {
	annotated, rows := annotatedLibrary(t)
	tests := []struct {
		name    string
		lib     Library
		keys    []string
		cursor  func(Model) int // where the cursor is
		click   string          // the text of a row below the cursor's
		clicked int             // the cursor on it
		wheel   int             // the cursor after a notch down from the first row
		acted   func(Model, []string) bool
	}{
		{"tags panel", annotated, []string{"#"},
			func(m Model) int { return m.panel.cursor }, "#nato", 5, 4,
			func(m Model, _ []string) bool { return !m.panel.open && m.list.query.text == "tag:nato" }},
		{"links panel", linkedLibrary(t), []string{"enter", "L"},
			func(m Model) int { return m.links.cursor }, "3 the data", 2, 3,
			func(m Model, opened []string) bool {
				return !m.links.open && slices.Equal(opened, []string{"https://news.example/data.csv"})
			}},
		{"annotation browser", annotated, []string{"A"},
			func(m Model) int { return m.browser.cursor }, "Why the sixth paragraph?", 3, 1,
			func(m Model, _ []string) bool { return m.screen == screenReader && m.reader.id() == rows[7].ID }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []string
			cfg := Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}
			m := start(t, tt.lib, cfg, 100, 30)
			m = steps(t, m, tt.keys...)
			first := tt.cursor(root(t, m))

			m = wheel(t, m, 1)
			if got := tt.cursor(root(t, m)); got != tt.wheel {
				t.Errorf("the wheel down moved the cursor from %d to %d, want %d", first, got, tt.wheel)
			}
			m = wheel(t, m, -1)
			if got := tt.cursor(root(t, m)); got != first {
				t.Errorf("the wheel up moved the cursor to %d, want %d", got, first)
			}

			m = clickOn(t, m, tt.click)
			if got := tt.cursor(root(t, m)); got != tt.clicked {
				t.Fatalf("a click on %q put the cursor on %d, want %d:\n%s", tt.click, got, tt.clicked, viewText(m))
			}
			if tt.acted(root(t, m), opened) {
				t.Fatal("the first click acted on the row")
			}
			m = clickOn(t, m, tt.click)
			if !tt.acted(root(t, m), opened) {
				t.Errorf("a click on the row under the cursor did not act on it (opened %q):\n%s", opened, viewText(m))
			}
		})
	}
}

// TestClickOutsideAPanel: a click beside the panel's box, on its border or
// its title changes nothing, in the panel or in the list behind it.
func TestClickOutsideAPanel(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "#")
	_, y := cellOf(t, m, "#luftwaffe")
	x, title := cellOf(t, m, "Tags, searches and feeds")
	for _, c := range []tea.MouseClickMsg{{X: 1, Y: y}, {X: 99, Y: y}, {X: x, Y: title}, {X: x, Y: title - 1}} {
		c.Button = tea.MouseLeft
		before := root(t, m)
		m = step(t, m, c)
		r := root(t, m)
		if !r.panel.open || r.panel.cursor != before.panel.cursor || r.list.cursor != before.list.cursor {
			t.Errorf("a click at %d,%d: panel open %v, cursor %d (was %d), list cursor %d", c.X, c.Y,
				r.panel.open, r.panel.cursor, before.panel.cursor, r.list.cursor)
		}
	}
}

// TestHelpPageWheel: the help too tall for its box is a page the wheel
// scrolls, as the movement keys do.
func TestHelpPageWheel(t *testing.T) {
	m := start(t, newLibrary(t, 5), Config{}, 40, 8)
	m = steps(t, m, "?")
	if _, fits := root(t, m).helpBox(); fits {
		t.Fatal("the help fits its box at 40x8")
	}
	m = wheel(t, m, 1)
	if top := root(t, m).helpTop; top != wheelRows {
		t.Errorf("the wheel down scrolled the help page to line %d, want %d", top, wheelRows)
	}
	if !strings.Contains(viewText(m), "more above") {
		t.Errorf("the page does not say there is more above:\n%s", viewText(m))
	}
	m = wheel(t, m, -2)
	if r := root(t, m); r.helpTop != 0 || !r.showHelp || r.list.cursor != 0 {
		t.Errorf("the wheel up: help line %d, help shown %v, list cursor %d", r.helpTop, r.showHelp, r.list.cursor)
	}
}

// TestMouseWaitsForAnAnswer: while the tag editor, the note editor, a
// question or the saved search's name waits for an answer, the wheel and
// clicks change nothing behind it.
func TestMouseWaitsForAnAnswer(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	tests := []struct {
		name string
		keys []string
		mode mode
	}{
		{"tag editor", []string{"j", "t"}, modeTagEdit},
		{"note editor on the list", []string{"j", "a"}, modeNote},
		{"note editor in the reader", []string{"j", "enter", "a"}, modeNote},
		{"mark all read question", []string{"j", "M"}, modeConfirm},
		{"save search prompt", []string{"/", "audio", "enter", "ctrl+s"}, modePrompt},
		{"delete search question", []string{"/", "audio", "enter", "ctrl+s", "x", "enter", "#", "d"}, modeConfirm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 100, 30)
			for _, k := range tt.keys {
				if len(k) > 1 && !strings.Contains(k, "+") && k != "enter" {
					m = typeKeys(t, m, k)
				} else {
					m = step(t, m, press(k))
				}
			}
			before := root(t, m)
			if before.mode() != tt.mode {
				t.Fatalf("mode %v, want %v:\n%s", before.mode(), tt.mode, viewText(m))
			}
			screen := viewText(m)
			m = wheel(t, m, 3)
			m = wheel(t, m, -1)
			for _, y := range []int{3, 8, 15} {
				m = step(t, m, tea.MouseClickMsg{X: 20, Y: y, Button: tea.MouseLeft})
				m = step(t, m, tea.MouseClickMsg{X: 20, Y: y, Button: tea.MouseLeft})
			}
			r := root(t, m)
			if r.mode() != tt.mode || r.screen != before.screen || r.list.cursor != before.list.cursor ||
				r.reader.vp.YOffset() != before.reader.vp.YOffset() || r.panel.cursor != before.panel.cursor {
				t.Errorf("the mouse changed what is behind: mode %v, screen %v, list cursor %d (was %d), reader at %d (was %d), panel cursor %d (was %d)",
					r.mode(), r.screen, r.list.cursor, before.list.cursor, r.reader.vp.YOffset(), before.reader.vp.YOffset(),
					r.panel.cursor, before.panel.cursor)
			}
			if got := viewText(m); got != screen {
				t.Errorf("the screen changed:\n%s\nwas:\n%s", got, screen)
			}
		})
	}
}
