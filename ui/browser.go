package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/anchor"
)

// The annotation browser (A) lists every annotation in the library, newest
// first, with its article's title, the passage and the note; / filters it
// with the query language: its words find the notes that have them, its
// other terms the articles whose notes are listed (notefilter.go). Enter opens
// the article in the reader at the passage, where n and p go on to the
// next and previous annotation's article in the browser's order; esc goes
// back.

// browserLimit bounds how many annotations the browser lists.
const browserLimit = 5000

// browserItemLines is how many lines an annotation takes in the browser.
const browserItemLines = 3

// browserModel is the annotation browser's state.
type browserModel struct {
	back screen // where esc goes
	// When back is the reader: the article it showed, and where its own
	// esc went, to show it again as it was.
	backRow    store.Row
	backReader screen
	backTerms  []string
	rows       []store.AnnotationRow
	terms      []string // the filter's words, highlighted in the notes
	loaded     bool
	epoch      int // counts loads; an older one's rows are dropped
	cursor     int
	offset     int // the first item shown

	// searching says a load is on its way, which the screen says; cancel
	// stops it when a newer one (the next key typed) or leaving the
	// browser makes it pointless, so that loads never pile up.
	searching bool
	cancel    context.CancelFunc

	query  string      // the filter applied: as typed while the line has the keyboard, then as kept
	filter filterModel // the / line, which reads a query as the list's does
	err    error       // why the filter did not apply

	// checks are the passages looked for in their articles' text since the
	// browser opened, by note (browsercheck.go).
	checks map[int64]passageCheck

	keys browserKeyMap
}

// browserMsg carries the browser's rows.
type browserMsg struct {
	epoch int
	query string
	rows  []store.AnnotationRow
	terms []string
	err   error
}

func newBrowser(keys browserKeyMap, st *styles) browserModel {
	f := newFilterModel(st)
	f.input.Placeholder = "filter the notes (query language)"
	return browserModel{keys: keys, filter: f}
}

// loadBrowser loads the annotations matching a query (notesMatching).
func loadBrowser(ctx context.Context, lib Library, q string, epoch int) tea.Cmd {
	return func() tea.Msg {
		rows, f, err := notesMatching(ctx, lib, q, browserLimit)
		return browserMsg{epoch: epoch, query: q, rows: rows, terms: f.terms(), err: err}
	}
}

// openBrowser shows the browser, loading what it lists.
func (m *Model) openBrowser() tea.Cmd {
	// From a reader the browser itself opened, esc goes where it went
	// before: back is never a reader whose esc comes back here.
	if m.screen != screenBrowser && (m.screen != screenReader || m.readerBack != screenBrowser) {
		m.browser.back = m.screen
		m.browser.backRow, m.browser.backReader = m.reader.row, m.readerBack
		m.browser.backTerms = m.reader.terms
	}
	if m.screen != screenBrowser {
		m.browser.checks = nil // the articles may have changed since
	}
	m.screen = screenBrowser
	return m.loadBrowserRows()
}

func (m *Model) loadBrowserRows() tea.Cmd {
	b := &m.browser
	b.stopLoading()
	ctx, cancel := context.WithCancel(m.ctx)
	b.searching, b.cancel = true, cancel
	q := b.query
	if b.filter.focused {
		// Being typed, it reads as the list's filter does: the last word a
		// prefix from its third letter.
		q = store.LiveQuery(q)
	}
	return loadBrowser(ctx, m.lib, q, b.epoch)
}

// stopLoading cancels the load on its way, if any, and drops what it
// would bring.
func (b *browserModel) stopLoading() {
	b.epoch++
	if b.cancel != nil {
		b.cancel()
	}
	b.searching, b.cancel = false, nil
}

// reloadBrowser refreshes the browser when it is shown.
func (m *Model) reloadBrowser() tea.Cmd {
	if m.screen != screenBrowser {
		return nil
	}
	return m.loadBrowserRows()
}

// handleBrowserRows takes rows the browser asked for, keeping the cursor
// on the same annotation when it is still there.
func (m *Model) handleBrowserRows(msg browserMsg) tea.Cmd {
	b := &m.browser
	if msg.epoch != b.epoch {
		return nil
	}
	b.stopLoading() // done with: its context goes
	if msg.err != nil {
		b.err = msg.err
		if msg.query != "" {
			m.setError("filter", msg.err)
		} else {
			m.setError("loading the annotations", msg.err)
		}
		b.loaded = true
		return nil
	}
	b.err = nil
	var at int64
	if b.cursor < len(b.rows) {
		at = b.rows[b.cursor].ID
	}
	b.rows, b.terms, b.loaded, b.cursor = msg.rows, msg.terms, true, 0
	for i, r := range b.rows {
		if r.ID == at {
			b.cursor = i
		}
	}
	b.fixOffset(m.browserItems())
	return m.checkPassages()
}

// browserItems is how many items fit on the browser's screen.
func (m Model) browserItems() int {
	return max((m.height-2-1-m.browser.filterLines())/browserItemLines, 1)
}

func (b browserModel) filterLines() int {
	switch {
	case b.filter.focused:
		return b.filter.lines()
	case b.query != "":
		return 1
	}
	return 0
}

func (b *browserModel) move(delta, visible int) {
	b.cursor = min(max(b.cursor+delta, 0), max(len(b.rows)-1, 0))
	b.fixOffset(visible)
}

func (b *browserModel) fixOffset(visible int) {
	switch {
	case b.cursor < b.offset:
		b.offset = b.cursor
	case b.cursor >= b.offset+visible:
		b.offset = b.cursor - visible + 1
	}
	b.offset = max(min(b.offset, len(b.rows)-visible), 0)
}

// handleBrowserKey handles a key on the browser's screen.
func (m *Model) handleBrowserKey(msg tea.KeyPressMsg) tea.Cmd {
	b := &m.browser
	k := b.keys
	visible := m.browserItems()
	switch {
	case key.Matches(msg, k.Up):
		b.move(-1, visible)
	case key.Matches(msg, k.Down):
		b.move(1, visible)
	case key.Matches(msg, k.Top):
		b.move(-len(b.rows), visible)
	case key.Matches(msg, k.Bottom):
		b.move(len(b.rows), visible)
	case key.Matches(msg, k.HalfPageDown):
		b.move(max(visible/2, 1), visible)
	case key.Matches(msg, k.HalfPageUp):
		b.move(-max(visible/2, 1), visible)
	case key.Matches(msg, k.Filter):
		setInputWidth(&b.filter.input, max(m.width-2, 1))
		cmd := b.filter.open(b.query)
		b.fixOffset(m.browserItems())
		return cmd
	case key.Matches(msg, k.Open):
		if b.cursor < len(b.rows) {
			return m.openAnnotation(b.rows[b.cursor])
		}
	case key.Matches(msg, k.Back, k.Close):
		return m.leaveBrowser()
	}
	return m.checkPassages()
}

// clickBrowser puts the cursor on the annotation drawn on the screen's
// line y; on the one already under it, it opens it, as enter does.
func (m *Model) clickBrowser(y int) tea.Cmd {
	b := &m.browser
	if m.height-2 < 1+browserItemLines || !b.loaded {
		return nil // nothing shown but the item at the cursor, if that
	}
	// The heading, the filter's lines, then three lines an annotation.
	y -= 1 + b.filterLines()
	i := b.offset + y/browserItemLines
	if y < 0 || y/browserItemLines >= m.browserItems() || i >= len(b.rows) {
		return nil
	}
	if i == b.cursor {
		return m.openAnnotation(b.rows[i])
	}
	b.cursor = i
	b.fixOffset(m.browserItems())
	return m.checkPassages()
}

// leaveBrowser goes back to where the browser was opened from. That was
// the reader: it shows the article it showed then, and its own esc goes
// where it went then, though an annotation opened from the browser took
// the reader meanwhile.
func (m *Model) leaveBrowser() tea.Cmd {
	b := &m.browser
	b.stopLoading()
	m.screen = b.back
	switch {
	case m.screen == screenBrowser:
		m.screen = screenList
	case m.screen == screenReader:
		m.readerBack = b.backReader
		if m.reader.id() != b.backRow.ID {
			m.reader.terms = b.backTerms
			return m.reader.open(b.backRow)
		}
	}
	return nil
}

// openAnnotation opens an annotation's article in the reader, at the
// annotation.
func (m *Model) openAnnotation(r store.AnnotationRow) tea.Cmd {
	row := store.Row{ID: r.ArticleID, Title: r.Title, Source: r.Source, Published: r.Published, Read: true}
	m.browser.stopLoading() // the browser loads again when esc comes back
	m.screen = screenReader
	m.reader.terms = nil
	cmd := m.reader.open(row)
	m.reader.focusNote = r.ID
	m.readerBack = screenBrowser
	return cmd
}

// browserNeighbour is the index among the browser's rows of the next
// annotation (delta 1) or the previous one (-1) from the browser's cursor
// that is on another article than the reader's, or -1 when there is none.
func (m Model) browserNeighbour(delta int) int {
	b := m.browser
	for i := b.cursor + delta; i >= 0 && i < len(b.rows); i += delta {
		if b.rows[i].ArticleID != m.reader.id() {
			return i
		}
	}
	return -1
}

// stepBrowser opens, in a reader the browser opened, the article of the
// next or previous annotation in the browser's order, at that annotation,
// moving the browser's cursor with it (as n and p move the list's).
func (m *Model) stepBrowser(delta int) tea.Cmd {
	i := m.browserNeighbour(delta)
	if i < 0 {
		m.setStatus(browserEnd(delta))
		return nil
	}
	m.browser.cursor = i
	m.browser.fixOffset(m.browserItems())
	return m.openAnnotation(m.browser.rows[i])
}

// browserEnd says that n (delta 1) or p (-1) has no annotation left to go
// to in the browser.
func browserEnd(delta int) string {
	if delta > 0 {
		return "This is the last annotated article in the browser."
	}
	return "This is the first annotated article in the browser."
}

// handleBrowserFilterKey handles a key while the browser's filter line has
// the keyboard: every change filters again, the text read as the list's
// filter line reads it (filterModel).
func (m *Model) handleBrowserFilterKey(msg tea.KeyPressMsg) tea.Cmd {
	b := &m.browser
	switch msg.String() {
	case "enter":
		if why := b.filter.refusal(); why != "" {
			m.status, m.statusErr = why, true
			return nil
		}
		// Kept as the list keeps its filter: the word typed last a prefix,
		// written out ("orph*"), what was open closed, so that it finds
		// what it found.
		kept := strings.TrimSpace(b.filter.kept())
		b.filter.close()
		b.filter.input.SetValue(kept)
		b.query = kept
		b.fixOffset(m.browserItems())
		return m.loadBrowserRows()
	case "esc":
		b.filter.close()
		b.filter.input.SetValue("")
		b.fixOffset(m.browserItems())
		if b.query == "" {
			return nil
		}
		b.query = ""
		return m.loadBrowserRows()
	case "up", "down":
		b.move(map[string]int{"up": -1, "down": 1}[msg.String()], m.browserItems())
		return m.checkPassages()
	}
	before := b.filter.input.Value()
	var cmd tea.Cmd
	b.filter.input, cmd = b.filter.input.Update(msg)
	if b.filter.input.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, m.applyBrowserFilter())
}

// handleBrowserFilterPaste types pasted text, on one line, into the
// browser's filter line.
func (m *Model) handleBrowserFilterPaste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	m.browser.filter.input, cmd = m.browser.filter.input.Update(msg)
	return tea.Batch(cmd, m.applyBrowserFilter())
}

// applyBrowserFilter lists the annotations the line's text finds, read
// live, unless it is no query yet: then the last result stays, and the
// line says why under it.
func (m *Model) applyBrowserFilter() tea.Cmd {
	b := &m.browser
	if b.filter.read() {
		b.fixOffset(m.browserItems())
	}
	if b.filter.err != nil {
		return nil
	}
	text := b.filter.input.Value()
	if sameMeaning(text, b.query) {
		// "taurus s": a word too short to count yet changes nothing.
		b.query = text
		return nil
	}
	b.query = text
	return m.loadBrowserRows()
}

// View draws the browser's screen, height lines: none when height is not
// positive.
func (b browserModel) View(width, height int, st *styles) string {
	count := ""
	switch {
	case b.searching && b.loaded:
		// What is listed is the last query's answer until this one's comes.
		count = "searching… "
	case b.loaded:
		count = thousands(len(b.rows)) + " "
		if len(b.rows) == browserLimit {
			count = "first " + count
		}
	}
	left := st.header.Render(" Annotations")
	if b.query != "" && !b.filter.focused {
		left += "  " + st.prompt.Render("/") + oneLine(b.query)
	}
	gap := width - ansi.StringWidth(left) - ansi.StringWidth(count)
	head := ansi.Truncate(left, width, "…")
	if gap >= 1 {
		head = left + strings.Repeat(" ", gap) + st.headerDim.Render(count)
	}
	lines := []string{head}
	if b.filter.focused {
		lines = append(lines, b.filter.view(width, st))
	} else if b.query != "" {
		lines = append(lines, st.inputHint.Render(ansi.Truncate(" / filters again · esc in the filter clears it", width, "…")))
	}
	switch {
	case !b.loaded:
		lines = append(lines, st.empty.Render(fit(" Loading…", width)))
	case len(b.rows) == 0 && b.searching:
		lines = append(lines, st.empty.Render(fit(" Searching…", width)))
	case len(b.rows) == 0 && b.query != "":
		lines = append(lines, st.empty.Render(fit(" No annotations match.", width)))
	case len(b.rows) == 0:
		lines = append(lines, st.empty.Render(fit(" No annotations yet: a in the list or the reader writes one.", width)))
	}
	if height < 1+browserItemLines && !b.filter.focused && len(b.rows) > 0 && b.cursor < len(b.rows) {
		// A terminal too short for an item under the heading: the item at
		// the cursor, as much of it as fits, heading or not.
		item := browserItem(b.row(b.cursor), true, width, b.terms, st)
		if height < len(item)+1 {
			lines = nil
		}
		lines = append(lines, item[:min(len(item), max(height-len(lines), 0))]...)
		return fitHeight(strings.Join(lines, "\n"), height)
	}
	for i := b.offset; i < len(b.rows) && len(lines)+browserItemLines <= height; i++ {
		lines = append(lines, browserItem(b.row(i), i == b.cursor, width, b.terms, st)...)
	}
	return fitHeight(strings.Join(lines, "\n"), height)
}

// row is the i-th annotation as the browser shows it: orphaned as its
// article's text was found to have it.
func (b browserModel) row(i int) store.AnnotationRow {
	r := b.rows[i]
	r.Orphaned = b.orphaned(r)
	return r
}

// browserItem draws one annotation in three lines, width cells wide, the
// words of terms highlighted in its passage and its note.
func browserItem(r store.AnnotationRow, selected bool, width int, terms []string, st *styles) []string {
	bar := " "
	if selected {
		bar = st.cursorBar.Render(st.glyphs.cursorBar)
	}
	inner := max(width-3, 1)
	date := noteDate(r.Created)
	title := oneLine(r.Title)
	if title == "" {
		title = "(untitled)"
	}
	tw := inner - ansi.StringWidth(date) - 2
	var first string
	if tw >= 8 {
		first = st.title.Render(fit(title, tw)) + "  " + st.date.Render(date)
	} else {
		first = st.title.Render(fit(title, inner))
	}
	var second string
	switch {
	case r.Quote == "":
		second = st.noteDim.Render(fit("on the whole article", inner))
	case r.Orphaned:
		// The mark first: a long quote is cut at the line's end.
		second = fitHighlighted("no longer in the article: "+quoted(r.Quote, oneLine(lineStart(r.Quote))), inner, terms, st.noteQuote, st.match)
	default:
		second = fitHighlighted(quoted(r.Quote, oneLine(lineStart(r.Quote))), inner, terms, st.noteQuote, st.match)
	}
	lines := []string{bar + " " + first, bar + " " + second, bar + " " + browserNoteLine(r, inner, terms, st)}
	if width < 3 { // narrower than the bar and a cell of text
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, max(width, 0), "")
		}
	}
	return lines
}

// browserNoteLine is an annotation's third line in the browser, inner
// cells wide: the start of its note's words. A note whose Markdown shows
// no words ("-", "***") is shown as written, for it is a note all the
// same; only a passage without a note is "highlighted, no note", and a
// note on the whole article, which is no highlight, that has no words at
// all says so.
func browserNoteLine(r store.AnnotationRow, inner int, terms []string, st *styles) string {
	note := oneLine(notePlainText(lineStart(r.Note)))
	if note == "" {
		note = oneLine(lineStart(r.Note))
	}
	switch {
	case note != "":
		return fitHighlighted(st.glyphs.annotated+" "+note, inner, terms, st.noteText, st.match)
	case r.Quote == "":
		return st.noteDim.Render(fit("a note without words", inner))
	}
	return st.noteDim.Render(fit("highlighted, no note", inner))
}

// notePlainText is a note's words without its Markdown: cleaned first as
// the reader cleans what it renders (feeds.CleanText), so that an escape
// sequence in it goes whole, before PlainText drops what control
// characters are left one by one and leaves the rest of the sequence as
// text.
func notePlainText(note string) string {
	return anchor.PlainText(feeds.CleanText(note))
}

// lineStart is as much of a note or quote as one line of the browser can
// show, and more: a note of a megabyte is not cleaned and searched whole
// on every redraw for the start it shows.
func lineStart(s string) string {
	const most = 4096
	if len(s) <= most {
		return s
	}
	return strings.ToValidUTF8(s[:most], "")
}
