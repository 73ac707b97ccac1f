package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// cursorTitle is the title of the selected row.
func cursorTitle(t *testing.T, m tea.Model) string {
	t.Helper()
	row, ok := root(t, m).list.current()
	if !ok {
		t.Fatal("no row selected")
	}
	return row.Title
}

// articleNumber reads the number back out of a test article's title.
func articleNumber(t *testing.T, title string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscanf(title, "Article %d:", &n); err != nil {
		t.Fatalf("title %q: %v", title, err)
	}
	return n
}

// TestPagingVisitsEveryArticleOnce walks a library several pages long row by
// row, down and back up, with a small page: every article comes once, in
// order, and the window never holds more than a few pages.
func TestPagingVisitsEveryArticleOnce(t *testing.T) {
	const n = 300
	lib := newLibrary(t, n)
	m := start(t, lib, Config{PageSize: 10}, 80, 14)
	limit := root(t, m).list.limit()
	if limit >= n/5 {
		t.Fatalf("page of %d rows: the test needs many pages", limit)
	}

	check := func(want int) {
		t.Helper()
		if got := articleNumber(t, cursorTitle(t, m)); got != want {
			t.Fatalf("cursor on article %d, want %d", got, want)
		}
		if l := len(root(t, m).list.rows); l > windowPages*limit+limit {
			t.Fatalf("the window holds %d rows; pages are %d", l, limit)
		}
	}
	check(0)
	for i := 1; i < n; i++ {
		m = step(t, m, press("j"))
		check(i)
	}
	m = step(t, m, press("j"))
	check(n - 1) // the end stays the end
	if l := root(t, m).list; !l.atBottom || l.atTop {
		t.Errorf("at the end: atTop=%v atBottom=%v", l.atTop, l.atBottom)
	}
	for i := n - 2; i >= 0; i-- {
		m = step(t, m, press("k"))
		check(i)
	}
}

func TestJumpsAndPages(t *testing.T) {
	const n = 250
	lib := newLibrary(t, n)
	m := start(t, lib, Config{PageSize: 10}, 80, 14)
	rows := 14 - 3

	tests := []struct {
		key  string
		want int
	}{
		{"G", n - 1},
		{"k", n - 2},
		{"g", 0},
		{"ctrl+d", rows / 2},
		{"pgdown", rows/2 + rows},
		{"ctrl+u", rows},
		{"pgup", 0},
		{"end", n - 1},
		{"home", 0},
		{"down", 1},
		{"up", 0},
	}
	for _, tt := range tests {
		m = step(t, m, press(tt.key))
		if got := articleNumber(t, cursorTitle(t, m)); got != tt.want {
			t.Fatalf("after %s: cursor on article %d, want %d", tt.key, got, tt.want)
		}
	}

	// From the oldest page, walking up pages in newer rows seamlessly.
	m = step(t, m, press("G"))
	for i := n - 2; i >= n-60; i-- {
		m = step(t, m, press("k"))
		if got := articleNumber(t, cursorTitle(t, m)); got != i {
			t.Fatalf("walking up from the end: cursor on article %d, want %d", got, i)
		}
	}
}

// TestCursorSurvivesReload: another process imports newer articles; the
// list reloads on the next poll and the cursor stays on its article. A
// window scrolled down stays where it was; one at the top shows the new
// articles above the cursor.
func TestCursorSurvivesReload(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 10, 40) // articles 10..49
	m := start(t, st, Config{PageSize: 10}, 80, 12)
	m = steps(t, m, "G", "k", "k", "k")
	before := cursorTitle(t, m)
	screenRow := root(t, m).list.cursor - root(t, m).list.offset
	if root(t, m).list.offset == 0 {
		t.Fatal("the window did not scroll")
	}

	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	importArticles(t, other, 0, 10) // articles 0..9, newer than all

	m = step(t, m, pollMsg{})
	if got := cursorTitle(t, m); got != before {
		t.Fatalf("after the reload the cursor is on %q, want %q", got, before)
	}
	if got := root(t, m).list.cursor - root(t, m).list.offset; got != screenRow {
		t.Errorf("the cursor moved from screen row %d to %d", screenRow, got)
	}
	if l := root(t, m).list; !l.counted || l.total != 50 {
		t.Errorf("counts after the reload: counted=%v total=%d, want 50", l.counted, l.total)
	}
	if !strings.Contains(viewText(m), "50 / 50") {
		t.Errorf("header does not show the new counts:\n%s", viewText(m))
	}
	m = step(t, m, press("g"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 0 {
		t.Errorf("top of the list is article %d, want the newly imported 0", got)
	}
}

// TestNewArticlesShowAboveTheCursor: at the top of the list, articles that
// arrive (a refresh, another tidings) are seen at once, the cursor staying
// on its article.
func TestNewArticlesShowAboveTheCursor(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 3, 20) // articles 3..22
	m := start(t, st, Config{}, 80, 12)
	m = steps(t, m, "j")
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	importArticles(t, other, 0, 3) // articles 0..2, newer than all
	m = step(t, m, pollMsg{})
	if got := articleNumber(t, cursorTitle(t, m)); got != 4 {
		t.Errorf("after the reload the cursor is on article %d, want 4", got)
	}
	if l := root(t, m).list; l.offset != 0 || !strings.Contains(viewText(m), "Article 000") {
		t.Errorf("the new articles are out of sight (offset %d):\n%s", l.offset, viewText(m))
	}
	if strings.Contains(viewText(m), "New articles above") {
		t.Errorf("new articles in sight are said to be above:\n%s", viewText(m))
	}

	// More new articles than the screen holds: the cursor stays in sight.
	for i := range 30 {
		a := testArticle(200 + i)
		a.Published = time.Now().Add(-time.Duration(i) * time.Minute)
		if _, err := other.Import(context.Background(), []feeds.Article{a}); err != nil {
			t.Fatal(err)
		}
	}
	m = step(t, m, pollMsg{})
	if got := articleNumber(t, cursorTitle(t, m)); got != 4 {
		t.Errorf("after the second reload the cursor is on article %d, want 4", got)
	}
	checkFits(t, m, 80, 12)
	if !strings.Contains(viewText(m), "Article 004") {
		t.Errorf("the cursor's article is out of sight:\n%s", viewText(m))
	}
	if !strings.Contains(viewText(m), "New articles above: g goes to the newest.") {
		t.Errorf("nothing says new articles are out of sight above:\n%s", viewText(m))
	}
	m = steps(t, m, "g")
	if got := articleNumber(t, cursorTitle(t, m)); got != 200 {
		t.Errorf("g goes to article %d, want the newest, 200", got)
	}
}

// TestReloadWithoutChangeKeepsWindow: a poll that finds no change does not
// reload.
func TestReloadWithoutChangeKeepsWindow(t *testing.T) {
	lib := newLibrary(t, 20)
	m := start(t, lib, Config{}, 80, 24)
	epoch := root(t, m).list.epoch
	m = step(t, m, pollMsg{})
	if got := root(t, m).list.epoch; got != epoch {
		t.Errorf("an unchanged library was reloaded (epoch %d -> %d)", epoch, got)
	}
}

func TestQueryNarrowsTheList(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{Query: "tag:nato"}, 80, 24)
	l := root(t, m).list
	if len(l.rows) == 0 {
		t.Fatal("no rows for tag:nato")
	}
	for _, r := range l.rows {
		if n := articleNumber(t, r.Title); n%7 != 3 {
			t.Errorf("article %d shown for tag:nato", n)
		}
	}
	want := fmt.Sprintf("%d / 30", len(l.rows))
	if !strings.Contains(viewText(m), want) {
		t.Errorf("header lacks %q:\n%s", want, viewText(m))
	}

	m = start(t, lib, Config{Query: "nosuchwordanywhere"}, 80, 24)
	if s := viewText(m); !strings.Contains(s, "No articles match nosuchwordanywhere.") || strings.Contains(s, "Welcome") {
		t.Errorf("an empty result should say so, not welcome:\n%s", s)
	}
}

func TestStarAndReadToggle(t *testing.T) {
	lib := newLibrary(t, 5)
	ctx := context.Background()
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "j", "s")
	row, _ := root(t, m).list.current()
	a, err := lib.Article(ctx, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Starred || !row.Starred {
		t.Errorf("s: library starred=%v, list starred=%v; want both", a.Starred, row.Starred)
	}
	if !strings.Contains(viewText(m), "★") {
		t.Errorf("no star on screen:\n%s", viewText(m))
	}
	m = steps(t, m, "s", "m")
	row, _ = root(t, m).list.current()
	a, _ = lib.Article(ctx, row.ID)
	if a.Starred || !a.Read() || !row.Read {
		t.Errorf("s m: starred=%v read=%v (list read=%v); want unstarred and read", a.Starred, a.Read(), row.Read)
	}
	m = step(t, m, press("m"))
	a, _ = lib.Article(ctx, row.ID)
	if a.Read() {
		t.Error("m again: still read")
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	lib := newLibrary(t, 5)
	m := start(t, lib, Config{ReadOnly: true}, 80, 24)
	if !strings.Contains(viewText(m), "read-only") {
		t.Errorf("header does not say read-only:\n%s", viewText(m))
	}
	m = step(t, m, press("s"))
	row, _ := root(t, m).list.current()
	a, _ := lib.Article(context.Background(), row.ID)
	if a.Starred || row.Starred {
		t.Error("a read-only library was starred")
	}
	if !strings.Contains(viewText(m), "the library is read-only") {
		t.Errorf("no message about read-only:\n%s", viewText(m))
	}
	m = step(t, m, press("enter"))
	a, _ = lib.Article(context.Background(), row.ID)
	if a.Read() {
		t.Error("opening an article in a read-only library marked it read")
	}
}

func TestMouse(t *testing.T) {
	lib := newLibrary(t, 40)
	m := start(t, lib, Config{}, 80, 24)
	// Row 3 of the list is on screen line 1 (header) + 3.
	m = step(t, m, tea.MouseClickMsg{X: 20, Y: headerLines + 3, Button: tea.MouseLeft})
	if got := articleNumber(t, cursorTitle(t, m)); got != 3 {
		t.Fatalf("click selected article %d, want 3", got)
	}
	if root(t, m).screen != screenList {
		t.Fatal("a click on another row opened it")
	}
	m = step(t, m, tea.MouseClickMsg{X: 20, Y: headerLines + 3, Button: tea.MouseLeft})
	if r := root(t, m); r.screen != screenReader || r.reader.id() != r.list.rows[3].ID {
		t.Fatal("a click on the selected row did not open it")
	}
	m = step(t, m, press("esc"))
	m = step(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := articleNumber(t, cursorTitle(t, m)); got != 6 {
		t.Errorf("wheel down: article %d, want 6", got)
	}
	m = step(t, m, tea.MouseClickMsg{X: 20, Y: 23, Button: tea.MouseLeft}) // the footer
	if got := articleNumber(t, cursorTitle(t, m)); got != 6 {
		t.Errorf("a click on the footer moved the cursor to %d", got)
	}
}

// TestRowsAreCleaned: whatever reaches a row, the row is plain text.
func TestRowsAreCleaned(t *testing.T) {
	st := newStyles(true, false, nil)
	row := store.Row{
		ID: 1, Title: "Evil \x1b]52;c;ZXZpbA==\x07title\x1b[2J &#27;[H\nsecond line",
		Source: "EVIL\x1b[31m\u009b2J", Tags: []string{"t\x1b]8;;x\x07ag", "\u202eabc"},
	}
	for _, w := range []int{40, 80, 200} {
		out := renderRow(row, w, newLayout(w), true, false, nil, st)
		if err := checkTerminalSafe(out); err != nil {
			t.Errorf("width %d: %v", w, err)
		}
		plain := strings.Join(strings.Fields(stripSGR(out)), " ")
		for _, bad := range []string{"\x1b]", "52;c", "\u202e", "\n"} {
			if strings.Contains(plain, bad) {
				t.Errorf("width %d: row keeps %q: %q", w, bad, plain)
			}
		}
	}
}

func stripSGR(s string) string { return sgr.ReplaceAllString(s, "") }

func TestRowLayout(t *testing.T) {
	st := newStyles(true, false, nil)
	day := time.Date(2024, 3, 6, 2, 0, 0, 0, time.FixedZone("UTC+5", 5*3600)) // 2024-03-05 in UTC
	tests := map[string]struct {
		row   store.Row
		width int
		want  string
	}{
		"unread, starred, annotated": {
			store.Row{Title: "Leaked audio", Source: "MENAFN", Published: day, Starred: true, Annotations: 2},
			80, " ● 2024-03-05  MENAFN       Leaked audio                                     ✎★ ",
		},
		"read, no date": {
			store.Row{Title: "Undated", Source: "Wire", Read: true},
			60, "       —       Wire      Undated                            ",
		},
		"tags fill from the right": {
			store.Row{Title: "Tagged", Source: "S", Published: day, Tags: []string{"alpha", "beta"}},
			80, " ● 2024-03-05  S            Tagged                              #alpha #beta    ",
		},
		"too many tags are counted": {
			store.Row{Title: "Tagged", Source: "S", Published: day, Tags: []string{"alpha", "beta", "gamma", "delta"}},
			80, " ● 2024-03-05  S            Tagged                           #alpha #beta +2    ",
		},
		"wide title cut by cells": {
			store.Row{Title: "東京の記者会見で新しい発表があった", Source: "S", Published: day},
			40, " ● 2024-03-05  東京の記者会見で新し…    ",
		},
		"narrow drops source and tags": {
			store.Row{Title: "A long title that will not fit", Source: "Reuters", Published: day, Tags: []string{"x"}},
			40, " ● 2024-03-05  A long title that wi…    ",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			out := renderRow(tt.row, tt.width, newLayout(tt.width), false, false, nil, st)
			if got := ansi.Strip(out); got != tt.want {
				t.Errorf("row:\n got %q\nwant %q", got, tt.want)
			}
			if w := ansi.StringWidth(out); w != tt.width {
				t.Errorf("row is %d cells wide, want %d", w, tt.width)
			}
		})
	}
}

func TestBadQueryIsReported(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{Query: `"unclosed`}, 80, 24)
	s := viewText(m)
	if !strings.Contains(s, "Could not list the articles") || strings.Contains(s, "Welcome") {
		t.Errorf("a bad query:\n%s", s)
	}
}

// TestReloadKeepsLaterMoves: keys pressed while a reload is on its way are
// not undone when it arrives.
func TestReloadKeepsLaterMoves(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 5, 30)
	m := start(t, st, Config{}, 80, 24)
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	importArticles(t, other, 0, 5) // a change for the next poll to see

	m, cmd := m.Update(pollMsg{})
	m, cmd = m.Update(cmd())  // the generation changed: the reload is asked for
	m = steps(t, m, "j", "j") // the user moves on meanwhile
	want := cursorTitle(t, m)
	m = run(t, m, cmd) // the reload arrives
	if got := cursorTitle(t, m); got != want {
		t.Errorf("the reload moved the cursor back: on %q, want %q", got, want)
	}
	if got := root(t, m).list.total; got != 35 {
		t.Errorf("total %d after the reload, want 35", got)
	}
}

// TestNoNewArticlesAfterAFilter: leaving a filter whose article lies deep
// in the whole list brings no "new articles above": none arrived.
func TestNoNewArticlesAfterAFilter(t *testing.T) {
	st, _ := openLibrary(t)
	importArticles(t, st, 0, 60)
	m := start(t, st, Config{}, 80, 12)
	m = steps(t, m, "/")
	m = typeKeys(t, m, "title:\"Article 040\"")
	m = steps(t, m, "enter", "esc")
	if strings.Contains(viewText(m), "New articles above") {
		t.Errorf("leaving the filter says new articles arrived:\n%s", viewText(m))
	}
}
