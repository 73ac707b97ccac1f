package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestBackLeavesTheFilter: with the README's newsboat keys (q steps back, Q
// quits), the keys config.toml gives back leave a filtered list as esc
// does: the selection first, then the filter, so that q leaves a feed's
// articles as newsboat's q leaves its article list. The list's help names
// them; a clear config.toml binds itself keeps its own keys, and as shipped
// q still quits.
func TestBackLeavesTheFilter(t *testing.T) {
	newsboat := map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}
	withClear := map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}, "clear": {"x"}}
	tests := []struct {
		name      string
		keys      map[string][]string
		before    []string // typed in the filtered list first
		press     string
		selected  bool // the selection left
		filtered  bool // the filter left
		wantQuits bool
	}{
		{"q leaves the filter", newsboat, nil, "q", false, false, false},
		{"h leaves the filter", newsboat, nil, "h", false, false, false},
		{"left leaves the filter", newsboat, nil, "left", false, false, false},
		{"q clears the selection first", newsboat, []string{"space"}, "q", false, true, false},
		{"esc still leaves the filter", newsboat, nil, "esc", false, false, false},
		{"a clear of its own keeps its keys", withClear, nil, "q", false, true, false},
		{"as shipped, q quits", nil, nil, "q", false, true, true},
	}
	lib := newLibrary(t, 30)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{Query: "tag:ukraine", Keys: tt.keys}, 80, 24)
			m = steps(t, m, tt.before...)
			k := press(tt.press)
			if tt.press == "left" {
				k = tea.KeyPressMsg{Code: tea.KeyLeft}
			}
			m, cmd := m.Update(k)
			if cmd != nil {
				if _, quit := cmd().(tea.QuitMsg); quit != tt.wantQuits {
					t.Fatalf("%s quits: %v, want %v", tt.press, quit, tt.wantQuits)
				}
				if tt.wantQuits {
					return
				}
				m = run(t, m, cmd)
			} else if tt.wantQuits {
				t.Fatalf("%s did not quit", tt.press)
			}
			r := root(t, m)
			if got := len(r.list.marked) > 0; got != tt.selected {
				t.Errorf("after %s a selection is left: %v, want %v", tt.press, got, tt.selected)
			}
			if got := r.list.query.text != ""; got != tt.filtered {
				t.Errorf("after %s the list is filtered by %q, want filtered: %v", tt.press, r.list.query.text, tt.filtered)
			}
		})
	}
}

// TestBackWithNothingToLeave: with the newsboat keys, q in the list of
// every article (nothing selected, no filter) neither quits nor stays
// silent: the status line says that Q quits. Esc there says nothing, as
// it does as shipped.
func TestBackWithNothingToLeave(t *testing.T) {
	newsboat := map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}
	tests := []struct {
		press, want string
	}{
		{"q", "Every article is shown: nothing to go back to; Q quits"},
		{"h", "Every article is shown: nothing to go back to; Q quits"},
		{"esc", ""},
	}
	lib := newLibrary(t, 30)
	for _, tt := range tests {
		t.Run(tt.press, func(t *testing.T) {
			m := start(t, lib, Config{Keys: newsboat}, 100, 24)
			m, cmd := m.Update(press(tt.press))
			if cmd != nil {
				if _, quit := cmd().(tea.QuitMsg); quit {
					t.Fatalf("%s quit", tt.press)
				}
				m = run(t, m, cmd)
			}
			if got := root(t, m).status; got != tt.want {
				t.Errorf("after %s the status line says %q, want %q", tt.press, got, tt.want)
			}
		})
	}
}

// TestBackClearsInTheHelp: the list's help says which keys leave the
// filter, config.toml's back among them, and leaves out the keys of back
// that the list's own actions have.
func TestBackClearsInTheHelp(t *testing.T) {
	tests := []struct {
		name string
		keys map[string][]string
		want string
	}{
		{"newsboat", map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}, "esc/h/←/q"},
		{"a key the list uses stays its own", map[string][]string{"back": {"esc", "h", "T"}}, "esc/h"},
		{"as shipped", nil, "esc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			km, err := newKeyMaps(tt.keys, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := km.list.Clear.Help().Key; got != tt.want {
				t.Errorf("the list's clear is %q, want %q", got, tt.want)
			}
			if tt.name == "a key the list uses stays its own" && !km.list.TagAll.Enabled() {
				t.Error("T no longer tags all")
			}
		})
	}
}
