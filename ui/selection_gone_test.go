package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestSelectionLetsGoOfArticlesDeletedElsewhere: of two selected articles,
// another tidings deletes one; once the list notices the library changed,
// the header counts the one left, and s and D act on it and say so. An
// article still in the library stays selected, though it left the list
// (read elsewhere under is:unread), or is far from the rows loaded.
func TestSelectionLetsGoOfArticlesDeletedElsewhere(t *testing.T) {
	tests := []struct {
		name  string
		query string
		moves []string // after selecting, before the change elsewhere
		// change is done elsewhere to the first selected article.
		change func(t *testing.T, lib *store.Store, id int64)
		left   string // the header's count afterwards
		star   string // what s says
		del    string // the start of what D asks
	}{
		{name: "deleted, on screen", change: deleteElsewhere,
			left: "1 selected", star: "Starred 1 selected article.", del: "Delete 1 selected article"},
		{name: "deleted, far from the rows loaded", moves: []string{"G"}, change: deleteElsewhere,
			left: "1 selected", star: "Starred 1 selected article.", del: "Delete 1 selected article"},
		{name: "deleted, under is:unread", query: "is:unread", change: deleteElsewhere,
			left: "1 selected", star: "Starred 1 selected article.", del: "Delete 1 selected article"},
		{name: "read elsewhere, under is:unread", query: "is:unread",
			change: func(t *testing.T, lib *store.Store, id int64) {
				if err := lib.SetRead(context.Background(), []int64{id}, true); err != nil {
					t.Fatal(err)
				}
			},
			left: "2 selected", star: "Starred 2 selected articles.", del: "Delete 2 selected articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 200)
			m := start(t, lib, Config{Query: tt.query, PageSize: 10}, 100, 14)
			m = steps(t, m, "j")
			first, _ := root(t, m).list.current()
			m = steps(t, m, "space") // selects, and goes down a row
			second, _ := root(t, m).list.current()
			m = steps(t, m, "space")
			if !strings.Contains(viewText(m), "2 selected") || first.ID == second.ID {
				t.Fatalf("space space did not select two articles:\n%s", viewText(m))
			}
			m = steps(t, m, tt.moves...)
			tt.change(t, lib, first.ID)
			m = step(t, m, pollMsg{})
			if s := viewText(m); !strings.Contains(s, tt.left) {
				t.Errorf("the header does not say %q:\n%s", tt.left, s)
			}

			m = steps(t, m, "s")
			if s := viewText(m); !strings.Contains(s, tt.star) {
				t.Errorf("s does not say %q:\n%s", tt.star, s)
			}
			a, err := lib.Article(context.Background(), second.ID)
			if err != nil || !a.Starred {
				t.Errorf("the article left selected is not starred (%v)", err)
			}
			m = steps(t, m, "D")
			if s := viewText(m); !strings.Contains(s, tt.del) {
				t.Errorf("D does not ask %q…:\n%s", tt.del, s)
			}
			steps(t, m, "n")
		})
	}
}
