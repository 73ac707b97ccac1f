package query

import (
	"fmt"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{name: "empty", in: "", want: nil},
		{name: "words", in: "Hello, World!", want: []string{"hello", "world"}},
		{name: "punctuation splits", in: "U.S. covid-19 e-mail", want: []string{"u", "s", "covid", "19", "e", "mail"}},
		{name: "diacritics folded", in: "Zürich ÉTÉ naïve Ångström", want: []string{"zurich", "ete", "naive", "angstrom"}},
		{name: "combining marks dropped", in: "Zu\u0308rich", want: []string{"zurich"}},
		{name: "cyrillic keeps its letters", in: "Йошкар-Ола", want: []string{"йошкар", "ола"}},
		{name: "greek", in: "ΑΘΗΝΑ", want: []string{"αθηνα"}},
		{name: "cjk is one run", in: "日本語 テスト", want: []string{"日本語", "テスト"}},
		{name: "digits", in: "3.14 ١٢٣", want: []string{"3", "14", "١٢٣"}},
		{name: "symbols separate", in: "a+b=c $5 100% a_b", want: []string{"a", "b", "c", "5", "100", "a", "b"}},
		{name: "apostrophe splits", in: "Ukraine's", want: []string{"ukraine", "s"}},
		{name: "control characters separate", in: "a\x1b[31mb", want: []string{"a", "31mb"}},
		{name: "invalid utf-8 separates", in: "a\xffb", want: []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zürich, ÉTÉ!", "zurich, ete!"},
		{"Zu\u0308rich", "zurich"},
		{"ABC-def", "abc-def"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchPhrase(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               bool
	}{
		{name: "in order", text: "The U.S. sent aid.", phrase: "u s sent", want: true},
		{name: "folded both sides", text: "Zürich Café", phrase: "ZURICH cafe", want: true},
		{name: "out of order", text: "sent the aid", phrase: "aid sent", want: false},
		{name: "gap between words", text: "sent more aid", phrase: "sent aid", want: false},
		{name: "across punctuation", text: "grain, exports", phrase: "grain exports", want: true},
		{name: "prefix last word", text: "grain exports rose", phrase: "grain exp*", want: true},
		{name: "prefix only last word", text: "grain exports rose", phrase: "gra exports*", want: false},
		{name: "not a prefix without star", text: "grain exports", phrase: "grain exp", want: false},
		{name: "at the end", text: "a b c", phrase: "b c", want: true},
		{name: "longer than text", text: "a b", phrase: "a b c", want: false},
		{name: "empty phrase", text: "a b", phrase: " ", want: false},
		{name: "empty text", text: "", phrase: "a", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchPhrase(tt.text, tt.phrase); got != tt.want {
				t.Errorf("MatchPhrase(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, in string
		live     bool
		want     []string
	}{
		{name: "words phrases prefixes", in: `Zürich "U.S. aid" ukr* -war`, want: []string{"zurich", "u s aid", "ukr*"}},
		{name: "negations skipped, double negation kept", in: `a -(b -c) -tag:x`, want: []string{"a", "c"}},
		{name: "inside or and title", in: `(a OR title:b) tag:c source:d is:read`, want: []string{"a", "b"}},
		{name: "deduplicated", in: `a A á`, want: []string{"a"}},
		{name: "live filter prefixes the last word", in: "kyiv dro", live: true, want: []string{"kyiv", "dro*"}},
		{name: "live filter after a space", in: "kyiv dro ", live: true, want: []string{"kyiv", "dro"}},
		{name: "empty", in: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := TermsFor(n, Options{PrefixLast: tt.live})
			if !tt.live && !slices.Equal(got, Terms(n)) {
				t.Errorf("TermsFor without PrefixLast = %q, Terms = %q", got, Terms(n))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("terms of %q = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHighlights(t *testing.T) {
	text := "Drones over Kyiv: the U.S. sent aid to Kyiv's Ukrainian allies."
	tests := []struct {
		name  string
		terms []string
		want  []string // the highlighted text
	}{
		{name: "word everywhere", terms: []string{"kyiv"}, want: []string{"Kyiv", "Kyiv"}},
		{name: "phrase spans punctuation", terms: []string{"u s sent"}, want: []string{"U.S. sent"}},
		{name: "prefix", terms: []string{"ukrain*"}, want: []string{"Ukrainian"}},
		{name: "overlapping merge", terms: []string{"sent aid", "aid to"}, want: []string{"sent aid to"}},
		{name: "sorted", terms: []string{"allies", "drones"}, want: []string{"Drones", "allies"}},
		{name: "nothing", terms: []string{"zzz", ""}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range Highlights(text, tt.terms) {
				got = append(got, text[r[0]:r[1]])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Highlights(%q) = %q, want %q", tt.terms, got, tt.want)
			}
		})
	}
}

func ExampleCompileString() {
	q, err := CompileString(`ukraine -war tag:eu after:2024-03-01`, Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Match)
	fmt.Println(q.Where)
	// Output:
	// "ukraine" NOT "war"
	// a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (SELECT id FROM tags WHERE name = ?)) AND a.sort_key >= ?
}
