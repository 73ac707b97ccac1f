package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoted is shown, a passage q or the start of it on one line, between
// quotation marks, unless q begins or ends with a quotation mark of its own
// (" “ ” „ « » ‘ ’ ' 「 」 and the rest Unicode counts as one): then it is
// shown as it is, without a mark added, not as “"Everyone else…"”.
func quoted(q, shown string) string {
	if ownQuotes(q) {
		return shown
	}
	return "“" + shown + "”"
}

// ownQuotes reports whether the passage q begins or ends with a quotation
// mark.
func ownQuotes(q string) bool {
	q = strings.TrimSpace(q)
	first, _ := utf8.DecodeRuneInString(q)
	last, _ := utf8.DecodeLastRuneInString(q)
	return unicode.Is(unicode.Quotation_Mark, first) || unicode.Is(unicode.Quotation_Mark, last)
}
