package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// typeIn types text a key at a time.
func typeIn(t *testing.T, m tea.Model, text string) tea.Model {
	t.Helper()
	for _, r := range text {
		m = step(t, m, press(string(r)))
	}
	return m
}

// TestPanelFind: / in the # panel finds an entry by its name as it is
// typed, in any case and with or without accents, from the entry the
// cursor was on; ↓ and ↑ go to the next and previous entry holding it,
// round the panel; enter keeps the cursor there (enter again filters by
// the entry), esc takes it back. What is typed there types itself: q does
// not quit, # does not close the panel.
func TestPanelFind(t *testing.T) {
	lib := panelLibrary(t)
	ctx := context.Background()
	f, err := lib.AddFeed(ctx, store.Feed{URL: "http://zurich.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	res := feeds.FetchResult{Sub: feeds.Subscription{URL: f.URL, Title: "Zürich Tram Quarterly"}}
	if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		typed   string   // after # and /
		after   []string // then
		on      string   // the entry under the cursor
		open    bool     // the find line still open
		missing bool     // the line says no entry holds it
		filter  string   // the list's filter after
	}{
		{"the first name holding it", "feed 3", nil, "Feed 30", true, false, ""},
		{"down to the next", "feed 3", []string{"down", "down"}, "Feed 32", true, false, ""},
		{"up round the panel", "feed 1", []string{"up"}, "Feed 19", true, false, ""},
		{"case and accents aside", "ZURICH", nil, "Zürich Tram Quarterly", true, false, ""},
		{"a tag by its #", "#luft", nil, "luftwaffe", true, false, ""},
		{"q and # type themselves", "q#", nil, "Zürich Tram Quarterly", true, true, ""},
		{"enter keeps the place", "feed 17", []string{"enter"}, "Feed 17", false, false, ""},
		{"enter again filters", "feed 17", []string{"enter", "enter"}, "", false, false, `feed:"Feed 17"`},
		{"esc takes the cursor back", "feed 17", []string{"esc"}, "Storms", false, false, ""},
		{"nothing holds it: the cursor stays", "feed 17zz", nil, "Feed 17", true, true, ""},
		{"backspace to nothing: back where it was", "fe", []string{"backspace", "backspace"}, "Storms", true, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 80, 24)
			m = steps(t, m, "#", "/")
			m = typeIn(t, m, tt.typed)
			m = steps(t, m, tt.after...)
			r := root(t, m)
			if tt.filter != "" {
				if r.panel.open || r.list.query.text != tt.filter {
					t.Fatalf("panel open %v, list filtered by %q, want %q", r.panel.open, r.list.query.text, tt.filter)
				}
				return
			}
			if !r.panel.open {
				t.Fatal("the panel closed")
			}
			if it, _ := r.panel.current(); it.name != tt.on {
				t.Errorf("the cursor is on %q, want %q", it.name, tt.on)
			}
			if r.panel.find.focused != tt.open {
				t.Errorf("the find line is open: %v, want %v", r.panel.find.focused, tt.open)
			}
			view := viewText(m)
			if !strings.Contains(panelCursorLine(t, m), tt.on) {
				t.Errorf("the cursor's entry %q is not shown:\n%s", tt.on, view)
			}
			if typed := tt.typed; tt.open && len(tt.after) == 0 && !strings.Contains(view, "/"+typed) {
				t.Errorf("the find line does not show %q:\n%s", tt.typed, view)
			}
			if missing := strings.Contains(view, "no such name"); missing != tt.missing {
				t.Errorf("the line says no such name: %v, want %v:\n%s", missing, tt.missing, view)
			}
			checkFits(t, m, 80, 24)
		})
	}
}

// TestPanelFindFooter: while the find line has the keyboard the footer
// says how to keep the place and how to go back; the panel's footer is
// back after.
func TestPanelFindFooter(t *testing.T) {
	m := start(t, panelLibrary(t), Config{}, 80, 24)
	m = steps(t, m, "#", "/")
	if v := viewText(m); !strings.Contains(v, "enter keep") || !strings.Contains(v, "esc back") {
		t.Errorf("the footer does not say enter keeps and esc goes back:\n%s", v)
	}
	m = step(t, m, press("esc"))
	if v := viewText(m); !strings.Contains(v, "enter/l filter by it") {
		t.Errorf("the panel's footer is not back:\n%s", v)
	}
}
