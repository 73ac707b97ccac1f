package ui

import (
	"context"
	"strings"
	"testing"
)

// TestLibraryMarkLeavesTheName: on a narrow screen, the line of a library
// search that config.toml names too keeps some of its name beside its
// mark, shortened to (lib) where (library) would leave the name less than
// half its room, so that the two searches of the name can be told apart;
// with room, the name is whole and the mark (library).
func TestLibraryMarkLeavesTheName(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	if err := lib.SaveSearch(ctx, "Ferries", "alpha OR beta OR gamma"); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Searches: []SavedSearch{{Name: "ferries", Query: "title:ferry"}}}
	tests := []struct {
		width int
		start string // the library search's line, after the cursor's bar
	}{
		{100, "Ferries (library) alpha OR beta OR gamma"},
		{40, "Ferries (lib)"},
		{30, "Ferr… (lib)"},
		{24, "F… (lib)"},
	}
	for _, tt := range tests {
		m := start(t, lib, cfg, tt.width, 20)
		m = step(t, m, press("#"))
		checkFits(t, m, tt.width, 20)
		view := viewText(m)
		line := feedLine(view, "F")
		if !strings.HasPrefix(strings.Join(strings.Fields(line), " "), tt.start) {
			t.Errorf("at %d columns the library's search reads %q, want it to start %q:\n%s", tt.width, line, tt.start, view)
		}
	}
}
