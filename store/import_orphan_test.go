package store

import (
	"context"
	"testing"
	"time"

	"tidings/feeds"
)

// TestImportedPassageNoteNotInTheText: a passage note an import brings
// whose passage is not in the article (an export of a note orphaned where
// it was made) is stored orphaned, as the reader finds it; one whose
// passage is there is not.
func TestImportedPassageNoteNotInTheText(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("o1", "2024-03-01", "The ferry sails at nine. It returns at noon.")
	at := time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC)
	a.Annotations = []feeds.Annotation{
		{Quote: "It returns at noon.", Note: "there", Created: at},
		{Quote: "The bridge opened in May.", Note: "gone", Created: at},
	}
	importAll(t, s, a)
	// Imported again onto the article already there, a new note takes the same care.
	b := a
	b.Annotations = []feeds.Annotation{{Quote: "The tunnel closed.", Note: "gone too", Created: at.Add(time.Minute)}}
	importAll(t, s, b)
	ids := idsOf(t, s, "ferry")
	if len(ids) != 1 {
		t.Fatalf("ferry finds %d articles", len(ids))
	}
	anns, err := s.Annotations(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"there": false, "gone": true, "gone too": true}
	if len(anns) != len(want) {
		t.Fatalf("%d notes, want %d", len(anns), len(want))
	}
	for _, n := range anns {
		if n.Orphaned != want[n.Note] {
			t.Errorf("note %q: orphaned %v, want %v", n.Note, n.Orphaned, want[n.Note])
		}
	}
}
