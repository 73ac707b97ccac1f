package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds/marks"
	"tidings/store"
)

// Annotating: a opens the note editor on the current article, or on the
// passage being selected (v, then j and k); e edits the current note and d
// deletes it, u bringing back the notes deleted from the article shown,
// the last deleted first, as an editor's undo goes back step by step.
// Writes run in commands; the reader then reloads the article's notes.
//
// An edit is saved only over the text it started from. When another
// tidings changed or deleted the note meanwhile, the editor stays open on
// the user's text and the status line asks what to do with it: save it
// over the other change, or keep both (the user's as a new note on the
// same passage or article), or go back to editing.

// noteSavedMsg reports a note added or changed.
type noteSavedMsg struct {
	note  store.Annotation // as saved; after an error, as the editor had it
	was   string           // an edit's: the text it started from
	now   store.Annotation // after store.ErrNoteChanged: the note as the library holds it
	added bool
	done  string // what the status line says, when not the usual
	err   error
}

// noteConflict is a save refused because the note was changed (or
// deleted) elsewhere since the edit began: the question on the status
// line while the editor waits for its answer.
type noteConflict struct {
	now     store.Annotation // the note as the library holds it now
	deleted bool
}

// question is what the status line asks, the answers first, on a line of
// width cells: the beginning of the note as it is now follows where there
// is room for some of it.
func (c noteConflict) question(width int) string {
	if c.deleted {
		return "Note deleted elsewhere: k save yours as a new note · esc back"
	}
	q := "Note changed elsewhere: o save yours over it · k keep both · esc back"
	const says = " · it now says “"
	room := width - 2 - ansi.StringWidth(q+says+"”")
	if now := strings.TrimSpace(c.now.Note); now != "" && room >= 12 {
		q += says + quoteExcerpt(now, room) + "”"
	}
	return q
}

// kept is what the status line says when the user's text was saved as a
// new note.
func (c noteConflict) kept() string {
	if c.deleted {
		return "Saved yours as a new note."
	}
	return "Kept both: yours is a new note beside the other."
}

// conflictKeys are the answers to a noteConflict's question, for the
// footer: o saves over the other change (not when the note is gone), k
// saves the user's text as a new note, esc goes back to editing it.
func conflictKeys(deleted bool) inputKeyMap {
	keep := "keep both"
	if deleted {
		keep = "save as a new note"
	}
	k := inputKeyMap{
		Accept:   key.NewBinding(key.WithKeys("o", "O"), key.WithHelp("o", "save yours over it")),
		Complete: key.NewBinding(key.WithDisabled()),
		Move:     key.NewBinding(key.WithDisabled()),
		Save:     key.NewBinding(key.WithKeys("k", "K"), key.WithHelp("k", keep)),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to your note")),
	}
	k.Accept.SetEnabled(!deleted)
	return k
}

// noteDeletedMsg reports a note deleted from the article titled title.
type noteDeletedMsg struct {
	note  store.Annotation
	title string
	err   error
}

// deletedNote is a note deleted in this session, which u brings back on
// the article it was deleted from, titled title.
type deletedNote struct {
	note  store.Annotation
	title string
}

// notesMsg carries an article's annotations, anchored in its text.
type notesMsg struct {
	id    int64
	notes []placedNote
	err   error
}

// annotationAction performs the annotation keys of the list and the
// reader, reporting whether msg was one of them.
func (m *Model) annotationAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if m.screen == screenReader {
		k := m.reader.keys
		switch {
		case key.Matches(msg, k.Annotate):
			return m.annotate(), true
		case key.Matches(msg, k.SelectPassage):
			return m.selectPassage(), true
		case key.Matches(msg, k.NextHighlight):
			m.reader.stepNote(1)
			return m.reader.requestRender(), true
		case key.Matches(msg, k.PrevHighlight):
			m.reader.stepNote(-1)
			return m.reader.requestRender(), true
		case key.Matches(msg, k.EditNote):
			return m.editCurrentNote(), true
		case key.Matches(msg, k.DeleteNote):
			return m.deleteCurrentNote(), true
		case key.Matches(msg, k.UndoDelete):
			return m.undoDelete(), true
		case key.Matches(msg, k.AllAnnotations):
			return m.openBrowser(), true
		}
		return nil, false
	}
	k := m.list.keys
	switch {
	case key.Matches(msg, k.Annotate):
		return m.annotate(), true
	case key.Matches(msg, k.AllAnnotations):
		return m.openBrowser(), true
	}
	return nil, false
}

// refreshNoteKeys enables the annotation bindings that apply now.
func (m *Model) refreshNoteKeys(hasRow bool) {
	write := !m.readOnly
	m.list.keys.Annotate.SetEnabled(write && hasRow)
	rk := &m.reader.keys
	rk.Annotate.SetEnabled(write && m.reader.loaded)
	rk.SelectPassage.SetEnabled(write && (m.reader.canSelect() || m.reader.layingOut()))
	has := len(m.reader.notes) > 0
	rk.NextHighlight.SetEnabled(has)
	rk.PrevHighlight.SetEnabled(has)
	rk.EditNote.SetEnabled(write && has)
	rk.DeleteNote.SetEnabled(write && has)
	rk.UndoDelete.SetEnabled(write && m.lastDeletedHere() >= 0)
	m.browser.keys.Open.SetEnabled(len(m.browser.rows) > 0)
}

// selectionAction handles a key while a passage is being selected,
// reporting whether it was one of the selection's.
func (m *Model) selectionAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.reader.selKeys
	switch {
	case key.Matches(msg, k.Extend):
		m.reader.moveSelection(1)
	case key.Matches(msg, k.Shrink):
		m.reader.moveSelection(-1)
	case key.Matches(msg, k.OtherEnd):
		m.reader.swapSelection()
	case key.Matches(msg, k.Annotate):
		return m.annotate(), true
	case key.Matches(msg, k.Cancel):
		m.reader.cancelSelection()
	case key.Matches(msg, m.selCopy):
		return m.copyPassage(), true
	default:
		return nil, false
	}
	return m.reader.requestRender(), true
}

// copyPassage copies the selected passage's text, says so, and ends the
// selection, as vim's y does.
func (m *Model) copyPassage() tea.Cmd {
	sel, ok := m.reader.selected()
	if !ok {
		return nil
	}
	m.reader.cancelSelection()
	return tea.Batch(copyText(sel.Quote, "the passage "+quoted(sel.Quote, quoteExcerpt(sel.Quote, 60))), m.reader.requestRender())
}

// annotate opens the note editor on the selected passage, else on the
// current article.
func (m *Model) annotate() tea.Cmd {
	if m.readOnly {
		m.setError("cannot annotate", errReadOnly)
		return nil
	}
	m.noteEditor.setSize(m.width, m.height, m.styles)
	if m.screen == screenReader {
		if sel, ok := m.reader.selected(); ok {
			target := store.Annotation{ArticleID: m.reader.id(), Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix}
			return m.noteEditor.start(target, "the passage "+quoted(sel.Quote, quoteExcerpt(sel.Quote, 40)))
		}
	}
	row, ok := m.current()
	if !ok {
		return nil
	}
	return m.noteEditor.start(store.Annotation{ArticleID: row.ID}, "“"+oneLine(row.Title)+"”")
}

// selectPassage starts selecting at the sentence at the top of the reader.
// While the article is still being laid out it starts all the same, as ]
// acts then: the selection is drawn once the layout is done, and j, k, o
// and a act on it before.
func (m *Model) selectPassage() tea.Cmd {
	if m.readOnly {
		m.setError("cannot annotate", errReadOnly)
		return nil
	}
	m.reader.clearCurrent()
	if !m.reader.startSelection() && !m.reader.startSelectionLayingOut() {
		m.setStatus(m.nothingToSelect())
		return nil
	}
	return m.reader.requestRender()
}

// layingOut reports whether the article's text is there but its layout is
// not yet: the plain text is shown until it is.
func (m readerModel) layingOut() bool {
	return m.loaded && m.plain && len(m.sentences) > 0
}

// startSelectionLayingOut starts a selection while the article is being
// laid out, in the plain text shown meanwhile: at the first sentence that
// starts at the top of the screen or below, where the reader stays once
// the article is laid out (setBody keeps the text at the top).
func (m *readerModel) startSelectionLayingOut() bool {
	if !m.layingOut() {
		return false
	}
	offset := 0
	if p, ok := m.topPlace(); ok && m.vp.YOffset() > 0 {
		offset = p.at
	}
	m.selectFrom(offset)
	return true
}

// nothingToSelect says why v does nothing.
func (m Model) nothingToSelect() string {
	switch {
	case !m.reader.loaded:
		return "Nothing to select yet: the article is loading."
	case len(m.reader.sentences) == 0:
		return "This article has no text to select."
	}
	return "Nothing to select yet."
}

// editCurrentNote opens the editor on the current note.
func (m *Model) editCurrentNote() tea.Cmd {
	if m.readOnly {
		return nil
	}
	n, ok := m.reader.noteOnScreen()
	if !ok {
		m.noNoteOnScreen()
		return nil
	}
	m.noteEditor.setSize(m.width, m.height, m.styles)
	what := "“" + oneLine(m.reader.article.Title) + "”"
	if n.Quote != "" {
		what = "the passage " + quoted(n.Quote, quoteExcerpt(n.Quote, 40))
	}
	return m.noteEditor.start(n.Annotation, what)
}

// deleteCurrentNote deletes the current note; u brings it back.
func (m *Model) deleteCurrentNote() tea.Cmd {
	if m.readOnly {
		return nil
	}
	n, ok := m.reader.noteOnScreen()
	if !ok {
		m.noNoteOnScreen()
		return nil
	}
	m.reader.notes = append(m.reader.notes[:m.reader.cur:m.reader.cur], m.reader.notes[m.reader.cur+1:]...)
	m.reader.cur = -1
	m.reader.decoRev++
	return tea.Batch(deleteNote(m.ctx, m.lib, n.Annotation, m.reader.article.Title), m.reader.requestRender())
}

// noNoteOnScreen says why e or d did nothing.
func (m *Model) noNoteOnScreen() {
	if len(m.reader.notes) == 0 {
		m.setStatus("This article has no notes.")
		return
	}
	if _, ok := m.reader.current(); ok {
		m.setStatus("The note chosen is off screen: ] or [ shows it, or another.")
		return
	}
	m.setStatus("Which note? ] and [ go to one, and make it the one e and d act on.")
}

// undoDelete adds the note deleted last from the article shown again, as
// it was; u again brings back the one deleted before it.
func (m *Model) undoDelete() tea.Cmd {
	i := m.lastDeletedHere()
	if i < 0 || m.readOnly {
		return nil
	}
	a := m.deleted[i].note
	m.deleted = slices.Delete(m.deleted, i, i+1)
	a.ID = 0
	done := "Brought the note back."
	if m.lastDeletedHere() >= 0 {
		done = "Brought the note back; u again brings back the one deleted before it."
	}
	return addNote(m.ctx, m.lib, a, done)
}

// lastDeletedHere is where in m.deleted the note deleted last from the
// article shown is; -1 for none. A note comes back only on its own
// article, where the user sees it come back.
func (m Model) lastDeletedHere() int {
	id := m.reader.id()
	for i := len(m.deleted) - 1; i >= 0; i-- {
		if m.deleted[i].note.ArticleID == id {
			return i
		}
	}
	return -1
}

// nothingToBringBack says why u does nothing: no note was deleted from the
// article shown, and which article the last one deleted was on, if any.
func (m Model) nothingToBringBack() string {
	if len(m.deleted) == 0 {
		return "No note was deleted: nothing to bring back."
	}
	title := "the article it was deleted from"
	if t := m.deleted[len(m.deleted)-1].title; strings.TrimSpace(t) != "" {
		title = "“" + quoteExcerpt(t, 30) + "”"
	}
	return "No note deleted from this article: u on " + title + " brings back the one deleted there."
}

// quoteExcerpt is a quote on one line, cut to about n cells.
func quoteExcerpt(q string, n int) string {
	return ansi.Truncate(oneLine(q), n, "…")
}

// handleNoteKey handles a key while the note editor is open.
func (m *Model) handleNoteKey(msg tea.KeyPressMsg) tea.Cmd {
	if c := m.noteEditor.conflict; c != nil {
		return m.answerConflict(msg, *c)
	}
	k := m.noteEditor.keys
	switch {
	case key.Matches(msg, k.Accept):
		return m.saveNote()
	case key.Matches(msg, k.Cancel):
		if !m.noteEditor.changed() {
			m.noteEditor.close()
			return nil
		}
		m.confirm = &confirmation{
			question: m.noteEditor.discardQuestion(),
			onYes: func(m *Model) tea.Cmd {
				m.noteEditor.close()
				return nil
			},
		}
		return nil
	case key.Matches(msg, k.Complete):
		return writeNoteFile(m.noteEditor.area.Value())
	}
	var cmd tea.Cmd
	m.noteEditor.area, cmd = m.noteEditor.area.Update(msg)
	return cmd
}

// saveNote saves the editor's note and closes it.
func (m *Model) saveNote() tea.Cmd {
	e := m.noteEditor
	a := e.target
	a.Note = strings.TrimSpace(e.area.Value())
	if strings.TrimSpace(marks.Drop(a.Note)) == "" {
		a.Note = "" // nothing that shows
	}
	if a.ID == 0 && a.Quote == "" && a.Note == "" {
		m.setStatus("Nothing to save: the note is empty.")
		m.noteEditor.close()
		return nil
	}
	if a.ID != 0 && a.Quote == "" && a.Note == "" {
		m.setStatus("The note is empty: d deletes it.")
		return nil
	}
	m.noteEditor.close()
	if a.Quote != "" && m.screen == screenReader && a.ID == 0 {
		m.reader.cancelSelection()
	}
	if a.ID != 0 {
		return editNote(m.ctx, m.lib, a, e.target.Note, "")
	}
	return addNote(m.ctx, m.lib, a, "")
}

// askConflict opens the editor again on the text of an edit the library
// refused, the note having changed or gone meanwhile, and asks what to do
// with it.
func (m *Model) askConflict(msg noteSavedMsg) tea.Cmd {
	c := noteConflict{now: msg.now, deleted: errors.Is(msg.err, store.ErrNotFound)}
	reload := m.reloadNotes(msg.note.ArticleID, 0)
	if m.noteEditor.open {
		// Another note is being written already: with nobody to ask, the
		// text is kept as a new note, overwriting nothing.
		return tea.Batch(reload, addNote(m.ctx, m.lib, asNew(msg.note), c.kept()))
	}
	e := &m.noteEditor
	focus := e.start(msg.note, e.what)
	// Saved again, the edit still starts from the text it started from:
	// the question comes back until it is answered.
	e.target.Note = msg.was
	e.original = "" // esc asks before throwing the text away
	e.conflict, e.keys = &c, conflictKeys(c.deleted)
	m.setStatus(c.question(m.width))
	return tea.Batch(reload, focus)
}

// answerConflict takes the answer to the question askConflict asked; any
// other key asks it again.
func (m *Model) answerConflict(msg tea.KeyPressMsg, c noteConflict) tea.Cmd {
	e := &m.noteEditor
	a := e.target
	a.Note = strings.TrimSpace(e.area.Value())
	switch {
	case key.Matches(msg, e.keys.Accept):
		// Over the text the user was told of: changed once more, the
		// question is asked again.
		e.close()
		return editNote(m.ctx, m.lib, a, c.now.Note, "Saved your note over the other change.")
	case key.Matches(msg, e.keys.Save):
		e.close()
		return addNote(m.ctx, m.lib, asNew(a), c.kept())
	case key.Matches(msg, e.keys.Cancel):
		e.conflict, e.keys = nil, noteEditKeys()
		return nil
	}
	m.setStatus(c.question(m.width))
	return nil
}

// asNew is a as a note of its own, on the same passage or article.
func asNew(a store.Annotation) store.Annotation {
	a.ID = 0
	a.Created, a.Updated = time.Time{}, time.Time{}
	return a
}

// keepNote saves the note being written when the program stops with the
// editor open on changed text: stopped from outside (the terminal closed,
// a kill) while nobody was asked. Quitting from the keyboard asks first,
// and the yes (or a second ctrl+c) closes the editor, throwing the note
// away as the question said. Closing a window is no way of saying "throw
// it away".
func (m Model) keepNote() error {
	e := m.noteEditor
	if !e.open || !e.changed() || m.readOnly {
		return nil
	}
	a := e.target
	a.Note = strings.TrimSpace(e.area.Value())
	// The program's context is over by now.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if a.ID != 0 && e.conflict == nil {
		_, err := m.lib.EditNote(ctx, a.ID, e.target.Note, a.Note)
		if !errors.Is(err, store.ErrNoteChanged) && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	// A new note; or an edit of a note changed or deleted elsewhere, with
	// nobody to ask: kept beside the other, overwriting nothing.
	_, err := m.lib.AddAnnotation(ctx, asNew(a))
	return err
}

// handleAnnotationResult routes what the annotation commands bring back,
// reporting whether msg was one of theirs.
func (m *Model) handleAnnotationResult(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case noteSavedMsg:
		return m.handleNoteSaved(msg), true
	case noteDeletedMsg:
		return m.handleNoteDeleted(msg), true
	case notesMsg:
		if msg.err != nil {
			m.setError("loading the notes", msg.err)
			return nil, true
		}
		if msg.id == m.reader.id() && m.reader.loaded {
			m.reader.setNotes(msg.notes)
			return m.reader.requestRender(), true
		}
		return nil, true
	case editorReadyMsg:
		if msg.err != nil {
			m.setError("starting the editor", msg.err)
			return nil, true
		}
		return runEditor(msg.path, msg.cmd), true
	case editorExitedMsg:
		return readNoteFile(msg.path, msg.err), true
	case editorDoneMsg:
		if msg.err != nil {
			m.setError("editing the note", msg.err)
		} else if m.noteEditor.open {
			m.noteEditor.setText(msg.text)
		}
		return nil, true
	case browserMsg:
		return m.handleBrowserRows(msg), true
	case passagesCheckedMsg:
		m.handlePassagesChecked(msg)
		return nil, true
	}
	return nil, false
}

func (m *Model) handleNoteSaved(msg noteSavedMsg) tea.Cmd {
	if msg.err != nil {
		err := msg.err
		if msg.note.ID != 0 && (errors.Is(err, store.ErrNoteChanged) || errors.Is(err, store.ErrNotFound)) {
			return m.askConflict(msg)
		}
		if errors.Is(err, store.ErrNotFound) {
			err = errGone
		}
		cmds := []tea.Cmd{m.reloadNotes(msg.note.ArticleID, 0)}
		if strings.TrimSpace(msg.note.Note) != "" && !m.noteEditor.open {
			// Nothing typed is lost: the editor opens again on the text,
			// to try again, or to take it to $EDITOR.
			cmds = append(cmds, m.noteEditor.start(msg.note, m.noteEditor.what))
			m.noteEditor.original = ""
			if msg.note.ID != 0 {
				m.noteEditor.target.Note = msg.was // tried again, the edit starts where it started
			}
			err = fmt.Errorf("%w; your text stays here", err)
		}
		m.setError("saving the note", err)
		return tea.Batch(cmds...)
	}
	switch {
	case msg.done != "":
		m.setStatus(msg.done)
	case msg.note.Quote != "" && msg.note.Note == "":
		m.setStatus("Highlighted the passage.")
	default:
		m.setStatus("Saved the note.")
	}
	if msg.added {
		m.countNotes(msg.note.ArticleID, 1)
	}
	return tea.Batch(m.reloadNotes(msg.note.ArticleID, msg.note.ID), m.reloadBrowser())
}

func (m *Model) handleNoteDeleted(msg noteDeletedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError("deleting the note", msg.err)
	} else {
		a := msg.note
		m.deleted = append(m.deleted, deletedNote{note: a, title: msg.title})
		m.setStatus("Deleted the note; u brings it back.")
		m.countNotes(a.ArticleID, -1)
	}
	return tea.Batch(m.reloadNotes(msg.note.ArticleID, 0), m.reloadBrowser())
}

// countNotes changes the count of an article's notes in the list.
func (m *Model) countNotes(id int64, delta int) {
	m.list.updateRow(id, func(r *store.Row) { r.Annotations = max(r.Annotations+delta, 0) })
	if m.reader.row.ID == id {
		m.reader.row.Annotations = max(m.reader.row.Annotations+delta, 0)
		m.reader.article.Annotations = max(m.reader.article.Annotations+delta, 0)
	}
}

// reloadNotes loads the reader's notes again if it shows article id,
// making the note focus current.
func (m *Model) reloadNotes(id, focus int64) tea.Cmd {
	if m.reader.id() != id || !m.reader.loaded {
		return nil
	}
	if focus != 0 {
		m.reader.focusNote = focus
	}
	return loadNotes(m.ctx, m.lib, id, m.reader.text)
}

// loadNotes loads an article's annotations and anchors them in its text.
func loadNotes(ctx context.Context, lib Library, id int64, text string) tea.Cmd {
	return func() tea.Msg {
		notes, err := lib.Annotations(ctx, id)
		if err != nil {
			return notesMsg{id: id, err: err}
		}
		return notesMsg{id: id, notes: placeNotes(text, notes)}
	}
}

// addNote adds a note; done is what the status line says then, "" for
// the usual.
func addNote(ctx context.Context, lib Library, a store.Annotation, done string) tea.Cmd {
	return func() tea.Msg {
		saved, err := lib.AddAnnotation(ctx, a)
		if err != nil {
			saved = a
		}
		return noteSavedMsg{note: saved, added: err == nil, done: done, err: err}
	}
}

// editNote changes a note from was, the text the edit started from, to
// a.Note; the library refuses when the note says something else by now.
// done is what the status line says when it is saved, "" for the usual.
func editNote(ctx context.Context, lib Library, a store.Annotation, was, done string) tea.Cmd {
	return func() tea.Msg {
		now, err := lib.EditNote(ctx, a.ID, was, a.Note)
		if err != nil {
			return noteSavedMsg{note: a, was: was, now: now, err: err}
		}
		return noteSavedMsg{note: now, done: done}
	}
}

// deleteNote deletes a note of the article titled title.
func deleteNote(ctx context.Context, lib Library, a store.Annotation, title string) tea.Cmd {
	return func() tea.Msg {
		return noteDeletedMsg{note: a, title: title, err: lib.DeleteAnnotation(ctx, a.ID)}
	}
}
