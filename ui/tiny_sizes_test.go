package ui

import (
	"context"
	"fmt"
	"runtime/debug"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// tinySizes are terminals of a few cells: one row, one column, a corner.
var tinySizes = [][2]int{{1, 1}, {2, 1}, {5, 2}, {10, 3}, {3, 10}}

// everyScreen is each screen, panel, prompt and question the keys reach
// from the list of annotatedLibrary with a saved search, on a terminal of
// 80x24; check, when set, says whether the keys got there.
var everyScreen = []struct {
	name  string
	keys  []string
	check func(Model) bool
}{
	{"list", nil, func(m Model) bool { return m.screen == screenList }},
	{"list with a selection", []string{"space"}, func(m Model) bool { return len(m.list.marked) > 0 }},
	{"help", []string{"?"}, func(m Model) bool { return m.showHelp }},
	{"filter line", []string{"/", "x"}, func(m Model) bool { return m.mode() == modeFilter }},
	{"filter line with a mistake", []string{"/", "("}, func(m Model) bool { return m.mode() == modeFilter }},
	{"tag editor", []string{"t"}, func(m Model) bool { return m.mode() == modeTagEdit }},
	{"tag all", []string{"/", "a", "r", "t", "enter", "T"}, func(m Model) bool { return m.mode() != modeNormal }},
	{"save search prompt", []string{"/", "a", "r", "t", "enter", "ctrl+s"}, func(m Model) bool { return m.mode() == modePrompt }},
	{"mark all read question", []string{"M"}, func(m Model) bool { return m.mode() == modeConfirm }},
	{"delete question", []string{"D"}, func(m Model) bool { return m.mode() == modeConfirm }},
	{"tags panel", []string{"#"}, func(m Model) bool { return m.mode() == modePanel }},
	{"delete saved search question", []string{"#", "d"}, func(m Model) bool { return m.mode() == modeConfirm }},
	{"reader", []string{"enter"}, func(m Model) bool { return m.screen == screenReader }},
	{"reader help", []string{"enter", "?"}, func(m Model) bool { return m.showHelp }},
	{"links panel", []string{"enter", "L"}, func(m Model) bool { return m.mode() == modeLinks }},
	{"passage selection", []string{"enter", "v"}, func(m Model) bool { return m.reader.sel != nil }},
	{"note editor", []string{"enter", "a"}, func(m Model) bool { return m.mode() == modeNote }},
	{"quit question", []string{"enter", "a", "x", "ctrl+c"}, func(m Model) bool { return m.mode() == modeConfirm }},
	{"annotation browser", []string{"A"}, func(m Model) bool { return m.screen == screenBrowser }},
	{"annotation browser help", []string{"A", "?"}, func(m Model) bool { return m.showHelp }},
	{"annotation browser filter", []string{"A", "/", "w"}, func(m Model) bool { return m.mode() == modeBrowserFilter }},
	{"annotation browser filtered", []string{"A", "/", "w", "h", "y", "enter"}, func(m Model) bool { return m.browser.query != "" }},
	{"reader from the browser", []string{"A", "enter"}, func(m Model) bool { return m.readerBack == screenBrowser }},
}

// TestTinyTerminals: every screen, panel, prompt and question is drawn on a
// terminal of a few cells without a panic, and fills it exactly: reached on
// a terminal of 80x24 and then shrunk (and moved in there), or reached on
// the small terminal itself; the welcome screen too.
func TestTinyTerminals(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	if err := lib.SaveSearch(context.Background(), "Articles", "article"); err != nil {
		t.Fatal(err)
	}
	empty, _ := openLibrary(t)
	withSamples := Config{LoadSamples: func(context.Context) error { return nil }}

	for _, sc := range everyScreen {
		t.Run(sc.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 80, 24)
			m = steps(t, m, sc.keys...)
			if !sc.check(root(t, m)) {
				t.Fatalf("%v did not reach the %s", sc.keys, sc.name)
			}
			for _, size := range tinySizes {
				w, h := size[0], size[1]
				noPanic(t, fmt.Sprintf("shrunk to %dx%d", w, h), func() {
					small := step(t, m, tea.WindowSizeMsg{Width: w, Height: h})
					checkFits(t, small, w, h)
					small = steps(t, small, "j", "down", "k")
					checkFits(t, small, w, h)
					step(t, small, tea.WindowSizeMsg{Width: 80, Height: 24}).View()
				})
				noPanic(t, fmt.Sprintf("reached at %dx%d", w, h), func() {
					small := start(t, lib, Config{}, w, h)
					checkFits(t, small, w, h)
					for _, k := range sc.keys {
						small = step(t, small, press(k))
						checkFits(t, small, w, h)
					}
				})
			}
		})
	}
	for _, size := range tinySizes {
		w, h := size[0], size[1]
		noPanic(t, fmt.Sprintf("welcome screen at %dx%d", w, h), func() {
			checkFits(t, start(t, empty, withSamples, w, h), w, h)
		})
	}
}

// noPanic runs draw, failing the test with what panicked, and where, when
// it panics.
func noPanic(t *testing.T, what string, draw func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v\n%s", what, r, debug.Stack())
		}
	}()
	draw()
}
