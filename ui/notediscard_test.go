package ui

import (
	"strings"
	"testing"

	"tidings/store"
)

// TestEscAsksAboutWhatGoes: esc on changed text asks before throwing it
// away, saying what goes: a new note, or only the changes to an existing
// one, which stays as it was after y.
func TestEscAsksAboutWhatGoes(t *testing.T) {
	tests := []struct {
		name string
		keys []string // from the reader, to the editor
		ask  string
		want []string // the notes after y
	}{
		{"a new note", []string{"a"}, "Discard this note? y/n", []string{"the old note"}},
		{"an existing note", []string{"]", "e"}, "Discard your changes to this note? y/n", []string{"the old note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 1)
			id := firstID(t, lib)
			addNotes(t, lib, id, store.Annotation{Note: "the old note"})
			m := openReader(t, lib, 80, 24)
			m = steps(t, m, tt.keys...)
			if !root(t, m).noteEditor.open {
				t.Fatalf("%v did not open the editor", tt.keys)
			}
			m = typeText(t, m, " and more")
			m = step(t, m, press("esc"))
			if s := viewText(m); !strings.Contains(s, tt.ask) {
				t.Fatalf("esc asked something else than %q:\n%s", tt.ask, s)
			}
			m = step(t, m, press("y"))
			if root(t, m).noteEditor.open {
				t.Fatal("y left the editor open")
			}
			var got []string
			for _, n := range notesOf(t, lib, id) {
				got = append(got, n.Note)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("after y the notes are %q, want %q", got, tt.want)
			}
		})
	}
}
