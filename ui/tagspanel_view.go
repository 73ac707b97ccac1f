package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Drawing the tags panel: its layout on the screen, its rows, and the lines
// under the list that tell the item under the cursor whole.

// panelLayout is where the panel's parts go on a screen.
type panelLayout struct {
	inner  int // the width inside the box's border and padding
	rows   int // how many items are shown
	detail int // the lines under the list, a rule then the detail; 0: none
}

// layout lays the panel out on a screen width x height: the box's border
// and title take three lines, and the list's header, the status line and
// the footer stay in sight. The detail keeps its height as the cursor
// moves, the tallest any item's needs, and gives way to the list on a
// short screen.
func (p tagsPanel) layout(width, height int, st *styles) panelLayout {
	frame := st.box.GetHorizontalFrameSize()
	widest := max(panelMinWidth, min(panelMaxWidth, width*4/5))
	l := panelLayout{inner: max(min(width, max(panelMinWidth, min(p.natural+frame, widest)))-frame, 10)}
	room := height - 6
	if p.find.focused {
		room-- // the find line, under the rest
	}
	if !p.loading && len(p.items) > 1 {
		need := p.tallestDetail(l.inner)
		if spare := room - min(len(p.items), 3); need > 0 && spare >= 2 {
			l.detail = 1 + min(need, spare-1)
		}
	}
	l.rows = max(min(len(p.items), room-l.detail), 1)
	return l
}

// View draws the panel's box for a screen of width x height.
func (p tagsPanel) View(width, height int, st *styles) string {
	box := st.box
	l := p.layout(width, height, st)
	inner := l.inner
	p.scroll(l.rows) // the screen may have changed size since the cursor moved
	title := st.header.Render(ansi.Truncate("Tags, searches and feeds", inner, "…"))
	var lines []string
	switch {
	case p.loading:
		lines = []string{st.empty.Render("Loading…")}
	case len(p.items) <= 1:
		lines = []string{st.empty.Render("No tags yet: t tags an article.")}
	default:
		for i := p.offset; i < min(p.offset+l.rows, len(p.items)); i++ {
			lines = append(lines, p.line(p.items[i], i == p.cursor, inner, st))
		}
		if l.detail > 0 {
			lines = append(lines, st.rule.Render(strings.Repeat("─", inner)))
			it, _ := p.current()
			d := p.detail(it, inner, l.detail-1, st)
			for len(d) < l.detail-1 {
				d = append(d, "")
			}
			lines = append(lines, d...)
		}
	}
	if p.find.focused {
		lines = append(lines, p.find.view(inner, st))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w < inner {
			lines[i] = l + strings.Repeat(" ", inner-w)
		}
	}
	return box.Render(title + "\n" + strings.Join(lines, "\n"))
}

// stretch is a stretch of a line and its style; nil: drawn as it is.
type stretch struct {
	text  string
	style *lipgloss.Style
}

// panelGap is the space between two stretches of a line.
var panelGap = stretch{text: " "}

// line draws one item, inner cells wide.
func (p tagsPanel) line(it panelItem, selected bool, inner int, st *styles) string {
	if it.heading != "" {
		return st.headerDim.Render(ansi.Truncate(it.heading, inner, "…"))
	}
	bar := "  "
	if selected {
		bar = st.glyphs.cursorBar + " "
	}
	stretches := []stretch{{bar, &st.cursorBar}}
	if it.isFeed {
		stretches = append(stretches, p.feedStretches(it, inner-2, st)...)
	} else {
		room := inner - 2
		var left, right string
		if it.isTag {
			left, right = "#"+oneLine(shownPart(it.name)), tagCountIn(it, room/2)
		} else {
			left, right = oneLine(it.name), ansi.Truncate(oneLine(shownPart(it.query)), max(room/2, 0), "…")
		}
		nameStyle := st.title
		if it.isTag {
			nameStyle = st.tagStyle(it.name)
		}
		stretches = append(stretches, nameStretches(left, it.twin, max(room-ansi.StringWidth(right)-1, 1), nameStyle, st)...)
		stretches = append(stretches, panelGap, stretch{right, &st.headerDim})
	}
	var out, plain strings.Builder
	for _, s := range stretches {
		if s.style != nil {
			out.WriteString(s.style.Render(s.text))
		} else {
			out.WriteString(s.text)
		}
		plain.WriteString(s.text)
	}
	if selected {
		return ansi.Truncate(st.selected.Render(plain.String()), inner, "")
	}
	return ansi.Truncate(out.String(), inner, "")
}

// libraryMark follows the name of a search of the library that config.toml
// names too, telling the two apart; shortLibraryMark on a narrow line.
const libraryMark, shortLibraryMark = " (library)", " (lib)"

// nameStretches is a tag's or a search's name, cut or padded to room cells,
// in style; marked, followed by its mark (libraryMarkIn), dimmed. The two
// share the room: a mark alone, the name all cut, would not tell the
// library's search from config.toml's of its name.
func nameStretches(name string, marked bool, room int, style lipgloss.Style, st *styles) []stretch {
	if !marked {
		return []stretch{{fit(name, room), &style}}
	}
	nameW := ansi.StringWidth(name)
	mark := libraryMarkIn(nameW, room)
	// The name keeps a letter and "…" at least; the mark is cut after it.
	name = ansi.Truncate(name, max(room-ansi.StringWidth(mark), min(nameW, 2), 1), "…")
	return []stretch{{name, &style}, {fit(mark, room-ansi.StringWidth(name)), &st.headerDim}}
}

// libraryMarkIn is the mark of a name nameW cells wide in room cells:
// libraryMark while it leaves the name half the room (or the whole name,
// when shorter), else shortLibraryMark, which leaves it more.
func libraryMarkIn(nameW, room int) string {
	if room-ansi.StringWidth(libraryMark) >= min(nameW, room/2) {
		return libraryMark
	}
	return shortLibraryMark
}

// tagCountIn is a tag's count as its line says it in room cells: in words
// (tagLineCount) when they fit, else the number alone, whole: the name
// gives way to it, as a feed's does to its unread count.
func tagCountIn(it panelItem, room int) string {
	if words := tagLineCount(it); ansi.StringWidth(words) <= room {
		return words
	}
	return thousands(it.count)
}

// feedColumns is how the feeds' lines share out their room (the cells
// after the cursor's bar): where failing feeds' errors start, in one
// column, and which names shared by several feeds show the hosts that
// tell them apart.
type feedColumns struct {
	room   int             // the room it was laid out for; -1: not yet
	errCol int             // where an error starts, in from the name
	hosts  map[string]bool // by the shared name's key (feedNameKey): hosts shown
}

// columns lays the feeds' lines out for room cells. Each line's name gets
// what its unread count leaves, and a failing feed's half of that (the
// error the rest), the least any line has, so that the errors line up
// whatever the counts. The feeds of a shared name show their hosts when
// every one of them has room for its own: one failing feed or one long
// title elsewhere takes none of theirs. The errors start after the widest
// name as drawn, host and all, where the half allows.
func (p tagsPanel) columns(room int) feedColumns {
	if p.cols != nil && p.cols.room == room {
		return *p.cols
	}
	avail := max(room-p.feedCountW-1, 1)
	limit := avail
	if p.feedErrors {
		limit = avail / 2
	}
	c := feedColumns{room: room, hosts: map[string]bool{}}
	for _, it := range p.items {
		if !it.isFeed || it.host == "" {
			continue
		}
		fits := it.nameW+1+it.hostW <= max(room-it.countW-1, 1)
		if it.err != "" {
			fits = it.nameW+1+it.hostW <= limit
		}
		shown, seen := c.hosts[it.group]
		c.hosts[it.group] = fits && (shown || !seen)
	}
	for _, it := range p.items {
		if it.isFeed {
			w := it.nameW
			if c.hosts[it.group] {
				w += 1 + it.hostW
			}
			c.errCol = max(c.errCol, w)
		}
	}
	c.errCol = max(min(c.errCol, limit), 1)
	if p.cols != nil {
		*p.cols = c
	}
	return c
}

// feedStretches draws a feed's line after the cursor's bar, room cells wide:
// its name, then, dimmed, what tells it from another feed of its name
// when every such feed has room for it; its last error; and, at the right,
// its unread articles. The errors start in one column (see columns).
func (p tagsPanel) feedStretches(it panelItem, room int, st *styles) []stretch {
	c := p.columns(room)
	right := feedCount(it)
	avail := max(room-ansi.StringWidth(right)-1, 1) // for the name and the error
	col := avail
	if it.err != "" {
		col = c.errCol
	}
	name := oneLine(shownPart(it.name))
	var out []stretch
	if it.host != "" && c.hosts[it.group] {
		host := oneLine(it.host)
		pad := max(col-ansi.StringWidth(name)-1-ansi.StringWidth(host), 0)
		out = append(out, stretch{name, &st.title}, stretch{" " + host + strings.Repeat(" ", pad), &st.headerDim})
	} else {
		out = append(out, stretch{fit(name, col), &st.title})
	}
	if it.err != "" {
		if errW := avail - col - 1; errW > 0 {
			e := "!"
			if errW >= 3 {
				e = ansi.Truncate("! "+oneLine(shownPart(it.err)), errW, "…")
			}
			errStyle := st.statusErr.Bold(false)
			out = append(out, panelGap, stretch{fit(e, errW), &errStyle})
		}
	}
	return append(out, panelGap, stretch{right, &st.headerDim})
}

// detail is what the lines under the list say of the item under the
// cursor, at most n lines inner cells wide: a feed's address, where it was
// followed before it moved, and its last error whole; or the query enter
// filters by, which the item's line may cut. Short of lines, a feed's
// error comes before where it moved from, and before its address when
// there is one line.
func (p tagsPanel) detail(it panelItem, inner, n int, st *styles) []string {
	if n <= 0 || it.name == "" {
		return nil
	}
	var out []string
	if !it.isFeed {
		for _, l := range clipLines(wrapTitle(oneLine(shownPart(it.query)), inner, n+1), inner, n) {
			out = append(out, st.headerDim.Render(l))
		}
		return out
	}
	head := []string{oneLine(it.url)}
	if it.movedFrom != "" {
		head = append(head, "moved from "+oneLine(it.movedFrom))
	}
	var errs []string
	keep := min(len(head), n)
	if it.err != "" {
		errs = wrapTitle("! "+oneLine(shownPart(it.err)), inner, n+1)
		keep = max(min(len(head), n-len(errs)), min(1, n-1))
	}
	for _, l := range head[:keep] {
		out = append(out, st.headerDim.Render(ansi.Truncate(l, inner, "…")))
	}
	for _, l := range clipLines(errs, inner, n-keep) {
		out = append(out, st.statusErr.Bold(false).Render(l))
	}
	return out
}

// tallestDetail is how many lines the tallest detail takes, inner cells
// wide, at most panelDetailMax.
func (p tagsPanel) tallestDetail(inner int) int {
	if p.tallest != nil && p.tallest.inner == inner {
		return p.tallest.lines
	}
	need := 0
	for _, it := range p.items {
		if need = max(need, p.linesOfDetail(it, inner)); need == panelDetailMax {
			break
		}
	}
	if p.tallest != nil {
		*p.tallest = detailHeight{inner, need}
	}
	return need
}

// linesOfDetail is how many lines the detail of it takes, inner cells
// wide, at most panelDetailMax: a feed's always (its line does not show its
// address), a tag's or a search's when its line cuts the name or the query.
func (p tagsPanel) linesOfDetail(it panelItem, inner int) int {
	switch {
	case it.heading != "":
		return 0
	case it.isFeed:
		n := 1
		if it.movedFrom != "" {
			n++
		}
		switch {
		case it.err == "":
		case ansi.StringWidth(oneLine(shownPart(it.err)))+2 <= inner:
			n++
		default:
			n += len(wrapTitle("! "+oneLine(shownPart(it.err)), inner, panelDetailMax+1))
		}
		return min(n, panelDetailMax)
	case it.width <= inner && (it.isTag || ansi.StringWidth(oneLine(shownPart(it.query))) <= (inner-2)/2):
		return 0
	}
	return min(len(wrapTitle(oneLine(shownPart(it.query)), inner, panelDetailMax+1)), panelDetailMax)
}

// clipLines keeps the first n of lines, the last of them ending in … when
// some are left out.
func clipLines(lines []string, width, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = ansi.Truncate(lines[n-1], width-1, "") + "…"
	return lines
}
