package ui

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// conflictSetup is a reader editing the note "first" of the newest article
// (e, then " and more" typed), and another tidings on the same library.
func conflictSetup(t *testing.T) (m tea.Model, lib, other *store.Store, note store.Annotation) {
	t.Helper()
	lib, path := openLibrary(t)
	importArticles(t, lib, 0, 2)
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	rows, err := lib.Page(context.Background(), store.PageRequest{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	addNotes(t, lib, rows[0].ID, store.Annotation{Note: "first"})
	note = notesOf(t, lib, rows[0].ID)[0]
	m = start(t, lib, Config{}, 120, 30)
	m = steps(t, m, "enter", "]", "e")
	m = typeText(t, m, " and more")
	return m, lib, other, note
}

// editedElsewhere has the other tidings change the note to text.
func editedElsewhere(text string) func(*testing.T, *store.Store, store.Annotation) {
	return func(t *testing.T, other *store.Store, n store.Annotation) {
		t.Helper()
		now := notesOf(t, other, n.ArticleID)[0]
		if _, err := other.EditNote(context.Background(), n.ID, now.Note, text); err != nil {
			t.Fatal(err)
		}
	}
}

func deletedElsewhere(t *testing.T, other *store.Store, n store.Annotation) {
	t.Helper()
	if err := other.DeleteAnnotation(context.Background(), n.ID); err != nil {
		t.Fatal(err)
	}
}

// TestEditOfANoteChangedElsewhere: two readers edit one note. The second
// to save does not overwrite the first's edit unawares: the editor stays
// open on their text and the status line asks; o saves it over the other
// edit, k keeps both, esc goes back to the text, any other key asks again.
// A note deleted meanwhile can be saved as a new note.
func TestEditOfANoteChangedElsewhere(t *testing.T) {
	type action struct {
		key       string                                           // pressed, or "" for elsewhere
		elsewhere func(*testing.T, *store.Store, store.Annotation) // what the other tidings does
	}
	const asked, askedDeleted = "Note changed elsewhere: o save yours over it · k keep both · esc back", "Note deleted elsewhere: k save yours as a new note · esc back"
	tests := map[string]struct {
		actions    []action
		wantNotes  []string // in the library, oldest first
		wantOpen   string   // the editor's text when it is still open
		wantShown  []string // on the screen at the end
		wantAbsent string   // not on the screen at the end
	}{
		"nobody else wrote": {
			actions:   []action{{key: "ctrl+s"}},
			wantNotes: []string{"first and more"}, wantShown: []string{"Saved the note."},
		},
		"changed elsewhere: asked, nothing overwritten": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}},
			wantNotes: []string{"first + edit from A"}, wantOpen: "first and more",
			wantShown: []string{asked, "it now says “first + edit from A”", "Not saved yet: answer the question below",
				"o save yours over it • k keep both • esc back to your note"},
		},
		"changed elsewhere: o saves over it": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "o"}},
			wantNotes: []string{"first and more"}, wantShown: []string{"Saved your note over the other change."},
		},
		"changed elsewhere: k keeps both": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "k"}},
			wantNotes: []string{"first + edit from A", "first and more"},
			wantShown: []string{"Kept both: yours is a new note beside the other.", "first + edit from A", "first and more"},
		},
		"changed elsewhere: other keys ask again and type nothing": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "x"}, {key: "ctrl+s"}, {key: "enter"}},
			wantNotes: []string{"first + edit from A"}, wantOpen: "first and more", wantShown: []string{asked},
		},
		"changed elsewhere: esc goes back to the text, saving asks again": {
			actions: []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "esc"},
				{key: "!"}, {key: "ctrl+s"}},
			wantNotes: []string{"first + edit from A"}, wantOpen: "first and more!", wantShown: []string{asked},
		},
		"changed elsewhere: esc goes back to editing": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "esc"}},
			wantNotes: []string{"first + edit from A"}, wantOpen: "first and more",
			wantShown: []string{"ctrl+s save · ctrl+e $EDITOR · esc cancel"}, wantAbsent: "Note changed elsewhere",
		},
		"changed elsewhere: esc, then esc and y throws the text away": {
			actions:   []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"}, {key: "esc"}, {key: "esc"}, {key: "y"}},
			wantNotes: []string{"first + edit from A"}, wantAbsent: "first and more",
		},
		"changed twice: o asks again about the newest": {
			actions: []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"},
				{elsewhere: editedElsewhere("first + A again")}, {key: "o"}},
			wantNotes: []string{"first + A again"}, wantOpen: "first and more",
			wantShown: []string{asked, "it now says “first + A again”"},
		},
		"changed twice: o, o saves over the newest": {
			actions: []action{{elsewhere: editedElsewhere("first + edit from A")}, {key: "ctrl+s"},
				{elsewhere: editedElsewhere("first + A again")}, {key: "o"}, {key: "o"}},
			wantNotes: []string{"first and more"}, wantShown: []string{"Saved your note over the other change."},
		},
		"changed elsewhere to the same words": {
			actions:   []action{{elsewhere: editedElsewhere("first and more")}, {key: "ctrl+s"}},
			wantNotes: []string{"first and more"}, wantShown: []string{"Saved the note."},
		},
		"deleted elsewhere: asked": {
			actions:   []action{{elsewhere: deletedElsewhere}, {key: "ctrl+s"}, {key: "o"}},
			wantOpen:  "first and more",
			wantShown: []string{askedDeleted, "k save as a new note • esc back to your note"},
		},
		"deleted elsewhere: k saves it as a new note": {
			actions:   []action{{elsewhere: deletedElsewhere}, {key: "ctrl+s"}, {key: "k"}},
			wantNotes: []string{"first and more"}, wantShown: []string{"Saved yours as a new note."},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m, lib, other, note := conflictSetup(t)
			for _, a := range tt.actions {
				if a.elsewhere != nil {
					a.elsewhere(t, other, note)
					continue
				}
				m = step(t, m, press(a.key))
			}
			var got []string
			for _, n := range notesOf(t, lib, note.ArticleID) {
				got = append(got, n.Note)
			}
			if !slices.Equal(got, tt.wantNotes) {
				t.Errorf("the library holds %q, want %q", got, tt.wantNotes)
			}
			e := root(t, m).noteEditor
			if open := e.open; open != (tt.wantOpen != "") || open && e.area.Value() != tt.wantOpen {
				t.Errorf("editor open %v on %q, want open on %q", open, e.area.Value(), tt.wantOpen)
			}
			s := viewText(m)
			for _, want := range tt.wantShown {
				if !strings.Contains(s, want) {
					t.Errorf("the screen lacks %q:\n%s", want, s)
				}
			}
			if tt.wantAbsent != "" && strings.Contains(s, tt.wantAbsent) {
				t.Errorf("the screen shows %q:\n%s", tt.wantAbsent, s)
			}
			// The reader's next look at the library (it polls) brings
			// the other tidings' writes to the list.
			gen, err := lib.Generation(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			m = step(t, m, generationMsg{gen: gen})
			if row, _ := root(t, m).list.current(); row.Annotations != len(tt.wantNotes) {
				t.Errorf("the list counts %d notes, the library holds %d", row.Annotations, len(tt.wantNotes))
			}
		})
	}
}

// TestNoteKeptOnStopAfterAConflict: stopped from outside (keepNote) while
// editing a note changed elsewhere, asked or not, tidings keeps both
// rather than overwrite the other edit or lose the text.
func TestNoteKeptOnStopAfterAConflict(t *testing.T) {
	for name, keys := range map[string][]string{"not yet asked": nil, "asked": {"ctrl+s"}} {
		t.Run(name, func(t *testing.T) {
			m, lib, other, note := conflictSetup(t)
			editedElsewhere("first + edit from A")(t, other, note)
			m = steps(t, m, keys...)
			if err := root(t, m).keepNote(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range notesOf(t, lib, note.ArticleID) {
				got = append(got, n.Note)
			}
			if want := []string{"first + edit from A", "first and more"}; !slices.Equal(got, want) {
				t.Errorf("the library holds %q, want %q", got, want)
			}
		})
	}
}

// TestEditRetriedAfterAFailedSave: a save that failed for another reason
// (a full disk, say) keeps the text in the editor, and trying again saves
// it: the edit still starts from the text it started from, so nothing is
// taken for a change made elsewhere.
func TestEditRetriedAfterAFailedSave(t *testing.T) {
	m, lib, _, note := conflictSetup(t)
	m, _ = m.Update(press("ctrl+s")) // the save on its way...
	failed := note
	failed.Note = "first and more"
	// ... comes back failed.
	m = step(t, m, noteSavedMsg{note: failed, was: note.Note, err: errors.New("disk I/O error")})
	if e := root(t, m).noteEditor; !e.open || e.area.Value() != "first and more" || !strings.Contains(viewText(m), "disk I/O error; your text stays here") {
		t.Fatalf("after a failed save: editor open %v on %q\n%s", e.open, e.area.Value(), viewText(m))
	}
	m = step(t, m, press("ctrl+s"))
	if got := notesOf(t, lib, note.ArticleID); len(got) != 1 || got[0].Note != "first and more" || !strings.Contains(viewText(m), "Saved the note.") {
		t.Errorf("trying again: the library holds %+v\n%s", got, viewText(m))
	}
}
