package ui

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Glamour's time and memory grow steeply with the depth of nested quotes
// and lists (80 levels of quotes and numbered lists on one line take
// gigabytes and do not finish). Markdown nests block quotes (>), list items
// (-, +, * and 1. or 1) with up to nine digits) and, as glamour reads it,
// definitions (: after a term), and nothing else; and a line is inside only
// those containers whose marks it repeats (a quote's >) or whose indentation
// it keeps (a list item's, a definition's), each level of which takes two
// columns at least. So a line too deep says so in what it starts with, and
// the reader flattens each such line alone (flattenLines).
//
// Glamour's time also grows with how many blocks are nested, and how deep:
// 5,000 paragraphs in 8 quotes each take 47 s. So the reader bounds the
// nesting of all the blocks together too, flattening every line further when
// they are too many (boundNesting).

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
	// indent is the white space of all of it but the one space after each
	// mark: where a line continues list items and definitions, two
	// columns of it a level at least.
	indent int
	text   int // where the line's text starts
}

// levels is as many levels of quotes, list items and definitions as a line
// starting so can be inside, or more.
func (n lineNesting) levels() int {
	return n.quotes + n.items + n.indent/2
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
	brk := breakFrom(l)
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
			n.indent += w
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
		if i >= brk {
			break // a thematic break
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
// colon, followed by white space or the line's end.
func listMarker(s string) int {
	m := 0
	switch c := s[0]; {
	case c == ':', c == '-' || c == '+' || c == '*':
		m = 1
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

// breakFrom is where the thematic break line l ends in starts: the first of
// three or more of - or * that are all the rest of it, but for white space;
// len(l) when it ends in none. Its marks are not list items.
func breakFrom(l string) int {
	end := len(strings.TrimRight(l, " \t\r"))
	if end == 0 || l[end-1] != '-' && l[end-1] != '*' {
		return len(l)
	}
	c, n, from := l[end-1], 0, len(l)
	for i := end - 1; i >= 0; i-- {
		switch l[i] {
		case c:
			n, from = n+1, i
			continue
		case ' ', '\t':
			continue
		}
		break
	}
	if n < 3 {
		return len(l)
	}
	return from
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

// flattenLine rewrites a line that starts too deep (flattenTo maxNesting).
func flattenLine(l string) string {
	return flattenTo(l, maxNesting)
}

// flattenTo rewrites a line that starts with more than levels marks, or
// more than 4*levels columns of white space: its last list item's marker,
// after at most 2*levels columns of white space, and as many of its quote
// marks before as make levels levels at most are kept, in that order, then
// the line's text. At 0 levels, only the text is kept.
func flattenTo(l string, levels int) string {
	n := scanNesting(l)
	if n.quotes+n.items <= levels && n.space <= 4*levels {
		return l
	}
	var b strings.Builder
	quotes := min(n.quotes, levels)
	if n.marker != "" {
		quotes = max(min(n.quotes, levels-1), 0)
	}
	if quotes > 0 {
		b.WriteString(strings.Repeat(">", quotes) + " ")
	}
	switch {
	case n.marker == "":
		b.WriteString(strings.Repeat(" ", min(n.tail, 2*levels)))
	case levels > 0:
		b.WriteString(strings.Repeat(" ", min(n.lead, 2*levels)) + n.marker + " ")
	}
	b.WriteString(l[n.text:])
	return b.String()
}

// maxNestingCost bounds the nesting of all the blocks glamour is given
// together (nestingCost): about a second of glamour's time at the most.
const maxNestingCost = 8000

// nestParser parses Markdown as glamour does. A parser is safe for
// concurrent use.
var nestParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// nestingCost is what glamour's time grows with in md, beyond its length:
// over the blocks it lays out (paragraphs, headings, table rows, each line
// of code but blank ones, an empty list item), the sum of the square of how many quotes,
// list items and definitions each is inside. code is where the lines of
// code blocks inside none of them are, which flattening leaves alone.
func nestingCost(md string) (cost int, code [][2]int) {
	src := []byte(md)
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem, east.KindDefinitionDescription:
			if n.FirstChild() == nil {
				cost += depth * depth
			}
			depth++
		case ast.KindDocument, ast.KindList, east.KindDefinitionList, east.KindTable:
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			lines, written := n.Lines(), 0
			for i := range lines.Len() {
				if seg := lines.At(i); !util.IsBlank(seg.Value(src)) {
					written++
				}
			}
			cost += depth * depth * max(written, 1)
			if depth == 0 && lines.Len() > 0 {
				code = append(code, [2]int{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return
		default:
			cost += depth * depth
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock {
				walk(c, depth)
			}
		}
	}
	walk(nestParser.Parse(text.NewReader(src)), 0)
	return cost, code
}

// levelsCost adds up the squares of the levels of lines (lineNesting.levels)
// but those to keep, until the sum is more than limit. A line after one
// with text may go on with its paragraph lazily, as deep as it whatever its
// marks (and a table or definition's term made of it too), so it counts as
// deep as the line before at least.
func levelsCost(lines []string, keep []bool, limit int) int {
	sum, prev := 0, 0
	for i, l := range lines {
		n := scanNesting(l)
		d := n.levels()
		if strings.TrimSpace(l[n.text:]) == "" {
			prev = 0 // an empty item, or a blank line: nothing goes on lazily
		} else {
			d = max(d, prev)
			prev = d
		}
		if keep != nil && keep[i] {
			continue
		}
		if sum += d * d; sum > limit {
			break
		}
	}
	return sum
}

// boundNesting flattens the lines of md further when its blocks, together,
// are nested more than maxNestingCost: every line but those of code blocks
// outside quotes and lists to as many levels as keeps the cost within it.
// A block is never deeper than the levels of its lines (levelsCost), so
// their squares added up are as much as the cost or more, and md is parsed
// only when they are too many.
func boundNesting(md string) string {
	lines := strings.Split(md, "\n")
	if levelsCost(lines, nil, maxNestingCost) <= maxNestingCost {
		return md
	}
	cost, code := nestingCost(md)
	if cost <= maxNestingCost {
		return md
	}
	// The lines of code that stay as they are.
	starts := make([]int, len(lines))
	for i, at := 1, 0; i < len(lines); i++ {
		at += len(lines[i-1]) + 1
		starts[i] = at
	}
	keep := make([]bool, len(lines))
	for _, c := range code {
		first := sort.SearchInts(starts, c[0]+1) - 1
		for i := max(first, 0); i < len(lines) && starts[i] < c[1]; i++ {
			keep[i] = true
		}
	}
	levels := maxNesting - 1
	for ; levels > 0; levels-- {
		flat := make([]string, len(lines))
		for i, l := range lines {
			flat[i] = flattenTo(l, levels)
		}
		if levelsCost(flat, keep, maxNestingCost) <= maxNestingCost {
			break
		}
	}
	for i, l := range lines {
		if !keep[i] {
			lines[i] = flattenTo(l, levels)
		}
	}
	return strings.Join(lines, "\n")
}

// maxOpenBrackets bounds how many link brackets ([ and ![) a paragraph
// holds open at once: goldmark looks back over the open ones at each ], so
// 200,000 of them and as many closing took glamour 20 s.
const maxOpenBrackets = 32

// tameBrackets escapes each [ that would open more than maxOpenBrackets in
// a paragraph (up to a blank line), so that Markdown reads it as the
// character it is.
func tameBrackets(md string) string {
	if strings.Count(md, "[") <= maxOpenBrackets {
		return md
	}
	var b strings.Builder
	open, from, blank := 0, 0, true // blank: the line is blank so far
	for i := 0; i < len(md); i++ {
		switch md[i] {
		case '\n':
			if blank {
				open = 0
			}
			blank = true
			continue
		case ' ', '\t', '\r', '>':
			continue
		case '[':
			if escapedAt(md, i) {
				break
			}
			if open < maxOpenBrackets {
				open++
				break
			}
			b.WriteString(md[from:i])
			b.WriteByte('\\')
			from = i
		case ']':
			if !escapedAt(md, i) && open > 0 {
				open--
			}
		}
		blank = false
	}
	if from == 0 {
		return md
	}
	b.WriteString(md[from:])
	return b.String()
}

// escapedAt reports whether the character at i follows an odd number of
// backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n, i = n+1, i-1
	}
	return n%2 == 1
}
