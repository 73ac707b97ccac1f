package store

import (
	"context"
	"testing"
)

// TestNoteCharacterReferences: a note's character references are found by
// the characters the reader shows for them, as a body's are, by a word and
// by a phrase, and not by the reference's name.
func TestNoteCharacterReferences(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("n1", "2024-03-01", "The harbour reopened."))
	id := mustByExternal(t, s, "n1").ID
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "Met the caf&eacute; owner O&rsquo;Brien &amp; friends"}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		"café":           1,
		`"cafe owner"`:   1,
		"o'brien":        1,
		"eacute":         0,
		"rsquo":          0,
		`"café owner o"`: 1,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%s) = %d, %v; want %d", q, n, err, want)
		}
	}
	// Typed in the live filter, the last word a prefix.
	checkLive(t, s, map[string]int{"caf": 1, "café": 1, "o'bri": 1, "eacute": 0, "rsq": 0, "harbour caf": 1})
}
