package ui

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
)

// plantNote gives every note in the library at path the text note, as
// another program or an older tidings could have written it.
func plantNote(t *testing.T, path, note string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE annotations SET note = ?`, note); err != nil {
		t.Fatal(err)
	}
}

// screenLeaks describes what of the text on a drawn screen would act on
// the terminal or disguise the text (a control character, a bidi control,
// the remains of an escape sequence), or is "" when there is none.
func screenLeaks(content string, leftovers ...string) string {
	for _, r := range content {
		if feeds.IsBidi(r) {
			return fmt.Sprintf("bidi control %U", r)
		}
	}
	text := ansi.Strip(content)
	for _, r := range text {
		if r != '\n' && unicode.IsControl(r) {
			return fmt.Sprintf("control character %U", r)
		}
	}
	for _, l := range leftovers {
		if strings.Contains(text, l) {
			return "the remains of an escape sequence, " + l
		}
	}
	return ""
}

// TestNoteEditorShowsWhatTheReaderShows: the note editor (] then e in the
// reader) holds a note without the escape sequences, control characters
// and bidi controls the reader never shows of it, so none reaches the
// terminal; closed untouched, it asks nothing and the note is as it was.
func TestNoteEditorShowsWhatTheReaderShows(t *testing.T) {
	tests := map[string]struct {
		note      string // stored
		raw       bool   // planted past the store, as another program would
		want      string // in the editor
		leftovers []string
	}{
		"bidi controls, as an import keeps them": {
			note: "Pay to account \u202e1234-5678\u202c now \u2066isolate\u2069",
			want: "Pay to account 1234-5678 now isolate",
		},
		"escape sequences from another program": {
			note: "Pay \x1b[31mnow\x1b[0m, \x1b]52;c;SGVsbG8=\x07or \x1b]0;title\x1b\\later",
			raw:  true, want: "Pay now, or later",
			leftovers: []string{"[31m", "[0m", "52;c", "0;title"},
		},
		"a tab, which the editor holds as spaces": {
			note: "first\tsecond", want: "first    second",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			st, path := openLibrary(t)
			importArticles(t, st, 0, 1)
			id := firstID(t, st)
			if tt.raw {
				addNotes(t, st, id, store.Annotation{Note: "a note"})
				plantNote(t, path, tt.note)
			} else {
				addNotes(t, st, id, store.Annotation{Note: tt.note})
			}
			m := openReader(t, st, 80, 24)
			m = steps(t, m, "]", "e")
			e := root(t, m).noteEditor
			if !e.open {
				t.Fatalf("] then e did not open the editor:\n%s", viewText(m))
			}
			if got := e.area.Value(); got != tt.want {
				t.Errorf("the editor holds %q, want %q", got, tt.want)
			}
			if leak := screenLeaks(m.View().Content, tt.leftovers...); leak != "" {
				t.Errorf("the editor sends the terminal %s:\n%s", leak, viewText(m))
			}
			m = step(t, m, press("esc"))
			if root(t, m).noteEditor.open || root(t, m).confirm != nil {
				t.Errorf("esc on the untouched note asks or stays open:\n%s", viewText(m))
			}
			if got := notesOf(t, st, id)[0].Note; got != tt.note {
				t.Errorf("closed untouched, the note is %q, want %q as it was", got, tt.note)
			}
		})
	}
}

// TestNoteFromEditorCleaned: text that comes back from $EDITOR is held as
// a stored note is, without what the reader never shows.
func TestNoteFromEditorCleaned(t *testing.T) {
	lib := newLibrary(t, 1)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("a"))
	m = step(t, m, tea.Msg(editorDoneMsg{text: "back \u202eevil\u202c \x1b[2Jhere"}))
	if got, want := root(t, m).noteEditor.area.Value(), "back evil here"; got != want {
		t.Errorf("the editor holds %q, want %q", got, want)
	}
	if leak := screenLeaks(m.View().Content, "[2J"); leak != "" {
		t.Errorf("the editor sends the terminal %s:\n%s", leak, viewText(m))
	}
}
