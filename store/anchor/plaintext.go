package anchor

import (
	"html"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown parses bodies as the reader's renderer (glamour) does: goldmark
// with GitHub's extensions and definition lists. A goldmark.Markdown is safe
// for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// PlainText is what a reader reads of a Markdown body: its words without the
// Markdown around them. Blocks (paragraphs, headings, quotes, code blocks,
// lists, tables) are separated by a blank line, list items, table rows and
// a code block's lines by a newline, table cells by a space. A link is its
// text, an image its description, an automatic link its address; escapes
// and character references are resolved; a block of HTML is the paragraph
// of its text the reader shows (HTMLBlocks), other raw HTML is left out;
// control characters other than newline and tab are dropped. Footnotes are
// as the reader shows them (Footnotes): a reference is [1], a note a
// paragraph starting [1] where it is written.
//
// Passages are anchored in this text, by the store when a body changes and
// by the reader when one is selected, so both see the same characters.
func PlainText(body string) string {
	src := []byte(Footnotes(HTMLBlocks(body)))
	doc := markdown.Parser().Parse(text.NewReader(src))
	w := &plainWriter{src: src}
	w.node(doc)
	return w.b.String()
}

// plainWriter collects the text of a document. A separator asked for at the
// end of a block is written only when more text follows, the widest one
// asked for meanwhile winning.
type plainWriter struct {
	src []byte
	b   strings.Builder
	sep separator
}

// separator is what goes between two pieces of text, narrowest first.
type separator int

const (
	sepNone  separator = iota
	sepSpace           // a soft line break, between table cells
	sepLine            // a hard line break, between list items and table rows
	sepBlock           // between paragraphs and other blocks
)

var separators = [...]string{sepNone: "", sepSpace: " ", sepLine: "\n", sepBlock: "\n\n"}

func (w *plainWriter) separate(sep separator) {
	w.sep = max(w.sep, sep)
}

func (w *plainWriter) write(s string) {
	if s == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteString(separators[w.sep])
	}
	w.sep = sepNone
	w.b.WriteString(s)
}

// writeInline writes text from the source as the reader shows it: escapes
// and character references resolved, controls dropped.
func (w *plainWriter) writeInline(raw []byte) {
	s := string(util.UnescapePunctuations(raw))
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	w.write(dropControls(s))
}

func (w *plainWriter) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		w.writeInline(n.Segment.Value(w.src))
		switch {
		case n.HardLineBreak():
			w.separate(sepLine)
		case n.SoftLineBreak():
			w.separate(sepSpace)
		}
		return
	case *ast.String:
		w.write(dropControls(string(n.Value)))
		return
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(w.src))
			}
		}
		w.write(dropControls(html.UnescapeString(b.String())))
		return
	case *ast.AutoLink:
		w.write(dropControls(string(n.Label(w.src))))
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		var b strings.Builder
		for i := range lines.Len() {
			seg := lines.At(i)
			b.Write(seg.Value(w.src))
		}
		w.write(dropControls(strings.TrimRight(b.String(), "\n")))
		w.separate(sepBlock)
		return
	case *ast.HTMLBlock, *ast.RawHTML, *east.TaskCheckBox:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c)
	}
	switch n.(type) {
	case *ast.ListItem, *east.TableRow, *east.TableHeader, *east.DefinitionTerm, *east.DefinitionDescription:
		w.separate(sepLine)
	case *east.TableCell:
		w.separate(sepSpace)
	case *ast.TextBlock:
		w.separate(sepLine) // a tight list item's text, a nested list may follow
	case *ast.List:
		if _, nested := n.Parent().(*ast.ListItem); nested {
			w.separate(sepLine)
		} else {
			w.separate(sepBlock)
		}
	default:
		if n.Type() == ast.TypeBlock {
			w.separate(sepBlock)
		}
	}
}

// dropControls removes control characters but newline and tab: a character
// reference may have decoded to one.
func dropControls(s string) string {
	if strings.IndexFunc(s, isDropped) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isDropped(r) {
			return -1
		}
		return r
	}, s)
}

func isDropped(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}
