package feeds

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// utf16Bytes is s in UTF-16 of that byte order, with a byte order mark or
// without.
func utf16Bytes(t *testing.T, s string, order unicode.Endianness, bom bool) string {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	out, err := unicode.UTF16(order, policy).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const utf16Feed = `<?xml version="1.0" encoding="UTF-16"?>
<rss version="2.0"><channel><title>Kölner Blatt</title><link>https://koeln.example/</link>
<item><title>Café am Dom öffnet</title><link>https://koeln.example/cafe</link><guid>cafe-1</guid>
<description>Das Café am Dom öffnet wieder. Grüße!</description></item>
</channel></rss>
`

// TestSavedFeedInUTF16: a feed saved in UTF-16, which declares so in its
// XML declaration, is read: decoded, its declaration no longer says
// UTF-16. So is a feed saved again as UTF-8 that still declares UTF-16,
// its bytes not being UTF-16.
func TestSavedFeedInUTF16(t *testing.T) {
	tests := map[string]string{
		"little-endian with a byte order mark":          utf16Bytes(t, utf16Feed, unicode.LittleEndian, true),
		"big-endian with a byte order mark":             utf16Bytes(t, utf16Feed, unicode.BigEndian, true),
		"UTF-8 declaring UTF-16":                        utf16Feed,
		"UTF-8 with a byte order mark declaring UTF-16": "\xef\xbb\xbf" + utf16Feed,
	}
	for name, data := range tests {
		for _, file := range []string{"feed.xml", "feed.rss", "feed"} {
			t.Run(name+"/"+file, func(t *testing.T) {
				a := readOne(t, file, data)
				if a.Title != "Café am Dom öffnet" || a.Body != "Das Café am Dom öffnet wieder. Grüße!" ||
					a.URL != "https://koeln.example/cafe" || len(a.Warnings) > 0 {
					t.Errorf("%q %q %q %q", a.Title, a.Body, a.URL, a.Warnings)
				}
			})
		}
	}
}

// TestFetchedFeedInUTF16: a feed served in UTF-16, with a byte order mark
// or without, is read whatever the charset its server names; a UTF-16
// label on bytes that are not UTF-16 is not believed.
func TestFetchedFeedInUTF16(t *testing.T) {
	tests := []struct {
		name, data, contentType string
	}{
		{"little-endian with a byte order mark", utf16Bytes(t, utf16Feed, unicode.LittleEndian, true), "application/rss+xml"},
		{"big-endian with a byte order mark, served as UTF-16", utf16Bytes(t, utf16Feed, unicode.BigEndian, true), "application/rss+xml; charset=utf-16"},
		{"big-endian without a byte order mark", utf16Bytes(t, utf16Feed, unicode.BigEndian, false), ""},
		{"little-endian without a byte order mark, served as UTF-16", utf16Bytes(t, utf16Feed, unicode.LittleEndian, false), "text/xml; charset=UTF-16"},
		{"UTF-8 declaring UTF-16", utf16Feed, "application/rss+xml; charset=utf-8"},
		{"UTF-8 served as UTF-16", strings.Replace(utf16Feed, ` encoding="UTF-16"`, "", 1), "text/xml; charset=utf-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := ParseFeed([]byte(tt.data), tt.contentType, "https://koeln.example/feed.xml", Subscription{URL: "https://koeln.example/feed.xml"})
			if err != nil {
				t.Fatal(err)
			}
			if feed.Title != "Kölner Blatt" || len(feed.Articles) != 1 || feed.Articles[0].Title != "Café am Dom öffnet" {
				t.Fatalf("%q %+v", feed.Title, feed.Articles)
			}
		})
	}
}

// TestFeedUTF8DeclaringUTF16: a document decoded from UTF-16, or UTF-8
// keeping a UTF-16 declaration, declares UTF-8; one in Windows-1252 that
// declares UTF-16 is read as Windows-1252.
func TestFeedUTF8DeclaringUTF16(t *testing.T) {
	tests := map[string]struct{ doc, want string }{
		"UTF-8":         {`<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>`, `<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
		"single quotes": {`<?xml version='1.0' encoding='utf-16le'?><rss>é</rss>`, `<?xml version='1.0' encoding='UTF-8'?><rss>é</rss>`},
		"Windows-1252":  {"<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>\xe9 \x80</rss>", `<?xml version="1.0" encoding="UTF-8"?><rss>é €</rss>`},
		"no BOM, big-endian": {utf16Bytes(t, `<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>`, unicode.BigEndian, false),
			`<?xml version="1.0" encoding="UTF-8"?><rss>é</rss>`},
	}
	for name, tt := range tests {
		got, err := feedUTF8([]byte(tt.doc), "")
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: feedUTF8 = %q, %v; want %q", name, got, err, tt.want)
		}
	}
}

// TestPageInUTF16WithXMLDeclaration: an XHTML page saved in UTF-16, whose
// XML declaration and <meta> say so, is read as one in UTF-8 is; one in
// Windows-1252 declaring UTF-16 is read as Windows-1252, and the warning
// says it is not UTF-16.
func TestPageInUTF16WithXMLDeclaration(t *testing.T) {
	page := `<?xml version="1.0" encoding="UTF-16"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head>` +
		`<meta charset="utf-16"/><title>Grüße aus Köln</title></head><body><p>Köln hat einen neuen Bahnhof.</p></body></html>` + "\n"
	for name, data := range map[string]string{
		"little-endian": utf16Bytes(t, page, unicode.LittleEndian, true),
		"big-endian":    utf16Bytes(t, page, unicode.BigEndian, true),
		"UTF-8":         page,
	} {
		a := readOne(t, "page.xhtml", data)
		if a.Title != "Grüße aus Köln" || a.Body != "Köln hat einen neuen Bahnhof." || slices.ContainsFunc(a.Warnings, isEncodingWarning) {
			t.Errorf("%s: %q %q %q", name, a.Title, a.Body, a.Warnings)
		}
	}
	latin1, err := charmap.Windows1252.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	a := readOne(t, "page.xhtml", latin1)
	want := "declares UTF-16 but is not UTF-16: read as Windows-1252 (Latin-1)"
	if a.Title != "Grüße aus Köln" || a.Body != "Köln hat einen neuen Bahnhof." || !slices.Contains(a.Warnings, want) {
		t.Errorf("Windows-1252: %q %q %q", a.Title, a.Body, a.Warnings)
	}
}

func isEncodingWarning(w string) bool {
	return strings.Contains(w, "UTF-8") || strings.Contains(w, "UTF-16") || strings.Contains(w, "Windows-1252")
}
