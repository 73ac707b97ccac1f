package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// TestPanelFollowsLibraryChanges: while the # panel is open, a write by
// another process (tidings fetch in another shell) shows in it as it shows
// in the list, at the next look at the library's generation: the feeds'
// unread counts and errors, the tags' counts, a new tag; the cursor stays on
// its entry though a new one came before it.
func TestPanelFollowsLibraryChanges(t *testing.T) {
	ctx := context.Background()
	lib, path := openLibrary(t)
	importArticles(t, lib, 0, 6)
	harbour, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/harbour.xml", Title: "Harbour News"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AddFeed(ctx, store.Feed{URL: "http://example.org/trickle.xml", Title: "Trickle"}); err != nil {
		t.Fatal(err)
	}
	fetch := func(st *store.Store, titles []string, ferr error) {
		t.Helper()
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: harbour.URL, Title: "Harbour News"}, Err: ferr}
		for _, title := range titles {
			res.Articles = append(res.Articles, feeds.Article{ExternalID: "feed:" + title, Title: title,
				Body: title + ".", Source: "Harbour News", FeedURL: harbour.URL})
		}
		if _, err := st.RecordFetch(ctx, harbour.ID, res, nil); err != nil {
			t.Fatal(err)
		}
	}
	fetch(lib, []string{"Ferries return", "Cranes replaced"}, nil)

	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "#", "G")
	if it, _ := root(t, m).panel.current(); it.name != "Trickle" {
		t.Fatalf("on %q, want Trickle", it.name)
	}
	view := viewText(m)
	for _, want := range []string{"Harbour News 2 unread", "#germany 1"} {
		if !panelShows(view, want) {
			t.Fatalf("the panel lacks %q:\n%s", want, view)
		}
	}

	// Another tidings: a fetch brings an article, then fails; two are read,
	// and a tag goes on two articles.
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	fetch(other, []string{"Ferries return", "Cranes replaced", "Tide tables"}, nil)
	fetch(other, nil, errors.New("HTTP 503 Service Unavailable"))
	rows, err := other.Page(ctx, store.PageRequest{Query: `feed:"Harbour News"`, Limit: 10})
	if err != nil || len(rows) != 3 {
		t.Fatalf("the feed's articles: %v, %v", rows, err)
	}
	if err := other.SetRead(ctx, []int64{rows[0].ID, rows[1].ID}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := other.TagChanges(ctx, []int64{rows[1].ID, rows[2].ID}, []string{"aaa-harbour"}, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(viewText(m), "HTTP 503") {
		t.Fatal("the panel changed before the library was looked at")
	}

	m = step(t, m, pollMsg{})
	p := root(t, m).panel
	if !p.open || p.loading {
		t.Fatalf("the panel is open %v, loading %v", p.open, p.loading)
	}
	view = viewText(m)
	for _, want := range []string{"Harbour News ! HTTP 503 Service Unavailable 1 unread", "#aaa-harbour 2", "#germany 1"} {
		if !panelShows(view, want) {
			t.Errorf("after the other tidings wrote, the panel lacks %q:\n%s", want, view)
		}
	}
	if it, _ := p.current(); it.name != "Trickle" {
		t.Errorf("the cursor went to %q, want it on Trickle", it.name)
	}

	// Nothing changed since: the next look lists nothing anew.
	if _, cmd := m.Update(pollMsg{}); cmd != nil {
		if msg, ok := cmd().(generationMsg); ok {
			m2, cmd := m.Update(msg)
			if cmd != nil && hasPanelLoad(cmd) {
				t.Error("the panel is listed anew though the library did not change")
			}
			m = m2
		}
	}
	// Closed, it is not listed anew.
	m = step(t, m, press("esc"))
	if err := other.SetRead(ctx, []int64{rows[2].ID}, true); err != nil {
		t.Fatal(err)
	}
	if _, cmd := m.Update(pollMsg{}); cmd != nil {
		if msg, ok := cmd().(generationMsg); ok {
			if _, cmd := m.Update(msg); cmd != nil && hasPanelLoad(cmd) {
				t.Error("the closed panel is listed anew")
			}
		}
	}
}

// panelShows reports whether a line of the panel in view says want, its
// words apart as the panel sets them.
func panelShows(view, want string) bool {
	for _, line := range strings.Split(view, "\n") {
		if _, inBox, ok := strings.Cut(line, "│"); ok {
			if strings.Contains(strings.Join(strings.Fields(inBox), " "), want) {
				return true
			}
		}
	}
	return false
}

// hasPanelLoad reports whether cmd, run, lists the panel.
func hasPanelLoad(cmd tea.Cmd) bool {
	switch msg := cmd().(type) {
	case panelLoadedMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil && hasPanelLoad(c) {
				return true
			}
		}
	}
	return false
}
