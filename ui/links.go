package ui

import (
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The links of an article: its own link, then those of its body, in the
// order they are read, each once. L in the reader lists them (linkspanel.go)
// as newsboat lists an article's links.

// bodyLink is one link of an article.
type bodyLink struct {
	text string // what the body says of it: the link's text, an image's description
	url  string // absolute
	own  bool   // the article's own link
}

// linkParser parses bodies as glamour does (GitHub's extensions, so bare
// addresses are links too). A goldmark.Markdown is safe for concurrent use.
var linkParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// maxLinks is as many links as the list keeps: enough for any article, and
// a body of a million links does not make a list of a million lines.
const maxLinks = 1000

// articleLinks lists the links a reader can open or copy: the article's own
// link first, then the body's links, images and bare addresses, resolved
// against the article's link when relative. Only http, https and mailto
// links are listed, each once; their texts are cleaned to one line. total
// counts them all, also those past maxLinks.
func articleLinks(title, own, body string) (links []bodyLink, total int) {
	var out []bodyLink
	seen := map[string]bool{}
	base, _ := url.Parse(strings.TrimSpace(own))
	add := func(label, dest string, isOwn bool) {
		u, ok := resolveLink(base, dest)
		if !ok || seen[u] {
			return
		}
		seen[u] = true
		if total++; len(out) < maxLinks {
			out = append(out, bodyLink{text: oneLine(label), url: u, own: isOwn})
		}
	}
	add(title, own, true)
	if body == "" {
		return out, total
	}
	src := []byte(body)
	doc := linkParser.Parser().Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			add(inlineText(n, src), destination(n.Destination), false)
		case *ast.Image:
			label := inlineText(n, src)
			if label == "" {
				label = "image"
			} else {
				label = "image: " + label
			}
			add(label, destination(n.Destination), false)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			u := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			add(string(n.Label(src)), u, false)
		}
		return ast.WalkContinue, nil
	})
	return out, total
}

// destination is a link destination as written, with its escapes and
// character references resolved.
func destination(raw []byte) string {
	return html.UnescapeString(string(util.UnescapePunctuations(raw)))
}

// resolveLink makes dest absolute against base and accepts it when it can
// be opened (checkLink).
func resolveLink(base *url.URL, dest string) (string, bool) {
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "#") {
		return "", false // nothing, or a place in the page the body came from
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	if !u.IsAbs() && base != nil && base.IsAbs() {
		u = base.ResolveReference(u)
	}
	s := u.String()
	if checkLink(s) != nil || wholeLine(s) != s {
		// Not one to open, or with what the screen must not show: a
		// control or line character anywhere in it, however long it is
		// (the screen draws its beginning; it is opened and copied
		// whole).
		return "", false
	}
	return s, true
}

// inlineText is the text of n's children as a reader sees it.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return html.UnescapeString(b.String())
}

// absoluteLinks returns body with its relative link and image destinations
// made absolute against own, the article's link, for glamour to show:
// glamour resolves them against nothing, showing "../other/page.html" as
// "/other/page.html". A body without relative links, or an article without
// an absolute link, is returned as it is; past maxRenderBytes, which the
// reader never renders, a body is left as it is.
func absoluteLinks(body, own string) string {
	if len(body) > maxRenderBytes {
		// Only the first maxRenderBytes are ever rendered (renderCut).
		return absoluteLinks(body[:maxRenderBytes], own) + body[maxRenderBytes:]
	}
	base, err := url.Parse(strings.TrimSpace(own))
	if err != nil || !base.IsAbs() || !hasRelativeLink(body) {
		return body
	}
	src := []byte(body)
	doc := linkParser.Parser().Parse(text.NewReader(src))
	var pairs []string
	var code [][2]int // code spans and blocks, shown as written
	seen := map[string]bool{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		var raw string
		switch n := n.(type) {
		case *ast.Link:
			raw = string(n.Destination)
		case *ast.Image:
			raw = string(n.Destination)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				code = append(code, [2]int{lines.At(i).Start, lines.At(i).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		default:
			return ast.WalkContinue, nil
		}
		if !entering || raw == "" || seen[raw] {
			return ast.WalkContinue, nil
		}
		seen[raw] = true
		dest := destination([]byte(raw))
		u, ok := resolveLink(base, dest)
		if !ok || u == dest {
			return ast.WalkContinue, nil
		}
		abs := "<" + u + ">"
		// As written: inline, (title after white space), in angle
		// brackets, or in a reference definition.
		for _, end := range []string{")", " ", "\t", "\n"} {
			pairs = append(pairs, "]("+raw+end, "]("+abs+end)
		}
		pairs = append(pairs, "](<"+raw+">", "]("+abs)
		for _, end := range []string{" ", "\t", "\n"} {
			pairs = append(pairs, "]: "+raw+end, "]: "+abs+end)
		}
		pairs = append(pairs, "]: <"+raw+">", "]: "+abs)
		return ast.WalkContinue, nil
	})
	if len(pairs) == 0 {
		return body
	}
	r := strings.NewReplacer(pairs...)
	var b strings.Builder
	at := 0
	for _, c := range code { // in order, as the walk found them
		if c[0] < at {
			continue
		}
		b.WriteString(r.Replace(body[at:c[0]]))
		b.WriteString(body[c[0]:c[1]])
		at = c[1]
	}
	b.WriteString(r.Replace(body[at:]))
	return b.String()
}

// hasRelativeLink reports whether body may hold a link destination that is
// not absolute: one after "](" or "]:" that starts otherwise than with a
// scheme tidings opens or "#".
func hasRelativeLink(body string) bool {
	for i := 0; i < len(body); {
		j := strings.Index(body[i:], "]")
		if j < 0 {
			return false
		}
		i += j + 1
		if i >= len(body) || (body[i] != '(' && body[i] != ':') {
			continue
		}
		rest := strings.TrimLeft(body[i+1:min(i+64, len(body))], " \t<")
		if rest == "" {
			continue
		}
		lower := strings.ToLower(rest)
		if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") &&
			!strings.HasPrefix(lower, "mailto:") && rest[0] != '#' && rest[0] != ')' {
			return true
		}
	}
	return false
}
