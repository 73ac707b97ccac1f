package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestEscClearsASlowFilter: a filter kept with enter whose rows are slow to
// come (a phrase in a large library) is cleared by the first esc, or a
// back key config.toml gives the list, at once: the key is not held for
// the very rows it leaves, and those rows, when they come after all (or
// the query stopped by the esc fails), are dropped. The list is the whole
// library's.
func TestEscClearsASlowFilter(t *testing.T) {
	newsboat := map[string][]string{"quit": {"Q"}, "back": {"esc", "h", "left", "q"}}
	tests := []struct {
		name string
		keys map[string][]string
		back string
		// late: the slow rows were found before the key, and come after
		// it; else the query runs after the key, which stopped it.
		late bool
	}{
		{name: "esc, the rows come late", back: "esc", late: true},
		{name: "esc, the query stopped", back: "esc"},
		{name: "newsboat's q as back", keys: newsboat, back: "q", late: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := typeaheadLibrary(t)
			m := start(t, lib, Config{Keys: tt.keys}, 100, 30)
			// A phrase typed and kept in one burst, none of its rows in:
			// what the line asked for as it was typed never answers.
			var page tea.Cmd
			for _, k := range []string{"/", `"`, "l", "u", "f", "t", "w", "a", "f", "f", "e", `"`, "enter"} {
				m, page = m.Update(press(k))
			}
			if r := root(t, m); page == nil || !r.list.stale() || r.mode() != modeNormal {
				t.Fatalf("keeping the filter: the list waits %v, mode %v, asked for %v", r.list.stale(), r.mode(), page != nil)
			}
			var rows tea.Msg
			if tt.late {
				rows = page()
			}
			m = step(t, m, press(tt.back))
			r := root(t, m)
			if r.list.query.text != "" || len(r.held) != 0 || r.status == keysWaiting {
				t.Fatalf("after %s: query %q, %d keys held, status %q; want the filter cleared at once",
					tt.back, r.list.query.text, len(r.held), r.status)
			}
			if tt.late {
				m = step(t, m, rows)
			} else {
				m = run(t, m, page)
			}
			r = root(t, m)
			view := viewText(m)
			if r.list.stale() || r.list.shownQuery.whole() != "" || r.list.total != 30 || r.statusErr {
				t.Errorf("once the slow rows came: the list shows %q (query %q), status %q\n%s",
					r.list.shownQuery.whole(), r.list.query.text, r.status, view)
			}
			if strings.Contains(view, "luftwaffe") || !strings.Contains(view, "30 / 30") {
				t.Errorf("the list after %s is not the whole library's:\n%s", tt.back, view)
			}
		})
	}
}
