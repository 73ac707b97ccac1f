package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// jp is the flag of Japan: two regional indicators, one character on
// screen.
const jp = "🇯🇵"

// TestCutKeepsFlagsWhole: a title cut to what a field holds (ShortLine),
// or derived from a body and cut near 100 characters (TitleFromBody),
// ends with a whole flag before "…", not half of one, which a terminal
// draws as a letter in a box.
func TestCutKeepsFlagsWhole(t *testing.T) {
	tests := map[string]struct {
		got, want string
	}{
		"title of 1,001 flags":        {ShortLine(strings.Repeat(jp, 1001)), strings.Repeat(jp, 499) + "…"},
		"title of a letter and flags": {ShortLine("x" + strings.Repeat(jp, 1001)), "x" + strings.Repeat(jp, 499) + "…"},
		"derived from flags":          {TitleFromBody(strings.Repeat(jp, 150)), strings.Repeat(jp, 50) + "…"},
		"derived from a letter and flags": {TitleFromBody("x" + strings.Repeat(jp, 150)),
			"x" + strings.Repeat(jp, 49) + "…"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d characters ending %+q, want %d ending %+q", utf8.RuneCountInString(tt.got),
					lastRunes(tt.got, 4), utf8.RuneCountInString(tt.want), lastRunes(tt.want, 4))
			}
		})
	}
}

// TestCutAtWordAtCharacterEdges: wherever a text without spaces is cut,
// it is cut between the characters a reader sees (grapheme clusters),
// losing none but the one that does not fit: a flag's two letters, a
// letter and its marks, an emoji and those joined to it or its skin tone,
// a keycap, a subdivision flag, Hangul jamo and halfwidth kana with their
// voicing marks stay together.
func TestCutAtWordAtCharacterEdges(t *testing.T) {
	texts := map[string]string{
		"flags":                  strings.Repeat(jp, 40),
		"flags after a letter":   "x" + strings.Repeat(jp, 40),
		"flags among letters":    strings.Repeat("ab"+jp+"c"+jp+jp, 12),
		"marks":                  strings.Repeat("e\u0301\u0302x", 30),
		"zwj families":           strings.Repeat("👩\u200d👩\u200d👧\u200d👦y", 12),
		"skin tones":             strings.Repeat("👍🏽z", 30),
		"keycaps":                strings.Repeat("1\ufe0f\u20e3", 30),
		"subdivision flags":      strings.Repeat("🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", 10),
		"hangul jamo":            strings.Repeat("\u1112\u1161\u11ab\u1100\u1173\u11af", 20),
		"halfwidth voiced kana":  strings.Repeat("ｶﾞｷﾞｸ", 30),
		"combining voicing mark": strings.Repeat("か\u3099き", 30),
	}
	for name, s := range texts {
		t.Run(name, func(t *testing.T) {
			longest := 0 // characters in the longest cluster
			for g := uniseg.NewGraphemes(s); g.Next(); {
				longest = max(longest, len(g.Runes()))
			}
			for keep := longest; keep < utf8.RuneCountInString(s); keep++ {
				got := cutAtWord(s, keep)
				head, ok := strings.CutSuffix(got, "…")
				end, next := clusterEdge(s, len(head))
				switch {
				case !ok || !strings.HasPrefix(s, head):
					t.Fatalf("cutAtWord(keep %d) = %+q: not the text's start and …", keep, got)
				case end != len(head):
					t.Fatalf("cutAtWord(keep %d) ends %+q: inside the character %+q", keep, lastRunes(head, 3), s[end:end+len(next)])
				case utf8.RuneCountInString(head) > keep:
					t.Fatalf("cutAtWord(keep %d) keeps %d characters", keep, utf8.RuneCountInString(head))
				case utf8.RuneCountInString(head)+utf8.RuneCountInString(next) <= keep:
					t.Fatalf("cutAtWord(keep %d) = %+q loses %+q, which fits", keep, lastRunes(head, 3), next)
				}
			}
		})
	}
}

// clusterEdge is where the grapheme cluster of s that holds byte i, or
// starts at it, starts, and that cluster.
func clusterEdge(s string, i int) (start int, cluster string) {
	for g := uniseg.NewGraphemes(s); g.Next(); {
		from, to := g.Positions()
		if i < to {
			return from, g.Str()
		}
	}
	return len(s), ""
}

// lastRunes is the last n characters of s.
func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(len(r)-n, 0):])
}
