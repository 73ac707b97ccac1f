package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"tidings/store"
)

// TestScreensReadIn16Colours: in a terminal of 16 colours every character
// of the list's and the reader's screens — dates, rules, the footer's keys
// and separators — contrasts with its background by 2:1 at least in
// xterm's palette (what is meant to be dim stays readable, nothing is
// drawn black on black or white on white).
func TestScreensReadIn16Colours(t *testing.T) {
	lib := newLibrary(t, 5)
	rows, _ := lib.Page(context.Background(), store.PageRequest{Limit: 3})
	lib.SetStarred(context.Background(), []int64{rows[1].ID}, true)
	xterm := [16]string{"000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
		"7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"}
	for _, theme := range []string{"dark", "light"} {
		m := start(t, lib, Config{Theme: theme}, 100, 12)
		m = step(t, m, tea.ColorProfileMsg{Profile: colorprofile.ANSI})
		for screen, keys := range map[string][]string{"list": nil, "reader": {"enter"}} {
			m := steps(t, m, keys...)
			var out strings.Builder
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ANSI}
			if _, err := w.WriteString(m.View().Content); err != nil {
				t.Fatal(err)
			}
			seen := map[[2]string]bool{}
			for _, line := range strings.Split(out.String(), "\n") {
				checkContrast(t, theme+" theme, "+screen, line, xterm, theme, 2, seen)
			}
		}
	}
}
