package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Keys typed ahead of a new list. When the list's query changes (the filter
// line kept or cleared, a tag, search or feed chosen in the # panel, esc),
// the rows of the earlier query stay on screen until the new query's first
// page comes, so that the list does not blank at every change; but they are
// not the new query's. A key typed for the list meanwhile ("#", "G", "l",
// then "s" in one burst) is meant for the new list: it is held, and given
// to the list once the new rows are in, in the order typed, as if typed
// then. So s stars the new list's first article, and nothing when the new
// list is empty, never the article the earlier query showed there.
//
// Likewise when the cursor goes to a row not loaded yet, whose page is on
// its way: G and g beyond the rows the list holds, n and p when the next
// unread article is beyond them (in the reader too, which opens it), and a
// move (j, ctrl+d, page down, and up the same way) that runs past the rows
// loaded while the list goes on: the cursor waits on the last row loaded
// and goes the rest of the way when the page comes (listModel.move). "G D"
// in one burst asks to delete the oldest article, where the cursor lands,
// not the one it left; page down held down through a slow page moves a
// page at each press, none lost at the last row loaded.

// maxHeld is how many keys are held at most; more are dropped (a key held
// down through a slow page).
const maxHeld = 256

// holdKey holds a key typed while the list's rows are an earlier query's,
// or the cursor is on its way to a row being fetched, and the key would go
// to the list (or, for n and p in the reader, to the reader), and every key
// after a held one, so that they keep their order; it reports whether msg
// was held (or taken). The status line says keys wait, as long as they do.
// Some keys are not held: ctrl+c and q quit at once, and /, when nothing
// waits before it, opens the filter line at once (a new filter replaces
// the one loading). esc lets go of what waits: the keys typed ahead, and
// n or p's looking for an unread article; and, when nothing waits before
// it, the new query itself (letsGoOfQuery).
func (m *Model) holdKey(msg tea.KeyPressMsg) bool {
	if msg.String() == "ctrl+c" {
		return false
	}
	if len(m.held) == 0 && !m.keysWait() {
		return false
	}
	switch {
	case msg.String() == "esc" && m.list.jumping == jumpUnread:
		m.stopLookingForUnread() // what was typed after n or p goes with it
		return true
	case msg.String() == "esc" && len(m.held) > 0:
		m.held = nil
		m.setStatus(droppedTypedAhead)
		return true
	case key.Matches(msg, m.list.keys.Quit, m.reader.keys.Quit):
		return false
	case len(m.held) == 0 && m.screen == screenList && key.Matches(msg, m.list.keys.Filter):
		return false
	case len(m.held) == 0 && m.letsGoOfQuery(msg):
		return false
	}
	if len(m.held) == 0 && m.status == "" {
		m.setStatus(keysWaiting)
	}
	if len(m.held) < maxHeld {
		m.held = append(m.held, msg)
	}
	return true
}

// letsGoOfQuery reports whether msg is the list's clear key (esc, and the
// back keys config.toml gives) pressed while the list waits for a new
// query's rows: it goes to the list at once, as it would in the filter
// line, so that a filter slow to answer (a phrase in a large library) is
// cleared without waiting for its rows, which are dropped when they come.
// Held, it would wait for the very query it is meant to leave.
func (m Model) letsGoOfQuery(msg tea.KeyPressMsg) bool {
	return m.list.stale() && m.listHasKeyboard() && key.Matches(msg, m.list.keys.Clear)
}

// The status line while keys typed ahead wait, and once esc let them go.
const (
	keysWaiting       = "Keys typed ahead wait for the list… (esc drops them)"
	droppedTypedAhead = "Dropped the keys typed ahead."
)

// keysWait reports whether a key typed now would act on a row other than
// the one it is meant for: the list's rows are an earlier query's, or the
// cursor is on its way to a row of a page being fetched.
func (m Model) keysWait() bool {
	switch {
	case m.list.stale() || m.list.jumping != jumpNone && m.screen == screenList:
		return m.listHasKeyboard()
	case m.list.jumping == jumpUnread && m.screen == screenReader:
		// n or p in the reader: the article found opens.
		return m.mode() == modeNormal && !m.showHelp && !m.quit.waiting
	}
	return false
}

// keysCanGo reports whether the keys held can be given now: the list shows
// its query's rows, and the cursor is where it was sent.
func (m Model) keysCanGo() bool {
	return !m.list.stale() && m.list.jumping == jumpNone
}

// listHasKeyboard reports whether a key would reach the list: no line
// typed in, no box or question over it, no help page.
func (m Model) listHasKeyboard() bool {
	return m.screen == screenList && m.mode() == modeNormal && !m.showHelp && !m.quit.waiting
}

// replayHeld gives the held keys to the model, once the rows are the
// query's and the cursor is where it was sent, after cmd (what the message
// that brought them asked for). A held key that changes the query again,
// or sends the cursor to a row not loaded, holds the keys after it anew.
func (m Model) replayHeld(cmd tea.Cmd) (Model, tea.Cmd) {
	keys := m.held
	m.held = nil
	if m.status == keysWaiting {
		m.setStatus("")
	}
	cmds := []tea.Cmd{cmd}
	for i, k := range keys {
		next, c := m.Update(k)
		m = next.(Model)
		cmds = append(cmds, c)
		if len(m.held) > 0 {
			m.held = append(m.held, keys[i+1:]...)
			break
		}
	}
	return m, tea.Batch(cmds...)
}
