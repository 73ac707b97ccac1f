package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/store"
)

// annotatedLibrary is a library of 12 articles, three of them annotated:
// a passage note, a highlight, a whole-article note and an orphaned note.
func annotatedLibrary(t *testing.T) (*store.Store, []store.Row) {
	t.Helper()
	lib := newLibrary(t, 12)
	rows, err := lib.Page(context.Background(), store.PageRequest{Limit: 12})
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	p := passage(t, lib, rows[7].ID, "Paragraph 6 of article 7.")
	p.Note, p.Created = "Why the sixth paragraph?", day(1)
	addNotes(t, lib, rows[7].ID, p)
	h := passage(t, lib, rows[2].ID, "a leaked audio recording has emerged")
	h.Created = day(2)
	addNotes(t, lib, rows[2].ID, h, store.Annotation{Note: "Follow up with **Taurus** sources.", Created: day(3)})
	addNotes(t, lib, rows[4].ID, store.Annotation{Quote: "words no longer there", Note: "Gone now.", Created: day(4)})
	return lib, rows
}

func TestAnnotationBrowser(t *testing.T) {
	lib, rows := annotatedLibrary(t)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("A"))
	if root(t, m).screen != screenBrowser {
		t.Fatal("A did not open the browser")
	}
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))

	// Filtered with the query language: its words find the notes that
	// have them, not every note of an article one of them is on.
	m = step(t, m, press("/"))
	m = typeText(t, m, "taurus")
	s := viewText(m)
	if !strings.Contains(s, "Follow up with Taurus") || strings.Contains(s, "Gone now") ||
		strings.Contains(s, "leaked audio") || !strings.Contains(s, " 1 \n") {
		t.Errorf("filtered by taurus:\n%s", s)
	}
	m = step(t, m, press("enter"))
	m = typeText(t, m, "G")

	// Enter opens the article at the annotation.
	m = step(t, m, press("/"))
	for range len("taurus* ") { // kept with its prefix written out; a space for the next word
		m = step(t, m, press("backspace"))
	}
	m = typeText(t, m, "sixth")
	m = step(t, m, press("enter"))
	if got := root(t, m).browser.rows; len(got) != 1 || got[0].ArticleID != rows[7].ID {
		t.Fatalf("filtered by sixth: %+v", got)
	}
	m = step(t, m, press("enter"))
	r := root(t, m)
	if r.screen != screenReader || r.reader.id() != rows[7].ID {
		t.Fatalf("enter opened %d on screen %d", r.reader.id(), r.screen)
	}
	n, ok := r.reader.current()
	if !ok || n.Note != "Why the sixth paragraph?" {
		t.Fatalf("the annotation is not current: %+v", n)
	}
	if spot := r.reader.spots[n.ID]; spot[0] < r.reader.vp.YOffset() || spot[1] >= r.reader.vp.YOffset()+r.reader.vp.Height() {
		t.Errorf("the passage (lines %v) is not in view from %d:\n%s", spot, r.reader.vp.YOffset(), viewText(m))
	}
	if !strings.Contains(viewText(m), "┆ Why the sixth paragraph?") {
		t.Errorf("the note is not shown:\n%s", viewText(m))
	}

	// Esc goes back to the browser, then to the list.
	m = step(t, m, press("esc"))
	if root(t, m).screen != screenBrowser {
		t.Fatal("esc from the reader did not go back to the browser")
	}
	m = step(t, m, press("esc"))
	if root(t, m).screen != screenList {
		t.Fatal("esc from the browser did not go back to the list")
	}
}

// TestBrowserAfterChanges: a note written or deleted in the reader shows in
// the browser.
// TestBrowserEscWalksBack: esc walks back the way the user came, never
// round between the browser and the reader: reader → browser → another
// article's note → esc, esc brings back the first article, esc the list.
func TestBrowserEscWalksBack(t *testing.T) {
	lib, rows := annotatedLibrary(t)
	m := start(t, lib, Config{}, 80, 24)
	at := func(want screen, id int64) {
		t.Helper()
		r := root(t, m)
		if r.screen != want || (want == screenReader && r.reader.id() != id) {
			t.Fatalf("on screen %d, article %d; want screen %d, article %d", r.screen, r.reader.id(), want, id)
		}
	}
	m = steps(t, m, "j", "enter") // article 1, no notes
	at(screenReader, rows[1].ID)
	m = steps(t, m, "A", "G", "enter") // the last annotation: article 7's
	at(screenReader, rows[7].ID)
	m = step(t, m, press("esc"))
	at(screenBrowser, 0)
	m = step(t, m, press("esc"))
	at(screenReader, rows[1].ID)
	m = step(t, m, press("esc"))
	at(screenList, 0)

	// From the list: the browser, a note, the browser again from there: esc
	// goes back to the list, not round again.
	m = steps(t, m, "A", "enter")
	r := root(t, m)
	opened := r.reader.id()
	at(screenReader, opened)
	m = steps(t, m, "A")
	at(screenBrowser, 0)
	m = step(t, m, press("esc"))
	at(screenList, 0)
	m = steps(t, m, "A", "enter", "esc")
	at(screenBrowser, 0)
	m = step(t, m, press("esc"))
	at(screenList, 0)
}

func TestBrowserAfterChanges(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "enter", "a")
	m = typeText(t, m, "Fresh note.")
	m = steps(t, m, "ctrl+s", "A")
	s := viewText(m)
	if !strings.Contains(s, "✎ Fresh note.") || !strings.Contains(s, "5 ") {
		t.Fatalf("the new note is not in the browser:\n%s", s)
	}
	if strings.Index(s, "Fresh note.") > strings.Index(s, "Gone now.") {
		t.Errorf("the newest note is not first:\n%s", s)
	}
	// Back in the reader, delete it: the browser no longer has it.
	m = steps(t, m, "esc", "]", "d", "A")
	if s := viewText(m); strings.Contains(s, "Fresh note.") {
		t.Errorf("the deleted note is still listed:\n%s", s)
	}
}

func TestBrowserEmpty(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 60, 12)
	m = step(t, m, press("A"))
	checkFits(t, m, 60, 12)
	if s := viewText(m); !strings.Contains(s, "No annotations yet") {
		t.Errorf("an empty browser:\n%s", s)
	}
	if root(t, m).browser.keys.Open.Enabled() {
		t.Error("open is offered with nothing to open")
	}
	m = steps(t, m, "/", "x", ")")
	checkFits(t, m, 60, 12)
	if s := viewText(m); !strings.Contains(s, `^ unexpected ")"`) {
		t.Errorf("a filter that does not parse says nothing:\n%s", s)
	}
}

// TestAnnotationScreensFit: the selection, the note editor and the browser
// fill the terminal exactly at every size.
func TestAnnotationScreensFit(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	sizes := [][2]int{{40, 10}, {41, 11}, {50, 12}, {60, 20}, {80, 24}, {120, 40}, {200, 60}, {300, 100}}
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		m := start(t, lib, Config{}, w, h)
		m = steps(t, m, "j", "j", "enter", "v", "j", "j")
		checkFits(t, m, w, h)
		m = steps(t, m, "a")
		m = typeText(t, m, "A long note that wraps in the box\nover several lines, and more, and more.")
		checkFits(t, m, w, h)
		m = steps(t, m, "ctrl+s", "]", "]", "G")
		checkFits(t, m, w, h)
		m = steps(t, m, "?")
		checkFits(t, m, w, h)
		m = steps(t, m, "?", "A")
		checkFits(t, m, w, h)
		m = steps(t, m, "G", "/", "n", "o")
		checkFits(t, m, w, h)
		m = steps(t, m, "enter", "?")
		checkFits(t, m, w, h)
	}
}

// TestBrowserFilterErrors: the browser's filter reads the query as the
// list's does: one that does not parse says why under the line, with a
// caret where the problem starts, keeps the last result, and enter does not
// close the line on it.
func TestBrowserFilterErrors(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 24)
	m = steps(t, m, "A", "/")
	m = typeText(t, m, "taurus")
	found := len(root(t, m).browser.rows)
	m = typeText(t, m, " )")
	checkFits(t, m, 100, 24)
	s := viewText(m)
	if !strings.Contains(s, "\n        ^ unexpected \")\"") || strings.Contains(s, "store:") {
		t.Errorf("a query that does not parse:\n%s", s)
	}
	if strings.Contains(s, "ctrl+s") {
		t.Errorf("the footer offers ctrl+s, which does nothing here:\n%s", s)
	}
	if got := len(root(t, m).browser.rows); got != found || found == 0 {
		t.Errorf("%d annotations listed, want the last result's %d", got, found)
	}
	m = step(t, m, press("enter"))
	if b := root(t, m).browser; !b.filter.focused || !strings.Contains(viewText(m), "The query does not parse") {
		t.Errorf("enter closed the line on a bad query:\n%s", viewText(m))
	}
	m = steps(t, m, "backspace", "backspace", "enter")
	if b := root(t, m).browser; b.filter.focused || b.query != "taurus*" || len(b.rows) != found {
		t.Errorf("mended: filtering %v query %q, %d rows", b.filter.focused, b.query, len(b.rows))
	}
}

// TestBrowserFilterReadsAsTheList: what the browser's / line says about a
// query being typed, and what enter keeps, are what the list's filter line
// says and keeps.
func TestBrowserFilterReadsAsTheList(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	for _, tt := range []struct {
		typed, shown, kept string // kept "": enter refuses, and says shown
	}{
		{"(taur", "enter closes it with `)`", "(taur*)"},
		{`"follow up wit`, "enter closes it with `\"`", `"follow up wit"*`},
		{`"follow up wi`, "`wi` counts from its 3rd letter, or on enter", `"follow up wi"*`},
		{"taurus ta", "`ta` counts from its 3rd letter, or on enter", "taurus ta*"},
		{"taurus OR ", "`OR` waits for what it joins", ""},
		{"taurus tga:x", `^ unknown field "tga:"`, ""},
		{"tag:ukraine", "", "tag:ukraine"},
	} {
		t.Run(tt.typed, func(t *testing.T) {
			list := start(t, lib, Config{}, 100, 24)
			list = step(t, list, press("/"))
			list = typeText(t, list, tt.typed)
			browser := start(t, lib, Config{}, 100, 24)
			browser = steps(t, browser, "A", "/")
			browser = typeText(t, browser, tt.typed)
			lines := func(m tea.Model) string {
				// The line, and the one under it: the header is the list's
				// or the browser's own.
				s := strings.Split(viewText(m), "\n")
				return strings.TrimRight(s[1], " ") + "\n" + strings.TrimRight(s[2], " ")
			}
			bl := lines(browser)
			if !strings.Contains(bl, tt.shown) {
				t.Errorf("the browser's line lacks %q:\n%s", tt.shown, bl)
			}
			if ll := lines(list); tt.shown != "" && strings.Contains(ll, tt.shown) != strings.Contains(bl, tt.shown) {
				t.Errorf("the list's line says\n%s\nthe browser's\n%s", ll, bl)
			}
			list = step(t, list, press("enter"))
			browser = step(t, browser, press("enter"))
			l, b := root(t, list), root(t, browser)
			if tt.kept == "" {
				if !b.browser.filter.focused || !l.filter.focused || b.status != l.status || !b.statusErr {
					t.Errorf("enter: the browser says %q (line open %v), the list %q (open %v)",
						b.status, b.browser.filter.focused, l.status, l.filter.focused)
				}
				return
			}
			if b.browser.filter.focused || b.browser.query != tt.kept || l.list.query.text != tt.kept {
				t.Errorf("enter kept %q in the browser (line open %v), %q in the list; want %q",
					b.browser.query, b.browser.filter.focused, l.list.query.text, tt.kept)
			}
			if b.statusErr {
				t.Errorf("enter: %s", b.status)
			}
		})
	}
}

// TestBrowserFilterPrefix: the browser's filter reads the word being typed
// as a prefix, as the list's does, and keeps it so.
func TestBrowserFilterPrefix(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 100, 24)
	m = steps(t, m, "A", "/")
	m = typeText(t, m, "taur")
	if n := len(root(t, m).browser.rows); n == 0 {
		t.Fatalf("taur finds nothing while typed:\n%s", viewText(m))
	}
	found := len(root(t, m).browser.rows)
	m = step(t, m, press("enter"))
	if b := root(t, m).browser; b.query != "taur*" || len(b.rows) != found {
		t.Errorf("kept: query %q, %d rows; want taur*, %d", b.query, len(b.rows), found)
	}
}

// TestBrowserReaderSteps: in an article opened from the annotation browser,
// n and p go to the next and previous annotation's article in the browser's
// order (another article each time, at its annotation), the footer says so,
// and esc goes back to the browser, on the annotation shown last; the
// list's cursor stays where it was.
func TestBrowserReaderSteps(t *testing.T) {
	lib, rows := annotatedLibrary(t)
	// The browser, newest first: article 4's orphaned note, article 2's
	// note and its highlight, article 7's passage note.
	m := start(t, lib, Config{}, 100, 30)
	at := func(id int64, note string) {
		t.Helper()
		r := root(t, m)
		if r.screen != screenReader || r.reader.id() != id {
			t.Fatalf("on screen %d, article %d; want the reader on %d\n%s", r.screen, r.reader.id(), id, viewText(m))
		}
		if n, ok := r.reader.current(); note != "" && (!ok || n.Note != note) {
			t.Errorf("article %d: the current note is %q, want %q", id, n.Note, note)
		}
	}
	footer := func() string {
		s := strings.Split(strings.TrimRight(viewText(m), "\n"), "\n")
		return s[len(s)-1]
	}
	m = steps(t, m, "A", "enter")
	at(rows[4].ID, "Gone now.")
	if f := footer(); !strings.Contains(f, "n next annotated") {
		t.Errorf("the footer does not say where n goes: %s", f)
	}
	m = step(t, m, press("n"))
	at(rows[2].ID, "Follow up with **Taurus** sources.")
	m = step(t, m, press("n")) // past article 2's highlight: the same article
	at(rows[7].ID, "Why the sixth paragraph?")
	if root(t, m).reader.keys.Next.Enabled() {
		t.Error("n is offered after the browser's last annotation")
	}
	m = step(t, m, press("n"))
	at(rows[7].ID, "")
	if s := root(t, m).status; s != "This is the last annotated article in the browser." {
		t.Errorf("n at the end says %q", s)
	}
	m = step(t, m, press("p"))
	at(rows[2].ID, "")
	m = steps(t, m, "p")
	at(rows[4].ID, "Gone now.")
	m = steps(t, m, "n", "esc")
	r := root(t, m)
	if r.screen != screenBrowser || r.browser.cursor != 1 {
		t.Fatalf("esc: screen %d, the browser's cursor on %d; want the browser on 1\n%s", r.screen, r.browser.cursor, viewText(m))
	}
	if r.list.cursor != 0 {
		t.Errorf("the list's cursor moved to %d", r.list.cursor)
	}
	m = step(t, m, press("esc"))
	if root(t, m).screen != screenList {
		t.Fatal("esc from the browser did not go back to the list")
	}

	// From the list, n and p are the list's again.
	m = steps(t, m, "enter")
	if f := footer(); !strings.Contains(f, "n next unread •") {
		t.Errorf("the footer of an article opened from the list: %s", f)
	}
	m = step(t, m, press("n"))
	at(rows[1].ID, "")
	m = step(t, m, press("esc"))
	if root(t, m).screen != screenList {
		t.Fatal("esc from an article opened from the list did not go back to it")
	}

	// A filtered browser: n goes only through what it lists.
	m = steps(t, m, "A", "/")
	m = typeText(t, m, "gone")
	m = steps(t, m, "enter", "enter")
	at(rows[4].ID, "Gone now.")
	m = step(t, m, press("n"))
	at(rows[4].ID, "")
	if s := root(t, m).status; s != "This is the last annotated article in the browser." {
		t.Errorf("n in a browser filtered to one article says %q", s)
	}
}

// TestBrowserFilterSupersedes: while the browser's filter asks the library,
// its heading says it is searching; each key typed cancels what the key
// before it asked, whose answer, arriving late, changes nothing, so that
// questions never pile up; leaving the browser cancels its question too.
func TestBrowserFilterSupersedes(t *testing.T) {
	lib, _ := annotatedLibrary(t)
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "A", "/")
	m = typeText(t, m, "tau")
	heading := func() string { return strings.SplitN(viewText(m), "\n", 2)[0] }
	m, first := m.Update(press("r")) // taur*, on its way
	if h := heading(); !strings.Contains(h, "searching…") {
		t.Errorf("the heading while the library is asked: %q", h)
	}
	m, second := m.Update(press("u"))
	late := browserMsgOf(t, first)
	if !errors.Is(late.err, context.Canceled) {
		t.Errorf("the key before's question was not cancelled: %d rows, %v", len(late.rows), late.err)
	}
	m = run(t, m, func() tea.Msg { return late })
	if h := heading(); !strings.Contains(h, "searching…") || root(t, m).browser.err != nil || root(t, m).status != "" {
		t.Errorf("a cancelled question's answer changed the browser: %q, %v, status %q", h, root(t, m).browser.err, root(t, m).status)
	}
	m = run(t, m, second)
	if s := viewText(m); strings.Contains(s, "earching") || !strings.HasSuffix(strings.TrimSpace(heading()), " 1") || !strings.Contains(s, "Follow up with Taurus") {
		t.Errorf("the answer to taurus:\n%s", s)
	}

	m, kept := m.Update(press("enter"))
	m = step(t, m, press("esc"))
	if root(t, m).screen != screenList {
		t.Fatal("esc did not leave the browser")
	}
	if late := browserMsgOf(t, kept); !errors.Is(late.err, context.Canceled) {
		t.Errorf("leaving the browser did not cancel its question: %d rows, %v", len(late.rows), late.err)
	}
}

// browserMsgOf runs cmd and the commands it batches, and returns the
// browser's rows they bring.
func browserMsgOf(t *testing.T, cmd tea.Cmd) browserMsg {
	t.Helper()
	var found []browserMsg
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				walk(c)
			}
		case browserMsg:
			found = append(found, msg)
		}
	}
	walk(cmd)
	if len(found) != 1 {
		t.Fatalf("%d loads of the browser's rows, want 1", len(found))
	}
	return found[0]
}
