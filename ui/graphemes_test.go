package ui

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// disagreement returns the first grapheme cluster of s that ansi.StringWidth
// and ansi.StringWidthWc measure differently, and both widths; "" when none.
func disagreement(s string) (cluster string, whole, each int) {
	for s != "" {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if wc := ansi.StringWidthWc(c); w != wc {
			return c, w, wc
		}
		s = s[len(c):]
	}
	return "", 0, 0
}

// checkDisplayText fails when displayText(s) has a cluster the measures
// disagree on, is not valid UTF-8 or changes when written again.
func checkDisplayText(t *testing.T, s string) bool {
	t.Helper()
	d := displayText(s)
	if c, whole, each := disagreement(d); c != "" {
		t.Errorf("displayText(%+q) = %+q: %+q is %d cells whole, %d one character at a time", s, d, c, whole, each)
		return false
	}
	if !utf8.ValidString(d) {
		t.Errorf("displayText(%+q) = %+q, not valid UTF-8", s, d)
		return false
	}
	if again := displayText(d); again != d {
		t.Errorf("displayText(%+q) = %+q, then %+q", s, d, again)
		return false
	}
	return true
}

// sameWidths are blocks whose characters are all alike to both measures
// (ideographs, syllables, private use, unassigned planes): each is scanned
// alone, the rest of Unicode in the company of the characters that start
// or extend clusters too.
var sameWidths = [][2]rune{
	{0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xa000, 0xa48f}, {0xac00, 0xd7a3}, {0xe000, 0xf8ff},
	{0x17000, 0x18cff}, {0x1b170, 0x1b2ff}, {0x20000, 0x3ffff}, {0x40000, 0xdffff}, {0xf0000, 0x10ffff},
}

// TestDisplayTextAgreesEverywhere scans Unicode: every character alone,
// after the characters that start or extend clusters (a letter, a
// Devanagari consonant and virama, a Thai letter, Hangul jamo, an emoji, a
// text-style symbol, a regional indicator, a digit, an emoji and a joiner,
// Arabic, halfwidth katakana, Myanmar, Tamil) and before those that extend
// them (a combining accent, a spacing vowel sign, a joiner and an emoji,
// a variation selector, a skin tone, a Hangul vowel); and the emoji
// sequences people write. After displayText the two measures agree on
// every cluster.
func TestDisplayTextAgreesEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("scans Unicode")
	}
	before := []string{"a", "\u0915", "\u0915\u094d", "\u0e01", "\u1100", "\u1100\u1161", "\U0001F600", "\u2764",
		"\U0001F1FA", "1", "\U0001F468\u200d", "\u0627", "\uff76", "\u1000", "\u0b95"}
	after := []string{"\u0301", "\u093e", "\u200d\U0001F469", "\ufe0f", "\U0001F3FD", "\u1161", "\u094d\u0937"}
	failures := 0
	alone := func(r rune) bool {
		for _, b := range sameWidths {
			if r >= b[0] && r <= b[1] {
				return true
			}
		}
		return r >= 0x7f && r < 0xa0 || r >= 0xd800 && r <= 0xdfff
	}
	step := rune(1)
	if raceDetector {
		step = 17 // a sample of every block (see raceDetector)
	}
	for r := rune(0x20); r <= 0x10ffff && failures < 20; r += step {
		if alone(r) {
			if (r < 0x7f || r >= 0xa0) && (r < 0xd800 || r > 0xdfff) && !checkDisplayText(t, string(r)) {
				failures++
			}
			continue
		}
		s := string(r)
		if !checkDisplayText(t, s) {
			failures++
		}
		for _, b := range before {
			if !checkDisplayText(t, b+s) {
				failures++
			}
		}
		for _, a := range after {
			if !checkDisplayText(t, s+a) {
				failures++
			}
		}
	}
	for _, s := range emojiSequences {
		checkDisplayText(t, s)
		checkDisplayText(t, "x "+s+s+" y")
	}
}

// emojiSequences are emoji as people write them: joined, toned, as keycaps
// and flags.
var emojiSequences = []string{
	"\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466", // family
	"\U0001F3F3\ufe0f\u200d\U0001F308",                           // rainbow flag
	"\U0001F3F3\ufe0f\u200d\u26a7\ufe0f",                         // transgender flag
	"\U0001F9D1\u200d\U0001F4BB",                                 // technologist
	"\U0001F469\U0001F3FD\u200d\U0001F52C",                       // woman scientist, medium skin tone
	"\U0001F44D\U0001F3FD", "\U0001F44B\U0001F3FB", "\U0001F9D1\U0001F3FF\u200d\U0001F9B0",
	"\U0001F469\u200d\u2764\ufe0f\u200d\U0001F48B\u200d\U0001F468",   // kiss
	"\U0001F9D1\U0001F3FB\u200d\U0001F91D\u200d\U0001F9D1\U0001F3FF", // people holding hands
	"\u263a\ufe0f", "\u2708\ufe0f", "\u2764\ufe0f", "\u2764\ufe0f\u200d\U0001F525", "\u00a9\ufe0f", "\u2122\ufe0f",
	"\u263a\ufe0e", "\U0001F600\ufe0e", "\u2640\ufe0f", "\u26a0\ufe0f",
	"0\ufe0f\u20e3", "1\ufe0f\u20e3", "9\u20e3", "#\ufe0f\u20e3", "*\ufe0f\u20e3", "\U0001F51F",
	"\U0001F1FA\U0001F1E6", "\U0001F1EF\U0001F1F5\U0001F1FA", "\U0001F1E6",
	"\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", // England
	"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", // Scotland
	"\U0001F43B\u200d\u2744\ufe0f", "\U0001F415\u200d\U0001F9BA", "\U0001F62E\u200d\U0001F4A8",
	"\U0001FAF1\U0001F3FB\u200d\U0001FAF2\U0001F3FF", "\U0001F3C3\u200d\u27a1\ufe0f",
}

// BenchmarkDisplayText measures displayText on an article's worth of text:
// ASCII (returned at once), accented Latin, Hindi and emoji.
func BenchmarkDisplayText(b *testing.B) {
	bodies := map[string]string{
		"ascii":    testBody(1),
		"latin":    "Zürich, São Paulo, Kraków: l'été où la Führung s'est réunie. ",
		"hindi":    "भारत के कई राज्यों में मानसून की भारी बारिश हुई है। मौसम विभाग ने कहा कि अगले दो दिनों तक बारिश जारी रहेगी। ",
		"emoji":    "The family \U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 came \U0001F44D\U0001F3FD by \u2708\ufe0f. ",
		"cyrillic": "Київ і Харків: у середу вранці місто прокинулося від сирен. ",
	}
	for name, s := range bodies {
		body := strings.Repeat(s, 64<<10/len(s))
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				displayText(body)
			}
		})
	}
}

// TestDisplayTextHostileRuns: a character with tens of thousands of marks
// on it, which no terminal stacks, costs displayText no more than the text
// around it.
func TestDisplayTextHostileRuns(t *testing.T) {
	for name, s := range map[string]string{
		"marks on a lone regional indicator": "\U0001F1FA" + strings.Repeat("\u0301", 40000),
		"marks on a newer mark":              "\u0cf3" + strings.Repeat("\u0301", 40000),
		"spacing vowel signs":                "a" + strings.Repeat("\u093e", 40000),
		"joined emoji":                       strings.Repeat("\U0001F468\u200d", 40000),
		"a conjunct":                         "\u0915" + strings.Repeat("\u094d\u0937", 40000),
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			checkDisplayText(t, s)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("%v for %d bytes", d, len(s))
			}
		})
	}
}
