package ui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store"
	"tidings/ui/shellwords"
)

// The note editor is a box over the screen with a text area for a note in
// Markdown: on the whole article (a in the list, or in the reader with
// nothing selected), on the passage just selected, or an existing note (e).
// ctrl+s saves; esc cancels, asking first when that would throw away what
// was typed; ctrl+e hands the text to $EDITOR and takes it back.

// noteEditor is the note editor's state.
type noteEditor struct {
	open bool
	area textarea.Model
	keys inputKeyMap

	// What the note is on: an article, a passage of it (quote set), or
	// an existing annotation (ID set), kept whole for the update.
	target   store.Annotation
	what     string // for the title
	original string // the text it opened with
	// conflict is the question asked when a save found the note changed
	// or deleted elsewhere (annotate.go); nil otherwise.
	conflict *noteConflict
}

func newNoteEditor(st *styles) noteEditor {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	ta.Placeholder = "A note, in Markdown…"
	ta.SetStyles(areaStyles(st))
	return noteEditor{area: ta, keys: noteEditKeys()}
}

// areaStyles are the text area's styles: the theme's, with its cursor,
// which does not blink.
func areaStyles(st *styles) textarea.Styles {
	s := textarea.DefaultStyles(st.isDark)
	s.Cursor.Blink = false
	s.Cursor.Color = st.cursor
	return s
}

// noteEditKeys are the note editor's fixed keys.
func noteEditKeys() inputKeyMap {
	return inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Complete: key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "$EDITOR")),
		Move:     key.NewBinding(key.WithDisabled()),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// start opens the editor on target, with its note.
func (e *noteEditor) start(target store.Annotation, what string) tea.Cmd {
	e.open, e.target, e.what = true, target, what
	e.conflict, e.keys = nil, noteEditKeys()
	e.setText(target.Note)
	// As the text area holds it (a tab as spaces): closed untouched, the
	// note has not changed.
	e.original = e.area.Value()
	return e.area.Focus()
}

// setText puts text in the editor for editing (editableNote).
func (e *noteEditor) setText(text string) {
	e.area.SetValue(editableNote(text))
}

// editableNote is a note as the editor holds it: without escape sequences,
// control characters and bidirectional overrides and isolates, which the
// reader never shows of a note (cleanMarkdown), so that the editor sends
// the terminal nothing the reader would not. A library written by another
// program or an older tidings may hold them; an imported note keeps its
// bidi controls. Saved, a note is what the editor holds, without them, as
// it would be retyped from the screen.
func editableNote(s string) string {
	return feeds.StripBidi(feeds.CleanText(s))
}

func (e *noteEditor) close() {
	e.open = false
	e.area.Blur()
	e.area.SetValue("")
}

// changed reports whether closing would lose typed text.
func (e noteEditor) changed() bool {
	return strings.TrimSpace(e.area.Value()) != "" && e.area.Value() != e.original
}

// discardQuestion is what esc asks before closing on changed text: a new
// note is thrown away, an existing one loses only the changes typed.
func (e noteEditor) discardQuestion() string {
	if e.target.ID != 0 {
		return "Discard your changes to this note? y/n"
	}
	return "Discard this note? y/n"
}

// setSize fits the editor to a screen of width x height cells.
func (e *noteEditor) setSize(width, height int, st *styles) {
	inner := editorInner(width, st)
	e.area.SetWidth(inner)
	// The box's border, title and the lines under it take 4 lines; the
	// status line and the footer 2.
	e.area.SetHeight(max(min(10, height-8), 1))
	e.showCursorLow()
}

// showCursorLow scrolls the text area to show as much of the note as fits
// with the cursor in view, on the last line shown when the note is longer
// than the box. The text area scrolls only to keep its cursor in view, so
// without this a box grown back after a resize would go on showing the
// lines it had scrolled to, above empty ones.
func (e *noteEditor) showCursorLow() {
	row, col := e.area.Line(), e.area.Column()
	e.area.MoveToBegin() // scrolled to the top
	// Down to the cursor's line, one line on screen at a time: the view
	// follows, keeping the cursor on its last line.
	for i := 0; e.area.Line() < row && i <= len(e.area.Value()); i++ {
		e.area.CursorDown()
	}
	e.area.SetCursorColumn(col)
	// A column further along a wrapped line may be on a line below the
	// view: setting the height scrolls to it.
	e.area.SetHeight(e.area.Height())
}

// View draws the editor's box.
func (e noteEditor) View(width int, st *styles) string {
	inner := editorInner(width, st)
	title := st.header.Render(ansi.Truncate("Note on "+e.what, inner, "…"))
	hintText := "Markdown · ctrl+s save · ctrl+e $EDITOR · esc cancel"
	if e.conflict != nil {
		hintText = "Not saved yet: answer the question below"
	}
	hint := st.inputHint.Render(ansi.Truncate(hintText, inner, "…"))
	lines := []string{title}
	for l := range strings.SplitSeq(e.area.View(), "\n") {
		lines = append(lines, ansi.Truncate(l, inner, ""))
	}
	lines = append(lines, hint)
	for i, l := range lines {
		if w := ansi.StringWidth(l); w < inner {
			lines[i] = l + strings.Repeat(" ", inner-w)
		}
	}
	return st.box.Render(strings.Join(lines, "\n"))
}

// editorReadyMsg says the note is in a file for $EDITOR, and the command
// that edits it.
type editorReadyMsg struct {
	path string
	cmd  *exec.Cmd
	err  error
}

// editorExitedMsg says $EDITOR is done with the file.
type editorExitedMsg struct {
	path string
	err  error
}

// editorDoneMsg brings back the text written in $EDITOR.
type editorDoneMsg struct {
	text string
	err  error
}

// editorCommand is the command that edits path: $VISUAL, else $EDITOR, else
// vi. The setting is a program and its arguments, split as a shell would
// split them (quotes kept, so "/opt/My Editor/edit" -w is one program and
// an argument) and run without a shell.
func editorCommand(path string) (*exec.Cmd, error) {
	name, setting := "$VISUAL", os.Getenv("VISUAL")
	if strings.TrimSpace(setting) == "" {
		name, setting = "$EDITOR", os.Getenv("EDITOR")
	}
	argv, err := shellwords.Split(setting)
	if err != nil {
		return nil, fmt.Errorf("%s %q cannot be read: %w", name, setting, err)
	}
	if len(argv) == 0 {
		argv = []string{"vi"}
	}
	return exec.Command(argv[0], append(argv[1:], path)...), nil
}

// writeNoteFile writes text to a temporary file for $EDITOR.
func writeNoteFile(text string) tea.Cmd {
	return func() tea.Msg {
		if _, err := editorCommand(""); err != nil {
			return editorReadyMsg{err: err}
		}
		f, err := os.CreateTemp("", "tidings-note-*.md")
		if err != nil {
			return editorReadyMsg{err: err}
		}
		if text != "" && !strings.HasSuffix(text, "\n") {
			text += "\n" // as editors keep a text file
		}
		_, werr := f.WriteString(text)
		if err := errors.Join(werr, f.Close()); err != nil {
			os.Remove(f.Name())
			return editorReadyMsg{err: err}
		}
		cmd, err := editorCommand(f.Name())
		if err != nil { // the setting changed meanwhile
			os.Remove(f.Name())
			return editorReadyMsg{err: err}
		}
		return editorReadyMsg{path: f.Name(), cmd: cmd}
	}
}

// runEditor hands the terminal to the editor's command on path.
func runEditor(path string, cmd *exec.Cmd) tea.Cmd {
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		return editorExitedMsg{path: path, err: err}
	})
}

// readNoteFile reads back what $EDITOR left in path, and removes it.
func readNoteFile(path string, runErr error) tea.Cmd {
	return func() tea.Msg {
		defer os.Remove(path)
		if runErr != nil {
			return editorDoneMsg{err: runErr}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return editorDoneMsg{err: err}
		}
		return editorDoneMsg{text: strings.TrimRight(string(b), "\n")}
	}
}
