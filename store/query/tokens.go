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
	for _, sp := range spans(s) {
		out = append(out, sp.fold)
	}
	return out
}

// Fold folds case and removes diacritics in s the way article_fts's tokenizer
// does, leaving separators as they are: Fold("Zürich, ÉTÉ") is "zurich, ete".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !isTokenRune(r) {
			b.WriteRune(r)
			continue
		}
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// span is one token of a text: its bytes [start, end) and its folded form.
type span struct {
	start, end int
	fold       string
}

// spans tokenizes s, keeping where each token is so matches can be
// highlighted in the original text. A token whose characters all fold away
// (a lone combining mark) is no token, as in FTS5.
func spans(s string) []span {
	var out []span
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 && b.Len() > 0 {
			out = append(out, span{start, end, b.String()})
		}
		start = -1
		b.Reset()
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || !isTokenRune(r) {
			flush(i)
			i += n
			continue
		}
		if start < 0 {
			start = i
		}
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
		i += n
	}
	flush(len(s))
	return out
}

// rawTokens splits s like Tokens but keeps each token as written: what goes
// into an FTS5 expression, so that FTS5 folds the query exactly as it folded
// the text it indexed.
func rawTokens(s string) []string {
	var out []string
	for _, sp := range spans(s) {
		out = append(out, s[sp.start:sp.end])
	}
	return out
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
	return len(findPhrase(spans(text), want, prefix, true)) > 0
}

// findPhrase returns the indexes in toks where the phrase want begins; with
// first it stops at the first.
func findPhrase(toks []span, want []string, prefix, first bool) []int {
	var at []int
	last := len(want) - 1
outer:
	for i := 0; i+last < len(toks); i++ {
		for j, w := range want {
			t := toks[i+j].fold
			if t != w && !(j == last && prefix && strings.HasPrefix(t, w)) {
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
	toks := spans(text)
	var out [][2]int
	for _, term := range terms {
		want := Tokens(term)
		if len(want) == 0 {
			continue
		}
		for _, i := range findPhrase(toks, want, strings.HasSuffix(term, "*"), false) {
			out = append(out, [2]int{toks[i].start, toks[i+len(want)-1].end})
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
