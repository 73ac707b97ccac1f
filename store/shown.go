package store

import (
	"cmp"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// shownBody is an article's body (Markdown) with its words as the reader
// shows them, and so what search reads: the full-text index is given the
// body so (ftsDoc.distinct), and the phrase check (tidings_body_phrase),
// the live filter's prefix check and similar articles read it so too.
//
// Its character references are the characters they stand for: caf&eacute;
// is café, O&rsquo;Brien is O’Brien, x &lt; y is x < y (glamour decodes
// them with html.UnescapeString in text, headings, links and inline code).
// A code block is shown as written, and so is left as it is.
//
// The marks of emphasis and strikethrough inside a word, which the reader
// does not show, are not there: The **Ukr**aine story is the word Ukraine,
// as a*b*c is abc and a~~b~~c is abc. A mark the Markdown does not pair
// (a*b, f***ing) is shown, and so stays, and _ inside a word is no
// emphasis (snake_case). Elsewhere a mark would part words anyway, and is
// left as it is.
//
// The rest of the Markdown stays as it was. The stored body is not
// changed, and neither is an article's id, which may be made from it. It
// returns body itself when it has neither a reference nor a mark inside a
// word, which it tells quickly (most bodies have no "&", "*" or "~").
func shownBody(body string) string {
	at := strings.IndexByte(body, '&')
	refs := at >= 0 && hasReference(body[at:])
	joins := hasInnerMark(body)
	switch {
	case !refs && !joins:
		return body
	case !joins && !mayHaveCodeBlock(body):
		return html.UnescapeString(body)
	}
	doc := markdown.Parser().Parse(text.NewReader([]byte(body)))
	var code, marks [][2]int
	if refs {
		code = codeBlocks(doc)
	}
	if joins {
		marks = innerMarks(doc, body)
	}
	decode := func(s string) string { return s }
	if refs {
		decode = html.UnescapeString
	}
	var b strings.Builder
	b.Grow(len(body))
	from := 0
	// write writes body[from:to], which is no code, without its marks.
	write := func(to int) {
		for len(marks) > 0 && marks[0][0] < to {
			if marks[0][0] >= from {
				b.WriteString(decode(body[from:marks[0][0]]))
				from = marks[0][1]
			}
			marks = marks[1:]
		}
		b.WriteString(decode(body[from:to]))
		from = to
	}
	for _, c := range code {
		if c[0] < from {
			continue
		}
		write(c[0])
		b.WriteString(body[c[0]:c[1]])
		from = c[1]
	}
	write(len(body))
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
	return codeBlocks(markdown.Parser().Parse(text.NewReader([]byte(body))))
}

// codeBlocks returns the byte ranges of the lines of the code blocks of a
// parsed body, in order.
func codeBlocks(doc ast.Node) [][2]int {
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

// hasInnerMark reports whether body may have a mark of emphasis or
// strikethrough inside a word: a run of "*" or "~" with what may be a
// letter or digit on either side (an ASCII one, or a byte of a character
// beyond ASCII). Only then does shownBody parse the body for its marks.
func hasInnerMark(body string) bool {
	for _, mark := range [...]byte{'*', '~'} {
		for s := body; ; {
			at := strings.IndexByte(s, mark)
			if at < 0 {
				break
			}
			end := at + 1
			for end < len(s) && s[end] == mark {
				end++
			}
			if at > 0 && end < len(s) && isTermByte(s[at-1]) && isTermByte(s[end]) {
				return true
			}
			s = s[end:]
		}
	}
	return false
}

// innerMarks returns the byte ranges of body, parsed as doc, that are
// marks of its emphasis and strikethrough inside a word (the second ** of
// **Ukr**aine), in order: runs of marks, those of emphasis in emphasis
// together (the *** of a***b***c), with a letter or digit on either side
// (isTermByte).
func innerMarks(doc ast.Node, body string) [][2]int {
	var marks [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if open, close, ok := marksOf(n, body); ok {
				marks = append(marks, open, close)
			}
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(marks, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var runs [][2]int
	for _, m := range marks {
		if n := len(runs); n > 0 && runs[n-1][1] == m[0] {
			runs[n-1][1] = m[1]
		} else {
			runs = append(runs, m)
		}
	}
	inner := runs[:0]
	for _, r := range runs {
		if r[0] > 0 && r[1] < len(body) && isTermByte(body[r[0]-1]) && isTermByte(body[r[1]]) {
			inner = append(inner, r)
		}
	}
	return inner
}

// marksOf returns where the opening and the closing marks of an emphasis
// or a strikethrough are in body: ok is false for another node, and for
// one whose marks cannot be told from its text (one that starts or ends
// with inline code or a link, say), which is left as it is.
func marksOf(n ast.Node, body string) (open, close [2]int, ok bool) {
	size := 0
	switch n := n.(type) {
	case *ast.Emphasis:
		size = n.Level
	case *east.Strikethrough:
	default:
		return open, close, false
	}
	if n.FirstChild() == nil {
		return open, close, false
	}
	start, _, ok1 := extent(n.FirstChild(), body)
	_, end, ok2 := extent(n.LastChild(), body)
	if !ok1 || !ok2 || start == 0 || end == len(body) {
		return open, close, false
	}
	mark := body[start-1]
	if size == 0 { // a strikethrough: ~ or ~~
		size = 1
		if start >= 2 && body[start-2] == '~' {
			size = 2
		}
	}
	if !strings.ContainsRune("*_~", rune(mark)) || start < size || end+size > len(body) ||
		body[start-size:start] != strings.Repeat(string(mark), size) || body[end:end+size] != body[start-size:start] {
		return open, close, false
	}
	return [2]int{start - size, start}, [2]int{end, end + size}, true
}

// extent returns where an inline node is in body, with its marks when it
// is an emphasis or a strikethrough: ok is false when that cannot be
// told.
func extent(n ast.Node, body string) (start, end int, ok bool) {
	if t, isText := n.(*ast.Text); isText {
		return t.Segment.Start, t.Segment.Stop, true
	}
	open, close, ok := marksOf(n, body)
	return open[0], close[1], ok
}
