package feeds

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// spannedTables lays out on a grid the tables in root that the Markdown
// writes as tables (readsAsTable) and whose cells span columns or rows
// (spanGrid), and reports whether it found one. base is what the story's
// links resolve against.
func spannedTables(root *html.Node, base string) bool {
	found := false
	for _, t := range tablesIn(root) {
		if hasSpans(t) && readsAsTable(t, base) && spanGrid(t) {
			found = true
		}
	}
	return found
}

// storyTables reads the tables in root, a feed entry's HTML made safe and
// tidied (convertHTML), as the tables of a page's story are read
// (storyChanges, storyReadings): laid out on the grid their spanning
// cells make, a table of data's cells of paragraphs or lists each on its
// line, and a table the Markdown still cannot write as one made blocks,
// its rows lines and its cells apart (tablesAsBlocks). The links in root
// are absolute already.
func storyTables(root *html.Node) {
	if len(tablesIn(root)) == 0 {
		return
	}
	if hasSpans(root) {
		spannedTables(root, "")
	}
	if hasBlockCells(root) {
		joinedCellTables(root, "")
	}
	tablesAsBlocks(root, "")
}

// tablesIn are the tables in root, in the page's order.
func tablesIn(root *html.Node) []*html.Node {
	var tables []*html.Node
	for d := range root.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Table {
			tables = append(tables, d)
		}
	}
	return tables
}

// tableRows are the rows of table, in the page's order, each with its
// cells; nil when it holds another table, whose rows would be counted as
// its own.
func tableRows(table *html.Node) (rows []*html.Node, cells [][]*html.Node) {
	for d := range table.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.DataAtom {
		case atom.Table:
			return nil, nil
		case atom.Tr:
			var row []*html.Node
			for c := d.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					row = append(row, c)
				}
			}
			rows, cells = append(rows, d), append(cells, row)
		}
	}
	return rows, cells
}

// hasSpans reports whether a cell of table spans columns or rows.
func hasSpans(table *html.Node) bool {
	for d := range table.Descendants() {
		if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) &&
			(span(d, "colspan") > 1 || span(d, "rowspan") > 1) {
			return true
		}
	}
	return false
}

// maxSpan is the most columns or rows a cell spans, as HTML counts them
// (colspan past 1,000 is read as 1,000); maxGridCells bounds the cells of
// a table laid out on a grid.
const (
	maxSpan      = 1000
	maxGridCells = 100_000
)

// span is a cell's colspan or rowspan: 1 when it has none, or none that
// reads as a number of 1 or more.
func span(cell *html.Node, key string) int {
	n, err := strconv.Atoi(strings.TrimSpace(attr(cell, key)))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxSpan)
}

// spanGrid writes table as the grid its spans make, as a browser lays it
// out: each cell in the column it is drawn in, an empty cell where
// another spans (the Markdown writes a cell once), no cell spanning; the
// rows of a header of more than one (a column's group above its own
// name: "Spending" over "Sandbags" and "Barriers") merged into one,
// each column's names from the top down ("Spending: Sandbags"). The
// Markdown's tables count a spanning cell's place in its row, not its
// column, and set the header of a column beside a group over the wrong
// one. It reports whether it wrote the table, which it leaves as it is
// when it holds another table or would be too large (maxGridCells).
func spanGrid(table *html.Node) bool {
	rows, cells := tableRows(table)
	if len(rows) == 0 {
		return false
	}
	// grid[r][c] is the cell drawn at row r, column c; origin tells the
	// cell's own place from the places it spans.
	var grid [][]*html.Node
	origin := map[*html.Node][2]int{}
	size := 0
	for r, row := range cells {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		c := 0
		for _, cell := range row {
			for c < len(grid[r]) && grid[r][c] != nil {
				c++
			}
			origin[cell] = [2]int{r, c}
			cs, rs := span(cell, "colspan"), min(span(cell, "rowspan"), len(rows)-r)
			if size += cs * rs; size > maxGridCells {
				return false
			}
			for y := r; y < r+rs; y++ {
				for len(grid) <= y {
					grid = append(grid, nil)
				}
				for len(grid[y]) < c+cs {
					grid[y] = append(grid[y], nil)
				}
				for x := c; x < c+cs; x++ {
					if grid[y][x] == nil {
						grid[y][x] = cell
					}
				}
			}
			c += cs
		}
	}
	header := headerRows(rows, cells)
	if header >= len(rows) {
		header = 1 // no rows but its header: nothing to set names over
	}
	for r, row := range rows {
		for _, cell := range cells[r] {
			row.RemoveChild(cell)
		}
		if r > 0 && r < header {
			row.Parent.RemoveChild(row)
			continue
		}
		if r == 0 && header > 1 {
			width := 0
			for _, cols := range grid[:header] {
				width = max(width, len(cols))
			}
			for c := range width {
				row.AppendChild(mergedHeader(grid[:header], c))
			}
			continue
		}
		for c, cell := range grid[r] {
			if cell == nil || origin[cell] != [2]int{r, c} {
				cell = emptyCell(cell)
			}
			cell.Attr = dropAttrs(cell.Attr, "colspan", "rowspan")
			row.AppendChild(cell)
		}
	}
	return true
}

// headerRows is how many of the table's first rows are its header: those
// of its <thead> when it starts with one, else the rows at its top whose
// cells are all <th>.
func headerRows(rows []*html.Node, cells [][]*html.Node) int {
	if p := rows[0].Parent; p != nil && p.DataAtom == atom.Thead {
		n := 0
		for n < len(rows) && rows[n].Parent == p {
			n++
		}
		return n
	}
	n := 0
	for n < len(rows) && len(cells[n]) > 0 && allHeaderCells(cells[n]) {
		n++
	}
	return n
}

func allHeaderCells(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return true
}

// mergedHeader is the header cell of column c of a header of several
// rows: the names over the column from the top down, each once, apart by
// ": ".
func mergedHeader(header [][]*html.Node, c int) *html.Node {
	th := &html.Node{Type: html.ElementNode, Data: "th", DataAtom: atom.Th}
	var seen []*html.Node
	for _, row := range header {
		if c >= len(row) || row[c] == nil || isEmptyElement(row[c]) || containsNode(seen, row[c]) {
			continue
		}
		seen = append(seen, row[c])
		if th.FirstChild != nil {
			th.AppendChild(&html.Node{Type: html.TextNode, Data: ": "})
		}
		for ch := row[c].FirstChild; ch != nil; ch = ch.NextSibling {
			th.AppendChild(cloneNode(ch))
		}
	}
	return th
}

func containsNode(nodes []*html.Node, n *html.Node) bool {
	for _, m := range nodes {
		if m == n {
			return true
		}
	}
	return false
}

// emptyCell is a cell with nothing in it, of the kind of spanning (a
// header's <th>, else a <td>).
func emptyCell(spanning *html.Node) *html.Node {
	if spanning != nil && spanning.DataAtom == atom.Th {
		return &html.Node{Type: html.ElementNode, Data: "th", DataAtom: atom.Th}
	}
	return &html.Node{Type: html.ElementNode, Data: "td", DataAtom: atom.Td}
}

// dropAttrs is attrs without those named keys.
func dropAttrs(attrs []html.Attribute, keys ...string) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		drop := false
		for _, k := range keys {
			if a.Namespace == "" && a.Key == k {
				drop = true
			}
		}
		if !drop {
			out = append(out, a)
		}
	}
	return out
}

// cloneTree is a copy of n and all it holds, in no tree: its Parent is
// n's, for what looks at where a table stands (readsAsTable), but it is
// none of its parent's children.
func cloneTree(n *html.Node) *html.Node {
	c := cloneNode(n)
	c.Parent = n.Parent
	return c
}

func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	if len(n.Attr) > 0 {
		c.Attr = append([]html.Attribute(nil), n.Attr...)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneNode(ch))
	}
	return c
}

// maxJoinedCell is the most text, in letters and digits, of a cell of
// paragraphs or lists that is written on one line (joinedCellTables): a
// longer one is a page's column, not a value.
const maxJoinedCell = 300

// hasBlockCells reports whether root holds a table of data (dataTable)
// with a cell of paragraphs or lists.
func hasBlockCells(root *html.Node) bool {
	for _, t := range tablesIn(root) {
		if !dataTable(t) {
			continue
		}
		for d := range t.Descendants() {
			if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) && holdsBlock(d) {
				return true
			}
		}
	}
	return false
}

// dataTable reports whether table is one of data, not of a page's layout:
// it names its columns or rows (<th>, <thead>) or itself (<caption>).
func dataTable(table *html.Node) bool {
	for d := range table.Descendants() {
		if d.Type == html.ElementNode {
			switch d.DataAtom {
			case atom.Th, atom.Thead, atom.Caption:
				return true
			}
		}
	}
	return false
}

// joinedCellTables writes each table of data in root (dataTable) that the
// Markdown cannot write as a table only because cells of it hold
// paragraphs or lists (a winner's "Labour" and "(hold)") as a table, each
// such cell's blocks on its one line: paragraphs a space apart, a list's
// items after bullets (• alerts fire • pager) or numbers, headings in
// bold. Its spanning cells are laid out on their grid (spanGrid). A cell
// of more than maxJoinedCell letters, or holding a quote, a rule, code or
// another table, leaves its table as it was. It reports whether it wrote
// a table so. base is what the story's links resolve against.
func joinedCellTables(root *html.Node, base string) bool {
	found := false
	for _, t := range tablesIn(root) {
		if t.Parent == nil || !dataTable(t) || readsAsTable(t, base) {
			continue
		}
		joined := cloneTree(t)
		if !joinCells(joined) || !readsAsTable(joined, base) {
			continue
		}
		if hasSpans(joined) {
			spanGrid(joined)
		}
		joined.Parent = nil
		t.Parent.InsertBefore(joined, t)
		t.Parent.RemoveChild(t)
		found = true
	}
	return found
}

// joinCells writes the blocks of each cell of table on one line
// (joinedCellTables), and reports whether it found such a cell and could
// join them all.
func joinCells(table *html.Node) bool {
	rows, cells := tableRows(table)
	if rows == nil {
		return false
	}
	joined := false
	for _, row := range cells {
		for _, cell := range row {
			if !holdsBlock(cell) {
				continue
			}
			if textLength(cell) > maxJoinedCell || !joinBlocks(cell) {
				return false
			}
			joined = true
		}
	}
	return joined
}

// joinBlocks makes the blocks in cell inline, apart by spaces, and
// reports whether it could: not when it holds a quote, a rule, code, a
// definition list or a table.
func joinBlocks(cell *html.Node) bool {
	var blocks []*html.Node
	for d := range cell.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.DataAtom {
		case atom.Blockquote, atom.Hr, atom.Pre, atom.Table, atom.Dl, atom.Dt, atom.Dd, atom.Details:
			return false
		}
		if blockTags[d.Data] || d.DataAtom == atom.Li {
			blocks = append(blocks, d)
		}
	}
	for _, b := range blocks {
		if b.DataAtom == atom.Li {
			b.InsertBefore(&html.Node{Type: html.TextNode, Data: itemMark(b)}, b.FirstChild)
		}
	}
	for _, b := range blocks {
		switch b.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			b.Data, b.DataAtom = "strong", atom.Strong
			b.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, b)
			b.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, b.NextSibling)
			continue
		}
		b.Data, b.DataAtom = "span", atom.Span
		b.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, b)
		b.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, b.NextSibling)
	}
	return true
}

// itemMark is what a list's item starts with on a line: a bullet, or its
// number in an ordered list.
func itemMark(li *html.Node) string {
	list := li.Parent
	if list == nil || list.DataAtom != atom.Ol {
		return "• "
	}
	n, err := strconv.Atoi(strings.TrimSpace(attr(list, "start")))
	if err != nil {
		n = 1
	}
	for c := list.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			n++
		}
	}
	return strconv.Itoa(n) + ". "
}

// dropLineNumbers drops the line numbers syntax highlighters write beside
// code, which the Markdown wrote as a code block of numbers or as numbers
// before the code: a table's cell of numbers beside the cell of its code
// (Rouge's td.rouge-gutter, Pygments' td.linenos, Hugo's lntd), the code's
// cell then read as the code alone (codeOutOfTable); and the number
// starting each line inside the code (Pygments' span.linenos, Hugo's
// span.ln: lineNumberSpans).
func dropLineNumbers(root *html.Node) {
	var gutters, numbers []*html.Node
	for d := range root.Descendants() {
		switch {
		case isGutter(d):
			gutters = append(gutters, d)
		case d.Type == html.ElementNode && d.DataAtom == atom.Pre:
			numbers = append(numbers, lineNumberSpans(d)...)
		}
	}
	for _, n := range numbers {
		n.Parent.RemoveChild(n)
	}
	for _, g := range gutters {
		code := nextElement(g)
		g.Parent.RemoveChild(g)
		codeOutOfTable(code)
	}
}

// isGutter reports whether n is a highlighter's cell of line numbers: a
// table's cell (or the block a page's table's cell was made:
// tablesAsBlocks) holding preformatted text of nothing but numbers, one
// to a line, counting up by one (lineNumbers), the cell after it holding
// preformatted text, the code, with a line for each number (gutterFits).
// A table of steps numbered beside their code writes its numbers as
// text, not preformatted; a status code beside its name, a result after
// its prompt or a column of numbers beside another are no gutter.
func isGutter(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Td && n.DataAtom != atom.Th && n.DataAtom != atom.Div {
		return false
	}
	next := nextElement(n)
	return next != nil && holdsPre(n) && holdsPre(next) && gutterFits(preText(n), preText(next))
}

// gutterFits reports whether numbers, the text of a cell, is the gutter
// of code, the text of the cell beside it: at least two numbers, one to
// a line, counting up by one, as many as code has lines (a blank line at
// its end may go unnumbered, or be numbered where the code lost it), and
// code not itself only numbers.
func gutterFits(numbers, code string) bool {
	fields := strings.Fields(numbers)
	if len(fields) < 2 || !lineNumbers(numbers) || onlyNumbers(code) {
		return false
	}
	for line := range strings.Lines(numbers) {
		if len(strings.Fields(line)) > 1 {
			return false
		}
	}
	lines := codeLines(code)
	return len(fields) == lines || len(fields) == lines+1
}

// onlyNumbers reports whether s holds numbers and nothing else.
func onlyNumbers(s string) bool {
	fields := strings.Fields(s)
	for _, f := range fields {
		if _, err := strconv.Atoi(f); err != nil {
			return false
		}
	}
	return len(fields) > 0
}

// codeLines is how many lines code, preformatted text, has up to its
// last that is not blank.
func codeLines(code string) int {
	lines := strings.Split(code, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return len(lines)
}

// preText is the text of the first preformatted block in n as written,
// its line breaks kept (a <br> one too), which textOf joins into one
// line.
func preText(n *html.Node) string {
	var b strings.Builder
	for pre := range n.Descendants() {
		if pre.Type != html.ElementNode || pre.DataAtom != atom.Pre {
			continue
		}
		for d := range pre.Descendants() {
			switch {
			case d.Type == html.TextNode:
				b.WriteString(d.Data)
			case d.Type == html.ElementNode && d.DataAtom == atom.Br:
				b.WriteByte('\n')
			}
		}
		break
	}
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

// holdsPre reports whether n holds preformatted text.
func holdsPre(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Pre {
			return true
		}
	}
	return false
}

// nextElement is the element after n among its siblings, nil for none.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// lineNumbers reports whether s is line numbers: one or more numbers
// apart, each one more than the one before (a listing may start past 1).
func lineNumbers(s string) bool {
	fields := strings.Fields(s)
	for i, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return false
		}
		if first, _ := strconv.Atoi(fields[0]); n != first+i {
			return false
		}
	}
	return len(fields) > 0
}

// codeOutOfTable reads cell, the code's cell left in a highlighter's
// table once its line numbers are gone, as the code alone: the table
// (or the blocks a page's table was made: tablesAsBlocks), and the
// blocks around it holding nothing else, are replaced by what the cell
// holds; by the text of its preformatted block when the table is itself
// in one (Rouge in Jekyll: <pre><code><table>…<td><pre>code</pre></td>…),
// whose code it then is, and where a block would be a line of its own.
func codeOutOfTable(cell *html.Node) {
	text := textOf(cell)
	wrapper := cell
	for p := wrapper.Parent; p != nil && codeTableParts[p.DataAtom] && textOf(p) == text; p = p.Parent {
		wrapper = p
	}
	if wrapper == cell || wrapper.Parent == nil {
		return
	}
	held := cell
	if inPre(wrapper) {
		for d := range cell.Descendants() {
			if d.Type == html.ElementNode && d.DataAtom == atom.Pre {
				held = d
				break
			}
		}
	}
	for c := held.FirstChild; c != nil; {
		next := c.NextSibling
		held.RemoveChild(c)
		wrapper.Parent.InsertBefore(c, wrapper)
		c = next
	}
	wrapper.Parent.RemoveChild(wrapper)
}

// codeTableParts are the elements a highlighter's table is made of, and
// the blocks it is wrapped in.
var codeTableParts = map[atom.Atom]bool{
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Div: true,
}

// inPre reports whether n is in preformatted text.
func inPre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Pre {
			return true
		}
	}
	return false
}

// lineNumberSpans are the numbers a highlighter writes at the start of
// each line inside pre, the code (Pygments' <span class="linenos">,
// Hugo's <span class="ln">): the spans of those classes (lineNumberClass),
// when each holds a number one more than the one before; none otherwise.
func lineNumberSpans(pre *html.Node) []*html.Node {
	var spans []*html.Node
	var text strings.Builder
	for d := range pre.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Span && lineNumberClass.MatchString(attr(d, "class")) {
			spans = append(spans, d)
			text.WriteString(textOf(d) + " ")
		}
	}
	if !lineNumbers(text.String()) || len(strings.Fields(text.String())) != len(spans) {
		return nil
	}
	return spans
}

// lineNumberClass is the class of a span holding a line's number in
// highlighted code (lineNumberSpans), among others ("linenos special",
// Pygments' line of note).
var lineNumberClass = regexp.MustCompile(`^(?:[A-Za-z0-9_-]+\s+)*(?:linenos|lineno|ln|lnt)(?:\s+[A-Za-z0-9_-]+)*$`)
