package query

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// isTokenRune reports whether FTS5's unicode61 tokenizer treats r as part of
// a word.
func isTokenRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.N, unicode.Co, unicode.Mn)
}

// foldRune is what unicode61 with remove_diacritics 2 turns the word
// character r into: its lowercase without diacritics, or -1 when r is a
// diacritic that is dropped.
func foldRune(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	out := r
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			out = c
			break
		}
	}
	return unicode.ToLower(out)
}
