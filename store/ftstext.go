package store

import (
	"unsafe"
)

// wordSet is the working memory of distinctWords, kept between calls.
type wordSet map[string]struct{}

// distinctWords returns text with each of its words once, for a column of
// article_fts. The index records which columns hold a term, not how often
// or where (detail=column), so a word's second occurrence adds nothing to
// it, yet costs FTS5 a lookup in its table of pending terms: in a news
// article, half of all words repeat one before them.
//
// The text is cut only where unicode61 cuts it too, at ASCII characters
// that are neither letters nor digits, and the pieces are compared with
// their ASCII letters in lower case, which unicode61 folds the same way.
// So every piece tokenizes as it did in place, and a piece left out is one
// already given: the column's terms are exactly those of the whole text.
// Pieces with characters beyond ASCII are kept whole, and FTS5 tokenizes
// them as it always does.
func distinctWords(text string, seen wordSet) string {
	clear(seen)
	out := make([]byte, 0, len(text)+1) // never grows: keys point into it
	for i := 0; i < len(text); {
		if c := text[i]; c < 0x80 && !isWordByte(c) {
			i++
			continue
		}
		start := len(out)
		for ; i < len(text); i++ {
			c := text[i]
			if c < 0x80 && !isWordByte(c) {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out = append(out, c)
		}
		word := unsafe.String(&out[start], len(out)-start)
		if _, dup := seen[word]; dup {
			out = out[:start]
			continue
		}
		seen[word] = struct{}{}
		out = append(out, ' ')
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out)-1)
}
