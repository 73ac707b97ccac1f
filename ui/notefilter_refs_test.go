package ui

import (
	"testing"

	"tidings/store"
)

// TestNoteFilterReadsNotesAsShown: the annotation browser's filter finds a
// note by the characters its references stand for, as the browser and the
// reader show it, and not by a reference's name.
func TestNoteFilterReadsNotesAsShown(t *testing.T) {
	var r store.AnnotationRow
	r.Note = "Met the caf&eacute; owner O&rsquo;Brien"
	for q, want := range map[string]bool{"café": true, "cafe": true, "-café": false, "eacute": false, `"café owner"`: true} {
		if got := newNoteFilter(q).keeps(r); got != want {
			t.Errorf("%s keeps %q: %v, want %v", q, r.Note, got, want)
		}
	}
}
