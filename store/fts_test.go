package store

import (
	"database/sql"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/store/query"
)

var phraseCases = []struct{ text, phrase string }{
	{"Oil prices rose sharply.", "oil prices"},
	{"OIL, PRICES rose", "oil prices"},
	{"prices of oil", "oil prices"},
	{"Oil pricing", "oil pri*"},
	{"Café au lait", "cafe"},
	{"A cafe in Zürich", "zurich"},
	{"“Oil” — prices’ fall", "oil prices"},
	{"naïve approach", "naive"},
	{"co-operation", "co operation"},
	{"U.S. troops", "u s troops"},
	{"東京 tower", "東京"},
	{"ﬁnance", "finance"},
	{"Ｔｏｋｙｏ tower", "tokyo tower"},
	{"the ofﬁce", "off*"},
	{"ﬃx ﬂ", "ffix fl"},
	{"İstanbul", "istanbul"},
	{"", "oil"},
	{"oil", ""},
	{"\xff\xfe oil prices", "oil prices"},
	{"xoil prices, oil pricesx, oil-prices", "oil prices"},
	{"soil prices", "oil prices"},
	{"oil  prices", "oil prices*"},
	{"oil pricesx", "oil prices*"},
	{"oil\u2014PRICES and more", "oil prices and"},
	{"the the the end", "the end"},
	{"a1b2 c3", "a1b2 c3"},
	{"Oil prices", "oil prices*"},
	{"oil", "oil*"},
	{"oil", "oi"},
	{"oil prices", "oil prices rose"},
	{"東京で大規模な地震が発生", "地震"},
	{"東京・大阪", "京大"},
	{"東京・大阪", "東京 大阪"},
	{"G7 サミット", "g7サミット"},
	{"東京marathon", "東京mar*"},
	{"Tokyo東京", "tokyo"},
	{"서울에서", "서울"},
	{"Η Αθήνα σήμερα", "αθηνα σημερα"},
	{"Η Αθη\u0301να ση\u0301μερα", "Αθήνα σήμ*"},
	{"Ἀθῆναι", "αθηναι"},
	{"α\u0313θη\u0342ναι", "θη"},
}

// matchPhrase must answer exactly as query.MatchPhrase does: its quick
// rejection may only skip work.
func TestMatchPhraseAgreesWithQuery(t *testing.T) {
	for _, c := range phraseCases {
		if got, want := matchPhrase(c.text, c.phrase), query.MatchPhrase(c.text, c.phrase); got != want {
			t.Errorf("matchPhrase(%q, %q) = %v, query.MatchPhrase says %v", c.text, c.phrase, got, want)
		}
	}
}

func FuzzMatchPhrase(f *testing.F) {
	for _, c := range phraseCases {
		f.Add(c.text, c.phrase)
	}
	f.Fuzz(func(t *testing.T, text, phrase string) {
		if got, want := matchPhrase(text, phrase), query.MatchPhrase(text, phrase); got != want {
			t.Errorf("matchPhrase(%q, %q) = %v, query.MatchPhrase says %v", text, phrase, got, want)
		}
	})
}

// asIndexed is text as the index must hold it (the same terms as
// distinctWords gives it, more cheaply): as query.IndexForm gives it
// (composed, its Greek letters bare, its compatibility forms and the
// letters read as others spelled out, without the vowel points of Arabic
// and Hebrew) and a space either side of each CJK character.
func asIndexed(text string) string { return spaceCJK(query.IndexForm(text)) }

// spaceCJK is text with a space either side of each CJK character.
func spaceCJK(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if query.IsCJK(r) {
			b.WriteString(" " + text[i:i+n] + " ")
		} else {
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}

var distinctCases = []struct{ text, want string }{
	{"", ""},
	{" ,.;-- ", ""},
	{"oil", "oil"},
	{"Oil prices rose; oil PRICES fell, OIL rose", "oil prices rose fell"},
	{"U.S. and u.s.", "u s and"},
	{"don't don’t", "don t don’t"},
	{"Café café CAFÉ", "café cafÉ"},
	{"Zürich zurich", "zürich zurich"},
	{"東京 東京タワー 東京", "東 京 タ ワ ー"},
	{"東京で大規模な地震が発生。地震の後", "東 京 で 大 規 模 な 地 震 が 発 生 。 の 後"},
	{"G7サミット g7 G7-summit", "g7 サ ミ ッ ト summit"},
	{"2024年3月11日", "2024 年 3 月 11 日"},
	{"서울에서 서울", "서 울 에"},
	{"Zürich東京Zürich", "zürich 東 京"},
	{"ｶﾞｶﾞ 𠮷𠮷", "ガ 𠮷"},
	{"كَتَبَ كتب الْوَزِيرُ", "كتب الوزير"},
	{"שָׁלוֹם שלום", "שלום"},
	{"Straße STRASSE ıĞDIR Łódź œuvre", "strasse iĞdir lódź oeuvre"},
	{"대통 대통", "대 통"},
	{"ガス ガス", "ガ ス"},
	{"\xe3\x81東\xe3", "\xe3\x81 東 \xe3"},
	{"line\r\nline\tline", "line"},
	{"a1b2 A1B2 a1b2x", "a1b2 a1b2x"},
	{"oil\u2014prices oil\u2014prices", "oil\u2014prices"},
	{"\xff\xfeoil \xff\xfeoil", "\xff\xfeoil"},
	{"Ｔｏｋｙｏ tokyo ofﬁce Office ＧＡ7", "tokyo office ga7"},
	{"Αθήνα αθηνα Α\u0301θηνα ΑΘΉΝΑ", "Αθηνα αθηνα ΑΘΗΝΑ"},
	{"Ἀθῆναι α\u0313θη\u0342ναι e\u0313t", "Αθηναι αθηναι e\u0313t"},
}

func TestDistinctWords(t *testing.T) {
	seen := make(wordSet)
	for _, c := range distinctCases {
		if got := distinctWords(c.text, seen); got != c.want {
			t.Errorf("distinctWords(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// The index must hold exactly the same terms, column by column, whether it
// is given an article's text (with its CJK characters apart and its Greek
// letters bare) or its distinct words.
func TestDistinctWordsIndexAsTheText(t *testing.T) {
	db := openQueryDB(t, "sqlite", `CREATE VIRTUAL TABLE fts_terms USING fts5vocab(article_fts, instance)`)
	texts := []string{
		"Zürich Café ÉTÉ naïve zurich cafe", "Йошкар-Ола Ёлка ёлка", "Ελλάδα ΑΘΗΝΑ Αθήνα", "日本語 テスト 한국어 日本語",
		"東\u0301京 a\u0301東 東\u3099 〇々〆ー", "ＡＢＣ東ａｂｃ １２３年", "x\U00020BB7y \U0001B001 \u3042\u309a",
		"e\u0301te\u0301 ete", "ﬁnance finance FINANCE", "İstanbul istanbul", "Straße STRASSE strasse",
		"oil\u00a0prices oil prices", "x\u200by x y", "\x1b[31mred\x1b[0m red", "a\x00b a b",
		greekNFC, greekNFD, "ἀθῆναι Ἀθῆναι α\u0313θη\u0342ναι", "e\u0313t a\u0301\u0313b",
	}
	for _, c := range distinctCases {
		texts = append(texts, c.text)
	}
	seen := make(wordSet)
	for i, text := range texts {
		if got, want := indexedTerms(t, db, distinctWords(text, seen)), indexedTerms(t, db, asIndexed(text)); !slices.Equal(got, want) {
			t.Errorf("text %d %q: distinct words index as %q, the text as %q", i, text, got, want)
		}
	}
}

func FuzzDistinctWords(f *testing.F) {
	for _, c := range distinctCases {
		f.Add(c.text)
	}
	db := openQueryDB(f, "sqlite", `CREATE VIRTUAL TABLE fts_terms USING fts5vocab(article_fts, instance)`)
	seen := make(wordSet)
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := indexedTerms(t, db, distinctWords(text, seen)), indexedTerms(t, db, asIndexed(text)); !slices.Equal(got, want) {
			t.Errorf("%q: distinct words index as %q, the text as %q", text, got, want)
		}
	})
}

// indexedTerms indexes text in every column of article_fts and returns the
// terms FTS5 records, as "column:term", sorted; then it takes the row out.
func indexedTerms(t testing.TB, db *sql.DB, text string) []string {
	t.Helper()
	if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (1, ?, ?, ?)`, text, text, text); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT DISTINCT col || ':' || term FROM fts_terms WHERE doc = 1 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		terms = append(terms, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	rows.Close()
	if _, err := db.Exec(`DELETE FROM article_fts WHERE rowid = 1`); err != nil {
		t.Fatal(err)
	}
	return terms
}
