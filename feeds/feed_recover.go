package feeds

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// customCutOff, in a parsed feed's Custom map, says the document was cut
// off (or broken) after its last whole entry, which parseFeedDocument read
// up to: a feed truncated in transfer, or missing its closing tags, still
// gives its whole entries, as newsboat's reader does.
const customCutOff = "tidings/cut-off"

// cutAfterLastEntry returns an XML feed document ending after its last
// whole item or entry, with the elements open there closed; ok is false
// when it has none, or none is left open after it.
func cutAfterLastEntry(data []byte) (out []byte, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		stack, open []xml.Name
		end         = -1
	)
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if isEntry(t.Name, len(stack)) {
				end, open = int(d.InputOffset()), append(open[:0], stack...)
			}
		}
	}
	if end < 0 || len(open) == 0 {
		return nil, false
	}
	var b bytes.Buffer
	b.Grow(end + 64)
	b.Write(data[:end])
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</")
		if open[i].Space != "" {
			b.WriteString(open[i].Space + ":")
		}
		b.WriteString(open[i].Local + ">")
	}
	return b.Bytes(), true
}

// maxEntryDepth is how deep a feed's entries stand at most (rss, channel,
// item; feed, entry; a few wrappers more): deeper item and entry elements
// are not the feed's, and a document nesting its elements thousands deep
// costs no more to read than its length.
const maxEntryDepth = 8

// isEntry reports whether an element named name, depth elements deep (its
// ancestors), is one of a feed's entries.
func isEntry(name xml.Name, depth int) bool {
	return depth < maxEntryDepth && (name.Local == "item" || name.Local == "entry")
}

// cutOffWarning is what a feed read by cutAfterLastEntry says of itself.
func cutOffWarning(entries int, err error) string {
	what := "entries"
	if entries == 1 {
		what = "entry"
	}
	return fmt.Sprintf("the feed is broken after its first %d %s (%v); read up to there", entries, what, err)
}

// countEntries counts the item and entry elements of an XML feed document,
// however broken it is after them: the parser stops at some breaks (an end
// tag that closes nothing) without an error, reading fewer.
func countEntries(data []byte) int {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	n, depth := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return n
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if isEntry(t.Name, depth) {
				n++
			}
			depth++
		case xml.EndElement:
			depth = max(depth-1, 0)
		}
	}
}

// missedWarning is what a feed says of itself when the parser read read of
// its total entries.
func missedWarning(read, total int) string {
	return fmt.Sprintf("the feed's XML is broken after its first %d of %d entries; the other %d could not be read", read, total, total-read)
}

// Keys under which decodeBase64Texts keeps, in the Custom maps of a parsed
// Atom feed and its entries, the text of an Atom 0.3 text construct
// written in base64 (mode="base64"), decoded.
const (
	customBase64Title   = "tidings/base64-title"
	customBase64Summary = "tidings/base64-summary"
	customBase64Content = "tidings/base64-content"
)

// base64Mode finds, by a quick look, an attribute saying an element is
// written in base64: only then is the document read again for them.
var base64Mode = regexp.MustCompile(`(?i)mode\s*=\s*["']\s*base64`)

// decodeBase64Texts records in parsed, an Atom document read from data,
// the titles, summaries and contents that Atom 0.3 writes in base64
// (mode="base64") decoded, each read then by its type: the parser
// decodes one only when its type is not a text type, and leaves
// <content mode="base64" type="text/html"> as base64. It records
// nothing when its reading of the entries does not match the parser's
// (they are not as many), and keeps a text that is not base64, or not
// UTF-8 once decoded, as the parser read it.
func decodeBase64Texts(parsed *gofeed.Feed, data []byte) {
	if parsed.FeedType != "atom" || !base64Mode.Match(data) {
		return
	}
	found, ok := scanBase64Texts(data)
	if !ok || len(found.entries) != len(parsed.Items) {
		return
	}
	found.feed.record(&parsed.Custom)
	for i, it := range parsed.Items {
		found.entries[i].record(&it.Custom)
	}
}

// base64Texts are the text constructs of an Atom feed, or of one of its
// entries, written in base64.
type base64Texts struct {
	title, summary, content base64Text
}

// base64Text is a text construct written in base64: its type attribute
// and its text as written; set is false for none.
type base64Text struct {
	set        bool
	typ, coded string
}

// record keeps the decoded texts of t in custom (decodeBase64Texts), and
// what markup a decoded title or summary is written in.
func (t base64Texts) record(custom *map[string]string) {
	if text, ok := t.title.decoded(); ok {
		setCustom(custom, customBase64Title, text)
		setCustom(custom, customTitleMarkup, markupName(t.title.typ))
	}
	if text, ok := t.summary.decoded(); ok {
		setCustom(custom, customBase64Summary, text)
		setCustom(custom, customSummaryMarkup, markupName(t.summary.typ))
	}
	if text, ok := t.content.decoded(); ok {
		setCustom(custom, customBase64Content, text)
	}
}

// decoded is t's text decoded from base64, the line breaks and spaces it
// is wrapped with skipped; ok is false for none, or for one that is not
// base64 or not UTF-8 once decoded.
func (t base64Text) decoded() (text string, ok bool) {
	if !t.set {
		return "", false
	}
	coded := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, t.coded)
	b, err := base64.StdEncoding.DecodeString(coded)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(coded); err != nil {
			return "", false
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

// base64Scan is what scanBase64Texts finds: the feed's text constructs
// written in base64, and each entry's, in document order.
type base64Scan struct {
	feed    base64Texts
	entries []base64Texts
}

// scanBase64Texts reads an Atom document's entries (the root's children)
// for the titles, summaries and contents written in base64, and the
// feed's title. ok is false when the document is not XML the scan can
// read to its end.
func scanBase64Texts(data []byte) (scan base64Scan, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	// The document is UTF-8 already (decodeFeed), whatever its prolog says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		depth int
		entry = -1 // the entry being read, in scan.entries; -1 for none
		// The text construct in base64 being read: its name, its depth,
		// and it so far.
		name      string
		textDepth int
		text      base64Text
		coded     strings.Builder
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return scan, true
		}
		if err != nil {
			return base64Scan{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			local := strings.ToLower(t.Name.Local)
			native := slices.Contains(atomNamespaces, t.Name.Space)
			switch {
			case !native || textDepth > 0:
			case depth == 2 && local == "entry":
				scan.entries = append(scan.entries, base64Texts{})
				entry = len(scan.entries) - 1
			case (depth == 2 || depth == 3 && entry >= 0) && isBase64(t):
				name, textDepth, text = local, depth, base64Text{set: true, typ: typeAttr(t)}
				coded.Reset()
			}
		case xml.CharData:
			if textDepth > 0 {
				coded.Write(t)
			}
		case xml.EndElement:
			if depth == textDepth {
				text.coded = coded.String()
				if entry >= 0 && depth == 3 {
					scan.entries[entry].set(name, text)
				} else if depth == 2 && name == "title" {
					scan.feed.set(name, text)
				}
				textDepth = 0
			}
			if depth == 2 {
				entry = -1
			}
			depth = max(depth-1, 0)
		}
	}
}

// isBase64 reports whether the element t says it is written in base64
// (Atom 0.3's mode="base64").
func isBase64(t xml.StartElement) bool {
	return strings.EqualFold(strings.TrimSpace(attrValue(t, "mode")), "base64")
}

// set makes text the text construct of t named name (in lower case): its
// title, summary or content.
func (t *base64Texts) set(name string, text base64Text) {
	switch name {
	case "title":
		t.title = text
	case "summary":
		t.summary = text
	case "content":
		t.content = text
	}
}

// attrValue is t's attribute name without a namespace, "" when it has
// none.
func attrValue(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// decodedText is the text construct as decodeBase64Texts recorded it in
// custom under key, decoded; text, as the parser read it, when it did not.
func decodedText(custom map[string]string, key, text string) string {
	if decoded, ok := custom[key]; ok {
		return decoded
	}
	return text
}
