package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

// TestImportKeepsADeletedNoteDeletedMovedAndEdited: a note the reader
// deleted after importing an export stays deleted when a later export
// brings it re-anchored to the article's changed text, edited, or both at
// once: the passage it was on when the file was imported follows the text
// into the later file's, as the library's own notes do, before the notes
// are compared. A note the reader kept is the one note still, and another
// note written in the same second stays as the reader left it.
func TestImportKeepsADeletedNoteDeletedMovedAndEdited(t *testing.T) {
	ctx := context.Background()
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	council := func(body, note string) feeds.Annotation {
		plain := anchor.PlainText(body)
		const quote = "The council met on Tuesday evening in the old town hall."
		i := strings.Index(plain, quote)
		sel := anchor.Make(plain, i, i+len(quote))
		return feeds.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: note, Created: created, Updated: created}
	}
	edited := func(n feeds.Annotation) feeds.Annotation {
		n.Note += ", edited since"
		n.Updated = n.Created.Add(5 * time.Minute)
		return n
	}
	first := budgetRecord(budgetV1, budgetNote(t, budgetV1, "check the vote count", created))
	tests := map[string]struct {
		first, later feeds.Article
		deleted      bool     // the reader deletes the budget note after the first import
		want         []string // notesNow after the later export
	}{
		"moved":            {first, budgetRecord(budgetV2, budgetNote(t, budgetV2, "check the vote count", created)), true, nil},
		"edited":           {first, budgetRecord(budgetV1, edited(budgetNote(t, budgetV1, "check the vote count", created))), true, nil},
		"moved and edited": {first, budgetRecord(budgetV2, edited(budgetNote(t, budgetV2, "check the vote count", created))), true, nil},
		"moved and edited, kept": {first, budgetRecord(budgetV2, edited(budgetNote(t, budgetV2, "check the vote count", created))), false,
			[]string{"The budget was approved by eight votes t|check the vote count"}},
		"moved and edited, another note of that second kept": {
			budgetRecord(budgetV1, council(budgetV1, "who chaired?"), budgetNote(t, budgetV1, "check the vote count", created)),
			budgetRecord(budgetV2, edited(council(budgetV2, "who chaired?")), edited(budgetNote(t, budgetV2, "check the vote count", created))), true,
			[]string{"The council met on Tuesday evening in th|who chaired?"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, tt.first)
			if tt.deleted {
				anns, err := s.Annotations(ctx, mustByExternal(t, s, "budget-2024").ID)
				if err != nil {
					t.Fatal(err)
				}
				i := slices.IndexFunc(anns, func(a Annotation) bool { return strings.HasPrefix(a.Quote, "The budget") })
				if i < 0 {
					t.Fatalf("no budget note after the first export: %+v", anns)
				}
				if err := s.DeleteAnnotation(ctx, anns[i].ID); err != nil {
					t.Fatal(err)
				}
			}
			importAll(t, s, tt.later)
			if got := notesNow(t, s); !slices.Equal(got, tt.want) {
				t.Errorf("after the later export: %q, want %q", got, tt.want)
			}
			importAll(t, s, tt.later)
			if got := notesNow(t, s); !slices.Equal(got, tt.want) {
				t.Errorf("after the later export again: %q, want %q", got, tt.want)
			}
		})
	}
}
