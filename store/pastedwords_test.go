package store

import (
	"context"
	"testing"
)

// A word pasted from a page that hyphenates or breaks long words (a soft
// hyphen, a zero-width space, a word joiner inside it) finds the articles
// that hold the word: import took those characters out of the text, and the
// query takes them out of its words, on the command line and in the live
// filter alike.
func TestPastedWordsWithInvisibleCharacters(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("a", "2024-03-04", "Grain talks in Kyiv on Ukraine's harvest."),
		art("b", "2024-03-05", "Nothing about the war here."))
	for _, q := range []string{
		"ukr\u00adaine",
		"\"talks in\u200b kyiv\"",
		"har\u2060vest",
		"ukr\u00ada*",
		"title:ukr\u00adaine OR gr\u200bain",
	} {
		if n, err := s.Count(ctx, q); err != nil || n != 1 {
			t.Errorf("Count(%+q) = %d, %v; want 1", q, n, err)
		}
		if n, err := s.CountLive(ctx, q); err != nil || n != 1 {
			t.Errorf("CountLive(%+q) = %d, %v; want 1", q, n, err)
		}
	}
}
