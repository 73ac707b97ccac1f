package store

import (
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// shownBody is an article's body (Markdown) with its character references
// as the characters they stand for: caf&eacute; is café, O&rsquo;Brien is
// O’Brien, x &lt; y is x < y. That is how the reader shows them (glamour
// decodes them with html.UnescapeString in text, headings, links and
// inline code), and so what search reads: the full-text index is given
// the body so (ftsDoc.distinct), and the phrase check
// (tidings_body_phrase), the live filter's prefix check and similar
// articles read it so too. A code block is shown as written, and so is
// left as it is. The rest of the Markdown stays as it was. The stored
// body is not changed, and neither is an article's id, which may be made
// from it.
//
// It returns body itself when it has no reference, which it tells quickly
// (most bodies have no "&" at all).
func shownBody(body string) string {
	at := strings.IndexByte(body, '&')
	if at < 0 || !hasReference(body[at:]) {
		return body
	}
	if !mayHaveCodeBlock(body) {
		return html.UnescapeString(body)
	}
	var b strings.Builder
	b.Grow(len(body))
	from := 0
	for _, c := range codeBlockLines(body) {
		if c[0] < from {
			continue
		}
		b.WriteString(html.UnescapeString(body[from:c[0]]))
		b.WriteString(body[c[0]:c[1]])
		from = c[1]
	}
	b.WriteString(html.UnescapeString(body[from:]))
	return b.String()
}

// ShownText is Markdown (a body, a note) as the reader shows it, as
// search reads it (shownBody): for what matches text outside the store,
// such as the annotation browser's filter.
func ShownText(markdown string) string { return shownBody(markdown) }

// hasReference reports whether s may hold a character reference: an "&"
// followed by a letter or "#" (html.UnescapeString decides).
func hasReference(s string) bool {
	for {
		at := strings.IndexByte(s, '&')
		if at < 0 || at+1 >= len(s) {
			return false
		}
		if c := s[at+1]; c == '#' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
		s = s[at+1:]
	}
}

// mayHaveCodeBlock reports whether a line of body could be part of a code
// block: indented by four columns or more, or a fence (``` or ~~~ after up
// to three spaces). Without one, body is decoded whole.
func mayHaveCodeBlock(body string) bool {
	for len(body) > 0 {
		line := body
		if nl := strings.IndexByte(body, '\n'); nl >= 0 {
			line, body = body[:nl], body[nl+1:]
		} else {
			body = ""
		}
		indent := 0
		for indent < 4 && len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			if line[0] == '\t' {
				indent = 4
			}
			indent++
			line = line[1:]
		}
		if indent >= 4 || strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			return true
		}
	}
	return false
}

// markdown parses bodies as the reader's renderer (glamour) does: goldmark
// with GitHub's extensions and definition lists.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// codeBlockLines returns the byte ranges of body that are the lines of its
// code blocks, indented or fenced, in order.
func codeBlockLines(body string) [][2]int {
	doc := markdown.Parser().Parse(text.NewReader([]byte(body)))
	var out [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				if n := len(out); n > 0 && out[n-1][1] == seg.Start {
					out[n-1][1] = seg.Stop
				} else {
					out = append(out, [2]int{seg.Start, seg.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}
