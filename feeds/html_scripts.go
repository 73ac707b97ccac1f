package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tidyScript writes the superscript or subscript n as its text reads
// (ScriptText): in superscript or subscript characters, each of its words
// where it is (a footnote's link stays a link), else marked ^(…) or _(…).
func tidyScript(n *html.Node) {
	sup := n.DataAtom == atom.Sup
	var text strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			text.WriteString(d.Data)
		}
	}
	s := strings.TrimSpace(text.String())
	switch {
	case s == "":
		n.Parent.RemoveChild(n)
		return
	case ScriptText(s, sup, afterDigit(n)) == s:
		// An ordinal's letters, as they read.
	default:
		if _, ok := ScriptCharacters(s, sup); ok {
			for d := range n.Descendants() {
				if d.Type == html.TextNode {
					d.Data, _ = ScriptCharacters(strings.TrimFunc(d.Data, unicode.IsSpace), sup)
				}
			}
			break
		}
		open := "^("
		if !sup {
			open = "_("
		}
		n.InsertBefore(&html.Node{Type: html.TextNode, Data: open}, n.FirstChild)
		n.AppendChild(&html.Node{Type: html.TextNode, Data: ")"})
	}
	unwrap(n)
}

// inCode reports whether n is in code, which is shown as it is.
func inCode(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Code || p.DataAtom == atom.Pre || p.DataAtom == atom.Kbd || p.DataAtom == atom.Samp) {
			return true
		}
	}
	return false
}

// afterDigit reports whether the text right before n ends in a digit.
func afterDigit(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.PrevSibling != nil {
			prev := p.PrevSibling
			for prev.LastChild != nil {
				prev = prev.LastChild
			}
			if prev.Type != html.TextNode || prev.Data == "" {
				return false
			}
			r, _ := utf8.DecodeLastRuneInString(prev.Data)
			return unicode.IsDigit(r)
		}
		if p.Parent == nil || p.Parent.Type != html.ElementNode || !inlineElement(p.Parent) {
			return false
		}
	}
	return false
}

// inlineElement reports whether n is inside a line of text, not a block.
func inlineElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.B, atom.Strong, atom.I, atom.Em, atom.Span, atom.Small, atom.Mark, atom.U, atom.S, atom.Del, atom.Ins, atom.Abbr, atom.Cite, atom.Q, atom.Time:
		return true
	}
	return false
}
