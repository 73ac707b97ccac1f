package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// typeaheadLibrary is a library of 30 articles (a few tagged germany) and a
// feed that brought none, Trickle: the last of the panel's entries.
func typeaheadLibrary(t *testing.T) *store.Store {
	t.Helper()
	lib := newLibrary(t, 30)
	if _, err := lib.AddFeed(context.Background(), store.Feed{URL: "http://example.org/trickle.xml", Title: "Trickle"}); err != nil {
		t.Fatal(err)
	}
	return lib
}

// typeaheadConfig has a saved search in config.toml, the panel's first
// entry, and opens links into *opened.
func typeaheadConfig(opened *[]string) Config {
	return Config{
		Searches: []SavedSearch{{Name: "Storms", Query: "storm"}},
		OpenURL:  func(url string) error { *opened = append(*opened, url); return nil },
	}
}

// outcome is what keys did, as the user sees it and as the library keeps
// it.
func outcome(t *testing.T, m tea.Model, lib *store.Store, opened []string) string {
	t.Helper()
	ctx := context.Background()
	ids := func(q string) []int64 {
		rows, err := lib.Page(ctx, store.PageRequest{Query: q, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, r := range rows {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	total, err := lib.Total(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := root(t, m)
	cur, _ := r.list.current()
	var b strings.Builder
	fmt.Fprintf(&b, "query %q, %d articles, starred %v, read %v\n", r.list.query.text, total, ids("is:starred"), ids("is:read"))
	fmt.Fprintf(&b, "list on %d %q, selected %v, screen %d, reader on %d\n", cur.ID, cur.Title, r.list.markedIDs(), r.screen, r.reader.id())
	question := ""
	if r.confirm != nil {
		question = r.confirm.question
	}
	fmt.Fprintf(&b, "question %q, tagging %v (open %v), links opened %q, status %q",
		question, r.editor.ids, r.editor.open, opened, r.status)
	return b.String()
}

// TestKeysTypedAheadOfANewQuery: keys typed after the list's query changed,
// before the new query's page came (fast typing, a paste, a slow library),
// act on the new list's rows once they are there, exactly as if typed
// after: never on the row the earlier query showed under the cursor. In an
// empty new list they do nothing. Every way the query changes: the tags
// panel's feeds, tags and config.toml's searches, the filter line kept or
// cleared, esc in the list.
func TestKeysTypedAheadOfANewQuery(t *testing.T) {
	paths := []struct {
		name   string
		before []string // typed and answered first
		change []string // the last of them changes the query; its page is held
		query  string   // the query it changes to
	}{
		{name: "panel: a feed without articles", before: []string{"j", "j"},
			change: []string{"#", "G", "l"}, query: `feed:Trickle`},
		{name: "panel: a tag", before: []string{"j", "j"},
			change: []string{"#", "j", "j", "enter"}, query: "tag:germany"},
		{name: "panel: a search of config.toml", before: []string{"j", "j"},
			change: []string{"#", "enter"}, query: "storm"},
		{name: "filter line: enter, the query kept as shown", before: []string{"j", "j"},
			change: []string{"/", "l", "u", "f", "t", "w", "enter"}, query: "luftw*"},
		{name: "filter line: enter, a word counted only now", before: []string{"j", "j"},
			change: []string{"/", "a", "r", "t", "i", "c", "l", "e", " ", "0", "0", "down", "down", "enter"}, query: "article 00*"},
		{name: "filter line: esc", before: []string{"/", "l", "u", "f", "t", "w", "a", "f", "f", "e", "enter", "j"},
			change: []string{"/", "esc"}, query: ""},
		{name: "list: esc clears the filter", before: []string{"/", "l", "u", "f", "t", "w", "a", "f", "f", "e", "enter", "j"},
			change: []string{"esc"}, query: ""},
	}
	actions := [][]string{
		{"s"}, {"m"}, {"D"}, {"enter"}, {"space"}, {"y"}, {"o"}, {"t"}, {"n"}, {"j", "s"}, {"G", "m"},
	}
	for _, p := range paths {
		for _, typed := range actions {
			t.Run(p.name+"/"+strings.Join(typed, " "), func(t *testing.T) {
				// Each waits mostly on its libraries' files being made.
				t.Parallel()
				// The patient typist: each key once the screen has
				// answered the one before.
				var openedWaiting []string
				libWaiting := typeaheadLibrary(t)
				waited := start(t, libWaiting, typeaheadConfig(&openedWaiting), 100, 30)
				waited = steps(t, waited, p.before...)
				waited = steps(t, waited, p.change...)
				if q := root(t, waited).list.query.text; q != p.query {
					t.Fatalf("the keys %v set the query %q, want %q", p.change, q, p.query)
				}
				waited = steps(t, waited, typed...)
				want := outcome(t, waited, libWaiting, openedWaiting)

				// The fast one: the keys typed before the new query's
				// page comes.
				var opened []string
				lib := typeaheadLibrary(t)
				m := start(t, lib, typeaheadConfig(&opened), 100, 30)
				m = steps(t, m, p.before...)
				m = steps(t, m, p.change[:len(p.change)-1]...)
				m, page := m.Update(press(p.change[len(p.change)-1]))
				if page == nil {
					t.Fatal("the query's change asked for nothing")
				}
				for _, k := range typed {
					m = step(t, m, press(k))
				}
				m = run(t, m, page) // the page comes
				if got := outcome(t, m, lib, opened); got != want {
					t.Errorf("typed ahead of the page:\n%s\nwant, as typed after it:\n%s", got, want)
				}
			})
		}
	}
}

// TestTypedAheadKeepOrder: keys held for a new list keep their order, and
// one of them that changes the query again holds those after it for the
// next list; ctrl+c is never held.
func TestTypedAheadKeepOrder(t *testing.T) {
	lib := typeaheadLibrary(t)
	var opened []string
	m := start(t, lib, typeaheadConfig(&opened), 100, 30)
	m, page := m.Update(press("#"))
	m = run(t, m, page)
	m, page = m.Update(press("enter")) // the saved search, storm
	// Then, before its page: a move, the filter line emptied, a new query
	// kept, a move and a star.
	for _, k := range []string{"j", "/", "ctrl+u", "l", "u", "f", "t", "w", "a", "f", "f", "e", "enter", "j", "s"} {
		m = step(t, m, press(k))
	}
	if n := len(root(t, m).held); n != 15 {
		t.Fatalf("%d keys held, want the 15 typed", n)
	}
	if got := root(t, m).status; got != keysWaiting {
		t.Errorf("while keys wait, the status line says %q", got)
	}
	m = run(t, m, page)
	r := root(t, m)
	if r.list.query.text != "luftwaffe*" || len(r.held) != 0 {
		t.Fatalf("the list shows %q with %d keys held, want luftwaffe* and none", r.list.query.text, len(r.held))
	}
	if r.status == keysWaiting {
		t.Error("the status line still says keys wait")
	}
	starred, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	luftwaffe, err := lib.Page(context.Background(), store.PageRequest{Query: "luftwaffe*", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(starred) != 1 || len(luftwaffe) < 2 || starred[0].ID != luftwaffe[1].ID {
		t.Errorf("starred %v, want the second of luftwaffe's articles\n%s", starred, outcome(t, m, lib, nil))
	}

	// ctrl+c quits at once, whatever is held.
	m, _ = m.Update(press("esc"))
	m = step(t, m, press("s"))
	if _, cmd := m.Update(press("ctrl+c")); cmd == nil {
		t.Error("ctrl+c with keys held did nothing")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("ctrl+c with keys held did not quit")
	}
}

// TestTypedAheadLetGo: while a new list loads, q quits at once and /
// opens the filter line at once (a new filter replaces the one loading),
// as before keys waited; esc lets go of the keys typed ahead, which then
// do nothing when the list comes.
func TestTypedAheadLetGo(t *testing.T) {
	lib := typeaheadLibrary(t)
	var opened []string
	m := start(t, lib, typeaheadConfig(&opened), 100, 30)
	m = steps(t, m, "#")
	m, page := m.Update(press("enter")) // the saved search, storm

	// / at once: the filter line opens over the rows still shown.
	f := step(t, m, press("/"))
	if r := root(t, f); r.mode() != modeFilter || len(r.held) != 0 {
		t.Errorf("/ while the list loads: the filter line is not open (%d keys held)", len(r.held))
	}
	// q at once, with keys waiting before it.
	q := step(t, m, press("s"))
	if _, cmd := q.Update(press("q")); cmd == nil {
		t.Error("q with keys waiting did nothing")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q with keys waiting did not quit")
	}
	// esc lets go of what waits.
	m = steps(t, m, "j")
	m = step(t, m, press("s"))
	m = step(t, m, press("esc"))
	if r := root(t, m); len(r.held) != 0 || r.status != droppedTypedAhead {
		t.Errorf("after esc: %d keys held, status %q", len(r.held), r.status)
	}
	m = run(t, m, page)
	if r := root(t, m); r.list.query.text != "storm" {
		t.Errorf("esc, let go of the keys typed ahead, changed the query to %q", r.list.query.text)
	}
	starred, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 10})
	if err != nil || len(starred) != 0 {
		t.Errorf("the s let go of starred %v (%v)", starred, err)
	}
}

// TestStaleRowsNotClicked: a click on a row of the earlier query's window
// does nothing while the new query's page is on its way.
func TestStaleRowsNotClicked(t *testing.T) {
	lib := typeaheadLibrary(t)
	var opened []string
	m := start(t, lib, typeaheadConfig(&opened), 100, 30)
	m = steps(t, m, "#", "G")
	m, page := m.Update(press("l")) // Trickle: no articles
	header, filter, _, _ := root(t, m).listLines()
	click := tea.MouseClickMsg{X: 10, Y: header + filter, Button: tea.MouseLeft}
	m = step(t, m, click)
	m = step(t, m, click)
	if r := root(t, m); r.screen != screenList || r.reader.id() != 0 {
		t.Fatalf("a double click on an earlier query's row opened article %d", r.reader.id())
	}
	m = run(t, m, page)
	if !strings.Contains(viewText(m), "No articles match") {
		t.Errorf("the empty feed's list:\n%s", viewText(m))
	}
}

// TestFailedQueryDropsEarlierRows: when the new query's page fails, the
// earlier query's rows go with the error, and the keys held for the new
// list do nothing.
func TestFailedQueryDropsEarlierRows(t *testing.T) {
	lib := typeaheadLibrary(t)
	var opened []string
	m := start(t, lib, typeaheadConfig(&opened), 100, 30)
	m = steps(t, m, "#", "G")
	m, _ = m.Update(press("l")) // Trickle; its page is lost…
	m = step(t, m, press("s"))
	r := root(t, m)
	m = step(t, m, pageMsg{epoch: r.list.epoch, kind: pageReplace, err: store.ErrBusy}) // …to a busy library
	r = root(t, m)
	if len(r.list.rows) != 0 || len(r.held) != 0 {
		t.Errorf("after the failed page the list holds %d rows and %d keys", len(r.list.rows), len(r.held))
	}
	starred, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(starred) != 0 {
		t.Errorf("s starred %v", starred)
	}
	if view := viewText(m); !strings.Contains(view, "Could not list the articles") {
		t.Errorf("the failed query's list:\n%s", view)
	}
}

// TestWriteWhileQueryChanges: another write to the library (a fetch, say)
// noticed while a new query's page is on its way asks for the new list
// again as the query change asked for it: a chosen tag from its newest
// article, a cleared filter around the article the cursor was on. It does
// not ask around the earlier query's row, which the new list may lack.
func TestWriteWhileQueryChanges(t *testing.T) {
	tests := []struct {
		name   string
		before []string
		change []string
		want   int // the article the cursor is on
		row    int // and its row
	}{
		{name: "a tag chosen", before: []string{"j", "j", "j", "j", "j"},
			change: []string{"#", "j", "j", "enter"}, want: 3, row: 0},
		{name: "the filter cleared", before: []string{"/", "l", "u", "f", "t", "w", "a", "f", "f", "e", "enter", "j"},
			change: []string{"esc"}, want: 5, row: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := typeaheadLibrary(t)
			var opened []string
			m := start(t, lib, typeaheadConfig(&opened), 100, 30)
			m = steps(t, m, tt.before...)
			m = steps(t, m, tt.change[:len(tt.change)-1]...)
			m, page := m.Update(press(tt.change[len(tt.change)-1]))
			if err := lib.SetStarred(context.Background(), []int64{30}, true); err != nil {
				t.Fatal(err)
			}
			m = step(t, m, pollMsg{}) // the write is noticed, and the list asked for anew
			m = run(t, m, page)       // the page first asked for comes late
			l := root(t, m).list
			row, _ := l.current()
			if articleNumber(t, row.Title) != tt.want || l.cursor != tt.row || l.vanished {
				t.Errorf("the list is on article %q, row %d (vanished %v), want article %d on row %d",
					row.Title, l.cursor, l.vanished, tt.want, tt.row)
			}
		})
	}
}
