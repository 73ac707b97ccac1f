package query

import "unicode/utf8"

// Chinese and Japanese run their words together without spaces, and FTS5's
// unicode61 tokenizer would make a whole run one word: 地震 could not be
// found in 東京で大規模な地震が発生. So every character of these scripts is a
// word of its own, both in what the store gives article_fts and in Tokens,
// and a query word with such characters is a phrase of them that must be
// written together in the text (see MatchPhrase). Korean separates its words
// with spaces but attaches particles to them (서울에서, "in Seoul"), so
// Hangul is split the same way: 서울 finds 서울에서.

// cjkRanges are the blocks whose characters are words of one character, as
// inclusive ranges. Whole blocks are listed, punctuation and unassigned code
// points included: a character FTS5 reads as a separator stays one.
var cjkRanges = [...][2]rune{
	{0x1100, 0x11FF},   // Hangul Jamo
	{0x2E80, 0x2FDF},   // CJK Radicals Supplement, Kangxi Radicals
	{0x3000, 0x9FFF},   // CJK Symbols and Punctuation (々 〆 〇), Hiragana, Katakana, Bopomofo, Hangul Compatibility Jamo, Kanbun, CJK Strokes, Katakana Phonetic Extensions, Enclosed CJK, CJK Compatibility, Extension A, Yijing Hexagrams, CJK Unified Ideographs
	{0xA960, 0xA97F},   // Hangul Jamo Extended-A
	{0xAC00, 0xD7FF},   // Hangul Syllables, Hangul Jamo Extended-B
	{0xF900, 0xFAFF},   // CJK Compatibility Ideographs
	{0xFF65, 0xFFDC},   // Halfwidth Katakana, Halfwidth Hangul
	{0x1AFF0, 0x1B16F}, // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
	{0x20000, 0x3FFFF}, // CJK Extensions B to I, CJK Compatibility Ideographs Supplement
}

// IsCJK reports whether r is a Han, kana or Hangul character (or another
// of the CJK blocks'), which the library indexes as a word by itself.
func IsCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	for _, rg := range cjkRanges {
		if r < rg[0] {
			return false
		}
		if r <= rg[1] {
			return true
		}
	}
	return false
}

// HasCJK reports whether s holds a character for which IsCJK is true.
func HasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		// Every such character is three or four bytes long in UTF-8,
		// starting with a byte from 0xE1 on.
		if s[i] < 0xE1 {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsCJK(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// cjkWord reports whether the word w (a token of bounds) is one CJK
// character.
func cjkWord(w string) bool {
	if len(w) < 3 || w[0] < 0xE1 {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && IsCJK(r)
}
