package query

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Greek is written with accents: a tonos on nearly every word (Αθήνα), a
// dialytika, and in polytonic text breathings, a circumflex and an iota
// subscript. FTS5's unicode61 removes diacritics from Latin letters only:
// it keeps them on precomposed Greek letters (Αθήνα is not αθηνα), drops
// them when they come as combining marks (decomposed text) if they are
// among the Latin ones (U+0300–U+0308), and splits a word at the others
// (the breathings U+0313 and U+0314, the circumflex U+0342, the iota
// subscript U+0345). So the store gives article_fts every Greek letter
// bare, without the marks it is written with, precomposed or combining
// (BareGreek), and the tokenizer reads Greek so too: Αθήνα, αθηνα and ΑΘΗΝΑ
// are one word, however they were encoded. Other scripts keep what
// unicode61 makes of them: Cyrillic й and ё, letters of their own, stay
// letters of their own.

// Greek letters live in two blocks: Greek and Coptic, and Greek Extended
// (the precomposed polytonic letters).
const (
	greekFirst, greekLast       = 0x0370, 0x03FF
	greekExtFirst, greekExtLast = 0x1F00, 0x1FFF
)

// greekLetters holds, for each code point of the two Greek blocks, the
// letter it is without its marks (itself for a bare letter), or 0 when it
// is not a letter to the tokenizer (punctuation, spacing accents).
var greekLetters = func() (t struct {
	basic [greekLast - greekFirst + 1]rune
	ext   [greekExtLast - greekExtFirst + 1]rune
}) {
	set := func(r rune) rune {
		if !isTokenRune(r) {
			return 0
		}
		d := norm.NFD.String(string(r))
		base, n := utf8.DecodeRuneInString(d)
		for _, m := range d[n:] {
			if !isCombiningMark(m) {
				return r
			}
		}
		if !unicode.IsLetter(base) || !inGreekBlocks(base) {
			return r
		}
		return base
	}
	for i := range t.basic {
		t.basic[i] = set(rune(greekFirst + i))
	}
	for i := range t.ext {
		t.ext[i] = set(rune(greekExtFirst + i))
	}
	return t
}()

func inGreekBlocks(r rune) bool {
	return greekFirst <= r && r <= greekLast || greekExtFirst <= r && r <= greekExtLast
}

// bareGreek returns the Greek letter r is without its marks (ά is α, ῷ is
// ω, α is α) and true, or false when r is not a Greek letter.
func bareGreek(r rune) (rune, bool) {
	var b rune
	switch {
	case r < greekFirst:
		return r, false
	case r <= greekLast:
		b = greekLetters.basic[r-greekFirst]
	case r < greekExtFirst:
		return r, false
	case r <= greekExtLast:
		b = greekLetters.ext[r-greekExtFirst]
	default:
		return r, false
	}
	if b == 0 {
		return r, false
	}
	return b, true
}

// isCombiningMark reports whether r is one of the Combining Diacritical
// Marks (U+0300–U+036F), which, after a Greek letter, are that letter's.
func isCombiningMark(r rune) bool { return 0x0300 <= r && r <= 0x036F }

// BareGreek returns s with its Greek letters bare: a precomposed letter
// becomes its letter without marks, and the combining marks after a Greek
// letter go (see the note at the top of this file). It returns s itself
// when there is nothing to change, which it tells quickly for text
// without Greek letters or combining marks. The store gives article_fts
// its text so, and the query package its words.
func BareGreek(s string) string {
	out, _ := bareGreekText(s, false)
	return out
}

// HasMarkedGreek reports whether BareGreek would change s: whether s holds
// a Greek letter written with a mark.
func HasMarkedGreek(s string) bool {
	_, changed := bareGreekText(s, true)
	return changed
}

// bareGreekText is BareGreek, and whether it changed anything; with
// check, it stops at the first change.
func bareGreekText(s string, check bool) (string, bool) {
	var out []byte // nil until something changes
	greek := false // what came before is a Greek letter and its marks
	for i := 0; i < len(s); {
		if out == nil && !greek && s[i] < utf8.RuneSelf {
			i = skipASCII(s, i+1)
			continue
		}
		c := s[i]
		// Greek letters and combining marks start with 0xCC to 0xCF
		// (U+0300–U+03FF) or 0xE1 (U+1xxx); any other byte is not one,
		// nor part of one.
		if c < 0xCC || c > 0xCF && c != 0xE1 {
			if out != nil {
				out = append(out, c)
			}
			greek = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var keep rune // -1 drops r
		if greek && isCombiningMark(r) {
			keep = -1
		} else {
			keep, greek = bareGreek(r)
		}
		if keep != r && out == nil {
			if check {
				return s, true
			}
			out = make([]byte, i, len(s))
			copy(out, s[:i])
		}
		switch {
		case out == nil:
		case keep == r:
			out = append(out, s[i:i+n]...)
		case keep >= 0:
			out = utf8.AppendRune(out, keep)
		}
		i += n
	}
	if out == nil {
		return s, false
	}
	return string(out), true
}

// skipASCII passes the ASCII of s from i on, eight bytes at a time (most
// text is mostly ASCII): it returns where the first eight bytes that are
// not all ASCII start, or where fewer than eight are left.
func skipASCII(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	return i
}

// endsInGreekLetter reports whether s ends in a Greek letter, with or
// without combining marks after it: a combining mark that comes next is
// the letter's too. The vowel points of Arabic and Hebrew, which the index
// is not given (optionalMark), come between them as if they were not
// there.
func endsInGreekLetter(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !isCombiningMark(r) && !optionalMark(r) {
			_, ok := bareGreek(r)
			return ok
		}
		s = s[:len(s)-n]
	}
	return false
}

// ContinuesWord reports whether the character before text[at] is a
// combining mark of a Greek letter (see BareGreek): a mark alone separates
// words, but this one is part of its letter's word, which a letter or
// digit at text[at] goes on.
func ContinuesWord(text string, at int) bool {
	if at == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	return isCombiningMark(r) && endsInGreekLetter(text[:at])
}
