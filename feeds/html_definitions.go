package feeds

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/marker"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMarkdown is storyMarkdown for the story of an HTML page, its
// definition lists (<dl>) written as Markdown writes them (definitionList),
// which the reader shows as such: a term on its line, its definition on
// the next after a colon; its math read as text and the line numbers
// beside its code dropped (math, gutters). What the page is known by
// from before is read by storyMarkdown (formerMarkdowns), which writes
// definition lists as paragraphs, and by formerPageMarkdowns.
func pageMarkdown(src, base string) (string, error) {
	return convertHTML(unwrapLinks(src), tidier{base: baseURL(base), scripts: true, definitions: true,
		math: true, gutters: true})
}

// formerPageMarkdowns are the Markdown of story, a page's story, and
// rendered, its HTML, as pageMarkdown wrote it before it read math and
// dropped the line numbers beside code: none when story holds neither,
// as it then reads as it did.
func formerPageMarkdowns(story *html.Node, rendered, base string) []string {
	if !hasMathOrCode(story) {
		return nil
	}
	md, err := convertHTML(unwrapLinks(rendered), tidier{base: baseURL(base), scripts: true, definitions: true})
	if err != nil {
		return nil
	}
	return []string{md}
}

// hasMathOrCode reports whether n holds MathML or preformatted text,
// which pageMarkdown reads otherwise than it did.
func hasMathOrCode(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (d.Namespace == "math" && d.Data == "math" || d.DataAtom == atom.Pre) {
			return true
		}
	}
	return false
}

// definitionsConverter is markdownConverter with definition lists
// written as such (pageMarkdown). It is built once; it is safe for
// concurrent use.
var definitionsConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
		definitionsPlugin{},
	))
})

// definitionsPlugin writes a definition list (renderDefinitions).
type definitionsPlugin struct{}

func (definitionsPlugin) Name() string { return "definitions" }

func (definitionsPlugin) Init(conv *converter.Converter) error {
	conv.Register.RendererFor("dl", converter.TagTypeBlock, renderDefinitions, converter.PriorityEarly)
	return nil
}

// renderDefinitions writes a definition list as Markdown's definition
// lists are written (PHP Markdown Extra, Pandoc, goldmark's extension,
// which glamour reads):
//
//	Storm surge
//	: A rise in sea level pushed by wind and low pressure.
//
// each term on its line, each of its definitions after ": ", the lines of
// a definition of several blocks indented under it. A list holding
// anything but terms and definitions (and <div>s of them, as HTML allows),
// starting with a definition, or with a term of blocks (paragraphs, code),
// is written as blocks, as before.
func renderDefinitions(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	items := definitionItems(n)
	if len(items) == 0 || items[0].DataAtom != atom.Dt {
		return converter.RenderTryNext
	}
	for _, item := range items {
		if item.DataAtom == atom.Dt && holdsBlock(item) {
			return converter.RenderTryNext // a term is a line of text
		}
	}
	var out bytes.Buffer
	described := false // the terms written so far have a definition
	for _, item := range items {
		var buf bytes.Buffer
		ctx.RenderChildNodes(ctx, &buf, item)
		// Escaped as what starts a line, which a term or a definition's
		// text does (a "- " there would begin a list), not as what
		// follows ": ".
		content := ctx.UnEscapeContent(bytes.TrimSpace(buf.Bytes()))
		if len(content) == 0 {
			continue
		}
		if item.DataAtom == atom.Dt {
			if described {
				out.WriteString("\n") // a blank line before the next term
				described = false
			}
			// A term is one line: a line of its own would be a term too.
			out.Write(bytes.Join(bytes.Fields(content), []byte(" ")))
			out.WriteString("\n")
			continue
		}
		content = extraBlankLines.ReplaceAll(content, []byte("\n\n"))
		// A code block's lines are indented with the definition's.
		content = bytes.ReplaceAll(content, marker.BytesMarkerCodeBlockNewline,
			append(slices.Clip(marker.BytesMarkerCodeBlockNewline), "  "...))
		for i, line := range bytes.Split(content, []byte("\n")) {
			switch {
			case i == 0:
				out.WriteString(": ")
			case len(bytes.TrimSpace(line)) > 0:
				out.WriteString("  ")
			}
			out.Write(line)
			out.WriteString("\n")
		}
		described = true
	}
	if out.Len() == 0 {
		return converter.RenderSuccess
	}
	w.WriteString("\n\n")
	w.Write(bytes.TrimRight(out.Bytes(), "\n"))
	w.WriteString("\n\n")
	return converter.RenderSuccess
}

// extraBlankLines are the blank lines past the first between two blocks.
var extraBlankLines = regexp.MustCompile(`\n(?:[ \t]*\n)+`)

// definitionItems are the terms (<dt>) and definitions (<dd>) of a
// definition list, those in a <div> in it too; nil when it holds
// anything else but white space.
func definitionItems(dl *html.Node) []*html.Node {
	var items []*html.Node
	var walk func(n *html.Node, inDiv bool) bool
	walk = func(n *html.Node, inDiv bool) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "", c.Type == html.CommentNode:
			case c.Type != html.ElementNode:
				return false
			case c.DataAtom == atom.Dt || c.DataAtom == atom.Dd:
				items = append(items, c)
			case c.DataAtom == atom.Div && !inDiv:
				if !walk(c, true) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	if !walk(dl, false) {
		return nil
	}
	return items
}

// hasDefinitions reports whether n holds a definition list.
func hasDefinitions(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Dl {
			return true
		}
	}
	return false
}
