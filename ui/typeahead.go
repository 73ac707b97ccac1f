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

// maxHeld is how many keys are held at most; more are dropped (a key held
// down through a slow page).
const maxHeld = 256

// holdKey holds a key typed while the list's rows are an earlier query's
// and the key would go to the list, and every key after a held one, so that
// they keep their order; it reports whether msg was held. ctrl+c is never
// held: it always quits (or asks) at once.
func (m *Model) holdKey(msg tea.KeyPressMsg) bool {
	if msg.String() == "ctrl+c" {
		return false
	}
	if len(m.held) == 0 && !(m.list.stale() && m.listHasKeyboard()) {
		return false
	}
	if len(m.held) < maxHeld {
		m.held = append(m.held, msg)
	}
	return true
}

// listHasKeyboard reports whether a key would reach the list: no line
// typed in, no box or question over it, no help page.
func (m Model) listHasKeyboard() bool {
	return m.screen == screenList && m.mode() == modeNormal && !m.showHelp && !m.quit.waiting
}

// replayHeld gives the held keys to the model, once the rows are the
// query's, after cmd (what the message that brought them asked for). A
// held key that changes the query again holds the keys after it anew.
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
