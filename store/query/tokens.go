package query

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens splits s into words the way article_fts's tokenizer (FTS5 unicode61,
// remove_diacritics 2) does, and folds each: letters, digits and private-use
// characters make words, everything else separates them; case is folded and
// diacritics are removed. Tokens("U.S. Covid-19, Zürich") is
// ["u" "s" "covid" "19" "zurich"].
func Tokens(s string) []string {
	var out []string
	for _, b := range bounds(s) {
		out = append(out, foldWord(s[b[0]:b[1]]))
	}
	return out
}

// Fold folds case and removes diacritics in s the way article_fts's tokenizer
// does, leaving separators as they are: Fold("Zürich, ÉTÉ") is "zurich, ete".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i), !isTokenRune(r):
			b.WriteString(s[i : i+runeLen(s, i)])
		default:
			if f := foldRune(r); f >= 0 {
				b.WriteRune(f)
			}
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
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// bounds tokenizes s into the byte ranges [start, end) of its words.
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
// separates words.
func nextWord(s string, i int) (start, end int) {
	start, kept := -1, false
	for i < len(s) {
		var r rune
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError && n == 1 || !isTokenRune(r) {
			if start >= 0 && kept {
				return start, i
			}
			start, kept = -1, false
		} else {
			if start < 0 {
				start = i
			}
			kept = kept || r < utf8.RuneSelf || foldRune(r) >= 0
		}
		i += n
	}
	if start >= 0 && kept {
		return start, len(s)
	}
	return len(s), len(s)
}

// rawTokens splits s like Tokens but keeps each word as written: what goes
// into an FTS5 expression, so that FTS5 folds the query exactly as it folded
// the text it indexed.
func rawTokens(s string) []string {
	bs := bounds(s)
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = s[b[0]:b[1]]
	}
	return out
}

// foldMatches reports whether the word w folds to want, or with prefix to
// something beginning with want, without building the folded word.
func foldMatches(w, want string, prefix bool) bool {
	j := 0
	for _, r := range w {
		f := foldRune(r)
		if f < 0 {
			continue
		}
		if j == len(want) {
			return prefix
		}
		wr, n := utf8.DecodeRuneInString(want[j:])
		if wr != f {
			return false
		}
		j += n
	}
	return j == len(want)
}

// MatchPhrase reports whether text contains the words of phrase in order,
// both tokenized and folded like Tokens; when phrase ends in "*" its last
// word is a prefix. A phrase without words matches nothing. The store
// registers it as the SQL function tidings_phrase(text, phrase) that
// Options.PhraseFunc compiles to.
func MatchPhrase(text, phrase string) bool {
	want := Tokens(phrase)
	if len(want) == 0 {
		return false
	}
	prefix := strings.HasSuffix(strings.TrimRightFunc(phrase, unicode.IsSpace), "*")
	// Slide a window of the last len(want) words over text: the store calls
	// this for every candidate row, so it neither folds nor keeps the text.
	k := len(want)
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
		match := true
		for j := 0; j < k && match; j++ {
			b := win[(n+1+j)%k]
			match = foldMatches(text[b[0]:b[1]], want[j], prefix && j == k-1)
		}
		if match {
			return true
		}
	}
}

// findPhrase returns the indexes in words (the bounds of text's words) where
// the phrase want begins; with first it stops at the first.
func findPhrase(text string, words [][2]int, want []string, prefix, first bool) []int {
	var at []int
	last := len(want) - 1
outer:
	for i := 0; i+last < len(words); i++ {
		for j, w := range want {
			b := words[i+j]
			if !foldMatches(text[b[0]:b[1]], w, prefix && j == last) {
				continue outer
			}
		}
		at = append(at, i)
		if first {
			break
		}
	}
	return at
}

// Highlights returns the byte ranges [start, end) of text where the terms
// (as Terms lists them: words, phrases of words joined by spaces, prefixes
// ending in "*") occur, sorted and merged where they overlap or touch.
func Highlights(text string, terms []string) [][2]int {
	words := bounds(text)
	var out [][2]int
	for _, term := range terms {
		want := Tokens(term)
		if len(want) == 0 {
			continue
		}
		for _, i := range findPhrase(text, words, want, strings.HasSuffix(term, "*"), false) {
			out = append(out, [2]int{words[i][0], words[i+len(want)-1][1]})
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
