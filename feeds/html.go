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

// storyMarkdown is HTMLToMarkdown for an article's body as it is read now,
// superscripts and subscripts written as such (ScriptText), links wrapped
// over lines unwrapped (unwrapLinks): the text of a page or a feed's entry.
// What its id is made of is read by HTMLToMarkdown, formerMarkdown or
// formerContentMarkdown, which read them as before, as text (10<sup>8</sup>
// as 108), a wrapped link as its text alone.
func storyMarkdown(src, base string) (string, error) {
	return convertHTML(unwrapLinks(src), tidier{base: baseURL(base), scripts: true})
}

// entryMarkdown is storyMarkdown for a feed's entry, its tables read as a
// page's story's are (storyTables): without, the cells of a table the
// Markdown cannot write as one run together ("AlphaBeta"); its pictures
// written apart from the text beside them (apartImages).
func entryMarkdown(src, base string) (string, error) {
	return convertHTML(unwrapLinks(src), tidier{base: baseURL(base), scripts: true, tables: true, apartImages: true})
}

func htmlToMarkdown(src, base string, former bool) (string, error) {
	return convertHTML(src, tidier{base: baseURL(base), former: former})
}

func convertHTML(src string, t tidier) (string, error) {
	policy := htmlPolicy()
	if t.former {
		policy = formerHTMLPolicy()
	}
	doc, _, err := parseHTML([]byte(policy.Sanitize(src)))
	if err != nil {
		return "", err
	}
	t.tidy(doc)
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
// words it touches (apartImage, entryMarkdown).
type tidier struct {
	base        *url.URL
	former      bool
	scripts     bool
	definitions bool
	tables      bool
	apartImages bool
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
			apartImage(link)
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
			apartImage(n)
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
// one address. Punctuation that closes after it or opens before it stays
// against it, as after or before a word ("(image https://…/pic.jpg).").
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
// holding text or a picture, that starts (after) or ends (else) with a
// character a picture is written apart from (standsApartFrom).
func touches(n *html.Node, after bool) bool {
	switch {
	case n.Type == html.TextNode:
		if after {
			r, size := utf8.DecodeRuneInString(n.Data)
			return size > 0 && standsApartFrom(r, closingMarks)
		}
		r, size := utf8.DecodeLastRuneInString(n.Data)
		return size > 0 && standsApartFrom(r, openingMarks)
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
// space between it and r, the character it touches: not when r is white
// space already (a no-break space too), one of marks (the marks that
// close after it or open before it), a mark written against a word on
// either side (eitherSideMarks), or a Chinese or Japanese character, as
// those languages write no spaces between words.
func standsApartFrom(r rune, marks string) bool {
	return !unicode.IsSpace(r) && !strings.ContainsRune(marks, r) &&
		!strings.ContainsRune(eitherSideMarks, r) && !isCJKWordRune(r)
}

// isCJKWordRune reports whether r is a Chinese ideograph or a Japanese
// kana, or the mark that lengthens a kana's sound.
func isCJKWordRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// closingMarks are the marks written right after a word, with no space
// before them: a picture's link is kept against them as a word is.
// Guillemets are in both: one against a picture, written without a
// space, quotes it whichever way the language turns them. Chinese and
// Japanese full-width marks follow the Western ones.
const closingMarks = ".,;:!?)]}”’«»…" + "。、，．！？：；」』）】〉》〕］｝〙〗〛"

// openingMarks are the marks written right before a word, with no space
// after them.
const openingMarks = "([{“‘„«»" + "「『（【〈《〔［｛〘〖〚"

// eitherSideMarks are the marks written against a word on either side
// of it: straight quotes, which open and close alike, dashes and a
// slash.
const eitherSideMarks = `"'—–/`

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
// must go on reading as it did.
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
	if t, ok := parseTime(date); ok {
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
