package store

import (
	"context"
	"slices"
	"testing"
	"unicode/utf8"

	"tidings/store/query"

	"tidings/feeds"
)

func TestOpenWord(t *testing.T) {
	tests := []struct {
		q, rest, word string
		negated, ok   bool
	}{
		{"", "", "", false, false},
		{"tau", "", "tau", false, true},
		{"ukraine tau", "ukraine ", "tau", false, true},
		{"ukraine -tau", "ukraine ", "tau", true, true},
		{"(oil OR gas", "(oil OR ", "gas", false, true},
		{"ukraine ", "ukraine ", "", false, false},
		{"tag:ta", "tag:ta", "", false, false},
		{`"oil pr`, `"oil `, "pr", false, true},
		{`"oil" pr`, `"oil" `, "pr", false, true},
		{"u.s", "u.s", "", false, false},
		{"zürich", "", "zürich", false, true},
	}
	for _, tt := range tests {
		rest, word, neg, ok := openWord(tt.q)
		if rest != tt.rest || word != tt.word || neg != tt.negated || ok != tt.ok {
			t.Errorf("openWord(%q) = %q, %q, %v, %v; want %q, %q, %v, %v",
				tt.q, rest, word, neg, ok, tt.rest, tt.word, tt.negated, tt.ok)
		}
	}
}

func TestWithoutShortOpenWord(t *testing.T) {
	tests := map[string]string{
		"":                  "",
		"t":                 "",
		"ta":                "",
		"tau":               "tau",
		"ukraine t":         "ukraine ",
		"ukraine ta":        "ukraine ",
		"ukraine tau":       "ukraine tau",
		"ukraine -ta":       "ukraine ",
		"ukraine (oil OR g": "ukraine (oil ",
		"ferry OR x":        "ferry ",
		"ferry OR":          "ferry ",
		"ferry OR ":         "ferry ",
		"ferry AND":         "ferry ",
		"ferry AND NOT ":    "ferry ",
		"ferry NOTE":        "ferry NOTE",
		"a OR b NOT x":      "a OR b ",
		"a AND NOT x":       "a ",
		"(a OR x":           "(a ",
		"war(pe":            "war ",
		"war(":              "war ",
		"war (":             "war ",
		"war-(p":            "war ",
		"war -(":            "war ",
		"(a OR b(x":         "(a OR b ",
		"war-":              "war",
		"OR x":              "",
		"WAR OR x":          "WAR ",
		"tailOR x":          "tailOR ",
		"ukraine ":          "ukraine ",
		"tag:ta":            "tag:ta",
		"source:ab":         "source:ab",
		`"oil pr`:           `"oil `,
		"u.s":               "u.s",
		"zü":                "",
		"東京":                "東京",
		"東京都":               "東京都",
		"地":                 "地",
		"東京ma":              "東京",
		"ukraine -東京m":      "ukraine -東京",
		"東京mar":             "東京mar",
		"G7サ":               "G7サ",
		"サミットG":             "サミット",
	}
	for in, want := range tests {
		if got := withoutShortOpenWord(in); got != want {
			t.Errorf("withoutShortOpenWord(%q) = %q, want %q", in, got, want)
		}
		// What parses whole parses with its open word held back.
		if _, err := compile(in, false); err == nil {
			if _, err := compile(in, true); err != nil {
				t.Errorf("%q parses, but not read live: %v", in, err)
			}
		}
	}
}

// The live filter finds a page two ways, by checking candidates in Go or by
// FTS5's prefix merge; whichever it takes, and wherever it switches, the
// pages are the same.
func TestLivePagesAgreeWhicheverWayTheyAreFound(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 400)
	if err := s.Tag(ctx, []int64{3, 5, 8, 40, 41}, []string{"watch"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: 9, Note: "remember the quarantine"}); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { liveCandidates = n }(liveCandidates)
	queries := []string{"gla", "storm gla", "ZÜR", "storm -oil gla", "tag:watch gra", "quar", "sec", "oil (gas OR storm) sec",
		"storm -gla", "oil OR gla", "tag:wat", "storm gl"}
	for _, q := range queries {
		liveCandidates = 0 // FTS5 only
		n, err := s.CountLive(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want := rowIDs(pageForward(t, s, q, true, 1000))
		if len(want) != n {
			t.Errorf("%q: CountLive %d, FTS5 page %d", q, n, len(want))
		}
		sizes := []int{5, 50}
		if raceDetector {
			sizes = sizes[1:] // pages of 5 walk 80 pages; see raceDetector
		}
		for _, budget := range []int{8, 1000} {
			liveCandidates = budget
			s.rare.word = "" // not the last budget's verdict
			for _, size := range sizes {
				if got := rowIDs(pageForward(t, s, q, true, size)); !slices.Equal(got, want) {
					t.Errorf("%q, %d candidates, pages of %d: %d rows %v, want %d %v", q, budget, size, len(got), head(got), len(want), head(want))
				}
				if got := rowIDs(pageBackward(t, s, q, true, size)); !slices.Equal(got, want) {
					t.Errorf("%q, %d candidates, pages of %d backwards: %d rows, want %d", q, budget, size, len(got), len(want))
				}
			}
		}
	}
}

// The live filter's prefix check finds a word starting with the prefix
// exactly where tidings_phrase(text, "prefix*") does: in any case, only at
// the start of a word, and in words whose letters fold to the prefix.
func FuzzPrefixMatcher(f *testing.F) {
	seeds := []struct{ text, word string }{
		{"Oil barrels rose", "bar"},
		{"OIL BARRELS ROSE", "barr"},
		{"crowbar", "bar"},         // inside a word
		{"crow-bar", "bar"},        // after a separator
		{"éBarrel", "bar"},         // after a letter beyond ASCII: inside a word
		{"“Barrel” prices", "bar"}, // after a typographic quote: a new word
		{"Bärlauch season", "bar"}, // folds to barlauch
		{"Ḃarrel", "bar"},          // a decomposable capital
		{"\ufffdbarrel", "bar"},    // after a replacement character
		{"no such word", "bar"},
		{"2024 figures", "202"},
		{"", "bar"},
		{"bar", "ZÜR"},
		{"Zürich talks", "zür"},
		{"b", "bar"},
		{"x ba", "bar"},
		{"東京都 news", "東京都"},
		{"東京で大規模な地震が発生", "地震"},
		{"東京marathon", "mar"},   // after a CJK character: a new word
		{"東京marathon", "東京mar"}, // a word of both
		{"地 震", "地震"},           // not written together
		{"서울에서", "서울"},
		{"Η Αθήνα σήμερα", "αθη"},
		{"Ἀθῆναι", "ΑΘΗ"},
		{"α\u0313ab", "ab"}, // after a Greek letter's breathing: inside its word
		{"e\u0313ab", "ab"}, // after a Latin letter's: a new word
		{"Η Αθη\u0301να", "Αθήν"},
		{"the ofﬁce", "off"},
		{"Ｔｏｋｙｏ", "tok"},
		{"ﬁnance", "fin"},
	}
	for _, s := range seeds {
		f.Add(s.text, s.word)
	}
	f.Fuzz(func(t *testing.T, text, word string) {
		if !utf8.ValidString(text) || !utf8.ValidString(word) {
			t.Skip() // the library holds cleaned text only
		}
		if _, w, _, ok := openWord(word); !ok || w != word {
			t.Skip() // not a word being typed
		}
		got := newPrefixMatcher(word).match(text)
		if want := query.MatchPhrase(text, word+"*"); got != want {
			t.Errorf("match(%q) with prefix %q = %v, tidings_phrase says %v", text, word, got, want)
		}
	})
}

// TestLivePossessive: a word joined by punctuation whose last part is short
// is read whole by the live filter: "ukraine's" is not "ukraine s*".
func TestLivePossessive(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Import(ctx, []feeds.Article{
		{ExternalID: "a", Title: "Army", Body: "Ukraine's army moved."},
		{ExternalID: "b", Title: "Talks", Body: "Ukraine said talks would go on."},
		{ExternalID: "c", Title: "Virus", Body: "Covid-19 cases fell; covid-2024 is no such thing."},
	}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"ukraine's": 1, "ukraine": 2, "covid-1": 0, "covid-19": 1, "covid-202": 1} {
		n, err := s.CountLive(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if page := pageForward(t, s, q, true, 10); n != want || len(page) != want {
			t.Errorf("live %q: count %d, page %d; want %d", q, n, len(page), want)
		}
	}
}

// A "(" glued to a word ends it, as parentheses always do: typing
// "war(pe" lists what "war (pe" lists, war whole, not every word that
// starts with war, and Enter keeps a query that reads war whole too.
func TestLiveParenGluedToAWord(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		feeds.Article{ExternalID: "p1", Title: "War report", Body: "war and peace"},
		feeds.Article{ExternalID: "p2", Title: "Warning issued", Body: "warning"},
		feeds.Article{ExternalID: "p3", Title: "Wardrobe sale", Body: "wardrobe"},
	)
	for _, q := range []string{"war(", "war(p", "war(pe", "war-(pe", "war (pe", "war(pea"} {
		n, err := s.CountLive(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if page := pageForward(t, s, q, true, 10); n != 1 || len(page) != 1 {
			t.Errorf("live %q: count %d, page %d; want 1", q, n, len(page))
		}
		kept := KeptQuery(q)
		if n, err := s.Count(ctx, kept); err != nil || n != 1 {
			t.Errorf("%q kept as %q: %d, %v; want 1", q, kept, n, err)
		}
	}
}
