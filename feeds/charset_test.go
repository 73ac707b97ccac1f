package feeds

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// encode is s in enc, for pages written in a legacy encoding.
func encode(t *testing.T, enc encoding.Encoding, s string) string {
	t.Helper()
	out, err := enc.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// An HTML file is read in the encoding it declares, or Windows-1252 when it
// declares none and is not UTF-8; UTF-8 stays as it is.
func TestHTMLFileEncodings(t *testing.T) {
	page := func(head, title, text string) string {
		return "<!doctype html><html><head>" + head + "<title>" + title + "</title></head><body><p>" + text + "</p></body></html>"
	}
	latin1 := encode(t, charmap.ISO8859_1, "Café crème")
	tests := map[string]struct {
		page        string
		title, body string
	}{
		"meta charset ISO-8859-1": {
			page("<meta charset=\"iso-8859-1\">", latin1, encode(t, charmap.ISO8859_1, "Café crème à la carte.")),
			"Café crème", "Café crème à la carte.",
		},
		"http-equiv Windows-1252": {
			page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, latin1,
				encode(t, charmap.Windows1252, "“Quoted” – dashed…")),
			"Café crème", "“Quoted” – dashed…",
		},
		"declared after a long head": {
			page(`<script>var x = "<meta charset=koi8-r>";</script>`+strings.Repeat(`<link rel="stylesheet" href="/s.css">`, 40)+
				`<meta charset="iso-8859-1">`, latin1, latin1+"."),
			"Café crème", "Café crème.",
		},
		"undeclared Latin-1": {
			// Read as Windows-1252, as browsers read it.
			page("", latin1, latin1+"."),
			"Café crème", "Café crème.",
		},
		"undeclared Windows-1252": {
			page("", latin1, encode(t, charmap.Windows1252, "“Quoted” – 5 €.")),
			"Café crème", "“Quoted” – 5 €.",
		},
		"declared in the body": {
			page("", latin1, `<meta charset="iso-8859-1">`+latin1+"."),
			"Café crème", "Café crème.",
		},
		"declared UTF-8, written in Windows-1252": {
			page(`<meta charset="utf-8">`, latin1, encode(t, charmap.Windows1252, "Grüß Gott – “Café”.")),
			"Café crème", "Grüß Gott – “Café”.",
		},
		"XHTML declaring ISO-8859-1 in its XML declaration": {
			`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + latin1 +
				`</title></head><body><p>` + encode(t, charmap.ISO8859_1, "Grüße aus Zürich.") + `</p></body></html>`,
			"Café crème", "Grüße aus Zürich.",
		},
		"XHTML declaring KOI8-R in its XML declaration": {
			`<?xml version="1.0" encoding="koi8-r"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + encode(t, charmap.KOI8R, "Новости") +
				`</title></head><body><p>` + encode(t, charmap.KOI8R, "Привет, мир.") + `</p></body></html>`,
			"Новости", "Привет, мир.",
		},
		"XHTML declaring UTF-8 in its XML declaration, written in Windows-1252": {
			`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + latin1 +
				`</title></head><body><p>` + latin1 + `.</p></body></html>`,
			"Café crème", "Café crème.",
		},
		"the meta declaration before the XML one": {
			`<?xml version="1.0" encoding="koi8-r"?>` + "\n" + page(`<meta charset="iso-8859-1">`, latin1, latin1+"."),
			"Café crème", "Café crème.",
		},
		"ISO-2022-JP": {
			page(`<meta charset="iso-2022-jp">`, encode(t, japanese.ISO2022JP, "ニュース"), encode(t, japanese.ISO2022JP, "東京の天気。")),
			"ニュース", "東京の天気。",
		},
		"an encoding browsers refuse": {
			page(`<meta charset="iso-2022-kr">`, latin1, latin1+"."),
			"Café crème", "Café crème.",
		},
		"an unknown encoding": {
			page(`<meta charset="x-klingon">`, latin1, latin1+"."),
			"Café crème", "Café crème.",
		},
		"Windows-1251": {
			// The importer takes a file whose first KiB is mostly bytes
			// that are not UTF-8 for a binary one; a real page's head is
			// mostly markup.
			page(`<meta charset="windows-1251">`+strings.Repeat(`<link rel="stylesheet" href="/s.css">`, 30), encode(t, charmap.Windows1251, "Новости"), encode(t, charmap.Windows1251, "Привет, мир.")),
			"Новости", "Привет, мир.",
		},
		"a short KOI8-R page": {
			// Mostly bytes that are not UTF-8, and declared: text.
			page(`<meta charset="koi8-r">`, encode(t, charmap.KOI8R, "Новости"), encode(t, charmap.KOI8R, "Привет, мир. Новости дня.")),
			"Новости", "Привет, мир. Новости дня.",
		},
		"Shift_JIS": {
			page(`<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">`, encode(t, japanese.ShiftJIS, "ニュース"),
				encode(t, japanese.ShiftJIS, "東京の天気。")),
			"ニュース", "東京の天気。",
		},
		"UTF-8 declared": {
			page(`<meta charset="utf-8">`, "Café crème", "Zürich, Ærø, 東京."),
			"Café crème", "Zürich, Ærø, 東京.",
		},
		"UTF-8 declared as Latin-1": {
			page(`<meta charset="iso-8859-1">`, "Café crème", "Zürich, Ærø."),
			"Café crème", "Zürich, Ærø.",
		},
		"UTF-8 with a bad byte": {
			page(strings.Repeat("<!-- a long head -->", 60), "Café crème", "Zürich \xff Ærø."),
			"Café crème", "Zürich \ufffd Ærø.",
		},
		"UTF-8 with as many bad bytes as characters": {
			// Read as Windows-1252, it would turn "é" into "Ã©".
			page("", "Café", "Bad \x92 byte."),
			"Café", "Bad \ufffd byte.",
		},
		"ASCII with a stray byte": {
			// As Windows-1252 nothing else changes.
			page("", "Plain", "It\x92s plain."),
			"Plain", "It’s plain.",
		},
	}
	// The pages read in an encoding they do not declare.
	readAs1252 := map[string]bool{
		"undeclared Latin-1": true, "undeclared Windows-1252": true, "declared in the body": true,
		"declared UTF-8, written in Windows-1252": true, "an encoding browsers refuse": true,
		"an unknown encoding": true, "ASCII with a stray byte": true,
		"XHTML declaring UTF-8 in its XML declaration, written in Windows-1252": true,
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			items := readString(t, "page.html", tt.page)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			checkNormalized(t, a)
			if a.Title != tt.title || a.Body != tt.body {
				t.Errorf("title %q body %q, want %q and %q", a.Title, a.Body, tt.title, tt.body)
			}
			// Only bytes still not UTF-8 once read in the page's encoding
			// are a warning.
			warned := slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.Contains(w, "not valid UTF-8") })
			if replaced := strings.Contains(tt.body, "\ufffd"); warned != replaced {
				t.Errorf("warnings %q; want a warning of bytes replaced: %v", a.Warnings, replaced)
			}
			// Read in an encoding the page does not declare: a warning
			// says so.
			guessed := slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.Contains(w, "Windows-1252") })
			if guessed != readAs1252[name] {
				t.Errorf("warnings %q; want one of reading as Windows-1252: %v", a.Warnings, readAs1252[name])
			}
		})
	}
}

// htmlUTF8 returns valid UTF-8 byte for byte, whatever the page declares.
func TestHTMLUTF8KeepsUTF8(t *testing.T) {
	for _, page := range []string{
		"<p>plain ASCII</p>",
		`<meta charset="utf-8"><p>Café</p>`,
		`<meta charset="windows-1252"><p>Café “quoted”</p>`,
		`<meta charset="shift_jis"><p>東京</p>`,
		`<meta charset="iso-2022-kr"><p>Café</p>`,
		"<meta charset=\"iso-2022-jp\"><p>plain ASCII</p>",
		"<p>Caf\u00e9 \u200b zero width</p>",
	} {
		if got := htmlUTF8([]byte(page)); !bytes.Equal(got, []byte(page)) {
			t.Errorf("htmlUTF8(%q) = %q", page, got)
		}
	}
}

func FuzzHTMLUTF8(f *testing.F) {
	for _, s := range []string{
		"<meta charset=\"iso-8859-1\"><p>Caf\xe9</p>",
		`<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>` + "\x93\x8c\x8b\x9e</p>",
		"<meta charset=iso-2022-jp><p>\x1b$BEl5~\x1b(B</p>",
		"<p>Café</p>", "<meta charset=utf-16><p>x\xff</p>", "<head></head><meta charset=koi8-r>\xc1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := bytes.Clone(in)
		out := htmlUTF8(in)
		if !bytes.Equal(in, orig) {
			t.Fatalf("the input changed")
		}
		if utf8.Valid(orig) && bytes.IndexByte(orig, 0x1b) < 0 && !bytes.Equal(out, orig) {
			t.Fatalf("UTF-8 %q became %q", orig, out)
		}
		if !bytes.Equal(out, orig) && !utf8.Valid(out) {
			t.Fatalf("decoded to text that is not UTF-8: %q", out)
		}
	})
}

// TestFilesWithAStrayByteReadAsTheirFeed: a file that says it is UTF-8 (a
// byte-order mark, a <meta>, an XML declaration) or is UTF-8 but for a
// byte pasted from Word reads as the same text saved as a feed does: as
// UTF-8, the byte replaced, with a warning counting it.
func TestFilesWithAStrayByteReadAsTheirFeed(t *testing.T) {
	const text = "It\x92s pasted in K\xc3\xb6ln."
	tests := map[string]string{
		"bom.md": "\xef\xbb\xbf---\ntitle: K\xc3\xb6ln\n---\n\n" + text + "\n",
		"page.html": `<!doctype html><html><head><meta charset="utf-8"><title>K` + "\xc3\xb6" + `ln</title></head><body><p>` +
			text + "</p></body></html>",
		"page.xhtml": "\xef\xbb\xbf" + `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>K` +
			"\xc3\xb6" + `ln</title></head><body><p>` + text + "</p></body></html>",
		"feed.rss": "\xef\xbb\xbf" + `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0"><channel><title>K` +
			"\xc3\xb6" + `ln</title><item><title>K` + "\xc3\xb6" + `ln</title><guid>1</guid><description>` + text + "</description></item></channel></rss>",
	}
	for name, content := range tests {
		a := readOne(t, name, content)
		if a.Title != "Köln" || a.Body != "It\uFFFDs pasted in Köln." || !slices.Contains(a.Warnings, "not valid UTF-8; 1 byte replaced") {
			t.Errorf("%s: %q %q %q", name, a.Title, a.Body, a.Warnings)
		}
	}
}

// TestFilesDeclaringUTF8WithQuotesFromWord: a page that declares UTF-8 (a
// <meta>, an XML declaration) and holds UTF-8 characters reads as UTF-8
// however many quotes pasted from Word it holds besides, each replaced,
// with a warning counting them. One that holds none is Latin-1 declaring
// UTF-8 wrongly, and one that declares nothing is read as it always was:
// both as Windows-1252, with a warning.
func TestFilesDeclaringUTF8WithQuotesFromWord(t *testing.T) {
	const (
		utf8Text  = "K\xc3\xb6ln: it\xe2\x80\x99s \x93no comment\x94 on the \x93harbour plan\x94."
		utf8Read  = "Köln: it’s \uFFFDno comment\uFFFD on the \uFFFDharbour plan\uFFFD."
		latinText = "K\xf6ln: it\x92s \x93no comment\x94 on the caf\xe9."
		latinRead = "Köln: it’s “no comment” on the café."
		replaced4 = "not valid UTF-8; 4 bytes replaced"
		declared  = "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)"
		undecl    = "not UTF-8 and declares no encoding: read as Windows-1252 (Latin-1)"
	)
	meta := func(head, text string) string {
		return "<!doctype html><html><head>" + head + "<title>Kurier</title></head><body><p>" + text + "</p></body></html>"
	}
	xhtml := func(text string) string {
		return `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Kurier</title></head><body><p>` +
			text + "</p></body></html>"
	}
	tests := []struct {
		name, content, body, warning string
	}{
		{"meta-charset.html", meta(`<meta charset="utf-8">`, utf8Text), utf8Read, replaced4},
		{"http-equiv.html", meta(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">`, utf8Text), utf8Read, replaced4},
		{"declaration.xhtml", xhtml(utf8Text), utf8Read, replaced4},
		{"latin1-meta.html", meta(`<meta charset="utf-8">`, latinText), latinRead, declared},
		{"latin1-declaration.xhtml", xhtml(latinText), latinRead, declared},
		{"undeclared.html", meta("", utf8Text), "KÃ¶ln: itâ€™s “no comment” on the “harbour plan”.", undecl},
	}
	for _, tc := range tests {
		a := readOne(t, tc.name, tc.content)
		if a.Body != tc.body || !slices.Contains(a.Warnings, tc.warning) {
			t.Errorf("%s: %q %q, want %q %q", tc.name, a.Body, a.Warnings, tc.body, tc.warning)
		}
	}
}
