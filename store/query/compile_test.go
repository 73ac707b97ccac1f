package query

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// SQL fragments the compile tests expect, spelled once.
const (
	inFTS    = "a.sort_key IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
	notInFTS = "a.sort_key NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
	hasTag   = "a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (SELECT id FROM tags WHERE folded = ?))"
	tagLike  = `a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (SELECT id FROM tags WHERE folded LIKE ? ESCAPE '\'))`
	feedLike = `(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE title LIKE ? ESCAPE '\'))`
	isSource = `(a.source = ? COLLATE NOCASE OR a.source LIKE ? ESCAPE '\' OR a.source LIKE ? ESCAPE '\' OR a.source LIKE ? ESCAPE '\' OR ` + feedLike + `)`
	srcLike  = `(a.source LIKE ? ESCAPE '\' OR a.source LIKE ? ESCAPE '\' OR ` + feedLike + `)`
	phraseIn = "(tidings_phrase(a.title, ?) OR tidings_body_phrase(a.body, ?) OR a.id IN (SELECT article_id FROM annotations WHERE tidings_body_phrase(note, ?)))"
)

// key is the sort key floor of an RFC 3339 time.
func key(s string) int64 {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return SortKeyFloor(t)
}

// unix is the Unix seconds of an RFC 3339 time.
func unix(s string) int64 {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.Unix()
}

// last2097 is the sort key floor of 2097's last minute, which holds every
// article dated from then on.
const last2097 = int64(1<<26-1) << 37

var compileNow = time.Date(2024, 3, 10, 15, 30, 45, 0, time.UTC)

func TestCompile(t *testing.T) {
	tests := []struct {
		name, in   string
		match      string
		where      string
		args       []any
		prefixLast bool
		phraseFunc bool
		testTags   bool
	}{
		{name: "empty", in: ""},
		{name: "word", in: "ukraine", match: `"ukraine"`},
		{name: "words", in: "ukraine war", match: `"ukraine" AND "war"`},
		{name: "case kept for fts5 to fold", in: "Zürich", match: `"Zürich"`},
		{name: "phrase", in: `"exact phrase"`, match: `"exact phrase"`},
		{name: "punctuation splits", in: "U.S.", match: `"U S"`},
		{name: "hyphen", in: "covid-19", match: `"covid 19"`},
		{name: "fts syntax is quoted away", in: `NEAR(a b) c+d {title}:z ^w`, match: `"NEAR" AND "a" AND "b" AND "c d" AND "title z" AND "w"`},
		{name: "prefix", in: "ukr*", match: `"ukr"*`},
		{name: "phrase prefix", in: `"grain exp"*`, match: `"grain exp"*`},
		{name: "title", in: "title:war", match: `title : "war"`},
		{name: "title phrase prefix", in: `title:"kyiv dro"*`, match: `title : "kyiv dro"*`},
		{name: "negation with a positive", in: "ukraine -war", match: `"ukraine" NOT "war"`},
		{name: "negations gather", in: "-war a b -peace", match: `("a" AND "b") NOT ("war" OR "peace")`},
		{name: "negated group of text", in: "a -(b c)", match: `"a" NOT ("b" AND "c")`},
		{name: "only negations", in: "-war -peace", where: notInFTS, args: []any{`"war" OR "peace"`}},
		{name: "text or", in: "a OR b c", match: `("a" OR ("b" AND "c"))`},
		{name: "text or and word", in: "(a OR b) c", match: `("a" OR "b") AND "c"`},
		{name: "or with a negation is not fts", in: "a OR -b",
			where: "(" + inFTS + " OR NOT (" + inFTS + "))", args: []any{`"a"`, `"b"`}},
		{name: "and inside or with a negation", in: "(a -b) OR c", match: `(("a" NOT "b") OR "c")`},
		{name: "text or tag", in: "a OR b OR tag:x",
			where: "(" + inFTS + " OR " + hasTag + ")", args: []any{`"a" OR "b"`, "x"}},
		{name: "negated text or tag", in: "-(a OR tag:x)",
			where: "NOT ((" + inFTS + " OR " + hasTag + "))", args: []any{`"a"`, "x"}},
		{name: "and of text and tag under or", in: "(a b tag:x) OR is:starred",
			where: "((" + inFTS + " AND " + hasTag + ") OR a.starred <> 0)", args: []any{`"a" AND "b"`, "x"}},
		{name: "only negation under or", in: "(-a tag:x) OR is:read",
			where: "((" + hasTag + " AND " + notInFTS + ") OR a.read_at IS NOT NULL)", args: []any{"x", `"a"`}},
		{name: "tag", in: "tag:Ukraine", where: hasTag, args: []any{"ukraine"}},
		{name: "hash", in: "#war", where: hasTag, args: []any{"war"}},
		{name: "tag prefix escapes like", in: "tag:50%_off*", where: tagLike, args: []any{`50\%\_off%`}},
		{name: "negated tag", in: "-tag:x", where: "NOT (" + hasTag + ")", args: []any{"x"}},
		{name: "feed", in: `feed:"https://n.example/rss"`,
			where: "(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE url = ? OR title = ? COLLATE NOCASE))",
			args:  []any{"https://n.example/rss", "https://n.example/rss"}},
		{name: "feed prefix", in: "feed:hack*",
			where: `(a.feed_id IS NOT NULL AND a.feed_id IN (SELECT id FROM feeds WHERE url LIKE ? ESCAPE '\' OR title LIKE ? ESCAPE '\'))`,
			args:  []any{"hack%", "hack%"}},
		{name: "source", in: "source:menafn", where: isSource,
			args: []any{"menafn", "menafn - %", "% - menafn", "% - menafn - %", "%menafn%"}},
		{name: "source quoted and escaped", in: `source:"a_b 100%"`, where: isSource,
			args: []any{"a_b 100%", `a\_b 100\% - %`, `% - a\_b 100\%`, `% - a\_b 100\% - %`, `%a\_b 100\%%`}},
		{name: "source backslash", in: `source:a\b`, where: isSource,
			args: []any{`a\b`, `a\\b - %`, `% - a\\b`, `% - a\\b - %`, `%a\\b%`}},
		{name: "source prefix", in: "source:men*", where: srcLike, args: []any{"men%", "% - men%", "%men%"}},
		{name: "is unread", in: "is:unread", where: "a.read_at IS NULL"},
		{name: "is read", in: "is:read", where: "a.read_at IS NOT NULL"},
		{name: "is starred", in: "is:starred", where: "a.starred <> 0"},
		{name: "is annotated", in: "is:annotated", where: "a.id IN (SELECT article_id FROM annotations)"},
		{name: "is untagged", in: "is:untagged", where: "a.id NOT IN (SELECT article_id FROM article_tags)"},
		{name: "negated state", in: "-is:starred", where: "NOT (a.starred <> 0)"},
		{name: "after is inclusive", in: "after:2024-03-01", where: "a.sort_key >= ?", args: []any{key("2024-03-01T00:00:00Z")}},
		{name: "before is exclusive", in: "before:2024-04-01", where: "a.sort_key < ?", args: []any{key("2024-04-01T00:00:00Z")}},
		{name: "after a month", in: "after:2024-03", where: "a.sort_key >= ?", args: []any{key("2024-03-01T00:00:00Z")}},
		{name: "before a year", in: "before:2024", where: "a.sort_key < ?", args: []any{key("2024-01-01T00:00:00Z")}},
		{name: "on a day", in: "on:2024-03-05", where: "(a.sort_key >= ? AND a.sort_key < ?)",
			args: []any{key("2024-03-05T00:00:00Z"), key("2024-03-06T00:00:00Z")}},
		{name: "date a month", in: "date:2024-02", where: "(a.sort_key >= ? AND a.sort_key < ?)",
			args: []any{key("2024-02-01T00:00:00Z"), key("2024-03-01T00:00:00Z")}},
		{name: "date a year", in: "date:2024", where: "(a.sort_key >= ? AND a.sort_key < ?)",
			args: []any{key("2024-01-01T00:00:00Z"), key("2025-01-01T00:00:00Z")}},
		{name: "since hours", in: "since:12h", where: "(a.sort_key >= ? AND a.sort_key < ?)", args: []any{key("2024-03-10T03:30:00Z"), key("2024-03-11T15:30:00Z")}},
		{name: "since days", in: "since:7d", where: "(a.sort_key >= ? AND a.sort_key < ?)", args: []any{key("2024-03-03T15:30:00Z"), key("2024-03-11T15:30:00Z")}},
		{name: "since weeks", in: "since:2w", where: "(a.sort_key >= ? AND a.sort_key < ?)", args: []any{key("2024-02-25T15:30:00Z"), key("2024-03-11T15:30:00Z")}},
		{name: "since months", in: "since:1m", where: "(a.sort_key >= ? AND a.sort_key < ?)", args: []any{key("2024-02-10T15:30:00Z"), key("2024-03-11T15:30:00Z")}},
		{name: "since years", in: "since:1y", where: "(a.sort_key >= ? AND a.sort_key < ?)", args: []any{key("2023-03-10T15:30:00Z"), key("2024-03-11T15:30:00Z")}},
		{name: "far future: 2097's last minute on, by the rows' dates", in: "after:9999",
			where: "(a.sort_key >= ? AND (a.sort_key < ? OR " + shownTime + " >= ?))",
			args:  []any{last2097, last2097, unix("9999-01-01T00:00:00Z")}},
		{name: "before the far future: all but 2097's last minute's later articles", in: "before:9999",
			where: "(a.sort_key < ? OR " + shownTime + " < ?)", args: []any{last2097, unix("9999-01-01T00:00:00Z")}},
		{name: "a day after 2097", in: "on:2150-01-01",
			where: "(a.sort_key >= ? AND (a.sort_key < ? OR (" + shownTime + " >= ? AND " + shownTime + " < ?)))",
			args:  []any{last2097, last2097, unix("2150-01-01T00:00:00Z"), unix("2150-01-02T00:00:00Z")}},
		{name: "2097 ends in its last minute", in: "date:2097",
			where: "(a.sort_key >= ? AND (a.sort_key < ? OR (" + shownTime + " >= ? AND " + shownTime + " < ?)))",
			args:  []any{key("2097-01-01T00:00:00Z"), last2097, unix("2097-01-01T00:00:00Z"), unix("2098-01-01T00:00:00Z")}},
		{name: "before 2097 ends", in: "before:2097-08-01", where: "a.sort_key < ?", args: []any{key("2097-08-01T00:00:00Z")}},
		{name: "after 2097 begins: its last minute whole", in: "after:2097-08-01", where: "a.sort_key >= ?", args: []any{key("2097-08-01T00:00:00Z")}},
		{name: "far past: 1970's first minute by the rows' dates", in: "after:0001",
			where: "(a.sort_key >= ? AND (a.sort_key >= ? OR " + shownTime + " >= ?))",
			args:  []any{int64(0), int64(1) << 37, unix("0001-01-01T00:00:00Z")}},
		{name: "before 1970: its first minute", in: "date:1969",
			where: "(a.sort_key >= ? AND a.sort_key < ? AND (a.sort_key >= ? OR (" + shownTime + " >= ? AND " + shownTime + " < ?)))",
			args:  []any{int64(0), int64(1) << 37, int64(1) << 37, unix("1969-01-01T00:00:00Z"), unix("1970-01-01T00:00:00Z")}},
		{name: "negated date", in: "-date:2024", where: "NOT ((a.sort_key >= ? AND a.sort_key < ?))",
			args: []any{key("2024-01-01T00:00:00Z"), key("2025-01-01T00:00:00Z")}},
		{name: "everything", in: "ukraine -war tag:x after:2024-03-01 is:unread",
			match: `"ukraine" NOT "war"`, where: hasTag + " AND a.sort_key >= ? AND a.read_at IS NULL",
			args: []any{"x", key("2024-03-01T00:00:00Z")}},
		{name: "live filter: last word", in: "ukraine dro", prefixLast: true, match: `"ukraine" AND "dro"*`},
		{name: "live filter: after a space", in: "ukraine dro ", prefixLast: true, match: `"ukraine" AND "dro"`},
		{name: "live filter: earlier words whole", in: "dro ukraine", prefixLast: true, match: `"dro" AND "ukraine"*`},
		{name: "live filter: closed quote", in: `"kyiv dro"`, prefixLast: true, match: `"kyiv dro"`},
		{name: "live filter: punctuated word", in: "covid-1", prefixLast: true, match: `"covid 1"*`},
		{name: "live filter: title", in: "title:dro", prefixLast: true, match: `title : "dro"*`},
		{name: "live filter: tag", in: "#ukr", prefixLast: true, where: tagLike, args: []any{"ukr%"}},
		{name: "live filter: source", in: "source:men", prefixLast: true, where: srcLike, args: []any{"men%", "% - men%", "%men%"}},
		{name: "live filter: negated word whole", in: "a -dro", prefixLast: true, match: `"a" NOT "dro"`},
		{name: "live filter: inside parens", in: "(a OR dro)", prefixLast: true, match: `("a" OR "dro")`},
		{name: "live filter off", in: "ukraine dro", match: `"ukraine" AND "dro"`},
		{name: "phrase func: word unchanged", in: "ukraine", phraseFunc: true, match: `"ukraine"`},
		{name: "phrase func: phrase", in: `"Exact Phrase"`, phraseFunc: true,
			match: `"Exact" AND "Phrase"`, where: phraseIn, args: []any{"exact phrase", "exact phrase", "exact phrase"}},
		{name: "phrase func: title phrase prefix", in: `title:"kyiv dro"*`, phraseFunc: true,
			match: `title : "kyiv" AND title : "dro"*`, where: "tidings_phrase(a.title, ?)", args: []any{"kyiv dro*"}},
		{name: "phrase func: phrase with a word", in: `a "b c"`, phraseFunc: true,
			match: `"a" AND "b" AND "c"`, where: phraseIn, args: []any{"b c", "b c", "b c"}},
		{name: "phrase func: phrase under or", in: `a OR U.S.`, phraseFunc: true,
			where: "(" + inFTS + " OR (" + inFTS + " AND " + phraseIn + "))",
			args:  []any{`"a"`, `"U" AND "S"`, "u s", "u s", "u s"}},
		{name: "phrase func: negated phrase", in: `a -"b c"`, phraseFunc: true,
			match: `"a"`, where: "NOT ((" + inFTS + " AND " + phraseIn + "))",
			args: []any{`"b" AND "c"`, "b c", "b c", "b c"}},
		{name: "phrase func: cjk word is a phrase of its characters", in: "地震", phraseFunc: true,
			match: `"地" AND "震"`, where: phraseIn, args: []any{"地震", "地震", "地震"}},
		{name: "phrase func: one cjk character is a word", in: "震", phraseFunc: true, match: `"震"`},
		{name: "phrase func: latin and cjk", in: "G7サミット", phraseFunc: true,
			match: `"G7" AND "サ" AND "ミ" AND "ッ" AND "ト"`, where: phraseIn, args: []any{"g7 サミット", "g7 サミット", "g7 サミット"}},
		{name: "phrase func: cjk prefix", in: "東京*", phraseFunc: true,
			match: `"東" AND "京"*`, where: phraseIn, args: []any{"東京*", "東京*", "東京*"}},
		{name: "cjk word as an fts5 phrase", in: "地震", match: `"地 震"`},
		{name: "live filter: cjk last is whole", in: "東京 地震", prefixLast: true, phraseFunc: true,
			match: `"東" AND "京" AND "地" AND "震"`, where: phraseIn + " AND " + phraseIn,
			args: []any{"東京", "東京", "東京", "地震", "地震", "地震"}},
		{name: "live filter: one cjk character", in: "地", prefixLast: true, match: `"地"`},
		{name: "live filter: latin after cjk", in: "東京mar", prefixLast: true, match: `"東 京 mar"*`},
		{name: "live filter: cjk tag is a prefix", in: "#東", prefixLast: true, where: tagLike, args: []any{"東%"}},
		{name: "tags tested", in: "tag:big -tag:x*", testTags: true,
			where: "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id IN (SELECT id FROM tags WHERE folded = ?))" +
				" AND NOT (EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id IN (SELECT id FROM tags WHERE folded LIKE ? ESCAPE '\\')))",
			args: []any{"big", "x%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Now: compileNow, PrefixLast: tt.prefixLast, PhraseFunc: tt.phraseFunc, TestTags: tt.testTags}
			got, err := CompileString(tt.in, opt)
			if err != nil {
				t.Fatalf("CompileString(%q): %v", tt.in, err)
			}
			if got.Match != tt.match {
				t.Errorf("%q: Match\n got %s\nwant %s", tt.in, got.Match, tt.match)
			}
			if got.Where != tt.where {
				t.Errorf("%q: Where\n got %s\nwant %s", tt.in, got.Where, tt.where)
			}
			if fmt.Sprint(got.Args) != fmt.Sprint(tt.args) {
				t.Errorf("%q: Args\n got %v\nwant %v", tt.in, got.Args, tt.args)
			}
			if n := strings.Count(got.Where, "?"); n != len(got.Args) {
				t.Errorf("%q: %d placeholders, %d args", tt.in, n, len(got.Args))
			}
		})
	}
}

func TestCompileKeyRange(t *testing.T) {
	tests := []struct {
		name, in       string
		keyMin, keyMax int64
	}{
		{name: "no dates", in: "ukraine tag:x"},
		{name: "after", in: "ukraine after:2024-03-01", keyMin: key("2024-03-01T00:00:00Z")},
		{name: "before", in: "before:2024-04", keyMax: key("2024-04-01T00:00:00Z")},
		{name: "on", in: "on:2024-03-05", keyMin: key("2024-03-05T00:00:00Z"), keyMax: key("2024-03-06T00:00:00Z")},
		{name: "since: up to a day ahead", in: "since:7d", keyMin: key("2024-03-03T15:30:00Z"), keyMax: key("2024-03-11T15:30:00Z")},
		{name: "intersection", in: "after:2024-01 date:2024-03 before:2024-03-20 after:2024-02-10",
			keyMin: key("2024-03-01T00:00:00Z"), keyMax: key("2024-03-20T00:00:00Z")},
		{name: "negated dates are no bound", in: "-after:2024-03-01 -before:2024"},
		{name: "dates under or are no bound", in: "after:2024-03-01 OR tag:x"},
		{name: "a lone date", in: "date:2024", keyMin: key("2024-01-01T00:00:00Z"), keyMax: key("2025-01-01T00:00:00Z")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CompileString(tt.in, Options{Now: compileNow})
			if err != nil {
				t.Fatal(err)
			}
			if got.KeyMin != tt.keyMin || got.KeyMax != tt.keyMax {
				t.Errorf("%q: keys [%d, %d), want [%d, %d)", tt.in, got.KeyMin, got.KeyMax, tt.keyMin, tt.keyMax)
			}
		})
	}
}

func TestCompileNowDefaultsToClock(t *testing.T) {
	before := SortKeyFloor(time.Now().AddDate(0, 0, -1))
	got, err := CompileString("since:1d", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if k := got.Args[0].(int64); k < before || k > SortKeyFloor(time.Now().AddDate(0, 0, -1)) {
		t.Errorf("since:1d without Now starts at key %d, want about %d", k, before)
	}
}

func TestCompileRejectsBadNodes(t *testing.T) {
	tests := []struct {
		name string
		n    Node
		want string
	}{
		{name: "bad state", n: Node{Kind: Is, Value: "new"}, want: `query: unknown state "new"`},
		{name: "bad date", n: Node{Kind: Date, Field: "after", Value: "soon"},
			want: `query: after:soon: bad date "soon": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{name: "bad date field", n: Node{Kind: Date, Field: "until", Value: "2024"}, want: "query: until:2024: unknown date field until"},
		{name: "not of two", n: Node{Kind: Not, Kids: []Node{{Kind: Is, Value: "read"}, {Kind: Is, Value: "read"}}},
			want: "query: a not with 2 terms"},
		{name: "empty or", n: Node{Kind: Or}, want: "query: an or with no terms"},
		{name: "empty and", n: Node{Kind: And}, want: "query: an and with no terms"},
		{name: "text without words", n: Node{Kind: Text, Value: "&&"}, want: `query: text "&&" has no words`},
		{name: "text without words nested", n: Node{Kind: Or, Kids: []Node{{Kind: Text, Value: "a"}, {Kind: Text, Value: ""}}},
			want: `query: text "" has no words`},
		{name: "unknown text field", n: Node{Kind: Text, Field: "body", Value: "a"}, want: `query: unknown text field "body"`},
		{name: "empty tag", n: Node{Kind: Tag}, want: "query: empty tag"},
		{name: "unknown kind", n: Node{Kind: Kind(99)}, want: "query: unknown node kind kind(99)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, opt := range []Options{{Now: compileNow}, {Now: compileNow, PhraseFunc: true}} {
				_, err := Compile(tt.n, opt)
				if err == nil || err.Error() != tt.want {
					t.Errorf("Compile(%+v, %+v) error %v, want %q", tt.n, opt, err, tt.want)
				}
			}
		})
	}
}

func TestSortKeyFloor(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		want int64
	}{
		{name: "epoch", t: time.Unix(0, 0), want: 0},
		{name: "a minute", t: time.Unix(60, 0), want: 1 << 37},
		{name: "inside the minute", t: time.Unix(119, 999), want: 1 << 37},
		{name: "before 1970 is 1970", t: time.Unix(-1, 0), want: 0},
		{name: "far before 1970", t: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), want: 0},
		{name: "last minute that fits", t: time.Unix((1<<26-1)*60, 0), want: (1<<26 - 1) << 37},
		{name: "past the end clamps", t: time.Unix((1<<26)*60, 0), want: (1<<26 - 1) << 37},
		{name: "year 9999", t: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), want: (1<<26 - 1) << 37},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SortKeyFloor(tt.t); got != tt.want {
				t.Errorf("SortKeyFloor(%v) = %d, want %d", tt.t, got, tt.want)
			}
		})
	}
}
