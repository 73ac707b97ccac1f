package feeds

import (
	"bytes"
	"mime"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// customCharset, in a parsed feed's Custom map, is decodeFeed's warning:
// the document was read as Windows-1252, or its bytes that are not UTF-8
// were replaced.
const customCharset = "tidings/charset"

// feedUTF8 returns a feed document as UTF-8 (decodeFeed), without what
// decodeFeed says of it.
func feedUTF8(data []byte, contentType string) ([]byte, error) {
	out, _, err := decodeFeed(data, contentType)
	return out, err
}

// decodeFeed returns a feed document as UTF-8, and a warning when that
// took a repair or a guess. JSON is UTF-8 unless its server names another
// charset for bytes that are not (decodeJSONFeed). For XML the
// encoding is, in order: a UTF-16 byte-order mark; UTF-16 without one,
// told by its first character's zero byte (as XML's autodetection tells
// it); the XML prolog's declaration; the Content-Type charset; else UTF-8.
// A document that declares a single-byte encoding but is valid UTF-8 with
// non-ASCII text, or UTF-8 with a few bad bytes (mostlyUTF8), is read as
// UTF-8, a common publishing mistake. A label of UTF-16 on bytes that are
// not UTF-16 (a declaration that can be read as ASCII is not: a document
// decoded from UTF-16 already, or saved again as UTF-8 keeping its
// declaration) is no label, as browsers take it.
//
// A document to be read as UTF-8 that is not valid UTF-8 is read as the
// importer reads a text file: as Windows-1252, with a warning, or as
// UTF-8 with damage, each run of its bad bytes replaced by U+FFFD, with a
// warning counting them. One that declares UTF-8 (by its byte-order mark,
// its declaration or its Content-Type) is UTF-8 with damage when it holds
// UTF-8 characters of more than one byte, however many quotes pasted from
// Word it holds besides, and Windows-1252 when it holds none, or fewer
// than its Latin-1 letters that are not UTF-8 (declaredWindows1252). One
// that declares nothing is Windows-1252 when its bytes that are not UTF-8
// outnumber its UTF-8 characters of more than one byte (textUTF8): what
// undeclared non-UTF-8 feeds nearly always are. A stray byte (a quote
// pasted from Word into a UTF-8 feed) so costs one character, not every
// accented letter of the feed, and an entry read before keeps its text.
// The bytes become U+FFFD rather than the Windows-1252 characters they
// may stand for because that is what a Markdown or HTML file's bad bytes
// become (CleanText), and what a browser makes of them in a page that is
// UTF-8: the same text reads the same in a feed and in a file. And a bad
// byte is as often a multi-byte character cut short, which as
// Windows-1252 would be a wrong letter ("Ã") where U+FFFD shows that
// something is missing.
//
// The prolog of a converted document, or of one whose declaration names
// another encoding than UTF-8, is rewritten to say UTF-8, so the XML
// parser does not decode it twice.
func decodeFeed(data []byte, contentType string) (out []byte, warning string, err error) {
	bom := false
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data, bom = data[3:], true
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, "", err
		}
		return declareUTF8(out), "", nil
	}
	if enc := utf16NoBOM(data); enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, "", err
		}
		return declareUTF8(out), "", nil
	}
	if isJSONDocument(data) {
		return decodeJSONFeed(data, contentType)
	}
	data = skipJunkBeforeXMLDecl(data)
	declared := prologEncoding(data)
	label := declared
	if label == "" {
		label = contentTypeCharset(contentType)
	}
	enc, name := lookupEncoding(label)
	if strings.HasPrefix(name, "utf-16") || name == "replacement" {
		// Not UTF-16, which utf16NoBOM would have told; nor a document
		// to decode to one U+FFFD (WHATWG's "replacement" labels).
		enc, name = nil, ""
	}
	valid := utf8.Valid(data)
	if enc != nil && isSingleByte(name) && (valid && !isASCII(data) || !valid && mostlyUTF8(data)) {
		enc = nil
	}
	if enc == nil && !valid {
		latin1 := isWindows1252(data)
		if bom || declaresUTF8(label) {
			latin1 = declaredWindows1252(data)
			if label == "" {
				label = "UTF-8"
			}
		}
		if latin1 {
			enc, warning = charmap.Windows1252, windows1252Warning(label)
		} else {
			warning = warnInvalidUTF8(invalidUTF8(data))
			data = bytes.ToValidUTF8(data, []byte(string(utf8.RuneError)))
		}
	}
	if enc == nil {
		if declared != "" {
			data = declareUTF8(data)
		}
		return data, warning, nil
	}
	out, err = enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", err
	}
	return declareUTF8(out), warning, nil
}

// decodeJSONFeed returns a JSON Feed document as UTF-8, and a warning when
// bytes of it were replaced. JSON is UTF-8 (RFC 8259): a document that is
// valid UTF-8 is read so, whatever charset its server names. One that is
// not, served with a charset named ("application/feed+json;
// charset=iso-8859-1"), is in that charset, its server's declaration, as
// an XML feed's is; but one with a single-byte charset named that is UTF-8
// but for a few bytes (mostlyUTF8) is UTF-8 with damage, as there, and a
// UTF-16 or "replacement" label (iso-2022-kr, which would decode it to
// one U+FFFD) names no charset the bytes can be in. Else
// the JSON decoder and cleaning replace its bytes that are not UTF-8.
func decodeJSONFeed(data []byte, contentType string) (out []byte, warning string, err error) {
	if utf8.Valid(data) {
		return data, "", nil
	}
	enc, name := lookupEncoding(contentTypeCharset(contentType))
	if enc != nil && !strings.HasPrefix(name, "utf-16") && name != "replacement" && !(isSingleByte(name) && mostlyUTF8(data)) {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return out, "", nil
		}
	}
	return data, warnInvalidUTF8(invalidUTF8(data)), nil
}

// utf16NoBOM is the UTF-16 encoding of a document without a byte order
// mark that starts with an ASCII character written in it (its "<", or
// white space), or nil: the character's zero byte first is big-endian,
// last little-endian. Text in UTF-8 or a single-byte encoding holds no
// zero byte there.
func utf16NoBOM(data []byte) encoding.Encoding {
	switch {
	case len(data) < 4:
		return nil
	case data[0] != 0 && data[0] < 0x80 && data[1] == 0 && data[3] == 0 && data[2] != 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case data[0] == 0 && data[1] != 0 && data[1] < 0x80 && data[2] == 0 && data[3] != 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// lookupEncoding is the encoding a charset label names and its canonical
// name, or nil for UTF-8, an empty label or one not known.
func lookupEncoding(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return nil, ""
	}
	return enc, name
}

// isSingleByte reports whether the encoding of that canonical name has one
// byte a character (Latin, Cyrillic, Greek... code pages), the ones a valid
// UTF-8 document with non-ASCII text is almost never written in.
func isSingleByte(name string) bool {
	for _, p := range []string{"windows-12", "windows-874", "iso-8859-", "koi8-", "ibm866", "macintosh", "x-mac-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func contentTypeCharset(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

var prologEncodingRE = regexp.MustCompile(`^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"'\s>]*)["']`)

// prologEncoding is the encoding the XML prolog declares, or "".
func prologEncoding(data []byte) string {
	m := prologEncodingRE.FindSubmatch(head(data, 512))
	if m == nil {
		return ""
	}
	return string(m[1])
}

// declareUTF8 makes the XML prolog, if it names an encoding, name UTF-8.
func declareUTF8(data []byte) []byte {
	m := prologEncodingRE.FindSubmatchIndex(head(data, 512))
	if m == nil {
		return data
	}
	out := make([]byte, 0, len(data)+8)
	out = append(out, data[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[3]:]...)
}

func head(data []byte, n int) []byte {
	return data[:min(n, len(data))]
}

func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func isJSONDocument(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}

// isHTMLDocument reports whether data is a web page rather than a feed.
// Its root element tells, after what may come before it (readXMLProlog):
// <html> is a page's, <rss>, <feed> and <rdf:RDF> a feed's. A feed may
// carry an XHTML DOCTYPE, which some blog engines write before every
// document they serve: that does not make it a page. Without either root
// (a page that leaves out its <html> tag, a prolog that never ends) an
// HTML DOCTYPE tells.
func isHTMLDocument(data []byte) bool {
	rest, doctype := readXMLProlog(data)
	root := rootName(rest)
	switch {
	case bytes.EqualFold(localName(root), []byte("html")):
		return true
	case isFeedRoot(root):
		return false
	}
	return bytes.EqualFold(doctype, []byte("html"))
}

// skipJunkBeforeXMLDecl drops what stands before an XML declaration found
// in a document's first 4 KiB: a declaration can only start a document, so
// what is before it is not the feed's (a PHP notice, a stray line a server
// script printed). A web page is left as it is.
func skipJunkBeforeXMLDecl(data []byte) []byte {
	start := bytes.TrimLeft(data, " \t\r\n")
	if bytes.HasPrefix(start, []byte("<?xml")) {
		return data
	}
	i := bytes.Index(head(start, 4096), []byte("<?xml"))
	if i <= 0 {
		return data
	}
	junk := bytes.ToLower(start[:i])
	for _, page := range []string{"<html", "<!doctype", "<rss", "<feed", "<rdf"} {
		// A web page, or a feed without a declaration whose text
		// mentions one: not junk.
		if bytes.Contains(junk, []byte(page)) {
			return data
		}
	}
	return start[i:]
}

// xmlSafe drops from an XML document the control characters XML forbids,
// raw or as character references (&#27; and the like). Go's XML decoder
// rejects a whole document for one of them, and they are never text
// anyone meant: an escape sequence or a NUL smuggled into a title. The
// document must be UTF-8 (or any encoding where bytes below 0x20 are
// those controls and occur nowhere else).
func xmlSafe(data []byte) []byte {
	if isJSONDocument(data) || !needsXMLSafe(data) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == 0x1b:
			// An escape sequence goes whole: "[31m" left behind is noise.
			i += 1 + escapeTail(data[i+1:])
			continue
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			i++
			continue
		case c == '&' && i+1 < len(data) && data[i+1] == '#':
			if n, r, ok := charRef(data[i:]); ok && !isXMLChar(r) {
				i += n
				if r == 0x1b {
					i += escapeTail(data[i:])
				}
				continue
			}
		}
		out = append(out, c)
		i++
	}
	return out
}

// escapeTail is the length of what follows an ESC in an escape sequence:
// a CSI's parameters and final byte ("[31m"), an OSC's or DCS's text up to
// its BEL or ST ("]8;;https://…"; an entity or markup ends it too, as the
// terminator may be written as one), the ST's backslash; else nothing.
func escapeTail(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	switch b[0] {
	case '[':
		for i := 1; i < len(b) && i < 64; i++ {
			switch c := b[i]; {
			case c >= 0x40 && c <= 0x7e:
				return i + 1
			case c < 0x20 || c > 0x7e:
				return i
			}
		}
		return 1
	case ']', 'P', '_', '^':
		for i := 1; i < len(b) && i < 4096; i++ {
			switch b[i] {
			case 0x07:
				return i + 1
			case 0x1b:
				if i+1 < len(b) && b[i+1] == '\\' {
					return i + 2
				}
				return i
			case '&', '<', '\n':
				return i
			}
		}
		return 1
	case '\\':
		return 1
	}
	return 0
}

func needsXMLSafe(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return true
		}
	}
	return bytes.Contains(data, []byte("&#"))
}

// charRef reads a numeric character reference at the start of b ("&#27;",
// "&#x1B;"): its length and the code point it names.
func charRef(b []byte) (n int, r int64, ok bool) {
	end := bytes.IndexByte(head(b, 16), ';')
	if end < 3 {
		return 0, 0, false
	}
	digits, base := string(b[2:end]), 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	v, err := strconv.ParseInt(digits, base, 64)
	if err != nil {
		return 0, 0, false
	}
	return end + 1, v, true
}

// isXMLChar reports whether XML 1.0 allows the code point r.
func isXMLChar(r int64) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d ||
		r >= 0x20 && r <= 0xd7ff ||
		r >= 0xe000 && r <= 0xfffd ||
		r >= 0x10000 && r <= utf8.MaxRune
}

// joinWarnings is the warnings that are not "", separated by "; ".
func joinWarnings(warnings ...string) string {
	return strings.Join(slices.DeleteFunc(warnings, func(w string) bool { return w == "" }), "; ")
}
