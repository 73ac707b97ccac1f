package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Keys under which parseFeedDocument keeps, in the Custom maps of the
// parsed feed and its items, what the parser reads but does not keep. An
// XML name cannot hold a slash, so none of a feed's own elements (which
// the parser keeps there by name) can take them.
const (
	// customTitleMarkup is "text" or "html": the type of an Atom feed's or
	// entry's title (atomTitleMarkup).
	customTitleMarkup = "tidings/title-markup"
	// customXMLBase is the xml:base in scope at an RSS item, as written
	// (it may be relative to the document).
	customXMLBase = "tidings/xml-base"
	// customSummaryMarkup is "text" or "html": the type of an Atom entry's
	// summary, which is text unless it says otherwise.
	customSummaryMarkup = "tidings/summary-markup"
	// customXHTMLPrefixes are the namespace prefixes (separated by spaces)
	// bound to XHTML where an Atom entry's content or summary has XHTML
	// elements: "xhtml" for <xhtml:div>, which any prefix may stand for
	// (RFC 4287 3.1.1.3).
	customXHTMLPrefixes = "tidings/xhtml-prefixes"
	// customPermalink is "true" for an RSS item whose guid says it is a
	// permalink (isPermaLink="true"), which the parser says too of a guid
	// that says nothing.
	customPermalink = "tidings/guid-permalink"
)

// xhtmlNamespace is the namespace of an Atom text construct's XHTML.
const xhtmlNamespace = "http://www.w3.org/1999/xhtml"

// hasMarkupTitle reports whether a title of the feed or of an entry holds a
// < or an &: only then does its type change how it reads (titleText), and
// is the document worth reading again for it.
func hasMarkupTitle(parsed *gofeed.Feed) bool {
	if strings.ContainsAny(parsed.Title, "<&") {
		return true
	}
	return slices.ContainsFunc(parsed.Items, func(it *gofeed.Item) bool { return strings.ContainsAny(it.Title, "<&") })
}

// hasMarkupSummary reports whether an entry without content has a summary
// holding a < or an &: only then does the summary's type change how it
// reads.
func hasMarkupSummary(parsed *gofeed.Feed) bool {
	return slices.ContainsFunc(parsed.Items, func(it *gofeed.Item) bool {
		return strings.TrimSpace(it.Content) == "" && strings.ContainsAny(it.Description, "<&")
	})
}

// The namespaces of Atom's and RSS's own elements, as the parser knows them.
var (
	atomNamespaces = []string{"", "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"}
	rssNamespaces  = []string{"", "rss", "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
		"http://purl.org/rss/1.0/", "http://channel.netscape.com/rdf/simple/0.9/", "http://my.netscape.com/rdf/simple/0.9/"}
)

// prefixedTag finds a start or end tag with a namespace prefix: <x:div>.
var prefixedTag = regexp.MustCompile(`</?[A-Za-z_][-A-Za-z0-9_.]*:[A-Za-z_]`)

// hasPrefixedContent reports whether an entry's content or summary holds
// an element with a namespace prefix: only then may it be XHTML written
// with one (customXHTMLPrefixes).
func hasPrefixedContent(parsed *gofeed.Feed) bool {
	return slices.ContainsFunc(parsed.Items, func(it *gofeed.Item) bool {
		return prefixedTag.MatchString(it.Content) || prefixedTag.MatchString(it.Description)
	})
}

// annotateFeed reads data, the document parsed, again for what the parser
// does not keep, and records it in parsed (customTitleMarkup,
// customXMLBase, customSummaryMarkup, customXHTMLPrefixes,
// customPermalink). It records nothing when its reading of the entries
// does not match the parser's (they are not as many).
func annotateFeed(parsed *gofeed.Feed, data []byte) {
	switch {
	case parsed.FeedType == "atom" && (hasMarkupTitle(parsed) || hasMarkupSummary(parsed) || hasPrefixedContent(parsed)):
	case parsed.FeedType == "rss" && bytes.Contains(data, []byte("xml:base")):
	case parsed.FeedType == "rss" && hasRelativeGUID(parsed) && bytes.Contains(bytes.ToLower(data), []byte("ispermalink")):
	default:
		return
	}
	scan, ok := scanFeedXML(data)
	if !ok || len(scan.entries) != len(parsed.Items) {
		return
	}
	if parsed.FeedType == "atom" {
		setCustom(&parsed.Custom, customTitleMarkup, markupName(scan.titleType))
	}
	for i, it := range parsed.Items {
		entry := scan.entries[i]
		if parsed.FeedType == "atom" {
			setCustom(&it.Custom, customTitleMarkup, markupName(entry.titleType))
			setCustom(&it.Custom, customSummaryMarkup, markupName(entry.summaryType))
			if len(entry.xhtml) > 0 {
				setCustom(&it.Custom, customXHTMLPrefixes, strings.Join(entry.xhtml, " "))
			}
		} else {
			if entry.base != "" {
				setCustom(&it.Custom, customXMLBase, entry.base)
			}
			if entry.permalink {
				setCustom(&it.Custom, customPermalink, "true")
			}
		}
	}
}

// hasRelativeGUID reports whether an entry has a guid that is a relative
// reference ("/posts/4", "1234"): only then does it matter whether the
// guid says it is a permalink (customPermalink).
func hasRelativeGUID(parsed *gofeed.Feed) bool {
	return slices.ContainsFunc(parsed.Items, func(it *gofeed.Item) bool {
		g := strings.TrimSpace(it.GUID)
		u, err := url.Parse(g)
		return g != "" && err == nil && !u.IsAbs()
	})
}

// markupName is what customTitleMarkup holds for an Atom title of type typ.
func markupName(typ string) string {
	if atomTitleMarkup(typ) == htmlTitle {
		return "html"
	}
	return "text"
}

// setCustom sets (*m)[key], making the map when there is none.
func setCustom(m *map[string]string, key, value string) {
	if *m == nil {
		*m = make(map[string]string)
	}
	(*m)[key] = value
}

// customTitle is how the title recorded with custom (a feed's or an
// item's Custom map) is written: as annotateFeed found, else looseTitle.
func customTitle(custom map[string]string) titleMarkup {
	switch custom[customTitleMarkup] {
	case "text":
		return textTitle
	case "html":
		return htmlTitle
	}
	return looseTitle
}

// feedScan is what scanFeedXML finds.
type feedScan struct {
	titleType string // an Atom feed's title's type attribute
	entries   []scannedEntry
}

// scannedEntry is what scanFeedXML finds of one entry or item.
type scannedEntry struct {
	titleType   string // an Atom entry's title's type attribute
	summaryType string // an Atom entry's summary's type attribute
	base        string // the xml:base in scope at it, "" when none
	// xhtml are the prefixes bound to XHTML where its content or summary
	// has XHTML elements.
	xhtml []string
	// permalink: an RSS item whose guid says it is a permalink.
	permalink bool
}

// scanFeedXML finds, in the order the parser reads them, the entries of
// an Atom document (the children of the root) or the items of an RSS one
// (those of its last channel, then those beside it, as in RSS 1.0), each
// with its title's type and the xml:base in scope at it. ok is false when
// the document is not XML the scan can read to its end.
func scanFeedXML(data []byte) (scan feedScan, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// The document is UTF-8 already (feedUTF8), whatever its prolog says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		stack                 []xmlScope
		atom                  bool
		native                []string
		channelItems, rootOut []scannedEntry
		entry                 = -1            // the Atom entry being read, in rootOut
		items                 *[]scannedEntry // the list the RSS item being read is last in
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return feedScan{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := xmlScope{name: t.Name, base: xmlBase(t, stack), xhtml: xhtmlPrefixes(t, stack)}
			stack = append(stack, scope)
			depth := len(stack)
			if atom && entry >= 0 && depth > 3 && t.Name.Space == xhtmlNamespace &&
				(stack[2].name.Local == "content" || stack[2].name.Local == "summary") && slices.Contains(native, stack[2].name.Space) {
				for _, p := range scope.xhtml {
					if !slices.Contains(rootOut[entry].xhtml, p) {
						rootOut[entry].xhtml = append(rootOut[entry].xhtml, p)
					}
				}
			}
			if depth == 1 {
				atom = t.Name.Local == "feed"
				native = rssNamespaces
				if atom {
					native = atomNamespaces
				} else if !slices.Contains(native, t.Name.Space) {
					native = append(slices.Clone(native), t.Name.Space)
				}
				continue
			}
			if !slices.Contains(native, t.Name.Space) {
				continue
			}
			parent := stack[depth-2].name.Local
			switch {
			case atom && depth == 2 && t.Name.Local == "title":
				scan.titleType = typeAttr(t)
			case atom && depth == 2 && t.Name.Local == "entry":
				rootOut = append(rootOut, scannedEntry{base: scope.baseString()})
				entry = len(rootOut) - 1
			case atom && depth == 3 && parent == "entry" && t.Name.Local == "title" && entry >= 0:
				rootOut[entry].titleType = typeAttr(t)
			case atom && depth == 3 && parent == "entry" && t.Name.Local == "summary" && entry >= 0:
				rootOut[entry].summaryType = typeAttr(t)
			case !atom && depth == 2 && t.Name.Local == "channel":
				channelItems = nil // the parser keeps the last channel
			case !atom && depth == 2 && t.Name.Local == "item":
				rootOut = append(rootOut, scannedEntry{base: scope.baseString()})
				items = &rootOut
			case !atom && depth == 3 && parent == "channel" && t.Name.Local == "item":
				channelItems = append(channelItems, scannedEntry{base: scope.baseString()})
				items = &channelItems
			case !atom && parent == "item" && t.Name.Local == "guid" && items != nil && len(*items) > 0:
				(*items)[len(*items)-1].permalink = saysPermalink(t)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 1 {
				entry = -1
			}
		}
	}
	scan.entries = append(channelItems, rootOut...)
	return scan, true
}

// xmlScope is an open element: its name, the xml:base in scope in it, and
// the prefixes bound to XHTML in it.
type xmlScope struct {
	name  xml.Name
	base  *url.URL // nil when none
	xhtml []string
}

func (s xmlScope) baseString() string {
	if s.base == nil {
		return ""
	}
	return s.base.String()
}

// xmlBase is the xml:base in scope at t, opened inside stack: its own,
// resolved against its parent's, else its parent's.
func xmlBase(t xml.StartElement, stack []xmlScope) *url.URL {
	var parent *url.URL
	if len(stack) > 0 {
		parent = stack[len(stack)-1].base
	}
	for _, a := range t.Attr {
		if a.Name.Local != "base" || (a.Name.Space != "xml" && a.Name.Space != "http://www.w3.org/XML/1998/namespace") {
			continue
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

// xhtmlPrefixes are the prefixes bound to the XHTML namespace in t, opened
// inside stack: its parent's, and those t binds, but for those t binds to
// another namespace.
func xhtmlPrefixes(t xml.StartElement, stack []xmlScope) []string {
	var out []string
	if len(stack) > 0 {
		out = stack[len(stack)-1].xhtml
	}
	for _, a := range t.Attr {
		if a.Name.Space != "xmlns" || a.Name.Local == "" {
			continue
		}
		bound, has := strings.TrimSpace(a.Value) == xhtmlNamespace, slices.Contains(out, a.Name.Local)
		switch {
		case bound && !has:
			out = append(slices.Clip(out), a.Name.Local)
		case !bound && has:
			out = slices.DeleteFunc(slices.Clone(out), func(p string) bool { return p == a.Name.Local })
		}
	}
	return out
}

// saysPermalink reports whether an RSS guid element says it is a
// permalink: isPermaLink="true" (or isPermalink, as some feeds write it).
func saysPermalink(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Space == "" && (a.Name.Local == "isPermaLink" || a.Name.Local == "isPermalink") {
			return strings.EqualFold(strings.TrimSpace(a.Value), "true")
		}
	}
	return false
}

// typeAttr is t's type attribute, one without a namespace first.
func typeAttr(t xml.StartElement) string {
	found := ""
	for _, a := range t.Attr {
		if a.Name.Local != "type" {
			continue
		}
		if a.Name.Space == "" {
			return a.Value
		}
		if found == "" {
			found = a.Value
		}
	}
	return found
}
