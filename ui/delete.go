package ui

import (
	"context"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/store"
)

// D deletes articles, after a yes, as newsboat's D does: in the list the
// selection, else the article under the cursor; in the reader the article
// it shows, and the reader goes back to where it was opened from. The
// articles leave the screen at once; the write runs in a command, and the
// list is then read again around the cursor. Fetches and imports leave
// deleted articles out from then on (store.DeleteArticles).

// articlesDeletedMsg is what deleting articles did.
type articlesDeletedMsg struct {
	ids  []int64
	what string // the articles, as the question named them
	d    store.Deleted
	err  error
}

// deleteAction asks whether to delete when msg is the delete key of the
// screen shown (the list's or the reader's), and reports whether it was.
func (m *Model) deleteAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	b := m.list.keys.Delete
	if m.screen == screenReader {
		b = m.reader.keys.Delete
	}
	if m.refuseWrite(msg, b) {
		return nil, true
	}
	if !key.Matches(msg, b) {
		return nil, false
	}
	return m.startDelete(), true
}

// startDelete asks in the status line whether to delete the selection (in
// the list), else the current article, naming it, and its notes when it
// has some.
func (m *Model) startDelete() tea.Cmd {
	var ids []int64
	var what, question string
	if m.screen == screenList && len(m.list.marked) > 0 {
		ids = m.list.markedIDs()
		what = thousands(len(ids)) + " selected articles"
		if len(ids) == 1 {
			what = "1 selected article"
		}
		notes, known := 0, true
		for _, id := range ids {
			r, ok := m.list.rowByID(id)
			known = known && ok
			notes += r.Annotations
		}
		switch {
		case !known:
			question = what + " and their notes"
		default:
			question = what + theirNotes(len(ids), notes)
		}
	} else {
		row, ok := m.current()
		if !ok {
			return nil
		}
		ids = []int64{row.ID}
		notes := row.Annotations
		if m.screen == screenReader && m.reader.loaded {
			notes = m.reader.article.Annotations
		}
		// The title gives way, so that what else goes (its notes) and
		// the y/n are always on screen.
		rest := theirNotes(1, notes) + "? y/n"
		room := max(m.width-2-ansi.StringWidth("Delete “”"+rest), 8)
		what = "“" + ansi.Truncate(oneLine(row.Title), room, "…") + "”"
		question = what + theirNotes(1, notes)
	}
	m.setStatus("")
	m.confirm = &confirmation{
		question: "Delete " + question + "? y/n",
		onYes:    func(m *Model) tea.Cmd { return m.deleteArticles(ids, what) },
	}
	return nil
}

// theirNotes is " and its note", " and their 3 notes", or "" without notes.
func theirNotes(articles, notes int) string {
	n := thousands(notes) + " notes"
	if notes == 1 {
		n = "note"
		if articles > 1 {
			n = "1 note"
		}
	}
	switch {
	case notes == 0:
		return ""
	case articles == 1:
		return " and its " + n
	}
	return " and their " + n
}

// deleteArticles takes the articles ids off the screen and deletes them
// in a command; the reader showing one of them goes back.
func (m *Model) deleteArticles(ids []int64, what string) tea.Cmd {
	m.list.drop(ids)
	var cmds []tea.Cmd
	if m.screen == screenReader && slices.Contains(ids, m.reader.id()) {
		m.reader.cancelSelection()
		m.screen = m.readerBack
		if m.screen == screenBrowser {
			cmds = append(cmds, m.loadBrowserRows())
		}
	}
	m.setStatus("Deleting " + what + "…")
	cmds = append(cmds, m.track("deleting "+articleCount(len(ids)), "deleting stopped: nothing was deleted",
		func(ctx context.Context) tea.Cmd { return deleteArticles(ctx, m.lib, ids, what) }))
	return tea.Batch(cmds...)
}

func deleteArticles(ctx context.Context, lib Library, ids []int64, what string) tea.Cmd {
	return func() tea.Msg {
		d, err := lib.DeleteArticles(ctx, ids)
		return articlesDeletedMsg{ids: ids, what: what, d: d, err: err}
	}
}

// handleDeleted says what was deleted, and reads the list (and the tags,
// whose counts changed) again; after a failure the list shows again what
// the library holds.
func (m *Model) handleDeleted(msg articlesDeletedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError("Not deleted", msg.err)
	} else {
		done := "Deleted " + msg.what + theirNotes(len(msg.ids), msg.d.Notes) + "."
		if msg.d.Articles < len(msg.ids) && len(msg.ids) > 1 {
			// Some went elsewhere meanwhile: the count says what this did.
			done = "Deleted " + articleCount(msg.d.Articles) + theirNotes(msg.d.Articles, msg.d.Notes) + "."
		}
		m.setStatus(done)
	}
	cmds := []tea.Cmd{m.list.reload(), m.list.countCmd(), loadTags(m.ctx, m.lib)}
	if m.screen == screenBrowser {
		cmds = append(cmds, m.loadBrowserRows())
	}
	return tea.Batch(cmds...)
}

// drop takes articles out of the list's window, the selection and the
// articles kept: the cursor stays on its row's place, on the article
// that followed a deleted one.
func (m *listModel) drop(ids []int64) {
	gone := make(map[int64]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
		delete(m.marked, id)
		delete(m.kept, id)
		m.lines.forget(id)
	}
	rows := make([]store.Row, 0, len(m.rows))
	cursor := m.cursor
	for i, r := range m.rows {
		if !gone[r.ID] {
			rows = append(rows, r)
		} else if i < m.cursor {
			cursor--
		}
	}
	m.rows = rows
	m.cursor = min(max(cursor, 0), max(len(m.rows)-1, 0))
	m.vanished = false
	m.fixOffset()
}

// goneElsewhere lets go of articles this tidings found another one had
// deleted (reading the open article again, or writing to it, found
// nothing): the list asks for its rows again, which leave them out as they
// leave out any article deleted elsewhere, and the reader showing one says
// so and refuses to change it (refuseGone).
func (m *Model) goneElsewhere(ids []int64) tea.Cmd {
	m.letGo(ids)
	return tea.Batch(m.list.reload(), m.list.countCmd())
}

// letGo is goneElsewhere without asking for the list again.
func (m *Model) letGo(ids []int64) {
	m.list.forget(ids)
	if slices.Contains(ids, m.reader.id()) {
		m.reader.setGone()
	}
}

// goneKeys are the reader's keys that change its article, off once it is
// gone.
func (m *Model) goneKeys() []*key.Binding {
	k := &m.reader.keys
	return []*key.Binding{&k.Star, &k.Read, &k.Tag, &k.Annotate, &k.SelectPassage, &k.EditNote, &k.DeleteNote, &k.Delete}
}

// refuseGone says that the article shown was deleted elsewhere when msg is
// a key that would change it, and reports whether it was.
func (m *Model) refuseGone(msg tea.KeyPressMsg) bool {
	if m.screen != screenReader || !m.reader.gone {
		return false
	}
	for _, b := range m.goneKeys() {
		if slices.Contains(b.Keys(), msg.String()) {
			m.setError("cannot "+b.Help().Desc, errGone)
			return true
		}
	}
	return false
}
