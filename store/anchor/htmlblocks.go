package anchor

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// A block of HTML in Markdown (<div>…</div>, <details><summary>…) is shown
// by glamour as its text, its tags dropped, run on into the blocks around
// it. The reader writes each such block as a paragraph of its text
// (HTMLBlocks), and the plain text is of the Markdown so written: what the
// screen shows of the block can be selected and quoted, and stands apart
// from the paragraphs around it.

// inlineTags are the HTML elements that run on within a line of text: their
// tags join the words on either side. Any other tag parts them.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true, "data": true,
	"del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"time": true, "tt": true, "u": true, "var": true, "wbr": true,
}

// HTMLBlocks rewrites md's blocks of HTML as the reader shows them: each a
// paragraph of its text, or nothing when it has none (a comment, a
// script). A superscript's or subscript's tags are kept: the reader writes
// them as such, and the plain text reads their words.
func HTMLBlocks(md string) string {
	if !strings.Contains(md, "<") {
		return md
	}
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	var edits []Edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		b, ok := n.(*ast.HTMLBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		lines := b.Lines()
		if lines.Len() == 0 {
			return ast.WalkSkipChildren, nil
		}
		from, to := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		if b.HasClosure() {
			to = b.ClosureLine.Stop
		}
		var raw strings.Builder
		for i := range lines.Len() {
			line := lines.At(i)
			raw.Write(line.Value(src))
		}
		if closure := b.ClosureLine; b.HasClosure() {
			raw.Write(closure.Value(src))
		}
		with := htmlText(raw.String())
		if b.Parent() != nil && b.Parent().Kind() == ast.KindDocument {
			// Apart from what runs on after it, or before it.
			with = "\n\n" + with + "\n\n"
		}
		if strings.HasSuffix(string(src[from:to]), "\n") {
			with += "\n"
		}
		edits = append(edits, Edit{From: from, To: to, With: with})
		return ast.WalkSkipChildren, nil
	})
	return ApplyEdits(md, edits)
}

// htmlText is the text of raw HTML on one line, as Markdown: its words,
// their character references resolved and punctuation escaped, without
// control characters, scripts, styles and comments.
func htmlText(raw string) string {
	z := html.NewTokenizer(strings.NewReader(raw))
	var b strings.Builder
	hidden := 0 // inside a script or a style
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.Join(strings.FieldsFunc(b.String(), unicode.IsSpace), " ")
		case html.TextToken:
			if hidden == 0 {
				b.WriteString(escapePunctuation(dropControls(string(z.Text()))))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch tag := string(name); {
			case tag == "script" || tag == "style":
				if tt == html.StartTagToken {
					hidden++
				} else if tt == html.EndTagToken && hidden > 0 {
					hidden--
				}
			case tag == "sup" || tag == "sub":
				if tt == html.EndTagToken {
					b.WriteString("</" + tag + ">")
				} else {
					b.WriteString("<" + tag + ">")
				}
			case !inlineTags[tag]:
				b.WriteByte(' ')
			}
		}
	}
}

// escapePunctuation escapes s's ASCII punctuation, so that Markdown reads
// it as the text it is.
func escapePunctuation(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
