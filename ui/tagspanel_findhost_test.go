package ui

import (
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestPanelFindsWhatTheLineShows: the # panel's find line looks in what
// an entry's line shows: a feed that shares its name with another is found
// by the host, or the address, its line shows beside the name.
func TestPanelFindsWhatTheLineShows(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	for _, f := range []store.Feed{
		{URL: "http://127.0.0.1:18422/same1.xml", Title: "Same"},
		{URL: "http://127.0.0.1:18422/same2.xml", Title: "Same"},
		{URL: "https://a.example/rss", Title: "Gazette"},
		{URL: "https://b.example/rss", Title: "Gazette"},
		{URL: "https://other.example/rss", Title: "Other"},
	} {
		if _, err := lib.AddFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		typed string
		want  string // the address of the feed under the cursor
		shown string // its line starts so
	}{
		{"same", "http://127.0.0.1:18422/same1.xml", "Same 127.0.0.1:18422/same1.xml"},
		{"same2", "http://127.0.0.1:18422/same2.xml", "Same 127.0.0.1:18422/same2.xml"},
		{"18422/same2", "http://127.0.0.1:18422/same2.xml", "Same 127.0.0.1:18422/same2.xml"},
		{"gazette b", "https://b.example/rss", "Gazette b.example"},
		{"b.exa", "https://b.example/rss", "Gazette b.example"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			m := start(t, lib, Config{}, 100, 30)
			m = steps(t, m, "#", "/")
			m = typeIn(t, m, tt.typed)
			p := root(t, m).panel
			view := viewText(m)
			if it, ok := p.current(); !ok || it.url != tt.want {
				t.Errorf("/%s: the cursor is on %q (%s), want %s:\n%s", tt.typed, it.name, it.url, tt.want, view)
			}
			if p.find.missing || strings.Contains(view, "no such name") {
				t.Errorf("/%s: the line says no such name:\n%s", tt.typed, view)
			}
			if line := panelCursorLine(t, m); !strings.Contains(line, tt.shown) {
				t.Errorf("/%s: the cursor's line %q does not show %q", tt.typed, line, tt.shown)
			}
		})
	}
}
