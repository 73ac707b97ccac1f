package ui

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"tidings/store/anchor"
)

// Glamour either joins every line of a paragraph (and so loses Markdown's
// hard line breaks: a poem, an address, a toot, a feed's <br>) or, told to
// preserve newlines, keeps every one (and so keeps the wrapping of a
// hand-wrapped file). The reader asks it to keep them, having first joined
// the lines Markdown itself joins: joinSoftBreaks.

// softBreakParser reads Markdown as glamour does, with GitHub's tables,
// so that a table is not taken for a paragraph.
var softBreakParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()

// joinSoftBreaks returns md with each soft line break of a paragraph — a
// newline Markdown reads as a space — written as a space, the next line's
// quote markers and indentation going with it. Hard breaks (two trailing
// spaces or a backslash) stay, as does every other newline; an HTML <br>,
// which glamour would drop, becomes a hard break (a space in a table or a
// heading). The paragraphs of a list item, which glamour runs together
// ("inspection.The report"), are kept apart by a blank line
// (itemParagraphs).
func joinSoftBreaks(md string) string {
	if !strings.Contains(md, "\n") && !strings.Contains(md, "<") && !strings.Contains(md, "](") {
		return md
	}
	src := []byte(md)
	doc := softBreakParser.Parse(text.NewReader(src))
	var cuts []anchor.Edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if html, ok := n.(*ast.RawHTML); ok && html.Segments.Len() == 1 {
			// An HTML line break, which glamour drops, gluing the words
			// on either side: a hard break, or a space in a table's cell.
			seg := html.Segments.At(0)
			if htmlBreak.Match(src[seg.Start:seg.Stop]) {
				with := "\\\n"
				for p := n.Parent(); p != nil; p = p.Parent() {
					if p.Kind() == east.KindTableCell || p.Kind() == ast.KindHeading {
						with = " " // a line break would end the row, or the heading
					}
				}
				cuts = append(cuts, anchor.Edit{From: seg.Start, To: seg.Stop, With: with})
			}
			return ast.WalkContinue, nil
		}
		if link, ok := n.(*ast.Link); ok {
			// A link whose words are its address (every link of a
			// Mastodon post): glamour would print the address twice.
			if from, to, ok := selfLink(src, link); ok {
				cuts = append(cuts, anchor.Edit{From: from, To: to, With: "<" + string(link.Destination) + ">"})
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() != ast.TypeBlock || n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		if e, ok := itemParagraphs(src, n); ok {
			cuts = append(cuts, e)
		}
		lines := n.Lines()
		for i := 0; i+1 < lines.Len(); i++ {
			line, next := lines.At(i), lines.At(i+1)
			end := line.Stop
			for end > line.Start && (src[end-1] == '\n' || src[end-1] == '\r') {
				end--
			}
			if hardBreak(src[line.Start:end]) {
				continue
			}
			for end > line.Start && (src[end-1] == ' ' || src[end-1] == '\t') {
				end--
			}
			if next.Start <= end {
				continue
			}
			cuts = append(cuts, anchor.Edit{From: end, To: next.Start, With: " "})
		}
		return ast.WalkContinue, nil
	})
	return anchor.ApplyEdits(md, cuts)
}

// itemParagraphs is the edit that keeps the paragraph n of a list item
// apart from the paragraph after it in the item. Glamour writes a list
// item's paragraphs one straight after the other, without even a space, so
// the blank line between them is written as one made of hard breaks: two
// spaces ending n's last line, a line of a backslash alone, then the next
// paragraph, each line with the quote markers and indentation its first
// line has. Two paragraphs on screen, as a browser shows them, and the
// same words.
func itemParagraphs(src []byte, n ast.Node) (anchor.Edit, bool) {
	next := n.NextSibling()
	if n.Kind() != ast.KindParagraph || next == nil || next.Kind() != ast.KindParagraph ||
		n.Parent() == nil || n.Parent().Kind() != ast.KindListItem {
		return anchor.Edit{}, false
	}
	lines, nextLines := n.Lines(), next.Lines()
	if lines.Len() == 0 || nextLines.Len() == 0 {
		return anchor.Edit{}, false
	}
	last, first := lines.At(lines.Len()-1), nextLines.At(0)
	end := last.Stop
	for end > last.Start && strings.IndexByte(" \t\r\n", src[end-1]) >= 0 {
		end--
	}
	start := first.Start
	if end <= last.Start || end >= start || strings.Trim(string(src[end:start]), " \t\r\n>") != "" {
		// Something goldmark leaves out of the tree is between them (a
		// link's reference definition): left as it is.
		return anchor.Edit{}, false
	}
	prefix := string(src[bytes.LastIndexByte(src[:start], '\n')+1 : start])
	return anchor.Edit{From: end, To: start, With: "  \n" + prefix + "\\\n" + prefix}, true
}

// selfLink reports where in src the link written [address](address) is,
// its words its address (or the address without its scheme or a final
// slash, as Mastodon shows them).
func selfLink(src []byte, link *ast.Link) (from, to int, ok bool) {
	t, isText := link.FirstChild().(*ast.Text)
	if !isText || t.NextSibling() != nil || len(link.Title) > 0 {
		return 0, 0, false
	}
	dest := string(link.Destination)
	words := strings.TrimSuffix(string(t.Segment.Value(src)), "/")
	bare := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(dest, "https://"), "http://"), "/")
	switch {
	case strings.Contains(dest, "://") && (words == strings.TrimSuffix(dest, "/") || words == bare):
	case strings.HasPrefix(dest, "mailto:") && "mailto:"+words == dest:
	default:
		return 0, 0, false
	}
	from, end := t.Segment.Start-1, t.Segment.Stop
	tail := "](" + dest + ")"
	if from < 0 || src[from] != '[' || !strings.HasPrefix(string(src[end:]), tail) {
		return 0, 0, false
	}
	return from, end + len(tail), true
}

// htmlBreak is an HTML line break: <br>, <br/>, <BR />.
var htmlBreak = regexp.MustCompile(`^(?i)<br\s*/?>$`)

// hardBreak reports whether a paragraph line (without its newline) ends
// in a hard line break: two spaces, or a backslash not itself escaped.
func hardBreak(line []byte) bool {
	n := len(line)
	if n >= 2 && line[n-1] == ' ' && line[n-2] == ' ' {
		return true
	}
	if n >= 1 && line[n-1] == '\\' {
		k := 0
		for i := n - 1; i >= 0 && line[i] == '\\'; i-- {
			k++
		}
		return k%2 == 1
	}
	return false
}
