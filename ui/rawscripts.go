package ui

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"tidings/feeds"
	"tidings/store/anchor"
)

// Glamour drops the tags of raw HTML in Markdown and keeps the text, so
// 10<sup>6</sup> reads 106. The reader writes a superscript or subscript
// as an HTML import does (feeds.ScriptText): 10⁶, H₂O, e^(iπ).

// scriptTag is an HTML superscript's or subscript's opening or closing tag.
var scriptTag = regexp.MustCompile(`^(?i)<(/?)(sup|sub)(\s[^>]*)?>$`)

// scriptElement is a superscript or subscript of words alone in HTML.
var scriptElement = regexp.MustCompile(`(?i)<(sup|sub)(?:\s[^>]*)?>([^<>]*)</(sup|sub)\s*>`)

// rawScripts rewrites md's superscripts and subscripts written in HTML, in
// running text (not code), as the reader shows them.
func rawScripts(md string) string {
	if !containsFold(md, "<su") {
		return md
	}
	src := []byte(md)
	doc := softBreakParser.Parse(text.NewReader(src))
	var cuts []anchor.Edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if block, ok := n.(*ast.HTMLBlock); ok && entering && block.HTMLBlockType >= ast.HTMLBlockType6 {
			// A block of HTML, which glamour shows as its text: each
			// superscript or subscript of words alone in it.
			lines := block.Lines()
			for i := range lines.Len() {
				l := lines.At(i)
				for _, m := range scriptElement.FindAllSubmatchIndex(src[l.Start:l.Stop], -1) {
					open, inner, end := string(src[l.Start+m[2]:l.Start+m[3]]), string(src[l.Start+m[4]:l.Start+m[5]]), string(src[l.Start+m[6]:l.Start+m[7]])
					if !strings.EqualFold(open, end) {
						continue
					}
					after := isDigitBefore(src[:l.Start+m[0]])
					cuts = append(cuts, anchor.Edit{From: l.Start + m[0], To: l.Start + m[1], With: feeds.ScriptText(inner, strings.EqualFold(open, "sup"), after)})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		open, ok := n.(*ast.RawHTML)
		if !entering || !ok || open.Segments.Len() != 1 {
			return ast.WalkContinue, nil
		}
		seg := open.Segments.At(0)
		m := scriptTag.FindSubmatch(src[seg.Start:seg.Stop])
		if m == nil || len(m[1]) > 0 {
			return ast.WalkContinue, nil
		}
		sup := strings.EqualFold(string(m[2]), "sup")
		// Its closing tag, among the nodes after it in the same line of
		// text; what is between them is words, or links of words (a
		// footnote's number).
		var inner []*ast.Text
		var links []anchor.Edit // each link's tags, as they are written instead
		var link *anchor.Edit   // the link open, if one is
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if c, ok := s.(*ast.RawHTML); ok && c.Segments.Len() == 1 {
				cs := c.Segments.At(0)
				tag := src[cs.Start:cs.Stop]
				if link == nil && anchorOpen.Match(tag) {
					link = &anchor.Edit{From: cs.Start, To: cs.Stop, With: rawHref(string(tag))}
					continue
				}
				if link != nil && anchorClose.Match(tag) {
					open, close := "", ""
					if link.With != "" {
						open, close = "[", "]("+markdownDestination(link.With)+")"
					}
					links = append(links, anchor.Edit{From: link.From, To: link.To, With: open}, anchor.Edit{From: cs.Start, To: cs.Stop, With: close})
					link = nil
					continue
				}
				cm := scriptTag.FindSubmatch(tag)
				if link != nil || cm == nil || len(cm[1]) == 0 || !strings.EqualFold(string(cm[2]), string(m[2])) {
					return ast.WalkContinue, nil // another tag inside: left as it is
				}
				words := ""
				for _, t := range inner {
					words += string(t.Segment.Value(src))
				}
				after := seg.Start > 0 && isDigitBefore(src[:seg.Start])
				shown := feeds.ScriptText(words, sup, after)
				switch {
				case strings.TrimSpace(words) == "":
					cuts = append(cuts, anchor.Edit{From: seg.Start, To: seg.Stop, With: ""}, anchor.Edit{From: cs.Start, To: cs.Stop, With: ""})
					for _, l := range links {
						cuts = append(cuts, anchor.Edit{From: l.From, To: l.To, With: ""})
					}
					return ast.WalkContinue, nil
				case shown == strings.TrimSpace(words):
					cuts = append(cuts, anchor.Edit{From: seg.Start, To: seg.Stop, With: ""}, anchor.Edit{From: cs.Start, To: cs.Stop, With: ""})
				case strings.HasPrefix(shown, "^(") || strings.HasPrefix(shown, "_("):
					mark := "^("
					if !sup {
						mark = `\_(`
					}
					cuts = append(cuts, anchor.Edit{From: seg.Start, To: seg.Stop, With: mark}, anchor.Edit{From: cs.Start, To: cs.Stop, With: ")"})
				default:
					cuts = append(cuts, anchor.Edit{From: seg.Start, To: seg.Stop, With: ""}, anchor.Edit{From: cs.Start, To: cs.Stop, With: ""})
					for _, t := range inner {
						w := strings.TrimFunc(string(t.Segment.Value(src)), unicode.IsSpace)
						mapped, _ := feeds.ScriptCharacters(w, sup)
						cuts = append(cuts, anchor.Edit{From: t.Segment.Start, To: t.Segment.Stop, With: mapped})
					}
				}
				cuts = append(cuts, links...)
				return ast.WalkContinue, nil
			}
			t, ok := s.(*ast.Text)
			if !ok || t.SoftLineBreak() || t.HardLineBreak() {
				return ast.WalkContinue, nil
			}
			inner = append(inner, t)
		}
		return ast.WalkContinue, nil
	})
	return anchor.ApplyEdits(md, cuts)
}

// isDigitBefore reports whether src ends in a digit.
func isDigitBefore(src []byte) bool {
	r, _ := utf8.DecodeLastRune(src)
	return unicode.IsDigit(r)
}

// containsFold reports whether s holds sub, ASCII letters in any case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// anchorOpen and anchorClose are an HTML link's opening and closing tags.
var (
	anchorOpen  = regexp.MustCompile(`^(?i)<a(\s[^>]*)?>$`)
	anchorClose = regexp.MustCompile(`^(?i)</a\s*>$`)
	hrefAttr    = regexp.MustCompile(`(?i)\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
)

// rawHref is where the link whose opening tag is tag goes, when it is a
// link to open (http, https, mailto); not a place in the page the text
// came from (#fn1), nor an address relative to it.
func rawHref(tag string) string {
	m := hrefAttr.FindStringSubmatch(tag)
	if m == nil {
		return ""
	}
	href, _ := resolveLink(nil, html.UnescapeString(m[1]+m[2]+m[3]))
	return href
}

// markdownDestination is link written as a Markdown link's destination.
func markdownDestination(link string) string {
	var b strings.Builder
	for _, r := range link {
		switch r {
		case '(', ')', '<', '>', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case ' ':
			b.WriteString("%20")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
