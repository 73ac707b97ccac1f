package anchor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An approximate match begins and ends where its edits let it, which can be
// inside a word: "Totally different" found for "In a startling" begins at
// "ly different", the "Total" counted as edits. A passage a reader selects is
// whole words (the reader selects by sentences), so snap widens an
// approximate match to whole words at each end where the quote began or ended
// at a word's edge, and leaves out white space and stray punctuation at an end
// where the quote had none.
//
// A word is a run of letters, digits and combining marks, of any script
// written with spaces between words. As in Unicode's word boundaries (UAX
// #29), an apostrophe or a middle dot between two of them (don't, l·l) and a
// point or comma between two digits (3.5, 1,000) are inside the word; a hyphen
// is not (high-ranking is two words). In scripts written without spaces
// (Chinese, Japanese, Thai, ...) each character with its marks is a word, so
// that a match in them is never widened over a sentence.

// maxWordRunes bounds how far snap moves an end: a run of letters longer than
// this is not a word a reader chose whole (a long token, or a script written
// without spaces that unspaced does not know), and the match is left where
// it ends in it.
const maxWordRunes = 64

// snap returns text[a:b], an approximate match of sel's quote with errors
// edits in the white space normalised text, moved to whole words wherever
// the quote began or ended at a word boundary, and to whole sentences
// wherever it began or ended a sentence (trimSentences). At an end where the
// quote has a word, perhaps behind punctuation attached to it (an opening
// quotation mark), white space and the punctuation it cuts off from the
// passage's words are left out: "the news. A spokesman" found as
// ". Spokesman" is "Spokesman".
func snap(text string, a, b int, sel Selector, errors int) (int, int) {
	a, b = trimSentences(text, a, b, sel, errors)
	if lead(sel.Quote) == 0 {
		a += lead(text[a:b])
	}
	if trail(sel.Quote) == 0 {
		b -= trail(text[a:b])
	}
	if boundary(sel.Prefix, sel.Quote) && !boundary(text[:a], text[a:]) {
		a = wordStart(text, a)
	}
	if boundary(sel.Quote, sel.Suffix) && !boundary(text[:b], text[b:]) {
		b = wordEnd(text, b)
	}
	return a, b
}

// lead is the length of the characters before s's first word that white
// space cuts off from it: 0 when s begins with a word or with punctuation
// attached to it, or has no word.
func lead(s string) int {
	i, cut := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if inWord(r) {
			return cut
		}
		if i += size; isSpace(r) {
			cut = i
		}
	}
	return 0
}

// trail is lead at the end of s: the length of the characters after its
// last word that white space cuts off from it.
func trail(s string) int {
	i, cut := len(s), 0
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if inWord(r) {
			return cut
		}
		if i -= size; isSpace(r) {
			cut = len(s) - i
		}
	}
	return 0
}

// wordStart returns the start of the word that offset i is inside of, or i
// when that is more than maxWordRunes back.
func wordStart(text string, i int) int {
	j := i
	for range maxWordRunes {
		_, size := utf8.DecodeLastRuneInString(text[:j])
		if j -= size; boundary(text[:j], text[j:]) {
			return j
		}
	}
	return i
}

// wordEnd returns the end of the word that offset i is inside of, or i when
// that is more than maxWordRunes on.
func wordEnd(text string, i int) int {
	j := i
	for range maxWordRunes {
		_, size := utf8.DecodeRuneInString(text[j:])
		if j += size; boundary(text[:j], text[j:]) {
			return j
		}
	}
	return i
}

// boundary reports whether the point between before and after is a word
// boundary: not inside a word, nor between a character and its marks. The
// start and end of a text are boundaries.
func boundary(before, after string) bool {
	if before == "" || after == "" {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(before)
	b, size := utf8.DecodeRuneInString(after)
	if extends(b) || a == zwj {
		return false
	}
	a, before = base(before)
	switch {
	case inWord(a) && inWord(b):
		return unspaced(a) || unspaced(b)
	case inWord(a) && !unspaced(a):
		c, _ := utf8.DecodeRuneInString(after[size:])
		return !inWord(c) || unspaced(c) || !joins(b, a, c)
	case inWord(b) && !unspaced(b):
		c, _ := base(before)
		return !inWord(c) || unspaced(c) || !joins(a, c, b)
	}
	return true
}

// zwj is the zero width joiner, which joins the characters on either side
// into one (as in emoji sequences).
const zwj = '\u200d'

// extends reports whether r belongs to the character before it: a combining
// mark or a joiner.
func extends(r rune) bool {
	return r == zwj || r >= 0x300 && unicode.Is(unicode.M, r)
}

// base returns the last character of s that is not a mark or joiner, and
// the text before it; utf8.RuneError and "" when there is none.
func base(s string) (rune, string) {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		if !extends(r) {
			return r, s
		}
	}
	return utf8.RuneError, ""
}

// inWord reports whether r is a character of words: a letter or a digit (or
// other number), or a mark without a character before it.
func inWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// joins reports whether m between the word characters x and y keeps them
// one word.
func joins(m, x, y rune) bool {
	switch m {
	case '\'', '’', '·':
		return true
	case '.', ',':
		return unicode.IsDigit(x) && unicode.IsDigit(y)
	}
	return false
}

// unspacedScripts are the scripts written without spaces between words.
var unspacedScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo, unicode.Yi,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
	unicode.Tai_Le, unicode.New_Tai_Lue, unicode.Tai_Tham, unicode.Tai_Viet,
	unicode.Javanese, unicode.Balinese, unicode.Ideographic,
}

// unspaced reports whether r is a letter of a script written without spaces,
// each of whose characters counts as a word.
func unspaced(r rune) bool {
	if r < 0x2e80 {
		return r >= 0xe00 && unicode.In(r, unspacedScripts...)
	}
	return r == 'ー' || r == 'ｰ' || unicode.In(r, unspacedScripts...)
}

// A reader selects whole sentences, and a match that begins a few edits
// before its sentence (or ends a few after it) has taken in the end of the
// sentence before it (the start of the one after it): "Tuesday. Officials
// announced" for "The port authority announced", "will go. The" for "will
// be replaced by 2027.". Where the quote began (ended) a sentence and the
// match does not, trimSentences leaves that piece out.

// edgeKind is what an end of a passage is at.
type edgeKind int

const (
	insideWord   edgeKind = iota // inside a word, or at white space
	wordEdge                     // between words
	sentenceEdge                 // between sentences, or at the text's edge
)

// sentenceStops end a sentence when white space follows them; wideStops
// end one with none after them, in scripts written without spaces.
const (
	sentenceStops = ".!?…؟۔।"
	wideStops     = "。！？"
	// stopClosers are the quotes and brackets that may close a sentence
	// after its stop.
	stopClosers = "\"'”’»)]」』）"
)

// opensAt is the kind of the point i of text as a passage's start.
func opensAt(text string, i int) edgeKind {
	if i >= len(text) {
		return insideWord
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); isSpace(r) {
		return insideWord
	}
	before := trimSpaceRight(text[:i])
	if before == "" || endsSentence(before, len(before) < i) {
		return sentenceEdge
	}
	if boundary(text[:i], text[i:]) {
		return wordEdge
	}
	return insideWord
}

// closesAt is the kind of the point i of text as a passage's end.
func closesAt(text string, i int) edgeKind {
	if i <= 0 {
		return insideWord
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); isSpace(r) {
		return insideWord
	}
	spaced := i == len(text)
	if !spaced {
		r, _ := utf8.DecodeRuneInString(text[i:])
		spaced = isSpace(r)
	}
	if endsSentence(text[:i], spaced) {
		return sentenceEdge
	}
	if boundary(text[:i], text[i:]) {
		return wordEdge
	}
	return insideWord
}

// quoteOpens and quoteCloses are the kinds of a quote's start and end in
// its selector: a quote without a prefix began the text, one without a
// suffix ended it.
func quoteOpens(prefix, quote string) edgeKind { return opensAt(prefix+quote, len(prefix)) }
func quoteCloses(quote, suffix string) edgeKind {
	return closesAt(quote+suffix, len(quote))
}

// endsSentence reports whether s ends with a sentence's stop and any
// closing quotes or brackets after it; spaced says that white space (or
// the text's end) follows, which all but the wide stops need.
func endsSentence(s string, spaced bool) bool {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune(stopClosers, r):
			s = s[:len(s)-size]
			continue
		case strings.ContainsRune(wideStops, r):
			return true
		case strings.ContainsRune(sentenceStops, r):
			return spaced
		}
		return false
	}
	return false
}

// trimSpaceRight is s without the white space at its end.
func trimSpaceRight(s string) string {
	return strings.TrimRightFunc(s, isSpace)
}

// trimSentences returns text[a:b], a match of sel's quote with errors
// edits, without a piece of the sentence before it at its start where the
// quote began a sentence and the match does not, and without a piece of the
// sentence after it at its end where the quote ended one and the match does
// not. A piece is left out only when it could all be edits (it is at most
// errors runes long) and the quote has no sentence's edge where the piece
// would put one (within as many runes of its start or end, and errors more).
func trimSentences(text string, a, b int, sel Selector, errors int) (int, int) {
	if quoteOpens(sel.Prefix, sel.Quote) == sentenceEdge && opensAt(text, a) != sentenceEdge {
		for i, n := a, 0; i < b && n < errors; n++ {
			_, size := utf8.DecodeRuneInString(text[i:])
			if i += size; i < b && opensAt(text, i) == sentenceEdge {
				if !sentenceWithin(sel.Quote, n+1+errors, true) {
					a = i
				}
				break
			}
		}
	}
	if quoteCloses(sel.Quote, sel.Suffix) == sentenceEdge && closesAt(text, b) != sentenceEdge {
		for i, n := b, 0; i > a && n < errors; n++ {
			_, size := utf8.DecodeLastRuneInString(text[:i])
			if i -= size; i > a && closesAt(text, i) == sentenceEdge {
				if !sentenceWithin(sel.Quote, n+1+errors, false) {
					b = i
				}
				break
			}
		}
	}
	return a, b
}

// sentenceWithin reports whether a sentence of quote begins within its
// first n runes (after its start), or, when fromStart is false, ends
// within its last n runes (before its end).
func sentenceWithin(quote string, n int, fromStart bool) bool {
	if fromStart {
		for i, k := 0, 0; i < len(quote) && k < n; k++ {
			_, size := utf8.DecodeRuneInString(quote[i:])
			if i += size; i < len(quote) && opensAt(quote, i) == sentenceEdge {
				return true
			}
		}
		return false
	}
	for i, k := len(quote), 0; i > 0 && k < n; k++ {
		_, size := utf8.DecodeLastRuneInString(quote[:i])
		if i -= size; i > 0 && closesAt(quote, i) == sentenceEdge {
			return true
		}
	}
	return false
}
