package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"tidings/feeds"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"tidings/store"
	"tidings/store/anchor"
)

// styledText is the text drawn in the style whose SGR sequence is open,
// its words joined by single spaces.
func styledText(content, open string) string {
	var b strings.Builder
	on := false
	for i := 0; i < len(content); {
		if content[i] == 0x1b {
			n, _ := escapeSequence(content[i:])
			switch seq := content[i : i+n]; {
			case seq == open:
				on = true
			case isSGRReset(seq):
				on = false
			}
			i += n
			continue
		}
		if on {
			b.WriteByte(content[i])
		} else if b.Len() > 0 && content[i] == '\n' {
			b.WriteByte(' ')
		}
		i++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// openReader starts on lib at a size and opens the first article.
func openReader(t *testing.T, lib Library, width, height int) tea.Model {
	t.Helper()
	m := start(t, lib, Config{}, width, height)
	m = step(t, m, press("enter"))
	if r := root(t, m).reader; !r.canSelect() {
		t.Fatalf("the article is not rendered: loaded=%v plain=%v", r.loaded, r.plain)
	}
	return m
}

func TestPassageSelection(t *testing.T) {
	lib := newLibrary(t, 3)
	m := openReader(t, lib, 80, 24)
	st := root(t, m).styles
	text := root(t, m).reader.text
	s := splitSentences(text)
	sentence := func(i int) string { return text[s[i].start:s[i].end] }

	tests := []struct {
		key  string
		from int // the selection, by sentence; -1 for none
		to   int
	}{
		{"v", 0, 0},
		{"j", 0, 1}, // across the paragraph
		{"j", 0, 2},
		{"w", 0, 3},
		{"k", 0, 2},
		{"b", 0, 1},
		{"esc", -1, -1},
		{"v", 0, 0},
		{"j", 0, 1},
		{"j", 0, 2},
		{"o", 0, 2}, // the start moves now
		{"j", 1, 2},
		{"j", 2, 2},
		{"j", 2, 3}, // past the other end: the selection turns round it
		{"o", 2, 3}, // the start moves again
		{"k", 1, 3},
		{"esc", -1, -1},
		{"v", 0, 0},
		{"k", 0, 0}, // the first sentence: nothing before it
		{"o", 0, 0}, // one sentence: nothing to turn
		{"j", 0, 1},
	}
	for i, tt := range tests {
		m = step(t, m, press(tt.key))
		r := root(t, m)
		if r.screen != screenReader {
			t.Fatalf("step %d (%s) left the reader", i, tt.key)
		}
		sel, ok := r.reader.selected()
		if tt.from < 0 {
			if ok {
				t.Errorf("step %d (%s): still selecting %q", i, tt.key, sel.Quote)
			}
			if got := styledText(m.View().Content, st.selectionSGR); got != "" {
				t.Errorf("step %d (%s): %q still drawn as selected", i, tt.key, got)
			}
			continue
		}
		want := text[s[tt.from].start:s[tt.to].end]
		if sel.Quote != want {
			t.Errorf("step %d (%s): selected %q, want %q", i, tt.key, sel.Quote, want)
		}
		if got := styledText(m.View().Content, st.selectionSGR); got != words(want) {
			t.Errorf("step %d (%s): drawn as selected %q, want %q", i, tt.key, got, words(want))
		}
	}
	if !strings.Contains(sentence(1), "Paragraph 1") {
		t.Fatalf("the test expects the second sentence to open the next paragraph: %q", sentence(1))
	}
	if !strings.Contains(viewText(m), "next sentence") {
		t.Errorf("the footer does not show the selection's keys:\n%s", viewText(m))
	}

	// a attaches a note; saved empty, it is a highlight.
	m = step(t, m, press("a"))
	if s := viewText(m); !strings.Contains(s, "Note on the passage “In a startling revelation") {
		t.Fatalf("a did not open the editor on the passage:\n%s", s)
	}
	m = step(t, m, press("ctrl+s"))
	r := root(t, m)
	if r.reader.sel != nil {
		t.Error("the selection stays after saving")
	}
	notes := notesOf(t, lib, r.reader.id())
	if len(notes) != 1 {
		t.Fatalf("%d notes saved", len(notes))
	}
	want := sentence(0) + "\n\n" + sentence(1)
	if n := notes[0]; n.Quote != want || n.Note != "" || n.Prefix != "" || !strings.HasPrefix(n.Suffix, " The security breach") {
		t.Errorf("saved %+v, want the quote %q", n, want)
	}
	if start, end, ok := anchor.Find(text, anchor.Selector{Quote: notes[0].Quote, Prefix: notes[0].Prefix, Suffix: notes[0].Suffix}); !ok || text[start:end] != want {
		t.Errorf("the saved passage is found at %d-%d (%v)", start, end, ok)
	}
	if !strings.Contains(viewText(m), "Highlighted the passage.") {
		t.Errorf("no word of the highlight:\n%s", viewText(m))
	}
	// The new highlight is the current one, its (empty) note shown.
	if got := styledText(m.View().Content, st.passageCurrentSGR); got != words(want) {
		t.Errorf("drawn as highlighted: %q, want %q", got, words(want))
	}
	if !strings.Contains(viewText(m), "┆ highlighted, no note") {
		t.Errorf("the current highlight's note is not shown:\n%s", viewText(m))
	}
}

// TestSelectionStartsAtTop: v starts at the sentence at the top of what is
// shown, and the view follows the selection's end.
func TestSelectionStartsAtTop(t *testing.T) {
	lib := newLibrary(t, 3)
	m := openReader(t, lib, 80, 14)
	m = steps(t, m, "ctrl+d", "ctrl+d")
	r := root(t, m).reader
	top := r.vp.YOffset()
	m = step(t, m, press("v"))
	r = root(t, m).reader
	sel, _ := r.selected()
	if r.vp.YOffset() != top {
		t.Errorf("v scrolled from line %d to %d", top, r.vp.YOffset())
	}
	// The first sentence starting on the screen: on the first line that
	// starts a paragraph or holds a sentence's start.
	lines := strings.Split(stripped(r.vp.GetContent()), "\n")
	want := -1
	for y := top; y < len(lines) && want < 0; y++ {
		if i := strings.Index(lines[y], sel.Quote[:20]); i >= 0 {
			want = y
		}
	}
	if want < top || want > top+2 || r.focusLines[0] != want {
		t.Errorf("the selection %q starts on line %d (focus %v), the screen on %d:\n%s", sel.Quote, want, r.focusLines, top, viewText(m))
	}
	for range 12 {
		m = step(t, m, press("j"))
	}
	r = root(t, m).reader
	if f := r.focusLines; f[1] < r.vp.YOffset() || f[1] >= r.vp.YOffset()+r.vp.Height() {
		t.Errorf("the selection's end (lines %v) is out of view (from %d, %d lines)", f, r.vp.YOffset(), r.vp.Height())
	}
	checkFits(t, m, 80, 14)
}

// stripped is s without its escape sequences.
func stripped(s string) string {
	text, _ := stripStyles(s)
	return text
}

// addNotes adds annotations to an article directly, as another process
// would, with fixed dates.
func addNotes(t *testing.T, lib *store.Store, id int64, notes ...store.Annotation) {
	t.Helper()
	for i, n := range notes {
		n.ArticleID = id
		if n.Created.IsZero() {
			n.Created = time.Date(2024, 3, 6, 9, i, 0, 0, time.UTC)
		}
		if _, err := lib.AddAnnotation(context.Background(), n); err != nil {
			t.Fatal(err)
		}
	}
}

// passage is the selector of the first occurrence of quote in an article's
// plain text.
func passage(t *testing.T, lib *store.Store, id int64, quote string) store.Annotation {
	t.Helper()
	a, err := lib.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.PlainText(a.Body)
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q is not in article %d", quote, id)
	}
	sel := anchor.Make(text, i, i+len(quote))
	return store.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix}
}

func firstID(t *testing.T, lib *store.Store) int64 {
	t.Helper()
	rows, err := lib.Page(context.Background(), store.PageRequest{Limit: 1})
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	return rows[0].ID
}

// TestHighlightNavigation: ] and [ go through the highlights in the order
// of the text, then the notes under the body, scrolling to each.
func TestHighlightNavigation(t *testing.T) {
	lib := newLibrary(t, 2)
	id := firstID(t, lib)
	early := passage(t, lib, id, "Paragraph 1 of article 0.")
	early.Note = "The first one."
	late := passage(t, lib, id, "The last paragraph mentions Western military circles.")
	late.Note = "The last one."
	middle := passage(t, lib, id, "Paragraph 5 of article 0.")
	addNotes(t, lib, id, late, store.Annotation{Note: "On the whole article."}, early, middle)

	m := openReader(t, lib, 80, 14)
	st := root(t, m).styles
	for i, want := range []string{"Paragraph 1 of article 0.", "Paragraph 5 of article 0.", "The last paragraph mentions Western military circles.", "On the whole article.", "Paragraph 1 of article 0."} {
		m = step(t, m, press("]"))
		r := root(t, m).reader
		n, ok := r.current()
		if !ok || n.Quote != want && n.Note != want {
			t.Fatalf("] %d: current is %+v, want %q", i+1, n, want)
		}
		spot := r.spots[n.ID]
		if spot[0] < r.vp.YOffset() || spot[0] >= r.vp.YOffset()+r.vp.Height() {
			t.Errorf("] %d: %q at line %d is out of view (from %d)", i+1, want, spot[0], r.vp.YOffset())
		}
		if n.Quote != "" {
			if got := styledText(m.View().Content, st.passageCurrentSGR); got != want {
				t.Errorf("] %d: the current highlight is drawn on %q", i+1, got)
			}
			if n.Note != "" && !strings.Contains(viewText(m), "┆ "+n.Note) {
				t.Errorf("] %d: its note is not shown under it:\n%s", i+1, viewText(m))
			}
		}
		checkFits(t, m, 80, 14)
	}
	m = step(t, m, press("["))
	if n, _ := root(t, m).reader.current(); n.Note != "On the whole article." {
		t.Errorf("[ went to %+v", n)
	}
	// Every highlight is drawn, not only the current one.
	m = step(t, m, press("g"))
	if got := styledText(m.View().Content, st.passageSGR); !strings.Contains(got, "Paragraph 1 of article 0.") {
		t.Errorf("the first highlight is not drawn: %q", got)
	}
}

// TestHighlightsAtAnyWidth: a highlight is drawn on the same words however
// wide the terminal.
func TestHighlightsAtAnyWidth(t *testing.T) {
	lib := newLibrary(t, 1)
	id := firstID(t, lib)
	quote := "The security breach has raised alarm in Berlin and among NATO allies, as the leaked information could enable tracking of weapons movements in Western Europe.\n\nParagraph 3 of article 0."
	a := passage(t, lib, id, quote)
	a.Note = "Twice?"
	addNotes(t, lib, id, a)
	m := openReader(t, lib, 100, 50)
	st := root(t, m).styles
	for _, size := range [][2]int{{100, 50}, {60, 50}, {40, 50}, {140, 50}, {80, 50}} {
		m = step(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := styledText(m.View().Content, st.passageSGR); got != words(quote) {
			t.Errorf("at %d columns the highlight is on %q", size[0], got)
		}
		checkFits(t, m, size[0], size[1])
	}
}

// TestOrphanedNote: a note whose passage is no longer in the article is
// listed under the body with its quote.
func TestOrphanedNote(t *testing.T) {
	lib := newLibrary(t, 1)
	id := firstID(t, lib)
	addNotes(t, lib, id,
		store.Annotation{Quote: "a paragraph the editors took out again", Prefix: "Europe.\n\n", Note: "It was **here**."},
		store.Annotation{Note: "A note on the whole article."})
	m := openReader(t, lib, 80, 24)
	m = step(t, m, press("G"))
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))
	if n := root(t, m).reader.notes; len(n) != 2 || !n[1].orphaned() {
		t.Errorf("notes %+v", n)
	}
}

// TestReaderHighlightAndNote: the reader with a highlight, its note shown
// under its paragraph as the current one.
func TestReaderHighlightAndNote(t *testing.T) {
	lib := newLibrary(t, 1)
	id := firstID(t, lib)
	a := passage(t, lib, id, "The security breach has raised alarm in Berlin and among NATO allies")
	a.Note = "Which allies? Check the **Times** piece."
	addNotes(t, lib, id, a)
	m := openReader(t, lib, 80, 24)
	m = step(t, m, press("]"))
	checkFits(t, m, 80, 24)
	golden.RequireEqual(t, viewText(m))
}

// TestHighlightsWithFilterWords: the filter's words stay highlighted inside
// and outside a passage drawn with its own background.
func TestHighlightsWithFilterWords(t *testing.T) {
	lib := newLibrary(t, 1)
	id := firstID(t, lib)
	quote := "The security breach has raised alarm in Berlin"
	addNotes(t, lib, id, passage(t, lib, id, quote))
	m := start(t, lib, Config{Query: "breach"}, 80, 24)
	m = step(t, m, press("enter"))
	st := root(t, m).styles
	content := m.View().Content
	if got := styledText(content, st.passageSGR); got != quote {
		t.Errorf("the passage is drawn on %q", got)
	}
	// Every "breach" on the screen, the one in the passage too.
	if got, n := styledText(content, st.matchSGR), strings.Count(viewText(m), "breach"); got != strings.TrimSpace(strings.Repeat("breach ", n)) {
		t.Errorf("the filter's word is drawn on %q, want %d times", got, n)
	}
}

// TestBidiControlsNeverReachTheScreen: a body with bidirectional overrides
// and isolates (a hostile file disguising its text) is shown without them,
// and a highlighted passage that holds one is still marked word for word.
func TestBidiControlsNeverReachTheScreen(t *testing.T) {
	st, _ := openLibrary(t)
	a := testArticle(0)
	a.Body = "A plain first paragraph.\n\nThe invoice total is \u202e0001$\u202c due by \u2066Friday\u2069 at noon.\n\nA last paragraph."
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	id := firstID(t, st)
	quote := "The invoice total is \u202e0001$\u202c due by \u2066Friday\u2069 at noon."
	addNotes(t, st, id, passage(t, st, id, quote))
	m := openReader(t, st, 80, 24)
	content := m.View().Content
	for _, r := range content {
		if feeds.StripBidi(string(r)) == "" {
			t.Fatalf("U+%04X reached the screen:\n%s", r, viewTextOf(content))
		}
	}
	if got, want := styledText(content, root(t, m).styles.passageSGR), words(feeds.StripBidi(quote)); got != want {
		t.Errorf("the highlight is on %q, want %q", got, want)
	}
}

// TestDeleteActsOnTheNoteOnScreen: d and e act on a note the reader can
// see: the one chosen with ] or [ while it is on screen (never another),
// else, with none chosen, the only one on screen; otherwise they say how to
// pick one.
func TestDeleteActsOnTheNoteOnScreen(t *testing.T) {
	lib := newLibrary(t, 3)
	rows, err := lib.Page(context.Background(), store.PageRequest{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	id := rows[0].ID
	p := passage(t, lib, id, "a leaked audio recording has emerged")
	p.Note = "the passage's note"
	addNotes(t, lib, id, p, store.Annotation{Note: "the whole article's note"})
	m := openReader(t, lib, 80, 14)
	m = step(t, m, press("]")) // the passage, at the top, is current
	if n, ok := root(t, m).reader.current(); !ok || n.Quote == "" {
		t.Fatalf("] made %+v current", n)
	}
	m = step(t, m, press("G")) // only the whole-article note is on screen
	m = step(t, m, press("d"))
	if s := viewText(m); len(notesOf(t, lib, id)) != 2 || !strings.Contains(s, "The note chosen is off screen: ] or [ shows it, or another.") {
		t.Fatalf("d with the chosen note off screen:\n%s", s)
	}
	m = step(t, m, press("]")) // the whole-article note, chosen and shown
	m = step(t, m, press("d"))
	notes := notesOf(t, lib, id)
	if len(notes) != 1 || notes[0].Note != "the passage's note" {
		t.Fatalf("d on the note chosen left %+v; want the passage's note", notes)
	}
	m = step(t, m, press("G"))
	m = step(t, m, press("d")) // nothing chosen, nothing on screen
	if s := viewText(m); len(notesOf(t, lib, id)) != 1 || !strings.Contains(s, "Which note? ] and [ go to one") {
		t.Errorf("d with no note on screen:\n%s", s)
	}
}

// TestSelectionKeys: in a passage selection the reader's back keys end the
// selection, as esc does, and leave the article open; y copies the passage,
// not the article's link, says so and ends the selection, as vim's y does.
// The footer and the help say so; keys bound otherwise follow.
func TestSelectionKeys(t *testing.T) {
	lib := newLibrary(t, 3)
	noClipboardTool(t)
	tests := []struct {
		name          string
		keys          map[string][]string
		cancel, copyK string
		labels        []string // in the footer, in this order
	}{
		{"as shipped", nil, "h", "y", []string{"esc/h cancel", "? help", "y copy passage"}},
		{"as newsboat's article view", map[string][]string{"back": {"esc", "left", "q"}, "quit": {"Q"}, "copy-link": {"c"}},
			"q", "c", []string{"esc/←/q cancel", "? help", "c copy passage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{Keys: tt.keys}, 120, 24)
			m = steps(t, m, "enter", "v", "j")
			text := root(t, m).reader.text
			s := splitSentences(text)
			want := text[s[0].start:s[1].end]
			footer := footerLine(m)
			rest := footer
			for _, l := range tt.labels {
				i := strings.Index(rest, l)
				if i < 0 {
					t.Errorf("the footer does not show %q: %q", l, footer)
					break
				}
				rest = rest[i+len(l):]
			}
			m = steps(t, m, "?")
			if h := viewText(m); !strings.Contains(h, "copy passage") || strings.Contains(h, "copy link") {
				t.Errorf("the selection's help:\n%s", h)
			}
			m = steps(t, m, "esc")

			m = steps(t, m, tt.cancel)
			r := root(t, m)
			if r.screen != screenReader || r.reader.sel != nil {
				t.Fatalf("%s in a selection: screen %v, selecting %v; want the reader without the selection", tt.cancel, r.screen, r.reader.sel != nil)
			}

			m = steps(t, m, "v", "j")
			m, cmd := m.Update(press(tt.copyK))
			if cmd == nil {
				t.Fatalf("%s copied nothing", tt.copyK)
			}
			var copied bool
			m = runHolding(t, m, cmd, func(msg tea.Msg) bool {
				if reflect.DeepEqual(msg, tea.SetClipboard(want)()) {
					copied = true
				}
				if reflect.DeepEqual(msg, tea.SetClipboard("https://news.example/0")()) {
					t.Error("the article's link was copied")
				}
				return false
			})
			if !copied {
				t.Errorf("%s did not copy the passage %q", tt.copyK, want)
			}
			r = root(t, m)
			if r.reader.sel != nil || r.screen != screenReader {
				t.Errorf("after %s: selecting %v, screen %v", tt.copyK, r.reader.sel != nil, r.screen)
			}
			if v := viewText(m); !strings.Contains(v, "Sent to the terminal's clipboard (OSC 52): the passage “In a startling revelation") {
				t.Errorf("no word of the copy:\n%s", v)
			}
		})
	}
}
