package ui

import (
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
// unread article is beyond them (in the reader too, which opens it). "G D"
// in one burst asks to delete the oldest article, where the cursor lands,
// not the one it left. Moves within the rows loaded (j, ctrl+d, page down)
// stop at the last row loaded and wait for nothing: the row they show is
// the one the next key acts on.

// maxHeld is how many keys are held at most; more are dropped (a key held
// down through a slow page).
const maxHeld = 256

// holdKey holds a key typed while the list's rows are an earlier query's,
// or the cursor is on its way to a row being fetched, and the key would go
// to the list (or, for n and p in the reader, to the reader), and every key
// after a held one, so that they keep their order; it reports whether msg
// was held. ctrl+c is never held: it always quits (or asks) at once.
func (m *Model) holdKey(msg tea.KeyPressMsg) bool {
	if msg.String() == "ctrl+c" {
		return false
	}
	if msg.String() == "esc" && m.list.jumping == jumpUnread && m.keysWait() {
		m.stopLookingForUnread() // what was typed after n or p goes with it
		return true
	}
	if len(m.held) == 0 && !m.keysWait() {
		return false
	}
	if len(m.held) < maxHeld {
		m.held = append(m.held, msg)
	}
	return true
}

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
