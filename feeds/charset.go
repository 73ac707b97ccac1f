package feeds

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// htmlUTF8 returns an HTML file as UTF-8, decoded from the encoding its
// <meta charset> or <meta http-equiv="Content-Type"> declares
// (htmlEncoding). Valid UTF-8 is returned as it is, whatever the page
// declares: a page saved as UTF-8 often keeps its old declaration. So is a
// page that declares no encoding, or declares a single-byte one but is
// mostly UTF-8 with a few bad bytes: the importer replaces the bytes that
// are not UTF-8, and warns of them.
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
	z := html.NewTokenizer(bytes.NewReader(head(data, htmlHeadScan)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return nil, ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return nil, ""
			case atom.Meta:
				if label := metaCharset(z, hasAttr); label != "" {
					enc, name := charset.Lookup(label)
					if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") || name == "replacement" {
						return nil, ""
					}
					return enc, name
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
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return multi > bad
}
