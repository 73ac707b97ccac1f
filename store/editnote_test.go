package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// twoStores opens one library twice, as two running copies of tidings
// would, with one article holding the note "original note".
func twoStores(t *testing.T) (a, b *Store, note Annotation) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	importAll(t, stores[0], art("n1", "2024-03-05", "Story about harbour cranes. Text."))
	id := idsOf(t, stores[0], "")[0]
	note, err := stores[0].AddAnnotation(context.Background(), Annotation{ArticleID: id, Note: "original note"})
	if err != nil {
		t.Fatal(err)
	}
	return stores[0], stores[1], note
}

// TestEditNoteFromTwoReaders: two readers opened the same note; the second
// to save does not overwrite the first's edit unawares. The library keeps
// the first edit, and the second learns what the note says now.
func TestEditNoteFromTwoReaders(t *testing.T) {
	ctx := context.Background()
	tests := map[string]struct {
		meanwhile func(t *testing.T, a *Store, n Annotation) // what reader A does first
		was, text string                                     // B's edit: from was to text
		wantErr   error
		wantNote  string // in the library afterwards
		wantNow   string // the note EditNote returns
	}{
		"unchanged meanwhile": {
			was: "original note", text: "original note + edit from B",
			wantNote: "original note + edit from B", wantNow: "original note + edit from B",
		},
		"changed meanwhile": {
			meanwhile: edit("original note + edit from A"),
			was:       "original note", text: "original note + edit from B",
			wantErr:  ErrNoteChanged,
			wantNote: "original note + edit from A", wantNow: "original note + edit from A",
		},
		"changed meanwhile to what B wrote": {
			meanwhile: edit("the same words"),
			was:       "original note", text: "the same words",
			wantNote: "the same words", wantNow: "the same words",
		},
		"saved over, from the text B was told of": {
			meanwhile: edit("original note + edit from A"),
			was:       "original note + edit from A", text: "B's words",
			wantNote: "B's words", wantNow: "B's words",
		},
		"deleted meanwhile": {
			meanwhile: func(t *testing.T, a *Store, n Annotation) {
				if err := a.DeleteAnnotation(ctx, n.ID); err != nil {
					t.Fatal(err)
				}
			},
			was: "original note", text: "original note + edit from B",
			wantErr: ErrNotFound,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a, b, n := twoStores(t)
			if tt.meanwhile != nil {
				tt.meanwhile(t, a, n)
			}
			gen, err := b.Generation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			now, err := b.EditNote(ctx, n.ID, tt.was, tt.text)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil) != (err == nil) {
				t.Fatalf("EditNote: %v, want %v", err, tt.wantErr)
			}
			if now.Note != tt.wantNow {
				t.Errorf("EditNote returned the note %q, want %q", now.Note, tt.wantNow)
			}
			notes, err := a.Annotations(ctx, n.ArticleID)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			if len(notes) > 0 {
				got = notes[0].Note
			}
			if len(notes) > 1 || got != tt.wantNote {
				t.Errorf("the library holds %+v, want the note %q", notes, tt.wantNote)
			}
			if after, _ := b.Generation(ctx); err != nil && after != gen {
				t.Errorf("a refused edit wrote: generation %d -> %d", gen, after)
			}
			// The search index says what the note says.
			if tt.wantNote != "" {
				if c, _ := a.Count(ctx, `"`+tt.wantNote+`"`); c != 1 {
					t.Errorf("the note's words find %d articles", c)
				}
			}
			if tt.wantNote != tt.text {
				if c, _ := a.Count(ctx, `"edit from B"`); c != 0 {
					t.Errorf("the refused edit's words find %d articles", c)
				}
			}
		})
	}
}

// edit has reader A change the note to text.
func edit(text string) func(*testing.T, *Store, Annotation) {
	return func(t *testing.T, a *Store, n Annotation) {
		t.Helper()
		if _, err := a.EditNote(context.Background(), n.ID, n.Note, text); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEditNoteRace: readers saving edits of the same text at once, from two
// processes: exactly one edit lands, every other is told the note changed.
func TestEditNoteRace(t *testing.T) {
	ctx := context.Background()
	a, b, n := twoStores(t)
	const writers = 8
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		s := []*Store{a, b}[i%2]
		wg.Go(func() {
			_, errs[i] = s.EditNote(ctx, n.ID, n.Note, fmt.Sprintf("edit %d", i))
		})
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Errorf("edits %d and %d both saved", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, ErrNoteChanged):
			t.Errorf("edit %d: %v", i, err)
		}
	}
	notes := annotationsByID(t, a, n.ArticleID)
	if won < 0 || notes[n.ID].Note != fmt.Sprintf("edit %d", won) {
		t.Errorf("edit %d won, the library holds %q", won, notes[n.ID].Note)
	}
}

// TestEditNoteKeepsNewAnchors: an import that re-anchors a passage note
// while a reader edits it keeps its anchors; the edit changes the note only.
func TestEditNoteKeepsNewAnchors(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v1 := art("r1", "2024-03-05", "First sentence here. The passage stays. Last one.")
	importAll(t, s, v1)
	id := idsOf(t, s, "")[0]
	n := passageNote(t, s, id, "The passage stays", "hm")
	v2 := v1
	v2.Body = "A new opening. First sentence here. The passage stays. Last one."
	importAll(t, s, v2)
	moved := annotationsByID(t, s, id)[n.ID]
	if moved.Prefix == n.Prefix {
		t.Fatalf("the import did not re-anchor: %+v", moved)
	}
	got, err := s.EditNote(ctx, n.ID, n.Note, "hm, indeed")
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != "hm, indeed" || got.Prefix != moved.Prefix || got.Quote != moved.Quote || got.Orphaned {
		t.Errorf("after the edit %+v, want the anchors of %+v", got, moved)
	}
	if g := annotationsByID(t, s, id)[n.ID]; g != got {
		t.Errorf("stored %+v, returned %+v", g, got)
	}
}
