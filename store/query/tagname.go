package query

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds/marks"
)

// TagName is a tag name asked for as the library stores tag names (see
// feeds.NormalizeTags): without the characters that show nothing (marks.Drop), so that
// tag:ukr\u200daine asks for ukraine, and composed (Unicode NFC), so that a
// name typed with combining accents asks for the one typed with accented
// letters.
func TagName(name string) string {
	// Runs of white space of any kind are one space, as in stored names.
	name = strings.Join(strings.Fields(marks.Drop(name)), " ")
	return norm.NFC.String(name)
}
