package marks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldTag is a tag name, as the library stores names (query.TagName), folded to
// what tells tag names apart: in Unicode lower case, so that Été and été,
// ÜBER and über, ΑΘΉΝΑ and αθήνα are one tag. A letter with two lower-case
// forms is one letter: σ and the final ς, s and the long ſ. The Turkish
// dotless ı, a letter of its own, stays itself; the dotted İ is i.
//
// The library keeps every tag's folded name (tags.folded), unique: a name
// is looked up, matched by tag:, and kept one tag by it.
func FoldTag(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(name)
	}
	folded := strings.Map(func(r rune) rune {
		if r == 'ı' {
			return r
		}
		return unicode.ToLower(unicode.ToUpper(r))
	}, name)
	return norm.NFC.String(folded)
}
