package query

import (
	"strings"
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
