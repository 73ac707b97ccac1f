package query

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TagName is a tag name asked for as the library stores tag names (see
// feeds.NormalizeTags): without the characters that show nothing, so that
// tag:ukr\u200daine asks for ukraine, and composed (Unicode NFC), so that a
// name typed with combining accents asks for the one typed with accented
// letters.
func TagName(name string) string {
	if hasTagMark(name) {
		name = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			if tagMark(r) {
				return -1
			}
			return r
		}, name)), " ")
	}
	return norm.NFC.String(name)
}

// tagMark is feeds.TagMark, which the query package cannot import: Unicode's
// default-ignorable code points, the interlinear annotation controls, the
// skin tones and the keycap. The store's tests check that the two agree.
func tagMark(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case r == 0xad, r == 0x34f, r == 0x61c, r == 0x115f, r == 0x1160, r == 0x17b4, r == 0x17b5,
		r >= 0x180b && r <= 0x180f, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0x3164, r >= 0xfe00 && r <= 0xfe0f, r == 0xfeff,
		r == 0xffa0, r >= 0xfff0 && r <= 0xfffb, r >= 0x1bca0 && r <= 0x1bca3,
		r >= 0x1d173 && r <= 0x1d17a, r >= 0xe0000 && r <= 0xe0fff,
		r >= 0x1f3fb && r <= 0x1f3ff, r == 0x20e3:
		return true
	}
	return false
}

func hasTagMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if tagMark(r) {
			return true
		}
		i += size - 1
	}
	return false
}
