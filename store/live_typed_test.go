package store

import (
	"context"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
)

// A word being typed counts from its third letter wherever it is typed: in
// a quoted phrase left open and as a title: value too, not only as a term
// of its own. Until then the live filter reads the query without it, the
// filter line says it waits, and enter keeps it, a prefix.
func TestTypedWordWaitsForItsThirdLetterInPhrasesAndTitles(t *testing.T) {
	tests := []struct {
		q       string
		live    string // LiveQuery: what the live filter reads
		pending string // PendingWord: what the filter line says waits
		kept    string // KeptQuery: what enter keeps
	}{
		{`zqhand "c`, "zqhand", "c", `zqhand "c"*`},
		{`zqhand "co`, "zqhand", "co", `zqhand "co"*`},
		{`zqhand "cor`, `zqhand "cor"*`, "", `zqhand "cor"*`},
		{`"c`, "", "c", `"c"*`},
		{`"storm sh`, `"storm"`, "sh", `"storm sh"*`},
		{`"storm sha`, `"storm sha"*`, "", `"storm sha"*`},
		{`(a OR "storm sh`, `(a OR "storm")`, "sh", `(a OR "storm sh"*)`},
		{`ferry -"ha`, "ferry", "ha", `ferry -"ha"`},
		{`ferry -"har`, `ferry -"har"`, "", `ferry -"har"`},
		{"title:k", "", "k", "title:k*"},
		{"war Title:ky", "war", "ky", "war Title:ky*"},
		{"title:kyi", "title:kyi*", "", "title:kyi*"},
		{"war -title:ky", "war", "ky", "war -title:ky"},
		{`title:"c`, "", "c", `title:"c"*`},
		{`title:"storm sh`, `title:"storm"`, "sh", `title:"storm sh"*`},
		{`(a OR title:k`, "(a)", "k", "(a OR title:k*)"},
		// CJK characters count at once, as in a word of their own.
		{`"地`, `"地"`, "", `"地"`},
		{`"東京ma`, `"東京"`, "ma", `"東京ma"*`},
		{"title:地震", "title:地震", "", "title:地震"},
		{"title:東京m", "title:東京", "m", "title:東京m*"},
		// A quoted tag, source or feed is a name, not words: it does not wait.
		{`tag:"lo`, `tag:"lo"*`, "", `tag:"lo"`},
		{`source:"a`, `source:"a"*`, "", `source:"a"`},
		{`feed:"Ha`, `feed:"Ha"*`, "", `feed:"Ha"`},
		// A word after a closed phrase or group is a word of its own.
		{`"oil"pr`, `"oil"`, "pr", `"oil"pr*`},
		// A letter typed decomposed (NFD) is one letter, its accent with it.
		{norm.NFD.String("war é"), "war", norm.NFD.String("é"), norm.NFD.String("war é*")},
		{norm.NFD.String("war éta"), norm.NFD.String("war éta*"), "", norm.NFD.String("war éta*")},
		{norm.NFD.String(`"café`), norm.NFD.String(`"café"*`), "", norm.NFD.String(`"café"*`)},
	}
	for _, tt := range tests {
		if got := LiveQuery(tt.q); got != tt.live {
			t.Errorf("LiveQuery(%+q) = %+q, want %+q", tt.q, got, tt.live)
		}
		if got := PendingWord(tt.q); got != tt.pending {
			t.Errorf("PendingWord(%+q) = %+q, want %+q", tt.q, got, tt.pending)
		}
		if got := KeptQuery(tt.q); got != tt.kept {
			t.Errorf("KeptQuery(%+q) = %+q, want %+q", tt.q, got, tt.kept)
		}
	}
}

// typedWord finds the word being typed where a term, a phrase left open or a
// title: value may hold it, and nowhere else.
func TestTypedWord(t *testing.T) {
	tests := []struct {
		q, rest, word string
		negated       bool
		place         wordPlace
		ok            bool
	}{
		{`"c`, `"`, "c", false, phraseWord, true},
		{`a "storm sh`, `a "storm `, "sh", false, phraseWord, true},
		{`-"storm sh`, `-"storm `, "sh", true, phraseWord, true},
		{`a-"sh`, `a-"`, "sh", false, phraseWord, true}, // a-"sh is a- "sh
		{`title:"sh`, `title:"`, "sh", false, phraseWord, true},
		{`-TITLE:"sh`, `-TITLE:"`, "sh", true, phraseWord, true},
		{`"covid-1`, `"covid-1`, "", false, bareWord, false},
		{`tag:"lo`, `tag:"lo`, "", false, bareWord, false},
		{`#"lo`, `#"lo`, "", false, bareWord, false},
		{`-source:"lo`, `-source:"lo`, "", false, bareWord, false},
		{`"a \" b`, `"a \" `, "b", false, phraseWord, true},
		{`"a" "b\\" c`, `"a" "b\\" `, "c", false, bareWord, true},
		{"title:k", "title:", "k", false, titleWord, true},
		{"(-title:k", "(-title:", "k", true, titleWord, true},
		{"subtitle:k", "subtitle:k", "", false, bareWord, false},
		{"a-title:k", "a-title:k", "", false, bareWord, false},
		{"tag:k", "tag:k", "", false, bareWord, false},
		{`"oil"pr`, `"oil"`, "pr", false, bareWord, true},
		{`"oil"-pr`, `"oil"`, "pr", true, bareWord, true},
		{"(a)pr", "(a)", "pr", false, bareWord, true},
		{"war-pr", "war-pr", "", false, bareWord, false},
		{"war ́", "war ́", "", false, bareWord, false}, // a lone accent is no word
		{"war é", "war ", "é", false, bareWord, true},
	}
	for _, tt := range tests {
		rest, word, neg, place, ok := typedWord(tt.q)
		if rest != tt.rest || word != tt.word || neg != tt.negated || place != tt.place || ok != tt.ok {
			t.Errorf("typedWord(%+q) = %+q, %+q, %v, %v, %v; want %+q, %+q, %v, %v, %v",
				tt.q, rest, word, neg, place, ok, tt.rest, tt.word, tt.negated, tt.place, tt.ok)
		}
	}
}

// The live filter reads a query with a short word in a phrase or title: as
// the query without it: its pages and count are those of that query.
func TestShortTypedWordFiltersNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 120)
	for q, without := range map[string]string{
		`storm "c`: "storm", `storm "co`: "storm", `"storm gl`: `"storm"`, "storm title:k": "storm",
		"title:gl": "", `oil (gas OR "gl`: "oil (gas)",
	} {
		want := rowIDs(pageForward(t, s, without, false, 1000))
		if got := rowIDs(pageForward(t, s, q, true, 1000)); !slices.Equal(got, want) {
			t.Errorf("live %q: %d rows, want %q's %d", q, len(got), without, len(want))
		}
		n, err := s.CountLive(ctx, q)
		if err != nil || n != len(want) {
			t.Errorf("CountLive(%q) = %d, %v; want %d", q, n, err, len(want))
		}
	}
}

// The live filter's two ways to a page agree on words in phrases and
// titles and on words typed decomposed, which it leaves to FTS5 or checks
// in Go.
func TestLivePagesAgreeOnPhrasesTitlesAndDecomposedWords(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 400)
	importAll(t, s, feeds.Article{ExternalID: "nfd", Title: norm.NFD.String("Zürich talks"), Body: norm.NFD.String("Zürich zürcher")})
	defer func(n int) { liveCandidates = n }(liveCandidates)
	for _, q := range []string{`storm "gla`, "title:gla", `"storm gla`, "storm title:sto", norm.NFD.String("zü"), norm.NFD.String("zür"),
		norm.NFD.String("ZÜR"), norm.NFD.String(`storm "zür`)} {
		liveCandidates = 0 // FTS5 only
		want := rowIDs(pageForward(t, s, q, true, 1000))
		n, err := s.CountLive(ctx, q)
		if err != nil || n != len(want) {
			t.Errorf("%+q: CountLive %d, %v; FTS5 pages %d", q, n, err, len(want))
		}
		for _, budget := range []int{8, 1000} {
			liveCandidates = budget
			s.rare.word = ""
			if got := rowIDs(pageForward(t, s, q, true, 5)); !slices.Equal(got, want) {
				t.Errorf("%+q, %d candidates: %d rows, want %d", q, budget, len(got), len(want))
			}
		}
	}
	if n, err := s.CountLive(ctx, norm.NFD.String("zür")); err != nil || n == 0 {
		t.Errorf("zür typed decomposed finds %d, %v", n, err)
	}
}
