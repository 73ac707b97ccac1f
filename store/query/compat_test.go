package query

import (
	"slices"
	"testing"
)

func TestCompat(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"Tokyo":              "Tokyo",
		"Ｔｏｋｙｏ ２０２４ Ｇ７":      "Tokyo 2024 G7",
		"ﬁnance ofﬁce ﬂight": "finance office flight",
		"ﬀ ﬃ ﬄ ﬅ ﬆ":          "ff ffi ffl st st",
		"ﬓ":                  "մն",
		"！＃ｶﾀｶﾅ ① ² \uFEFF":  "！＃ｶﾀｶﾅ ① ² \uFEFF", // not Compat's: normalForm widens halfwidth katakana
		"\xef\xbc":           "\xef\xbc",
	} {
		if got := Compat(in); got != want {
			t.Errorf("Compat(%q) = %q, want %q", in, got, want)
		}
		if got := HasCompat(in); got != (in != want) {
			t.Errorf("HasCompat(%q) = %v", in, got)
		}
	}
}

// Fullwidth letters and ligatures are read as their letters, in words,
// phrases, prefixes and highlights, from the text as from the query.
func TestTokensFoldCompatForms(t *testing.T) {
	if got, want := Tokens("Ｔｏｋｙｏ ﬁnance, ofﬁce Ｇ７"), []string{"tokyo", "finance", "office", "g7"}; !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
	if got := Fold("Ｔｏｋｙｏ, ofﬁce"); got != "tokyo, office" {
		t.Errorf("Fold = %q", got)
	}
	for _, c := range []struct {
		text, phrase string
		want         bool
	}{
		{"Ｔｏｋｙｏ tower", "tokyo tower", true},
		{"Tokyo tower", "ｔｏｋｙｏ", true},
		{"the ofﬁce hours", "office hours", true},
		{"the office hours", "ofﬁce", true},
		{"ofﬁce", "off*", true},
		{"ofﬁce", "offi*", true},
		{"ofﬁce", "offic", false},
		{"ﬁnance", "fin*", true},
		{"ﬃx", "ffix", true},
		{"ﬃx", "ff", false},
	} {
		if got := MatchPhrase(c.text, c.phrase); got != c.want {
			t.Errorf("MatchPhrase(%q, %q) = %v", c.text, c.phrase, got)
		}
		if got := len(Highlights(c.text, []string{c.phrase})) > 0; got != c.want {
			t.Errorf("Highlights(%q, %q) marks something: %v", c.text, c.phrase, got)
		}
	}
	if got := rawTokens("ofﬁce Ｔｏｋｙｏ"); !slices.Equal(got, []string{"office", "tokyo"}) {
		t.Errorf("rawTokens = %q", got)
	}
}
