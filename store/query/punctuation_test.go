package query

import "testing"

// A word of only punctuation is no term: it goes with the "-" or NOT
// before it and the OR beside it, as docs/QUERY.md says; a query of
// nothing else is the empty query, which matches every article.
func TestPunctuationWordIsDropped(t *testing.T) {
	for in, want := range map[string]string{
		"rock & roll":   "rock roll",
		"🚀 OR launch":   "launch",
		"launch OR 🚀":   "launch",
		"a OR -&":       "a",
		"a NOT —":       "a",
		"x OR 🚀 y":      "x OR y",
		"-&":            "",
		"&":             "",
		"-(& OR —)":     "",
		`a OR "& —"`:    "a",
		"tag:& OR news": "tag:& OR news", // a name is a name
	} {
		n, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		if got := n.String(); got != want {
			t.Errorf("Parse(%q) = %q, want %q", in, got, want)
		}
		if want == "" && n.Kind != All {
			t.Errorf("Parse(%q) is %v, want the empty query", in, n.Kind)
		}
	}
}
