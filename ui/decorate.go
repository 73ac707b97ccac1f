package ui

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// A rendering is decorated after glamour, as the filter's words are: the
// passages with notes, the current one and the passage being selected get
// a background, their lines a mark in the left margin; the current
// passage's note is shown under its paragraph; the notes on the whole
// article and those whose passage is gone are listed under the body. Only
// SGR sequences are added to glamour's output (itself filtered by
// keepStyles), and every string drawn is cleaned first.

// markKind is how a passage is drawn; a later kind wins where two overlap.
type markKind uint8

const (
	markNone      markKind = iota
	markNote               // a passage with or without a note
	markCurrent            // the passage [ and ] moved to
	markSelection          // the passage being selected
)

// decoration is what to draw over one rendering of an article. It is built
// in Update from the reader's state and drawn in a command.
type decoration struct {
	marks   []passageMark
	focus   span        // a passage whose lines to report (the selection's moving end); zero for none
	inline  *inlineNote // the current passage's note
	section []sectionNote
}

// passageMark is a passage drawn on the text, in plain-text offsets.
type passageMark struct {
	id         int64 // the annotation; 0 for the selection
	start, end int
	kind       markKind
	noted      bool // it has a note, not only a highlight
}

// inlineNote is the current passage's note, shown under its paragraph.
type inlineNote struct {
	id   int64
	end  int    // where the passage ends in the plain text
	note string // the note's Markdown; "" for a highlight without one
}

// sectionNote is a note listed under the body: on the whole article, or on
// a passage no longer found (orphaned), with its quote.
type sectionNote struct {
	id              int64
	created, edited time.Time
	note, quote     string
	orphaned        bool
	current         bool
}

// bodyView is a rendering ready for the viewport, and where things are in
// it, in lines.
type bodyView struct {
	out string
	// linePlain is, for each line, where the first word on it is in the
	// plain text; -1 for a line showing none. Nil when unknown.
	linePlain []int
	// spots are where each annotation is drawn: first and last line.
	spots map[int64][2]int
	// focus is the lines of the decoration's focus; -1s when none.
	focus [2]int
}

// styleEdit changes a run of strip's bytes: wraps them in open (repeated
// after every sequence inside and followed by a reset and the styling as it
// stood), or replaces them with replace.
type styleEdit struct {
	start, end int32
	open       string
	replace    string
}

// applyStyles applies edits (sorted, apart) to out, whose escape-free text
// is strip with its bytes at at. Between edits out is copied as it is; only
// inside one are its sequences looked at.
func applyStyles(out string, at []int32, edits []styleEdit) string {
	if len(edits) == 0 {
		return out
	}
	var b strings.Builder
	b.Grow(len(out) + len(edits)*48)
	i := 0
	// restore ends an edit: a reset, then the output's styling as it
	// stands at i (its SGR sequences since its last reset).
	restore := func() {
		b.WriteString(sgrReset)
		b.WriteString(activeStyles(out[:i]))
	}
	for _, e := range edits {
		if e.start >= e.end || int(e.end) > len(at) {
			continue
		}
		start, end := int(at[e.start]), int(at[e.end-1])+1
		b.WriteString(out[i:start])
		i = start
		if e.replace != "" {
			b.WriteString(e.replace)
			i = end
			restore()
			continue
		}
		b.WriteString(e.open)
		for i < end {
			if out[i] != 0x1b {
				j := i + 1
				for j < end && out[j] != 0x1b {
					j++
				}
				b.WriteString(out[i:j])
				i = j
				continue
			}
			n, _ := escapeSequence(out[i:])
			b.WriteString(out[i : i+n])
			b.WriteString(e.open) // glamour's styling changed: ours again
			i += n
		}
		restore()
	}
	b.WriteString(out[i:])
	return b.String()
}

// activeStyles returns the SGR sequences that end s since its last reset,
// in order: the styling in force at its end. s holds no other sequences.
func activeStyles(s string) string {
	end := len(s)
	from := end
	for {
		j := strings.LastIndex(s[:from], "\x1b[")
		if j < 0 {
			break
		}
		n, _ := escapeSequence(s[j:])
		if seq := s[j : j+n]; isSGRReset(seq) {
			from = j + n
			if seq != sgrReset && seq != "\x1b[0m" {
				from = j // a reset that sets attributes too ("\x1b[0;1m") stays
			}
			break
		}
		from = j
	}
	if from >= end {
		return ""
	}
	// Only the sequences, not the text between them.
	var b strings.Builder
	for k := from; k < end; {
		if s[k] != 0x1b {
			k++
			continue
		}
		n, _ := escapeSequence(s[k:])
		b.WriteString(s[k : k+n])
		k += n
	}
	return b.String()
}

// decorate draws d over out, the rendering l was made of, wrapped at width.
// renderNote renders a note's Markdown wrapped at a width.
func decorate(out string, l *bodyLayout, d *decoration, width int, st *styles, renderNote func(md string, width int) string) bodyView {
	v := bodyView{spots: map[int64][2]int{}, focus: [2]int{-1, -1}}

	// The passages, painted byte by byte of strip so that overlaps resolve
	// to the later kind, and the lines they are on.
	paint := make([]markKind, len(l.strip))
	lineMark := map[int]string{}
	// The marks, drawn once: lipgloss takes its time over each.
	g := st.glyphs
	bar, barCurrent := st.noteMark.Render(g.noteBar), st.noteMarkCurrent.Render(g.noteBar)
	pen, penCurrent := st.noteMark.Render(g.annotated), st.noteMarkCurrent.Render(g.annotated)
	for _, mk := range d.marks {
		rs := l.ranges(mk.start, mk.end)
		if len(rs) == 0 {
			continue
		}
		for _, r := range rs {
			for x := r[0]; x < r[1]; x++ {
				paint[x] = max(paint[x], mk.kind)
			}
		}
		first, last := l.lineOf(rs[0][0]), l.lineOf(rs[len(rs)-1][1]-1)
		if mk.id != 0 {
			v.spots[mk.id] = [2]int{first, last}
			b, p := bar, pen
			if mk.kind == markCurrent {
				b, p = barCurrent, penCurrent
			}
			for line := first; line <= last; line++ {
				if _, ok := lineMark[line]; !ok || mk.kind == markCurrent {
					lineMark[line] = b
				}
			}
			if mk.noted {
				lineMark[first] = p
			}
		}
	}
	if d.focus.end > d.focus.start {
		if rs := l.ranges(d.focus.start, d.focus.end); len(rs) > 0 {
			v.focus = [2]int{l.lineOf(rs[0][0]), l.lineOf(rs[len(rs)-1][1] - 1)}
		}
	}

	opens := [...]string{markNote: st.passageSGR, markCurrent: st.passageCurrentSGR, markSelection: st.selectionSGR}
	// The marks in the margin's first column (when glamour left one),
	// merged in order with the passages' runs.
	marked := slices.Sorted(maps.Keys(lineMark))
	edits := make([]styleEdit, 0, 2*len(marked)+2*len(d.marks))
	addMarks := func(before int32) {
		for len(marked) > 0 {
			s := l.lines[marked[0]]
			if s >= before {
				return
			}
			if int(s) < len(l.strip) && l.strip[s] == ' ' {
				edits = append(edits, styleEdit{start: s, end: s + 1, replace: lineMark[marked[0]]})
			}
			marked = marked[1:]
		}
	}
	for x := 0; x < len(paint); {
		k := paint[x]
		if k == markNone {
			x++
			continue
		}
		y := x + 1
		for y < len(paint) && paint[y] == k && l.strip[y] != '\n' {
			y++
		}
		addMarks(int32(x))
		edits = append(edits, styleEdit{start: int32(x), end: int32(y), open: opens[k]})
		x = y
	}
	addMarks(int32(len(l.strip)) + 1)
	lines := strings.Split(applyStyles(out, l.at, edits), "\n")
	linePlain := slices.Clone(l.linePlain)

	// The current passage's note, under the paragraph it ends in.
	if in := d.inline; in != nil {
		if spot, ok := v.spots[in.id]; ok {
			at := spot[1] + 1
			for at < len(lines) && !l.blankLine(at) {
				at++
			}
			note := inlineNoteLines(in.note, width, st, renderNote)
			lines = slices.Insert(lines, at, note...)
			linePlain = slices.Insert(linePlain, at, repeatInt(-1, len(note))...)
			shiftSpots(&v, at, len(note))
			v.spots[in.id] = [2]int{spot[0], at + len(note) - 1}
		}
	}

	if len(d.section) > 0 {
		rendered := make([]string, len(d.section))
		for i, n := range d.section {
			if n.note != "" {
				rendered[i] = renderNote(n.note, width)
			}
		}
		sec, spots := sectionLines(d.section, rendered, width, st)
		for id, s := range spots {
			v.spots[id] = [2]int{s[0] + len(lines), s[1] + len(lines)}
		}
		lines = append(lines, sec...)
		linePlain = append(linePlain, repeatInt(-1, len(sec))...)
	}
	v.out = strings.Join(lines, "\n")
	v.linePlain = linePlain
	return v
}

// shiftSpots moves what is drawn at or below line at down by n lines.
func shiftSpots(v *bodyView, at, n int) {
	for id, s := range v.spots {
		if s[0] >= at {
			v.spots[id] = [2]int{s[0] + n, s[1] + n}
		}
	}
	if v.focus[0] >= at {
		v.focus[0] += n
		v.focus[1] += n
	}
}

func repeatInt(x, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = x
	}
	return out
}

// inlineNoteLines draws a passage's note under its paragraph: its
// Markdown rendered as a note on the whole article is (renderNote), its
// lists and quotes with their marks, behind a bar.
func inlineNoteLines(note string, width int, st *styles, renderNote func(md string, width int) string) []string {
	bar := st.noteMarkCurrent.Render("  " + st.glyphs.noteLine + " ")
	inner := max(width-6, 10)
	if strings.TrimSpace(note) == "" {
		return []string{bar + st.noteDim.Render(ansi.Truncate("highlighted, no note", inner, "…"))}
	}
	// Glamour keeps a margin of two columns either side: the left one
	// gives way to the bar.
	// A note that opens or ends with a list or a quote is given blank
	// lines around it, which the bar would draw as empty note lines.
	lines := strings.Split(renderNote(note, inner+4), "\n")
	blank := func(line string) bool { return strings.TrimSpace(ansi.Strip(line)) == "" }
	for len(lines) > 1 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 1 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		out = append(out, bar+strings.TrimPrefix(line, "  "))
	}
	return out
}

// noteDate is when a note was written, as it is shown.
func noteDate(t time.Time) string {
	if t.IsZero() {
		return "date unknown"
	}
	return t.Local().Format("Mon 2006-01-02 15:04")
}

// sectionLines draws the notes listed under the body, each note's Markdown
// rendered as given, and where each is in them.
func sectionLines(notes []sectionNote, rendered []string, width int, st *styles) ([]string, map[int64][2]int) {
	inner := max(width-4, 10)
	title := " Notes "
	rule := "  " + st.rule.Render("──") + st.header.Render(title) +
		st.rule.Render(strings.Repeat("─", max(inner-2-ansi.StringWidth(title), 0)))
	lines := []string{"", rule}
	spots := map[int64][2]int{}
	for i, n := range notes {
		lines = append(lines, "")
		first := len(lines)
		head := st.glyphs.annotated + " " + noteDate(n.created)
		if n.orphaned {
			head = st.glyphs.annotated + " passage no longer found · " + noteDate(n.created)
		}
		if !n.edited.IsZero() && n.edited.Sub(n.created) >= time.Minute {
			head += " · edited " + noteDate(n.edited)
		}
		hs := st.noteHead
		if n.current {
			hs = st.noteHeadCurrent
		}
		lines = append(lines, "  "+hs.Render(ansi.Truncate(head, inner, "…")))
		if n.orphaned {
			quote := quoted(n.quote, oneLine(n.quote))
			for _, w := range strings.Split(ansi.Hardwrap(ansi.Wordwrap(quote, inner-2, ""), inner-2, true), "\n") {
				lines = append(lines, "    "+st.noteQuote.Render(w))
			}
		}
		if rendered[i] != "" {
			lines = append(lines, strings.Split(rendered[i], "\n")...)
		} else {
			lines = append(lines, "    "+st.noteDim.Render("(no note)"))
		}
		if n.current {
			mark := st.noteMarkCurrent.Render(st.glyphs.noteBar)
			for i := first; i < len(lines); i++ {
				if strings.HasPrefix(lines[i], " ") {
					lines[i] = mark + lines[i][1:]
				}
			}
		}
		spots[n.id] = [2]int{first, len(lines) - 1}
	}
	return lines, spots
}
