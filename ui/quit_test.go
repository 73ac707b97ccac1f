package ui

import (
	"context"
	"errors"
	"strings"
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

// TestQuitFinishesWrites: q while a write the user asked for is on its way
// (M marking the list read, T tagging a filter, s starring) keeps the reader
// on screen saying what it finishes, and quits once it is written; ctrl+c
// then stops it, and quitting says what was left undone, as an
// interruption: nothing is thrown away without a word.
func TestQuitFinishesWrites(t *testing.T) {
	ctx := context.Background()
	count := func(t *testing.T, lib *store.Store, q string) int {
		t.Helper()
		n, err := lib.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tc := range []struct {
		name      string
		keys      []string // up to the key whose write is held
		typed     string   // typed before the last key, in the tag editor
		last      string
		finishing string
		stopped   string
		done      string // the query that counts what the write did
		want      int    // how many articles it matches once written
	}{
		{"M", []string{"M"}, "", "y", "Finishing: marking every unread article read… (ctrl+c stops it)",
			"marking read stopped: nothing was marked", "is:read", 6},
		{"T", []string{"/", "A", "r", "t", "i", "c", "l", "e", "enter", "T", "y"}, "+kept", "enter",
			"Finishing: tagging the articles matching `Article*`… (ctrl+c stops it)",
			"tagging stopped: nothing was tagged", "tag:kept", 6},
		{"s on a selection", []string{"space", "space"}, "", "s", "Finishing: starring 2 articles… (ctrl+c stops it)",
			"starring stopped: nothing was starred", "is:starred", 2},
	} {
		for _, stop := range []bool{false, true} {
			name := tc.name + ", written"
			if stop {
				name = tc.name + ", stopped"
			}
			t.Run(name, func(t *testing.T) {
				lib := newLibrary(t, 6)
				m := start(t, lib, Config{}, 100, 20)
				m = steps(t, m, tc.keys...)
				m = typeText(t, m, tc.typed)
				m, write := m.Update(press(tc.last))
				if write == nil {
					t.Fatalf("%s started no write:\n%s", tc.last, viewText(m))
				}
				m, cmd := m.Update(press("q"))
				if cmd != nil {
					if _, quit := cmd().(tea.QuitMsg); quit {
						t.Fatal("q quit with the write on its way")
					}
				}
				if s := viewText(m); !strings.Contains(s, tc.finishing) || !strings.Contains(s, "ctrl+c stop writing and quit") {
					t.Fatalf("while quitting waits, the screen does not say %q:\n%s", tc.finishing, s)
				}
				// Keys other than ctrl+c wait with the rest.
				m, cmd = m.Update(press("q"))
				if cmd != nil {
					t.Errorf("q again while quitting waits returned a command")
				}
				if stop {
					m, _ = m.Update(press("ctrl+c"))
					if s := viewText(m); !strings.Contains(s, "Stopping: "+strings.TrimSuffix(strings.TrimPrefix(tc.finishing, "Finishing: "), " (ctrl+c stops it)")) {
						t.Errorf("after ctrl+c the screen does not say it is stopping:\n%s", s)
					}
				}
				m, cmd = m.Update(write())
				if cmd == nil {
					t.Fatal("the write ended, and quitting did not follow")
				}
				if _, quit := cmd().(tea.QuitMsg); !quit {
					t.Fatal("the write ended, and quitting did not follow")
				}
				if s := viewText(m); !stop && (strings.Contains(s, "Finishing") || strings.Contains(s, "ctrl+c stop writing")) {
					t.Errorf("everything written, the last screen still says it is finishing:\n%s", s)
				}
				err := root(t, m).quit.err
				got, want := count(t, lib, tc.done), tc.want
				if stop {
					want = 0
					if err == nil || !errors.Is(err, ErrInterrupted) || err.Error() != tc.stopped {
						t.Errorf("stopped, Run's error is %v, want %q as an interruption", err, tc.stopped)
					}
				} else if err != nil {
					t.Errorf("written, Run's error is %v", err)
				}
				if got != want {
					t.Errorf("%s counts %d, want %d", tc.done, got, want)
				}
			})
		}
	}
}

// TestQuitSaysWhatFailed: a write that fails while quitting waits for it
// is said as tidings exits, not swallowed; q with nothing on its way quits
// at once.
func TestQuitSaysWhatFailed(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 100, 20)
	m = steps(t, m, "M")
	m, write := m.Update(press("y"))
	m, _ = m.Update(press("q"))
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	m, cmd := m.Update(write())
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("the write failed, and quitting did not follow")
	}
	err := root(t, m).quit.err
	if err == nil || errors.Is(err, ErrInterrupted) || !strings.HasPrefix(err.Error(), "marking every unread article read failed: ") {
		t.Errorf("Run's error is %v, want the failure, not an interruption", err)
	}

	m = start(t, newLibrary(t, 3), Config{}, 100, 20)
	if _, cmd := m.Update(press("q")); cmd == nil {
		t.Fatal("q with nothing being written does not quit")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q with nothing being written does not quit")
	}
}
