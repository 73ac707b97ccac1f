package store

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"modernc.org/sqlite"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// The query language is tested here, against the real schema in a real
// SQLite file, because package query itself must stay free of the driver.

// phraseDriver is a private SQLite driver with the store's tidings_phrase
// and tidings_body_phrase registered, for Options.PhraseFunc, so these
// tests neither need nor disturb the registration the store itself makes on
// the default driver.
var phraseDriver = sync.OnceValue(func() string {
	const name = "sqlite_query_phrase_test"
	d := &sqlite.Driver{}
	d.MustRegisterDeterministicScalarFunction("tidings_phrase", 2, phraseFunc)
	d.MustRegisterDeterministicScalarFunction("tidings_body_phrase", 2, bodyPhraseFunc)
	sql.Register(name, d)
	return name
})

// rebuildFTS recreates article_fts with the migration's tokenizer and the
// given detail, so that both ways of matching phrases are tested whichever
// the migration chooses: detail=full, where FTS5 matches phrases itself,
// and detail=column, where it rejects them and Options.PhraseFunc is needed.
func rebuildFTS(detail string, options ...string) string {
	return `
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, body, notes,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2',` + strings.Join(options, ",") + `
	detail = ` + detail + `
);`
}

// openQueryDB creates a library with the project's migrations, opened with
// the named driver, and runs extra statements after them.
func openQueryDB(t testing.TB, driverName string, extra ...string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driverName, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	for i, m := range migrations {
		if _, err := db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	for _, e := range extra {
		if _, err := db.Exec(e); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// queryFixture is one article of the behaviour tests' library.
type queryFixture struct {
	name      string // what the tests call it; also its external id
	source    string
	feed      string // feed title, "" when not from a feed
	published string // RFC 3339
	title     string
	body      string
	read      bool
	starred   bool
	tags      []string
	notes     []string
}

var queryFixtures = []queryFixture{
	{name: "kyiv", source: "MENAFN - AzerNews", published: "2024-03-01T00:00:00Z",
		title: "Drones over Kyiv", body: "Ukraine's capital saw drones at night. The U.S. sent aid.",
		tags: []string{"Ukraine", "war"}, notes: []string{"follow the aid story"}},
	{name: "zurich", source: "Reuters", published: "2024-03-31T23:59:00Z",
		title: "Zürich bank results", body: "Café owners in Zürich welcome lower rates; covid-19 rules end.",
		read: true, starred: true, tags: []string{"banks"}},
	{name: "april", source: "MENAFN", published: "2024-04-01T00:00:00Z",
		title: "Ukrainian grain exports rise", body: "Exports of grain rose in March. Exact phrase here.",
		tags: []string{"ukraine"}},
	{name: "feed", source: "", feed: "Al Jazeera English", published: "2024-02-29T12:00:00Z",
		title: "Summit opens", body: "Leaders meet to discuss trade, not war.", read: true},
	{name: "old", source: "AP", published: "2023-12-31T23:59:59Z",
		title: "Year in review", body: "A phrase exact in the wrong order. 100% sure_thing.",
		notes: []string{"check the ukrainian figures"}},
}

// cjkFixtures are articles in Japanese, for the CJK tests and the fuzz
// corpus. No two of their CJK characters are parted by separators alone:
// there the store's phrase check, which wants CJK characters written
// together in a query together in the text, is stricter than an FTS5
// phrase, which FuzzQuerySQL compares it with.
var cjkFixtures = []queryFixture{
	{name: "jishin", source: "NHK", published: "2024-03-11T05:46:00Z",
		title: "東京で大規模な地震", body: "地震の後 Shinkansen 新幹線が止まった",
		notes: []string{"G7サミット in 東京"}},
	{name: "tokyo", source: "NHK", published: "2024-03-12T00:00:00Z",
		title: "Tokyo 東京 report", body: "東京タワー 2024年 Ｇ７"},
}

// seedQueryDB loads queryFixtures into db, and the other fixtures given
// after them.
func seedQueryDB(t testing.TB, db *sql.DB, more ...queryFixture) {
	t.Helper()
	exec := func(q string, args ...any) sql.Result {
		t.Helper()
		r, err := db.Exec(q, args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return r
	}
	for i, f := range append(slices.Clone(queryFixtures), more...) {
		id := int64(i + 1)
		pub, err := time.Parse(time.RFC3339, f.published)
		if err != nil {
			t.Fatal(err)
		}
		key := query.SortKeyFloor(pub) | id
		var feedID any
		if f.feed != "" {
			r := exec(`INSERT INTO feeds(url, title) VALUES (?, ?)`, "https://example.com/"+f.name, f.feed)
			feedID, _ = r.LastInsertId()
		}
		var readAt any
		if f.read {
			readAt = pub.Unix()
		}
		exec(`INSERT INTO articles(id, external_id, sort_key, source, feed_id, title, published, added, updated, body, read_at, starred)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, f.name, key, f.source, feedID, f.title, pub.Unix(), pub.Unix(), pub.Unix(), f.body, readAt, f.starred)
		for _, tag := range f.tags {
			exec(`INSERT INTO tags(name, folded) VALUES (?, ?) ON CONFLICT DO NOTHING`, tag, marks.FoldTag(tag))
			exec(`INSERT INTO article_tags(article_id, tag_id, added) SELECT ?, id, 0 FROM tags WHERE name = ?`, id, tag)
		}
		for _, n := range f.notes {
			exec(`INSERT INTO annotations(article_id, note, created, updated) VALUES (?, ?, 0, 0)`, id, n)
		}
		exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`,
			key, asIndexed(f.title), asIndexed(f.body), asIndexed(strings.Join(f.notes, "\n")))
	}
}

// runQuery returns the names of the first 50 articles q selects, newest first,
// selecting as the store does: through article_fts when there is a Match,
// its rowids bounded by the query's key range.
func runQuery(db *sql.DB, q query.SQL) ([]string, error) {
	stmt := "SELECT a.external_id FROM articles AS a WHERE 1"
	var args []any
	if q.Match != "" {
		stmt = "SELECT a.external_id FROM article_fts JOIN articles AS a ON a.sort_key = article_fts.rowid" +
			" WHERE article_fts MATCH ?"
		args = append(args, q.Match)
		if q.KeyMin != 0 {
			stmt += " AND article_fts.rowid >= ?"
			args = append(args, q.KeyMin)
		}
		if q.KeyMax != 0 {
			stmt += " AND article_fts.rowid < ?"
			args = append(args, q.KeyMax)
		}
	}
	if q.Where != "" {
		stmt += " AND (" + q.Where + ")"
		args = append(args, q.Args...)
	}
	order := " ORDER BY a.sort_key DESC LIMIT 50"
	if q.Match != "" {
		order = " ORDER BY article_fts.rowid DESC LIMIT 50"
	}
	rows, err := db.Query(stmt+order, args...)
	if err != nil {
		return nil, fmt.Errorf("%w\nmatch: %s\nwhere: %s\nargs: %v", err, q.Match, q.Where, q.Args)
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// queryNow is the clock for since: in these tests.
var queryNow = time.Date(2024, 4, 2, 12, 0, 0, 0, time.UTC)

// selectCase is a query and the fixtures it selects.
type selectCase struct {
	name, q string
	want    string // names, newest first, space separated
	live    bool   // compile as the live filter does (PrefixLast)
}

func TestQuerySQLSelects(t *testing.T) {
	tests := []selectCase{
		{name: "empty query matches all", q: "", want: "april zurich kyiv feed old"},
		{name: "word in body", q: "drones", want: "kyiv"},
		{name: "words all must match", q: "grain march", want: "april"},
		{name: "case and diacritics folded", q: "ZURICH cafe", want: "zurich"},
		{name: "diacritics in the query folded", q: "Zürïch", want: "zurich"},
		{name: "word in notes", q: "figures", want: "old"},
		{name: "phrase in order", q: `"exact phrase"`, want: "april"},
		{name: "phrase out of order is not a match", q: `"phrase exact here"`, want: ""},
		{name: "punctuated word is a phrase", q: "U.S.", want: "kyiv"},
		{name: "hyphenated word", q: "covid-19", want: "zurich"},
		{name: "prefix", q: "ukrain*", want: "april kyiv old"},
		{name: "prefix phrase", q: `"grain exp"*`, want: "april"},
		{name: "live filter prefixes the last word", q: "grain exp", live: true, want: "april"},
		{name: "live filter leaves finished words whole", q: "exp grain", live: true, want: ""},
		{name: "not live: last word whole", q: "grain exp", want: ""},
		{name: "negated word", q: "-war", want: "april zurich kyiv old"},
		{name: "negated word with positive", q: "ukrainian -grain", want: "old"},
		{name: "negated group", q: "-(ukraine OR zurich)", want: "april feed old"},
		{name: "or", q: "drones OR summit", want: "kyiv feed"},
		{name: "and binds tighter than or", q: "drones night OR summit trade", want: "kyiv feed"},
		{name: "lowercase or is a word", q: "drones or summit", want: ""},
		{name: "or with a tag", q: "summit OR tag:banks", want: "zurich feed"},
		{name: "negated or of text and tag", q: "-(summit OR tag:banks)", want: "april kyiv old"},
		{name: "title only", q: "title:ukrainian", want: "april"},
		{name: "title phrase", q: `title:"bank results"`, want: "zurich"},
		{name: "title prefix", q: "title:dro*", want: "kyiv"},
		{name: "tag", q: "tag:ukraine", want: "april kyiv"},
		{name: "tag case-insensitive", q: "tag:UKRAINE", want: "april kyiv"},
		{name: "hash tag", q: "#war", want: "kyiv"},
		{name: "tag prefix", q: "tag:ba*", want: "zurich"},
		{name: "negated tag", q: "-tag:ukraine", want: "zurich feed old"},
		{name: "source exact", q: "source:reuters", want: "zurich"},
		{name: "source syndicator", q: "source:menafn", want: "april kyiv"},
		{name: "source syndicated", q: "source:azernews", want: "kyiv"},
		{name: "source not a substring", q: "source:menaf", want: ""},
		{name: "source prefix", q: "source:menaf*", want: "april kyiv"},
		{name: "source quoted feed title", q: `source:"al jazeera"`, want: "feed"},
		{name: "negated source keeps articles without a feed", q: "-source:reuters", want: "april kyiv feed old"},
		{name: "source like wildcards are literal", q: "source:M_NAFN", want: ""},
		{name: "is unread", q: "is:unread", want: "april kyiv old"},
		{name: "is read", q: "is:read", want: "zurich feed"},
		{name: "is starred", q: "is:starred", want: "zurich"},
		{name: "is annotated", q: "is:annotated", want: "kyiv old"},
		{name: "is untagged", q: "is:untagged", want: "feed old"},
		{name: "after includes the day", q: "after:2024-03-01", want: "april zurich kyiv"},
		{name: "before excludes the day", q: "before:2024-03-01", want: "feed old"},
		{name: "after and before make a month", q: "after:2024-03-01 before:2024-04-01", want: "zurich kyiv"},
		{name: "on a day", q: "on:2024-03-31", want: "zurich"},
		{name: "date month", q: "date:2024-03", want: "zurich kyiv"},
		{name: "date year", q: "date:2023", want: "old"},
		{name: "after a month", q: "after:2024-04", want: "april"},
		{name: "since days", q: "since:2d", want: "april zurich"},
		{name: "since weeks", q: "since:5w", want: "april zurich kyiv feed"},
		{name: "since months", q: "since:1m", want: "april zurich"},
		{name: "since hours", q: "since:36h", want: "april"},
		{name: "negated date", q: "-date:2024-03", want: "april feed old"},
		{name: "everything together", q: "(ukrainian OR trade) -tag:war after:2024-02 is:unread", want: "april"},
		{name: "words in a date range", q: "ukrainian before:2024-04", want: "old"},
		{name: "words on a day", q: "date:2024-03-31 zurich", want: "zurich"},
		{name: "punctuation-only words ignored", q: "drones & ,", want: "kyiv"},
		{name: "fts syntax in words is text", q: `NEAR(drones night) title:x:y`, want: ""},
		{name: "fts column syntax is text", q: `body:drones`, want: ""},
	}
	checkSelects(t, tests, nil, func(string) bool { return true })
}

func TestQuerySQLSelectsCJK(t *testing.T) {
	tests := []selectCase{
		{name: "word inside a run", q: "地震", want: "jishin"},
		{name: "one character", q: "震", want: "jishin"},
		{name: "word in the body", q: "新幹線", want: "jishin"},
		{name: "in a title run and alone", q: "東京", want: "tokyo jishin"},
		{name: "characters out of order", q: "震地", want: ""},
		{name: "characters apart", q: "京で規", want: ""},
		{name: "latin and cjk in notes", q: "G7サミット", want: "jishin"},
		{name: "title only", q: "title:地震", want: "jishin"},
		{name: "title only, not the body", q: "title:新幹線", want: ""},
		{name: "phrase of runs", q: `"規模な 地震"`, want: "jishin"},
		{name: "phrase of runs not next to each other", q: `"大規模 地震"`, want: ""},
		{name: "negated", q: "東京 -地震", want: "tokyo"},
		{name: "or", q: "地震 OR タワー", want: "tokyo jishin"},
		{name: "prefix", q: "東京タ*", want: "tokyo"},
		{name: "digits then a character", q: "2024年", want: "tokyo"},
		{name: "fullwidth latin is its letters", q: "ｇ７", want: "tokyo jishin"},
		{name: "latin finds fullwidth", q: "2024年 g7", want: "tokyo"},
		{name: "live: a character being typed", q: "東京 地", live: true, want: "jishin"},
		{name: "live: latin being typed after cjk", q: "東京で大規模な地震 shin", live: true, want: "jishin"},
	}
	checkSelects(t, tests, cjkFixtures, func(name string) bool { return name == "jishin" || name == "tokyo" })
}

// checkSelects runs each case on libraries seeded with the fixtures and
// more, as FTS5 matches phrases itself and as the store's index needs them
// checked (detail=column), and compares the names kept of what it selects.
func checkSelects(t *testing.T, tests []selectCase, more []queryFixture, keep func(name string) bool) {
	libraries := []struct {
		name       string
		db         *sql.DB
		phraseFunc bool
	}{
		{"fts5 phrases", openQueryDB(t, "sqlite", rebuildFTS("full")), false},
		{"as migrated", openQueryDB(t, phraseDriver()), true},
		{"detail=column", openQueryDB(t, phraseDriver(), rebuildFTS("column")), true},
	}
	for _, lib := range libraries {
		seedQueryDB(t, lib.db, more...)
	}
	for _, tt := range tests {
		for _, lib := range libraries {
			t.Run(tt.name+"/"+lib.name, func(t *testing.T) {
				q, err := query.CompileString(tt.q, query.Options{Now: queryNow, PrefixLast: tt.live, PhraseFunc: lib.phraseFunc})
				if err != nil {
					if tt.name == "fts column syntax is text" {
						return // body: is not a field: reported as an unknown one
					}
					t.Fatalf("compile %q: %v", tt.q, err)
				}
				got, err := runQuery(lib.db, q)
				if err != nil {
					t.Fatal(err)
				}
				kept := slices.DeleteFunc(got, func(n string) bool { return !keep(n) })
				if g := strings.Join(kept, " "); g != tt.want {
					t.Errorf("%q selects %q, want %q\nmatch: %s\nwhere: %s\nargs: %v", tt.q, g, tt.want, q.Match, q.Where, q.Args)
				}
			})
		}
	}
}

// querySeeds are the fuzz corpus's start: every construct, and text that is
// syntax to FTS5 or SQL.
var querySeeds = []string{
	"", "word", "two words", `"exact phrase"`, "wor*", `"two wor"*`, "-word", "-tag:x",
	"tag:x", "#x", "#x*", `tag:"two words"`, "source:menafn", `source:"al jazeera"`, "source:men*",
	"title:word", `title:"a phrase"`, "title:wor*", "is:unread", "is:read", "is:starred",
	"is:annotated", "is:untagged", "after:2024-03-01", "before:2024-04-01", "on:2024-03-05",
	"date:2024-03", "date:2024", "since:7d", "since:2w", "since:3m", "since:1y", "since:12h",
	"a OR b", "a b OR c d", "(a OR b) c", "-(a b)", "-(a OR tag:x)", "a OR -b", "-a -b", "-a OR -b",
	"(a -b) OR c", "a AND b", "NOT a", "a NOT b", "a --b", "covid-19", "U.S.", "http://x.com/a?b=c",
	"10:30", "Re:", "foo:bar", `"unclosed`, "(a", "a)", "()", "a OR", "OR a", "AND", "NOT",
	`NEAR(a b)`, `a:b`, `{title}: x`, `title : x`, `^a`, `a + b`, `"a" "b"`, `""`, `"\""`, `"\\"`,
	`tag:'x'`, `source:%_\`, `tag:%`, `source:"a\"b"`, "after:0000", "before:9999-12-31",
	"since:100000y", "since:0h", "*", "-*", "#", "-", "- a", "a -", "((((a))))", "-(-(-a))",
	"Zürich ÉTÉ", "Ελλάδα", "日本語", "a\x00b", "\xff\xfe", "title:x* OR #y", "-(a OR b) c tag:x",
	"a OR b OR c OR tag:x OR is:read", "-is:unread -is:starred", "-since:1d", "-date:2024",
	"ab*c", "a*b*", "NEAR", "AND OR", "a OR (b)", "(a) OR (b c) -(d OR e)",
	"地震", "震", "新幹線", "東京*", "東京 -地震", `"規模な 地震"`, "G7サミット", "title:東京", "震地",
	"東京mar", "地震 OR タワー", "-(東京 タワー)", "2024年", "ｇ７", "東京・大阪",
}

func FuzzQuerySQL(f *testing.F) {
	for _, s := range querySeeds {
		f.Add(s)
	}
	plain := openQueryDB(f, "sqlite", rebuildFTS("full"))
	seedQueryDB(f, plain, cjkFixtures...)
	withFunc := openQueryDB(f, phraseDriver(), rebuildFTS("column"))
	seedQueryDB(f, withFunc, cjkFixtures...)
	migrated := openQueryDB(f, phraseDriver())
	seedQueryDB(f, migrated, cjkFixtures...)
	f.Fuzz(func(t *testing.T, s string) {
		n, err := query.Parse(s)
		if err != nil {
			var qe *query.Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q): %T %v, want a *query.Error", s, err, err)
			}
			return
		}
		var results [][]string
		for _, run := range []struct {
			db  *sql.DB
			opt query.Options
		}{
			{plain, query.Options{Now: queryNow}},
			{plain, query.Options{Now: queryNow, PrefixLast: true}},
			{withFunc, query.Options{Now: queryNow, PhraseFunc: true}},
			{migrated, query.Options{Now: queryNow, PhraseFunc: true, PrefixLast: true}},
		} {
			opt := run.opt
			q, err := query.Compile(n, opt)
			if err != nil {
				t.Fatalf("Compile(%q, %+v): %v", s, opt, err)
			}
			got, err := runQuery(run.db, q)
			if err != nil {
				t.Fatalf("query %q (%+v): %v", s, opt, err)
			}
			results = append(results, got)
		}
		// Checking the word order in Go, on a detail=column index, must
		// select what FTS5 phrases do.
		if !slices.Equal(results[0], results[2]) {
			t.Errorf("query %q: FTS5 phrases select %q, tidings_phrase selects %q", s, results[0], results[2])
		}
	})
}

// unicode61 probing: what FTS5's tokenizer, as article_fts configures it,
// does to each code point. Package query carries the result as tables
// (store/query/unicode61_tables.go), regenerated with
//
//	go test ./store -run TestQueryTokensMatchFTS -update-unicode61
//
// after an SQLite upgrade; the test checks them against SQLite every run.
var updateUnicode61 = flag.Bool("update-unicode61", false, "regenerate store/query/unicode61_tables.go from SQLite")

// probeUnicode61 returns, for each rune in rs, the terms unicode61 makes of
// text("q" + rune + "q").
func probeUnicode61(t *testing.T, rs []rune, text func(string) string) map[rune][]string {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "probe.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		"PRAGMA journal_mode = OFF",
		"PRAGMA synchronous = OFF",
		// The tokenizer of article_fts (migration 2).
		`CREATE VIRTUAL TABLE probe USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, instance)`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO probe(rowid, x) VALUES (?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if _, err := ins.Exec(int64(r)+1, text("q"+string(r)+"q")); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT doc, term FROM probe_terms ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	terms := make(map[rune][]string, len(rs))
	for rows.Next() {
		var doc int64
		var term string
		if err := rows.Scan(&doc, &term); err != nil {
			t.Fatal(err)
		}
		terms[rune(doc-1)] = append(terms[rune(doc-1)], term)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return terms
}

func TestQueryTokensMatchFTS(t *testing.T) {
	var rs []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch {
		case r >= 0xD800 && r <= 0xDFFF: // surrogates are not text
		case raceDetector && !*updateUnicode61 && r%17 != 0:
			// A sample under -race; see raceDetector.
		case *updateUnicode61, r < 0x10000, r%61 == 0:
			// Every code point when regenerating; otherwise all of the
			// BMP and a sample beyond it, to stay quick.
			rs = append(rs, r)
		}
	}
	if *updateUnicode61 {
		raw := func(s string) string { return s }
		writeUnicode61Tables(t, rs, probeUnicode61(t, rs, raw))
	}
	// As the store gives it text: its CJK characters words by themselves,
	// its Greek letters bare.
	terms := probeUnicode61(t, rs, asIndexed)
	bad := 0
	for _, r := range rs {
		s := "q" + string(r) + "q"
		if got := query.Tokens(s); !slices.Equal(got, terms[r]) {
			if bad++; bad <= 20 {
				t.Errorf("Tokens(%q) (U+%04X) = %q, FTS5 makes %q", s, r, got, terms[r])
			}
		}
	}
	if bad > 20 {
		t.Errorf("... %d code points differ in all", bad)
	}

	// Whole texts, through the real index, given them as the store does.
	db := openQueryDB(t, "sqlite")
	texts := []string{
		"Zürich Café ÉTÉ naïve", "Йошкар-Ола Ёлка", "Ελλάδα ΑΘΗΝΑ", "日本語 テスト 한국어",
		"U.S. covid-19 e-mail a_b 100%", "Zu\u0308rich ǅemal ß ẞ ﬁ", "١٢٣ ৩৪ Ⅻ ½",
		"東京で大規模な地震が発生。G7サミット、2024年", "ﾃｽﾄｶﾞ 서울에서 𠮷野家 東\u0301京",
		greekNFC, greekNFD, "Ἀθῆναι ᾠδή ΐ Ϋ ϓ", "Α\u0313θη\u0342ναι ω\u0314\u0345δη\u0301",
		"كَتَبَ الْوَزِيرُ كـتـاب المسو\u0654ول", "הַמֶּמְשָׁלָה בְּרֵאשִׁ֖ית \ufb2aלום", "प्रधानमंत्री घोषणा",
		"IĞDIR ığdır İstanbul", "Straße GROẞE cœur Æsir Øresund Ǿ Đà Nẵng Łódź",
		"\u1103\u1162\u1110\u1169\u11bc \u30ab\u3099\u30b5\u3099 ｻﾐｯﾄ ｶﾞｿﾘﾝ \uf900",
	}
	seen := make(wordSet)
	for i, text := range texts {
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, '', '')`, i+1, distinctWords(text, seen)); err != nil {
			t.Fatal(err)
		}
		for _, tok := range query.Tokens(text) {
			var n int
			err := db.QueryRow(`SELECT count(*) FROM article_fts WHERE article_fts MATCH ? AND rowid = ?`,
				`"`+tok+`"`, i+1).Scan(&n)
			if err != nil || n != 1 {
				t.Errorf("token %q of %q: FTS5 finds %d rows (%v)", tok, text, n, err)
			}
		}
	}
}

// writeUnicode61Tables writes the probe's findings as package query's
// tables: separator ranges, and the code points that fold to another or to
// nothing.
func writeUnicode61Tables(t *testing.T, rs []rune, terms map[rune][]string) {
	type fold struct{ from, to rune }
	var seps [][2]rune
	var folds []fold
	for _, r := range rs {
		ts := terms[r]
		switch {
		case len(ts) == 2 && ts[0] == "q" && ts[1] == "q":
			if n := len(seps); n > 0 && seps[n-1][1] == r-1 {
				seps[n-1][1] = r
			} else {
				seps = append(seps, [2]rune{r, r})
			}
		case len(ts) == 1 && strings.HasPrefix(ts[0], "q") && strings.HasSuffix(ts[0], "q") && len(ts[0]) >= 2:
			f := []rune(ts[0][1 : len(ts[0])-1])
			switch {
			case len(f) == 0:
				folds = append(folds, fold{r, -1})
			case len(f) == 1 && f[0] != r:
				folds = append(folds, fold{r, f[0]})
			case len(f) > 1:
				t.Fatalf("U+%04X folds to %q: more than one code point", r, ts[0])
			}
		default:
			t.Fatalf("U+%04X: unexpected terms %q", r, ts)
		}
	}
	var b strings.Builder
	b.WriteString("// Code generated by TestQueryTokensMatchFTS in tidings/store with -update-unicode61; DO NOT EDIT.\n\n")
	b.WriteString("package query\n\n")
	b.WriteString("// separators are the code points at which article_fts's tokenizer (FTS5\n")
	b.WriteString("// unicode61, remove_diacritics 2) splits words, as inclusive ranges.\n")
	b.WriteString("var separators = [...][2]rune{\n")
	for i, s := range seps {
		if i%6 == 0 {
			b.WriteString("\t")
		}
		fmt.Fprintf(&b, "{0x%04X, 0x%04X},", s[0], s[1])
		if i%6 == 5 || i == len(seps)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("// folds are the word characters the tokenizer folds to another code point\n")
	b.WriteString("// (case, diacritics), or drops (-1: combining diacritics), by code point.\n")
	b.WriteString("var folds = [...][2]rune{\n")
	for i, f := range folds {
		if i%6 == 0 {
			b.WriteString("\t")
		}
		fmt.Fprintf(&b, "{0x%04X, %s},", f.from, foldTarget(f.to))
		if i%6 == 5 || i == len(folds)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("query", "unicode61_tables.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d separator ranges and %d folds", len(seps), len(folds))
}

func foldTarget(r rune) string {
	if r < 0 {
		return "-1"
	}
	return fmt.Sprintf("0x%04X", r)
}

// queryBenchLibraries are libraries of generated articles for
// BenchmarkQuerySQL, by the statements run after the migrations: Zipf-
// distributed words, twenty sources (some syndicated), two years of dates, a
// tag on one article in ten.
var queryBenchLibraries struct {
	sync.Mutex
	dbs map[string]*sql.DB
}

const queryBenchArticles = 50000

func openQueryBenchLibrary(b *testing.B, extra string) *sql.DB {
	queryBenchLibraries.Lock()
	defer queryBenchLibraries.Unlock()
	if db := queryBenchLibraries.dbs[extra]; db != nil {
		return db
	}
	dir, err := os.MkdirTemp("", "tidings-query-bench")
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open(phraseDriver(), filepath.Join(dir, "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if err := fillQueryBenchLibrary(db, extra); err != nil {
		b.Fatal(err)
	}
	if queryBenchLibraries.dbs == nil {
		queryBenchLibraries.dbs = map[string]*sql.DB{}
	}
	queryBenchLibraries.dbs[extra] = db
	return db
}

func fillQueryBenchLibrary(db *sql.DB, extra string) error {
	for _, m := range append(slices.Clone(migrations), extra) {
		if _, err := db.Exec(m); err != nil {
			return err
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("the of and to in a is that for on said with was as by at from it its has " +
		"government president minister ukraine kyiv russia war aid grain exports market bank rates " +
		"oil gas energy prices inflation election security trade china united states europe talks " +
		"economy growth police court report company shares investors climate water health")
	for i := 0; len(vocab) < 3000; i++ {
		vocab = append(vocab, fmt.Sprintf("w%dq%c", i, 'a'+i%26))
	}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	words := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	sources := []string{"MENAFN", "MENAFN - AzerNews", "MENAFN - Trend", "Reuters", "AP", "AFP",
		"Al Jazeera", "BBC", "DW", "Kyiv Independent", "MENAFN - Jordan Times", "Xinhua", "TASS",
		"Bloomberg", "CNBC", "Politico", "Axios", "NPR", "The Hindu", "Dawn"}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	art, err := tx.Prepare(`INSERT INTO articles(id, external_id, sort_key, source, title, published, added, updated, body, read_at, starred)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	fts, err := tx.Prepare(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, '')`)
	if err != nil {
		return err
	}
	tagged, err := tx.Prepare(`INSERT INTO article_tags(article_id, tag_id, added) VALUES (?, ?, 0)`)
	if err != nil {
		return err
	}
	for _, tag := range []string{"ukraine", "energy", "markets", "follow-up"} {
		if _, err := tx.Exec(`INSERT INTO tags(name, folded) VALUES (?, ?)`, tag, marks.FoldTag(tag)); err != nil {
			return err
		}
	}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for id := int64(1); id <= queryBenchArticles; id++ {
		pub := start.Add(time.Duration(id) * 2 * 365 * 24 * time.Hour / queryBenchArticles)
		key := query.SortKeyFloor(pub) | id
		title, body := words(12), words(300)
		var readAt any
		if id%3 == 0 {
			readAt = pub.Unix()
		}
		if _, err := art.Exec(id, fmt.Sprint(id), key, sources[rng.IntN(len(sources))], title,
			pub.Unix(), pub.Unix(), pub.Unix(), body, readAt, id%50 == 0); err != nil {
			return err
		}
		if _, err := fts.Exec(key, title, body); err != nil {
			return err
		}
		if id%10 == 0 {
			if _, err := tagged.Exec(id, 1+id%4); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// BenchmarkQuerySQL times the first page (50 rows, newest first) of
// representative queries on 50,000 articles, run as the store runs them, on
// article_fts as migrated and as it could be: what each index layout costs
// the live filter.
func BenchmarkQuerySQL(b *testing.B) {
	layouts := []struct{ name, extra string }{
		{"as-migrated", ""},
		{"full-prefix23", rebuildFTS("full", "prefix = '2 3',")},
		{"column-prefix23", rebuildFTS("column", "prefix = '2 3',")},
	}
	queries := []struct {
		name, q string
		live    bool
	}{
		{"common word", "said", false},
		{"rare word", "w2900qq", false},
		{"two words", "grain exports", false},
		{"live prefix", "ukr", true},
		{"phrase", `"the war"`, false},
		{"word before a date", "said before:2023-02", false},
		{"word on a day", "said on:2024-06-01", false},
		{"only negated word", "-said", false},
		{"word or tag", "w2900qq OR tag:ukraine", false},
		{"tag", "tag:energy", false},
		{"source", "source:azernews", false},
		{"unread starred", "is:unread is:starred", false},
	}
	for _, layout := range layouts {
		for _, qq := range queries {
			// PhraseFunc, as the store compiles: it works whichever
			// detail the index keeps.
			c, err := query.CompileString(qq.q, query.Options{PrefixLast: qq.live, PhraseFunc: true, Now: queryNow})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(layout.name+"/"+qq.name, func(b *testing.B) {
				db := openQueryBenchLibrary(b, layout.extra)
				for b.Loop() {
					if _, err := runQuery(db, c); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
