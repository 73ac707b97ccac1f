package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
	"tidings/store/query"
)

// scriptFinds are texts of many scripts and whether a query finds each, as
// a reader expects: case and diacritics never matter, in any script, nor
// whether the text or the query came composed or decomposed, pointed or
// not, in fullwidth or halfwidth forms. live is whether the query typed in
// the live filter lists it, its last word a prefix.
var scriptFinds = []struct {
	text, q    string
	want, live bool
}{
	// Arabic: harakat, tatweel and the combining hamza.
	{"كَتَبَ الْوَزِيرُ رِسَالَةً إِلَى الْحُكُومَةِ.", "الوزير", true, true},
	{"كَتَبَ الْوَزِيرُ رِسَالَةً إِلَى الْحُكُومَةِ.", "كتب رسالة", true, true},
	{"كتب الوزير رسالة", "الْوَزِيرُ", true, true},
	{"كتب الوزير رسالة", `"كَتَبَ الْوَزِيرُ"`, true, true},
	{"كـتـاب جديد", "كتاب", true, true},
	{"كتب الوزير رسالة", "وزير", false, false},
	{"قال الرئيس إن المسو\u0654ول سيزور المدينة", "المسؤول", true, true},
	{"قال الرئيس إن المسؤول سيزور المدينة", "المسو\u0654ول", true, true},
	// Hebrew: points and cantillation, and a presentation form.
	{"הַמֶּמְשָׁלָה הוֹדִיעָה עַל שָׁלוֹם.", "שלום", true, true},
	{"הַמֶּמְשָׁלָה הוֹדִיעָה עַל שָׁלוֹם.", "הממשלה הודיעה", true, true},
	{"הממשלה הודיעה על שלום", "שָׁלוֹם", true, true},
	{"חֲדָשׁוֹת הַיּוֹם", "חדשות", true, true},
	{"חֲדָשׁוֹת הַיּוֹם", "חדש", false, true}, // a word being typed
	{"\ufb2aלום עכשיו", "שלום", true, true},
	// Hindi keeps its vowel signs: a word is found as the text writes it.
	{"प्रधानमंत्री ने घोषणा की।", "प्रधानमंत्री", true, true},
	{"प्रधानमंत्री ने घोषणा की।", "घोषणा", true, true},
	// Turkish: ı is i, as İ is.
	{"IĞDIR'DA KAR YAĞIŞI: DİYARBAKIR YOLU KAPANDI", "ığdır", true, true},
	{"IĞDIR'DA KAR YAĞIŞI: DİYARBAKIR YOLU KAPANDI", "kapandı", true, true},
	{"IĞDIR'DA KAR YAĞIŞI: DİYARBAKIR YOLU KAPANDI", "diyarbakır", true, true},
	{"Iğdır ve Diyarbakır arasında ulaşım durdu.", "IĞDIR DİYARBAKIR", true, true},
	{"Iğdır ve Diyarbakır arasında ulaşım durdu.", "diyarbakir", true, true},
	{"ığdır valiliği açıklama yaptı", "IĞDIR", true, true},
	// Letters unicode61 keeps as letters of their own.
	{"Die Straße ist gesperrt", "strasse", true, true},
	{"Die Strasse ist gesperrt", "Straße", true, true},
	{"DIE GROẞE STRASSE", "große", true, true},
	{"Le cœur de Paris, une œuvre", "coeur oeuvre", true, true},
	{"LE CŒUR DE PARIS", "cœur", true, true},
	{"Encyclopædia Æsir", "encyclopaedia aesir", true, true},
	{"København og Ærø, Øresund", "kobenhavn aero oresund", true, true},
	{"Ǿresund", "oresund", true, true},
	{"Bão đổ bộ Đà Nẵng", "da nang", true, true},
	{"Bão đổ bộ Đà Nẵng", "do bo", true, true},
	{"Łódź i Gdańsk", "lodz gdansk", true, true},
	{"ŁÓDŹ", "łódź", true, true},
	{"Йошкар-Ола, ёлка", "иошкар", false, false}, // letters of their own stay so
	{"Йошкар-Ола, ёлка", "елка", false, false},
	// Decomposed Korean, Japanese and composed queries, and the other way.
	{"\u1103\u1162\u1110\u1169\u11bc\u1105\u1167\u11bc \u1100\u1175\u110c\u1161\u1112\u116c\u1100\u1167\u11ab", "대통령", true, true},
	{"대통령 기자회견", "\u1100\u1175\u110c\u1161\u1112\u116c\u1100\u1167\u11ab", true, true},
	{"\u30ab\u3099\u30b5\u3099\u5730\u533a\u3066\u3099\u505c\u6226", "ガザ地区", true, true},
	{"ガザ地区で停戦", "\u30ab\u3099\u30b5\u3099", true, true},
	{"ガザ地区で停戦", "カサ", false, false},
	// Halfwidth katakana are katakana.
	{"ｻﾐｯﾄ開催", "サミット", true, true},
	{"サミット開催", "ｻﾐｯﾄ", true, true},
	{"ｶﾞｿﾘﾝ価格", "ガソリン", true, true},
	// Query syntax typed in fullwidth mode.
	{"地震 東京", "地震 －東京", false, false},
	{"地震 大阪", "地震 －東京", true, true},
	{"東京の天気", "東京　ＯＲ　서울", true, true},
	{"서울 날씨", "東京　ＯＲ　서울", true, true},
	{"東京の天気", "ｔｉｔｌｅ：東京", true, true},
	{"東京の天気", "title：東京", true, true},
	{"東京の天気", "（大阪　ＯＲ　東京）", true, true},
	{"東京の天気", "＂東京の＂", true, true},
	{"東京の天気", "＂京東＂", false, false},
	{"Tokyo weather", "tok＊", true, true},
	{"Tokyo weather", "－ｔｏｋｙｏ", false, false},
	{"Osaka weather", "－ｔｏｋｙｏ", true, true},
}

// Every script's words are found as a reader types them, by a search, a
// count, the live filter and its count, whichever way the live filter
// finds its last word.
func TestSearchFoldsScripts(t *testing.T) {
	s := openTemp(t)
	var arts []feeds.Article
	idOf := map[string]string{} // external id by text
	for _, c := range scriptFinds {
		if _, ok := idOf[c.text]; ok {
			continue
		}
		id := fmt.Sprintf("x%d", len(arts)+1)
		idOf[c.text] = id
		a := art(id, "2024-10-01", c.text)
		a.Title = c.text
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	rowIDs := map[int64]string{}
	err := s.Search(t.Context(), "", 0, func(a Article) error {
		rowIDs[a.ID] = a.ExternalID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { liveCandidates = n }(liveCandidates)
	for _, c := range scriptFinds {
		want := idOf[c.text]
		found := externalIDs(t, s, c.q)
		if got := slices.Contains(found, want); got != c.want {
			t.Errorf("%q in %q: found %v, want %v", c.q, c.text, got, c.want)
		}
		if n, err := s.Count(t.Context(), c.q); err != nil || n != len(found) {
			t.Errorf("Count(%q) = %d, %v; the search finds %d", c.q, n, err, len(found))
		}
		for _, budget := range []int{0, 1000} {
			liveCandidates = budget
			s.rare.word = ""
			rows := pageForward(t, s, c.q, true, 50)
			got := slices.ContainsFunc(rows, func(r Row) bool { return rowIDs[r.ID] == want })
			if got != c.live {
				t.Errorf("live %q in %q, %d candidates: listed %v, want %v", c.q, c.text, budget, got, c.live)
			}
			if n, err := s.CountLive(t.Context(), c.q); err != nil || n != len(rows) {
				t.Errorf("CountLive(%q), %d candidates = %d, %v; the live filter lists %d", c.q, budget, n, err, len(rows))
			}
		}
	}
}

// A library from before is indexed again where a title, body or note has
// a character now read otherwise; its other articles are found as they
// were.
func TestMigrationRefoldsScripts(t *testing.T) {
	// The version before the migration that reads text so.
	v := slices.IndexFunc(migrations, func(m string) bool { return strings.Contains(m, "reindexFolds") })
	path, db := oldLibrary(t, v)
	olds := []oldArticle{
		{"Minister's letter", "كَتَبَ الْوَزِيرُ رِسَالَةً", ""},
		{"Peace", "Nothing here.", "הַמֶּמְשָׁלָה הוֹדִיעָה עַל שָׁלוֹם"},
		{"KAPANDI", "Die Straße ist gesperrt", ""},
		{"\u1103\u1162\u1110\u1169\u11bc\u1105\u1167\u11bc", "ｻﾐｯﾄ開催", ""},
		{"Plain English", "An earthquake struck \u201cthe coast\u201d.", "keep calm"},
	}
	// As the store wrote rows before: marks, letters and forms as unicode61
	// reads them.
	plantOld(t, db, olds, func(s string) string { return spaceCJK(query.BareGreek(query.Compat(s))) })
	s := upgrade(t, path, db)
	checkFinds(t, s, map[string][]string{
		"الوزير": {"a1"}, "letter": {"a1"}, "שלום": {"a2"}, "peace": {"a2"}, "kapandı": {"a3"}, "strasse": {"a3"},
		"대통령": {"a4"}, "サミット": {"a4"}, "earthquake": {"a5"}, "calm": {"a5"}, `"the coast"`: {"a5"},
	})
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

// The migration indexes again exactly the texts the index is now given
// otherwise.
func TestNewlyFolded(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"", false},
		{"An earthquake struck \u201cthe coast\u201d \u2014 café, Zürich, Gdańsk, Ελλάδα.", false},
		{"東京で地震 서울에서 Ｔｏｋｙｏ ﬁnance", false}, // indexed so since schema 15
		{"كتب الوزير", false},
		{"كَتَبَ", true},
		{"كـتاب", true},
		{"שָׁלוֹם", true},
		{"שלום", false},
		{"प्रधानमंत्री", false},
		{"Straße", true}, {"GROẞE", true}, {"cœur", true}, {"Æble", true}, {"Ørsted", true},
		{"Đà Nẵng", true}, {"Łódź", true}, {"Iğdır", true}, {"İstanbul", false},
		{"ｻﾐｯﾄ", true},
		{norm.NFD.String("대통령"), true},
		{norm.NFD.String("ガザ"), true},
		{"\uf900", true},
		{norm.NFD.String("Zürich"), true}, // read alike before, but not composed
	} {
		if got := query.NewlyFolded(c.text); got != c.want {
			t.Errorf("NewlyFolded(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// scriptPieces are what the random texts of TestScriptsReadAlikeEverywhere
// are made of: letters read as others, the vowel points of Arabic and
// Hebrew, decomposed Hangul and kana, halfwidth katakana, and letters,
// marks and separators around them.
var scriptPieces = []string{
	"ك", "ت", "\u064e", "\u0651", "\u0640", "\u0654", "و", "ש", "ל", "\u05b8", "\u05c1", "\u0591", "\u05be", "\ufb2a",
	"ß", "ẞ", "œ", "Æ", "ø", "Ǿ", "đ", "Ł", "ı", "İ", "I", "i", "ğ", "\u0307",
	"\u1100", "\u1161", "\u11a8", "가", "カ", "\u3099", "ｶ", "ﾞ", "ﾟ", "\uf900", "東",
	"क", "\u093e", "\u094d", "α", "\u0313", "ά", "a", "s", "e\u0301", "é", "Ｔ", "ﬁ", " ", "-", ".", "1",
}

// Every way the store reads a text agrees on these characters too.
func TestScriptsReadAlikeEverywhere(t *testing.T) {
	readAlikeEverywhere(t, scriptPieces)
}

// A Turkish source's name in capitals is written with İ or with I: the
// name typed either way, or in lower case, finds both.
func TestSourceTurkishI(t *testing.T) {
	s := openTemp(t)
	var arts []feeds.Article
	for i, source := range []string{"Hürriyet", "HÜRRIYET", "HÜRRİYET", norm.NFD.String("HÜRRİYET"), "Hurriyet", "Hürrıyet Daily"} {
		a := dayArt("t"+strconv.Itoa(i+1), "Title", "Body.")
		a.Source = source
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	// t4 is decomposed, its İ an I and a combining dot above, which only
	// a name with İ in it finds (its decomposed form has the dot too).
	all := []string{"t1", "t2", "t3"}
	checkFinds(t, s, map[string][]string{
		"source:HÜRRİYET":           {"t1", "t2", "t3", "t4"},
		"source:HÜRRIYET":           all,
		"source:hürriyet":           all,
		"source:hürrıyet":           all,
		"source:HÜRR*":              {"t1", "t2", "t3", "t4", "t6"},
		"source:Hurriyet":           {"t5"}, // accents count in a name
		"source:\"hürrıyet daily\"": {"t6"},
	})
}
