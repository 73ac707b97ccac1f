package query

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestBareGreek(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain Zürich", "plain Zürich"},
		{"Αθήνα", "Αθηνα"},
		{norm.NFD.String("Αθήνα"), "Αθηνα"},
		{"ΐ ΰ Ϊ ϋ", "ι υ Ι υ"},
		{"Ἀθῆναι ᾠδή ῥήτωρ", "Αθηναι ωδη ρητωρ"},
		{norm.NFD.String("Ἀθῆναι ᾠδή"), "Αθηναι ωδη"},
		{"α\u0313\u0342\u0345β", "αβ"}, // every mark of a letter
		{"α \u0301β", "α \u0301β"},     // a mark after a space is no letter's
		{"e\u0313 ё й", "e\u0313 ё й"}, // Latin's and Cyrillic's marks stay
		{"Zu\u0308rich α\u0308", "Zu\u0308rich α"},
		{"ϓ ϔ", "ϒ ϒ"},
		{"Ω·ΐ; ;", "Ω·ι; ;"},                             // the Greek question mark and ano teleia are not letters
		{"\xce\xce\xb1\u0301 \xcc", "\xce\xce\xb1 \xcc"}, // invalid UTF-8 stays as it is
	}
	for _, tt := range tests {
		if got := BareGreek(tt.in); got != tt.want {
			t.Errorf("BareGreek(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := HasMarkedGreek(tt.in); got != (tt.in != tt.want) {
			t.Errorf("HasMarkedGreek(%q) = %v", tt.in, got)
		}
	}
	if s := "no Greek here, Zürich"; BareGreek(s) != s || HasMarkedGreek(s) {
		t.Errorf("BareGreek(%q) changed it", s)
	}
}

func TestTokensGreek(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Η Αθήνα σήμερα", []string{"η", "αθηνα", "σημερα"}},
		{norm.NFD.String("Η Αθήνα σήμερα"), []string{"η", "αθηνα", "σημερα"}},
		{"ΑΘΉΝΑ", []string{"αθηνα"}},
		{"Ἀθῆναι ᾨΔῌ", []string{"αθηναι", "ωδη"}},
		{norm.NFD.String("Ἀθῆναι ᾨΔῌ"), []string{"αθηναι", "ωδη"}},
		{"ς Σ", []string{"σ", "σ"}},
		{"α\u0332β", []string{"αβ"}},                        // a mark of a Greek letter does not split its word
		{"a\u0313b e\u0332f", []string{"a", "b", "e", "f"}}, // but splits a Latin one, as unicode61 does
		{"Ёлка Йошкар", []string{"ёлка", "йошкар"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for in, want := range map[string]string{
		"Αθήνα, ΣΉΜΕΡΑ!":               "αθηνα, σημερα!",
		norm.NFD.String("Ἀθῆναι; ᾠδή"): "αθηναι; ωδη",
		"a\u0313b": "a\u0313b",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchPhraseGreek(t *testing.T) {
	nfd := norm.NFD.String("Η Αθήνα σήμερα, ἡ ᾠδή")
	for _, phrase := range []string{"αθηνα σημερα", "Αθήνα σήμερα", "ΑΘΗΝΑ", "αθη*", "σημερα η ωδη", "ᾨΔΉ"} {
		for _, text := range []string{"Η Αθήνα σήμερα, ἡ ᾠδή", nfd} {
			if !MatchPhrase(text, phrase) {
				t.Errorf("MatchPhrase(%q, %q) = false", text, phrase)
			}
		}
	}
	if MatchPhrase("Ἀθῆναι", "θη") || MatchPhrase(norm.NFD.String("Ἀθῆναι"), "ναι") {
		t.Error("a breathing or a circumflex split a word")
	}
}

func TestHighlightsGreek(t *testing.T) {
	nfd := norm.NFD.String("Η Αθήνα σήμερα και ἡ ᾠδή.")
	checkHighlights(t, nfd, []highlightCase{
		{name: "a word with its marks", terms: []string{"αθηνα"}, want: []string{norm.NFD.String("Αθήνα")}},
		{name: "a polytonic word whole", terms: []string{"ωδη"}, want: []string{norm.NFD.String("ᾠδή")}},
		{name: "prefix", terms: []string{"σημ*"}, want: []string{norm.NFD.String("σήμερα")}},
	})
}

func TestCompileGreekWordsBare(t *testing.T) {
	for q, match := range map[string]string{
		"Αθήνα":                 `"Αθηνα"`,
		norm.NFD.String("ᾠδή*"): `"ωδη"*`,
		"title:Ἀθῆναι":          `title : "Αθηναι"`,
		"ёлка":                  `"ёлка"`,
	} {
		c, err := CompileString(q, Options{})
		if err != nil || c.Match != match {
			t.Errorf("CompileString(%q): Match %s, %v; want %s", q, c.Match, err, match)
		}
	}
}

// BareGreek runs over every text the store indexes, and the migration to
// bare Greek over every text of a library: on text without Greek it must
// cost next to nothing.
func BenchmarkBareGreek(b *testing.B) {
	latin := strings.Repeat("The council approved a ten-year plan to rebuild the café’s “old” bridge. ", 70)
	greek := strings.Repeat("Η Αθήνα σήμερα: ο Πειραιάς, η Ευρώπη και η Θεσσαλονίκη. ", 70)
	for name, text := range map[string]string{"latin": latin, "greek": greek} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				BareGreek(text)
			}
		})
	}
}
