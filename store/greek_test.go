package store

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
	"tidings/store/query"
)

// greekNFC is monotonic Greek as it is mostly written, with precomposed
// letters (Unicode NFC); greekNFD the same text decomposed, its accents
// combining marks.
var (
	greekNFC = "Η Αθήνα σήμερα: ο Πειραιάς, η Ευρώπη και η Θεσσαλονίκη. Ϊ ϋ"
	greekNFD = norm.NFD.String(greekNFC)
)

// polytonic is Greek with breathings, circumflexes and iota subscripts,
// which unicode61 reads as separators when they are combining marks.
var (
	polytonic    = "Ἡ ᾠδὴ τῶν Ἀθηναίων ἐν Ἀθήναις."
	polytonicNFD = norm.NFD.String(polytonic)
)

// greekArticles are the Greek tests' articles: one text in each form, and
// Russian, whose й and ё are letters of their own.
func greekArticles() []feeds.Article {
	nfc := art("nfc", "2026-10-11", greekNFC)
	nfc.Title = "Αθήνα σήμερα"
	nfd := art("nfd", "2026-10-12", greekNFD)
	nfd.Title = norm.NFD.String("Αθήνα σήμερα")
	poly := art("poly", "2026-10-13", polytonic)
	poly.Title = "Ἀθῆναι"
	polyNFD := art("polynfd", "2026-10-14", polytonicNFD)
	polyNFD.Title = norm.NFD.String("Ἀθῆναι")
	russian := art("ru", "2026-10-15", "Новогодняя ёлка на Красной площади. Йошкар-Ола.")
	russian.Title = "Ёлка"
	return []feeds.Article{nfc, nfd, poly, polyNFD, russian}
}

var greekSearches = []struct {
	q    string
	want []string
}{
	{"αθηνα", []string{"nfd", "nfc"}},
	{"Αθήνα", []string{"nfd", "nfc"}},
	{norm.NFD.String("Αθήνα"), []string{"nfd", "nfc"}},
	{"ΑΘΗΝΑ", []string{"nfd", "nfc"}},
	{"ΑΘΉΝΑ", []string{"nfd", "nfc"}},
	{"title:σημερα", []string{"nfd", "nfc"}},
	{"Πειραιας", []string{"nfd", "nfc"}},
	{"ι", []string{"nfd", "nfc"}}, // Ϊ
	{"Ϋ", []string{"nfd", "nfc"}}, // ϋ
	{"αθη*", []string{"polynfd", "poly", "nfd", "nfc"}},
	{`"η αθηνα σημερα"`, []string{"nfd", "nfc"}},
	{`"Η Αθήνα σήμερα"`, []string{"nfd", "nfc"}},
	{"αθηναι", []string{"polynfd", "poly"}},
	{"Ἀθῆναι", []string{"polynfd", "poly"}},
	{norm.NFD.String("Ἀθῆναι"), []string{"polynfd", "poly"}},
	{"ωδη", []string{"polynfd", "poly"}},
	{"ᾨΔῊ", []string{"polynfd", "poly"}},
	{`"των αθηναιων εν αθηναις"`, []string{"polynfd", "poly"}},
	{"αθηνα -σημερα", nil},
	{"θη", nil}, // not a word of Ἀθῆναι split at its breathing
	{"ναι", nil},
	// Russian keeps its letters: ё is not е, й is not и.
	{"ёлка", []string{"ru"}},
	{"ЁЛКА", []string{"ru"}},
	{"елка", nil},
	{"йошкар", []string{"ru"}},
	{"иошкар", nil},
}

// The reader's test: Greek is found with or without its accents, in
// capitals or not, precomposed or decomposed, by search, count and the
// live filter, as Latin is.
func TestGreekFoundWithOrWithoutAccents(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, greekArticles()...)
	ctx := context.Background()
	for _, c := range greekSearches {
		if got := externalIDs(t, s, c.q); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %q, want %q", c.q, got, c.want)
		}
		if n, err := s.Count(ctx, c.q); err != nil || n != len(c.want) {
			t.Errorf("Count(%q) = %d, %v; want %d", c.q, n, err, len(c.want))
		}
	}
	// Typed live, however the accents are typed, found by the Go check of
	// the newest candidates and by FTS5's prefix merge alike.
	checkLive(t, s, map[string]int{"αθη": 4, "ΑΘΉ": 4, "Αθήν": 4, "αθηναι": 2, "σημ": 2, "ωδη": 2, "ελκ": 0, "ёлк": 1})
	// A note's words, and a retitle's.
	a, err := s.ArticleByExternalID(ctx, "ru")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: a.ID, Note: "Βλ. και Ἐπίδαυρος"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Retitle(ctx, a.ID, "Ἑλλάς"); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"επιδαυρος": {"ru"}, "title:ελλας": {"ru"}, "ΕΛΛΆΣ": {"ru"}} {
		if got := externalIDs(t, s, q); !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
	}
}

// Go's reading of a text (query.Tokens, which the live filter, phrases and
// highlighting use) makes exactly the words the index holds of it.
func FuzzTokensAsIndexed(f *testing.F) {
	for _, s := range []string{
		greekNFC, greekNFD, polytonic, polytonicNFD, "Αθήνα\u0332σήμερα", "e\u0313t α\u0323\u0313β a\u0301\u0313b",
		"ά\u0313\u0313 ̓α ΐ\u0301", "Ἀθῆναι東京Ἀθῆναι", "Zu\u0308rich Zürich", "Йошкар-Ола ёлка е\u0308лка",
		"U.S. covid-19", "東京で大規模な地震", "\xce\xce\xb1\u0301", "α\xcc", "", "Ｔｏｋｙｏ ofﬁce ﬓ ﬃ東ｘ",
	} {
		f.Add(s)
	}
	db := openQueryDB(f, "sqlite", `CREATE VIRTUAL TABLE fts_terms USING fts5vocab(article_fts, instance)`)
	seen := make(wordSet)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip() // the library holds cleaned text only
		}
		var want []string
		for _, term := range indexedTerms(t, db, distinctWords(text, seen)) {
			if w, ok := strings.CutPrefix(term, "title:"); ok {
				want = append(want, w)
			}
		}
		got := query.Tokens(text)
		slices.Sort(got)
		if got = slices.Compact(got); !slices.Equal(got, want) {
			t.Errorf("%q: Tokens %q, the index holds %q", text, got, want)
		}
	})
}

// The live filter's two ways agree on Greek in every form: the Go check of
// candidates and FTS5's prefix merge.
func TestLiveGreekPagesAgree(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	texts := []string{greekNFC, greekNFD, polytonic, polytonicNFD, "Η ΑΘΗΝΑ ΣΗΜΕΡΑ", "ἀθάνατος", "Athens today"}
	var arts []feeds.Article
	for i := range 120 {
		arts = append(arts, art("g"+strconv.Itoa(i), "2026-01-01", texts[i%len(texts)]+" "+strconv.Itoa(100+i%7)))
	}
	importAll(t, s, arts...)
	defer func(n int) { liveCandidates = n }(liveCandidates)
	for _, q := range []string{"αθη", "ΑΘΆ", "ἀθά", "σημ", "ath", "ωδ", "αθηνα σημ", "103 αθη", "-αθηνα αθα", "αθην OR ωδη"} {
		liveCandidates = 0
		want := rowIDs(pageForward(t, s, q, true, 1000))
		if n, err := s.CountLive(ctx, q); err != nil || n != len(want) {
			t.Errorf("%q: CountLive %d, %v; FTS5 page %d", q, n, err, len(want))
		}
		if len(want) == 0 {
			t.Errorf("%q finds nothing", q)
		}
		for _, budget := range []int{8, 1000} {
			liveCandidates = budget
			s.rare.word = ""
			if got := rowIDs(pageForward(t, s, q, true, 20)); !slices.Equal(got, want) {
				t.Errorf("%q, %d candidates: %d rows, want %d", q, budget, len(got), len(want))
			}
		}
	}
}

// greekPieces are what the random texts of TestGreekReadAlikeEverywhere are
// made of: Greek letters bare and marked, combining marks of Greek and of
// Latin, and letters and separators of other scripts around them.
var greekPieces = []string{
	"α", "ά", "Ά", "ἀ", "ᾷ", "Ω", "ώ", "ΐ", "ϋ", "η", "σ", "ς", "ϓ", "ι",
	"\u0301", "\u0313", "\u0314", "\u0342", "\u0345", "\u0308", "\u0332", "\u0323", "\u0305",
	"a", "e", "b", "é", "E\u0301", "й", "и\u0306", "ё", " ", " ", "-", ".", "·", "東", "1",
}

// Every way the store reads a text agrees on Greek, however it is written:
// the index and query.Tokens, FTS5's matching of a query word and
// tidings_phrase's, the quick phrase check and the live filter's prefix
// check.
func TestGreekReadAlikeEverywhere(t *testing.T) {
	readAlikeEverywhere(t, greekPieces)
}

// readAlikeEverywhere checks that every way the store reads a text agrees
// on random texts made of pieces.
func readAlikeEverywhere(t *testing.T, pieces []string) {
	db := openQueryDB(t, "sqlite", `CREATE VIRTUAL TABLE fts_terms USING fts5vocab(article_fts, instance)`,
		"PRAGMA synchronous = OFF", "PRAGMA journal_mode = MEMORY")
	seen := make(wordSet)
	rnd := rand.New(rand.NewPCG(1, 2))
	random := func(max int) string {
		var b strings.Builder
		for range 1 + rnd.IntN(max) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		return b.String()
	}
	texts := 1000
	if raceDetector {
		texts = 100 // see raceDetector
	}
	for range texts {
		text := random(14)
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (1, ?, '', '')`, distinctWords(text, seen)); err != nil {
			t.Fatal(err)
		}
		var want []string
		rows, err := db.Query(`SELECT DISTINCT term FROM fts_terms WHERE doc = 1 ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				t.Fatal(err)
			}
			want = append(want, term)
		}
		rows.Close()
		got := query.Tokens(text)
		slices.Sort(got)
		if got = slices.Compact(got); !slices.Equal(got, want) {
			t.Fatalf("%q: Tokens %q, the index holds %q", text, got, want)
		}
		for range 8 {
			word := strings.TrimFunc(random(4), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if len(query.Tokens(word)) != 1 {
				continue
			}
			for _, w := range []string{word, word + "*"} {
				c, err := query.CompileString(w, query.Options{PhraseFunc: true})
				if err != nil {
					t.Fatal(err)
				}
				var n int
				if err := db.QueryRow(`SELECT count(*) FROM article_fts WHERE article_fts MATCH ? AND rowid = 1`, c.Match).Scan(&n); err != nil {
					t.Fatalf("%q: %+v: %v", w, c, err)
				}
				if goes := query.MatchPhrase(text, w); goes != (n == 1) {
					t.Errorf("%q in %q: FTS5 finds %d, MatchPhrase %v", w, text, n, goes)
				}
				if quick := matchPhrase(text, w); quick != query.MatchPhrase(text, w) {
					t.Errorf("%q in %q: matchPhrase %v", w, text, quick)
				}
			}
			if _, typed, _, ok := openWord(word); ok && typed == word {
				if got, want := newPrefixMatcher(word).match(text), query.MatchPhrase(text, word+"*"); got != want {
					t.Errorf("prefix %q in %q: %v, tidings_phrase says %v", word, text, got, want)
				}
			}
		}
		if _, err := db.Exec(`DELETE FROM article_fts WHERE rowid = 1`); err != nil {
			t.Fatal(err)
		}
	}
}

// A library from before Greek letters were indexed bare is indexed again
// where it has Greek written with marks, in titles, bodies and notes; the
// rest of its index stays as it was.
func TestMigrationIndexesGreekBare(t *testing.T) {
	path, db := oldLibrary(t, 11)
	olds := []oldArticle{
		{"Αθήνα σήμερα", "A day in the capital.", ""},
		{"Polytonic, decomposed", polytonicNFD, ""},
		{"A note in Greek", "Nothing here.", "Βλ. Ἐπίδαυρος"},
		{"Plain English", "An earthquake struck.", "keep calm"},
		{"Bare Greek", "ΑΘΗΝΑ ΣΗΜΕΡΑ", ""},
	}
	// As the store wrote rows before: Greek letters with their marks.
	plantOld(t, db, olds, spaceCJK)
	s := upgrade(t, path, db)
	for q, want := range map[string][]string{
		"αθηνα": {"a5", "a1"}, "title:σημερα": {"a1"}, "capital": {"a1"}, "αθηναιων": {"a2"}, "ἀθηναίων": {"a2"},
		"θη": nil, "επιδαυρος": {"a3"}, "greek": {"a5", "a3"}, "earthquake": {"a4"}, "calm": {"a4"}, "title:english": {"a4"},
	} {
		if got := externalIDs(t, s, q); !slices.Equal(got, want) {
			t.Errorf("after the upgrade, %q finds %q, want %q", q, got, want)
		}
	}
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	var temp int
	if err := s.wdb.QueryRow(`SELECT count(*) FROM temp.sqlite_schema`).Scan(&temp); err != nil || temp != 0 {
		t.Errorf("%d temporary tables left, %v", temp, err)
	}
}
