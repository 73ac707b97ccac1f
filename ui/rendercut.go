package ui

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// renderCut is where the reader's rendering of body ends: after
// maxRenderBytes, or after maxRenderLines lines as glamour is given them (a
// paragraph's soft line breaks joined, an HTML <br> a line of its own), at
// the end of a paragraph when there is one in the second half; len(body)
// when all of it is rendered. byLines reports that the lines cut it.
func renderCut(body string) (end int, byLines bool) {
	limit := min(len(body), maxRenderBytes)
	part := body[:limit]
	// Every newline a line: few enough, and nothing to parse.
	if at := lineLimit(part, nil); at >= 0 {
		if at = lineLimit(part, softBreaks(part)); at >= 0 {
			return paragraphEnd(body, at), true
		}
	}
	if limit == len(body) {
		return len(body), false
	}
	return paragraphEnd(body, limit), false
}

// isCut reports whether the reader cuts body: always when it is longer
// than maxRenderBytes, which takes no parsing to tell.
func isCut(body string) bool {
	if len(body) > maxRenderBytes {
		return true
	}
	end, _ := renderCut(body)
	return end < len(body)
}

// renderedPart is the part of body the reader renders (renderCut) as
// goldmark reads it when glamour is given it: its lines too deep flattened
// (flattenLines), its link brackets open too many at once escaped
// (tameBrackets). end is where in body it ends: len(body) when it is all of
// it. What the reader works out from the body's text (its plain text for
// passages, its sentences, its links) it works out from this part, so that
// it costs the same for an article of 5 MB as for one of 500 KB.
func renderedPart(body string) (md string, end int) {
	end, _ = renderCut(body)
	if end < len(body) {
		body = closeFence(strings.ToValidUTF8(body[:end], ""))
	}
	return tameBrackets(flattenLines(body)), end
}

// lineLimit is where in md its maxRenderLines-th line ends, its soft line
// breaks (the sorted offsets of their newlines) not counted; -1 when it has
// fewer.
func lineLimit(md string, soft []int) int {
	n := 0
	for i := 0; i < len(md); i++ {
		switch {
		case md[i] == '\n':
			for len(soft) > 0 && soft[0] < i {
				soft = soft[1:]
			}
			if len(soft) > 0 && soft[0] == i {
				continue
			}
		case md[i] == '<' && i+3 <= len(md) && strings.EqualFold(md[i:i+3], "<br"):
		default:
			continue
		}
		if n++; n == maxRenderLines {
			return i
		}
	}
	return -1
}

// softBreaks returns where md's soft line breaks are, in order: the
// newlines inside a paragraph that joinSoftBreaks writes as spaces.
func softBreaks(md string) []int {
	src := []byte(md)
	doc := softBreakParser.Parse(text.NewReader(src))
	var soft []int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := 0; i+1 < lines.Len(); i++ {
			line := lines.At(i)
			end := line.Stop
			for end > line.Start && (src[end-1] == '\n' || src[end-1] == '\r') {
				end--
			}
			if hardBreak(src[line.Start:end]) {
				continue
			}
			if nl := strings.IndexByte(md[end:line.Stop], '\n'); nl >= 0 {
				soft = append(soft, end+nl)
			}
		}
		return ast.WalkContinue, nil
	})
	slices.Sort(soft)
	return soft
}

// paragraphEnd is where s is cut before limit: at the last paragraph's end
// in its second half, else at limit.
func paragraphEnd(s string, limit int) int {
	if end := strings.LastIndex(s[:limit], "\n\n"); end >= limit/2 {
		return end
	}
	return limit
}

// closeFence closes the fenced code block md ends in, if it does, so that
// what follows is not taken for code.
func closeFence(md string) string {
	open := ""
	for line := range strings.Lines(md) {
		l := strings.TrimRight(strings.TrimLeft(line, " "), " \t\r\n")
		if len(line)-len(strings.TrimLeft(line, " ")) > 3 || len(l) < 3 || l[0] != '`' && l[0] != '~' {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, l[:1]))
		switch {
		case n < 3:
		case open == "":
			if l[0] == '~' || !strings.Contains(l[n:], "`") {
				open = l[:n]
			}
		case l[0] == open[0] && n >= len(open) && n == len(l):
			open = ""
		}
	}
	if open == "" {
		return md
	}
	return strings.TrimRight(md, "\n") + "\n" + open + "\n"
}
