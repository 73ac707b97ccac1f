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
// character r, given text with its Greek letters bare (BareGreek): its
// lowercase without diacritics, or -1 for a diacritic that is dropped.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiFold[r])
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
