package feeds

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"
)

// titleMarkup says how a feed writes a title: what of it is markup and
// what is text.
type titleMarkup int

const (
	// looseTitle is how RSS and JSON Feed titles are read, and feeds'
	// author names: the formats do not say, and feeds write text with angle
	// brackets ("Vec<T>", "the <script> element") as often as inline
	// markup ("<b>Breaking</b>: …"). Tags of inline elements go (inlineTag),
	// everything else is text; entities are decoded.
	looseTitle titleMarkup = iota
	// textTitle is an Atom text construct of type "text": literal text,
	// its entities decoded by the parser already (RFC 4287 §3.1.1.1).
	textTitle
	// htmlTitle is an Atom text construct of type "html" or "xhtml".
	htmlTitle
)

// atomTitleMarkup is how an Atom text construct with the type attribute
// typ is read: "html" and "xhtml" (and Atom 0.3's "text/html" and
// "application/xhtml+xml") are markup, anything else is text, as the
// parser decoded it.
func atomTitleMarkup(typ string) titleMarkup {
	switch t := strings.ToLower(strings.TrimSpace(typ)); {
	case t == "html", t == "text/html", strings.Contains(t, "xhtml"):
		return htmlTitle
	}
	return textTitle
}

// titleText is the text of a title written in markup m, cleaned to one
// line.
func titleText(s string, m titleMarkup) string {
	switch m {
	case textTitle:
		return CleanLine(s)
	case htmlTitle:
		return CleanLine(markupText(s))
	}
	return CleanLine(looseText(s))
}

// inlineTag matches a start, end or empty tag of an inline element that
// feeds put in titles, in any case, with or without attributes. The
// element's name is the first group.
var inlineTag = regexp.MustCompile(`(?i)</?(a|abbr|b|br|cite|code|del|em|font|i|ins|mark|s|small|span|strike|strong|sub|sup|u|wbr)` +
	`(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=` + "`" + `]+))?)*\s*/?>`)

// looseText reads s as looseTitle does: the tags inlineTag matches go (a
// line break leaves a space), every other angle bracket stays as text, and
// entities are decoded. A "<script>" in a title is a word of the title:
// nothing after it is dropped.
func looseText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	s = inlineTag.ReplaceAllStringFunc(s, func(tag string) string {
		if strings.EqualFold(inlineTag.FindStringSubmatch(tag)[1], "br") {
			return " "
		}
		return ""
	})
	return html.UnescapeString(s)
}

// markupText is the text of HTML markup: tags go, entities are decoded,
// and a script or style element goes with what it holds. One left open is
// not an element but words of the title: it stays as written, with what
// follows it.
func markupText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var open []byte // an open script or style element as written, and what it holds so far
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			b.WriteString(html.UnescapeString(string(open)))
			return b.String()
		case xhtml.TextToken:
			if open != nil {
				open = append(open, z.Raw()...)
			} else {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken:
			if name, _ := z.TagName(); open == nil && isRawTextElement(name) {
				open = bytes.Clone(z.Raw())
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); open != nil && isRawTextElement(name) {
				open = nil
			}
		}
	}
}
