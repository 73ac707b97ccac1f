package ui

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"tidings/feeds"
)

// Tables. Glamour draws a table at the width it lays the article out in,
// its columns shrunk to fit however many there are, cutting heads short
// ("Head…") and breaking words into slivers. And it draws a link in a
// table as its text and a number, listing the numbers' addresses under the
// table: numbers of its own, which start again at 1 in each table and mean
// other links than the same numbers in L and in the article's footnotes.
//
// So before glamour sees them, the reader rewrites the article's tables:
//
//   - A link in a table is drawn as its text alone, as a link's text is
//     drawn, without a number or an address: L lists it with the others.
//     `tidings show`, which has no L, draws it with its address after its
//     text, as it draws a link outside a table (renderKey.addresses).
//   - A table whose columns do not all fit the reading width at the width
//     of their longest word is drawn at the terminal's width, when the
//     terminal is wider and they fit it.
//   - A table that fits neither is drawn as records: its head once, then
//     each row as lines of "head: cell", which a narrow screen can read.
//     A record shows its heads and cells as their text, every mark in it
//     escaped: on a line of its own a rank "#" would make a heading, a "-"
//     a list, and a "Price*" emphasis running on into the next cell.
//
// Only a table at the top of the article (not in a list or a quote) is
// drawn wider or as records; a link in any table is drawn as its text
// (with its address, for show).

// tableSep is the separator of the head's cells on the line that starts a
// table drawn as records.
const tableSep = " · "

// mdTable is a table of the Markdown glamour is given.
type mdTable struct {
	start, end int        // its lines in the Markdown: head to last row, with its newline
	top        bool       // at the top of the document, not in a list or a quote
	cells      [][]string // its cells as records write them (recordCell), head first
	words      []int      // per column: the width of its longest word
	widest     []int      // per column: the width of its widest cell
	edits      []mdEdit   // its cells with links, rewritten as their text; none with addresses
}

// mdEdit replaces the Markdown's bytes [start, end) with text.
type mdEdit struct {
	start, end int
	text       string
}

// tablesIn returns md's tables, in order; none without parsing when md
// has no line that could be a table's delimiter row. With addresses, their
// links keep their addresses, drawn after their text.
func tablesIn(md string, addresses bool) []mdTable {
	if !hasDelimiterRow(md) {
		return nil
	}
	src := []byte(md)
	doc := linkParser.Parser().Parse(text.NewReader(src))
	var tables []mdTable
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		tables = append(tables, readTable(t, src, addresses))
		return ast.WalkSkipChildren, nil
	})
	return tables
}

// hasDelimiterRow reports whether a line of md, after a quote's marks,
// could be the row of dashes under a table's head: bars and dashes, and
// colons and spaces only.
func hasDelimiterRow(md string) bool {
	for line := range strings.Lines(md) {
		line = strings.TrimLeft(line, " \t>")
		if strings.ContainsRune(line, '|') && strings.ContainsRune(line, '-') &&
			strings.Trim(line, "|-: \t\r\n") == "" {
			return true
		}
	}
	return false
}

// readTable reads table t of the Markdown src, its links drawn with their
// addresses or not.
func readTable(t *east.Table, src []byte, addresses bool) mdTable {
	mt := mdTable{top: t.Parent() != nil && t.Parent().Kind() == ast.KindDocument}
	first := true
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if first {
			mt.start = startOfLine(src, row.Pos())
			first = false
		}
		mt.end = endOfLine(src, row.Pos())
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, recordCell(c, src, addresses))
			if edit := cellEdit(c, src, addresses); edit != nil {
				mt.edits = append(mt.edits, *edit)
			}
			col := len(cells) - 1
			if col >= len(mt.words) {
				mt.words, mt.widest = append(mt.words, 0), append(mt.widest, 0)
			}
			shown := cellShownText(c, src, addresses)
			mt.widest[col] = max(mt.widest[col], ansi.StringWidth(shown))
			mt.words[col] = max(mt.words[col], longestWord(shown))
		}
		mt.cells = append(mt.cells, cells)
	}
	return mt
}

// startOfLine is where the line holding byte at of src starts.
func startOfLine(src []byte, at int) int {
	at = min(max(at, 0), len(src))
	for at > 0 && src[at-1] != '\n' {
		at--
	}
	return at
}

// endOfLine is where the line holding byte at of src ends, past its newline.
func endOfLine(src []byte, at int) int {
	at = min(max(at, 0), len(src))
	for at < len(src) && src[at] != '\n' {
		at++
	}
	return min(at+1, len(src))
}

// longestWord is the width of s's widest word, a word breaking after a
// hyphen as glamour breaks it.
func longestWord(s string) int {
	widest := 0
	for _, w := range strings.FieldsFunc(s, unicode.IsSpace) {
		for part := range strings.SplitAfterSeq(w, "-") {
			widest = max(widest, ansi.StringWidth(part))
		}
	}
	return widest
}

// cellEdit is the edit that writes a table's cell with its links and
// images as their text, drawn as a link's text and pointing nowhere
// (tableLink); nil when it has none, or when they keep their addresses.
func cellEdit(cell ast.Node, src []byte, addresses bool) *mdEdit {
	lines := cell.Lines()
	if addresses || lines.Len() == 0 || !hasLink(cell) {
		return nil
	}
	seg := lines.At(0)
	var b strings.Builder
	writeInlines(&b, cell, src, false)
	return &mdEdit{start: seg.Start, end: seg.Stop, text: strings.TrimSpace(b.String())}
}

// hasLink reports whether n holds a link or an image.
func hasLink(n ast.Node) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if k := c.Kind(); entering && (k == ast.KindLink || k == ast.KindImage) {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// cellShownText is the text a table's cell shows, for its widths: with
// addresses, the addresses of its links and images too.
func cellShownText(cell ast.Node, src []byte, addresses bool) string {
	shown := inlineText(cell, src)
	if !addresses {
		return shown
	}
	var b strings.Builder
	b.WriteString(shown)
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if dest, ok := linkDestination(n); entering && ok {
			b.WriteString(" " + dest)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// linkDestination is where link or image n points, if n is one.
func linkDestination(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.Link:
		return string(n.Destination), true
	case *ast.Image:
		return string(n.Destination), true
	}
	return "", false
}

// recordCell is the Markdown of a table's cell as a record shows it: its
// text as the table shows it, with every mark escaped (recordText), its
// links as links whose text is escaped too, pointing nowhere (tableLink)
// or, with addresses, where they point, for glamour to draw them with
// their addresses as it draws a link outside a table.
func recordCell(cell ast.Node, src []byte, addresses bool) string {
	var b strings.Builder
	writeRecord(&b, cell, src, addresses, false)
	return strings.TrimSpace(b.String())
}

// writeRecord writes the Markdown of n's inline children as recordCell
// says; an image in a link is its description, save with addresses,
// where it is drawn with its own address as outside a table.
func writeRecord(b *strings.Builder, n ast.Node, src []byte, addresses, inLink bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(recordText(html.UnescapeString(string(util.UnescapePunctuations(c.Segment.Value(src))))))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(recordText(string(c.Value)))
		case *ast.CodeSpan:
			b.WriteString(recordText(html.UnescapeString(codeSpanText(c, src))))
		case *ast.AutoLink:
			// Its text is its address: drawn once, as a link's text.
			label := recordText(string(c.Label(src)))
			if !inLink {
				label = "[" + label + "](" + tableLink + ")"
			}
			b.WriteString(label)
		case *ast.RawHTML:
			// Drawn as nothing, as in the table.
		case *ast.Link:
			b.WriteString("[")
			writeRecord(b, c, src, addresses, true)
			b.WriteString("](" + recordDestination(string(c.Destination), addresses) + ")")
		case *ast.Image:
			alt := recordText(inlineText(c, src))
			switch {
			case addresses:
				b.WriteString("![" + alt + "](" + recordDestination(string(c.Destination), true) + ")")
			case inLink:
				b.WriteString(alt)
			default:
				b.WriteString("[" + alt + "](" + tableLink + ")")
			}
		default:
			writeRecord(b, c, src, addresses, inLink)
		}
	}
}

// recordText is text a record shows, as Markdown that glamour draws as
// written: no control character a reference decoded into, and every mark
// escaped (escapeText).
func recordText(s string) string {
	return escapeText(feeds.CleanText(s))
}

// escapeText is s as Markdown that glamour draws as written: a backslash
// before each mark that Markdown reads, but & and ~ as character
// references, as glamour draws the backslash before them.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '~':
			b.WriteString("&#126;")
		case r < utf8.RuneSelf && strings.ContainsRune(markdownMarks, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownMarks are the characters escapeText writes after a backslash.
const markdownMarks = "\\`*_{}[]()<>#+-.!|"

// recordDestination is the destination a link in a record is written
// with: with addresses, dest in angle brackets (a destination may hold
// spaces and parentheses), else, or when it is empty, tableLink.
func recordDestination(dest string, addresses bool) string {
	if !addresses || dest == "" {
		return tableLink
	}
	r := strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ")
	return "<" + r.Replace(dest) + ">"
}

// codeSpanText is the text of a code span as the table shows it.
func codeSpanText(c *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		if t, ok := t.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// tableLink is the destination a link in a table is given: a place in
// the page, which glamour draws as the link's text alone.
const tableLink = "#"

// writeInlines writes the Markdown of n's inline children as they are
// written in src, save for links and images, written as their text
// pointing nowhere; an image in a link is its description.
func writeInlines(b *strings.Builder, n ast.Node, src []byte, inLink bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(escapeText(string(c.Value)))
		case *ast.CodeSpan:
			b.WriteString(codeSpanSource(c, src))
		case *ast.Emphasis:
			mark := strings.Repeat("*", c.Level)
			b.WriteString(mark)
			writeInlines(b, c, src, inLink)
			b.WriteString(mark)
		case *east.Strikethrough:
			b.WriteString("~~")
			writeInlines(b, c, src, inLink)
			b.WriteString("~~")
		case *ast.Link:
			b.WriteString("[")
			writeInlines(b, c, src, true)
			b.WriteString("](" + tableLink + ")")
		case *ast.Image:
			alt := escapeText(inlineText(c, src))
			if inLink {
				b.WriteString(alt)
			} else {
				b.WriteString("[" + alt + "](" + tableLink + ")")
			}
		case *ast.AutoLink:
			// Written bare, glamour finds it again (GitHub's extension).
			b.Write(c.Label(src))
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				s := c.Segments.At(i)
				b.Write(s.Value(src))
			}
		default:
			writeInlines(b, c, src, inLink)
		}
	}
}

// codeSpanSource is a code span as written in src, with its backticks.
func codeSpanSource(c *ast.CodeSpan, src []byte) string {
	first, last := c.FirstChild(), c.LastChild()
	ft, ok1 := first.(*ast.Text)
	lt, ok2 := last.(*ast.Text)
	if !ok1 || !ok2 {
		return "`" + strings.ReplaceAll(string(c.Text(src)), "`", "") + "`" //nolint:staticcheck // the span's text
	}
	start, end := ft.Segment.Start, lt.Segment.Stop
	if start > 0 && src[start-1] == ' ' && start > 1 && src[start-2] == '`' {
		start--
	}
	for start > 0 && src[start-1] == '`' {
		start--
	}
	if end < len(src) && src[end] == ' ' && end+1 < len(src) && src[end+1] == '`' {
		end++
	}
	for end < len(src) && src[end] == '`' {
		end++
	}
	return string(src[start:end])
}

// need is how wide a table's columns need the text to be at least: each
// as wide as its longest word, with glamour's padding of a column on each
// side and a bar between two. A head wider than its column is cut short
// ("Contract…"), which leaves it readable; a word broken into slivers of
// a few letters is not.
func (t mdTable) need() int {
	n := max(len(t.words)-1, 0)
	for _, w := range t.words {
		n += w + 2
	}
	return n
}

// natural is how wide a table is with no cell wrapped.
func (t mdTable) natural() int {
	n := max(len(t.widest)-1, 0)
	for _, w := range t.widest {
		n += w + 2
	}
	return n
}

// records writes a table as records: its head once, its cells' text
// joined, then each row's cells, one a line, after their head in italics.
// The heads and cells are escaped (recordCell), so the marks around a head
// are the only ones on the line.
func (t mdTable) records() string {
	if len(t.cells) == 0 {
		return ""
	}
	head := t.cells[0]
	var b strings.Builder
	var heads []string
	for _, h := range head {
		if h != "" {
			heads = append(heads, h)
		}
	}
	b.WriteString("\n\n" + strings.Join(heads, tableSep) + "\n\n")
	for _, row := range t.cells[1:] {
		var lines []string
		for col, cell := range row {
			if cell == "" {
				continue
			}
			label := strconv.Itoa(col + 1)
			if col < len(head) && head[col] != "" {
				label = head[col]
			}
			lines = append(lines, "*"+label+":* "+cell)
		}
		if len(lines) > 0 {
			b.WriteString(strings.Join(lines, "\n") + "\n\n")
		}
	}
	return b.String()
}

// tableSpot marks where a table drawn wider than the text goes in the
// Markdown: a paragraph of its own, found again in glamour's output.
func tableSpot(md string, n int) string {
	spot := fmt.Sprintf("tidingstable%dspot", n)
	for strings.Contains(md, spot) {
		spot += "x"
	}
	return spot
}

// wideTable is a table drawn at a width of its own, and the paragraph
// that stands for it in the rest.
type wideTable struct {
	spot, md string
	width    int
}

// layTables rewrites md's tables for a rendering at width on a terminal
// room wide (see above), margin the columns glamour leaves on each side
// of the text, their links drawn with their addresses or as their text.
// The tables drawn wider than the text are returned apart.
func layTables(md string, width, room, margin int, addresses bool) (string, []wideTable) {
	tables := tablesIn(md, addresses)
	if len(tables) == 0 {
		return md, nil
	}
	var edits []mdEdit
	var wide []wideTable
	for _, t := range tables {
		switch need := t.need(); {
		case !t.top || need <= width-2*margin:
			edits = append(edits, t.edits...)
		case need <= room-2*margin:
			tmd := applyEdits(md[t.start:t.end], t.edits, t.start)
			w := min(room, max(t.natural()+2*margin, width+1))
			spot := tableSpot(md, len(wide))
			wide = append(wide, wideTable{spot: spot, md: tmd, width: w})
			edits = append(edits, mdEdit{start: t.start, end: t.end, text: "\n\n" + spot + "\n\n"})
		default:
			edits = append(edits, mdEdit{start: t.start, end: t.end, text: t.records()})
		}
	}
	return applyEdits(md, edits, 0), wide
}

// applyEdits makes edits, in order and apart, to s, which starts at
// offset of what they count in.
func applyEdits(s string, edits []mdEdit, offset int) string {
	slices.SortFunc(edits, func(a, b mdEdit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		start, end := e.start-offset, e.end-offset
		if start < at || end > len(s) {
			continue
		}
		b.WriteString(s[at:start])
		b.WriteString(e.text)
		at = end
	}
	b.WriteString(s[at:])
	return b.String()
}

// putTable puts the lines of a table drawn apart, out, in place of the
// line of rendered that holds its spot.
func putTable(rendered, spot, out string) string {
	i := strings.Index(rendered, spot)
	if i < 0 {
		return rendered
	}
	start := strings.LastIndexByte(rendered[:i], '\n') + 1
	end := len(rendered)
	if j := strings.IndexByte(rendered[i:], '\n'); j >= 0 {
		end = i + j
	}
	return rendered[:start] + trimBlankLines(out) + rendered[end:]
}

// trimBlankLines drops the lines of s at its start and end that show
// nothing.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
