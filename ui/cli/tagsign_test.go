package cli

import (
	"fmt"
	"strings"
	"testing"

	"tidings/ui"
)

// TestLoneSignNamesNoTag: a + or - with no name after it (however spaced)
// names no tag in tidings tag, feed tag and feed untag alike, whichever
// sign the command reads, and each says so in the same words; quoted, a
// tag named "-" or "+" is a tag as any other.
func TestLoneSignNamesNoTag(t *testing.T) {
	refused := func(word string) string {
		return fmt.Sprintf("%q names no tag: +name adds a tag, -name removes one", word)
	}
	commands := map[string]func(word string) ([]string, error){
		"tag": func(word string) ([]string, error) {
			_, ch, err := ParseTagArgs([]string{"1", word}, ui.TagWord)
			return append(ch.Add, ch.Remove...), err
		},
		"feed tag":   func(word string) ([]string, error) { return FeedTagArgs([]string{word}, '+', ui.TagWord) },
		"feed untag": func(word string) ([]string, error) { return FeedTagArgs([]string{word}, '-', ui.TagWord) },
	}
	for name, parse := range commands {
		for _, word := range []string{"-", "+", "- ", "+ ", "-#", `+""`} {
			if got, err := parse(word); fmt.Sprint(err) != refused(word) {
				t.Errorf("%s %q = %q, %v; want %s", name, word, got, err, refused(word))
			}
		}
	}
	for name, word := range map[string]string{"tag": `-"-"`, "feed tag": `+"-"`, "feed untag": `-"-"`} {
		if got, err := commands[name](word); err != nil || strings.Join(got, "|") != "-" {
			t.Errorf("%s %q = %q, %v; want the tag -", name, word, got, err)
		}
	}
}
