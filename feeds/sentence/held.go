// Package sentence holds what the two sentence splitters share (a title's
// first sentence in feeds, the reader's sentence steps in ui): which
// quotes and brackets hold a sentence open, so that a full stop of Chinese
// or Japanese inside them does not end the sentence around them.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WideOpeners and WideClosers are the quotes and brackets Chinese and
// Japanese set a quotation or an aside in (their own, the curly quotes
// Chinese uses, and ASCII brackets): a full stop of theirs inside them does
// not end the sentence around them.
const (
	WideOpeners = "「『（【〔〈《〖〘［｛“‘("
	WideClosers = "」』）】〕〉》〗〙］｝”’)"
)

// Held finds the quotes and brackets of s that hold a sentence open
// (WideOpeners, straight quotes): those closed in s, each by its own
// closer, nested ones within them. It returns, for each byte of s, how
// much deeper in them s is from there on: +1 at an opener, -1 at its
// closer, 0 elsewhere; nil when s has none. An opener never closed (a "("
// left open, a stray ‘) holds nothing open, and a closer without its
// opener (an apostrophe’s ’) closes nothing: were they counted, no
// full stop after them would end a sentence. A straight quote right after
// a digit is an inch mark (27"), unless a quote is open for it to close.
func Held(s string) []int {
	if !strings.ContainsAny(s, `"`+WideOpeners) {
		return nil
	}
	type opened struct {
		at    int
		close rune // the closer that closes it
	}
	var open []opened
	var held []int
	closeAt := func(at int, close rune) bool {
		for k := len(open) - 1; k >= 0; k-- {
			if open[k].close == close {
				if held == nil {
					held = make([]int, len(s))
				}
				held[open[k].at]++
				held[at]--
				open = open[:k] // those opened inside it and left open hold nothing
				return true
			}
		}
		return false
	}
	for i, r := range s {
		switch {
		case r == '"':
			if !closeAt(i, '"') && !isInchMark(s[:i]) {
				open = append(open, opened{i, '"'})
			}
		case strings.ContainsRune(WideOpeners, r):
			open = append(open, opened{i, closerOf(r)})
		case strings.ContainsRune(WideClosers, r):
			closeAt(i, sameBracket(r))
		}
	}
	return held
}

// isInchMark reports whether a straight quote after before is an inch
// mark: it follows a digit (a 27" screen, 6.1").
func isInchMark(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsDigit(r)
}

// closerOf is the closer of the opener r (one of WideOpeners), as
// sameBracket writes it.
func closerOf(r rune) rune {
	opens, closes := []rune(WideOpeners), []rune(WideClosers)
	for k, o := range opens {
		if o == r {
			return sameBracket(closes[k])
		}
	}
	return r
}

// sameBracket writes the closer r as the brackets of both widths are
// matched: text set in Chinese or Japanese closes a wide （ with an ASCII
// ) and the other way round.
func sameBracket(r rune) rune {
	if r == ')' {
		return '）'
	}
	return r
}
