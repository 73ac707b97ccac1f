package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeptFilterKeepsLaterMoves: enter in the filter line reads the query as
// written, not live, and the list asks for it again; on a big library that
// answer takes seconds. The moves made meanwhile stay when it comes, when
// the kept query finds what the live one showed: the cursor on its article
// (or, gone, on the row where it was) on the same screen line. A kept query
// that finds other articles starts at the top, and the keys typed before its
// page came act on its rows (typeahead.go), not on the earlier query's.
func TestKeptFilterKeepsLaterMoves(t *testing.T) {
	tests := []struct {
		name  string
		typed string   // in the filter line, before enter
		moves []string // while the kept query's page is on its way
		// readCursor marks the cursor's article read before the page comes.
		readCursor bool
		want       func(t *testing.T, before, after placeOf)
	}{
		{name: "j within the first page", typed: "revel", moves: repeat("j", 10),
			want: samePlace},
		{name: "ctrl+d past the first page", typed: "revel", moves: repeat("ctrl+d", 20),
			want: samePlace},
		{name: "down in the page, then up", typed: "revel", moves: append(repeat("ctrl+d", 3), "k"),
			want: samePlace},
		{name: "G to the oldest", typed: "revel", moves: []string{"G"},
			want: func(t *testing.T, before, after placeOf) {
				if after.number != 199 {
					t.Errorf("the cursor is on article %d, want the oldest, 199", after.number)
				}
			}},
		{name: "the cursor's article gone", typed: "is:unread revel", moves: repeat("j", 6), readCursor: true,
			want: func(t *testing.T, before, after placeOf) {
				if after.index != before.index || after.screenRow != before.screenRow {
					t.Errorf("the cursor went from row %d (screen line %d) to row %d (line %d)",
						before.index, before.screenRow, after.index, after.screenRow)
				}
				if after.number != before.number+1 {
					t.Errorf("the cursor is on article %d, want the one after the gone %d", after.number, before.number)
				}
			}},
		{name: "another query starts at the top", typed: "storm sh", moves: repeat("j", 3),
			want: func(t *testing.T, before, after placeOf) {
				// The moves typed meanwhile were typed for its list:
				// they are made there, from its top.
				if after.index != 3 || after.screenRow != 3 {
					t.Errorf("storm sh* kept, then j j j: the cursor is on row %d, screen line %d, want 3 down from the top",
						after.index, after.screenRow)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 200)
			m := start(t, lib, Config{PageSize: 10}, 80, 12)
			m = step(t, m, press("/"))
			m = typeKeys(t, m, tt.typed)
			m, held := m.Update(press("enter")) // the kept query's page is on its way
			m = steps(t, m, tt.moves...)
			before := placeIn(t, m)
			if tt.readCursor {
				if err := lib.SetRead(context.Background(), []int64{before.id}, true); err != nil {
					t.Fatal(err)
				}
			}
			m = run(t, m, held) // it comes
			after := placeIn(t, m)
			if l := root(t, m).list; !l.loaded || l.epoch == 0 || l.query.live {
				t.Fatalf("after enter the list shows %+v", l.query)
			}
			tt.want(t, before, after)
			checkFits(t, m, 80, 12)
			// The selected line on screen is the cursor's.
			if sel := selectedLine(viewText(m)); !strings.Contains(sel, fmt.Sprintf("Article %03d", after.number)) {
				t.Errorf("the screen does not select article %03d:\n%s", after.number, viewText(m))
			}
		})
	}
}

// placeOf is where the list's cursor is.
type placeOf struct {
	id        int64
	number    int // the article's, from its title
	index     int // the row's in the window
	screenRow int // the line's in the rows area
}

func placeIn(t *testing.T, m tea.Model) placeOf {
	t.Helper()
	l := root(t, m).list
	row, ok := l.current()
	if !ok {
		t.Fatal("no row selected")
	}
	return placeOf{id: row.ID, number: articleNumber(t, row.Title), index: l.cursor, screenRow: l.cursor - l.offset}
}

// samePlace: the cursor stayed on its article, on its screen line.
func samePlace(t *testing.T, before, after placeOf) {
	t.Helper()
	if after.number != before.number {
		t.Errorf("the page moved the cursor from article %d to %d", before.number, after.number)
	}
	if after.screenRow != before.screenRow {
		t.Errorf("the page moved the cursor from screen line %d to %d", before.screenRow, after.screenRow)
	}
}

func repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// selectedLine is the line of a screen that shows the selected row.
func selectedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "▌") {
			return l
		}
	}
	return ""
}
