package feeds

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToMarkdown turns untrusted HTML (an article page, a feed item) into
// clean Markdown. The HTML is sanitised against an allowlist first: no
// scripts, styles, frames, objects or forms, no event handlers, no
// javascript: or data: URLs. Links, lists, quotes, code, tables, headings
// and emphasis are kept; images become links (a terminal shows no
// pictures), tracking pixels and empty wrappers go, and relative links are
// resolved against base (when base is an absolute http(s) URL) or dropped,
// keeping their text. The result has been through CleanText.
// HTMLToMarkdown is safe for concurrent use.
func HTMLToMarkdown(src, base string) (string, error) { return htmlToMarkdown(src, base, false) }

// formerMarkdown is HTMLToMarkdown as it was before pictures inside
// links, lazily loaded pictures, embedded players, video and audio
// elements and line breaks in table cells were read: what an article
// without an id was known by then (its id a hash of its text), so that
// it is found again (Article.FormerBody).
func formerMarkdown(src, base string) (string, error) { return htmlToMarkdown(src, base, true) }

// storyMarkdown is HTMLToMarkdown for an article's body as it was read
// before its math and the line numbers beside its code were (pageMarkdown
// and entryMarkdown read them): superscripts and subscripts written as
// such (ScriptText), links wrapped over lines unwrapped (unwrapLinks).
// What its id is made of is read by HTMLToMarkdown, formerMarkdown or
// formerContentMarkdown, which read them as before, as text (10<sup>8</sup>
// as 108), a wrapped link as its text alone.
func storyMarkdown(src, base string) (string, error) {
	return convertHTML(unwrapLinks(src), tidier{base: baseURL(base), scripts: true})
}

// entryMarkdown is storyMarkdown for a feed's entry, its tables read as a
// page's story's are (storyTables): without, the cells of a table the
// Markdown cannot write as one run together ("AlphaBeta"); its pictures
// written apart from the text beside them (apartImages); its math read as
// text and the line numbers beside its code dropped (math, gutters).
func entryMarkdown(src, base string) (string, error) {
	return convertHTML(unwrapLinks(src), tidier{base: baseURL(base), scripts: true, tables: true,
		apartImages: true, math: true, gutters: true})
}

func htmlToMarkdown(src, base string, former bool) (string, error) {
	return convertHTML(src, tidier{base: baseURL(base), former: former})
}

func convertHTML(src string, t tidier) (string, error) {
	policy := htmlPolicy()
	switch {
	case t.former:
		policy = formerHTMLPolicy()
	case t.math || t.gutters:
		policy = storyHTMLPolicy()
	}
	doc, _, err := parseHTML([]byte(policy.Sanitize(src)))
	if err != nil {
		return "", err
	}
	if t.gutters {
		dropLineNumbers(doc)
	}
	if t.apartImages {
		t.pictures = new([]*html.Node)
	}
	t.tidy(doc)
	if t.apartImages {
		// Spaced once the text beside them reads as it will: a
		// superscript's marks written, empty wrappers gone.
		for _, link := range *t.pictures {
			apartImage(link)
		}
	}
	if t.tables {
		storyTables(doc)
	}
	conv := markdownConverter()
	if t.definitions {
		conv = definitionsConverter()
	}
	md, err := conv.ConvertNode(doc)
	if err != nil {
		return "", err
	}
	return CleanText(strings.TrimSpace(string(md))), nil
}

// htmlPolicy is the sanitiser's allowlist, built once; a bluemonday policy
// is safe for concurrent use.
var htmlPolicy = sync.OnceValue(func() *bluemonday.Policy { return newHTMLPolicy(false) })

// formerHTMLPolicy is the allowlist before embedded players, video and
// audio elements and lazily loaded pictures were read (formerMarkdown).
var formerHTMLPolicy = sync.OnceValue(func() *bluemonday.Policy { return newHTMLPolicy(true) })

// storyHTMLPolicy is htmlPolicy with MathML, read as text (tidyMath), and
// the classes highlighters mark a line's number with (lineNumberSpans):
// the allowlist of a story read now (pageMarkdown, entryMarkdown).
// What ids are made of is read without them, as before.
var storyHTMLPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := newHTMLPolicy(false)
	p.AllowElementsContent("math")
	p.AllowElements(mathElements...)
	p.AllowNoAttrs().OnElements(mathElements...)
	p.AllowAttrs("alttext", "display").OnElements("math")
	p.AllowAttrs("encoding").OnElements("annotation")
	// The classes matter only by what they say: no other is kept.
	p.AllowAttrs("class").Matching(lineNumberClass).OnElements("span")
	// Drawn, not read: what a phantom or an XML annotation holds.
	p.SkipElementsContent("mphantom", "annotation-xml")
	return p
})

// mathElements are the MathML elements kept for their text (mathText);
// the text of any other is kept without its tag.
var mathElements = []string{
	"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
	"msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mstyle", "mpadded", "menclose",
	"mover", "munder", "munderover", "mtable", "mtr", "mtd", "mfenced", "merror", "maction",
}

func newHTMLPolicy(former bool) *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs() // http, https, mailto and relative; parseable only
	p.AllowElements(
		"article", "main", "section", "header", "footer", "aside", "div", "span", "p", "br", "hr",
		"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp", "var",
		"ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "details", "summary",
		"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
		"em", "strong", "b", "i", "u", "s", "del", "ins", "strike", "sub", "sup", "small",
		"mark", "abbr", "cite", "q", "time", "picture",
	)
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("src", "alt", "title", "width", "height").OnElements("img")
	if !former {
		// Where a lazily loaded picture really is (tidyImage checks them).
		p.AllowAttrs(append(lazySources, "srcset", "data-srcset")...).OnElements("img")
		// Embedded players and media become links to them (tidyEmbed).
		p.AllowAttrs("src", "title").OnElements("iframe", "video", "audio")
		p.AllowAttrs("src").OnElements("source")
	}
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,9}$`)).OnElements("ol")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[A-Za-z0-9_+-]{1,32}$`)).OnElements("code")
	// Drop what such elements hold, not only their tags: a form's labels
	// or an SVG's text are not the article.
	p.SkipElementsContent("form", "button", "select", "textarea", "svg", "math", "template",
		"canvas", "nav", "dialog")
	if former {
		p.SkipElementsContent("audio", "video")
	}
	return p
}

// markdownConverter is built once; it is safe for concurrent use.
var markdownConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
	))
})

// baseURL parses base when it is an absolute http(s) URL.
func baseURL(base string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	return u
}

// tidier rewrites sanitised HTML for the terminal (tidy): images to links,
// tracking pixels and empty wrappers out, links absolute or unwrapped; as
// it does now, or as it did before (former, formerMarkdown); with scripts,
// superscripts and subscripts written as such (storyMarkdown). With
// definitions, the Markdown writes definition lists as such
// (pageMarkdown); with tables, tables as a page's story's (entryMarkdown);
// with apartImages, a picture's link with a space between it and the
// words it touches (apartImage, entryMarkdown), the links noted in
// pictures as they are made and spaced once all is tidied. With math,
// MathML is read as text (tidyMath); with gutters, the line numbers
// highlighters write beside code are dropped (dropLineNumbers).
type tidier struct {
	base        *url.URL
	former      bool
	scripts     bool
	definitions bool
	tables      bool
	apartImages bool
	math        bool
	gutters     bool
	pictures    *[]*html.Node
}

func (t tidier) tidy(n *html.Node) {
	base := t.base
	// Told before its picture is tidied into the link's words (tidyImage).
	linkedPicture := t.apartImages && n.Type == html.ElementNode && n.DataAtom == atom.A && holdsOnlyPictures(n)
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		t.tidy(c)
		c = next
	}
	if n.Type == html.TextNode {
		// Clean the decoded text, where "&#27;[31m" is a whole escape
		// sequence again; the converter's escaping would split one up.
		n.Data = CleanText(n.Data)
	}
	if n.Type != html.ElementNode {
		return
	}
	if n.Namespace == "math" {
		if n.Data == "math" && n.Parent != nil {
			tidyMath(n)
		}
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if !t.former && inTableCell(n) {
			// A line break would end the table's row in Markdown.
			n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n)
			n.Parent.RemoveChild(n)
			return
		}
	case atom.Img:
		if link := tidyImage(n, base, t.former); link != nil && t.apartImages {
			*t.pictures = append(*t.pictures, link)
		}
		return
	case atom.Iframe, atom.Video, atom.Audio:
		tidyEmbed(n, base)
		return
	case atom.Sup, atom.Sub:
		if t.scripts && n.Parent != nil && !inCode(n) {
			tidyScript(n)
			return
		}
	case atom.A:
		href := resolveLink(attr(n, "href"), base)
		if href == "" {
			unwrap(n)
			return
		}
		setAttr(n, "href", href)
		if linkedPicture && !isEmptyElement(n) {
			*t.pictures = append(*t.pictures, n)
		}
	}
	if n.Parent != nil && removableWhenEmpty[n.DataAtom] && isEmptyElement(n) {
		n.Parent.RemoveChild(n)
	}
}

// tidyImage replaces an image by a link to it (or, inside a link, by its
// alt text), and drops tracking pixels and images without a source. link
// is the link it made, nil for none.
func tidyImage(n *html.Node, base *url.URL, former bool) (link *html.Node) {
	// A lazily loaded picture's src is a placeholder, when it has one.
	src := ""
	if !former {
		src = lazySource(n, base)
		if src == "" {
			src = firstSrcset(attr(n, "data-srcset"), base)
		}
	}
	if src == "" {
		src = resolveLink(attr(n, "src"), base)
	}
	if src == "" && !former {
		src = firstSrcset(attr(n, "srcset"), base)
	}
	if src == "" || isPixel(attr(n, "width")) || isPixel(attr(n, "height")) {
		n.Parent.RemoveChild(n)
		return nil
	}
	text := strings.TrimSpace(attr(n, "alt"))
	if text == "" {
		text = strings.TrimSpace(attr(n, "title"))
	}
	inLink := false
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			inLink = true
			break
		}
	}
	if inLink {
		// The link's words, or "image" when it has none of its own: a
		// picture linked to its larger self is a link still.
		if text == "" && !former && isEmptyElement(linkOf(n)) {
			text = "image"
		}
		if text != "" {
			n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: text}, n)
		}
		n.Parent.RemoveChild(n)
		return nil
	}
	if text == "" {
		text = "image"
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A,
		Attr: []html.Attribute{{Key: "href", Val: src}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	n.Parent.InsertBefore(a, n)
	n.Parent.RemoveChild(n)
	return a
}

// holdsOnlyPictures reports whether link, an <a>, holds a picture and no
// words: a thumbnail linking to its story (<a href="story"><img …></a>),
// which is written apart from its neighbours as a bare picture is.
func holdsOnlyPictures(link *html.Node) bool {
	picture := false
	for d := range link.Descendants() {
		switch {
		case d.Type == html.TextNode && strings.TrimSpace(d.Data) != "":
			return false
		case d.Type == html.ElementNode && d.DataAtom == atom.Img:
			picture = true
		}
	}
	return picture
}

// apartImage puts a space between link, a picture written as a link to
// it or a link holding only a picture, and the words or pictures it
// touches on either side (<img src="pic.jpg">Many players…, as Golem.de's
// feeds write their teasers): the reader shows a link as its text and its
// address, and "image https://example.com/pic.jpgMany players" reads as
// one address. Punctuation that opens before it stays against it, as
// before a word ("(image https://…/pic.jpg"), and so does what a
// terminal ends an address at after it (continuesAddress).
func apartImage(link *html.Node) {
	if prev := inlineBeside(link, false); prev != nil && touches(prev, false) {
		link.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, link)
	}
	if next := inlineBeside(link, true); next != nil && touches(next, true) {
		link.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, link.NextSibling)
	}
}

// inlineBeside is the node read right after n (after), or right before
// it, in the same line of text: its sibling there, else, n being the last
// (or first) in an inline element, that element's, and so on; nil at the
// edge of a block.
func inlineBeside(n *html.Node, after bool) *html.Node {
	for ; n.Parent != nil; n = n.Parent {
		if s := sibling(n, after); s != nil {
			return s
		}
		if !inlineElements[n.Parent.DataAtom] {
			return nil
		}
	}
	return nil
}

// sibling is n's next sibling (after), else its previous one.
func sibling(n *html.Node, after bool) *html.Node {
	if after {
		return n.NextSibling
	}
	return n.PrevSibling
}

// touches reports whether n, an inline neighbour of a picture's link,
// meets it without white space between: n is text, or an inline element
// holding text or a picture, that starts with what would run into the
// picture's address (after: continuesAddress), or ends with a character
// a picture is written apart from (standsApartFrom).
func touches(n *html.Node, after bool) bool {
	switch {
	case n.Type == html.TextNode:
		if after {
			return continuesAddress(n.Data)
		}
		r, size := utf8.DecodeLastRuneInString(n.Data)
		return size > 0 && standsApartFrom(r)
	case n.Type != html.ElementNode || !inlineElements[n.DataAtom]:
		return false
	case n.DataAtom == atom.Img:
		return true
	}
	child := n.FirstChild
	if !after {
		child = n.LastChild
	}
	return child != nil && touches(child, after)
}

// standsApartFrom reports whether a picture's link is written with a
// space between it and r, the character before it: not when r is white
// space already (a no-break space too), one of openingMarks, a mark
// written against a word on either side (eitherSideMarks), or a Chinese
// or Japanese character, as those languages write no spaces between words.
func standsApartFrom(r rune) bool {
	return !unicode.IsSpace(r) && !strings.ContainsRune(openingMarks, r) &&
		!strings.ContainsRune(eitherSideMarks, r) && !isCJKWordRune(r)
}

// continuesAddress reports whether s, the text right after a picture's
// link, starts with what a terminal's or a linkifier's URL detection
// takes into the address the reader shows: a letter of any script (a
// Chinese one too: "…/e.png楽しかった" is taken whole), a digit, or a mark
// an address holds (addressMarks); or a mark an address ends at only
// when nothing of an address follows it (addressEndMarks: "…/s.jpg."
// ends at the stop, "…/s.jpg.Next" does not). Other marks, closing
// brackets and quotes, dashes and Chinese and Japanese stops, end it.
func continuesAddress(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case size == 0:
		return false
	case strings.ContainsRune(addressEndMarks, r):
		next, _ := utf8.DecodeRuneInString(s[size:])
		return inAddress(next)
	}
	return inAddress(r)
}

// inAddress reports whether URL detection takes r into an address
// wherever it stands in it (continuesAddress).
func inAddress(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) ||
		strings.ContainsRune(addressMarks, r)
}

// addressMarks are the marks an address holds anywhere in it;
// addressEndMarks those it holds but not at its end.
const (
	addressMarks    = "/-_~#%&=+@$*"
	addressEndMarks = ".,:;!?'"
)

// isCJKWordRune reports whether r is a Chinese ideograph or a Japanese
// kana, or the mark that lengthens a kana's sound.
func isCJKWordRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// openingMarks are the marks written right before a word, with no space
// after them: brackets, the quotation marks that open a quote low
// („ ‚) and Spanish's inverted marks (¿ ¡). Chinese and Japanese
// full-width brackets follow the Western ones.
const openingMarks = "([{„‚¿¡" + "「『（【〈《〔［｛〘〖〚"

// eitherSideMarks are the marks written against a word on either side
// of it: straight quotes, which open and close alike, dashes and a
// slash, and the quotation marks that open a quote in one language and
// close it in another (“ ‘ in English and German, guillemets turned
// either way in French and German). ” and ’ open only in Swedish and
// Finnish: after one of them, as after a word, a picture stands apart.
const eitherSideMarks = `"'—–/` + "“‘«»‹›"

// inlineElements are the elements the sanitiser keeps that are read
// within a line of text.
var inlineElements = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Cite: true, atom.Code: true, atom.Del: true,
	atom.Em: true, atom.I: true, atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Mark: true,
	atom.Picture: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true,
	atom.Var: true,
}

// lazySources are the attributes where pages that load their pictures
// late keep the picture's address, src holding a placeholder (a data: URL
// the sanitiser drops, a spinner, a blank image) or nothing.
var lazySources = []string{"data-src", "data-lazy-src", "data-original"}

// lazySource is the address of a lazily loaded picture: the first of
// lazySources that resolves.
func lazySource(n *html.Node, base *url.URL) string {
	for _, key := range lazySources {
		if src := resolveLink(attr(n, key), base); src != "" {
			return src
		}
	}
	return ""
}

// firstSrcset is the first candidate of a srcset that resolves, read as
// browsers read one: an address runs to white space (commas in it are
// its own, as in Cloudinary's w_400,h_300) or to a comma that ends it,
// then its descriptor to the next comma; data: placeholders are passed.
func firstSrcset(srcset string, base *url.URL) string {
	const space = " \t\n\r\f"
	s := srcset
	for {
		s = strings.TrimLeft(s, space+",")
		if s == "" {
			return ""
		}
		end := strings.IndexAny(s, space)
		if end < 0 {
			end = len(s)
		}
		cand := s[:end]
		s = s[end:]
		if trimmed := strings.TrimRight(cand, ","); trimmed != cand {
			cand = trimmed // no descriptor
		} else if i := strings.IndexByte(s, ','); i >= 0 {
			s = s[i+1:] // past the descriptor
		} else {
			s = ""
		}
		if strings.HasPrefix(strings.ToLower(cand), "data:") {
			continue
		}
		if src := resolveLink(cand, base); src != "" {
			return src
		}
	}
}

// inTableCell reports whether n is in a table's cell.
func inTableCell(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Td || p.DataAtom == atom.Th {
			return true
		}
	}
	return false
}

// linkOf is the link n is in.
func linkOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			return p
		}
	}
	return nil
}

// tidyEmbed replaces an embedded player (an iframe) or a video or audio
// element by a link to what it plays, named by its title, else "video",
// "audio" or "embedded: HOST"; what such an element holds is only what
// browsers without it show. One without an address goes.
func tidyEmbed(n *html.Node, base *url.URL) {
	src := resolveLink(attr(n, "src"), base)
	for c := n.FirstChild; c != nil && src == ""; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Source {
			src = resolveLink(attr(c, "src"), base)
		}
	}
	if src == "" || linkOf(n) != nil {
		n.Parent.RemoveChild(n)
		return
	}
	text := strings.TrimSpace(attr(n, "title"))
	if text == "" {
		text = n.Data
		if n.DataAtom == atom.Iframe {
			text = "embedded"
			if u, err := url.Parse(src); err == nil && u.Host != "" {
				text = "embedded: " + u.Host
			}
		}
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A,
		Attr: []html.Attribute{{Key: "href", Val: src}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	link := a
	if !inTableCell(n) { // a paragraph would end the table's row
		link = &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		link.AppendChild(a)
	}
	n.Parent.InsertBefore(link, n)
	n.Parent.RemoveChild(n)
}

// tidyMath writes n, a <math> element, as text a terminal shows: its
// TeX (its alttext when it reads as TeX, else its annotation in TeX) as
// code, else its alttext or the text of its tokens (mathText). Math
// displayed as a block (display="block") is a paragraph or a code block
// of its own, unless in a table's cell, whose row a block would end.
func tidyMath(n *html.Node) {
	text, tex := mathSource(n)
	if text == "" {
		n.Parent.RemoveChild(n)
		return
	}
	math := &html.Node{Type: html.TextNode, Data: text}
	if tex {
		code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
		code.AppendChild(math)
		math = code
	}
	if strings.EqualFold(strings.TrimSpace(attr(n, "display")), "block") && !inTableCell(n) {
		block := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		if tex {
			block = &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
		}
		block.AppendChild(math)
		math = block
	}
	n.Parent.InsertBefore(math, n)
	n.Parent.RemoveChild(n)
}

// mathSource is what math, a <math> element, is read as: its alttext,
// else the TeX of an annotation (<annotation encoding="application/x-tex">),
// else the text of its tokens (mathText); tex says it is TeX, shown as
// code. Wikipedia's {\displaystyle …} around its TeX goes.
func mathSource(math *html.Node) (text string, tex bool) {
	if alt := oneSpaced(CleanText(attr(math, "alttext"))); alt != "" {
		if !texMarks.MatchString(alt) {
			return alt, false
		}
		return texStyle.ReplaceAllString(alt, "$1"), true
	}
	for d := range math.Descendants() {
		if d.Type == html.ElementNode && d.Data == "annotation" && texEncodings[strings.ToLower(strings.TrimSpace(attr(d, "encoding")))] {
			if s := textOf(d); s != "" {
				return texStyle.ReplaceAllString(s, "$1"), true
			}
		}
	}
	return mathText(math), false
}

// texEncodings are the encodings an annotation of TeX is said to be in.
var texEncodings = map[string]bool{"application/x-tex": true, "application/x-latex": true, "tex": true, "latex": true}

// texMarks are what TeX holds and words do not: a command, a group, a
// superscript or a subscript.
var texMarks = regexp.MustCompile(`[\\{}^_]`)

// texStyle is Wikipedia's TeX around an expression, which says only how
// large to draw it.
var texStyle = regexp.MustCompile(`^\{\\(?:displaystyle|textstyle)\s*(.*)\}$`)

// oneSpaced is s with its runs of white space one space, none at its ends.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// mathText is the text of math, MathML, as it would be typed: its tokens
// in order, operators spaced ("a ≠ 0"), a superscript (or what is over
// its base) after a caret and a subscript (or what is under) after an
// underscore ("ax^2", "x_(i + 1)"), a fraction with a slash, a root with
// √, a table's rows apart by semicolons.
func mathText(math *html.Node) string {
	var b strings.Builder
	writeMathRow(&b, math)
	return oneSpaced(b.String())
}

// writeMathRow writes the children of n one after another (mathText).
// An element that starts with a letter or a digit is spaced from a
// script group before it, else it reads as more of the script: "x^2 y",
// not "x^2y" (x to the 2y); "∑_(i = 1)^n x_i".
func writeMathRow(b *strings.Builder, n *html.Node) {
	first, afterScript := true, false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(strings.TrimSpace(c.Data))
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == "mo" {
			writeOperator(b, textOf(c), first)
		} else {
			var e strings.Builder
			writeMath(&e, c)
			if r, _ := utf8.DecodeRuneInString(e.String()); afterScript && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteString(" ")
			}
			b.WriteString(e.String())
		}
		first, afterScript = false, isScriptGroup(c)
	}
}

// isScriptGroup reports whether n, a MathML element, is written ending
// with a script: a base with a superscript or subscript, or with what
// goes over or under it, or a row whose last element is one.
func isScriptGroup(n *html.Node) bool {
	switch n.Data {
	case "msup", "msub", "mover", "munder", "msubsup", "munderover":
		return true
	case "mrow", "mstyle", "mpadded":
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				return isScriptGroup(c)
			}
		}
	}
	return false
}

// writeOperator writes op, an operator, spaced as it is typed: a bracket
// or a stop against its neighbours, a comma with a space after it, an
// operator first in its row ("−b") against what follows, others with a
// space on either side. Invisible ones (function application, invisible
// times) are not written.
func writeOperator(b *strings.Builder, op string, first bool) {
	switch {
	case op == "" || strings.Trim(op, "\u2061\u2062\u2063\u2064") == "":
	case strings.Contains("()[]{}|‖⟨⟩⌈⌉⌊⌋.!′″'", op):
		b.WriteString(op)
	case op == "," || op == ";":
		b.WriteString(op + " ")
	case first:
		b.WriteString(op)
	default:
		b.WriteString(" " + op + " ")
	}
}

// mathScripts is what writeMath writes between a MathML element's base
// and its one script.
var mathScripts = map[string]string{"msup": "^", "msub": "_", "mover": "^", "munder": "_"}

// writeMath writes n, a MathML element (mathText).
func writeMath(b *strings.Builder, n *html.Node) {
	var args []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			args = append(args, c)
		}
	}
	switch {
	case n.Data == "annotation" || n.Data == "annotation-xml":
		// Another way to say what the element beside it says.
	case n.Data == "semantics" && len(args) > 0:
		writeMath(b, args[0])
	case mathScripts[n.Data] != "" && len(args) == 2:
		// x^2, x_i, and what goes over or under a sum likewise.
		writeMath(b, args[0])
		b.WriteString(mathScripts[n.Data])
		writeMathGroup(b, args[1])
	case (n.Data == "msubsup" || n.Data == "munderover") && len(args) == 3:
		writeMath(b, args[0])
		b.WriteString("_")
		writeMathGroup(b, args[1])
		b.WriteString("^")
		writeMathGroup(b, args[2])
	case n.Data == "mfrac" && len(args) == 2:
		writeMathGroup(b, args[0])
		b.WriteString("/")
		writeMathGroup(b, args[1])
	case n.Data == "msqrt":
		b.WriteString("√(")
		writeMathRow(b, n)
		b.WriteString(")")
	case n.Data == "mroot" && len(args) == 2:
		writeMathGroup(b, args[1])
		b.WriteString("√")
		writeMathGroup(b, args[0])
	case n.Data == "mspace":
		b.WriteString(" ")
	case n.Data == "mtable" || n.Data == "mtr":
		// Rows apart by semicolons, their cells by commas.
		for i, c := range args {
			if i > 0 {
				b.WriteString(map[string]string{"mtable": "; ", "mtr": ", "}[n.Data])
			}
			writeMath(b, c)
		}
	case n.Data == "mo":
		// An operator with a script, as ∑ with its bounds: against them.
		b.WriteString(textOf(n))
	default:
		writeMathRow(b, n)
	}
}

// writeMathGroup writes n as writeMath does, in parentheses when it is
// more than one character ("x^(n+1)", not "x^n+1").
func writeMathGroup(b *strings.Builder, n *html.Node) {
	var g strings.Builder
	writeMath(&g, n)
	s := oneSpaced(g.String())
	if utf8.RuneCountInString(s) > 1 && !(strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) {
		s = "(" + s + ")"
	}
	b.WriteString(s)
}

// isPixel reports whether an image dimension is 0 or 1 ("1", "1px").
func isPixel(dim string) bool {
	dim = strings.TrimSuffix(strings.TrimSpace(dim), "px")
	n, err := strconv.Atoi(dim)
	return err == nil && n <= 1
}

// resolveLink makes href absolute against base, and returns "" for a link
// that stays relative or only points inside the page.
func resolveLink(href string, base *url.URL) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || !linkSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	return u.String()
}

// removableWhenEmpty are elements that mean nothing without content.
var removableWhenEmpty = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Span: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.A: true, atom.Em: true, atom.Strong: true, atom.B: true,
	atom.I: true, atom.U: true, atom.S: true, atom.Del: true, atom.Ins: true, atom.Strike: true,
	atom.Small: true, atom.Mark: true, atom.Sub: true, atom.Sup: true, atom.Blockquote: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Code: true, atom.Pre: true, atom.Q: true, atom.Cite: true, atom.Abbr: true,
	atom.Time: true, atom.Picture: true, atom.Details: true, atom.Summary: true,
	atom.Table: true, atom.Caption: true,
}

// isEmptyElement reports whether n holds no text and no rule.
func isEmptyElement(n *html.Node) bool {
	for d := range n.Descendants() {
		switch {
		case d.Type == html.TextNode && strings.TrimSpace(d.Data) != "":
			return false
		case d.Type == html.ElementNode && (d.DataAtom == atom.Hr || d.DataAtom == atom.Td || d.DataAtom == atom.Th):
			return false
		}
	}
	return true
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
		c = next
	}
	n.Parent.RemoveChild(n)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// parseHTMLFile reads an article page (parseHTMLPage) whose address is
// not known.
func parseHTMLFile(data []byte) (Article, error) {
	return parseHTMLPage(data, "")
}

// legacyHTMLPage is parseHTMLPage as tidings read pages before it looked
// for the story as a reader view does: the title from <title> or the
// first <h1>, date, author, source, link and tags from meta tags (else the
// date of the first <time>), and the body from the first <article> or
// <main> when there is one, else <body>. A page without an id of its own
// is known by the id this reading gives it too (parseHTMLPage), so it
// must go on reading as it did: its date as formerTime reads it.
func legacyHTMLPage(data []byte, pageURL string) (Article, error) {
	page := baseURL(pageURL)
	doc, flat, err := parseHTML(htmlUTF8(trimBOM(data)))
	if err != nil {
		return Article{}, err
	}
	var art Article
	if flat {
		art.Warnings = append(art.Warnings, "the page nests more than 512 elements deep; it was read with its nesting flattened")
	}
	meta := map[string]string{}
	var title, h1, timeAttr string
	var article, main, body *html.Node
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Title:
			if title == "" {
				title = textOf(n)
			}
		case atom.H1:
			if h1 == "" {
				h1 = textOf(n)
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			if key == "article:tag" {
				art.Tags = append(art.Tags, attr(n, "content"))
			} else if _, seen := meta[key]; key != "" && !seen {
				meta[key] = strings.TrimSpace(attr(n, "content"))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && meta["canonical"] == "" {
				meta["canonical"] = attr(n, "href")
			}
		case atom.Time:
			if timeAttr == "" {
				timeAttr = attr(n, "datetime")
			}
		case atom.Article:
			article = firstOf(article, n)
		case atom.Main:
			main = firstOf(main, n)
		case atom.Body:
			body = firstOf(body, n)
		}
	}
	pick := func(keys ...string) string {
		for _, k := range keys {
			if v := meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	art.Title = strings.TrimSpace(title)
	if art.Title == "" {
		art.Title = strings.TrimSpace(h1)
	}
	art.URL = pick("og:url", "canonical")
	linkBase := art.URL
	if page != nil {
		if u, err := page.Parse(strings.TrimSpace(art.URL)); art.URL != "" && err == nil {
			art.URL = u.String()
		}
		if art.URL == "" {
			art.URL = page.String()
		}
		linkBase = page.String()
	}
	art.Author = pick("author", "article:author", "dc.creator", "parsely-author", "byl")
	if strings.Contains(art.Author, "://") {
		art.Author = "" // a profile page's address, not a name
	}
	art.Author = strings.TrimSpace(strings.TrimPrefix(art.Author, "By "))
	art.Source = pick("og:site_name", "application-name")
	if art.Source == "" {
		if u := baseURL(art.URL); u != nil {
			art.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	date := pick("article:published_time", "og:published_time", "datepublished", "date", "dc.date",
		"dcterms.date", "dc.date.issued", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date")
	if date == "" {
		date = timeAttr
	}
	if t, ok := formerTime(date); ok {
		art.Published = t
	} else if date != "" {
		art.Warnings = append(art.Warnings, "cannot read "+strconv.Quote(date)+" as a date")
	}

	content := article
	if content == nil {
		content = main
	}
	if content == nil {
		content = body
	}
	if content != nil {
		var b strings.Builder
		if err := html.Render(&b, content); err != nil {
			return art, err
		}
		md, err := HTMLToMarkdown(b.String(), linkBase)
		if err != nil {
			return art, err
		}
		dropTitle := func(md string) string {
			if heading, rest := firstHeading(md); heading != "" && rest != "" && heading == plainText(art.Title) {
				return strings.TrimSpace(rest)
			}
			return md
		}
		art.Body = dropTitle(md)
		if former, err := formerMarkdown(b.String(), linkBase); err == nil && former != md {
			art.FormerBody = dropTitle(former)
		}
	}
	return art, nil
}

// firstOf keeps the first of the nodes found.
func firstOf(found, n *html.Node) *html.Node {
	if found != nil {
		return found
	}
	return n
}

// textOf is the text inside n, white space folded.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
