package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// panelLibrary is a library of articles with tags (testArticle) that
// follows 40 feeds, "Feed 01" to "Feed 40", with a saved search: the #
// panel lists some 50 entries, more than a screen holds.
func panelLibrary(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	lib := newLibrary(t, 30)
	if err := lib.SaveSearch(ctx, "Storms", "title:storm"); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 40; i++ {
		url := fmt.Sprintf("http://feeds.example/%02d.xml", i)
		f, err := lib.AddFeed(ctx, store.Feed{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		title := fmt.Sprintf("Feed %02d", i)
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: title},
			Articles: []feeds.Article{{ExternalID: "story-" + title, Title: title + " story", Body: "A story.", Source: title, FeedURL: url}}}
		if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

// panelCursorLine is the panel's line that shows the cursor, as drawn.
func panelCursorLine(t *testing.T, m tea.Model) string {
	t.Helper()
	for _, l := range strings.Split(viewText(m), "\n") {
		if strings.Contains(l, "│ ▌ ") {
			return l
		}
	}
	return ""
}

// TestPanelOpensOnTheFilter: the # panel opens on the entry that is the
// list's filter, shown with the entries around it, as newsboat's feed list
// opens on the feed last read; when the filter is none of its entries (or
// there is none), on the entry it was on when it closed; at first, on the
// first entry.
func TestPanelOpensOnTheFilter(t *testing.T) {
	lib := panelLibrary(t)
	tests := []struct {
		name  string
		query string   // the list's, from the start
		keys  []string // before # opens the panel again
		want  string   // the entry the panel opens on
	}{
		{"at first, the first entry", "", nil, "Storms"},
		{"the feed chosen", "", []string{"#", "G", "k", "k", "enter"}, "Feed 38"},
		{"the tag chosen", "", []string{"#", "j", "j", "j", "enter"}, "leak"},
		{"the filter given on the command line", `feed:"Feed 27"`, nil, "Feed 27"},
		{"the filter typed", "", []string{"/", "t", "a", "g", ":", "n", "a", "t", "o", "enter"}, "nato"},
		{"closed without choosing, where it was", "", []string{"#", "G", "esc"}, "Feed 40"},
		{"another filter, where it was", "", []string{"#", "G", "k", "esc", "/", "s", "h", "o", "r", "t", "enter"}, "Feed 39"},
		{"the filter cleared, where it was", "", []string{"#", "G", "k", "k", "enter", "esc"}, "Feed 38"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{Query: tt.query}, 80, 24)
			m = steps(t, m, tt.keys...)
			m = step(t, m, press("#"))
			it, _ := root(t, m).panel.current()
			if it.name != tt.want {
				t.Errorf("the panel opens on %q, want %q", it.name, tt.want)
			}
			if line := panelCursorLine(t, m); !strings.Contains(line, tt.want) {
				t.Errorf("the cursor's line %q is not %s's:\n%s", line, tt.want, viewText(m))
			}
			checkFits(t, m, 80, 24)
		})
	}
}

// TestPanelPages: the panel goes a page and half a page at a time, and to
// its ends, with the list's keys.
func TestPanelPages(t *testing.T) {
	lib := panelLibrary(t)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("#"))
	p := root(t, m).panel
	rows := p.layout(80, 24, root(t, m).styles).rows
	first := p.cursor
	tests := []struct {
		key  string
		want int // the cursor's index after it, -1: the last entry
	}{
		{"pgdown", first + rows},
		{"pgdown", first + 2*rows},
		{"pgup", first + rows},
		{"ctrl+d", first + rows + rows/2},
		{"ctrl+u", first + rows},
		{"end", -1},
		{"home", first},
		{"G", -1},
		{"g", first},
		{"pgup", first},
	}
	for i, tt := range tests {
		m = step(t, m, press(tt.key))
		p := root(t, m).panel
		want := tt.want
		if want < 0 {
			want = len(p.items) - 1
		}
		for want < len(p.items) && p.items[want].heading != "" {
			want++ // a heading is passed over
		}
		if p.cursor != want {
			t.Errorf("%d: after %s the cursor is on entry %d (%s), want %d", i, tt.key, p.cursor, p.items[p.cursor].name, want)
		}
		if name := p.items[p.cursor].name; !strings.Contains(panelCursorLine(t, m), name) {
			t.Errorf("%d: after %s the cursor's entry %s is not shown:\n%s", i, tt.key, name, viewText(m))
		}
	}
}
