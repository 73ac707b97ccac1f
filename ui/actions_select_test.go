package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestToggleSelectionBeyondTheWindow: s and m on a selection decide from
// what every selected article is, not only those the list still holds: the
// list keeps a few pages around the cursor, and a selection of hundreds
// outgrows them. All starred (read), the key unstars (marks unread);
// otherwise it stars (marks read), as newsboat's and nom's do.
func TestToggleSelectionBeyondTheWindow(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		key, what, query, first, second string
	}{
		{"s", "starred", "is:starred", "Starred 30 selected articles.", "Unstarred 30 selected articles."},
		{"m", "read", "is:read", "Marked 30 selected articles read.", "Marked 30 selected articles unread."},
	} {
		t.Run(tc.key, func(t *testing.T) {
			lib := newLibrary(t, 120)
			m := start(t, lib, Config{PageSize: 10}, 100, 8)
			for range 30 {
				m = step(t, m, press("space"))
			}
			// Away to the end of the list and back near the selection: the
			// window is loaded anew around the cursor.
			m = steps(t, m, "G", "g")
			for range 35 {
				m = step(t, m, press("j"))
			}
			away := func(m tea.Model) int {
				n := 0
				for _, id := range root(t, m).list.markedIDs() {
					if _, ok := root(t, m).list.rowByID(id); !ok {
						n++
					}
				}
				return n
			}
			if away(m) == 0 {
				t.Fatalf("the list still holds every selected article: the test needs some beyond its window")
			}
			count := func() int {
				n, err := lib.Count(ctx, tc.query)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			m = step(t, m, press(tc.key))
			if s := viewText(m); !strings.Contains(s, tc.first) || count() != 30 {
				t.Fatalf("first %s: %d %s, want 30:\n%s", tc.key, count(), tc.what, s)
			}
			// A reload around the cursor, as after the write.
			m = step(t, m, generationMsg{gen: 1 << 40})
			for range 20 {
				m = step(t, m, press("j"))
			}
			if away(m) == 0 {
				t.Fatalf("the list holds every selected article again")
			}
			m = step(t, m, press(tc.key))
			if s := viewText(m); !strings.Contains(s, tc.second) || count() != 0 {
				t.Fatalf("second %s: %d %s, want 0:\n%s", tc.key, count(), tc.what, s)
			}
			// One of them starred (read) elsewhere, the rest not: the key
			// sets them all.
			m = steps(t, m, "g")
			var shown int64
			for _, r := range root(t, m).list.rows {
				if root(t, m).list.marked[r.ID] {
					shown = r.ID
				}
			}
			set := lib.SetStarred
			if tc.key == "m" {
				set = lib.SetRead
			}
			if err := set(ctx, []int64{shown}, true); err != nil {
				t.Fatal(err)
			}
			m = step(t, m, generationMsg{gen: 1 << 41})
			m = step(t, m, press(tc.key))
			if s := viewText(m); !strings.Contains(s, tc.first) || count() != 30 {
				t.Errorf("%s on a selection partly %s: %d %s, want 30:\n%s", tc.key, tc.what, count(), tc.what, s)
			}
		})
	}
}
