package query

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokens splits s into words the way article_fts's tokenizer (FTS5 unicode61,
// remove_diacritics 2) does, and folds each: letters, digits and private-use
// characters make words, everything else separates them; case is folded and
// diacritics are removed. Tokens("U.S. Covid-19, Zürich") is
// ["u" "s" "covid" "19" "zurich"]. A CJK character is a word by itself
// (IsCJK): Tokens("G7サミット") is ["g7" "サ" "ミ" "ッ" "ト"]. It reads s as
// the store gives the index its text (IndexForm): composed, the vowel
// points of Arabic and Hebrew left out, Straße as strasse.
func Tokens(s string) []string {
	s = normalForm(s)
	var out []string
	for _, b := range bounds(s) {
		out = append(out, foldWord(s[b[0]:b[1]]))
	}
	return out
}

// Fold folds case and removes diacritics in s the way article_fts's tokenizer
// does, leaving separators as they are: Fold("Zürich, ÉTÉ") is "zurich, ete".
func Fold(s string) string {
	s = normalForm(s)
	var b strings.Builder
	b.Grow(len(s))
	greek := false // what came before is a Greek letter and its marks
	for i, r := range s {
		switch {
		case greek && isCombiningMark(r):
			// The letter's mark: it goes.
		case optionalMark(r):
			// Not in the text the index is given: it goes, and the letter
			// before it is still the one before what follows.
		case r == utf8.RuneError && !validAt(s, i), !isTokenRune(r):
			b.WriteString(s[i : i+runeLen(s, i)])
			greek = false
		default:
			writeFolded(&b, r)
			_, greek = bareGreek(r)
		}
	}
	return b.String()
}

func validAt(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n > 1
}

func runeLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// foldWord folds a word made of token characters.
func foldWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		writeFolded(&b, r)
	}
	return b.String()
}

// writeFolded writes what the word character r folds to: foldRune's
// answer, or the letters r is read as (spelling: ﬁ is f and i, Ｔ is t, ß
// is s and s).
func writeFolded(b *strings.Builder, r rune) {
	if x, ok := spelling(r); ok {
		b.WriteString(x)
		return
	}
	if f := foldRune(r); f >= 0 {
		b.WriteRune(f)
	}
}

// wordBounds returns s in the form words are read in (normalForm) and the
// bounds of its words in it.
func wordBounds(s string) (string, [][2]int) {
	s = normalForm(s)
	return s, bounds(s)
}

// bounds tokenizes s, in its normal form (normalForm), into the byte ranges
// [start, end) of its words.
func bounds(s string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == end {
			return out
		}
		out = append(out, [2]int{start, end})
		i = end
	}
}

// nextWord finds the first word of s at or after byte i: its bytes [start,
// end), or start == end at the end of s. A word whose characters all fold
// away (a lone combining mark) is no word, as in FTS5. Invalid UTF-8
// separates words. A CJK character is a word by itself (IsCJK), a Greek
// letter's marks are part of its word (BareGreek), and a vowel point of
// Arabic or Hebrew is as if it were not there (optionalMark), as the store
// gives article_fts its text.
func nextWord(s string, i int) (start, end int) {
	start, kept := -1, false
	greek := false // what came before is a Greek letter and its marks
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of most texts: a letter or digit, or not.
			greek = false
			if asciiFold[c] == 0 {
				if start >= 0 && kept {
					return start, i
				}
				start, kept = -1, false
			} else if start < 0 {
				start, kept = i, true
			} else {
				kept = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case greek && isCombiningMark(r):
			// A mark of the Greek letter before it, in its word whatever
			// unicode61 makes of the mark elsewhere: BareGreek drops it.
		case optionalMark(r):
			// In the word around it, if there is one, and no word by
			// itself: the index is given the text without it.
		case r == utf8.RuneError && n == 1 || !isTokenRune(r):
			if start >= 0 && kept {
				return start, i
			}
			start, kept, greek = -1, false, false
		case IsCJK(r):
			// A word by itself, ending the word before it.
			if start >= 0 && kept {
				return start, i
			}
			return i, i + n
		default:
			if start < 0 {
				start = i
			}
			kept = kept || foldRune(r) >= 0
			_, greek = bareGreek(r)
		}
		i += n
	}
	if start >= 0 && kept {
		return start, len(s)
	}
	return len(s), len(s)
}

// rawTokens splits s like Tokens but keeps each word as the store gives
// the index its text (IndexForm): composed, its Greek letters bare, its
// compatibility forms and the letters read as others spelled out (in lower
// case), without the vowel points of Arabic and Hebrew, but otherwise in
// its case and with the accents unicode61 folds. That goes into an FTS5
// expression, so that FTS5 folds the query exactly as it folded the text
// it indexed.
func rawTokens(s string) []string {
	s, bs := wordBounds(s)
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = BareGreek(spellOut(s[b[0]:b[1]]))
	}
	return out
}

// foldMatches reports whether the word w folds to want, or with prefix to
// something beginning with want, without building the folded word.
func foldMatches(w, want string, prefix bool) bool {
	j := 0
	for _, r := range w {
		x, _ := spelling(r) // the letters r is read as, one by one
		for k := 0; ; {
			if x != "" {
				if k == len(x) {
					break
				}
				var n int
				r, n = utf8.DecodeRuneInString(x[k:])
				k += n
			}
			if f := foldRune(r); f >= 0 {
				if j == len(want) {
					return prefix
				}
				wr, n := utf8.DecodeRuneInString(want[j:])
				if wr != f {
					return false
				}
				j += n
			}
			if x == "" {
				break
			}
		}
	}
	return j == len(want)
}

// MatchPhrase reports whether text contains the words of phrase in order,
// both tokenized and folded like Tokens; when phrase ends in "*" its last
// word is a prefix. Between two words of the phrase the text may have any
// separators, except between CJK characters written together in the
// phrase, which must be together in the text too (or on either side of a
// line break): 地震 is not found in 地、震. A phrase without words matches
// nothing. The text is read in its normal form, as the index reads it
// (normalForm). The store registers it as
// the SQL function tidings_phrase(text, phrase) that Options.PhraseFunc
// compiles to.
func MatchPhrase(text, phrase string) bool {
	p := parsePhrase(phrase)
	if len(p.words) == 0 {
		return false
	}
	// Most texts a CJK phrase is looked for in lack it, which is quicker
	// to tell in the text as it is than composing it would be.
	if p.lacks(text) && !mayJoinCJK(text) {
		return false
	}
	if text = normalForm(text); p.lacks(text) {
		return false
	}
	// Slide a window of the last len(p.words) words over text: the store
	// calls this for every candidate row, so it neither folds nor keeps
	// the text.
	k := len(p.words)
	win := make([][2]int, k)
	for n, i := 0, 0; ; n++ {
		start, end := nextWord(text, i)
		if start == end {
			return false
		}
		win[n%k], i = [2]int{start, end}, end
		if n+1 < k {
			continue
		}
		// Most windows start with another word than the phrase.
		first := (n + 1) % k
		if b := win[first]; foldMatches(text[b[0]:b[1]], p.words[0], p.prefix && k == 1) && p.at(text, win, first) {
			return true
		}
	}
}

// phrase is a phrase parsed for matching.
type phrase struct {
	words  []string // folded
	joined []bool   // joined[j]: words[j] follows words[j-1] with nothing between
	prefix bool     // the last word is a prefix
}

// parsePhrase reads a phrase as MatchPhrase takes it.
func parsePhrase(s string) phrase {
	s, bs := wordBounds(s)
	p := phrase{
		words:  make([]string, len(bs)),
		joined: make([]bool, len(bs)),
		prefix: strings.HasSuffix(strings.TrimRightFunc(s, unicode.IsSpace), "*"),
	}
	for i, b := range bs {
		p.words[i] = foldWord(s[b[0]:b[1]])
		p.joined[i] = i > 0 && joined(s, bs[i-1], b)
	}
	return p
}

// joined reports whether the words a and b of s are CJK characters written
// together.
func joined(s string, a, b [2]int) bool {
	return a[1] == b[0] && cjkWord(s[a[0]:a[1]]) && cjkWord(s[b[0]:b[1]])
}

// together reports whether the text between two words, text[end:start], is
// nothing, or a line break with white space: a line of Chinese or Japanese
// may be broken anywhere, by its author's editor or by the reader's
// wrapping, and the words go on on the next line.
func together(text string, end, start int) bool {
	if end == start {
		return true
	}
	gap := text[end:start]
	return strings.IndexByte(gap, '\n') >= 0 && strings.Trim(gap, " \t\r\n") == ""
}

// lacks reports whether text surely does not hold the phrase: two of its
// CJK characters written together are nowhere together in text. The store
// checks every article that holds a phrase's words anywhere, and a CJK
// word's characters are in most articles of its language: this look for
// the pair, which fold to themselves, spares tokenizing the whole text.
func (p phrase) lacks(text string) bool {
	for j := 1; j < len(p.words); j++ {
		if p.joined[j] && !pairIn(text, p.words[j-1], p.words[j]) {
			return true
		}
	}
	return false
}

// mayJoinCJK reports whether text composed (normalForm) may have two CJK
// characters together that it does not have as it is: only composing
// makes a CJK character of others, from conjoining Hangul jamo
// (U+1100–U+11FF) or kana and a combining voicing mark (U+3099, U+309A),
// or changes one, a halfwidth katakana (U+FF61–U+FF9F) or a CJK
// compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F), which are the
// katakana and the ideograph they stand for. Composing takes no character
// out from between two others.
func mayJoinCJK(text string) bool {
	if strings.Contains(text, "\u3099") || strings.Contains(text, "\u309a") {
		return true
	}
	for _, lead := range [...]byte{0xE1, 0xEF, 0xF0} {
		for s := text; ; {
			at := strings.IndexByte(s, lead)
			if at < 0 {
				break
			}
			r, _ := utf8.DecodeRuneInString(s[at:])
			if 0x1100 <= r && r <= 0x11FF || isHalfwidthKana(r) || 0xF900 <= r && r <= 0xFAFF || 0x2F800 <= r && r <= 0x2FA1F {
				return true
			}
			s = s[at+1:]
		}
	}
	return false
}

// pairIn reports whether text holds a and then b, together as MatchPhrase
// wants CJK characters written together to be.
func pairIn(text, a, b string) bool {
	for i := 0; ; {
		at := strings.Index(text[i:], a)
		if at < 0 {
			return false
		}
		i += at + len(a)
		gap := 0
		for gap < len(text)-i && strings.IndexByte(" \t\r\n", text[i+gap]) >= 0 {
			gap++
		}
		if strings.HasPrefix(text[i+gap:], b) && together(text, i, i+gap) {
			return true
		}
	}
}

// phraseOf is the phrase a text term stands for, as MatchPhrase and
// Highlights take it: its words folded and separated by spaces, but CJK
// characters written together kept together. phraseOf("U.S. 大地震") is
// "u s 大地震".
func phraseOf(s string) string {
	s, bs := wordBounds(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, w := range bs {
		if i > 0 && !joined(s, bs[i-1], w) {
			b.WriteByte(' ')
		}
		b.WriteString(foldWord(s[w[0]:w[1]]))
	}
	return b.String()
}

// at reports whether the words of text in words, from words[first] on and
// around to words[first-1], are the phrase.
func (p phrase) at(text string, words [][2]int, first int) bool {
	k, last := len(words), len(p.words)-1
	for j, w := range p.words {
		b := words[(first+j)%k]
		if !foldMatches(text[b[0]:b[1]], w, p.prefix && j == last) {
			return false
		}
		if p.joined[j] && !together(text, words[(first+j-1)%k][1], b[0]) {
			return false
		}
	}
	return true
}

// findPhrase returns the indexes in words (the bounds of text's words) where
// the phrase p begins.
func findPhrase(text string, words [][2]int, p phrase) []int {
	var at []int
	k := len(p.words)
	for i := 0; i+k <= len(words); i++ {
		if p.at(text, words[i:i+k], 0) {
			at = append(at, i)
		}
	}
	return at
}

// Highlights returns the byte ranges [start, end) of text where the terms
// (as Terms lists them: words, phrases of words joined by spaces, prefixes
// ending in "*") occur, sorted and merged where they overlap or touch.
// Text not in its normal form (normalForm) is read in it, and the ranges
// found there are given in text as it is.
func Highlights(text string, terms []string) [][2]int {
	form, offsets := normalFormOffsets(text)
	words := bounds(form)
	var out [][2]int
	for _, term := range terms {
		p := parsePhrase(term)
		if len(p.words) == 0 {
			continue
		}
		for _, i := range findPhrase(form, words, p) {
			out = append(out, [2]int{offsets.inText(words[i][0], false), offsets.inText(words[i+len(p.words)-1][1], true)})
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && r[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// formOffsets maps byte offsets in the normal form of a text (normalForm)
// back to the text: the pieces of the form that differ from the text, in
// order, each as its start and end in the form and then in the text.
type formOffsets [][4]int

// normalFormOffsets returns normalForm(s), and where its changed pieces
// come from in s. Widening halfwidth katakana moves no offset; composing
// is done a piece at a time (norm.Iter), each piece what a stretch of s
// composes to.
func normalFormOffsets(s string) (string, formOffsets) {
	if !needsNormalForm(s) {
		return s, nil
	}
	var it norm.Iter
	it.InitString(norm.NFC, widenKana(s))
	out := make([]byte, 0, len(s))
	var changed formOffsets
	for from := 0; !it.Done(); {
		piece := it.Next()
		to := it.Pos()
		if string(piece) != s[from:to] {
			changed = append(changed, [4]int{len(out), len(out) + len(piece), from, to})
		}
		out = append(out, piece...)
		from = to
	}
	return string(out), changed
}

// inText returns the offset in the text of the offset at in its normal
// form. Inside a piece that changed, that is the piece's start, or its end
// for the end of a range, but where the piece kept its length (a widened
// katakana).
func (f formOffsets) inText(at int, end bool) int {
	i := sort.Search(len(f), func(i int) bool { return f[i][0] > at }) - 1
	if i < 0 {
		return at
	}
	p := f[i]
	switch {
	case at >= p[1]:
		return p[3] + at - p[1]
	case at == p[0]:
		return p[2]
	case p[1]-p[0] == p[3]-p[2]:
		return p[2] + at - p[0]
	case end:
		return p[3]
	}
	return p[2]
}
