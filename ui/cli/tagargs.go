package cli

import (
	"fmt"
	"strings"

	"tidings/feeds"
)

// signedNoTag reports whether word is a tag change (+name or -name) whose
// name, read by tagWord, is no tag once cleaned: a lone + or -, one
// followed by spaces, a #, empty quotes or characters that show nothing.
// tidings tag, feed tag and feed untag all refuse it (noTagError), whichever
// sign they read: a tag named "-" is written quoted, -"-".
func signedNoTag(word string, tagWord func(word string) (sign rune, name string)) bool {
	if !strings.HasPrefix(word, "+") && !strings.HasPrefix(word, "-") {
		return false
	}
	_, name := tagWord(word)
	return len(feeds.NormalizeTags([]string{name})) == 0
}

// noTagError says that word, a + or - (signedNoTag), names no tag, in the
// same words whichever command it was given to.
func noTagError(word string) error {
	return fmt.Errorf("%q names no tag: +name adds a tag, -name removes one", word)
}
