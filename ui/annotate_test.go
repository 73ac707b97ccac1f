package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tidings/feeds"
	"tidings/store"
)

func init() {
	// Notes show their dates in local time; the goldens are in UTC.
	time.Local = time.UTC
}

// typeText types s key by key.
func typeText(t *testing.T, m tea.Model, s string) tea.Model {
	t.Helper()
	for _, r := range s {
		switch r {
		case '\n':
			m = step(t, m, press("enter"))
		case ' ':
			m = step(t, m, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		default:
			m = step(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return m
}

// notesOf returns an article's annotations from the library.
func notesOf(t *testing.T, lib *store.Store, id int64) []store.Annotation {
	t.Helper()
	notes, err := lib.Annotations(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return notes
}

func TestNoteEditor(t *testing.T) {
	tests := map[string]struct {
		// keys after the editor opened on article 0 from the list; "" in
		// keys types text instead.
		keys      []string
		text      string
		wantNotes []string
		wantOpen  bool
		wantShown string // on the screen after the keys
	}{
		"typed and saved": {
			text: "Check the *date*\nwith the agency.", keys: []string{"ctrl+s"},
			wantNotes: []string{"Check the *date*\nwith the agency."}, wantShown: "Saved the note.",
		},
		"cancelled empty": {keys: []string{"esc"}},
		"cancel asks first, no keeps it": {
			text: "half a thought", keys: []string{"esc", "n"},
			wantOpen: true, wantShown: "half a thought",
		},
		"cancel asks first, yes discards": {
			text: "half a thought", keys: []string{"esc", "y"},
			wantShown: "Article 000",
		},
		"empty is not saved": {
			text: "   ", keys: []string{"ctrl+s"},
			wantShown: "Nothing to save",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			lib := newLibrary(t, 3)
			m := start(t, lib, Config{}, 80, 24)
			m = step(t, m, press("a"))
			if !root(t, m).noteEditor.open || !strings.Contains(viewText(m), "Note on “Article 000") {
				t.Fatalf("a did not open the note editor:\n%s", viewText(m))
			}
			m = typeText(t, m, tt.text)
			m = steps(t, m, tt.keys...)
			if got := root(t, m).noteEditor.open; got != tt.wantOpen {
				t.Errorf("editor open = %v, want %v", got, tt.wantOpen)
			}
			id := root(t, m).list.rows[0].ID
			var got []string
			for _, n := range notesOf(t, lib, id) {
				got = append(got, n.Note)
				if n.Quote != "" {
					t.Errorf("a note on the whole article has a quote: %+v", n)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.wantNotes, "|") {
				t.Errorf("notes %q, want %q", got, tt.wantNotes)
			}
			if !strings.Contains(viewText(m), tt.wantShown) {
				t.Errorf("the screen lacks %q:\n%s", tt.wantShown, viewText(m))
			}
			if len(tt.wantNotes) > 0 {
				if row, _ := root(t, m).list.current(); row.Annotations != len(tt.wantNotes) {
					t.Errorf("the list counts %d notes", row.Annotations)
				}
			}
		})
	}
}

// TestCtrlCKeepsWhatIsTyped: ctrl+c while a note or tags are being typed
// asks before quitting; n goes back to them, y or ctrl+c again quits. With
// nothing typed, it quits at once.
func TestCtrlCKeepsWhatIsTyped(t *testing.T) {
	quits := func(m tea.Model, k string) (tea.Model, bool) {
		t.Helper()
		m, cmd := m.Update(press(k))
		if cmd == nil {
			return m, false
		}
		_, quit := cmd().(tea.QuitMsg)
		return m, quit
	}
	lib := newLibrary(t, 3)
	for _, tt := range []struct {
		name, open, typed, question string
		value                       func(Model) (bool, string)
	}{
		{"note", "a", "a thought worth keeping", "Quit and lose this note? y/n",
			func(m Model) (bool, string) { return m.noteEditor.open, m.noteEditor.area.Value() }},
		{"tags", "t", "+keep -draft", "Quit without applying these tags? y/n",
			func(m Model) (bool, string) { return m.editor.open, m.editor.input.Value() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, Config{}, 80, 24)
			m = step(t, m, press(tt.open))
			m = typeText(t, m, tt.typed)
			m, quit := quits(m, "ctrl+c")
			if quit || !strings.Contains(viewText(m), tt.question) {
				t.Fatalf("ctrl+c with text typed: quit %v\n%s", quit, viewText(m))
			}
			m = step(t, m, press("n"))
			if open, value := tt.value(root(t, m)); !open || value != tt.typed {
				t.Fatalf("n did not go back to the text: open %v, %q", open, value)
			}
			m = typeText(t, m, "s") // typing goes on where it was
			if _, value := tt.value(root(t, m)); value != tt.typed+"s" {
				t.Errorf("typing after n gave %q", value)
			}
			asked, _ := quits(m, "ctrl+c")
			if _, quit = quits(asked, "ctrl+c"); !quit {
				t.Error("ctrl+c twice did not quit")
			}
			if _, quit = quits(asked, "y"); !quit {
				t.Error("y did not quit")
			}

			m = start(t, lib, Config{}, 80, 24)
			m = step(t, m, press(tt.open))
			if _, quit = quits(m, "ctrl+c"); !quit {
				t.Error("ctrl+c in an empty editor did not quit")
			}
		})
	}
}

// TestSeveralNotes: notes written in the reader are listed under the body,
// oldest first, rendered, with their dates; e edits one and d deletes it,
// u bringing it back as it was.
func TestSeveralNotes(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{}, 80, 40)
	m = step(t, m, press("enter"))
	m = step(t, m, press("a"))
	m = typeText(t, m, "First: **check** the date.")
	m = steps(t, m, "ctrl+s", "a")
	m = typeText(t, m, "Second thoughts.")
	m = steps(t, m, "ctrl+s", "G")
	id := root(t, m).reader.id()
	notes := notesOf(t, lib, id)
	if len(notes) != 2 {
		t.Fatalf("%d notes saved, want 2", len(notes))
	}
	s := viewText(m)
	for _, want := range []string{"Notes", "First: check the date.", "Second thoughts.", "✎ " + notes[0].Created.Format("Mon 2006-01-02")} {
		if !strings.Contains(s, want) {
			t.Errorf("the reader lacks %q:\n%s", want, s)
		}
	}
	if strings.Index(s, "First:") > strings.Index(s, "Second thoughts") {
		t.Errorf("the notes are not oldest first:\n%s", s)
	}

	// The last saved is current: e edits it.
	m = step(t, m, press("e"))
	if got := root(t, m).noteEditor.area.Value(); got != "Second thoughts." {
		t.Fatalf("e opened the editor on %q", got)
	}
	m = typeText(t, m, " Third.")
	m = step(t, m, press("ctrl+s"))
	if n := notesOf(t, lib, id); len(n) != 2 || n[1].Note != "Second thoughts. Third." {
		t.Fatalf("after editing: %+v", n)
	}

	// [ moves to the first; d deletes it; u brings it back.
	m = step(t, m, press("["))
	if n, ok := root(t, m).reader.current(); !ok || !strings.HasPrefix(n.Note, "First") {
		t.Fatalf("[ made %+v current", n)
	}
	m = step(t, m, press("d"))
	if n := notesOf(t, lib, id); len(n) != 1 || n[0].Note != "Second thoughts. Third." {
		t.Fatalf("after deleting: %+v", n)
	}
	if strings.Contains(viewText(m), "First:") {
		t.Errorf("the deleted note is still shown:\n%s", viewText(m))
	}
	m = step(t, m, press("u"))
	n := notesOf(t, lib, id)
	back := slices.IndexFunc(n, func(a store.Annotation) bool { return a.Note == notes[0].Note })
	if len(n) != 2 || back < 0 || !n[back].Created.Equal(notes[0].Created) || !n[back].Updated.Equal(notes[0].Updated) {
		t.Fatalf("after undo: %+v, want the first note back as %+v", n, notes[0])
	}
	if !strings.Contains(viewText(m), "First: check the date.") {
		t.Errorf("the note brought back is not shown:\n%s", viewText(m))
	}
	if root(t, m).reader.keys.UndoDelete.Enabled() {
		t.Error("undo is offered with nothing to undo")
	}
}

// TestExternalEditor: ctrl+e writes the note to a file, the editor named by
// $EDITOR (with its arguments, no shell) changes it, and the text comes
// back into the note editor.
func TestExternalEditor(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "edit")
	// An "editor" that appends a line to the file it is given.
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$1 from the editor\" >> \"$2\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", script+" Added")

	lib := newLibrary(t, 1)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("a"))
	m = typeText(t, m, "Typed here.")
	// ctrl+e: the file is written in a command...
	m, cmd := m.Update(tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl})
	ready, ok := cmd().(editorReadyMsg)
	if !ok || ready.err != nil {
		t.Fatalf("ctrl+e: %#v", ready)
	}
	// ...then the terminal goes to the editor (run here as the program
	// would run it)...
	ed := ready.cmd
	if out, err := ed.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", ed.Args, err, out)
	}
	// ...and what it left comes back.
	m = step(t, m, editorExitedMsg{path: ready.path})
	if got := root(t, m).noteEditor.area.Value(); got != "Typed here.\nAdded from the editor" {
		t.Errorf("after the editor: %q", got)
	}
	if _, err := os.Stat(ready.path); !os.IsNotExist(err) {
		t.Errorf("the temporary file is left behind: %v", err)
	}
	m = step(t, m, press("ctrl+s"))
	if n := notesOf(t, lib, root(t, m).list.rows[0].ID); len(n) != 1 || !strings.HasSuffix(n[0].Note, "Added from the editor") {
		t.Errorf("saved %+v", n)
	}

}

// TestEditorSetting: $VISUAL before $EDITOR, before vi; each read with the
// shell's quotes, so that a program in a folder with a space in its name and
// an argument with spaces are what they say; a quote not closed is said in
// the status, and no file is left for an editor that will not run.
func TestEditorSetting(t *testing.T) {
	for _, tc := range []struct {
		visual, editor string
		want           []string
		err            string
	}{
		{"", "", []string{"vi", "x.md"}, ""},
		{"  ", "nano -w", []string{"nano", "-w", "x.md"}, ""},
		{"", `"/opt/My Editor/edit" --title 'a note'`, []string{"/opt/My Editor/edit", "--title", "a note", "x.md"}, ""},
		{`code --wait`, "vim", []string{"code", "--wait", "x.md"}, ""},
		{"", `vim -c 'set tw=72`, nil, `$EDITOR "vim -c 'set tw=72" cannot be read: its ' is not closed`},
		{`emacs "-nw`, "vim", nil, `$VISUAL "emacs \"-nw" cannot be read: its " is not closed`},
	} {
		t.Setenv("VISUAL", tc.visual)
		t.Setenv("EDITOR", tc.editor)
		cmd, err := editorCommand("x.md")
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("VISUAL=%q EDITOR=%q: error %v, want %s", tc.visual, tc.editor, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(cmd.Args, tc.want) {
			t.Errorf("VISUAL=%q EDITOR=%q: %q, %v; want %q", tc.visual, tc.editor, cmd.Args, err, tc.want)
		}
	}

	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", `vim -c 'set tw=72`)
	lib := newLibrary(t, 1)
	m := start(t, lib, Config{}, 80, 24)
	m = step(t, m, press("a"))
	m = typeText(t, m, "Kept.")
	m, cmd := m.Update(tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl})
	m = step(t, m, cmd())
	r := root(t, m)
	if !strings.Contains(r.status, "its ' is not closed") {
		t.Errorf("status %q does not say why the editor did not start", r.status)
	}
	if !r.noteEditor.open || r.noteEditor.area.Value() != "Kept." {
		t.Errorf("the note being typed is lost: open %v, %q", r.noteEditor.open, r.noteEditor.area.Value())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

func TestReadOnlyCannotAnnotate(t *testing.T) {
	lib := newLibrary(t, 2)
	m := start(t, lib, Config{ReadOnly: true}, 80, 24)
	if root(t, m).list.keys.Annotate.Enabled() {
		t.Error("annotate is offered in a read-only library")
	}
	m = steps(t, m, "a", "enter", "a", "v")
	r := root(t, m)
	if r.noteEditor.open || r.reader.sel != nil {
		t.Error("a read-only library opened the note editor or a selection")
	}
}

// TestAnnotationKeysConfigurable: the annotation actions take keys from
// config like every other, and the help follows.
func TestAnnotationKeysConfigurable(t *testing.T) {
	conflicts := map[string]struct {
		keys map[string][]string
		want string
	}{
		"annotate on next": {map[string][]string{"annotate": {"n"}}, `keys.annotate: "n" is also bound to "next-unread" in the list`},
		"select on tag":    {map[string][]string{"select-passage": {"t"}}, `keys.select-passage: "t" is also bound to "tag" in the reader`},
		"selection keys":   {map[string][]string{"extend-selection": {"k"}}, `keys.extend-selection: "k" is also bound to "shrink-selection" in the passage selection`},
	}
	for name, tt := range conflicts {
		if err := (Config{Keys: tt.keys}).Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}

	lib := newLibrary(t, 2)
	id := firstID(t, lib)
	a := passage(t, lib, id, "Paragraph 1 of article 0.")
	a.Note = "Noted."
	addNotes(t, lib, id, a)
	cfg := Config{Keys: map[string][]string{
		"select-passage": {"V"}, "next-highlight": {"}"}, "prev-highlight": {"{"},
		"edit-note": {"E"}, "delete-note": {"D"}, "undo-delete": {"U"}, "all-annotations": {"ctrl+a"},
		"annotate": {"<disabled>"}, "delete-article": {"X"},
	}}
	m := start(t, lib, cfg, 80, 24)
	m = steps(t, m, "enter", "v", "a", "]")
	r := root(t, m)
	if r.reader.sel != nil || r.noteEditor.open || r.reader.cur >= 0 {
		t.Fatal("the default keys still act")
	}
	m = step(t, m, press("}"))
	if _, ok := root(t, m).reader.current(); !ok {
		t.Fatal("} did not move to the note")
	}
	m = step(t, m, press("D"))
	if n := notesOf(t, lib, id); len(n) != 0 {
		t.Fatalf("D did not delete: %+v", n)
	}
	m = step(t, m, press("U"))
	if n := notesOf(t, lib, id); len(n) != 1 {
		t.Fatalf("U did not bring it back: %+v", n)
	}
	m = step(t, m, press("V"))
	if root(t, m).reader.sel == nil {
		t.Fatal("V did not start a selection")
	}
	m = steps(t, m, "esc", "?")
	help := viewText(m)
	for _, want := range []string{"V     select", "}     next note", "{     previous note", "ctrl+a all annotations"} {
		if !strings.Contains(strings.Join(strings.Fields(help), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("the help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, " note ") && strings.Contains(help, "a note") {
		t.Errorf("the help offers the unbound a:\n%s", help)
	}
	m = step(t, m, press("?"))
	m = step(t, m, tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl})
	if root(t, m).screen != screenBrowser {
		t.Error("ctrl+a did not open the browser")
	}
}

// TestProgramAnnotates runs the whole program: a passage selected and
// noted, renderings arriving as they do, then the note found in the
// browser.
func TestProgramAnnotates(t *testing.T) {
	lib := newLibrary(t, 3)
	m, err := New(lib, Config{LibraryName: "library.db"})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	term := newTerminal(t, tm, 80, 24)
	term.waitFor(`Article 000`)
	tm.Send(press("enter"))
	term.waitFor(`startling revelation number 0`)
	term.waitFor(`v select`) // rendered: a passage can be selected
	tm.Send(press("v"))
	term.waitFor(`next sentence`)
	tm.Send(press("j"))
	tm.Send(press("a"))
	term.waitFor(`Note on the passage`)
	tm.Type("Both sentences.")
	term.waitFor(`Both sentences\.`)
	tm.Send(press("ctrl+s"))
	term.waitFor(`Saved the note\.`)
	term.waitFor(`┆ Both sentences\.`)
	tm.Send(press("A"))
	term.waitFor(`✎ Both sentences\.`)
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	notes := notesOf(t, lib, root(t, tm.FinalModel(t)).reader.id())
	if len(notes) != 1 || notes[0].Note != "Both sentences." || !strings.Contains(notes[0].Quote, "\n\nParagraph 1 of article 0.") {
		t.Errorf("saved %+v", notes)
	}
}

// TestArticleDeletedElsewhere: an article deleted while it is shown (by
// another tidings, or feed remove --purge) makes s say so rather than claim
// success, and a note written on it is not lost: the editor opens again on
// the text. (gone_test.go: what the reader does once it knows.)
func TestArticleDeletedElsewhere(t *testing.T) {
	ctx := context.Background()
	const feedURL = "https://example.com/feed.xml"
	open := func() (tea.Model, *store.Store) {
		lib, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lib.Close() })
		if _, err := lib.Import(ctx, []feeds.Article{{ExternalID: "gone", Title: "Soon gone", Body: "Text.", FeedURL: feedURL}}); err != nil {
			t.Fatal(err)
		}
		m := start(t, lib, Config{}, 120, 24)
		return step(t, m, press("enter")), lib
	}
	m, lib := open()
	if _, err := lib.RemoveFeed(ctx, feedURL, true); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, press("s"))
	if s := viewText(m); strings.Contains(s, "Starred the article.") || !strings.Contains(s, "it was deleted elsewhere") {
		t.Errorf("s on a deleted article:\n%s", s)
	}

	// A note begun before it went.
	m, lib = open()
	m = step(t, m, press("a"))
	m = typeText(t, m, "a thought worth keeping")
	if _, err := lib.RemoveFeed(ctx, feedURL, true); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, press("ctrl+s"))
	e := root(t, m).noteEditor
	if !e.open || e.area.Value() != "a thought worth keeping" || !strings.Contains(viewText(m), "it was deleted elsewhere; your text stays here") {
		t.Errorf("the note on a deleted article: editor open %v, %q\n%s", e.open, e.area.Value(), viewText(m))
	}
}

// TestEditOfANoteDeletedElsewhere: an edit saved after another tidings
// deleted the note is not lost: asked, k saves it as a new note.
func TestEditOfANoteDeletedElsewhere(t *testing.T) {
	lib := newLibrary(t, 3)
	ctx := context.Background()
	rows, err := lib.Page(ctx, store.PageRequest{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	addNotes(t, lib, rows[0].ID, store.Annotation{Note: "first"})
	m := start(t, lib, Config{}, 120, 24)
	m = steps(t, m, "enter", "]", "e")
	m = typeText(t, m, " and more")
	notes := notesOf(t, lib, rows[0].ID)
	if err := lib.DeleteAnnotation(ctx, notes[0].ID); err != nil {
		t.Fatal(err)
	}
	m = step(t, m, press("ctrl+s"))
	if !strings.Contains(viewText(m), "Note deleted elsewhere: k save yours as a new note") || len(notesOf(t, lib, rows[0].ID)) != 0 {
		t.Fatalf("saving a note deleted elsewhere did not ask:\n%s", viewText(m))
	}
	m = step(t, m, press("k"))
	notes = notesOf(t, lib, rows[0].ID)
	if len(notes) != 1 || notes[0].Note != "first and more" || !strings.Contains(viewText(m), "Saved yours as a new note.") {
		t.Errorf("notes %+v\n%s", notes, viewText(m))
	}
}
