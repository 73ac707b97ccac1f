package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// TestWelcomeFeedsSubscribed: a library that follows feeds but holds no
// article yet says how many it follows and that none was fetched, rather
// than that it is empty; r fetches them there as in the list, and the
// articles then show; # lists the feeds.
func TestWelcomeFeedsSubscribed(t *testing.T) {
	srv := newFeedServer(t, map[string]string{
		"/a.xml": rss("Alpha", "a", 2), "/b.xml": rss("Beta", "b", 1), "/c.xml": rss("Gamma", "c", 1),
	})
	ctx := context.Background()
	lib, _ := openLibrary(t)
	for _, path := range []string{"/a.xml", "/b.xml", "/c.xml"} {
		if _, err := lib.AddFeed(ctx, store.Feed{URL: srv.URL + path}); err != nil {
			t.Fatal(err)
		}
	}
	m := start(t, lib, Config{Refresh: refresher(lib)}, 80, 24)
	checkFits(t, m, 80, 24)
	view := viewText(m)
	for _, want := range []string{"3 feeds subscribed, none fetched yet.", "Press r to fetch them.", "r refresh feeds"} {
		if !strings.Contains(view, want) {
			t.Errorf("the welcome does not say %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Your library is empty") {
		t.Errorf("a library with feeds is said empty:\n%s", view)
	}

	p := step(t, m, press("#"))
	if !root(t, p).panel.open {
		t.Errorf("# did not open the tags panel on the welcome screen:\n%s", viewText(p))
	}

	m = step(t, m, press("r"))
	if status := root(t, m).status; status != "Fetched 3 feeds: 4 new articles" {
		t.Errorf("after r: status %q", status)
	}
	subs, err := lib.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range subs {
		if f.LastFetch.IsZero() {
			t.Errorf("r did not fetch %s", f.URL)
		}
	}
	if view := viewText(m); strings.Contains(view, "Welcome") || !strings.Contains(view, "a story 1") {
		t.Errorf("the fetched articles are not listed:\n%s", view)
	}
}

// TestWelcomeFeedStates: what the welcome says of the feeds followed, as
// fetching them goes: being fetched, fetched without articles, failed, and
// in a library that cannot fetch them.
func TestWelcomeFeedStates(t *testing.T) {
	srv := newFeedServer(t, map[string]string{"/empty.xml": rss("Empty", "e", 0)})
	tests := []struct {
		name     string
		paths    []string
		cfg      func(*store.Store) Config
		keys     []string
		holdDone bool // the refresh is still running
		want     []string
		status   string
	}{
		{"one feed", []string{"/empty.xml"}, fetching, nil, false,
			[]string{"1 feed subscribed, none fetched yet.", "Press r to fetch them."}, ""},
		{"being fetched", []string{"/empty.xml"}, fetching, []string{"r"}, true,
			[]string{"1 feed subscribed, none fetched yet.", "Fetching them now…"}, ""},
		{"r again while fetched", []string{"/empty.xml"}, fetching, []string{"r", "r"}, true,
			[]string{"Fetching them now…"}, "Already fetching the feeds."},
		{"fetched, no articles", []string{"/empty.xml"}, fetching, []string{"r"}, false,
			[]string{"1 feed subscribed, no articles from them yet.", "Press r to fetch them again."}, "Fetched 1 feed: 0 new articles"},
		{"some failed", []string{"/empty.xml", "/gone.xml"}, fetching, []string{"r"}, false,
			[]string{"2 feeds subscribed, no articles from them yet.", "1 of them failed at their last fetch: # lists them with their errors."}, ""},
		{"all failed", []string{"/gone.xml"}, fetching, []string{"r"}, false,
			[]string{"Their last fetch failed: # lists them with their errors."}, ""},
		{"read-only", []string{"/empty.xml"}, func(st *store.Store) Config { return Config{Refresh: refresher(st), ReadOnly: true} }, []string{"r"}, false,
			[]string{"1 feed subscribed, none fetched yet.", "tidings fetch fetches them."}, "cannot refresh feeds: the library is read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			lib, _ := openLibrary(t)
			for _, path := range tt.paths {
				if _, err := lib.AddFeed(ctx, store.Feed{URL: srv.URL + path}); err != nil {
					t.Fatal(err)
				}
			}
			m := start(t, lib, tt.cfg(lib), 80, 24)
			hold := func(msg tea.Msg) bool {
				_, done := msg.(refreshDoneMsg)
				return done && tt.holdDone
			}
			for _, k := range tt.keys {
				var cmd tea.Cmd
				m, cmd = m.Update(press(k))
				m = runHolding(t, m, cmd, hold)
			}
			checkFits(t, m, 80, 24)
			view := viewText(m)
			for _, want := range tt.want {
				if !strings.Contains(view, want) {
					t.Errorf("the welcome does not say %q:\n%s", want, view)
				}
			}
			if tt.status != "" && !strings.HasPrefix(root(t, m).status, tt.status) {
				t.Errorf("status %q, want %q", root(t, m).status, tt.status)
			}
		})
	}
}

// fetching is the reader's Config with r fetching the feeds of st.
func fetching(st *store.Store) Config { return Config{Refresh: refresher(st)} }
