package ui

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"tidings/store"

	"tidings/feeds"
)

func TestOpenMarksReadAndRenders(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "j", "enter")
	r := root(t, m)
	if r.screen != screenReader {
		t.Fatal("enter did not open the reader")
	}
	if !r.reader.loaded || r.reader.plain || r.reader.shown.id != r.reader.id() {
		t.Fatalf("article not rendered: loaded=%v shown=%+v", r.reader.loaded, r.reader.shown)
	}
	s := viewText(m)
	for _, want := range []string{"Article 001", "Reuters", "2024-03-04", "https://news.example/1", "#ukraine", "startling revelation number 1"} {
		if !strings.Contains(s, want) {
			t.Errorf("reader lacks %q:\n%s", want, s)
		}
	}
	a, err := lib.Article(context.Background(), r.reader.id())
	if err != nil {
		t.Fatal(err)
	}
	if !a.Read() {
		t.Error("opening did not mark the article read")
	}
	if row, _ := r.list.current(); !row.Read {
		t.Error("the list row is not marked read")
	}
	if got := m.View().WindowTitle; !strings.HasPrefix(got, "Article 001") {
		t.Errorf("window title %q", got)
	}

	m = step(t, m, press("esc"))
	if root(t, m).screen != screenList {
		t.Fatal("esc did not go back")
	}
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
		t.Errorf("back in the list on article %d, want 1", got)
	}
}

func TestReaderScrolls(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("enter"))
	if strings.Contains(viewText(m), "Western military circles") {
		t.Fatalf("the whole article fits; the test needs it not to:\n%s", viewText(m))
	}
	tests := []struct {
		key    string
		offset func(y, page, total int) bool
	}{
		{"j", func(y, _, _ int) bool { return y == 1 }},
		{"k", func(y, _, _ int) bool { return y == 0 }},
		{"space", func(y, page, total int) bool { return y == min(page, total-page) }},
		{"pgup", func(y, _, _ int) bool { return y == 0 }},
		{"ctrl+d", func(y, page, _ int) bool { return y == page/2 }},
		{"ctrl+u", func(y, _, _ int) bool { return y == 0 }},
		{"G", func(y, page, total int) bool { return y == total-page }},
		{"g", func(y, _, _ int) bool { return y == 0 }},
	}
	for _, tt := range tests {
		m = step(t, m, press(tt.key))
		vp := root(t, m).reader.vp
		if !tt.offset(vp.YOffset(), vp.Height(), vp.TotalLineCount()) {
			t.Errorf("after %s: offset %d (page %d, %d lines)", tt.key, vp.YOffset(), vp.Height(), vp.TotalLineCount())
		}
	}
	m = step(t, m, press("G"))
	if !strings.Contains(viewText(m), "Western military circles") {
		t.Errorf("G does not show the end:\n%s", viewText(m))
	}
	m = step(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	vp := root(t, m).reader.vp
	if vp.YOffset() != vp.TotalLineCount()-vp.Height()-3 {
		t.Errorf("wheel up from the end: offset %d of %d", vp.YOffset(), vp.TotalLineCount())
	}
}

func TestNextAndPreviousArticle(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{PageSize: 10}, 80, 12)
	m = step(t, m, press("enter"))
	for i := 1; i < 30; i++ {
		m = step(t, m, press("J"))
		r := root(t, m)
		if got := articleNumber(t, r.reader.article.Title); got != i {
			t.Fatalf("J: reading article %d, want %d", got, i)
		}
		if r.screen != screenReader {
			t.Fatal("J left the reader")
		}
	}
	if root(t, m).reader.keys.Next.Enabled() {
		t.Error("next is offered on the last article")
	}
	m = step(t, m, press("J"))
	if got := articleNumber(t, root(t, m).reader.article.Title); got != 29 {
		t.Errorf("J on the last article: reading %d", got)
	}
	m = steps(t, m, "K", "K")
	if got := articleNumber(t, root(t, m).reader.article.Title); got != 27 {
		t.Errorf("K K: reading article %d, want 27", got)
	}
	m = step(t, m, press("h"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 27 {
		t.Errorf("back in the list on %d, want 27", got)
	}
}

// TestReadArticlesStayListed: in a list of unread articles, an article
// read stays listed (as read) until the list is filtered anew, as in
// newsboat and elfeed, so that J and K go through the articles as they
// were listed; one read elsewhere leaves the list when the write shows.
func TestReadArticlesStayListed(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{Query: "is:unread"}, 80, 24)
	listed := func() []int {
		var out []int
		for _, r := range root(t, m).list.rows {
			out = append(out, articleNumber(t, r.Title))
		}
		return out
	}
	reading := func() int { return articleNumber(t, root(t, m).reader.article.Title) }
	m = steps(t, m, "j", "j", "enter") // article 2, now read
	m = step(t, m, pollMsg{})          // the write shows up
	if got := listed(); !slices.Contains(got, 2) {
		t.Fatalf("article 2 left the list: %v", got)
	}
	m = step(t, m, press("J"))
	if got := reading(); got != 3 {
		t.Errorf("J: reading %d, want 3", got)
	}
	m = step(t, m, pollMsg{})
	m = step(t, m, press("K"))
	if got := reading(); got != 2 {
		t.Errorf("K: reading %d, want 2", got)
	}
	m = step(t, m, press("esc"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 2 {
		t.Errorf("back in the list on %d, want 2", got)
	}
	// Read elsewhere: it leaves the list.
	if err := lib.SetRead(context.Background(), []int64{root(t, m).list.rows[5].ID}, true); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	if got := listed(); slices.Contains(got, 5) || !slices.Contains(got, 3) {
		t.Errorf("after article 5 was read elsewhere: %v", got)
	}
	// Filtered anew, even by the same query (/ enter), the list holds what
	// the query finds.
	m = steps(t, m, "/", "enter")
	if got := listed(); slices.Contains(got, 2) || slices.Contains(got, 3) || !slices.Contains(got, 4) {
		t.Errorf("filtered anew: %v", got)
	}
}

// TestResizeRendersOffTheLoop: a resize keeps showing the old rendering
// until the new one arrives; a stale rendering is not shown.
func TestResizeRendersOffTheLoop(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 100, 30)
	m = step(t, m, press("enter"))
	old := root(t, m).reader.shown
	if old.width != wrapWidth(100) {
		t.Fatalf("rendered at %d", old.width)
	}

	m, cmd := m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if got := root(t, m).reader.shown; got != old {
		t.Errorf("the resize replaced the rendering before a new one arrived: %+v", got)
	}
	checkFits(t, m, 60, 20)
	msgs := collect(t, cmd)
	var rendered renderedMsg
	for _, msg := range msgs {
		if r, ok := msg.(renderedMsg); ok {
			rendered = r
		}
	}
	if rendered.key.width != wrapWidth(60) {
		t.Fatalf("no rendering for the new width among %T", msgs)
	}

	// A rendering for a size the terminal has left is stale.
	m, _ = m.Update(tea.WindowSizeMsg{Width: 70, Height: 20})
	m, cmd = m.Update(rendered)
	if got := root(t, m).reader.shown; got.width == wrapWidth(60) {
		t.Error("a stale rendering was shown")
	}
	m = run(t, m, cmd)
	if got := root(t, m).reader.shown; got.width != wrapWidth(70) {
		t.Errorf("after the renderings settle: %+v, want width %d", got, wrapWidth(70))
	}
	checkFits(t, m, 70, 20)

	// Back to a size rendered before: straight from the cache.
	m, cmd = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if got := root(t, m).reader.shown; got.width != wrapWidth(100) {
		t.Errorf("the cached rendering was not used: %+v", got)
	}
	_ = cmd
}

// collect runs cmd and returns the messages it produces, batches opened.
func collect(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(t, c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

func TestLinks(t *testing.T) {
	st, _ := openLibrary(t)
	importArticles(t, st, 0, 2)
	var opened []string
	cfg := Config{OpenURL: func(u string) error { opened = append(opened, u); return nil }}
	m := start(t, st, cfg, 80, 24)

	m = step(t, m, press("o"))
	if !reflect.DeepEqual(opened, []string{"https://news.example/0"}) {
		t.Errorf("o opened %q", opened)
	}

	noClipboardTool(t)
	m, sent := pressCopy(t, m, "y")
	if !reflect.DeepEqual(sent, []tea.Msg{tea.SetClipboard("https://news.example/0")()}) {
		t.Error("y did not copy the link")
	}
	if !strings.Contains(viewText(m), "Sent to the terminal's clipboard (OSC 52): https://news.example/0") {
		t.Errorf("no confirmation:\n%s", viewText(m))
	}

	m = steps(t, m, "enter", "o")
	if len(opened) != 2 || opened[1] != "https://news.example/0" {
		t.Errorf("o in the reader opened %q", opened)
	}
}

func TestUnsafeLinksAreNotOpened(t *testing.T) {
	tests := map[string]string{
		"javascript": "javascript:alert(1)",
		"file":       "file:///etc/passwd",
		"option":     "--help",
		"no host":    "https:///path",
		"empty":      "",
	}
	for name, link := range tests {
		t.Run(name, func(t *testing.T) {
			opened := false
			msg := openLink(func(string) error { opened = true; return nil }, link)()
			if s, ok := msg.(statusMsg); !ok || !s.err {
				t.Errorf("openLink(%q) = %#v, want an error", link, msg)
			}
			if opened {
				t.Errorf("%q was opened", link)
			}
		})
	}
}

func TestThemeFollowsTerminal(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{Theme: "auto"}, 80, 24)
	m = step(t, m, press("enter"))
	if got := root(t, m).reader.shown.style; got != "dark" {
		t.Fatalf("before the terminal answers: %q, want dark", got)
	}
	m = step(t, m, tea.BackgroundColorMsg{Color: ansi.BasicColor(15)}) // white
	if r := root(t, m); r.isDark || r.reader.shown.style != "light" || r.styles.isDark {
		t.Errorf("light background: isDark=%v reader style %q", r.isDark, r.reader.shown.style)
	}

	// A theme given on the command line wins over the terminal.
	m = start(t, lib, Config{Theme: "light"}, 80, 24)
	m = step(t, m, tea.BackgroundColorMsg{Color: ansi.BasicColor(0)})
	if root(t, m).isDark {
		t.Error("--theme light was overridden by the terminal")
	}
}

// TestNoColor: with a colourless profile (NO_COLOR), neither the list nor
// the reader emits colour.
func TestNoColor(t *testing.T) {
	lib := newLibrary(t, 8)
	for name, cfg := range map[string]Config{
		"config":  {NoColor: true},
		"profile": {},
	} {
		t.Run(name, func(t *testing.T) {
			m := start(t, lib, cfg, 80, 24)
			if name == "profile" {
				m = step(t, m, tea.ColorProfileMsg{Profile: colorprofile.ASCII})
			}
			checkNoColor(t, m.View().Content)
			m = step(t, m, press("enter"))
			if got := root(t, m).reader.shown.style; got != "notty" {
				t.Errorf("reader style %q", got)
			}
			checkNoColor(t, m.View().Content)
		})
	}
}

func checkNoColor(t *testing.T, s string) {
	t.Helper()
	for _, seq := range sgr.FindAllString(s, -1) {
		params := strings.FieldsFunc(seq[2:len(seq)-1], func(r rune) bool { return r == ';' || r == ':' })
		for _, p := range params {
			if len(p) == 2 && strings.ContainsRune("3489", rune(p[0])) && p[1] != '9' || len(p) == 3 && p[:2] == "10" {
				t.Fatalf("colour %q in: %q", seq, s)
			}
		}
	}
}

// TestRenderRequests: a burst of resizes of one article waits for the
// rendering on its way; another article does not wait for it.
func TestRenderRequests(t *testing.T) {
	st, _ := openLibrary(t)
	r := newReaderModel(context.Background(), st, newRenderer(), defaultReaderKeyMap(), newStyles(true, false, nil), "dark")
	r.width, r.height = 80, 24
	r.loaded, r.article = true, store.Article{ID: 1, Body: "one"}
	if r.requestRender() == nil {
		t.Fatal("nothing rendered")
	}
	r.width = 70
	if r.requestRender() != nil {
		t.Error("a resize started a second rendering of the same article")
	}
	if !r.plain || !strings.Contains(r.vp.GetContent(), "one") {
		t.Errorf("no plain text while rendering: %q", r.vp.GetContent())
	}
	r.article = store.Article{ID: 2, Body: "two"}
	if r.requestRender() == nil {
		t.Error("the next article waits for the previous one's rendering")
	}
}

// TestKeysTypedAhead: "enter G" typed at once reaches the article's end,
// although the article arrives after the G.
func TestKeysTypedAhead(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 80, 24)
	m, cmd := m.Update(press("enter"))
	m = step(t, m, press("G"))
	m = run(t, m, cmd) // the article, then its rendering
	r := root(t, m)
	if r.reader.plain || !r.reader.vp.AtBottom() || r.reader.vp.YOffset() == 0 {
		t.Errorf("G before the article arrived: offset %d of %d lines (plain %v)",
			r.reader.vp.YOffset(), r.reader.vp.TotalLineCount(), r.reader.plain)
	}
	if !strings.Contains(viewText(m), "Western military circles") {
		t.Errorf("the end is not on screen:\n%s", viewText(m))
	}

	// Back in the list, typed-ahead keys go to the list.
	m, _ = m.Update(press("esc"))
	m, _ = m.Update(press("j"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
		t.Errorf("j after esc moved the list to %d, want 1", got)
	}
}

// TestStarAndReadSayWhatTheyDid: s and m say what they did, in the reader
// (whose header shows the star) and in the list, where they act on the
// selection when there is one, as t does.
func TestStarAndReadSayWhatTheyDid(t *testing.T) {
	lib := newLibrary(t, 6)
	ctx := context.Background()
	m := start(t, lib, Config{}, 100, 24)
	m = step(t, m, press("enter"))
	m = step(t, m, press("s"))
	if s := viewText(m); !strings.Contains(s, "★ starred") || !strings.Contains(s, "Starred the article.") {
		t.Errorf("s in the reader:\n%s", s)
	}
	m = step(t, m, press("s"))
	if s := viewText(m); strings.Contains(s, "★ starred") || !strings.Contains(s, "Unstarred the article.") {
		t.Errorf("s again:\n%s", s)
	}
	m = step(t, m, press("m"))
	if s := viewText(m); !strings.Contains(s, "Marked the article unread.") {
		t.Errorf("m in the reader:\n%s", s)
	}

	m = steps(t, m, "esc", "g", "space", "space", "space") // rows 0, 1, 2 selected; the cursor on 3
	m = step(t, m, press("s"))
	if s := viewText(m); !strings.Contains(s, "Starred 3 selected articles.") {
		t.Errorf("s on a selection:\n%s", s)
	}
	rows, err := lib.Page(ctx, store.PageRequest{Limit: 6})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if r.Starred != (i < 3) {
			t.Errorf("row %d starred %v", i, r.Starred)
		}
	}
	m = step(t, m, press("s"))
	if s := viewText(m); !strings.Contains(s, "Unstarred 3 selected articles.") {
		t.Errorf("s again on the selection:\n%s", s)
	}
	if n, _ := lib.Count(ctx, "is:starred"); n != 0 {
		t.Errorf("%d starred after unstarring the selection", n)
	}
}

// TestKeysThatAreOffSayWhy: a key that does nothing now says why, rather
// than seeming broken.
func TestKeysThatAreOffSayWhy(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 100, 24)
	for _, c := range []struct{ key, want string }{
		{"T", "T tags every article a filter finds: filter with / first."},
		{"ctrl+s", "ctrl+s saves the filter as a search: filter with / first."},
		{"enter", ""},
		{"]", "This article has no notes: a writes one, v selects a passage to note."},
		{"u", "No note was deleted: nothing to bring back."},
		{"/", "/ filters the list: esc goes back to it."},
	} {
		m = step(t, m, press(c.key))
		if s := viewText(m); !strings.Contains(s, c.want) {
			t.Errorf("%s: the screen lacks %q:\n%s", c.key, c.want, s)
		}
	}
}

// TestRefreshProgressStays: while feeds are fetched, the status line says
// how far whenever no other message has it (a key no longer wipes it), and
// r says a fetch is running.
func TestRefreshProgressStays(t *testing.T) {
	lib := newLibrary(t, 5)
	cfg := Config{Refresh: func(ctx context.Context, progress func(RefreshProgress)) (RefreshResult, error) {
		<-ctx.Done()
		return RefreshResult{}, ctx.Err()
	}}
	m := start(t, lib, cfg, 100, 24)
	m, _ = m.Update(press("r")) // started; its command is not run here
	if !root(t, m).refreshing {
		t.Fatal("r did not start a refresh")
	}
	m, _ = m.Update(refreshProgressMsg{p: RefreshProgress{Done: 1, Total: 2, Feed: "Slow News"}, next: make(chan tea.Msg)})
	if s := viewText(m); !strings.Contains(s, "Fetching feeds… 1 of 2 done (Slow News)") {
		t.Errorf("the progress does not show before a key is pressed:\n%s", s)
	}
	m = step(t, m, press("j"))
	if s := viewText(m); !strings.Contains(s, "Fetching feeds… 1 of 2 done (Slow News)") {
		t.Errorf("a key wiped the progress:\n%s", s)
	}
	m = step(t, m, press("r"))
	if s := viewText(m); !strings.Contains(s, "Already fetching the feeds.") {
		t.Errorf("r while fetching:\n%s", s)
	}
	m, _ = m.Update(refreshDoneMsg{res: RefreshResult{Feeds: 2, New: 3}})
	if s := viewText(m); strings.Contains(s, "Fetching feeds") || !strings.Contains(s, "Fetched 2 feeds: 3 new articles") {
		t.Errorf("done:\n%s", s)
	}
}

func TestRefreshSummary(t *testing.T) {
	for _, tt := range []struct {
		res  RefreshResult
		want string
	}{
		{RefreshResult{}, "No feeds to fetch: `tidings feed add URL` subscribes to one."},
		{RefreshResult{Feeds: 1}, "Fetched 1 feed: 0 new articles"},
		{RefreshResult{Feeds: 2, New: 1}, "Fetched 2 feeds: 1 new article"},
		{RefreshResult{Feeds: 1, Updated: 1}, "Fetched 1 feed: 0 new articles, 1 updated"},
		{RefreshResult{Feeds: 3, New: 1200, Updated: 2, Failed: 1}, "Fetched 3 feeds: 1,200 new articles, 2 updated, 1 failed (# lists them)"},
	} {
		if got := refreshSummary(tt.res); got != tt.want {
			t.Errorf("refreshSummary(%+v) = %q, want %q", tt.res, got, tt.want)
		}
	}
}

// TestReadArticlesStayListedThroughPaging: an article read under is:unread
// stays listed when the list pages away from it and back.
func TestReadArticlesStayListedThroughPaging(t *testing.T) {
	lib := newLibrary(t, 120)
	m := start(t, lib, Config{Query: "is:unread", PageSize: 20}, 80, 24)
	first := root(t, m).list.rows[0]
	m = steps(t, m, "enter", "esc")
	m = step(t, m, pollMsg{}) // the write shows up: a reload
	m = steps(t, m, "G", "g")
	for range 10 {
		m = step(t, m, pollMsg{})
	}
	if rows := root(t, m).list.rows; len(rows) == 0 || rows[0].ID != first.ID || !rows[0].Read {
		t.Errorf("after paging away and back, the list starts with %+v; want %d, read", rows[:min(1, len(rows))], first.ID)
	}
}

// TestReaderShowsAnUpdatedBody: an article updated while tidings runs (a
// fetch, another process's import) shows its new body when opened again,
// not the rendering of the old one.
func TestReaderShowsAnUpdatedBody(t *testing.T) {
	st, _ := openLibrary(t)
	a := testArticle(0)
	a.Body = "The word is ALPHA today."
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := openReader(t, st, 80, 24)
	if !strings.Contains(viewText(m), "ALPHA") {
		t.Fatalf("the reader lacks the body:\n%s", viewText(m))
	}
	m = step(t, m, press("esc"))
	a.Body = "The word is BRAVO today."
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, press("enter"))
	if s := viewText(m); !strings.Contains(s, "BRAVO") || strings.Contains(s, "ALPHA") {
		t.Errorf("the reader opened again shows the old body:\n%s", s)
	}
}

// TestReaderShowsRelativeLinksResolved: the body's relative links and
// images show the addresses L lists and o opens, resolved against the
// article's link, in the reader and in tidings show.
func TestReaderShowsRelativeLinksResolved(t *testing.T) {
	st, _ := openLibrary(t)
	a := testArticle(0)
	a.URL = "https://example.org/news/hard-md"
	a.Body = "A [relative link](../other/page.html) and ![pic](images/pic.png)."
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := openReader(t, st, 120, 24)
	s := viewText(m)
	for _, want := range []string{"https://example.org/other/page.html", "https://example.org/news/images/pic.png"} {
		if !strings.Contains(s, want) {
			t.Errorf("the reader lacks %s:\n%s", want, s)
		}
	}
	out, err := RenderMarkdown(a.Body, a.URL, 120, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "https://example.org/news/images/pic.png") {
		t.Errorf("show renders %q", out)
	}
}

// TestOpenArticleFollowsChangesElsewhere: the open article shows what
// another process did to it (a tag, a new body) at the next poll, keeping
// the reader's place.
func TestOpenArticleFollowsChangesElsewhere(t *testing.T) {
	st, path := openLibrary(t)
	a := testArticle(0)
	a.Body = strings.Repeat("A long paragraph about the rail budget and the council. ", 40) + "\n\nThe word is ALPHA today."
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := openReader(t, st, 80, 12)
	m = steps(t, m, "j", "j")
	rm := root(t, m).reader
	y := rm.vp.YOffset()
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Tag(context.Background(), []int64{firstID(t, st)}, []string{"fromcli"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	r := root(t, m).reader
	if len(r.article.Tags) != 1 || r.article.Tags[0].Name != "fromcli" {
		t.Errorf("the open article's tags are %+v, want fromcli", r.article.Tags)
	}
	if got := r.vp.YOffset(); got != y {
		t.Errorf("the reader moved from line %d to %d", y, got)
	}
	a.Body = strings.Replace(a.Body, "ALPHA", "BRAVO", 1)
	if _, err := other.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m = steps(t, m, "G")
	m = step(t, m, pollMsg{})
	if s := viewText(m); !strings.Contains(s, "BRAVO") {
		t.Errorf("the open article shows its old body:\n%s", s)
	}
}

// TestOpenArticleCatchesUpAfterASelection: a change made elsewhere while a
// passage is being chosen shows once the selection ends.
func TestOpenArticleCatchesUpAfterASelection(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 0, 1)
	m := openReader(t, st, 80, 24)
	m = steps(t, m, "v")
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.Tag(context.Background(), []int64{firstID(t, st)}, []string{"elsewhere"}, nil); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	if len(root(t, m).reader.article.Tags) != 0 {
		t.Fatal("the article was read again in the middle of the selection")
	}
	m = steps(t, m, "esc")
	m = step(t, m, pollMsg{}) // nothing new since: the article is read all the same
	if tags := root(t, m).reader.article.Tags; len(tags) != 1 || tags[0].Name != "elsewhere" {
		t.Errorf("after the selection the article's tags are %+v, want elsewhere", tags)
	}
}

// TestStarUndoneElsewhereShows: the reader stars an article and another
// tidings unstars it: once the star is written, reading the article again
// shows it unstarred, not the reader's star laid over it anew.
func TestStarUndoneElsewhereShows(t *testing.T) {
	st, path := openLibrary(t)
	importArticles(t, st, 0, 1)
	m := openReader(t, st, 80, 24)
	m = steps(t, m, "s") // the write runs: step runs the command
	if !root(t, m).reader.article.Starred {
		t.Fatal("s did not star the article")
	}
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetStarred(context.Background(), []int64{firstID(t, st)}, false); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, pollMsg{})
	if root(t, m).reader.article.Starred {
		t.Error("the reader still shows the star another tidings took away")
	}
}
