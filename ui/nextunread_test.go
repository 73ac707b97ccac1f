package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tidings/feeds"
	"tidings/store"
)

// unreadLibrary is a library of n test articles (see testArticle) of which
// only those numbered unread are unread.
func unreadLibrary(t *testing.T, n int, unread ...int) *store.Store {
	t.Helper()
	lib := newLibrary(t, n)
	setUnread(t, lib, unread...)
	return lib
}

// setUnread marks every article read but those numbered unread.
func setUnread(t testing.TB, lib *store.Store, unread ...int) {
	t.Helper()
	ctx := context.Background()
	if _, err := lib.SetReadQuery(ctx, "", true); err != nil {
		t.Fatal(err)
	}
	if len(unread) == 0 {
		return
	}
	ids := make([]int64, len(unread))
	for i, n := range unread {
		ids[i] = articleID(t, lib, n)
	}
	if err := lib.SetRead(ctx, ids, false); err != nil {
		t.Fatal(err)
	}
}

// articleID is the id of test article n.
func articleID(t testing.TB, lib *store.Store, n int) int64 {
	t.Helper()
	rows, err := lib.Page(context.Background(), store.PageRequest{Query: fmt.Sprintf(`title:"Article %03d"`, n), Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if strings.HasPrefix(r.Title, fmt.Sprintf("Article %03d:", n)) {
			return r.ID
		}
	}
	t.Fatalf("no article %d", n)
	return 0
}

// isRead reports whether test article n is read in the library.
func isRead(t *testing.T, lib *store.Store, n int) bool {
	t.Helper()
	a, err := lib.Article(context.Background(), articleID(t, lib, n))
	if err != nil {
		t.Fatal(err)
	}
	return a.Read()
}

// TestNextUnreadInTheList: in the list, n and p move the cursor to the next
// and previous unread article, passing over read ones, beyond the rows the
// list holds too (without loading the rows between), under the list's
// filter; with no unread article left that way, the cursor stays and the
// status line says so.
func TestNextUnreadInTheList(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		unread []int
		query  string
		keys   []string
		want   int    // the article under the cursor
		status string // the status line's, "" for none
	}{
		{"n passes over read articles", 30, []int{0, 4, 9}, "", []string{"n"}, 4, ""},
		{"n from a read article", 30, []int{4, 9}, "", []string{"n"}, 4, ""},
		{"n twice", 30, []int{0, 4, 9}, "", []string{"n", "n"}, 9, ""},
		{"n on the last unread stays", 30, []int{4, 9}, "", []string{"n", "n", "n"}, 9, "No more unread articles."},
		{"n with none unread stays", 30, nil, "", []string{"n"}, 0, "No more unread articles."},
		{"p goes back", 30, []int{4, 9, 12}, "", []string{"n", "n", "n", "p"}, 9, ""},
		{"p passes over read articles", 30, []int{4, 9}, "", []string{"G", "p"}, 9, ""},
		{"p on the first unread stays", 30, []int{4, 9}, "", []string{"n", "p"}, 4, "No more unread articles above."},
		{"j then n", 30, []int{1, 2, 9}, "", []string{"j", "j", "n"}, 9, ""},
		{"n beyond the rows held", 300, []int{250}, "", []string{"n"}, 250, ""},
		{"n beyond the rows held, with none there", 300, []int{1}, "", []string{"n", "n"}, 1, "No more unread articles."},
		{"p beyond the rows held", 300, []int{3, 250}, "", []string{"n", "n", "p"}, 3, ""},
		{"p beyond the rows held, with none there", 300, []int{250}, "", []string{"n", "p"}, 250, "No more unread articles above."},
		{"p from the bottom", 300, []int{5}, "", []string{"G", "p"}, 5, ""},
		// Tagged ukraine: 1, 5, 9, … (every fourth from 1).
		{"n under a filter", 300, []int{2, 5, 201, 250}, "tag:ukraine", []string{"n"}, 5, ""},
		{"n under a filter, beyond the rows held", 300, []int{2, 5, 201, 250}, "tag:ukraine", []string{"n", "n"}, 201, ""},
		{"n under a filter, none left", 300, []int{2, 5, 201, 250}, "tag:ukraine", []string{"n", "n", "n"}, 201, "No more unread articles."},
		// Titled Storm Shadow: 1, 6, 11, … (every fifth from 1).
		{"n under a filter of words", 300, []int{3, 260, 261}, "storm", []string{"n"}, 261, ""},
		{"n under a filter of words, none left", 300, []int{3, 260, 261}, "storm", []string{"n", "n"}, 261, "No more unread articles."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := unreadLibrary(t, tt.n, tt.unread...)
			m := start(t, lib, Config{PageSize: 10, Query: tt.query}, 80, 12)
			m = steps(t, m, tt.keys...)
			r := root(t, m)
			if got := articleNumber(t, cursorTitle(t, m)); got != tt.want {
				t.Errorf("cursor on article %d, want %d", got, tt.want)
			}
			if r.status != tt.status {
				t.Errorf("status %q, want %q", r.status, tt.status)
			}
			if r.screen != screenList {
				t.Error("n or p left the list")
			}
			if max := (windowPages + 1) * r.list.limit(); len(r.list.rows) > max || r.list.atTop && r.list.atBottom && tt.n > max {
				t.Errorf("the list holds %d rows (pages of %d): it loaded the rows between", len(r.list.rows), r.list.limit())
			}
			// The cursor's row is on screen.
			if !regexp.MustCompile(fmt.Sprintf(`▌.*Article %03d`, tt.want)).MatchString(viewText(m)) {
				t.Errorf("article %d is not shown under the cursor:\n%s", tt.want, viewText(m))
			}
		})
	}
}

// TestNextUnreadFindsTheNearest: from every article, both ways, under
// filters of words, tags and sources and none, with read articles in runs
// and scattered, the library's answer is the nearest unread article the
// filter finds, as going through every article would find it.
func TestNextUnreadFindsTheNearest(t *testing.T) {
	const n = 90
	lib := newLibrary(t, n)
	ctx := context.Background()
	reads := map[string]func(i int) bool{
		"all unread":         func(int) bool { return false },
		"all read":           func(int) bool { return true },
		"read in runs":       func(i int) bool { return i/25%2 == 0 },
		"scattered":          func(i int) bool { return (i*7+3)%11 < 8 },
		"the filters' read":  func(i int) bool { return i%4 == 1 || i%5 == 1 },
		"the others' read":   func(i int) bool { return i%4 != 1 && i%5 != 1 },
		"only the last left": func(i int) bool { return i != n-1 },
	}
	queries := []string{"", "tag:ukraine", "storm", "source:reuters", "storm OR tag:ukraine", "-tag:ukraine revelation"}
	for name, read := range reads {
		var unread []int
		for i := range n {
			if !read(i) {
				unread = append(unread, i)
			}
		}
		setUnread(t, lib, unread...)
		for _, q := range queries {
			lq := listQuery{text: q}
			all, err := lib.Page(ctx, lq.request(store.PageRequest{Limit: n + 1}))
			if err != nil {
				t.Fatal(err)
			}
			for i, from := range all {
				if raceDetector && i%7 != 0 && i != len(all)-1 {
					continue // a sample of the rows; see raceDetector
				}
				for _, delta := range []int{1, -1} {
					want := ""
					for j := i + delta; j >= 0 && j < len(all); j += delta {
						if !all[j].Read {
							want = all[j].Title
							break
						}
					}
					row, ok, err := nextUnread(ctx, lib, lq, from.SortKey, delta)
					got := ""
					if ok {
						got = row.Title
					}
					if err != nil || got != want {
						t.Fatalf("%s, %q, from %q by %d: %q, %v; want %q", name, q, from.Title, delta, got, err, want)
					}
				}
			}
		}
	}
}

// TestNextUnreadKeepsTheCursorLine: moved to an unread article beyond the
// rows held, the list keeps the cursor on the screen line it was on, as
// though it had scrolled there.
func TestNextUnreadKeepsTheCursorLine(t *testing.T) {
	lib := unreadLibrary(t, 300, 250)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	m = steps(t, m, "j", "j", "j")
	before := root(t, m).list
	m = steps(t, m, "n")
	after := root(t, m).list
	if got, want := after.cursor-after.offset, before.cursor-before.offset; got != want {
		t.Errorf("cursor on screen line %d, was %d", got, want)
	}
}

// TestNextUnreadInTheReader: in the reader, n and p open the next and
// previous unread article in the list's order, which marks it read, beyond
// the rows the list holds too; with none left, the article stays open and
// the status line says so. J and K open the next and previous article,
// read or not.
func TestNextUnreadInTheReader(t *testing.T) {
	lib := unreadLibrary(t, 300, 0, 2, 3, 250)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	reading := func() int {
		t.Helper()
		r := root(t, m)
		if r.screen != screenReader {
			t.Fatal("not in the reader")
		}
		return articleNumber(t, r.reader.article.Title)
	}
	m = step(t, m, press("enter")) // article 0
	for _, want := range []int{2, 3, 250} {
		m = step(t, m, press("n"))
		if got := reading(); got != want {
			t.Fatalf("n: reading article %d, want %d", got, want)
		}
		if !isRead(t, lib, want) {
			t.Errorf("article %d, opened with n, is not read", want)
		}
		if got := articleNumber(t, cursorTitle(t, m)); got != want {
			t.Errorf("the list's cursor is on %d, want %d", got, want)
		}
	}
	m = step(t, m, press("n"))
	if got, status := reading(), root(t, m).status; got != 250 || status != "No more unread articles." {
		t.Errorf("n with no unread article left: reading %d, status %q", got, status)
	}
	m = step(t, m, press("p"))
	if got, status := reading(), root(t, m).status; got != 250 || status != "No more unread articles above." {
		t.Errorf("p with no unread article above: reading %d, status %q", got, status)
	}
	m = step(t, m, press("K"))
	if got := reading(); got != 249 {
		t.Errorf("K: reading %d, want 249", got)
	}
	m = steps(t, m, "J", "J")
	if got := reading(); got != 251 {
		t.Errorf("J J: reading %d, want 251", got)
	}
	// Marked unread again, an article is n's again: p goes back to it,
	// above the rows held.
	if err := lib.SetRead(context.Background(), []int64{articleID(t, lib, 2)}, false); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	m = step(t, m, press("p"))
	if got := reading(); got != 2 {
		t.Errorf("p: reading %d, want 2", got)
	}
	m = step(t, m, press("esc"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 2 {
		t.Errorf("back in the list on %d, want 2", got)
	}
}

// TestNextUnreadUnderIsUnread: under is:unread, what the reader read stays
// listed (as read), and n passes over it to the next unread article.
func TestNextUnreadUnderIsUnread(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{Query: "is:unread"}, 80, 24)
	m = steps(t, m, "j", "enter", "esc", "k", "enter") // read 1, then 0
	m = step(t, m, pollMsg{})
	m = step(t, m, press("n"))
	if got := articleNumber(t, root(t, m).reader.article.Title); got != 2 {
		t.Errorf("n: reading %d, want 2", got)
	}
}

// TestNextUnreadAnswerLate: an answer from the library that comes after
// the user moved on (another article, another query) moves nothing. Keys
// typed meanwhile wait for it (typeahead.go); the mouse wheel does not.
func TestNextUnreadAnswerLate(t *testing.T) {
	lib := unreadLibrary(t, 300, 250)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	held := func(msg tea.Msg) bool { _, ok := msg.(unreadMsg); return ok }
	var late tea.Msg
	m, cmd := m.Update(press("n"))
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
		if held(msg) {
			late = msg
			return true
		}
		return false
	})
	if late == nil {
		t.Fatal("n asked the library nothing")
	}
	// While the library is asked, the status line says so...
	if got := root(t, m).status; got != "Looking for the next unread article…" {
		t.Errorf("while looking, the status line says %q", got)
	}
	m = step(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m = step(t, m, late)
	if got := articleNumber(t, cursorTitle(t, m)); got != wheelRows {
		t.Errorf("the late answer moved the cursor to %d", got)
	}
	// ...and no longer once it answered, though the answer came too late.
	if got := root(t, m).status; got != "" {
		t.Errorf("after the answer, the status line says %q", got)
	}
}

// TestNextUnreadStoppedByEsc: esc while n looks for an unread article
// beyond the rows loaded (seconds in a large filter whose articles are all
// read) stops waiting: the status says so, the keys typed after n are
// dropped with it, the keys typed after esc act at once, and the answer,
// when it comes, moves nothing.
func TestNextUnreadStoppedByEsc(t *testing.T) {
	for _, screen := range []string{"list", "reader"} {
		t.Run(screen, func(t *testing.T) {
			lib := unreadLibrary(t, 300, 250)
			m := start(t, lib, Config{PageSize: 10}, 80, 12)
			if screen == "reader" {
				m = steps(t, m, "enter")
			}
			var late tea.Msg
			m, cmd := m.Update(press("n"))
			m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
				if _, ok := msg.(unreadMsg); ok {
					late = msg
					return true
				}
				return false
			})
			if late == nil {
				t.Fatal("n asked the library nothing")
			}
			m = steps(t, m, "s", "esc") // s waits for n; esc stops both
			r := root(t, m)
			if r.status != "Stopped looking for unread articles." {
				t.Errorf("after esc, the status line says %q", r.status)
			}
			if screen == "reader" && r.screen != screenReader {
				t.Error("esc while looking left the reader: it stops the looking first")
			}
			if screen == "reader" {
				m = steps(t, m, "esc")
			}
			m = steps(t, m, "j")
			if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
				t.Errorf("j after esc: the cursor is on %d, want 1", got)
			}
			m = step(t, m, late)
			if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
				t.Errorf("the answer n no longer waited for moved the cursor to %d", got)
			}
			if r := root(t, m); r.screen != screenList {
				t.Errorf("the answer n no longer waited for opened an article")
			}
			rows, err := lib.Page(context.Background(), store.PageRequest{Query: "is:starred", Limit: 5})
			if err != nil || len(rows) != 0 {
				t.Errorf("s typed between n and esc starred %d articles (%v)", len(rows), err)
			}
		})
	}
}

// TestNextUnreadAfterAWrite: a write that shows up while n's answer is on
// its way (another process marked an article unread) is in the list when
// the answer comes, though the answer was read before it.
func TestNextUnreadAfterAWrite(t *testing.T) {
	lib := unreadLibrary(t, 300, 250)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	var late tea.Msg
	m, cmd := m.Update(press("n"))
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
		if _, ok := msg.(unreadMsg); ok {
			late = msg
			return true
		}
		return false
	})
	if late == nil {
		t.Fatal("n asked the library nothing")
	}
	if err := lib.SetRead(context.Background(), []int64{articleID(t, lib, 252)}, false); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	m = step(t, m, late)
	if got := articleNumber(t, cursorTitle(t, m)); got != 250 {
		t.Fatalf("cursor on %d, want 250", got)
	}
	for _, r := range root(t, m).list.rows {
		if articleNumber(t, r.Title) == 252 && r.Read {
			t.Error("article 252, marked unread meanwhile, is listed as read")
		}
	}
	m = steps(t, m, "n")
	if got := articleNumber(t, cursorTitle(t, m)); got != 252 {
		t.Errorf("n: cursor on %d, want 252", got)
	}
}

// TestNextUnreadHelpAndKeys: the help lists n and p, and J and K in the
// reader; config.toml rebinds them, on every screen or on one.
func TestNextUnreadHelpAndKeys(t *testing.T) {
	shows := func(t *testing.T, m tea.Model, patterns ...string) {
		t.Helper()
		s := viewText(m)
		for _, p := range patterns {
			if !regexp.MustCompile(p).MatchString(s) {
				t.Errorf("no %q in:\n%s", p, s)
			}
		}
	}
	t.Run("help", func(t *testing.T) {
		lib := unreadLibrary(t, 20, 3, 6)
		m := start(t, lib, Config{}, 100, 50)
		m = steps(t, m, "?")
		shows(t, m, `n +next unread`, `p +previous unread`)
		m = steps(t, m, "esc", "enter", "?")
		shows(t, m, `n +next unread`, `p +previous unread`, `J +next\b`, `K +previous\b`)
		m = steps(t, m, "esc")
		shows(t, m, `n next unread`) // the footer
	})
	t.Run("rebound everywhere", func(t *testing.T) {
		lib := unreadLibrary(t, 20, 3, 6)
		m := start(t, lib, Config{Keys: map[string][]string{"next-unread": {"N"}}}, 100, 50)
		m = steps(t, m, "n")
		if got := articleNumber(t, cursorTitle(t, m)); got != 0 {
			t.Errorf("n, unbound, moved to %d", got)
		}
		m = steps(t, m, "N")
		if got := articleNumber(t, cursorTitle(t, m)); got != 3 {
			t.Errorf("N: cursor on %d, want 3", got)
		}
		m = steps(t, m, "?")
		shows(t, m, `N +next unread`)
		m = steps(t, m, "esc", "enter", "N")
		if got := articleNumber(t, root(t, m).reader.article.Title); got != 6 {
			t.Errorf("N in the reader: reading %d, want 6", got)
		}
	})
	t.Run("rebound in the reader", func(t *testing.T) {
		lib := unreadLibrary(t, 20, 3, 6)
		m := start(t, lib, Config{Keys: map[string][]string{"reader.prev-unread": {"P"}}}, 100, 50)
		m = steps(t, m, "n", "n", "p") // p is still p in the list
		if got := articleNumber(t, cursorTitle(t, m)); got != 3 {
			t.Errorf("n n p: cursor on %d, want 3", got)
		}
		m = steps(t, m, "n", "enter", "p")
		if got := articleNumber(t, root(t, m).reader.article.Title); got != 6 {
			t.Errorf("p, unbound in the reader: reading %d, want 6", got)
		}
		m = steps(t, m, "P")
		if got := articleNumber(t, root(t, m).reader.article.Title); got != 3 {
			t.Errorf("P: reading %d, want 3", got)
		}
	})
	for name, tt := range map[string]struct {
		keys map[string][]string
		err  string
	}{
		// What an older config.toml said n was.
		"next on n":   {map[string][]string{"next": {"n", "J"}}, `keys.next: "n" is also bound to "next-unread" in the reader`},
		"j for n":     {map[string][]string{"next-unread": {"j"}}, `"j" is also bound to`},
		"disabled":    {map[string][]string{"next-unread": {disabledKey}, "prev-unread": {disabledKey}}, ""},
		"n and p too": {map[string][]string{"next-unread": {"n", "ctrl+n"}, "reader.prev-unread": {"p", "ctrl+p"}}, ""},
		// README's.
		"the old keys back": {map[string][]string{"next": {"n", "J"}, "prev": {"p", "K"}, "next-unread": {"N"}, "prev-unread": {"P"}}, ""},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(newLibrary(t, 1), Config{Keys: tt.keys})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want %q", err, tt.err)
			}
		})
	}
}

// TestNextUnreadProgram runs n and p through the whole program, in the
// list and in the reader, up to the message that no unread article is
// left.
func TestNextUnreadProgram(t *testing.T) {
	lib := unreadLibrary(t, 8, 2, 5)
	m, err := New(lib, Config{LibraryName: "library.db"})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	term := newTerminal(t, tm, 80, 24)
	term.waitFor(`▌.*Article 000`)
	tm.Send(press("n"))
	term.waitFor(`▌.*Article 002`)
	tm.Send(press("n"))
	term.waitFor(`▌.*Article 005`)
	tm.Send(press("n"))
	term.waitFor(`No more unread articles\.`)
	tm.Send(press("p"))
	term.waitFor(`▌.*Article 002`)
	tm.Send(press("p"))
	term.waitFor(`No more unread articles above\.`)

	tm.Send(press("enter"))
	term.waitFor(`revelation number 2,`)
	tm.Send(press("n"))
	term.waitFor(`revelation number 5,`)
	tm.Send(press("n"))
	term.waitFor(`No more unread articles\.`)
	tm.Send(press("p"))
	term.waitFor(`No more unread articles above\.`)
	tm.Send(press("K"))
	term.waitFor(`revelation number 4,`)
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	for _, n := range []int{2, 5} {
		if !isRead(t, lib, n) {
			t.Errorf("article %d, opened, is not read", n)
		}
	}
}

// BenchmarkNextUnread times n's trip to the library from the top of the
// list, the time from the key to the window around the article found,
// under the filters the list commonly shows, in three libraries: one read
// but for its oldest article, which the tag and source filters do not
// find (they walk all they match); one read through; and one where only
// the ukraine articles are read, all of them (as M under tag:ukraine
// leaves it): then n under that filter has nothing to find and walks the
// quarter of the library the tag holds, read, between unread articles.
//
//	TIDINGS_UNREAD_BENCH_ARTICLES=1000000 go test ./ui -run '^$' -bench NextUnread -benchtime 10x
//
// The library (TIDINGS_UNREAD_BENCH_ARTICLES test articles, default
// 100,000) is built on first use and kept in $TMPDIR/tidings-ui-bench.
// TIDINGS_UNREAD_BENCH_PAGE=1 times the list's own page at the bottom of
// each filter instead, for comparison.
func BenchmarkNextUnread(b *testing.B) {
	n := benchArticles
	if s := os.Getenv("TIDINGS_UNREAD_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 1 {
			b.Fatalf("TIDINGS_UNREAD_BENCH_ARTICLES=%q", s)
		}
	}
	lib := unreadBenchLibrary(b, n)
	ctx := context.Background()
	oldest := articleID(b, lib, n-1)
	setRead := func(q string, read bool) {
		if _, err := lib.SetReadQuery(ctx, q, read); err != nil {
			b.Fatal(err)
		}
	}
	states := []struct {
		name string
		set  func()
	}{
		{"oldest unread", func() {
			setRead("", true)
			if err := lib.SetRead(ctx, []int64{oldest}, false); err != nil {
				b.Fatal(err)
			}
		}},
		{"none unread", func() { setRead("", true) }},
		{"ukraine read", func() { setRead("", false); setRead("tag:ukraine", true) }},
	}
	for _, state := range states {
		state.set()
		for _, q := range []string{"", "security", "tag:ukraine", "tag:luftwaffe", "source:reuters", "tag:ukraine security"} {
			b.Run(fmt.Sprintf("%d/%s/%q", n, state.name, q), func(b *testing.B) {
				lq := listQuery{text: q}
				if os.Getenv("TIDINGS_UNREAD_BENCH_PAGE") != "" {
					for b.Loop() {
						if _, err := lib.Page(ctx, lq.request(store.PageRequest{Limit: 24, FromEnd: true})); err != nil {
							b.Fatal(err)
						}
					}
					return
				}
				first, err := lib.Page(ctx, lq.request(store.PageRequest{Limit: 24}))
				if err != nil || len(first) == 0 {
					b.Fatal(len(first), err)
				}
				ask := unreadMsg{query: lq, delta: 1}
				for b.Loop() {
					msg := findUnread(ctx, lib, ask, first[len(first)-1].SortKey, 24)().(unreadMsg)
					if msg.err != nil {
						b.Fatal(msg.err)
					}
				}
			})
		}
	}
	setRead("", true)
}

// unreadBenchLibrary is a library of n test articles, all read, cached.
func unreadBenchLibrary(b *testing.B, n int) *store.Store {
	dir := filepath.Join(os.TempDir(), "tidings-ui-bench")
	path := filepath.Join(dir, fmt.Sprintf("unread-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		tmp := path + ".building"
		for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(f)
		}
		st, err := store.Open(tmp, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		const batch = 5000
		for from := 0; from < n; from += batch {
			articles := make([]feeds.Article, 0, batch)
			for i := from; i < min(from+batch, n); i++ {
				articles = append(articles, testArticle(i))
			}
			if _, err := st.Import(context.Background(), articles); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := st.SetReadQuery(context.Background(), "", true); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		for _, f := range []string{tmp + "-wal", tmp + "-shm"} {
			os.Remove(f)
		}
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}
