package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/feeds/sentence"
)

// A passage is selected sentence by sentence: v starts at one, j and k move
// its end. Sentences are found in the article's plain text (anchor.PlainText)
// by a small splitter: a sentence ends at . ! ? ؟ ۔ । or … (and any closing
// quotes or brackets after it) followed by white space and then a capital
// letter, a digit or a letter of a script without capitals (Arabic, Hebrew,
// Korean, Chinese…); or, after a word of such a script, any letter. The
// ideographic full stop and the full-width ! and ? (。！？) end one with no
// space after them, but not inside 「quotes」, “quotes”, "quotes" or
// （brackets） that their line closes (sentence.Held: an inch mark, 27", or
// a bracket left open holds nothing), nor before another of them. A line
// break ends one too: a paragraph's end, a list item's, a table row's (the
// plain text writes each on a line of its own), a line of code and a
// paragraph's hard line break (a poem's line, an address's), so that j and
// k step through a list or a table item by item and row by row, not over
// all of it at once. A full stop after a common abbreviation ("Dr.",
// "Gen.", "e.g."; "No." before a number), an initial ("John F. Kennedy") or
// a dotted initialism ("U.S.", "U.K.") does not end one; neither does one
// inside a number ("3.5"), which no space follows.

// span is a range of bytes of a text, [start, end).
type span struct{ start, end int }

// abbreviations do not end a sentence with their full stop (compared in
// lower case, without the stop).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cpt": true,
	"maj": true, "adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true,
	"pres": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true,
	"fig": true, "vol": true, "approx": true, "est": true, "dept": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"cf": true, "al": true, "ca": true, "op": true, "pp": true,
}

// numberAbbreviations are abbreviations only before a number: "No. 5",
// "nos. 3 and 4"; "The council voted no." ends a sentence.
var numberAbbreviations = map[string]bool{"no": true, "nos": true}

// splitSentences returns the sentences of text, in order, without the white
// space between them.
func splitSentences(text string) []span {
	var out []span
	held := heldByLine(text)
	start := -1 // the current sentence's first byte; -1 between sentences
	depth := 0  // how deep text is at i in the quotes and brackets its line closes
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if held != nil {
			depth += held[i]
		}
		if start < 0 {
			if !unicode.IsSpace(r) {
				start = i
			}
			i += size
			continue
		}
		switch {
		case r == '\n':
			out = append(out, span{start, trimmedEnd(text, start, i)})
			start = -1
		case isStop(r):
			end := i + size
			for end < len(text) {
				c, n := utf8.DecodeRuneInString(text[end:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				end += n
			}
			if (depth == 0 || !isWideStop(r)) && endsSentence(text, start, i, r, end) {
				out = append(out, span{start, end})
				start = -1
				i = end
				continue
			}
		}
		i += size
	}
	if start >= 0 {
		if end := trimmedEnd(text, start, len(text)); end > start {
			out = append(out, span{start, end})
		}
	}
	return out
}

// heldByLine is sentence.Held of each line of text laid end to end, nil
// when no line has a quote or bracket it closes: as a line break ends a
// sentence, a quote or bracket holds a full stop only when its own line
// closes it.
func heldByLine(text string) []int {
	var held []int
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := sentence.Held(text[start:end]); line != nil {
			if held == nil {
				held = make([]int, len(text))
			}
			copy(held[start:], line)
		}
		start = end + 1
	}
	return held
}

// closers may follow a sentence's final punctuation and belong to it.
const closers = `"')]”’»` + sentence.WideClosers

// isStop reports whether r may end a sentence.
func isStop(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '۔', '।':
		return true
	}
	return isWideStop(r)
}

// isWideStop reports whether r is a full stop, ! or ? of Chinese and
// Japanese, which no space follows.
func isWideStop(r rune) bool { return r == '。' || r == '！' || r == '？' || r == '｡' }

// uncased reports whether r is a letter of a script without capitals.
func uncased(r rune) bool {
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// trimmedEnd is end moved back over white space, not before start.
func trimmedEnd(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// endsSentence reports whether the punctuation r at i, the sentence running
// from start and its closers to end, ends the sentence.
func endsSentence(text string, start, i int, r rune, end int) bool {
	if end >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if isWideStop(r) {
		return !isStop(next) // "本当！？" ends at its last mark
	}
	if !unicode.IsSpace(next) {
		return false // "3.5", "U.S.-led", "example.com"
	}
	// The next word, past white space and opening quotes or brackets,
	// must start with a capital, a digit or a letter without case, or
	// follow a word without case.
	word := lastWord(text[start:i])
	var first rune // the next word's first letter or digit
	j := end
	for j < len(text) {
		c, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(c) && !strings.ContainsRune(`"'([“‘`+sentence.WideOpeners, c) {
			caseless := uncased(c) || unicode.IsLetter(c) && word != "" && strings.IndexFunc(word, func(r rune) bool { return !uncased(r) }) < 0
			if !unicode.IsUpper(c) && !unicode.IsDigit(c) && !unicode.IsTitle(c) && !caseless {
				return false
			}
			first = c
			break
		}
		j += size
	}
	if r != '.' {
		return true
	}
	switch {
	case abbreviations[strings.ToLower(word)]:
		return false
	case numberAbbreviations[strings.ToLower(word)] && unicode.IsDigit(first):
		return false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return false // an initial: "John F. Kennedy"
	case isInitialism(word):
		return false // "U.S.", "e.g."
	}
	return true
}

// lastWord is the letters (and inner full stops) that end s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return s[i:]
}

// isInitialism reports whether w (its last full stop cut off) is letters
// separated by full stops: "U.S", "e.g", "U.K".
func isInitialism(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// sentenceAt is the index of the sentence that holds offset, else the first
// after it, else the last; -1 when there are none.
func sentenceAt(sentences []span, offset int) int {
	for i, s := range sentences {
		if offset < s.end {
			return i
		}
	}
	return len(sentences) - 1
}
