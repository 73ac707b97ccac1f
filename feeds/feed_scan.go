package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"

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
)

// The namespaces of Atom's own elements, as the parser knows them.
var atomNamespaces = []string{"", "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"}

// annotateFeed reads data, the document parsed, again for what the parser
// does not keep, and records it in parsed (customTitleMarkup). It records
// nothing when its reading of the entries does not match the parser's
// (they are not as many).
func annotateFeed(parsed *gofeed.Feed, data []byte) {
	if parsed.FeedType != "atom" {
		return
	}
	scan, ok := scanFeedXML(data)
	if !ok || len(scan.entries) != len(parsed.Items) {
		return
	}
	setCustom(&parsed.Custom, customTitleMarkup, markupName(scan.titleType))
	for i, it := range parsed.Items {
		setCustom(&it.Custom, customTitleMarkup, markupName(scan.entries[i].titleType))
	}
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

// scannedEntry is what scanFeedXML finds of one entry.
type scannedEntry struct {
	titleType string // an Atom entry's title's type attribute
}

// scanFeedXML finds, in the order the parser reads them, the entries of
// an Atom document (the children of the root), each with its title's
// type. ok is false when the document is not XML the scan can read to its
// end.
func scanFeedXML(data []byte) (scan feedScan, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// The document is UTF-8 already (feedUTF8), whatever its prolog says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		stack []xml.Name
		entry = -1 // the entry being read, in scan.entries
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
			stack = append(stack, t.Name)
			depth := len(stack)
			if depth == 1 || !slices.Contains(atomNamespaces, t.Name.Space) {
				continue
			}
			parent := stack[depth-2].Local
			switch {
			case depth == 2 && t.Name.Local == "title":
				scan.titleType = typeAttr(t)
			case depth == 2 && t.Name.Local == "entry":
				scan.entries = append(scan.entries, scannedEntry{})
				entry = len(scan.entries) - 1
			case depth == 3 && parent == "entry" && t.Name.Local == "title" && entry >= 0:
				scan.entries[entry].titleType = typeAttr(t)
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
	return scan, true
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
