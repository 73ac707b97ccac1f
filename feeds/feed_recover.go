package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
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
