package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// latePages drives a model whose next pages (older and newer than the
// window) come late: each is held back when asked for, and given to the
// model only when deliver is called, as a slow library answers after the
// keys a user holds down have come.
type latePages struct {
	t    *testing.T
	m    tea.Model
	late []tea.Msg
}

// hold holds back the pages that continue the window.
func (l *latePages) hold(msg tea.Msg) bool {
	if p, ok := msg.(pageMsg); ok && (p.kind == pageOlder || p.kind == pageNewer) {
		l.late = append(l.late, msg)
		return true
	}
	return false
}

// send gives the model msg, running what follows but the pages.
func (l *latePages) send(msg tea.Msg) {
	l.t.Helper()
	m, cmd := l.m.Update(msg)
	l.m = runHolding(l.t, m, cmd, l.hold)
}

// deliver gives the model the pages held back so far, in the order asked;
// those they ask for in turn are held back too.
func (l *latePages) deliver() {
	l.t.Helper()
	l.deliverFirst(len(l.late))
}

// deliverFirst gives the model the first n pages held back.
func (l *latePages) deliverFirst(n int) {
	l.t.Helper()
	late := l.late[:n:n]
	l.late = l.late[n:]
	for _, msg := range late {
		l.send(msg)
	}
}

// deliverAll gives the model every page held back, and every page those
// ask for, until none is asked for.
func (l *latePages) deliverAll() {
	l.t.Helper()
	for i := 0; len(l.late) > 0; i++ {
		if i == 1000 {
			l.t.Fatal("pages kept being asked for")
		}
		l.deliver()
	}
}

// TestHeldMovesPastTheRowsLoaded: a move key held down (page down, ctrl+d,
// j, and up the same way from the oldest article, after older rows were let
// go of) faster than the library brings the next pages moves the cursor
// exactly as far as the keys say: a move that runs past the rows loaded is
// not cut short at the last row loaded, it goes on when the page comes, and
// the keys typed meanwhile follow it.
func TestHeldMovesPastTheRowsLoaded(t *testing.T) {
	const n, height = 300, 14
	rows := height - 3 // the list's rows on screen
	moves := map[string]int{"j": 1, "k": -1, "ctrl+d": rows / 2, "ctrl+u": -rows / 2, "pgdown": rows, "pgup": -rows}
	repeat := func(k string, times int) []string {
		keys := make([]string, times)
		for i := range keys {
			keys[i] = k
		}
		return keys
	}
	tests := []struct {
		name   string
		before []string // typed, and their pages come, first
		keys   []string // typed while pages come late
		every  int      // the pages asked for come after every this many keys
	}{
		{name: "page down, a page every key", keys: repeat("pgdown", 20), every: 1},
		{name: "page down, a page every 3 keys", keys: repeat("pgdown", 20), every: 3},
		{name: "page down, pages only after the last key", keys: repeat("pgdown", 20), every: 100},
		{name: "ctrl+d, a page every 5 keys", keys: repeat("ctrl+d", 40), every: 5},
		{name: "j, a page every 40 keys", keys: repeat("j", 200), every: 40},
		{name: "page up from the oldest, a page every 3 keys", before: []string{"G"}, keys: repeat("pgup", 20), every: 3},
		{name: "ctrl+u from the oldest, pages only after the last key", before: []string{"G"}, keys: repeat("ctrl+u", 30), every: 100},
		{name: "k from the oldest, a page every 30 keys", before: []string{"G"}, keys: repeat("k", 150), every: 30},
		{name: "down far, then back up past the rows let go of", keys: append(repeat("pgdown", 24), repeat("pgup", 20)...), every: 3},
		{name: "up from the oldest, then back down past the rows let go of", before: []string{"G"}, keys: append(repeat("pgup", 24), repeat("pgdown", 20)...), every: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, n)
			l := &latePages{t: t, m: start(t, lib, Config{PageSize: 10}, 80, height)}
			l.m = steps(t, l.m, tt.before...)
			want := articleNumber(t, cursorTitle(t, l.m))
			for i, k := range tt.keys {
				want = min(max(want+moves[k], 0), n-1)
				l.send(press(k))
				if (i+1)%tt.every == 0 {
					l.deliver()
				}
			}
			l.deliverAll()
			r := root(t, l.m)
			if got := articleNumber(t, cursorTitle(t, l.m)); got != want {
				t.Errorf("after %s ×%d, the cursor is on article %d, want %d", tt.keys[0], len(tt.keys), got, want)
			}
			if len(r.held) != 0 || r.list.jumping != jumpNone {
				t.Errorf("once the pages came, %d keys still wait (jumping %v)", len(r.held), r.list.jumping)
			}
			if !strings.Contains(viewText(l.m), fmt.Sprintf("Article %03d:", want)) {
				t.Errorf("article %d is not on screen:\n%s", want, viewText(l.m))
			}
		})
	}
}

// TestPageDownSeldomWaits: the next page is asked for two screens before
// the rows loaded end, so that page down held down, with each page coming
// a key after it was asked for, never waits for one.
func TestPageDownSeldomWaits(t *testing.T) {
	lib := newLibrary(t, 300)
	l := &latePages{t: t, m: start(t, lib, Config{PageSize: 40}, 80, 14)}
	for i := range 20 {
		asked := len(l.late) // before this key: they come after it
		l.send(press("pgdown"))
		r := root(t, l.m)
		if len(r.held) > 0 || r.list.jumping != jumpNone {
			t.Fatalf("page down %d waits for a page: the cursor is on article %d of the %d rows loaded",
				i+1, articleNumber(t, cursorTitle(t, l.m)), len(r.list.rows))
		}
		l.deliverFirst(asked)
	}
	if got := articleNumber(t, cursorTitle(t, l.m)); got != 220 {
		t.Errorf("after page down ×20 the cursor is on article %d, want 220", got)
	}
}

// TestFilterTypedFetchesOnePage: a filter typed key by key fetches its
// first page, two screens, at each key, and no second page until the
// cursor goes down them.
func TestFilterTypedFetchesOnePage(t *testing.T) {
	lib := newLibrary(t, 300)
	l := &latePages{t: t, m: start(t, lib, Config{}, 80, 14)}
	l.send(press("/"))
	for _, r := range "article" {
		l.send(press(string(r)))
		if len(l.late) > 0 {
			t.Fatalf("typing the filter asked for %d more pages; the list holds %d rows", len(l.late), len(root(t, l.m).list.rows))
		}
	}
}

// TestMovePastTheRowsLoadedThenS: s typed after a page down that runs past
// the rows loaded stars the article the page down lands on, once its page
// comes, not the last row loaded.
func TestMovePastTheRowsLoadedThenS(t *testing.T) {
	lib := newLibrary(t, 100)
	l := &latePages{t: t, m: start(t, lib, Config{PageSize: 10}, 80, 14)}
	for range 3 {
		l.send(press("pgdown")) // 33: past the 22 rows loaded
	}
	l.send(press("s"))
	l.deliverAll()
	if got := articleNumber(t, cursorTitle(t, l.m)); got != 33 {
		t.Errorf("the cursor is on article %d, want 33", got)
	}
	if got := starredNumbers(t, lib); len(got) != 1 || got[0] != 33 {
		t.Errorf("s starred %v, want article 33", got)
	}
}

// TestMovePastTheRowsLoadedFails: when the page a move runs into fails (a
// busy library), the cursor stays on the last row loaded, and the keys
// typed meanwhile act there, on the row the screen shows.
func TestMovePastTheRowsLoadedFails(t *testing.T) {
	lib := newLibrary(t, 100)
	l := &latePages{t: t, m: start(t, lib, Config{PageSize: 10}, 80, 14)}
	l.send(press("pgdown")) // 11: the next page is asked for
	l.send(press("pgdown")) // 22: past the 22 rows loaded, 0 to 21
	l.send(press("s"))
	if len(l.late) != 1 {
		t.Fatalf("%d pages asked for, want 1", len(l.late))
	}
	page := l.late[0].(pageMsg)
	l.late = nil
	page.rows, page.err = nil, store.ErrBusy
	l.send(page)
	r := root(t, l.m)
	if got := articleNumber(t, cursorTitle(t, l.m)); got != 21 || len(r.held) != 0 || r.list.jumping != jumpNone {
		t.Errorf("after the page failed the cursor is on article %d, want the last loaded, 21; %d keys held, jumping %v",
			got, len(r.held), r.list.jumping)
	}
	if got := starredNumbers(t, lib); len(got) != 1 || got[0] != 21 {
		t.Errorf("s starred %v, want article 21, the one shown", got)
	}
}

// TestMovePastTheRowsLoadedThroughAReload: a write noticed while a page
// down waits for its page (a fetch in another shell) reloads the window
// around the cursor's article; the page down goes on from there. So it
// does when the reload fails: the page it waited for was asked under the
// window the reload replaced, and is asked for again.
func TestMovePastTheRowsLoadedThroughAReload(t *testing.T) {
	for _, fails := range []bool{false, true} {
		t.Run(fmt.Sprintf("reload fails: %v", fails), func(t *testing.T) {
			lib := newLibrary(t, 100)
			l := &latePages{t: t, m: start(t, lib, Config{PageSize: 10}, 80, 14)}
			for range 3 {
				l.send(press("pgdown"))
			}
			if err := lib.SetStarred(context.Background(), []int64{articleID(t, lib, 3)}, true); err != nil {
				t.Fatal(err)
			}
			var replace tea.Msg // the new window, held back too
			m, cmd := l.m.Update(pollMsg{})
			l.m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
				if p, ok := msg.(pageMsg); ok && p.kind == pageReplace {
					replace = msg
					return true
				}
				return l.hold(msg)
			})
			if replace == nil {
				t.Fatal("the write asked for no new window")
			}
			if fails {
				p := replace.(pageMsg)
				p.rows, p.err = nil, store.ErrBusy
				replace = p
			}
			l.send(replace)
			l.send(press("pgdown"))
			l.deliverAll()
			r := root(t, l.m)
			if got := articleNumber(t, cursorTitle(t, l.m)); got != 44 || len(r.held) != 0 {
				t.Errorf("the cursor is on article %d, want 44; %d keys held", got, len(r.held))
			}
		})
	}
}

// starredNumbers are the numbers of the starred test articles.
func starredNumbers(t *testing.T, lib *store.Store) []int {
	t.Helper()
	rows, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, r := range rows {
		got = append(got, articleNumber(t, r.Title))
	}
	return got
}

// TestReaderNextThroughLatePages: J in the reader past the rows loaded
// opens nothing until the page comes (the status line says it loads), and
// then the next article: never one further on, and the list's cursor stays
// on the article open.
func TestReaderNextThroughLatePages(t *testing.T) {
	lib := newLibrary(t, 100)
	l := &latePages{t: t, m: start(t, lib, Config{PageSize: 10}, 80, 14)}
	l.send(press("enter"))
	opened := articleNumber(t, root(t, l.m).reader.row.Title)
	for i := range 60 {
		l.send(press("J"))
		if i%25 == 24 {
			l.deliver()
		}
		r := root(t, l.m)
		now := articleNumber(t, r.reader.row.Title)
		if now != opened && now != opened+1 {
			t.Fatalf("J opened article %d after %d", now, opened)
		}
		if now == opened && r.status != "Loading more articles…" {
			t.Fatalf("J stayed on article %d, the status line says %q", now, r.status)
		}
		opened = now
		if row, ok := r.list.current(); !ok || row.ID != r.reader.id() {
			t.Fatalf("after J, the list's cursor is on %q, the reader shows article %d", row.Title, now)
		}
	}
}
