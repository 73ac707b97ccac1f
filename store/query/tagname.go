package query

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
	"tidings/feeds/marks"
)

// TagName is a tag name asked for as the library stores tag names (see
// feeds.NormalizeTags): without the characters that show nothing (marks.Drop), so that
// tag:ukr\u200daine asks for ukraine, composed (Unicode NFC), so that a
// name typed with combining accents asks for the one typed with accented
// letters, and cut as a stored name is cut (CutTagName), so that a name
// too long to keep whole asks for the name it is kept as.
func TagName(name string) string {
	return CutTagName(tagForm(name))
}

// tagForm is name without the characters that show nothing, its runs of
// white space of any kind one space, as in stored names, and composed.
func tagForm(name string) string {
	return norm.NFC.String(strings.Join(strings.Fields(marks.Drop(name)), " "))
}

// CutTagName is name cut to what a tag name is kept as, feeds.MaxLineLength
// characters (feeds.ShortLine, as an import cuts an article's tags), and
// name itself when it fits. The library cuts the names it stores with it
// (store's keptTagNames) and a query the names it asks for, so that the
// long name a reader tagged with still finds the article.
func CutTagName(name string) string {
	if len(name) <= feeds.MaxLineLength {
		return name
	}
	return tagForm(feeds.ShortLine(name))
}
