package query

import (
	"sort"
	"unicode/utf8"
)

// The tables in unicode61_tables.go are SQLite's own answer, read from a
// real article_fts: Go's unicode tables are a newer Unicode than SQLite's,
// and NFD-and-strip folds more than unicode61 does (Й to и, Hangul syllables
// to jamo), which would make words FTS5 never indexed.

// asciiFold is foldRune for ASCII, the common case: 0 marks a separator.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = byte(c)
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// isTokenRune reports whether FTS5's unicode61 tokenizer treats r as part of
// a word.
func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiFold[r] != 0
	}
	i := sort.Search(len(separators), func(i int) bool { return separators[i][1] >= r })
	return i == len(separators) || separators[i][0] > r
}

// foldRune is what unicode61 with remove_diacritics 2 makes of the word
// character r, given text as the store gives it to article_fts
// (IndexForm): its lowercase without diacritics, or -1 for a diacritic
// that is dropped, and for a vowel point of Arabic or Hebrew
// (optionalMark), which is not given to it at all.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
	}
	if optionalMark(r) {
		return -1
	}
	// A Greek letter is read bare (BareGreek), and a combining mark in a
	// word is a diacritic, or the mark of a Greek letter.
	if r <= greekExtLast {
		if isCombiningMark(r) {
			return -1
		}
		r, _ = bareGreek(r)
	}
	i := sort.Search(len(folds), func(i int) bool { return folds[i][0] >= r })
	if i < len(folds) && folds[i][0] == r {
		return folds[i][1]
	}
	return r
}

// Arabic and Hebrew write their short vowels, and in scripture their
// cantillation, as optional marks over and under the letters: كَتَبَ is
// كتب, שָׁלוֹם is שלום, and most text leaves them out. unicode61 reads
// such a mark as a separator, so a pointed word was indexed as pieces of
// one or two letters, which the word written without them did not find.
// They are left out of the text the index is given (IndexForm), and out of
// a query's words: a word is found however fully it is pointed. So is the
// Arabic tatweel (ـ), which stretches a word for show. Indic vowel signs
// and viramas are not optional: they spell the word, and stay what
// unicode61 makes of them (separators, so that a Hindi word typed is cut
// as the text is, and found as a phrase of its pieces).

// optionalMark reports whether r is one of these marks: the harakat and
// Quranic marks of Arabic (U+064B–U+065F, U+0670, U+06D6–U+06DC,
// U+06DF–U+06E4, U+06E7–U+06E8, U+06EA–U+06ED) and the tatweel (U+0640),
// and the points and cantillation marks of Hebrew (U+0591–U+05BD, U+05BF,
// U+05C1–U+05C2, U+05C4–U+05C5, U+05C7).
func optionalMark(r rune) bool {
	switch {
	case r < 0x0591 || r > 0x06ED:
		return false
	case r <= 0x05C7:
		return r <= 0x05BD || r == 0x05BF || r == 0x05C1 || r == 0x05C2 || r == 0x05C4 || r == 0x05C5 || r == 0x05C7
	case r < 0x0640:
		return false
	case r <= 0x0670:
		return r == 0x0640 || 0x064B <= r && r <= 0x065F || r == 0x0670
	}
	return 0x06D6 <= r && r <= 0x06DC || 0x06DF <= r && r <= 0x06E4 || r == 0x06E7 || r == 0x06E8 || 0x06EA <= r
}
