package store

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"tidings/feeds"
)

// harbourNotesAt returns the harbour article's notes as harbourNotes names
// them, each with the second it was written after an @, sorted.
func harbourNotesAt(t *testing.T, s *Store) []string {
	t.Helper()
	anns, err := s.Annotations(context.Background(), mustByExternal(t, s, "harbour-2").ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range anns {
		out = append(out, harbourCopy(a.Quote, a.Prefix)+"|"+a.Note+"@"+strconv.Itoa(a.Created.UTC().Second()))
	}
	slices.Sort(out)
	return out
}

// TestExactNoteIsPairedFirst: a newer export's note that is
// exactly the library's (the same words, second and place) is that note,
// though another of the file's notes, listed before it, has the same
// words: a note edited to the words of another keeps the library's words
// and adds no copy of the other, and a highlight of the same words on the
// same sentence written at another second is a note of its own, which
// arrives. Imported again, the export changes nothing.
func TestExactNoteIsPairedFirst(t *testing.T) {
	at := func(sec int) time.Time { return time.Date(2026, 11, 29, 11, 17, sec, 0, time.UTC) }
	check40 := harbourNote(t, "", 0, "check the tide tables", at(40))
	ask40 := harbourNote(t, "", 0, "ask the harbour master", at(40))
	ask42 := harbourNote(t, "", 0, "ask the harbour master", at(42))

	const boats = "Boats came in slowly."
	dawnY1 := harbourNote(t, boats, 1, "y", at(1))
	noonX0 := harbourNote(t, boats, 2, "x", at(0))
	dawnY0 := harbourNote(t, boats, 1, "y", at(0))
	noonY0 := harbourNote(t, boats, 2, "y", at(0))

	tests := map[string]struct {
		first, later feeds.Article
		want         []string
		laterOutcome Outcome
	}{
		"a note edited to the words of another": {
			harbourRecord(check40, ask42), harbourRecord(ask40, ask42),
			[]string{"whole|ask the harbour master@42", "whole|check the tide tables@40"},
			Unchanged},
		"highlights of the same words on copies of a sentence": {
			harbourRecord(noonX0, dawnY1), harbourRecord(dawnY0, noonX0, noonY0, dawnY1),
			[]string{"dawn|y@0", "dawn|y@1", "noon|x@0", "noon|y@0"},
			Updated},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, tt.first)
			if outs := importAll(t, s, tt.later); outs[0] != tt.laterOutcome {
				t.Errorf("the later file: %v, want %v", outs[0], tt.laterOutcome)
			}
			if got := harbourNotesAt(t, s); !slices.Equal(got, tt.want) {
				t.Fatalf("notes %q, want %q", got, tt.want)
			}
			if outs := importAll(t, s, tt.later); outs[0] != Unchanged {
				t.Errorf("the later file again: %v, want unchanged", outs[0])
			}
			if got := harbourNotesAt(t, s); !slices.Equal(got, tt.want) {
				t.Errorf("after the later file again: %q, want %q", got, tt.want)
			}
		})
	}
}
