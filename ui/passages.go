package ui

import (
	"cmp"
	"slices"

	"tidings/store"
	"tidings/store/anchor"
)

// The reader's annotations: each passage note is found in the article's
// plain text (anchor.Find), so that it is drawn wherever the rendering at
// this width puts it; notes on the whole article and passages no longer
// found are listed under the body. [ and ] move between them in that
// order; the one moved to is current, for e and d.

// placedNote is an annotation and where its passage is in the plain text.
type placedNote struct {
	store.Annotation
	start, end int
	placed     bool // the passage was found
}

// orphaned reports whether the note is on a passage no longer found.
func (n placedNote) orphaned() bool { return n.Quote != "" && !n.placed }

// placeNotes anchors annotations in text and orders them as the reader
// shows them: passages in the order of the text, then the notes on the
// whole article, then the orphaned, each oldest first.
func placeNotes(text string, notes []store.Annotation) []placedNote {
	out := make([]placedNote, len(notes))
	for i, a := range notes {
		out[i].Annotation = a
		if a.Quote != "" {
			out[i].start, out[i].end, out[i].placed = anchor.Find(text, anchor.Selector{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix})
		}
	}
	group := func(n placedNote) int {
		switch {
		case n.placed:
			return 0
		case n.Quote == "":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b placedNote) int {
		return cmp.Or(cmp.Compare(group(a), group(b)), cmp.Compare(a.start, b.start),
			a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// passageSel is a passage being selected, by sentence: from the sentence
// v started at to the one j and k moved to.
type passageSel struct {
	anchor, cursor int
}

// span is where the selected passage is in the plain text.
func (s passageSel) span(sentences []span) span {
	lo, hi := min(s.anchor, s.cursor), max(s.anchor, s.cursor)
	return span{sentences[lo].start, sentences[hi].end}
}

// setNotes takes the article's annotations; the current one stays current
// (or the one asked for becomes it).
func (m *readerModel) setNotes(notes []placedNote) {
	var curID int64
	if m.cur >= 0 && m.cur < len(m.notes) {
		curID = m.notes[m.cur].ID
	}
	if m.focusNote != 0 {
		curID, m.focusNote, m.reveal = m.focusNote, 0, true
	}
	m.notes, m.cur = notes, -1
	for i, n := range notes {
		if n.ID == curID {
			m.cur = i
		}
	}
	m.decoRev++
}

// decorated reports whether anything is drawn over the text.
func (m readerModel) decorated() bool {
	return len(m.notes) > 0 || m.sel != nil
}

// decoration is what to draw over the text now.
func (m readerModel) decoration() *decoration {
	if !m.decorated() {
		return nil
	}
	d := &decoration{}
	for i, n := range m.notes {
		current := i == m.cur
		switch {
		case n.placed:
			kind := markNote
			if current {
				kind = markCurrent
				d.inline = &inlineNote{id: n.ID, end: n.end, note: n.Note}
			}
			d.marks = append(d.marks, passageMark{id: n.ID, start: n.start, end: n.end, kind: kind, noted: n.Note != ""})
		default:
			d.section = append(d.section, sectionNote{id: n.ID, created: n.Created, edited: n.Updated,
				note: n.Note, quote: n.Quote, orphaned: n.orphaned(), current: current})
		}
	}
	if m.sel != nil && len(m.sentences) > 0 {
		sp := m.sel.span(m.sentences)
		d.marks = append(d.marks, passageMark{start: sp.start, end: sp.end, kind: markSelection})
		d.focus = m.sentences[m.sel.cursor]
	}
	return d
}

// current is the current annotation.
func (m readerModel) current() (placedNote, bool) {
	if m.cur < 0 || m.cur >= len(m.notes) {
		return placedNote{}, false
	}
	return m.notes[m.cur], true
}

// noteOnScreen is the annotation e and d act on: the current one (chosen
// with ] or [) while any of it is on screen; with none current, the only
// one on screen, which it makes current. Otherwise there is none: e and d
// never act on a note the reader cannot see, nor on another than the one
// chosen.
func (m *readerModel) noteOnScreen() (placedNote, bool) {
	if n, ok := m.current(); ok {
		return n, m.shownNow(n)
	}
	only := -1
	for i, n := range m.notes {
		if m.shownNow(n) {
			if only >= 0 {
				return placedNote{}, false
			}
			only = i
		}
	}
	if only < 0 {
		return placedNote{}, false
	}
	m.cur = only
	m.decoRev++
	return m.notes[only], true
}

// shownNow reports whether any line of the annotation is on screen.
func (m readerModel) shownNow(n placedNote) bool {
	top, bottom := m.vp.YOffset(), m.vp.YOffset()+m.vp.Height()
	s, ok := m.spots[n.ID]
	return ok && s[1] >= top && s[0] < bottom
}

// stepNote makes the next (delta 1) or previous (-1) annotation current,
// around the end, and scrolls to it. It steps from the current one while
// that is on screen (or on its way there); else from where the reader is:
// ] goes to the first drawn at or below the top of the screen, [ to the
// last above it. A note chosen, then scrolled away from, is not where ]
// and [ start again.
func (m *readerModel) stepNote(delta int) {
	n := len(m.notes)
	if n == 0 {
		return
	}
	cur, ok := m.current()
	switch {
	case ok && (m.reveal || m.shownNow(cur)):
		m.cur = (m.cur + delta + n) % n
	case delta > 0:
		m.cur = m.firstNoteBelow()
	default:
		m.cur = (m.firstNoteBelow() - 1 + n) % n
	}
	m.decoRev++
	m.reveal = true
}

// firstNoteBelow is the first annotation drawn at or below the top of the
// viewport, or the first of all.
func (m readerModel) firstNoteBelow() int {
	top := m.vp.YOffset()
	for i, n := range m.notes {
		if s, ok := m.spots[n.ID]; ok && s[1] >= top {
			return i
		}
	}
	return 0
}

// clearCurrent forgets the current annotation.
func (m *readerModel) clearCurrent() {
	if m.cur >= 0 {
		m.cur = -1
		m.decoRev++
	}
}

// canSelect reports whether a passage can be selected: the rendering, and
// where its lines are in the text, are shown.
func (m readerModel) canSelect() bool {
	return m.loaded && !m.plain && len(m.sentences) > 0 && m.linePlain != nil
}

// startSelection starts a selection at the first sentence that starts at
// the top of the viewport or below.
func (m *readerModel) startSelection() bool {
	if !m.canSelect() {
		return false
	}
	offset := -1
	for y := m.vp.YOffset(); y < len(m.linePlain); y++ {
		if m.linePlain[y] >= 0 {
			offset = m.linePlain[y]
			break
		}
	}
	if offset < 0 {
		// Below the text (the notes): the last sentence.
		offset = len(m.text)
	}
	m.selectFrom(offset)
	return true
}

// selectFrom starts a selection of one sentence: the first that starts at
// offset of the text or after it, rather than one that runs on from before
// it (the top of the screen).
func (m *readerModel) selectFrom(offset int) {
	i := sentenceAt(m.sentences, offset)
	if m.sentences[i].start < offset && i+1 < len(m.sentences) {
		i++
	}
	m.sel = &passageSel{anchor: i, cursor: i}
	m.decoRev++
	m.reveal = true
}

// moveSelection moves the selection's end by delta sentences.
func (m *readerModel) moveSelection(delta int) {
	if m.sel == nil {
		return
	}
	c := min(max(m.sel.cursor+delta, 0), len(m.sentences)-1)
	if c != m.sel.cursor {
		m.sel.cursor = c
		m.decoRev++
		m.reveal = true
	}
}

// swapSelection makes the selection's other end the one that moves: with
// the start moving, j gives up sentences at the top.
func (m *readerModel) swapSelection() {
	if m.sel != nil && m.sel.anchor != m.sel.cursor {
		m.sel.anchor, m.sel.cursor = m.sel.cursor, m.sel.anchor
		m.decoRev++
		m.reveal = true
	}
}

// cancelSelection drops the selection.
func (m *readerModel) cancelSelection() {
	if m.sel != nil {
		m.sel = nil
		m.decoRev++
	}
}

// selected returns the selected passage's selector.
func (m readerModel) selected() (anchor.Selector, bool) {
	if m.sel == nil || len(m.sentences) == 0 {
		return anchor.Selector{}, false
	}
	sp := m.sel.span(m.sentences)
	return anchor.Make(m.text, sp.start, sp.end), true
}

// revealSpot scrolls so that the selection's moving end, else the current
// annotation, is in view: the least scroll for the selection, a quarter
// down the viewport for an annotation out of view.
func (m *readerModel) revealSpot() {
	m.reveal = false
	h := max(m.vp.Height(), 1)
	top := m.vp.YOffset()
	if m.sel != nil {
		f := m.focusLines
		if f[0] < 0 {
			return
		}
		switch {
		case f[0] < top:
			m.vp.SetYOffset(f[0])
		case f[1] >= top+h:
			m.vp.SetYOffset(min(f[1]-h+1, f[0]))
		}
		return
	}
	n, ok := m.current()
	if !ok {
		return
	}
	s, ok := m.spots[n.ID]
	if !ok {
		return
	}
	if s[0] >= top && s[1] < top+h {
		return
	}
	m.vp.SetYOffset(max(s[0]-h/4, 0))
}
