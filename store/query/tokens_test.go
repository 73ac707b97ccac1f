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
		{name: "cjk characters are words", in: "日本語 テスト", want: []string{"日", "本", "語", "テ", "ス", "ト"}},
		{name: "cjk ends the word before it", in: "G7サミット 2024年", want: []string{"g7", "サ", "ミ", "ッ", "ト", "2024", "年"}},
		{name: "cjk punctuation separates", in: "東京、大阪。「新幹線」", want: []string{"東", "京", "大", "阪", "新", "幹", "線"}},
		{name: "halfwidth katakana", in: "ﾃｽﾄｶﾞ", want: []string{"テ", "ス", "ト", "ガ"}},
		{name: "hangul syllables", in: "서울에서 Seoul", want: []string{"서", "울", "에", "서", "seoul"}},
		{name: "extension b", in: "𠮷野家", want: []string{"𠮷", "野", "家"}},
		{name: "marks after cjk", in: "東́京áb", want: []string{"東", "京", "ab"}},
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

// A CJK character is a word by itself in every path, so it must be one
// that the tokenizer keeps as it is.
func TestCJKCharactersFoldToThemselves(t *testing.T) {
	for _, rg := range cjkRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			if isTokenRune(r) && foldRune(r) != r {
				t.Errorf("U+%04X folds to U+%04X", r, foldRune(r))
			}
		}
	}
	// Nor does anything else fold to one: MatchPhrase looks for them as
	// they are.
	for _, f := range folds {
		if IsCJK(f[1]) {
			t.Errorf("U+%04X folds to U+%04X", f[0], f[1])
		}
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range "東京ひらがなカタカナｶﾀｶﾅ한국어𠮷々〇ー" {
		if !IsCJK(r) {
			t.Errorf("IsCJK(%q) = false", r)
		}
	}
	for _, r := range "aZ9éЙΑ١ＡＢ０ᄀჿ 񀀀" {
		if IsCJK(r) != (r == 'ᄀ') {
			t.Errorf("IsCJK(%q) = %v", r, IsCJK(r))
		}
	}
	for _, s := range []string{"", "plain", "Zürich — “quoted”", "\xe3\x81", "ＡＢＣ"} {
		if HasCJK(s) {
			t.Errorf("HasCJK(%q) = true", s)
		}
	}
	for _, s := range []string{"東", "a東", "the G7サミット", "\xff\xe3東"} {
		if !HasCJK(s) {
			t.Errorf("HasCJK(%q) = false", s)
		}
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
		{name: "cjk inside a run", text: "東京で大規模な地震が発生", phrase: "地震", want: true},
		{name: "cjk out of order", text: "震地", phrase: "地震", want: false},
		{name: "cjk not across punctuation", text: "東京・大阪", phrase: "京大", want: false},
		{name: "cjk not across a space", text: "地 震", phrase: "地震", want: false},
		{name: "cjk across a line break", text: "地\n  震", phrase: "地震", want: true},
		{name: "cjk not across punctuation and a line break", text: "地。\n震", phrase: "地震", want: false},
		{name: "cjk pair found later", text: "地 震、地\r\n\t震", phrase: "地震", want: true},
		{name: "cjk pair after a mark", text: "地\u0301震", phrase: "地震", want: false},
		{name: "cjk apart in the phrase may be together", text: "東京大阪", phrase: "東京 大阪", want: true},
		{name: "cjk apart in the phrase, apart in the text", text: "東京・大阪", phrase: "東京 大阪", want: true},
		{name: "cjk after latin, together", text: "G7サミット開幕", phrase: "g7サミット", want: true},
		{name: "cjk after latin, apart", text: "G7 サミット開幕", phrase: "g7サミット", want: true},
		{name: "cjk prefix", text: "新幹線", phrase: "新幹*", want: true},
		{name: "latin prefix after cjk", text: "東京marathon", phrase: "東京mar*", want: true},
		{name: "hangul inside a word", text: "서울에서 열린", phrase: "서울", want: true},
		{name: "single cjk", text: "大規模な地震", phrase: "地", want: true},
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
		{name: "cjk written together stays together", in: `東京 "大 地震" G7サミット`, want: []string{"東京", "大 地震", "g7 サミット"}},
		{name: "live filter: cjk last is whole", in: "東京 地震", live: true, want: []string{"東京", "地震"}},
		{name: "live filter: latin after cjk is a prefix", in: "東京mar", live: true, want: []string{"東京 mar*"}},
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
	tests := []highlightCase{
		{name: "word everywhere", terms: []string{"kyiv"}, want: []string{"Kyiv", "Kyiv"}},
		{name: "phrase spans punctuation", terms: []string{"u s sent"}, want: []string{"U.S. sent"}},
		{name: "prefix", terms: []string{"ukrain*"}, want: []string{"Ukrainian"}},
		{name: "overlapping merge", terms: []string{"sent aid", "aid to"}, want: []string{"sent aid to"}},
		{name: "sorted", terms: []string{"allies", "drones"}, want: []string{"Drones", "allies"}},
		{name: "nothing", terms: []string{"zzz", ""}, want: nil},
	}
	checkHighlights(t, text, tests)
}

func TestHighlightsCJK(t *testing.T) {
	text := "東京で大規模な地震が発生。地震の後、東京・大阪間の新幹線が止ま\n  った。G7 サミットも。"
	tests := []highlightCase{
		{name: "word inside a run", terms: []string{"地震"}, want: []string{"地震", "地震"}},
		{name: "not across punctuation", terms: []string{"京大"}, want: nil},
		{name: "apart in the term", terms: []string{"東京 大阪"}, want: []string{"東京・大阪"}},
		{name: "one character", terms: []string{"線"}, want: []string{"線"}},
		{name: "latin then cjk", terms: []string{"g7 サミット"}, want: []string{"G7 サミット"}},
		{name: "neighbours merge", terms: []string{"新幹", "幹線"}, want: []string{"新幹線"}},
		{name: "across a wrapped line", terms: []string{"止まっ"}, want: []string{"止ま\n  っ"}},
	}
	checkHighlights(t, text, tests)
}

// highlightCase is terms and the pieces of a text they highlight.
type highlightCase struct {
	name  string
	terms []string
	want  []string // the highlighted text
}

func checkHighlights(t *testing.T, text string, tests []highlightCase) {
	t.Helper()
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
	// a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (SELECT id FROM tags WHERE folded = ?)) AND a.sort_key >= ?
}
