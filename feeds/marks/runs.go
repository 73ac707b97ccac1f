package marks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxRun is how many combining marks in a row one character keeps: the
// limit of Unicode's stream-safe text format (UAX #15), more than any
// script stacks on a letter (Vietnamese two, a Tibetan stack some eight;
// an emoji sequence alternates them with pictures). A longer run is
// "Zalgo" text: a reader loses nothing by it, and a terminal is sent every
// mark of it for the one cell. The feeds package keeps no more in what it
// cleans, and the query language looks for a name so cut too.
const MaxRun = 30

// CapRuns is s with at most MaxRun marks (IsMark) in a row. A character
// that shows nothing (Ignorable: a joiner, a zero-width space...) neither
// counts nor ends a run, so that taking it out later joins no two runs
// into one too long. It returns s itself when no run is too long.
func CapRuns(s string) string {
	run, i := 0, 0
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			run = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if run = Run(run, r); run > MaxRun {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			run = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if run = Run(run, r); run <= MaxRun || !IsMark(r) {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Run is how long a run of run marks is with r after it (see CapRuns):
// one longer when r is a mark, as long when it shows nothing, and none
// when it is any other character.
func Run(run int, r rune) int {
	switch {
	case IsMark(r):
		return run + 1
	case Ignorable(r):
		return run
	}
	return 0
}

// IsMark reports whether r is drawn on or with the character before it, in
// its cell: a combining mark (Mn, Mc, Me: an accent, a vowel sign, a
// Tibetan subjoined letter, an enclosing circle), a skin tone, a halfwidth
// voicing mark (ﾞ, ﾟ), the vowel or final of a Hangul syllable written in
// jamo.
func IsMark(r rune) bool {
	switch {
	case r < 0x300, r >= 0x3400 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7a3:
		return false // Latin, CJK ideographs, Hangul syllables: most text
	case r >= 0x1f3fb && r <= 0x1f3ff, r == 0xff9e, r == 0xff9f, r >= 0x1160 && r <= 0x11ff, r >= 0xd7b0 && r <= 0xd7ff:
		return true
	}
	return unicode.Is(unicode.M, r)
}
