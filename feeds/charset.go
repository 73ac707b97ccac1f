package feeds

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// htmlUTF8 returns an HTML file as UTF-8, decoded from the encoding its
// <meta charset> or <meta http-equiv="Content-Type"> declares
// (htmlEncoding). Valid UTF-8 is returned as it is, whatever the page
// declares: a page saved as UTF-8 often keeps its old declaration. So is a
// page that declares no encoding, or declares a single-byte one but is
// mostly UTF-8 with a few bad bytes. The importer reads a file with
// pageUTF8, which goes on where this stops.
func htmlUTF8(data []byte) []byte {
	enc, name := htmlEncoding(data)
	switch {
	case enc == nil:
		return data
	case utf8.Valid(data) && (name != "iso-2022-jp" || bytes.IndexByte(data, 0x1b) < 0):
		// ISO-2022-JP is 7-bit, so valid UTF-8: its escape sequences
		// tell it.
		return data
	case isSingleByte(name) && mostlyUTF8(data):
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// pageUTF8 returns an HTML file as the importer reads it, in UTF-8: in the
// encoding its <meta> declares (htmlUTF8); else, for an XHTML file, in the
// one its XML declaration names; else, when it is not UTF-8, as
// Windows-1252, as browsers read a page that declares none (textUTF8) or
// declares UTF-8 wrongly (declaredTextUTF8), with a warning saying so.
// changed says that the text differs from htmlUTF8's, which is all an
// earlier tidings decoded: it replaced the bytes that were not UTF-8.
func pageUTF8(data []byte) (out []byte, warning string, changed bool) {
	out = htmlUTF8(data)
	if utf8.Valid(out) {
		return out, "", false
	}
	label := htmlCharsetLabel(data)
	if label == "" {
		label = prologEncoding(data)
		if enc, name := lookupEncoding(label); enc != nil && !strings.HasPrefix(name, "utf-16") && name != "replacement" &&
			!(isSingleByte(name) && mostlyUTF8(data)) {
			if decoded, err := enc.NewDecoder().Bytes(data); err == nil {
				return decoded, "", true
			}
		}
	}
	var latin1 bool
	if declaresUTF8(label) {
		out, latin1 = declaredTextUTF8(out)
	} else {
		out, latin1 = textUTF8(out)
	}
	if !latin1 {
		return out, "", false
	}
	return out, windows1252Warning(label), true
}

// windows1252Warning is the warning for a document read as Windows-1252
// that declares the encoding label ("" for none), which tidings does not
// read it in.
func windows1252Warning(label string) string {
	switch _, name := charset.Lookup(label); {
	case label == "":
		return "not UTF-8 and declares no encoding: read as Windows-1252 (Latin-1)"
	case name == "utf-8":
		return "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)"
	case strings.HasPrefix(name, "utf-16"):
		// Its declaration reads as ASCII: the document is not UTF-16.
		return "declares UTF-16 but is not UTF-16: read as Windows-1252 (Latin-1)"
	}
	if len(label) > 40 {
		label = label[:40] + "…"
	}
	return fmt.Sprintf("declares an encoding tidings cannot read (%q): read as Windows-1252 (Latin-1)", CleanLine(label))
}

// warnWindows1252 is the warning for a text file read as Windows-1252.
const warnWindows1252 = "not UTF-8: read as Windows-1252 (Latin-1)"

// textUTF8 returns text that names no encoding of its own as UTF-8, and
// whether it read it as Windows-1252. Text that is not UTF-8 is read as
// Windows-1252, which is what a Western file in a legacy encoding almost
// always is (Latin-1 is its subset), as browsers read a page that declares
// no encoding; unless it holds at least as many UTF-8 characters of more
// than one byte as bytes that are not UTF-8: that is UTF-8 with damage (a
// stray byte), whose bad bytes the importer replaces and warns of, rather
// than turn each of its characters into two.
func textUTF8(data []byte) ([]byte, bool) {
	return windows1252UTF8(data, isWindows1252(data))
}

// declaredTextUTF8 returns text that declares UTF-8 (by a byte-order mark,
// an XML declaration, a <meta>, an HTTP charset) as UTF-8, and whether it
// read it as Windows-1252 all the same (declaredWindows1252).
func declaredTextUTF8(data []byte) ([]byte, bool) {
	return windows1252UTF8(data, declaredWindows1252(data))
}

// windows1252UTF8 returns data decoded from Windows-1252 when latin1 says
// so, else as it is, and whether it decoded it.
func windows1252UTF8(data []byte, latin1 bool) ([]byte, bool) {
	if !latin1 {
		return data, false
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return data, false
	}
	return out, true
}

// isWindows1252 reports whether textUTF8 reads data as Windows-1252.
func isWindows1252(data []byte) bool {
	if utf8.Valid(data) {
		return false
	}
	multi, bad, _ := utf8Counts(data)
	return bad > multi
}

// declaredWindows1252 reports whether text that declares UTF-8 but is not
// valid UTF-8 is Windows-1252 all the same. It is when it holds no UTF-8
// character of more than one byte: the common document that says UTF-8
// and is Latin-1. Else it is UTF-8 with damage, however many of its bytes
// are not UTF-8 (a UTF-8 feed in English whose one entry pasted from Word
// brings more quotes, bytes 93 and 94, than the feed has accented letters),
// unless its bytes that are not UTF-8 and stand for Latin-1's letters and
// signs (A0-FF) outnumber its UTF-8 characters: a Western document in
// which a letter and the sign after it happen to make a UTF-8 character
// (ß“ is DF 93, é and a no-break space before » are E9 A0 BB). Bytes
// 80-9F, Windows-1252's quotes and dashes, are control characters in
// Latin-1 and the stray bytes a UTF-8 document most often picks up; they
// do not count against its declaration.
//
// A character counts for UTF-8 only when it is of a script or a sign that
// text is written in (plausibleRune): a German document's ß“ (DF 93) is
// U+07D3, a letter of N'Ko, and counts against the declaration instead.
func declaredWindows1252(data []byte) bool {
	if utf8.Valid(data) {
		return false
	}
	multi, _, latin := utf8Counts(data)
	likely := plausibleUTF8(data)
	return likely == 0 || latin+(multi-likely) > likely
}

// plausibleUTF8 counts the UTF-8 characters of more than one byte in data
// that are of the scripts and signs text is written in (plausibleRune).
func plausibleUTF8(data []byte) int {
	n := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError && plausibleRune(r) {
			n++
		}
		i += size
	}
	return n
}

// plausibleRune reports whether r is of the blocks a document's UTF-8 is
// mostly made of: Latin with its accents and combining marks, Greek,
// Cyrillic, Armenian, Hebrew, Arabic, the scripts of India and South-East
// Asia, Georgian and the other scripts of U+1000-1FFF, punctuation,
// currency, arrows, symbols and box drawing, CJK and Hangul, presentation
// and fullwidth forms, emoji. Not the C1 controls, nor the blocks of
// U+0700-08FF (Syriac, Thaana, N'Ko...), where a Windows-1252 letter Ü-ß
// followed by a quote or a dash lands by chance.
func plausibleRune(r rune) bool {
	switch {
	case r >= 0xa0 && r < 0x700, r >= 0x900 && r < 0x2c00, r >= 0x2e00 && r < 0xa000,
		r >= 0xac00 && r < 0xd7b0, r >= 0xf900 && r < 0xfffe, r >= 0x1f000 && r < 0x1fb00:
		return true
	}
	return false
}

// declaresUTF8 reports whether the encoding label names UTF-8.
func declaresUTF8(label string) bool {
	_, name := charset.Lookup(strings.TrimSpace(label))
	return name == "utf-8"
}

// htmlHeadScan is how much of a page is searched for its encoding.
const htmlHeadScan = 64 << 10

// htmlEncoding is the encoding a page declares in a <meta> element before
// its body, and the encoding's canonical name (charset.Lookup: ISO-8859-1
// is read as its superset Windows-1252, as browsers do). It is nil for
// none, for a label not known, for UTF-8, for UTF-16 (which a page whose
// <meta> reads as ASCII is not; browsers take it for UTF-8), and for the
// encodings browsers refuse to read ("replacement": ISO-2022-KR, HZ...),
// which would decode the page to one U+FFFD. Unlike a browser's first
// look, which stops after 1024 bytes, the whole head is searched, as a
// browser does when its parser meets the element later.
func htmlEncoding(data []byte) (encoding.Encoding, string) {
	label := htmlCharsetLabel(data)
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") || name == "replacement" {
		return nil, ""
	}
	return enc, name
}

// htmlCharsetLabel is the encoding label of the first <meta> element that
// declares one before the page's body, as it is written; "" for none.
func htmlCharsetLabel(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head(data, htmlHeadScan)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
				if label := metaCharset(z, hasAttr); label != "" {
					return label
				}
			}
		}
	}
}

// contentCharset finds the charset in a Content-Type value.
var contentCharset = regexp.MustCompile(`(?i)charset\s*=\s*["']?([^"'\s;]+)`)

// metaCharset is the encoding label of the <meta> element the tokenizer is
// at: its charset attribute, or the charset of its content when its
// http-equiv is Content-Type; "" for none.
func metaCharset(z *html.Tokenizer, hasAttr bool) string {
	var cs, content string
	pragma := false
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch string(key) {
		case "charset":
			cs = string(val)
		case "http-equiv":
			pragma = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
		case "content":
			content = string(val)
		}
	}
	if cs = strings.TrimSpace(cs); cs != "" {
		return cs
	}
	if m := contentCharset.FindStringSubmatch(content); pragma && m != nil {
		return m[1]
	}
	return ""
}

// mostlyUTF8 reports whether data, not valid UTF-8, holds more multi-byte
// UTF-8 characters than bytes that are not UTF-8: UTF-8 with damage. Text
// in a single-byte encoding seldom holds any, as a letter with an accent
// is one byte there, followed by a plain letter.
func mostlyUTF8(data []byte) bool {
	multi, bad, _ := utf8Counts(data)
	return multi > bad
}

// utf8Counts counts the UTF-8 characters of more than one byte in data,
// the bytes that are not UTF-8, and those of them that are A0-FF
// (Latin-1's letters and signs, where 80-9F are its control characters).
func utf8Counts(data []byte) (multi, bad, latin int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			multi++
		case data[i] >= 0xa0:
			bad++
			latin++
		default:
			bad++
		}
		i += size
	}
	return multi, bad, latin
}
