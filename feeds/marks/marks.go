// Package marks tells the characters that show nothing: what one-line
// fields and tag names lose so that they cannot be disguised. The feeds
// package, which cleans what is imported, and the query language, which
// reads tag names as the library keeps them, share it.
package marks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ignorable reports whether r is a character a terminal shows as nothing
// that only changes how the characters around it are drawn, or not even
// that: Unicode's default-ignorable code points (the joiners U+200C and
// U+200D, the direction marks U+200E, U+200F and U+061C, the soft hyphen,
// the grapheme joiner U+034F, the Hangul fillers, the variation selectors,
// the tag characters U+E0000–E0FFF, the Mongolian vowel separator...) and
// the interlinear annotation controls U+FFF9–FFFB. In a one-line field,
// where nothing needs them, they could only disguise it: "ukr\u200daine"
// looks like "ukraine", "\u200d" like a field that is not there.
func Ignorable(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case r == 0xad, r == 0x34f, r == 0x61c, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5,
		r >= 0x180b && r <= 0x180f, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0x3164, r >= 0xfe00 && r <= 0xfe0f, r == 0xfeff,
		r == 0xffa0, r >= 0xfff0 && r <= 0xfffb, r >= 0x1bca0 && r <= 0x1bca3,
		r >= 0x1d173 && r <= 0x1d17a, r >= 0xe0000 && r <= 0xe0fff:
		return true
	}
	return false
}

// Drop returns s without the characters Ignorable reports but those that
// change what is drawn where they stand: a zero-width joiner or non-joiner
// inside a word of a script that writes with them (Persian's می‌خواهم, the
// half forms of Hindi), a zero-width joiner between two emoji (🏳️‍🌈,
// 👨‍👩‍👧), a variation selector after a symbol, a digit or a mark of
// punctuation (❤️, 1️⃣, ‼️), and the tag characters of a subdivision flag
// (🏴 and its letters). So "ukr\u200daine" is "ukraine", and a field of
// nothing but such characters is empty; s itself when it has none.
// One-line fields on screen and tag names lose the same characters.
func Drop(s string) string { return drop(s, Ignorable) }

// DropInWords is Drop for the characters of Ignorable that break a word
// in two for the full-text index where a reader sees one word (a soft
// hyphen, a zero-width space, a joiner or word joiner between Latin
// letters): a text's words are then found by the words a reader types.
// Direction marks and the rest, which stand between words, stay.
func DropInWords(s string) string { return drop(s, inWord) }

func inWord(r rune) bool {
	switch r {
	case 0xad, 0x34f, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff:
		return true
	}
	return false
}

// drop is Drop for the characters of Ignorable that which reports.
func drop(s string, which func(rune) bool) string {
	i := 0
	for i < len(s) {
		if s[i] < utf8.RuneSelf { // none of them is ASCII
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if which(r) {
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
	prev := rune(0) // the last character kept that is not one of them
	for j := i; j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !Ignorable(r) {
			prev = r
			break
		}
		j -= size
	}
	flagLeft := 0 // the tag characters a subdivision flag may still have
	if prev == blackFlag {
		flagLeft = maxFlagTags
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if which(r) {
			next, _ := utf8.DecodeRuneInString(s[i:])
			switch {
			case r >= 0xe0020 && r <= 0xe007f && flagLeft > 0:
				b.WriteRune(r)
				if flagLeft--; r == 0xe007f { // the cancel tag ends it
					flagLeft = 0
				}
				continue
			case (r == 0x200c || r == 0x200d) && joinsLetters(prev, next),
				r == 0x200d && isEmoji(prev) && isEmoji(next),
				r >= 0xfe00 && r <= 0xfe0f && unicode.In(prev, unicode.S, unicode.N, unicode.P):
				b.WriteRune(r)
				continue
			}
			flagLeft = 0
			continue
		}
		b.WriteRune(r)
		if !Ignorable(r) { // one kept stands aside as the others do
			prev, flagLeft = r, 0
			if r == blackFlag {
				flagLeft = maxFlagTags
			}
		}
	}
	return b.String()
}

// maxFlagTags is how many tag characters a subdivision flag has at most:
// a region's code of up to six letters and the cancel tag.
const maxFlagTags = 7

// blackFlag starts a subdivision flag: 🏴 and tag letters (Scotland's is
// 🏴 g b s c t and the cancel tag).
const blackFlag = 0x1f3f4

// joinerScripts are the scripts whose words are written with zero-width
// joiners and non-joiners.
var joinerScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mandaic, unicode.Mongolian,
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya,
	unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala,
	unicode.Tibetan, unicode.Myanmar, unicode.Khmer,
}

// joinsLetters reports whether a joiner between prev and next is inside a
// word of a script that writes with joiners: next is a letter of one, and
// prev too or a mark.
func joinsLetters(prev, next rune) bool {
	return next >= 0x600 && unicode.In(next, joinerScripts...) &&
		(unicode.In(prev, joinerScripts...) || unicode.Is(unicode.M, prev))
}

// isEmoji reports whether r is a pictograph or a modifier of one, which
// an emoji sequence joins: the symbols from U+2190 on (arrows, dingbats,
// the emoji planes) and the skin tones.
func isEmoji(r rune) bool {
	return r >= 0x2190 && unicode.In(r, unicode.So, unicode.Sk)
}
