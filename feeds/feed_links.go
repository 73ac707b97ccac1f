package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
)

// contentSources gives, per entry, the address of its content when the
// content is out of line (Atom's <content src="…">, RFC 4287 4.1.3.2,
// which the parser resolves against xml:base but does not keep as a
// link), else "": where the article is, for an entry without a link of
// its own.
func contentSources(f *gofeed.Feed) func(i int) string {
	if orig, ok := f.OriginalFeed().(*atom.Feed); ok && len(orig.Entries) == len(f.Items) {
		return func(i int) string {
			if c := orig.Entries[i].Content; c != nil {
				return c.Src
			}
			return ""
		}
	}
	return func(int) string { return "" }
}

// permalinkGUIDs reports, per entry, whether it is an RSS item whose guid
// says it is a permalink (isPermaLink="true", customPermalink): such a
// guid, relative ("/posts/4"), is a link relative to the site, as the
// item's link would be. A relative guid that does not say so is taken for
// no link, as newsboat takes it: without the attribute most are numbers
// or tags ("1234"), which resolved would be links to nothing.
func permalinkGUIDs(f *gofeed.Feed) func(i int) bool {
	return func(i int) bool { return f.Items[i].Custom[customPermalink] == "true" }
}

// customUnpadded, followed by a link as the parser gives it, is the key in
// a parsed feed's Custom map of that link read without the spaces the feed
// wrote after it (unpaddedLinks).
const customUnpadded = "tidings/unpadded "

// paddedLinkAttr finds, by a quick look, an attribute the parser reads as
// a link (parserLinkAttr) whose value ends in a space, written or as a
// character reference: only then is the document read again for them. It
// may find one in text that only looks like such an attribute.
var paddedLinkAttr = regexp.MustCompile(`(?i)(?:href|src|uri)\s*=\s*(?:"[^"]*(?: |&#0*32;|&#x0*20;)"|'[^']*(?: |&#0*32;|&#x0*20;)')`)

// parserLinkAttr reports whether the parser reads an attribute named name
// as a link and resolves it against the xml:base in scope: an Atom link's
// href, an out-of-line content's src, whatever element has them.
func parserLinkAttr(name string) bool {
	switch strings.ToLower(name) {
	case "href", "src", "uri":
		return true
	}
	return false
}

// unpaddedLinks records in parsed, read from data, each link the parser
// read from an attribute whose value ends in spaces
// (href="  https://example.org/a  "), with what it reads as without them:
// the parser trims the spaces before a link but not those after it, and
// writes those as part of the address (https://example.org/a%20%20),
// where browsers trim them, as they trim a link's spaces (the WHATWG URL
// standard). A link the feed wrote with %20 at its end keeps it.
func unpaddedLinks(parsed *gofeed.Feed, data []byte) {
	if parsed.FeedType == "json" || !paddedLinkAttr.Match(data) {
		return
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// The document is UTF-8 already (decodeFeed), whatever its prolog says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var bases []*url.URL // the xml:base in scope in each open element
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var parent *url.URL
			if len(bases) > 0 {
				parent = bases[len(bases)-1]
			}
			base := parserBase(t, parent)
			bases = append(bases, base)
			for _, a := range t.Attr {
				if !parserLinkAttr(a.Name.Local) {
					continue
				}
				trimmed := strings.Trim(a.Value, " ")
				if trimmed == strings.TrimLeft(a.Value, " ") {
					continue // nothing after it
				}
				read, ok := parserLink(base, a.Value)
				fixed, fixedOK := parserLink(base, trimmed)
				if ok && fixedOK && read != fixed {
					setCustom(&parsed.Custom, customUnpadded+read, fixed)
				}
			}
		case xml.EndElement:
			if len(bases) > 0 {
				bases = bases[:len(bases)-1]
			}
		}
	}
}

// parserBase is the xml:base in scope in t, whose parent's is parent, as
// the parser reads it: its own resolved against its parent's, else (none,
// or one that is not a URL) its parent's.
func parserBase(t xml.StartElement, parent *url.URL) *url.URL {
	for _, a := range t.Attr {
		if a.Name.Local != "base" || a.Name.Space != "http://www.w3.org/XML/1998/namespace" {
			continue
		}
		if a.Value == "" {
			return parent
		}
		u, err := url.Parse(a.Value)
		if err != nil {
			return parent
		}
		if parent != nil {
			u = parent.ResolveReference(u)
		}
		return u
	}
	return parent
}

// parserLink is the link the parser makes of an attribute's value raw
// with base in scope: raw with the spaces before it trimmed, resolved
// against base, whose path it takes for a folder's. ok is false when raw
// is not a URL, which the parser leaves as written.
func parserLink(base *url.URL, raw string) (link string, ok bool) {
	ref, err := url.Parse(strings.TrimLeft(raw, " "))
	if err != nil {
		return "", false
	}
	if base == nil {
		return ref.String(), true
	}
	b := *base
	if b.Path != "" && raw != "" && !strings.HasSuffix(b.Path, "/") {
		b.Path += "/"
	}
	return b.ResolveReference(ref).String(), true
}

// unpadded is link, as the parser read it from parsed, read without the
// spaces the feed wrote after it (unpaddedLinks); link itself when it had
// none.
func unpadded(parsed *gofeed.Feed, link string) string {
	if fixed, ok := parsed.Custom[customUnpadded+link]; ok {
		return fixed
	}
	return link
}
