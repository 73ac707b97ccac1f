package ui

import (
	"database/sql"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
)

// TestBrowserNoteWithoutEscapeSequences: a note holding escape sequences
// (written by another program, or an older tidings) is shown in the
// annotation browser as the reader shows it: its words, without the
// sequences or any piece of them.
func TestBrowserNoteWithoutEscapeSequences(t *testing.T) {
	tests := map[string]struct {
		note      string
		want      string   // what the browser shows of it
		leftovers []string // what it must not show
	}{
		"colours and a clipboard write": {"\x1b[31;41;5mRED\x1b[0m\x1b]52;c;UFdORUQ=\x07", "RED",
			[]string{"[31", "[0m", "]52", "UFdORUQ"}},
		"a title change and a cursor move": {"keep \x1b]0;pwned\x1b\\this\x1b[2J\x1b[H note", "keep this note",
			[]string{"]0;", "pwned", "[2J", "[H"}},
		"a device control string": {"plain \x1bPq#0;2;0;0;0\x1b\\words", "plain words",
			[]string{"Pq#0", "#0;2"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			st, path := openLibrary(t)
			id := importBody(t, st, "An article with a note.")
			addNotes(t, st, id, store.Annotation{Note: "to be replaced"})
			writeNoteAsIs(t, path, tt.note)

			m := start(t, st, Config{}, 80, 24)
			m = step(t, m, press("A"))
			if root(t, m).screen != screenBrowser {
				t.Fatal("A did not open the browser")
			}
			content := m.View().Content
			text := ansi.Strip(content)
			if !strings.Contains(text, root(t, m).styles.glyphs.annotated+" "+tt.want+" ") &&
				!strings.Contains(text, root(t, m).styles.glyphs.annotated+" "+tt.want+"\n") {
				t.Errorf("the note is not shown as %q:\n%s", tt.want, text)
			}
			for _, l := range tt.leftovers {
				if strings.Contains(text, l) {
					t.Errorf("the browser shows %q of the note's escape sequences:\n%s", l, text)
				}
			}
			for _, r := range text {
				if r != '\n' && unicode.IsControl(r) {
					t.Errorf("a control character %U reaches the screen", r)
				}
			}
		})
	}
}

// writeNoteAsIs gives every note in the library at path the text note,
// uncleaned, as another program or an older tidings could have written it.
func writeNoteAsIs(t *testing.T, path, note string) {
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
