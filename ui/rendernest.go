package ui

import "strings"

// Glamour's time and memory grow steeply with the depth of nested quotes
// and lists (80 levels of quotes and numbered lists on one line take
// gigabytes and do not finish). Markdown nests block quotes (>), list items
// (-, +, * and 1. or 1) with up to nine digits) and, as glamour reads it,
// definitions (: after a term), and nothing else; and a line is inside only
// those containers whose marks it repeats (a quote's >) or whose indentation
// it keeps (a list item's, a definition's), each level of which takes two
// columns at least. So a line too deep says so in what it starts with, and
// the reader flattens each such line alone.

// lineNesting is what a line of Markdown starts with before its text: the
// marks of the quotes and list items it opens or stays in, and white space.
type lineNesting struct {
	quotes int // quote marks (>)
	items  int // list item markers and definitions' colons
	space  int // columns of white space among them all (a tab 4)
	// lead is the white space before the last list item's marker, from the
	// quote mark before it; marker is that marker ("" when a quote mark
	// follows it, or there is none).
	lead   int
	marker string
	// tail is the white space after the last mark (its one space apart),
	// or of the whole line when it has none.
	tail int
	text int // where the line's text starts
}

// tooDeep reports whether a line starting so is deeper than the reader
// lets glamour render.
func (n lineNesting) tooDeep() bool {
	return n.quotes+n.items > maxNesting || n.space > 4*maxNesting
}

// scanNesting reads what line l starts with.
func scanNesting(l string) lineNesting {
	var n lineNesting
	afterMark := false // the character before is a mark, so a space is its own
	i := 0
	for i < len(l) {
		c := l[i]
		switch {
		case c == ' ' || c == '\t':
			w := 1
			if c == '\t' {
				w = 4
			}
			n.space += w
			if afterMark && c == ' ' {
				w = 0
			}
			n.tail += w
			afterMark = false
			i++
			continue
		case c == '>':
			n.quotes++
			n.marker, n.tail = "", 0
			afterMark = true
			i++
			continue
		}
		m := listMarker(l[i:])
		if m == 0 {
			break
		}
		n.items++
		n.marker, n.lead, n.tail = l[i:i+m], n.tail, 0
		afterMark = true
		i += m
	}
	n.text = i
	return n
}

// listMarker is the length of the list item marker s starts with, 0 for
// none: a bullet (- + *) or up to nine digits and . or ), or a definition's
// colon, followed by white space or the line's end. A line of three or more
// of one bullet and white space is a thematic break, not list items.
func listMarker(s string) int {
	m := 0
	switch c := s[0]; {
	case c == ':':
		m = 1
	case c == '-' || c == '+' || c == '*':
		m = 1
		if c != '+' && thematicBreak(s) {
			return 0
		}
	case c >= '0' && c <= '9':
		for m < len(s) && m < 10 && s[m] >= '0' && s[m] <= '9' {
			m++
		}
		if m > 9 || m == len(s) || s[m] != '.' && s[m] != ')' {
			return 0
		}
		m++
	default:
		return 0
	}
	if m < len(s) && s[m] != ' ' && s[m] != '\t' && s[m] != '\r' {
		return 0
	}
	return m
}

// thematicBreak reports whether s is a thematic break: three or more of its
// first character (- * or _) and white space, nothing else.
func thematicBreak(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// deeplyNested reports whether a line of md starts deeper than the reader
// renders (lineNesting.tooDeep): a quick test that spares ordinary articles
// flattenLine.
func deeplyNested(md string) bool {
	for len(md) > 0 {
		line := md
		if nl := strings.IndexByte(md, '\n'); nl >= 0 {
			line, md = md[:nl], md[nl+1:]
		} else {
			md = ""
		}
		if scanNesting(line).tooDeep() {
			return true
		}
	}
	return false
}

// flattenLines flattens the lines of md that start too deep.
func flattenLines(md string) string {
	if !deeplyNested(md) {
		return md
	}
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		lines[i] = flattenLine(l)
	}
	return strings.Join(lines, "\n")
}

// flattenLine rewrites a line that starts too deep: its last list item's
// marker, after at most 2*maxNesting columns of white space, and as many of
// its quote marks before as make maxNesting levels at most are kept, in
// that order, then the line's text.
func flattenLine(l string) string {
	n := scanNesting(l)
	if !n.tooDeep() {
		return l
	}
	var b strings.Builder
	quotes := min(n.quotes, maxNesting)
	if n.marker != "" {
		quotes = min(n.quotes, maxNesting-1)
	}
	if quotes > 0 {
		b.WriteString(strings.Repeat(">", quotes) + " ")
	}
	if n.marker != "" {
		b.WriteString(strings.Repeat(" ", min(n.lead, 2*maxNesting)) + n.marker + " ")
	} else {
		b.WriteString(strings.Repeat(" ", min(n.tail, 2*maxNesting)))
	}
	b.WriteString(l[n.text:])
	return b.String()
}
