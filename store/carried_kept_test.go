package store

import (
	"context"
	"testing"
	"time"
)

// TestCarriedOutlivesAStatelessUpdate: what an export carried is
// remembered across an update that carries no reader's state (a fetch of
// the feed, an article file edited): an export imported again after it
// brings back neither the note the reader deleted, nor the tag they took
// off, nor the unread they made it.
func TestCarriedOutlivesAStatelessUpdate(t *testing.T) {
	ctx := context.Background()
	created := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	read := true
	export := budgetRecord(budgetV1, budgetNote(t, budgetV1, "check the vote count", created))
	export.Tags, export.Read = []string{"council"}, &read

	s := openTemp(t)
	importAll(t, s, export)
	id := mustByExternal(t, s, "budget-2024").ID
	anns, err := s.Annotations(ctx, id)
	if err != nil || len(anns) != 1 {
		t.Fatalf("after the export: %+v, %v", anns, err)
	}
	if err := s.DeleteAnnotation(ctx, anns[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{id}, nil, []string{"council"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, []int64{id}, false); err != nil {
		t.Fatal(err)
	}

	importAll(t, s, budgetRecord(budgetV2)) // the feed corrects its text
	importAll(t, s, export)                 // the same export, again

	if got := notesNow(t, s); len(got) != 0 {
		t.Errorf("notes %q, want the deleted note still deleted", got)
	}
	a := mustByExternal(t, s, "budget-2024")
	if len(a.Tags) != 0 {
		t.Errorf("tags %+v, want the tag taken off still off", a.Tags)
	}
	if a.Read() {
		t.Error("read again, want it left unread as the reader made it")
	}
}
