package query

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words are read alike however their letters are written: pointed or not,
// composed or decomposed, in halfwidth forms, with letters unicode61 keeps
// as letters of their own.
func TestTokensFoldScripts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"arabic harakat", "كَتَبَ الْوَزِيرُ", []string{"كتب", "الوزير"}},
		{"arabic tatweel", "كـتـاب", []string{"كتاب"}},
		{"arabic quranic marks", "ٱلْحَمْدُ لِلَّهِ ۝ رَبِّ ٱلْعَٰلَمِينَ", []string{"ٱلحمد", "لله", "رب", "ٱلعلمين"}},
		{"arabic combining hamza", "المسو\u0654ول", []string{"المسؤول"}},
		{"arabic precomposed hamza", "المسؤول", []string{"المسؤول"}},
		{"hebrew points", "שָׁלוֹם הַמֶּמְשָׁלָה", []string{"שלום", "הממשלה"}},
		{"hebrew cantillation", "בְּרֵאשִׁ֖ית בָּרָ֣א", []string{"בראשית", "ברא"}},
		{"hebrew presentation form", "\ufb2aלום", []string{"שלום"}},
		{"hebrew maqaf separates", "עַל־פִּי", []string{"על", "פי"}},
		{"a lone mark is no word", "a \u064e b", []string{"a", "b"}},
		{"hindi vowel signs stay", "घोषणा", []string{"घ", "षण"}},
		{"turkish dotless i", "IĞDIR ığdır Iğdır İstanbul", []string{"igdir", "igdir", "igdir", "istanbul"}},
		{"sharp s", "Straße STRASSE GROẞE", []string{"strasse", "strasse", "grosse"}},
		{"ligatures", "cœur ŒUVRE Encyclopædia ÆBLE", []string{"coeur", "oeuvre", "encyclopaedia", "aeble"}},
		{"o with stroke", "København ØRESUND Ǿ", []string{"kobenhavn", "oresund", "o"}},
		{"d with stroke", "Đà Nẵng đổ", []string{"da", "nang", "do"}},
		{"l with stroke", "Łódź łódź", []string{"lodz", "lodz"}},
		{"letters of their own stay", "ёлка Йошкар åland þing", []string{"ёлка", "йошкар", "aland", "þing"}},
		{"hangul jamo", "\u1103\u1162\u1110\u1169\u11bc\u1105\u1167\u11bc", []string{"대", "통", "령"}},
		{"kana voicing marks", "\u30ab\u3099\u30b5\u3099\u5730\u533a", []string{"ガ", "ザ", "地", "区"}},
		{"a voicing mark alone", "ア\u3099 \u3099", []string{"ア"}},
		{"halfwidth katakana", "ｻﾐｯﾄ ｶﾞｿﾘﾝ ﾊﾟﾝ", []string{"サ", "ミ", "ッ", "ト", "ガ", "ソ", "リ", "ン", "パ", "ン"}},
		{"cjk compatibility ideograph", "\uf900", []string{"\u8c48"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A phrase is found, and highlighted where it is, in text written in
// another form than the query's; the ranges are the text's own.
func TestMatchPhraseScripts(t *testing.T) {
	nfdKorean := norm.NFD.String("대통령 기자회견")
	tests := []struct {
		text, phrase string
		want         string // what is highlighted, "" for no match
	}{
		{"كَتَبَ الْوَزِيرُ رِسَالَةً", "الوزير رسالة", "الْوَزِيرُ رِسَالَةً"},
		{"كتب الوزير", "الْوَزِيرُ", "الوزير"},
		{"הַמֶּמְשָׁלָה הוֹדִיעָה", "הממשלה", "הַמֶּמְשָׁלָה"},
		{"חֲדָשׁוֹת", "חדש*", "חֲדָשׁוֹת"},
		{nfdKorean, "대통령", norm.NFD.String("대통령")},
		{nfdKorean, "기자", norm.NFD.String("기자")},
		{"대통령 기자회견", norm.NFD.String("회견"), "회견"},
		{norm.NFD.String("ガザ地区"), "ガザ", norm.NFD.String("ガザ")},
		{norm.NFD.String("ガザ地区"), "カサ", ""},
		{"ガザ地区", "\u30ab\u3099\u30b5\u3099", "ガザ"},
		{"ｻﾐｯﾄ開催", "サミット", "ｻﾐｯﾄ"},
		{"ｶﾞｿﾘﾝ", "ガソ", "ｶﾞｿ"},
		{"サミット", "ｻﾐｯﾄ", "サミット"},
		{"\uf900", "\u8c48", "\uf900"},
		{"Die Straße", "strasse", "Straße"},
		{"DIE STRASSE", "straße", "STRASSE"},
		{"Die Straße", "stras*", "Straße"},
		{"Die Straße", "strasser", ""},
		{"IĞDIR'DA", "ığdır", "IĞDIR"},
		{"Łódź i Gdańsk", "lodz i gdansk", "Łódź i Gdańsk"},
		{"Bão đổ bộ Đà Nẵng", "da nang", "Đà Nẵng"},
		{"Zu\u0308rich und Ko\u0308ln", "zurich", "Zu\u0308rich"},
	}
	for _, tt := range tests {
		if got := MatchPhrase(tt.text, tt.phrase); got != (tt.want != "") {
			t.Errorf("MatchPhrase(%q, %q) = %v", tt.text, tt.phrase, got)
		}
		var marked []string
		for _, r := range Highlights(tt.text, []string{tt.phrase}) {
			marked = append(marked, tt.text[r[0]:r[1]])
		}
		if got := strings.Join(marked, "|"); got != tt.want {
			t.Errorf("Highlights(%q, %q) marks %q, want %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// Query syntax typed in an input method's fullwidth mode reads as it does
// in ASCII; names and words are kept as typed.
func TestParseFullwidthSyntax(t *testing.T) {
	for in, want := range map[string]string{
		"地震 －東京":        "地震 -東京",
		"東京　ＯＲ　서울":      "東京 OR 서울",
		"東京　ＡＮＤ　ＮＯＴ　大阪": "東京 -大阪",
		"ｔｉｔｌｅ：東京":      "title:東京",
		"title：東京":      "title:東京",
		"Ｔｉｔｌｅ：＂東京　大阪＂": `title:"東京　大阪"`,
		"＃東京":           "tag:東京",
		"ｔａｇ：ＮＨＫ":       "tag:ＮＨＫ",
		"ｓｏｕｒｃｅ：ＮＨＫ＊":   "source:ＮＨＫ*",
		"（大阪　ＯＲ　東京）　地震": "(大阪 OR 東京) 地震",
		"＂東京 大阪＂＊":      `"東京 大阪"*`,
		"ｔｏｋ＊":          "ｔｏｋ*",
		"ｉｓ：ｕｎｒｅａｄ":     "is:unread",
		"ａｆｔｅｒ：２０２４－０３": "after:2024-03",
		"ｓｉｎｃｅ：７ｄ":      "since:7d",
		"Ｇ７サミット":        "Ｇ７サミット",
		"１０：３０":         `"１０：３０"`, // as 10:30 is
		`＂ａ＼＂ｂ＂`:        `"ａ\＂ｂ"`,
		"東京－大阪":         "東京－大阪", // a dash inside a word is punctuation
		"－－東京":          "東京",
		"東京　－　大阪":       "東京 大阪", // a dash alone is punctuation
		`"ＯＲ"`:          `"ＯＲ"`,
		`"－東京"`:         `"－東京"`,
		`tag:"ａ\＂ｂ"`:    `tag:"ａ\＂ｂ"`,
		"ｆｏｏ（ｘ）":        "ｆｏｏ ｘ",
		"ＯＲｅｇｏｎ":        "ＯＲｅｇｏｎ",
		"ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ": `"ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ"`,
	} {
		n, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if got := n.String(); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
		if again, err := Parse(n.String()); err != nil || again.String() != n.String() {
			t.Errorf("Parse(%q) prints %q, which parses to %q, %v", in, n.String(), again.String(), err)
		}
	}
	for in, want := range map[string]string{
		"東京　ＯＲ":        `"OR" needs a term after it at col 4`,
		"ｆｏｏ：ｘ":        `unknown field "ｆｏｏ：" at col 1`,
		"（東京":          `unclosed "(" at col 1`,
		"東京　＂大阪":       "unclosed quote at col 4",
		"ｉｓ：ｎｅｗ":       `unknown state "ｎｅｗ": is: takes unread, read, starred, annotated or untagged at col 4`,
		"東京）":          `unexpected ")" at col 3`,
		"ｔａｇ：　東京":      `missing value after "tag:" at col 1`,
		"ｄａｔｅ：２０２４－１３": `bad date "2024-13": no month 13 at col 6`,
	} {
		if _, err := Parse(in); err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error %v, want %s", in, err, want)
		}
	}
}

// Composing text a piece at a time, for Highlights, makes what composing
// it at once makes, and maps every offset of it into the text.
func FuzzNormalFormOffsets(f *testing.F) {
	for _, s := range []string{
		"", "plain", "Zu\u0308rich", norm.NFD.String("대통령 기자회견 ガザ"), "ｻﾐｯﾄ ｶﾞｿﾘﾝ", "\uf900\u2126",
		"a" + strings.Repeat("\u0301", 40) + "b", "\xff\u0301\xe3", "ア\u3099 \u1100\u1161\u11a8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		form, offsets := normalFormOffsets(s)
		if want := normalForm(s); form != want {
			t.Fatalf("normalFormOffsets(%q) = %q, normalForm %q", s, form, want)
		}
		last := 0
		for at := 0; at <= len(form); at++ {
			start, end := offsets.inText(at, false), offsets.inText(at, true)
			if start < last || start > end || end > len(s) {
				t.Fatalf("%q: offset %d of %q is %d to %d in the text", s, at, form, start, end)
			}
			last = start
		}
		if len(form) > 0 && offsets.inText(len(form), true) != len(s) {
			t.Fatalf("%q: the end of %q is %d", s, form, offsets.inText(len(form), true))
		}
	})
}

// needsNormalForm is exact: it says a text changes when, and only when,
// composing it changes it.
func FuzzNeedsNormalForm(f *testing.F) {
	for _, s := range []string{
		"", "plain", "Zürich", "Zu\u0308rich", norm.NFD.String("대통령"), "대통령", "ｻﾐｯﾄ", "\uf900",
		"ア\u3099", "ガ", "\u0301a", "a\u0323\u0301", "a\u0301\u0323", "東京で地震", "\U0002f800", "\xe3\x82",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := norm.NFC.String(widenKana(s)) != s
		if got := needsNormalForm(s); got != want {
			t.Errorf("needsNormalForm(%q) = %v, want %v", s, got, want)
		}
	})
}

// IndexForm's quick look for a character it changes misses none.
func FuzzIndexForm(f *testing.F) {
	for _, s := range []string{
		"", "plain café", "Αθήνα", "α\u0313", "Straße", "ı", "كَتَبَ", "שָׁלוֹם", "ｻﾐｯﾄ", "Ｔｏｋｙｏ ﬁ",
		norm.NFD.String("대통령 Zürich"), "東京で地震", "\U0002f800", "ἀ", "e\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IndexForm(s), BareGreek(spellOut(normalForm(s))); got != want {
			t.Errorf("IndexForm(%q) = %q, want %q", s, got, want)
		}
	})
}

// Widening halfwidth katakana moves no offset (widenKana, Highlights):
// each is one character of three bytes, as the katakana it stands for.
func TestHalfwidthKanaKeepTheirLength(t *testing.T) {
	for r := rune(halfwidthFirst); r <= halfwidthLast; r++ {
		if k := halfwidthKana[r-halfwidthFirst]; utf8.RuneLen(k) != utf8.RuneLen(r) || norm.NFKC.String(string(r)) != string(k) {
			t.Errorf("U+%04X is %q", r, k)
		}
	}
}
