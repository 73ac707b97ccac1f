package ui

import (
	"strconv"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/store"
)

// rowCache keeps rendered list rows, so that View, which runs after every
// message, only renders the rows that changed. The list owns it; View and
// Update run on the same goroutine.
type rowCache struct {
	lines map[rowKey]string
}

type rowKey struct {
	id               int64
	selected, marked bool
}

func newRowCache() *rowCache { return &rowCache{lines: map[rowKey]string{}} }

func (c *rowCache) reset() { clear(c.lines) }

func (c *rowCache) forget(id int64) {
	for _, k := range []rowKey{{id, false, false}, {id, true, false}, {id, false, true}, {id, true, true}} {
		delete(c.lines, k)
	}
}

// layout is the widths of the list's columns for a terminal width. Narrow
// terminals drop the tags first, then the source, then shorten the date
// and drop it, so that the title keeps room to be read.
type layout struct {
	date   int // dateLong, dateShort or 0: not shown
	source int // 0: not shown
	tags   int // at most; 0: not shown
	title  int // when the row has no tags
}

const (
	dateLong   = len("2006-01-02")
	dateShort  = len("01-02")
	dateGap    = 2             // after the date
	markCols   = 1 + 1 + 1     // cursor bar or selection mark, unread mark, space
	suffixCols = 1 + 1 + 1 + 1 // space, annotation mark, star, space

	// The narrowest the title is let be before the date is shortened,
	// and then before it is dropped.
	titleBeforeShortDate = 16
	titleBeforeNoDate    = 10
)

func newLayout(width int) layout {
	var l layout
	if width >= 60 {
		l.source = min(max(width/7, 8), 18)
	}
	if width >= 72 {
		l.tags = min(width/5, 32)
	}
	rest := width - markCols - suffixCols
	if l.source > 0 {
		rest -= l.source + 2
	}
	switch {
	case rest-dateLong-dateGap >= titleBeforeShortDate:
		l.date = dateLong
	case rest-dateShort-dateGap >= titleBeforeNoDate:
		l.date = dateShort
	}
	l.title = rest
	if l.date > 0 {
		l.title -= l.date + dateGap
	}
	l.title = max(l.title, 1)
	return l
}

// View renders the rows area: height lines of width cells.
func (m listModel) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	// Rows carry styling: about twice their width in bytes.
	b.Grow(m.height * (2*m.width + 64))
	switch {
	case !m.loaded:
		b.WriteString(m.styles.empty.Render(ansi.Truncate(" Loading…", m.width, "…")))
	case m.err != nil && len(m.rows) == 0:
		msg := " Could not list the articles: " + oneLine(m.err.Error())
		b.WriteString(m.styles.statusErr.Render(ansi.Truncate(msg, m.width, "…")))
	case len(m.rows) == 0:
		msg := " No articles."
		if q := m.query.whole(); q != "" {
			msg = " No articles match " + oneLine(q) + "."
		}
		b.WriteString(m.styles.empty.Render(ansi.Truncate(msg, m.width, "…")))
	}
	lines := 0
	if b.Len() > 0 {
		lines = 1
	}
	l := newLayout(m.width)
	for i := m.offset; i < len(m.rows) && lines < m.height; i++ {
		if lines > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.row(i, l))
		lines++
	}
	for ; lines < m.height; lines++ {
		if lines > 0 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// row renders row i, from the cache when it can.
func (m listModel) row(i int, l layout) string {
	r := m.rows[i]
	k := rowKey{r.ID, i == m.cursor, m.marked[r.ID]}
	if s, ok := m.lines.lines[k]; ok {
		return s
	}
	s := renderRow(r, m.width, l, k.selected, k.marked, m.terms, m.styles)
	m.lines.lines[k] = s
	return s
}

// renderRow draws one article row, exactly width cells wide: selected is
// the cursor's row, marked a row in the selection (space); the title's
// words that terms match are highlighted.
func renderRow(r store.Row, width int, l layout, selected, marked bool, terms []string, st *styles) string {
	p := st.rows[0]
	if selected {
		p = st.rows[1]
	}
	var b strings.Builder
	b.Grow(2 * width)

	g := st.glyphs
	switch {
	case marked:
		// The cursor's row shows by its colours (reverse without colour)
		// as well as by the bar, so the mark can take the bar's place.
		b.WriteString(p.mark.render(g.selected))
	case selected:
		b.WriteString(p.cursorBar.render(g.cursorBar))
	default:
		b.WriteString(p.plain.render(" "))
	}
	if r.Read {
		b.WriteString(p.plain.render(" "))
	} else {
		b.WriteString(p.unread.render(g.unread))
	}
	b.WriteString(p.plain.render(" "))
	if l.date > 0 {
		switch {
		case r.Published.IsZero():
			b.WriteString(p.dateUnknown.render(centre("—", l.date)))
		case l.date == dateShort:
			b.WriteString(p.date.render(r.Published.UTC().Format("01-02")))
		default:
			// Dates are shown in UTC: most sources give a day, not an
			// instant, and the day should not move with the reader's
			// time zone.
			b.WriteString(p.date.render(r.Published.UTC().Format("2006-01-02")))
		}
		b.WriteString(p.plain.render("  "))
	}
	if l.source > 0 {
		b.WriteString(p.source.render(fit(oneLine(r.Source), l.source)))
		b.WriteString(p.plain.render("  "))
	}

	tags, tagsWidth := "", 0
	if l.tags > 0 && len(r.Tags) > 0 {
		style := func(s lipgloss.Style) lipgloss.Style {
			if selected {
				return st.onCursorRow(s)
			}
			return s
		}
		tags, tagsWidth = tagChips(r.Tags, min(l.tags, l.title/2), style, st)
	}
	titleWidth := l.title
	if tagsWidth > 0 {
		titleWidth -= tagsWidth + 1
	}
	title := p.title
	if r.Read {
		title = p.titleRead
	}
	b.WriteString(fitHighlighted(oneLine(r.Title), titleWidth, terms, title, st.matchPaint))
	if tagsWidth > 0 {
		b.WriteString(p.plain.render(" "))
		b.WriteString(tags)
	}

	b.WriteString(p.plain.render(" "))
	if r.Annotations > 0 {
		b.WriteString(p.annotated.render(g.annotated))
	} else {
		b.WriteString(p.plain.render(" "))
	}
	if r.Starred {
		b.WriteString(p.star.render(g.starred))
	} else {
		b.WriteString(p.plain.render(" "))
	}
	b.WriteString(p.plain.render(" "))

	line := b.String()
	if w := ansi.StringWidth(line); w > width {
		line = ansi.Truncate(line, width, "")
	} else if w < width {
		line += p.plain.render(strings.Repeat(" ", width-w))
	}
	return line
}

// tagChip is a tag as shown among others: #name, or #"Long Read" when the
// name has a space, so that where one tag ends and the next begins is plain.
func tagChip(name string) string {
	name = oneLine(name)
	if strings.ContainsRune(name, ' ') {
		// Written as the tag editor and queries read it back.
		return `#"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return "#" + name
}

// tagChips renders as many tags as fit in maxWidth cells, then "+N" for
// the rest, and returns the width used. A tag too long for the room is
// shortened (fitChips) rather than counted with the rest.
func tagChips(tags []string, maxWidth int, style func(lipgloss.Style) lipgloss.Style, st *styles) (string, int) {
	countWidth := func(left int) int { return len(" +" + strconv.Itoa(left)) }
	chips, width := fitChips(tags, maxWidth, countWidth)
	var b strings.Builder
	sep := style(lipgloss.NewStyle()).Render(" ")
	for i, chip := range chips {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(style(st.tagStyle(tags[i])).Render(chip))
	}
	if left := len(tags) - len(chips); left > 0 {
		more := "+" + strconv.Itoa(left)
		if len(chips) > 0 {
			more = " " + more
		}
		if width+len(more) <= maxWidth {
			b.WriteString(style(st.headerDim).Render(more))
			width += len(more)
		}
	}
	return b.String(), width
}

// minChip is the narrowest a shortened chip is drawn: "#ab…". Narrower, it
// would say nothing; it is counted with the rest instead.
const minChip = 4

// fitChips lays out the first tags of names that fit in room cells, one
// space between them, keeping moreWidth(left) cells after the last for
// what marks the left tags that follow it. A chip that fits is shown
// whole. A chip longer than its share of the room (half of it when tags
// follow, all of it for the last) could never be shown whole, so it is
// shortened with "…" to that share, or to what is left of the room, and
// the tags after it still have their turn. A chip of ordinary length that
// does not fit ends the run. It returns the chips (tagChip's) and the
// cells they take.
func fitChips(names []string, room int, moreWidth func(left int) int) (chips []string, width int) {
	for i, n := range names {
		chip := tagChip(n)
		w := ansi.StringWidth(chip)
		sep := 0
		if len(chips) > 0 {
			sep = 1
		}
		left := len(names) - i - 1
		more, share := 0, room
		if left > 0 {
			more, share = moreWidth(left), room/2
		}
		if avail := room - width - sep; w+more > avail {
			cut := min(share, avail-more)
			if w <= share || cut < minChip {
				break
			}
			chip = shortenChip(chip, cut)
			w = ansi.StringWidth(chip)
		}
		chips = append(chips, chip)
		width += sep + w
	}
	return chips, width
}

// shortenChip cuts a chip to width cells, ending it with "…" right after
// its last letter: #"a very…, not #"a very …
func shortenChip(chip string, width int) string {
	return strings.TrimRightFunc(ansi.Truncate(chip, width-1, ""), unicode.IsSpace) + "…"
}

// centre puts s, one cell wide, in the middle of width cells (left of
// it when width is even).
func centre(s string, width int) string {
	left := (width - 1) / 2
	return strings.Repeat(" ", left) + s + strings.Repeat(" ", width-1-left)
}

// fit cuts s to width cells with an ellipsis, or pads it to width.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = ansi.Truncate(s, width, "…")
	if w := ansi.StringWidth(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// thousands formats n with thousands separators: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
