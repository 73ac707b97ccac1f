package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// koelnDoc is an RSS document of the Köln Kurier, as the tester's feed
// gives it: prolog is its XML declaration ("" for none), bom goes before
// it, and extra is the body of an entry of its own, in whatever bytes the
// case needs.
func koelnDoc(bom, prolog, extra string) string {
	doc := bom + prolog + `<rss version="2.0"><channel><title>Köln Kurier</title><link>https://koeln.example/</link><description>x</description>`
	if extra != "" {
		doc += `<item><title>Pasted from Word</title><link>https://koeln.example/2</link><guid>ko-2</guid>` +
			`<pubDate>Thu, 26 Nov 2026 09:00:00 +0000</pubDate><description>` + extra + `</description></item>`
	}
	return doc + `<item><title>Zoë’s café — naïve résumé</title><link>https://koeln.example/1</link><guid>ko-1</guid>` +
		`<pubDate>Wed, 25 Nov 2026 08:00:00 +0000</pubDate><description>Grüße aus Köln. 日本語.</description></item></channel></rss>`
}

// decoded is s, in the encoding enc, in UTF-8.
func decoded(t *testing.T, enc encoding.Encoding, s string) string {
	t.Helper()
	out, err := enc.NewDecoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const utf8Prolog = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// TestFetchMixedEncodings: a feed that is UTF-8 but for a few bytes (a
// quote pasted from Word, a character cut short), whether its byte-order
// mark, its declaration, its Content-Type or nothing says so, reads as
// UTF-8 with those bytes replaced and a warning counting them: its other
// entries read as they did when the feed was sound, ids included. A feed
// in Windows-1252, declared or not, and one in another code page it
// declares, read as they always have; an undeclared one says so.
func TestFetchMixedEncodings(t *testing.T) {
	latin1 := func(s string) string { return encode(t, charmap.Windows1252, s) }
	latin1Doc := func(prolog string) string {
		return prolog + `<rss version="2.0"><channel><title>Café Société</title><description>x</description>` +
			`<item><title>Crème brûlée à la française</title><description>Le pâtissier a gagné 50 £ – “bravo”.</description></item>` +
			`<item><title>Grüße aus Zürich</title><description>It’s a Windows-1252 document.</description></item></channel></rss>`
	}
	// Read as UTF-8, each holds one character: ß“ is DF 93, é, a no-break
	// space and » are E9 A0 BB.
	germanDoc := utf8Prolog + `<rss version="2.0"><channel><title>Rheinpost</title><description>x</description>` +
		`<item><title>„Viel Spaß“, sagt der Bürgermeister</title><guid>de-1</guid><description>Die Brücke über den Fluss öffnet.</description></item></channel></rss>`
	// Three ß“ by chance, fewer Latin letters that are no UTF-8: the
	// chance characters are of no script a feed is written in (N'Ko).
	sportsDoc := utf8Prolog + `<rss version="2.0"><channel><title>Sportecke</title><description>x</description>` +
		`<item><title>Trainer: „Das war kein Spaß“</title><guid>de-2</guid><description>x</description></item>` +
		`<item><title>Kapitän: „Heiß“</title><guid>de-3</guid><description>x</description></item>` +
		`<item><title>„Fußball ist Spaß“</title><guid>de-4</guid><description>x</description></item></channel></rss>`
	frenchDoc := utf8Prolog + `<rss version="2.0"><channel><title>Le Réveil</title><description>x</description>` +
		"<item><title>« Vive la liberté\u00a0»</title><guid>fr-1</guid><description>Le député a parlé à l’Assemblée.</description></item></channel></rss>"
	cyrillicDoc := `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости Москвы</title><description>x</description>` +
		`<item><title>Погода в Москве</title><guid>w-1</guid><description>Завтра будет солнечно — до 25 °C.</description></item></channel></rss>`
	const (
		replaced1 = "not valid UTF-8; 1 byte replaced"
		replaced2 = "not valid UTF-8; 2 bytes replaced"
	)
	tests := map[string]struct {
		doc, contentType string
		// want is the document in UTF-8 that the feed must read as, in
		// titles, texts and ids.
		want    string
		warning string
	}{
		"declared UTF-8 with a byte pasted from Word": {
			doc: koelnDoc("", utf8Prolog, "It\x92s pasted."), want: koelnDoc("", utf8Prolog, "It\uFFFDs pasted."), warning: replaced1,
		},
		"byte-order mark with a byte pasted from Word": {
			doc: koelnDoc("\xef\xbb\xbf", utf8Prolog, "It\x92s pasted."), want: koelnDoc("", utf8Prolog, "It\uFFFDs pasted."), warning: replaced1,
		},
		"Content-Type says UTF-8": {
			doc: koelnDoc("", "", "It\x92s pasted."), contentType: "application/rss+xml; charset=utf-8",
			want: koelnDoc("", "", "It\uFFFDs pasted."), warning: replaced1,
		},
		"undeclared, mostly UTF-8": {
			doc: koelnDoc("", "", "It\x92s \x93pasted\x94."), want: koelnDoc("", "", "It\uFFFDs \uFFFDpasted\uFFFD."),
			warning: "not valid UTF-8; 3 bytes replaced",
		},
		"declared UTF-8, a character cut short": {
			// ’ is E2 80 99: its last byte lost, one mark stands for
			// the two left.
			doc: koelnDoc("", utf8Prolog, "Grüße\xe2\x80 aus Köln"), want: koelnDoc("", utf8Prolog, "Grüße\uFFFD aus Köln"), warning: replaced2,
		},
		"declared Latin-1 but UTF-8 with a stray byte": {
			doc:  koelnDoc("", `<?xml version="1.0" encoding="ISO-8859-1"?>`, "It\x92s pasted."),
			want: koelnDoc("", `<?xml version="1.0" encoding="UTF-8"?>`, "It\uFFFDs pasted."), warning: replaced1,
		},
		"valid UTF-8 unchanged": {
			doc: koelnDoc("", utf8Prolog, "It’s pasted."), want: koelnDoc("", utf8Prolog, "It’s pasted."),
		},
		"Latin-1 undeclared": {
			doc: latin1(latin1Doc("")), want: latin1Doc(""),
			warning: "not UTF-8 and declares no encoding: read as Windows-1252 (Latin-1)",
		},
		"Latin-1 declared": {
			doc:  latin1(latin1Doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`)),
			want: latin1Doc(`<?xml version="1.0" encoding="UTF-8"?>`),
		},
		"Latin-1 declared by Content-Type": {
			doc: latin1(latin1Doc("")), contentType: "text/xml; charset=windows-1252", want: latin1Doc(""),
		},
		"Windows-1252 declaring UTF-8": {
			// Its one UTF-8 sequence (ß») is chance: its bad bytes
			// outnumber it.
			doc:     latin1(latin1Doc(utf8Prolog) + "<!-- Straße» -->"),
			want:    latin1Doc(utf8Prolog) + "<!-- Straße» -->",
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"the tester's English feed, two quote pairs pasted from Word": {
			// 4 bytes that are not UTF-8 against 2 UTF-8 characters.
			doc:     string(fixture(t, "feed-utf8-wordquotes.xml")),
			want:    strings.NewReplacer("\x93", "\uFFFD", "\x94", "\uFFFD").Replace(string(fixture(t, "feed-utf8-wordquotes.xml"))),
			warning: "not valid UTF-8; 4 bytes replaced",
		},
		"the tester's English feed, sound": {
			doc: string(fixture(t, "feed-utf8-clean.xml")), want: string(fixture(t, "feed-utf8-clean.xml")),
		},
		"Content-Type says UTF-8, more quotes from Word than accents": {
			// 16 bytes that are not UTF-8 against the feed's 13 UTF-8
			// characters.
			doc:  koelnDoc("", "", strings.Repeat("\x93Quote\x94 ", 8)),
			want: koelnDoc("", "", strings.Repeat("\uFFFDQuote\uFFFD ", 8)), contentType: "text/xml; charset=UTF-8",
			warning: "not valid UTF-8; 16 bytes replaced",
		},
		"byte-order mark, more quotes from Word than accents": {
			doc:     "\xef\xbb\xbf" + string(fixture(t, "feed-utf8-wordquotes.xml")),
			want:    strings.NewReplacer("\x93", "\uFFFD", "\x94", "\uFFFD").Replace(string(fixture(t, "feed-utf8-wordquotes.xml"))),
			warning: "not valid UTF-8; 4 bytes replaced",
		},
		"undeclared, more quotes from Word than accents": {
			// Declaring nothing, it is read as a text file is.
			doc:     strings.Replace(string(fixture(t, "feed-utf8-wordquotes.xml")), ` encoding="utf-8"`, "", 1),
			want:    decoded(t, charmap.Windows1252, strings.Replace(string(fixture(t, "feed-utf8-wordquotes.xml")), ` encoding="utf-8"`, "", 1)),
			warning: "not UTF-8 and declares no encoding: read as Windows-1252 (Latin-1)",
		},
		"Latin-1 declaring UTF-8, no UTF-8 character in it": {
			doc:     latin1(latin1Doc(utf8Prolog)),
			want:    latin1Doc(utf8Prolog),
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"Latin-1 with a byte-order mark, no UTF-8 character in it": {
			doc:     "\xef\xbb\xbf" + latin1(latin1Doc("")),
			want:    latin1Doc(""),
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"Latin-1 declaring UTF-8 by Content-Type, no UTF-8 character in it": {
			doc: latin1(latin1Doc("")), contentType: "application/rss+xml; charset=utf-8", want: latin1Doc(""),
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"German Windows-1252 declaring UTF-8, its ß“ a UTF-8 character by chance": {
			doc:     latin1(germanDoc),
			want:    germanDoc,
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"German Windows-1252 declaring UTF-8, more ß“ by chance than letters that are not UTF-8": {
			doc:     latin1(sportsDoc),
			want:    sportsDoc,
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"French Windows-1252 declaring UTF-8, its é and no-break space before » a UTF-8 character by chance": {
			doc:     latin1(frenchDoc),
			want:    frenchDoc,
			warning: "declares UTF-8 but is not UTF-8: read as Windows-1252 (Latin-1)",
		},
		"windows-1251 declared": {
			doc: encode(t, charmap.Windows1251, cyrillicDoc), want: strings.Replace(cyrillicDoc, "windows-1251", "UTF-8", 1),
		},
		"JSON Feed with a stray byte": {
			doc:     `{"version": "https://jsonfeed.org/version/1.1", "title": "Köln", "items": [{"id": "1", "content_text": "It` + "\x92" + `s pasted."}]}`,
			want:    `{"version": "https://jsonfeed.org/version/1.1", "title": "Köln", "items": [{"id": "1", "content_text": "It` + "\uFFFD" + `s pasted."}]}`,
			warning: replaced1,
		},
	}
	f := testFetcher()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				w.Write([]byte(tc.doc))
			}))
			defer srv.Close()
			sub := Subscription{URL: srv.URL + "/feed"}
			got := f.Fetch(context.Background(), sub)
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			want, err := ParseFeed([]byte(tc.want), "", "", sub)
			if err != nil {
				t.Fatal(err)
			}
			if got.Warning != tc.warning {
				t.Errorf("warning %q, want %q", got.Warning, tc.warning)
			}
			if got.Sub.Title != want.Title {
				t.Errorf("feed title %q, want %q", got.Sub.Title, want.Title)
			}
			if len(got.Articles) != len(want.Articles) {
				t.Fatalf("%d articles, want %d", len(got.Articles), len(want.Articles))
			}
			for i, a := range got.Articles {
				w := want.Articles[i]
				if a.ExternalID != w.ExternalID || a.Title != w.Title || a.Body != w.Body || a.Source != w.Source {
					t.Errorf("article %d: %q %q %q from %q\nwant %q %q %q from %q", i,
						a.ExternalID, a.Title, a.Body, a.Source, w.ExternalID, w.Title, w.Body, w.Source)
				}
			}
		})
	}
}

// TestImportSavedFeedMixedEncoding: a saved feed with a byte-order mark
// and a byte pasted from Word imports as UTF-8, that byte replaced, with
// a warning, as the same feed fetched does.
func TestImportSavedFeedMixedEncoding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "koeln.rss")
	if err := os.WriteFile(path, []byte(koelnDoc("\xef\xbb\xbf", utf8Prolog, "It\x92s pasted.")), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []Article
	if err := Read(path, func(it Item) error {
		got = append(got, it.Article)
		return it.Err
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d articles, want 2", len(got))
	}
	var warnings []string
	for _, a := range got {
		if a.Source != "Köln Kurier" {
			t.Errorf("source %q, want Köln Kurier", a.Source)
		}
		warnings = append(warnings, a.Warnings...)
	}
	if got[0].Body != "It\uFFFDs pasted." || got[1].Title != "Zoë’s café — naïve résumé" || got[1].Body != "Grüße aus Köln. 日本語." {
		t.Errorf("read %q, %q %q", got[0].Body, got[1].Title, got[1].Body)
	}
	if strings.Join(warnings, "; ") != "not valid UTF-8; 1 byte replaced" {
		t.Errorf("warnings %q", warnings)
	}
}
