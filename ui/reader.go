package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"tidings/store"
)

// readerModel is the article reader: a header drawn by tidings and the body
// rendered by glamour, in a viewport. Moving between articles and back to
// the list is the root's. Rendering runs in a command; until it
// arrives the reader shows the previous rendering of the same article (after
// a resize) or the plain text.
type readerModel struct {
	ctx context.Context
	lib Library
	r   *renderer

	row     store.Row     // from the list: shown while the article loads
	article store.Article // zero until loaded
	loaded  bool
	terms   []string // the filter's words, highlighted
	// flagsSet are the read and starred changes made to the article since
	// it was opened, in order, laid over it when it arrives.
	flagsSet []flagSet
	// libTags are the article's tags as the library last gave them (the
	// list's row, then the article), shown again when a tagging fails.
	libTags []store.ArticleTag
	// gone is set once the library is found not to hold the article any
	// more: another tidings deleted it. The reader says so, shows what it
	// had, and changes nothing of it.
	gone bool

	// The article's plain text (anchor.PlainText), its sentences and its
	// annotations, anchored in it (passages.go).
	text      string
	sum       uint64 // bodySum of the body, part of the rendering's key
	sentences []span
	laidOut   int        // how many bytes of text the reader lays out (renderCut)
	links     []bodyLink // the article's own link and its body's (links.go)
	allLinks  int        // how many there are, also past maxLinks
	notes     []placedNote
	cur       int         // the current annotation (after [ or ]); -1 for none
	sel       *passageSel // the passage being selected; nil when not selecting
	focusNote int64       // an annotation to make current once the notes arrive
	decoRev   int         // counts changes to what is drawn over the text
	reveal    bool        // scroll to the current annotation or the selection once drawn
	// Where things are in what the viewport shows (bodyView).
	linePlain  []int
	kept       keptPlace // the text the last layout kept at the top (readerplace.go)
	spots      map[int64][2]int
	focusLines [2]int

	vp            viewport.Model
	width, height int // the reader's whole area
	style         string
	shown         renderKey // what the viewport holds: a rendering, or
	plain         bool      // the plain text shown until that rendering arrives
	inflight      renderKey // the render command on its way; zero for none
	// pending holds scroll keys pressed before the article arrived ("enter
	// G" typed at once), played once there is something to scroll.
	pending []tea.KeyPressMsg

	keys    readerKeyMap
	selKeys selectionKeyMap
	styles  *styles
}

func newReaderModel(ctx context.Context, lib Library, r *renderer, keys readerKeyMap, st *styles, style string) readerModel {
	vp := viewport.New()
	vp.MouseWheelDelta = 3
	return readerModel{ctx: ctx, lib: lib, r: r, vp: vp, keys: keys, styles: st, style: style}
}

// open shows row's article, loading it.
func (m *readerModel) open(row store.Row) tea.Cmd {
	m.row, m.article, m.loaded, m.flagsSet = row, store.Article{}, false, nil
	m.libTags, m.gone = articleTags(row.Tags), false
	m.shown, m.plain, m.pending = renderKey{}, false, nil
	m.text, m.sum, m.sentences, m.notes, m.cur, m.sel, m.focusNote = "", 0, nil, nil, -1, nil, 0
	m.links, m.allLinks, m.laidOut = nil, 0, 0
	m.linePlain, m.spots, m.reveal, m.kept = nil, nil, false, keptPlace{}
	m.vp.SetContent("")
	m.vp.GotoTop()
	m.layout()
	return loadArticle(m.ctx, m.lib, row.ID)
}

func (m *readerModel) setSize(width, height int) tea.Cmd {
	m.width, m.height = width, height
	m.layout()
	return m.requestRender()
}

// setStyle changes the theme; the body is rendered again in the new style.
func (m *readerModel) setStyle(st *styles, style string) tea.Cmd {
	m.styles, m.style = st, style
	return m.requestRender()
}

// id is the article shown.
func (m readerModel) id() int64 { return m.row.ID }

// want is the rendering the reader should show now.
func (m readerModel) want() renderKey {
	k := renderKey{id: m.article.ID, body: m.sum, width: wrapWidth(m.width), room: tableRoom(m.width), style: m.style}
	if len(m.terms) > 0 {
		k.terms, k.match = strings.Join(m.terms, "\x00"), m.styles.matchSGR
	}
	if m.decorated() {
		k.deco = m.decoRev
	}
	return k
}

// requestRender shows the wanted rendering if it is cached, else starts
// rendering it, unless a rendering of the same article is already on its
// way: that one's arrival starts the next, so a burst of resizes renders
// twice, not once per step. Another article's rendering does not wait.
func (m *readerModel) requestRender() tea.Cmd {
	if !m.loaded || m.width <= 0 {
		return nil
	}
	k := m.want()
	if k == m.shown && !m.plain {
		return nil
	}
	if v, ok := m.r.cachedView(k, m.text); ok {
		m.setBody(k, v, false)
		return nil
	}
	if m.shown.id != k.id {
		m.setBody(k, bodyView{out: m.preview()}, true)
	}
	if m.inflight.id == k.id {
		return nil
	}
	m.inflight = k
	return renderReader(m.r, k, m.article.Body, m.text, m.decoration(), cutPassages(m.notes), m.styles)
}

// setBody puts a rendering (or the plain text) in the viewport. For the
// same article at another width, in another style or rendered at last, it
// keeps the reading position: the end stays the end, elsewhere the text at
// the top of the screen stays at the top (topPlace), or, where the lines do
// not say what text they show, the same fraction of the text stays; at the
// same width (new highlights, say) the same line. Then it shows the current
// annotation or the selection if asked to.
func (m *readerModel) setBody(k renderKey, v bodyView, plain bool) {
	same := m.shown.id == k.id && m.vp.TotalLineCount() > 0
	sameWidth := same && !m.plain && !plain && m.shown.width == k.width && m.shown.room == k.room && m.shown.style == k.style
	share := m.shownShare()
	atEnd := same && m.vp.YOffset() > 0 && m.vp.AtBottom() // G in the plain text too: the end
	ratio := float64(m.vp.YOffset()) / float64(max(m.vp.TotalLineCount(), 1)) * share
	y := m.vp.YOffset()
	var top textPlace
	anchored := false
	switch kept := m.kept; {
	case !same || sameWidth || atEnd:
	case kept.set && kept.y == y:
		// Not scrolled since the last layout: the text it kept at the
		// top, not the start of the line that now holds it, or resizing
		// back and forth would creep back to the paragraph's start.
		top, anchored = kept.place, true
	case y > 0:
		top, anchored = m.topPlace()
	}
	m.shown, m.plain = k, plain
	m.linePlain, m.spots, m.focusLines = v.linePlain, v.spots, v.focus
	m.vp.SetContent(v.out)
	switch {
	case !same:
		m.vp.GotoTop()
		m.kept = keptPlace{}
	case sameWidth:
		m.vp.SetYOffset(y)
	case atEnd:
		m.vp.GotoBottom()
		m.kept = keptPlace{}
	default:
		at, ok := placeLine(v.linePlain, top)
		if !anchored || !ok {
			at = int(ratio * float64(m.vp.TotalLineCount()))
		}
		m.vp.SetYOffset(at)
		m.kept = keptPlace{place: top, y: m.vp.YOffset(), set: anchored && ok}
	}
	if m.reveal && !plain && k.deco == m.decoRev {
		m.revealSpot()
	}
}

// shownShare is how much of what the reader lays out the viewport holds:
// all of it, save for the plain text shown while a long article is laid
// out, which is the first plainPreview bytes of the text. What the reader
// lays out is the first laidOut bytes of the text (renderCut), not all of
// a long article. A place in the viewport at a fraction of it is at that
// fraction times shownShare of what is laid out.
func (m readerModel) shownShare() float64 {
	if m.plain && m.text != "" && m.laidOut > plainPreview {
		return float64(plainPreview) / float64(m.laidOut)
	}
	return 1
}

// preview is what the reader shows until the rendering arrives: the start
// of the article's plain text, wrapped, which says where in the text each
// of its lines is (previewLines); the start of its Markdown when it has no
// plain text.
func (m readerModel) preview() string {
	if m.text != "" {
		return plainBody(m.text, m.width)
	}
	return plainBody(m.article.Body, m.width)
}

// Update handles the reader's keys, the article and its rendering.
func (m readerModel) Update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	case articleMsg:
		if msg.err != nil || msg.id != m.row.ID {
			return m, nil
		}
		m.article, m.loaded = msg.article, true
		m.libTags = slices.Clone(msg.article.Tags)
		for _, f := range m.flagsSet {
			// Set while it loaded: the library may not have had it yet.
			setArticleFlag(&m.article, f.what, f.value)
		}
		m.text, m.sentences, m.links, m.allLinks, m.sum = msg.text, msg.sentences, msg.links, msg.allLinks, msg.sum
		m.laidOut = msg.laidOut
		m.setNotes(msg.notes)
		m.layout()
		cmd := m.requestRender()
		for _, k := range m.pending {
			m, _ = m.handleKey(k)
		}
		m.pending = nil
		return m, cmd
	case renderedMsg:
		if msg.key == m.inflight {
			m.inflight = renderKey{}
		}
		if msg.key == m.want() {
			if msg.err != nil {
				// The root reports the error; the plain text stays, and
				// is not rendered again.
				msg.view = bodyView{out: m.preview()}
			}
			m.setBody(msg.key, msg.view, false)
			return m, nil
		}
		// A stale rendering (the width or the article changed meanwhile):
		// the cache keeps it; render what is wanted now.
		return m, m.requestRender()
	}
	return m, nil
}

func (m readerModel) handleKey(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	if !m.loaded {
		if m.gone {
			return m, nil // it will not come: nothing to scroll
		}
		if len(m.pending) < 64 {
			m.pending = append(m.pending, msg)
		}
		return m, nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.HalfPageDown):
		m.vp.HalfPageDown()
	case key.Matches(msg, k.HalfPageUp):
		m.vp.HalfPageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	}
	return m, nil
}

// layout sizes the viewport to what the header leaves.
func (m *readerModel) layout() {
	m.vp.SetWidth(max(m.width, 0))
	m.vp.SetHeight(max(m.height-len(m.headerLines()), 1))
}

// compact reports whether the terminal is too short for the full header.
func (m readerModel) compact() bool { return m.height < 16 }

// compactHeaderLines is how many lines the compact header takes: the
// title, the source and date, and the rule.
const compactHeaderLines = 3

// headerLines draws the article's header: title, source and date, link,
// tags, and a rule with the reading position.
func (m readerModel) headerLines() []string {
	if m.width <= 0 {
		return nil
	}
	st := m.styles
	w := max(m.width-2, 1)
	title, source, link := m.row.Title, m.row.Source, m.row.URL
	published, tags := m.row.Published, m.row.Tags
	author := ""
	if m.loaded {
		a := m.article
		title, source, link, published, author = a.Title, a.ShownSource(), a.URL, a.Published, a.Author
		tags = tags[:0:0]
		for _, t := range a.Tags {
			tags = append(tags, t.Name)
		}
	}

	var lines []string
	maxTitle := 2
	if m.compact() {
		maxTitle = 1
	}
	titleLines := wrapTitle(oneLine(shownPart(title)), w, maxTitle+1)
	if len(titleLines) > maxTitle {
		titleLines = titleLines[:maxTitle]
		titleLines[maxTitle-1] = ansi.Truncate(titleLines[maxTitle-1]+" …", w, "…")
	}
	for _, t := range titleLines {
		lines = append(lines, " "+highlightText(ansi.Truncate(t, w, "…"), m.terms, st.readerTitle, st.match))
	}

	var meta []string
	if s := oneLine(source); s != "" {
		meta = append(meta, s)
	}
	if !published.IsZero() {
		meta = append(meta, published.UTC().Format("Mon 2006-01-02"))
	} else {
		meta = append(meta, "date unknown")
	}
	if a := oneLine(author); a != "" {
		meta = append(meta, a)
	}
	if m.row.Starred || m.loaded && m.article.Starred {
		meta = append(meta, st.glyphs.starred+" starred")
	}
	lines = append(lines, " "+st.readerMeta.Render(ansi.Truncate(strings.Join(meta, " · "), w, "…")))

	if l := oneLine(link); l != "" && !m.compact() {
		lines = append(lines, " "+st.readerLink.Render(ansi.Truncate(l, w, "…")))
	}
	if len(tags) > 0 && !m.compact() {
		chips, _ := tagChips(tags, w, func(s lipgloss.Style) lipgloss.Style { return s }, st)
		lines = append(lines, " "+chips)
	}
	lines = append(lines, m.rule())
	// Too short for the header and a line of the article under it, the
	// header gives way: first the source and date, then the rule, then
	// the title.
	switch room := m.height - 1; {
	case len(lines) <= room:
	case room >= 2:
		lines = []string{lines[0], lines[len(lines)-1]}
	case room == 1:
		lines = lines[:1]
	default:
		lines = nil
	}
	return lines
}

// wrapTitle breaks a one-line title into lines of at most width cells
// where Unicode allows a line break (UAX #14): at spaces, and between the
// characters of Chinese and Japanese, and of Korean written without
// spaces. A stretch with no break in it too wide for a line is cut between
// two characters. It stops after most lines (0: all of them), so that a
// hostile title of megabytes costs no more than the lines shown.
func wrapTitle(title string, width, most int) []string {
	var lines []string
	line, lineWidth := "", 0 // lineWidth counts the spaces line ends with
	state := -1
	for rest := title; rest != "" && (most <= 0 || len(lines) < most); {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		word := strings.TrimRightFunc(seg, unicode.IsSpace)
		if line != "" && lineWidth+ansi.StringWidth(word) > width {
			lines = append(lines, strings.TrimRightFunc(line, unicode.IsSpace))
			line, lineWidth = "", 0
		}
		if line == "" && ansi.StringWidth(word) > width {
			// A word wider than the line is cut into lines of its own,
			// a grapheme cluster at a time, once over the word however
			// long it is; a cluster wider than the line is a line.
			start, at, w, gs := 0, 0, 0, -1
			for rest := word; rest != ""; {
				var cluster string
				var cw int
				cluster, rest, cw, gs = uniseg.FirstGraphemeClusterInString(rest, gs)
				if w+cw > width && at > start {
					lines = append(lines, word[start:at])
					start, w = at, 0
					if most > 0 && len(lines) >= most {
						return lines
					}
				}
				at += len(cluster)
				w += cw
			}
			word, seg = word[start:], seg[start:]
		}
		line += seg
		lineWidth += ansi.StringWidth(seg)
	}
	if line = strings.TrimRightFunc(line, unicode.IsSpace); (line != "" || len(lines) == 0) && (most <= 0 || len(lines) < most) {
		lines = append(lines, line)
	}
	return lines
}

// rule is the line between header and body, with the reading position.
func (m readerModel) rule() string {
	pos := ""
	switch {
	case m.gone:
		pos = " deleted elsewhere "
	case !m.loaded:
		pos = " loading… "
	case m.vp.TotalLineCount() > m.vp.Height():
		// Of what the reader lays out, also while it shows the start of
		// it in plain text.
		pos = fmt.Sprintf(" %3.f%% ", m.vp.ScrollPercent()*m.shownShare()*100)
	}
	n := max(m.width-ansi.StringWidth(pos)-1, 0)
	line := strings.Repeat("─", n) + pos + "─"
	return m.styles.rule.Render(ansi.Truncate(line, m.width, ""))
}

// View draws the reader's area.
func (m readerModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	lines := m.headerLines()
	if body := m.vp.View(); body != "" {
		lines = append(lines, body)
	}
	return strings.Join(lines, "\n")
}

// setGone says that the library no longer holds the article shown.
func (m *readerModel) setGone() {
	m.gone = true
	m.pending = nil
}

// undoFlag takes back a read or starred change shown at once whose write
// failed.
func (m *readerModel) undoFlag(what string, value bool) {
	if what == "read" {
		m.row.Read = !value
	} else {
		m.row.Starred = !value
	}
	setArticleFlag(&m.article, what, !value)
}

// undoTags shows the tags as the library last gave them, after a tagging
// shown at once failed.
func (m *readerModel) undoTags() {
	m.row.Tags = tagNames(m.libTags)
	if m.loaded {
		m.article.Tags = slices.Clone(m.libTags)
	}
	m.layout()
}

// flagSet is a change of an article's read or starred state.
type flagSet struct {
	what  string // "read" or "starred"
	value bool
}

// setArticleFlag lays a flagSet over an article as loaded.
func setArticleFlag(a *store.Article, what string, value bool) {
	switch {
	case what == "starred":
		a.Starred = value
	case value && a.ReadAt.IsZero():
		a.ReadAt = time.Now()
	case !value:
		a.ReadAt = time.Time{}
	}
}
