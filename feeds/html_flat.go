package feeds

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML parses a page or a fragment as html.Parse does. html.Parse
// refuses HTML that keeps more than 512 elements open at once, which old
// pages reach with unclosed <font> or <b> tags; such HTML is parsed again
// with its nesting flattened (flattenHTML), and flat says so.
func parseHTML(src []byte) (doc *html.Node, flat bool, err error) {
	doc, err = html.Parse(bytes.NewReader(src))
	if err == nil {
		return doc, false, nil
	}
	doc, err2 := html.Parse(bytes.NewReader(flattenHTML(src)))
	if err2 != nil {
		return nil, false, err // the first reason is the one to give
	}
	return doc, true, nil
}

// flattenHTML rewrites HTML so that nothing in it nests deeply: the tags of
// the page's frame (html, head, body, title, meta), of paragraphs and
// headings, line breaks, links and images are kept; every other block
// element becomes a paragraph break and every other inline element goes,
// its text kept. Elements whose content is not text (script, style,
// template...) are kept whole for the sanitiser to drop.
func flattenHTML(src []byte) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes() // io.EOF, or input the tokenizer gives up on
		case html.TextToken, html.DoctypeToken:
			out.Write(z.Raw())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case keptFlat[a]:
				out.Write(z.Raw())
			case blockFlat[a]:
				out.WriteString("<p>")
			}
		}
	}
}

// keptFlat are the elements flattenHTML keeps: none of them nests in
// itself or holds the others deeply.
var keptFlat = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.Title: true, atom.Meta: true,
	atom.Link: true, atom.Base: true, atom.P: true, atom.Br: true, atom.Hr: true, atom.A: true,
	atom.Img: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Pre: true, atom.Time: true,
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Textarea: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true,
	atom.Xmp: true, atom.Plaintext: true,
}

// blockFlat are the block elements flattenHTML turns into paragraph breaks.
var blockFlat = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Blockquote: true, atom.Ul: true,
	atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Figure: true, atom.Figcaption: true,
	atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true,
}
