package marks

import (
	"strings"
	"testing"
)

// TestCapRuns: a letter keeps MaxRun marks of a longer run, a character
// that shows nothing standing among them or not; what real text stacks
// on a letter is kept.
func TestCapRuns(t *testing.T) {
	acute := func(n int) string { return strings.Repeat("\u0301", n) }
	tests := map[string]struct{ in, want string }{
		"zalgo":                   {"Z" + acute(4000) + " x", "Z" + acute(MaxRun) + " x"},
		"as many as it keeps":     {"Z" + acute(MaxRun), "Z" + acute(MaxRun)},
		"a joiner among them":     {"Z" + acute(20) + "\u200d" + acute(20), "Z" + acute(20) + "\u200d" + acute(10)},
		"a letter starts over":    {"Z" + acute(20) + "e" + acute(20), "Z" + acute(20) + "e" + acute(20)},
		"halfwidth voicing marks": {"ｶ" + strings.Repeat("ﾞ", 100), "ｶ" + strings.Repeat("ﾞ", MaxRun)},
		"Tibetan":                 {"ཀྵྨྱཱ བསྒྲུབས", "ཀྵྨྱཱ བསྒྲུབས"},
		"a kiss with skin tones":  {"\U0001F9D1\U0001F3FB\u200d\u2764\ufe0f\u200d\U0001F48B\u200d\U0001F9D1\U0001F3FC", "\U0001F9D1\U0001F3FB\u200d\u2764\ufe0f\u200d\U0001F48B\u200d\U0001F9D1\U0001F3FC"},
	}
	for name, tt := range tests {
		if got := CapRuns(tt.in); got != tt.want {
			t.Errorf("%s: CapRuns = %+q, want %+q", name, got, tt.want)
		}
	}
}
