package ui

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"tidings/feeds"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Passages are anchored in the article's plain text (anchor.PlainText), but
// drawn on glamour's rendering of its Markdown. The rendering, without its
// styles and its wrapping, is the plain text up to white space, plus what
// glamour adds around it (margins, bullets, "##", a link's address). A
// bodyLayout matches the plain text's words to the rendering's words in
// order (a table's in the order it is read: see Tables), once per
// rendering, so that any passage can then be drawn (and any line of the
// rendering traced back to the text) in time linear in the rendering.

// alignLookahead is how many words of the rendering a word of the plain
// text may skip over to find itself: what glamour adds between two words
// (a bullet, a heading's marks, a wrapped link address) is rarely more.
const alignLookahead = 24

// bodyLayout maps a rendering to the plain text it shows.
type bodyLayout struct {
	text  string  // the plain text
	strip string  // the rendering without its escape sequences
	at    []int32 // where each byte of strip is in the rendering
	lines []int32 // where each line of strip starts

	words  []plainWord // the plain text's words, in order
	pieces []piece     // where the words are in strip
	// linePlain is, for each line of the rendering, where in the plain
	// text the first word on it is; -1 for a line showing none.
	linePlain []int
}

// plainWord is a word of the plain text and its pieces in the rendering
// (pieces[first:first+n]); a word wrapped in the middle has two.
type plainWord struct {
	start, end int32
	first, n   int32
}

// piece is a part of a plain word found in strip: the n plain bytes from
// the word's start+off on are strip[rs:re]. n is re-rs but in a word the
// screen shows otherwise than it is stored (displayText: an emoji sequence
// as its emoji, a conjunct cut with word joiners).
type piece struct {
	off, rs, re, n int32
}

// stripStyles returns rendered output without its escape sequences, and
// where each byte of that is in out.
func stripStyles(out string) (string, []int32) {
	plain := make([]byte, 0, len(out))
	at := make([]int32, 0, len(out))
	for i := 0; i < len(out); {
		if out[i] == 0x1b {
			n, _ := escapeSequence(out[i:])
			i += n
			continue
		}
		j := i
		for j < len(out) && out[j] != 0x1b {
			j++
		}
		plain = append(plain, out[i:j]...)
		for k := i; k < j; k++ {
			at = append(at, int32(k))
		}
		i = j
	}
	return string(plain), at
}

// fields returns where the words (runs of anything but white space) of s
// are, as start and end byte offsets. Bidirectional controls count as white
// space: the plain text keeps them, the rendering does not (feeds.StripBidi).
func fields(s string) [][2]int32 {
	var out [][2]int32
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r) || feeds.IsBidi(r)
		}
		switch {
		case space && start >= 0:
			out = append(out, [2]int32{int32(start), int32(i)})
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		out = append(out, [2]int32{int32(start), int32(len(s))})
	}
	return out
}

// newBodyLayout matches text's words to those of out, a rendering of the
// Markdown text was taken from.
func newBodyLayout(out, text string) *bodyLayout {
	l := &bodyLayout{text: text}
	l.strip, l.at = stripStyles(out)
	l.lines = append(l.lines, 0)
	for i := 0; i < len(l.strip); i++ {
		if l.strip[i] == '\n' {
			l.lines = append(l.lines, int32(i+1))
		}
	}

	pw, rw := fields(text), fields(l.strip)
	rw, rows := l.readingOrder(rw, pw)
	l.words = make([]plainWord, len(pw))
	l.pieces = make([]piece, 0, len(pw)+8)
	word := func(k int) string { return l.strip[rw[k][0]:rw[k][1]] }
	j := 0 // the next word of the rendering
	for i, p := range pw {
		// In a table's row, the word is looked for in the row; before
		// one, before it.
		from, limit, inRow := rows.bounds(p[0], len(rw))
		j = max(j, from)
		stored := text[p[0]:p[1]]
		// The word as the screen shows it, which is what the rendering
		// holds; where they differ, plain offsets are found in stored.
		w := shownWord(stored)
		plainOff := func(off int) int32 { return int32(off) }
		if w != stored {
			var offsets *shownOffsets
			plainOff = func(off int) int32 {
				switch {
				case off <= 0:
					return 0
				case off >= len(w):
					return int32(len(stored))
				case offsets == nil:
					offsets = newShownOffsets(stored)
				}
				return offsets.stored(off)
			}
		}
		pwd := &l.words[i]
		pwd.start, pwd.end, pwd.first = p[0], p[1], int32(len(l.pieces))
		found := false
		for k := j; k < limit && k < j+alignLookahead; k++ {
			r := word(k)
			if cut, ok := strings.CutSuffix(r, "…"); inRow && ok && cut != "" && len(cut) < len(w) && strings.HasPrefix(w, cut) {
				// A table's head cut short ("Contract…"): all of it.
				l.pieces = append(l.pieces, piece{off: 0, rs: rw[k][0], re: rw[k][1], n: int32(len(stored))})
				j, found = k+1, true
				break
			}
			if !strings.HasPrefix(w, r) {
				continue
			}
			// The word itself, or its start with the rest wrapped onto
			// the next line(s).
			off, kk := len(r), k+1
			for off < len(w) && kk < limit && strings.HasPrefix(w[off:], word(kk)) {
				off += len(word(kk))
				kk++
			}
			if off != len(w) {
				continue
			}
			off = 0
			for x := k; x < kk; x++ {
				next := off + int(rw[x][1]-rw[x][0])
				start, end := plainOff(off), plainOff(next)
				l.pieces = append(l.pieces, piece{off: start, rs: rw[x][0], re: rw[x][1], n: end - start})
				off = next
			}
			j, found = kk, true
			break
		}
		if !found && j < limit {
			// Glued to something glamour adds ("word." before a link's
			// address): the part they share.
			r := word(j)
			n := commonPrefix(w, r)
			if n > 0 && (n == len(w) || n == len(r)) {
				l.pieces = append(l.pieces, piece{off: 0, rs: rw[j][0], re: rw[j][0] + int32(n), n: plainOff(n)})
				j++
			}
		}
		pwd.n = int32(len(l.pieces)) - pwd.first
	}

	l.linePlain = make([]int, len(l.lines))
	for i := range l.linePlain {
		l.linePlain[i] = -1
	}
	line := 0
	for _, w := range l.words {
		for _, p := range l.pieces[w.first : w.first+w.n] {
			if p.rs < l.lines[line] {
				line = l.lineOf(p.rs) // back up a table's row (readingOrder)
			}
			for line+1 < len(l.lines) && l.lines[line+1] <= p.rs {
				line++
			}
			if at := int(w.start + p.off); l.linePlain[line] < 0 || at < l.linePlain[line] {
				l.linePlain[line] = at
			}
		}
	}
	return l
}

// shownWord is a word of the plain text as the reader shows it: written so
// that both ways of measuring it agree (displayText), then without what is
// filtered out of glamour's output (keepStyles: a joiner between ASCII
// letters).
func shownWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return keepStyles(displayText(w))
		}
	}
	return w
}

// shownOffsets maps a word of the plain text as it is shown (shownWord) to
// the word as it is stored, cluster by cluster: the i-th cluster of the
// stored word starts at at[i], and what it is shown as at shown[i].
type shownOffsets struct {
	at, shown []int32
}

func newShownOffsets(stored string) *shownOffsets {
	o := &shownOffsets{}
	d := 0
	for i := 0; i < len(stored); {
		c, _ := ansi.FirstGraphemeCluster(stored[i:], ansi.GraphemeWidth)
		if len(c) == 0 {
			c = stored[i : i+1]
		}
		o.at, o.shown = append(o.at, int32(i)), append(o.shown, int32(d))
		d += len(shownWord(c))
		i += len(c)
	}
	return o
}

// stored is where in the stored word the byte off of the shown word is: the
// start of the first cluster shown at off or after it.
func (o *shownOffsets) stored(off int) int32 {
	k := sort.Search(len(o.shown), func(k int) bool { return int(o.shown[k]) >= off })
	if k == len(o.shown) {
		return o.at[len(o.at)-1] // not expected: off is inside the word
	}
	return o.at[k]
}

// commonPrefix is how many bytes a and b share at their start, whole runes.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n:])
		rb, _ := utf8.DecodeRuneInString(b[n:])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

// size is roughly how many bytes the layout holds.
func (l *bodyLayout) size() int {
	return len(l.strip) + 4*len(l.at) + 4*len(l.lines) + 16*len(l.words) + 12*len(l.pieces) + 8*len(l.linePlain)
}

// lineOf is the line of strip that byte i is on.
func (l *bodyLayout) lineOf(i int32) int {
	return sort.Search(len(l.lines), func(k int) bool { return l.lines[k] > i }) - 1
}

// ranges returns where the plain text's bytes [start, end) are in strip,
// in the order of strip: one range per line at most, covering the white
// space between its words but nothing glamour put between them (a link's
// address, a table's bar).
func (l *bodyLayout) ranges(start, end int) [][2]int32 {
	var found [][2]int32
	i := sort.Search(len(l.words), func(k int) bool { return int(l.words[k].end) > start })
	for ; i < len(l.words) && int(l.words[i].start) < end; i++ {
		w := l.words[i]
		for _, p := range l.pieces[w.first : w.first+w.n] {
			ps := int(w.start + p.off)
			pe := ps + int(p.n)
			a, b := max(ps, start), min(pe, end)
			if a >= b {
				continue
			}
			r := [2]int32{p.rs + int32(a-ps), p.rs + int32(b-ps)}
			if p.n != p.re-p.rs {
				r = [2]int32{p.rs, p.re} // shown otherwise: all of it
			}
			found = append(found, r)
		}
	}
	// A table's cells are read one after the other, but drawn side by
	// side: the words of a row that wraps are not in the order of strip.
	if !slices.IsSortedFunc(found, compareRanges) {
		slices.SortFunc(found, compareRanges)
	}
	var out [][2]int32
	for _, r := range found {
		if n := len(out); n > 0 && (r[0] <= out[n-1][1] || isBlank(l.strip[out[n-1][1]:r[0]])) {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// compareRanges orders ranges of strip by where they start.
func compareRanges(a, b [2]int32) int { return cmp.Compare(a[0], b[0]) }

// isBlank reports whether s is spaces within one line.
func isBlank(s string) bool {
	for _, r := range s {
		if r == '\n' || !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// blankLine reports whether line n of strip shows nothing but spaces.
func (l *bodyLayout) blankLine(n int) bool {
	start, end := l.lines[n], int32(len(l.strip))
	if n+1 < len(l.lines) {
		end = l.lines[n+1] - 1
	}
	return strings.TrimSpace(l.strip[start:end]) == ""
}

// Tables. Glamour draws a table's cells side by side, each wrapped within
// its column, so that a row whose cells wrap takes several lines, each
// with a line of every cell ("Harbour Lift Engineering │ Replacement of
// the four" above "Ltd │ northern gantry cranes"). The plain text has a
// row's cells one after the other. Matched in the order of the screen, a
// cell's second line would be looked for after the other cells' first
// lines, and its words found in the next row instead. So before matching,
// the words of a table are put in the order it is read: row by row, in a
// row cell by cell, and a cell from top to bottom.
//
// Nothing drawn says where a row that wraps ends; the plain text does, a
// row being a line of it. A table is found in the plain text by its head,
// and each of its rows then takes the lines that hold its text.

// tableGrid is how a glamour style draws a table's rules: the rule under
// the head is dashes, crossed where the bars between columns run.
type tableGrid struct{ dash, cross, bar rune }

// tableGrids are the grids of the reader's styles: lines (dark and light)
// and ASCII (notty, with colour off).
var tableGrids = [...]tableGrid{{'─', '┼', '│'}, {'-', '|', '|'}}

// renderedTable is a table in the rendering, in lines of strip.
type renderedTable struct {
	head, rule, end int    // the head's first line, the rule under it, one past the last row's last line
	left            int    // the display column the table starts at
	bars            []int  // the display columns of the bars between columns
	bar             string // the bar
}

// tableLine is a line of a table: its words in slots, read in turn: the
// words before the table (a quote's bar), then each column's words and
// the bar after them.
type tableLine struct {
	slots [][][2]int32
	size  int // how much text the cells hold (rowText)
}

// line is line n of strip, without its newline.
func (l *bodyLayout) line(n int) string {
	end := len(l.strip)
	if n+1 < len(l.lines) {
		end = int(l.lines[n+1]) - 1
	}
	return l.strip[l.lines[n]:end]
}

// tables finds the rendering's tables: a rule under a head, with the lines
// above and below it that have bars where the rule is crossed.
func (l *bodyLayout) tables() []renderedTable {
	var out []renderedTable
	for n := 0; n < len(l.lines); n++ {
		t, ok := tableRule(l.line(n))
		if !ok {
			continue
		}
		t.rule, t.head, t.end = n, n, n+1
		for t.head > 0 && t.onLine(l.line(t.head-1)) {
			t.head--
		}
		for t.end < len(l.lines) && t.onLine(l.line(t.end)) {
			t.end++
		}
		if t.head < t.rule {
			out = append(out, t)
		}
		n = t.end - 1
	}
	return out
}

// tableRule reads s as the rule under a table's head: dashes crossed by at
// least one bar, nothing after them but spaces.
func tableRule(s string) (renderedTable, bool) {
	for _, g := range tableGrids {
		i := strings.IndexRune(s, g.dash)
		if i < 0 {
			continue
		}
		rule := strings.TrimRight(s[i:], " ")
		if !strings.HasSuffix(rule, string(g.dash)) {
			continue
		}
		var bars []int // display columns from the rule's start
		col := 0
		for _, r := range rule {
			if r != g.dash && r != g.cross {
				bars = nil
				break
			}
			if r == g.cross {
				bars = append(bars, col)
			}
			col++
		}
		if len(bars) == 0 {
			continue
		}
		left := ansi.StringWidth(s[:i])
		for k := range bars {
			bars[k] += left
		}
		return renderedTable{left: left, bars: bars, bar: string(g.bar)}, true
	}
	return renderedTable{}, false
}

// onLine reports whether s is a line of t: its bars are where t's are.
func (t renderedTable) onLine(s string) bool {
	_, _, ok := t.barsOn(s)
	return ok
}

// barsOn returns where on line s, in bytes, t's bars are and its first
// column starts; ok is false when s is not a line of t.
func (t renderedTable) barsOn(s string) (bars []int, left int, ok bool) {
	col, left := 0, len(s)
	for i := 0; i < len(s) && len(bars) < len(t.bars); {
		if col >= t.left && left == len(s) {
			left = i
		}
		c, w := s[i:i+1], 1 // ASCII, the most of it
		if s[i] >= utf8.RuneSelf || i+1 < len(s) && s[i+1] >= utf8.RuneSelf {
			if c, w = ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth); len(c) == 0 {
				c = s[i : i+1]
			}
		}
		switch at := t.bars[len(bars)]; {
		case col == at && c != t.bar, col > at:
			return nil, 0, false
		case col == at:
			bars = append(bars, i)
		}
		col += w
		i += len(c)
	}
	return bars, left, len(bars) == len(t.bars)
}

// readingOrder returns the rendering's words, rw, with those of its
// tables in the order they are read; pw are the plain text's words.
func (l *bodyLayout) readingOrder(rw, pw [][2]int32) ([][2]int32, tableRows) {
	tables := l.tables()
	if len(tables) == 0 {
		return rw, nil
	}
	plain := newPlainRows(l.text, pw)
	out := make([][2]int32, 0, len(rw))
	var rows tableRows
	k, after := 0, 0 // the next word, and the line after the last table
	for _, t := range tables {
		start, end := l.lines[t.head], int32(len(l.strip))
		if t.end < len(l.lines) {
			end = l.lines[t.end]
		}
		for k < len(rw) && rw[k][0] < start {
			out = append(out, rw[k])
			k++
		}
		e := k
		for e < len(rw) && rw[e][0] < end {
			e++
		}
		// A line of the plain text takes a line of the rendering at
		// least: the head is no further on than the lines since the last
		// table, give or take what glamour leaves out.
		read, in := l.readTable(t, rw[k:e], plain, 2*(t.head-after)+16)
		for _, r := range in {
			r.from, r.to = r.from+len(out), r.to+len(out)
			rows = append(rows, r)
		}
		out = append(out, read...)
		k, after = e, t.end
	}
	return append(out, rw[k:]...), rows
}

// readTable returns the words of table t, rw, in the order they are read,
// and where its rows are in them. The table's rows are found in the plain
// text after its head, which is looked for in the next within lines of it;
// a table whose head is not found is left as it is drawn.
func (l *bodyLayout) readTable(t renderedTable, rw [][2]int32, plain *plainRows, within int) ([][2]int32, tableRows) {
	lines := make([]tableLine, t.end-t.head)
	k := 0
	for n := t.head; n < t.end; n++ {
		tl := &lines[n-t.head]
		tl.slots = make([][][2]int32, 2*len(t.bars)+2)
		bars, left, _ := t.barsOn(l.line(n))
		for ; k < len(rw) && (n+1 == len(l.lines) || rw[k][0] < l.lines[n+1]); k++ {
			at := int(rw[k][0] - l.lines[n])
			word := l.strip[rw[k][0]:rw[k][1]]
			slot := 0
			if at >= left {
				c := sort.SearchInts(bars, at) // the bars before it
				slot = 2*c + 1
				switch {
				case c < len(bars) && bars[c] == at && word == t.bar:
					slot++ // the bar after column c
				case c < len(bars) && bars[c] == at:
					slot += 2 // glued to the bar before it: column c+1
				}
			}
			if slot%2 == 1 {
				tl.size += len(rowText(word))
			}
			tl.slots[slot] = append(tl.slots[slot], rw[k])
		}
	}
	read := func(out [][2]int32, rows []tableLine) [][2]int32 {
		for s := range rows[0].slots {
			for _, tl := range rows {
				out = append(out, tl.slots[s]...)
			}
		}
		return out
	}

	head, body := lines[:t.rule-t.head], lines[t.rule-t.head+1:]
	// The first row starts with what its first cell's first line shows.
	var first strings.Builder
	if len(body) > 0 {
		for _, w := range body[0].slots[1] {
			first.WriteString(rowText(l.strip[w[0]:w[1]]))
		}
	}
	row, found := plain.find(l.headCells(head), first.String(), within)
	if !found {
		return rw, nil
	}
	var rows tableRows
	// readRow reads the lines of plain row n.
	readRow := func(out [][2]int32, n int, lines []tableLine) [][2]int32 {
		from := len(out)
		out = read(out, lines)
		if n < len(plain.spans) {
			sp := plain.spans[n]
			rows = append(rows, tableRow{start: sp[0], end: sp[1], from: from, to: len(out)})
		}
		return out
	}
	out := readRow(make([][2]int32, 0, len(rw)), row, head)
	out = read(out, lines[t.rule-t.head:t.rule-t.head+1])
	for len(body) > 0 {
		row++
		need := plain.size(row)
		h, got := 1, body[0].size
		for got < need && h < len(body) {
			got += body[h].size
			h++
		}
		out = readRow(out, row, body[:h])
		body = body[h:]
	}
	plain.from = row + 1
	return out, rows
}

// tableRow is a row of a table: its text in the plain text, bytes [start,
// end), and its words in the rendering put in reading order, [from, to).
// A row's words are looked for in the row alone, so that a word the
// rendering does not show (in a head cut short) is not found in the next.
type tableRow struct {
	start, end int32
	from, to   int
}

// tableRows are the rows of a rendering's tables, in order.
type tableRows []tableRow

// bounds returns where in the rendering's n words a word of the plain
// text starting at byte at is looked for, [from, limit), and whether it
// is in a table's row: in a row, in its words; before one, before it.
func (rows tableRows) bounds(at int32, n int) (from, limit int, inRow bool) {
	i := sort.Search(len(rows), func(i int) bool { return rows[i].end > at })
	switch {
	case i == len(rows):
		return 0, n, false
	case rows[i].start <= at:
		return rows[i].from, rows[i].to, true
	}
	return 0, rows[i].from, false
}

// headCell is a cell of a table's head, as rowText has it; a head too wide
// for its column is cut short, ending in "…".
type headCell struct {
	text string
	cut  bool
}

// headCells returns the cells of a table's head, drawn on lines.
func (l *bodyLayout) headCells(lines []tableLine) []headCell {
	var cells []headCell
	for s := 1; s < len(lines[0].slots); s += 2 {
		var b strings.Builder
		for _, tl := range lines {
			for _, w := range tl.slots[s] {
				b.WriteString(rowText(l.strip[w[0]:w[1]]))
			}
		}
		text, cut := strings.CutSuffix(b.String(), "…")
		cells = append(cells, headCell{text, cut})
	}
	return cells
}

// plainRows are the lines of the plain text, as a table's rows are found
// in it: each line's text as rowText has it.
type plainRows struct {
	text  []string   // each line's
	spans [][2]int32 // where each line's words are in the plain text
	from  int        // the line the next table's head is looked for from
}

// newPlainRows reads text's lines; pw are its words.
func newPlainRows(text string, pw [][2]int32) *plainRows {
	p := &plainRows{}
	var b strings.Builder
	start := int32(0)
	for i, w := range pw {
		if i == 0 {
			start = w[0]
		} else if strings.IndexByte(text[pw[i-1][1]:w[0]], '\n') >= 0 {
			p.text, p.spans = append(p.text, b.String()), append(p.spans, [2]int32{start, pw[i-1][1]})
			b.Reset()
			start = w[0]
		}
		b.WriteString(rowText(shownWord(text[w[0]:w[1]])))
	}
	if len(pw) > 0 {
		p.text, p.spans = append(p.text, b.String()), append(p.spans, [2]int32{start, pw[len(pw)-1][1]})
	}
	return p
}

// find returns the first of the within lines from p.from on that is the
// head whose cells are given, followed by a line that starts with first
// (what the table shows first under its head; "" for anything).
func (p *plainRows) find(head []headCell, first string, within int) (int, bool) {
	for n := p.from; n < len(p.text) && n < p.from+within; n++ {
		if isHead(p.text[n], head) && (n+1 == len(p.text) || strings.HasPrefix(p.text[n+1], first)) {
			return n, true
		}
	}
	return 0, false
}

// isHead reports whether line, a line of the plain text as rowText has it,
// is a head whose cells are given: the cells' text one after the other, a
// cut one followed by anything up to the next.
func isHead(line string, head []headCell) bool {
	at, cut, empty := 0, false, true
	for _, c := range head {
		switch {
		case c.text == "":
		case cut:
			i := strings.Index(line[at:], c.text)
			if i < 0 {
				return false
			}
			at += i
		case !strings.HasPrefix(line[at:], c.text):
			return false
		}
		at += len(c.text)
		cut = c.cut || (cut && c.text == "")
		empty = empty && c.text == ""
	}
	return !empty && (at == len(line) || cut)
}

// size is how much text line n has; past the last line, none.
func (p *plainRows) size(n int) int {
	if n >= len(p.text) {
		return 0
	}
	return len(p.text[n])
}

// rowText is what of a word tells a table's rows apart by their text:
// the word without ASCII punctuation (the markup the notty style writes:
// *emphasis*, `code`).
func rowText(w string) string {
	if strings.IndexFunc(w, asciiMark) < 0 {
		return w
	}
	return strings.Map(func(r rune) rune {
		if asciiMark(r) {
			return -1
		}
		return r
	}, w)
}

// asciiMark reports whether r is ASCII punctuation or an ASCII symbol.
func asciiMark(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}
