package ui

import (
	"context"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// TestPanelFindBackAfterRelist: esc in the # panel's find line takes the
// cursor back to the entry / was pressed on though the panel was listed
// anew meanwhile (another tidings removed feeds, or tagged articles): to
// that entry where it is now, else, gone, to the one nearest its place; so
// does typing the line empty. The cursor is never off the list: the
// entry is marked, and enter filters by it.
func TestPanelFindBackAfterRelist(t *testing.T) {
	ctx := context.Background()
	removeFeeds := func(nums ...int) func(*testing.T, *store.Store) {
		return func(t *testing.T, lib *store.Store) {
			for _, n := range nums {
				if _, err := lib.RemoveFeed(ctx, fmt.Sprintf("http://feeds.example/%02d.xml", n), false); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	addTags := func(t *testing.T, lib *store.Store) {
		rows, err := lib.Page(ctx, store.PageRequest{Limit: 2})
		if err != nil || len(rows) < 2 {
			t.Fatalf("the articles: %v, %v", rows, err)
		}
		if _, err := lib.TagChanges(ctx, []int64{rows[0].ID, rows[1].ID}, []string{"aaa-first", "aaa-second"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		keys   []string // after # opens the panel, before /
		change func(*testing.T, *store.Store)
		back   []string // after the panel is listed anew
		want   string   // the entry under the cursor then
		open   bool     // the find line still open
	}{
		{"two entries gone before it", []string{"G"}, removeFeeds(38, 39), []string{"esc"}, "Feed 40", false},
		{"one entry gone before it", []string{"G"}, removeFeeds(39), []string{"esc"}, "Feed 40", false},
		{"itself gone, the last: the one before", []string{"G"}, removeFeeds(40), []string{"esc"}, "Feed 39", false},
		{"itself gone: the one now in its place", []string{"G", "k", "k"}, removeFeeds(38), []string{"esc"}, "Feed 39", false},
		{"entries added above it", []string{"G", "k", "k", "k"}, addTags, []string{"esc"}, "Feed 37", false},
		{"typed empty again", []string{"G"}, removeFeeds(38, 39), []string{"backspace", "backspace", "backspace"}, "Feed 40", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := panelLibrary(t)
			m := start(t, lib, Config{}, 100, 30)
			m = step(t, m, press("#"))
			m = steps(t, m, tt.keys...)
			from, _ := root(t, m).panel.current()
			m = step(t, m, press("/"))
			m = typeIn(t, m, "sto") // the cursor goes to Storms, at the top
			if it, _ := root(t, m).panel.current(); it.name != "Storms" {
				t.Fatalf("the find line took the cursor to %q, want Storms (from %q)", it.name, from.name)
			}
			tt.change(t, lib)
			before := len(root(t, m).panel.items)
			m = step(t, m, pollMsg{})
			if p := root(t, m).panel; len(p.items) == before || !p.open {
				t.Fatalf("the panel was not listed anew: %d entries, open %v", len(p.items), p.open)
			}
			m = steps(t, m, tt.back...)
			p := root(t, m).panel
			it, ok := p.current()
			if !ok || it.name != tt.want {
				t.Fatalf("after %v the cursor is at %d of %d, on %q (%v), want %q", tt.back, p.cursor, len(p.items), it.name, ok, tt.want)
			}
			if p.find.focused != tt.open {
				t.Errorf("the find line is open: %v, want %v", p.find.focused, tt.open)
			}
			if line := panelCursorLine(t, m); !panelShows(line, tt.want) {
				t.Errorf("the cursor's line %q is not %s's:\n%s", line, tt.want, viewText(m))
			}
			checkFits(t, m, 100, 30)
			if tt.open {
				return
			}
			m = step(t, m, press("enter"))
			if q := root(t, m).list.query.text; q != `feed:"`+tt.want+`"` {
				t.Errorf("enter filtered by %q, want the feed %s", q, tt.want)
			}
		})
	}
}

// TestPanelScrollOffTheList: the panel drawn with its cursor past its end
// (as a stale index would leave it) does not crash, and shows its last
// entry.
func TestPanelScrollOffTheList(t *testing.T) {
	m := start(t, panelLibrary(t), Config{}, 100, 30)
	m = step(t, m, press("#"))
	r := root(t, m)
	n := len(r.panel.items)
	for _, cursor := range []int{n, n + 5} {
		r.panel.cursor = cursor
		var tm tea.Model = r
		if view := viewText(tm); !panelShows(view, "Feed 40") {
			t.Errorf("cursor %d of %d entries: the panel does not show its last:\n%s", cursor, n, view)
		}
	}
}
