package store

import (
	"unicode/utf8"
	"unsafe"

	"tidings/store/query"
)

// wordSet is the working memory of distinctWords, kept between calls.
type wordSet map[string]struct{}

// distinctWords returns text with each of its words once, for a column of
// article_fts, with every CJK character a word by itself (query.IsCJK).
// The index records which columns hold a term, not how often or where
// (detail=column), so a word's second occurrence adds nothing to it, yet
// costs FTS5 a lookup in its table of pending terms: in a news article,
// half of all words repeat one before them.
//
// The text is cut where unicode61 cuts it too, at ASCII characters that
// are neither letters nor digits, and on both sides of each CJK character,
// which unicode61 would leave inside a run of them (東京で大規模な地震 would
// be one word). The pieces are compared with their ASCII letters in lower
// case, which unicode61 folds the same way. So every piece tokenizes as it
// would in the text with a space either side of each CJK character, and a
// piece left out is one already given: the column's terms are exactly
// those of that text. Other pieces with characters beyond ASCII are kept
// whole, and FTS5 tokenizes them as it always does, in the text as the
// index is given it (query.IndexForm): composed, whatever form it came in
// (a Korean word typed on macOS comes as conjoining jamo); its Greek
// letters bare, where unicode61 would keep a precomposed letter's accent
// and split a word at a breathing; without the vowel points of Arabic and
// Hebrew, at which unicode61 would split a word; and its compatibility
// forms and the letters unicode61 keeps as letters of their own as the
// letters they are read as (Ｔｏｋｙｏ as tokyo, ﬁnance as finance, ｻﾐｯﾄ as
// サミット, Straße as strasse, ı as i).
func distinctWords(text string, seen wordSet) string {
	clear(seen)
	text = query.IndexForm(text)
	// Room for the text and a space after its last word; only CJK text
	// makes more pieces than that, and out grows then. A key points into
	// the array it was appended to, which is never written again.
	out := make([]byte, 0, len(text)+1)
	add := func(start int) {
		word := unsafe.String(&out[start], len(out)-start)
		if _, dup := seen[word]; dup {
			out = out[:start]
			return
		}
		seen[word] = struct{}{}
		out = append(out, ' ')
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		if n := cjkAt(text, i); n > 0 {
			start := len(out)
			out = append(out, text[i:i+n]...)
			add(start)
			i += n
			continue
		}
		start := len(out)
		for ; i < len(text); i++ {
			c := text[i]
			if c < utf8.RuneSelf {
				if !isWordByte(c) {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
			} else if c >= 0xE1 && cjkAt(text, i) > 0 {
				break
			}
			out = append(out, c)
		}
		add(start)
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out)-1)
}

// cjkAt returns the length of the CJK character at text[i], or 0 if there
// is none. Such characters take three or four bytes in UTF-8, the first
// from 0xE1 on, which no ASCII byte and no other byte of a character is.
func cjkAt(text string, i int) int {
	if text[i] < 0xE1 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !query.IsCJK(r) {
		return 0
	}
	return n
}
