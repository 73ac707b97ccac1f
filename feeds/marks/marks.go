// Package marks tells the characters that show nothing: what one-line
// fields and tag names lose so that they cannot be disguised. The feeds
// package, which cleans what is imported, and the query language, which
// reads tag names as the library keeps them, share it.
package marks

import (
	"strings"
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

// Tag reports whether a tag name loses r: an Ignorable character, or one
// that only modifies the emoji before it (a skin tone U+1F3FB–1F3FF, the
// keycap U+20E3). Without them a tag is shown as it is stored, and two
// tags never look alike: a terminal that draws an emoji sequence one
// character at a time shows "👍🏽" as "👍" and a swatch, so the reader
// shows it as "👍" (ui/graphemes.go), and the tag is "👍".
func Tag(r rune) bool {
	return Ignorable(r) || r >= 0x1f3fb && r <= 0x1f3ff || r == 0x20e3
}

// DropTag returns s without the characters Tag reports, and s itself when
// it has none. All of them are two bytes or more in UTF-8, so ASCII is
// passed over a byte at a time.
func DropTag(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if Tag(r) {
			return strings.Map(func(r rune) rune {
				if Tag(r) {
					return -1
				}
				return r
			}, s)
		}
		i += size - 1
	}
	return s
}
