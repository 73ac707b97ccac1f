package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"tidings/store/anchor"
)

// A tab in an article is shown as the spaces up to the next tab stop, every
// tabWidth columns, before anything is laid out: glamour and lipgloss
// measure a tab as one column or none, and a terminal draws it up to the
// next multiple of 8, so a tab-indented line would be wrapped too late and
// spill over the edge. In a code block the stops are counted from the start
// of the code's line, as an editor and a browser's <pre> count them; in the
// rest of the Markdown from the start of the source line, which is how
// Markdown itself reads a tab in a line's indentation, so that lists, quotes
// and indented code keep their structure. The library keeps the tabs: the
// text notes anchor in is the stored one, where a tab is white space between
// words as the spaces are on the screen.

// tabWidth is how many columns apart the tab stops are: what most editors
// and Markdown readers use for code, and what Markdown counts in indentation.
const tabWidth = 4

// expandTabs returns md with its tabs written as spaces (see above).
func expandTabs(md string) string {
	if !strings.Contains(md, "\t") {
		return md
	}
	src := []byte(md)
	doc := softBreakParser.Parse(text.NewReader(src))
	var edits []anchor.Edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			line := md[seg.Start:seg.Stop]
			if strings.Contains(line, "\t") {
				// A tab the indentation began to take is already spaces
				// (Padding), from the start of the code's line.
				edits = append(edits, anchor.Edit{From: seg.Start, To: seg.Stop, With: expandLineTabs(line, seg.Padding)})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return expandTextTabs(anchor.ApplyEdits(md, edits))
}

// expandTextTabs returns s with each tab written as spaces up to the next
// tab stop, counted from the start of its line.
func expandTextTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for line := range strings.SplitAfterSeq(s, "\n") {
		b.WriteString(expandLineTabs(line, 0))
	}
	return b.String()
}

// expandLineTabs returns line (one line of text) with its tabs written as
// spaces up to the next tab stop, counting from col columns before it.
func expandLineTabs(line string, col int) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 3*strings.Count(line, "\t"))
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		b.WriteString(line[:i])
		col += ansi.StringWidth(line[:i])
		n := tabWidth - col%tabWidth
		b.WriteString(strings.Repeat(" ", n))
		col += n
		line = line[i+1:]
	}
}
