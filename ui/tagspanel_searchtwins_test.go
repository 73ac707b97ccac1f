package ui

import (
	"context"
	"strings"
	"testing"
)

// TestPanelListsBothSearchesOfAName: a search saved in the library whose
// name config.toml's [[search]] gives too, in any case, stays listed in the
// # panel after config.toml's, its line saying it is the library's: enter
// runs it, and d deletes it (config.toml's is deleted in config.toml).
func TestPanelListsBothSearchesOfAName(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	if err := lib.SaveSearch(ctx, "My org", "org-mode*"); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Searches: []SavedSearch{{Name: "my ORG", Query: "title:emacs"}}}
	m := start(t, lib, cfg, 100, 30)
	m = step(t, m, press("#"))
	view := viewText(m)
	for _, want := range []string{"my ORG title:emacs", "My org (library) org-mode*"} {
		if !panelShows(view, want) {
			t.Errorf("the panel lacks %q:\n%s", want, view)
		}
	}
	if panelShows(view, "my ORG (library)") {
		t.Errorf("config.toml's search is said to be the library's:\n%s", view)
	}

	m = step(t, m, press("d"))
	if got := root(t, m).status; !strings.Contains(got, "config.toml") {
		t.Errorf("d on config.toml's search says %q", got)
	}
	m = steps(t, m, "j", "d")
	if r := root(t, m); r.confirm == nil {
		t.Fatalf("d on the library's search asks nothing; the status line says %q", r.status)
	}
	m = step(t, m, press("y"))
	saved, err := lib.SavedSearches(ctx)
	if err != nil || len(saved) != 0 {
		t.Errorf("after y the library holds %v (%v), want no search", saved, err)
	}
	view = viewText(m)
	if panelShows(view, "org-mode*") || !panelShows(view, "my ORG title:emacs") {
		t.Errorf("after the library's search was deleted the panel shows:\n%s", view)
	}

	// Enter on the library's runs its query.
	if err := lib.SaveSearch(ctx, "My org", "org-mode*"); err != nil {
		t.Fatal(err)
	}
	m = start(t, lib, cfg, 100, 30)
	m = steps(t, m, "#", "j", "enter")
	if q := root(t, m).list.query.text; q != "org-mode*" {
		t.Errorf("enter on the library's search filtered by %q, want org-mode*", q)
	}
	// The panel opens on it again: the list's filter is its query.
	m = step(t, m, press("#"))
	if it, _ := root(t, m).panel.current(); !it.saved || it.name != "My org" {
		t.Errorf("the panel opens on %q (the library's: %v), want the library's My org", it.name, it.saved)
	}
}
