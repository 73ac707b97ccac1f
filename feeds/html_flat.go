package feeds

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML parses a page or a fragment as html.Parse does. html.Parse
// refuses HTML that keeps more than 512 elements open at once, which old
// pages reach with unclosed <font> or <b> tags; such HTML is parsed again
// with its nesting flattened (flattenHTML), and then, if even that is too
// deep, as text in paragraphs. flat says it was.
func parseHTML(src []byte) (doc *html.Node, flat bool, err error) {
	doc, err = html.Parse(bytes.NewReader(src))
	if err == nil {
		return doc, false, nil
	}
	for _, textOnly := range []bool{false, true} {
		if d, err2 := html.Parse(strings.NewReader(flattenHTML(src, textOnly))); err2 == nil {
			return d, true, nil
		}
	}
	return nil, false, err // not reached: text in paragraphs nests two deep
}

// flattenHTML rewrites HTML so that nothing in it nests deeply. It keeps
// the page's frame (html, head, body, title, meta, link, base), paragraphs
// and line breaks, and, unless textOnly, headings, preformatted text, links
// and images with at most one of each open, and the first <article> and
// <main> (whose start and end it keeps, and nothing of the same name
// inside). Every other block element becomes a paragraph break, every other
// element goes with its text kept, and the elements whose content the
// sanitiser drops (scripts, styles, forms, navigation, SVG...) go with
// their content. Text is written escaped, so that no markup can form from
// the pieces.
func flattenHTML(src []byte, textOnly bool) string {
	var out strings.Builder
	z := html.NewTokenizer(bytes.NewReader(src))
	skip := 0                    // inside elements dropped with their content
	open := map[atom.Atom]bool{} // kept elements open now (one of each at most)
	first := map[atom.Atom]int{} // depth inside the first <article> and <main>; -1 after
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String() // io.EOF, or input the tokenizer gives up on
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.TextToken:
			if skip == 0 {
				out.WriteString(html.EscapeString(string(z.Text())))
			}
			continue
		case html.StartTagToken:
			if droppedWhole[a] {
				skip++
				continue
			}
		case html.EndTagToken:
			if droppedWhole[a] {
				skip = max(skip-1, 0)
				continue
			}
		case html.SelfClosingTagToken:
			if droppedWhole[a] {
				continue
			}
		default:
			continue // comments, doctypes
		}
		if skip > 0 {
			continue
		}
		start := tt != html.EndTagToken
		switch {
		case frameFlat[a]:
			out.Write(z.Raw())
		case !textOnly && (a == atom.Article || a == atom.Main):
			switch d := first[a]; {
			case start && d >= 0:
				if d == 0 {
					out.Write(z.Raw())
				}
				first[a] = d + 1
			case !start && d > 0:
				if first[a] = d - 1; d == 1 {
					out.Write(z.Raw())
					first[a] = -1
				}
			default:
				out.WriteString("<p>")
			}
		case !textOnly && onceFlat[a]:
			if start && tt != html.SelfClosingTagToken && open[a] {
				out.WriteString("</" + a.String() + ">")
			}
			open[a] = start && tt != html.SelfClosingTagToken
			out.Write(z.Raw())
		case !textOnly && voidFlat[a]:
			out.Write(z.Raw())
		case blockFlat[a] || onceFlat[a] || voidFlat[a] || a == atom.Article || a == atom.Main:
			out.WriteString("<p>") // text only: headings, rules and the rest are paragraphs
		}
	}
}

// frameFlat are the elements flattenHTML always keeps: the page's frame,
// paragraphs and line breaks, none of which nests.
var frameFlat = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.Title: true, atom.Meta: true,
	atom.Link: true, atom.Base: true, atom.P: true, atom.Br: true,
}

// onceFlat are kept with at most one of each open.
var onceFlat = map[atom.Atom]bool{
	atom.A: true, atom.Pre: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true,
}

// voidFlat are kept: they hold nothing.
var voidFlat = map[atom.Atom]bool{atom.Img: true, atom.Hr: true}

// droppedWhole are dropped with their content, as the sanitiser drops them
// (htmlPolicy), with the elements whose content is not text.
var droppedWhole = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Textarea: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true,
	atom.Xmp: true, atom.Plaintext: true, atom.Object: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Nav: true, atom.Dialog: true,
}

// blockFlat are the block elements flattenHTML turns into paragraph breaks.
var blockFlat = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Figcaption: true, atom.Center: true, atom.Fieldset: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}
