package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// holdRendered runs cmd, holding back the rendering it brings (as if the
// article were still being laid out), and returns what was held.
func holdRendered(t *testing.T, m tea.Model, cmd tea.Cmd) (tea.Model, []tea.Msg) {
	t.Helper()
	var held []tea.Msg
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
		if _, ok := msg.(renderedMsg); ok {
			held = append(held, msg)
			return true
		}
		return false
	})
	return m, held
}

// TestSelectWhileLayingOut: v pressed while the article is still being laid
// out (its plain text shown meanwhile) starts the selection, as ] acts
// then: j extends it at once, and it is drawn once the layout is done,
// from the first sentence, the one at the top.
func TestSelectWhileLayingOut(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 100, 30)
	m, cmd := m.Update(press("enter"))
	m, held := holdRendered(t, m, cmd)
	if r := root(t, m).reader; !r.loaded || !r.plain || len(held) == 0 {
		t.Fatalf("the article is not being laid out: loaded %v, plain %v, %d held", r.loaded, r.plain, len(held))
	}

	m, cmd = m.Update(press("v"))
	m, more := holdRendered(t, m, cmd)
	held = append(held, more...)
	r := root(t, m).reader
	if r.sel == nil {
		t.Fatalf("v while laying out started no selection; the screen:\n%s", viewText(m))
	}
	if s := viewText(m); strings.Contains(s, "Nothing to select") {
		t.Errorf("v while laying out says:\n%s", s)
	}
	m, cmd = m.Update(press("j"))
	m, more = holdRendered(t, m, cmd)
	held = append(held, more...)
	if sel := root(t, m).reader.sel; sel == nil || sel.anchor != 0 || sel.cursor != 1 {
		t.Fatalf("j while laying out: the selection is %+v, want sentences 0 to 1", sel)
	}

	// The layout is done.
	for _, msg := range held {
		m = step(t, m, msg)
	}
	r = root(t, m).reader
	if r.plain || r.shown.deco != r.decoRev {
		t.Fatalf("the selection is not drawn: plain %v, drawn %d of %d", r.plain, r.shown.deco, r.decoRev)
	}
	sgr := root(t, m).styles.selectionSGR
	drawn := m.View().Content
	at := strings.Index(drawn, sgr)
	if at < 0 || !strings.Contains(ansi.Strip(drawn[at:]), "In a startling revelation") {
		t.Errorf("the selection is not drawn from the first sentence:\n%s", viewText(m))
	}
	if s := viewText(m); !strings.Contains(s, "next sentence") {
		t.Errorf("the footer does not offer the selection's keys:\n%s", s)
	}
}

// TestSelectWhileLoading: v pressed before the article has arrived says
// why nothing is selected, rather than doing nothing without a word.
func TestSelectWhileLoading(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 100, 30)
	m, cmd := m.Update(press("enter"))
	m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
		_, ok := msg.(articleMsg)
		return ok
	})
	if root(t, m).reader.loaded {
		t.Fatal("the article arrived")
	}
	m, _ = m.Update(press("v"))
	if s := viewText(m); !strings.Contains(s, "Nothing to select yet: the article is loading.") {
		t.Errorf("v while loading says:\n%s", s)
	}
}

// TestSelectWhileLayingOutALongArticle: in an article longer than the plain
// text shown while it is laid out, v pressed a few pages down starts on a
// sentence on the screen, not one as far into the whole article as the
// screen is into what it shows; and once laid out, the reader stays there.
func TestSelectWhileLayingOutALongArticle(t *testing.T) {
	body := longBody(4 * plainPreview)
	lib, _ := importLong(t, t.TempDir(), body)
	m := start(t, lib, Config{}, 100, 30)
	m, cmd := m.Update(press("enter"))
	m, held := holdRendered(t, m, cmd)
	if r := root(t, m).reader; !r.plain || len(held) == 0 {
		t.Fatalf("the article is not being laid out: plain %v, %d held", r.plain, len(held))
	}
	for range 3 {
		var more []tea.Msg
		m, cmd = m.Update(press("ctrl+d"))
		m, more = holdRendered(t, m, cmd)
		held = append(held, more...)
	}
	shown := viewText(m)
	m, cmd = m.Update(press("v"))
	m, more := holdRendered(t, m, cmd)
	held = append(held, more...)
	r := root(t, m).reader
	if r.sel == nil {
		t.Fatal("v started no selection")
	}
	// The paragraph the selection starts in, or ends the one before: on
	// the screen.
	n := paragraphAfter(t, r.text[r.sentences[r.sel.anchor].start:])
	if lo, hi := paragraphsOn(shown); n < lo || n > hi+1 {
		t.Errorf("the selection starts by paragraph %d; the screen shows %d to %d:\n%s", n, lo, hi, shown)
	}
	for _, msg := range held {
		m = step(t, m, msg)
	}
	if lo, hi := paragraphsOn(viewText(m)); n < lo || n > hi+1 {
		t.Errorf("laid out, the reader shows paragraphs %d to %d, away from the selection's %d:\n%s", lo, hi, n, viewText(m))
	}
}

// paragraphAfter is the number of the first "Paragraph N" of longBody in s.
func paragraphAfter(t *testing.T, s string) int {
	t.Helper()
	m := regexp.MustCompile(`Paragraph (\d+)`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no paragraph after %.80q", s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// paragraphsOn are the first and last paragraph numbers of longBody on a
// screen.
func paragraphsOn(screen string) (lo, hi int) {
	lo = 1 << 30
	for _, m := range regexp.MustCompile(`Paragraph (\d+)`).FindAllStringSubmatch(screen, -1) {
		n, _ := strconv.Atoi(m[1])
		lo, hi = min(lo, n), max(hi, n)
	}
	return lo, hi
}
