package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// TestQuitLosingNote: a note the user agreed to lose when quitting (y, or
// ctrl+c again, at "Quit and lose this note?") is not saved as tidings
// ends; one nobody was asked about (tidings stopped from outside while the
// question, or the editor, was on screen) is. So for a new note and for an
// edit of one already stored.
func TestQuitLosingNote(t *testing.T) {
	for _, tt := range []struct {
		name    string
		answer  []string // after ctrl+c; nil: stopped from outside at the question
		quits   bool
		keeps   bool
		editing bool
	}{
		{"y", []string{"y"}, true, false, false},
		{"ctrl+c again", []string{"ctrl+c"}, true, false, false},
		{"stopped at the question", nil, false, true, false},
		{"n, then stopped", []string{"n"}, false, true, false},
		{"edit, y", []string{"y"}, true, false, true},
		{"edit, ctrl+c again", []string{"ctrl+c"}, true, false, true},
		{"edit, stopped at the question", nil, false, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lib := newLibrary(t, 3)
			m := start(t, lib, Config{}, 80, 24)
			id := root(t, m).list.rows[0].ID
			if tt.editing {
				addNotes(t, lib, id, store.Annotation{Note: "As it was."})
				m = steps(t, m, "enter", "]", "e")
			} else {
				m = step(t, m, press("a"))
			}
			m = typeText(t, m, " Half a thought")
			m = step(t, m, press("ctrl+c"))
			quit := false
			for _, k := range tt.answer {
				var cmd tea.Cmd
				m, cmd = m.Update(press(k))
				if cmd != nil {
					_, quit = cmd().(tea.QuitMsg)
				}
			}
			if quit != tt.quits {
				t.Fatalf("quit %v after ctrl+c %v", quit, tt.answer)
			}
			// What Run does once the program has ended, however it ended.
			if err := root(t, m).keepNote(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range notesOf(t, lib, id) {
				got = append(got, n.Note)
			}
			want := []string(nil)
			switch {
			case tt.editing && tt.keeps:
				want = []string{"As it was. Half a thought"}
			case tt.editing:
				want = []string{"As it was."}
			case tt.keeps:
				want = []string{"Half a thought"}
			}
			if len(got) != len(want) || (len(got) > 0 && got[0] != want[0]) {
				t.Errorf("notes stored %q, want %q", got, want)
			}
		})
	}
}
