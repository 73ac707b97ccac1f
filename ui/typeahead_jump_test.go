package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// TestKeysTypedAheadOfAJump: keys typed after a move to a row the list has
// not loaded (G, g from the bottom, n and p past the rows loaded, in the
// list and in the reader), before the page it lands on comes (a burst, a
// paste, a key macro, ssh), act on the row the move lands on, exactly as if
// typed after it: never on the row the cursor left.
func TestKeysTypedAheadOfAJump(t *testing.T) {
	jumps := []struct {
		name   string
		unread []int    // the articles left unread, all when none
		before []string // typed and answered first
		jump   string   // its page is held
	}{
		{name: "list: G", jump: "G"},
		{name: "list: end", before: []string{"j"}, jump: "end"},
		{name: "list: g from the bottom", before: []string{"G"}, jump: "g"},
		{name: "list: n past the rows loaded", unread: []int{80}, before: []string{"j"}, jump: "n"},
		{name: "list: p past the rows loaded", unread: []int{20}, before: []string{"G"}, jump: "p"},
		{name: "reader: n past the rows loaded", unread: []int{80}, before: []string{"enter"}, jump: "n"},
		{name: "reader: p past the rows loaded", unread: []int{20}, before: []string{"G", "enter"}, jump: "p"},
	}
	actions := [][]string{
		{"D"}, {"enter"}, {"s"}, {"m"}, {"t"}, {"space"}, {"o"}, {"j", "s"}, {"k", "D"}, {"J"}, {"G", "m"},
	}
	library := func(t *testing.T, unread []int) *store.Store {
		if unread == nil {
			return newLibrary(t, 100)
		}
		return unreadLibrary(t, 100, unread...)
	}
	cfg := func(opened *[]string) Config {
		return Config{PageSize: 10, OpenURL: func(url string) error { *opened = append(*opened, url); return nil }}
	}
	for _, j := range jumps {
		for _, typed := range actions {
			t.Run(j.name+"/"+strings.Join(typed, " "), func(t *testing.T) {
				// The patient typist.
				var openedWaiting []string
				libWaiting := library(t, j.unread)
				waited := start(t, libWaiting, cfg(&openedWaiting), 80, 12)
				waited = steps(t, waited, j.before...)
				waited = steps(t, waited, j.jump)
				waited = steps(t, waited, typed...)
				want := outcome(t, waited, libWaiting, openedWaiting)

				// The burst: the keys come before the page.
				var opened []string
				lib := library(t, j.unread)
				m := start(t, lib, cfg(&opened), 80, 12)
				m = steps(t, m, j.before...)
				m, page := m.Update(press(j.jump))
				if page == nil {
					t.Fatal("the move asked for nothing")
				}
				for _, k := range typed {
					m = step(t, m, press(k))
				}
				if n := len(root(t, m).held); n != len(typed) {
					t.Errorf("%d of the %d keys typed ahead of the page were held", n, len(typed))
				}
				m = run(t, m, page) // the page comes
				if got := outcome(t, m, lib, opened); got != want {
					t.Errorf("typed ahead of the page:\n%s\nwant, as typed after it:\n%s", got, want)
				}
			})
		}
	}
}

// TestJumpThroughAWrite: a write noticed while G's page is on its way (a
// fetch in another shell) asks for the oldest articles again, not for the
// window around the row the cursor left; the keys typed meanwhile act on
// the oldest article.
func TestJumpThroughAWrite(t *testing.T) {
	lib := newLibrary(t, 100)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	m, page := m.Update(press("G"))
	m = step(t, m, press("D"))
	if err := lib.SetStarred(context.Background(), []int64{articleID(t, lib, 3)}, true); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{}) // the write is noticed; G's page is asked for anew
	m = run(t, m, page)       // the first one comes late, and is dropped
	r := root(t, m)
	if got := articleNumber(t, cursorTitle(t, m)); got != 99 {
		t.Errorf("after G and a write, the cursor is on article %d, want the oldest, 99", got)
	}
	if r.confirm == nil || !strings.Contains(r.confirm.question, "Article 099") {
		t.Errorf("D typed after G asks %+v, want the oldest article", r.confirm)
	}
}

// TestJumpFails: when G's page fails (a busy library), the cursor stays
// where it was, and the keys typed meanwhile act on the row the screen
// shows.
func TestJumpFails(t *testing.T) {
	lib := newLibrary(t, 100)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	m = steps(t, m, "j")
	m, _ = m.Update(press("G"))
	m = step(t, m, press("s"))
	r := root(t, m)
	m = step(t, m, pageMsg{epoch: r.list.epoch, kind: pageReplace, err: store.ErrBusy})
	r = root(t, m)
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 || len(r.held) != 0 {
		t.Errorf("after G failed the cursor is on article %d, %d keys held", got, len(r.held))
	}
	starred, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(starred) != 1 || articleNumber(t, starred[0].Title) != 1 {
		t.Errorf("s typed after the failed G starred %v, want article 1, the one shown", starred)
	}
}

// TestClickWhileJumping: a click on a row while the cursor is on its way
// to the oldest article does nothing: the row under the pointer is about to
// leave the screen.
func TestClickWhileJumping(t *testing.T) {
	lib := newLibrary(t, 100)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	m, page := m.Update(press("G"))
	header, filter, _, _ := root(t, m).listLines()
	click := tea.MouseClickMsg{X: 10, Y: header + filter + 2, Button: tea.MouseLeft}
	m = step(t, m, click)
	m = step(t, m, click)
	if r := root(t, m); r.screen != screenList {
		t.Fatalf("a double click while G's page came opened article %d", r.reader.id())
	}
	m = run(t, m, page)
	if got := articleNumber(t, cursorTitle(t, m)); got != 99 {
		t.Errorf("the cursor is on article %d, want the oldest, 99", got)
	}
}
