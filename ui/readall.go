package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// M marks read every unread article the list shows (all of them without a
// filter): newsboat's catching up, after a yes.

// readAllCountMsg is how many of the listed articles are unread.
type readAllCountMsg struct {
	query string // the list's query when counted
	n     int
	err   error
}

// readAllMsg is what marking them read did.
type readAllMsg struct {
	n   int
	err error
}

// unreadOf is the query of the unread articles of query q.
func unreadOf(q string) string {
	if q == "" {
		return "is:unread"
	}
	return "is:unread (" + q + ")"
}

// startReadAll counts the unread articles listed; the question follows.
func (m *Model) startReadAll() tea.Cmd {
	if m.readOnly {
		m.setError("cannot mark read", errReadOnly)
		return nil
	}
	q, lib, ctx := m.list.query.whole(), m.lib, m.ctx
	m.setStatus("Counting the unread articles…")
	return func() tea.Msg {
		n, err := lib.Count(ctx, unreadOf(q))
		return readAllCountMsg{query: q, n: n, err: err}
	}
}

// handleReadAllCount asks whether to mark that many read, unless the list
// changed meanwhile.
func (m *Model) handleReadAllCount(msg readAllCountMsg) {
	if msg.query != m.list.query.whole() || m.mode() != modeNormal {
		return
	}
	switch {
	case msg.err != nil:
		m.setError("counting the unread articles", msg.err)
	case msg.n == 0:
		m.setStatus("Nothing listed is unread.")
	default:
		m.setStatus("")
		what := fmt.Sprintf("the %s unread articles", thousands(msg.n))
		if msg.n == 1 {
			what = "the 1 unread article"
		}
		if msg.query != "" {
			what += " matching " + quoteQuery(msg.query)
		}
		q := msg.query
		m.confirm = &confirmation{
			question: "Mark " + what + " read? y/n",
			onYes: func(m *Model) tea.Cmd {
				return markReadQuery(m.ctx, m.lib, unreadOf(q))
			},
		}
	}
}

func markReadQuery(ctx context.Context, lib Library, q string) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.SetReadQuery(ctx, q, true)
		return readAllMsg{n: n, err: err}
	}
}

// handleReadAll says what was marked and reloads the list.
func (m *Model) handleReadAll(msg readAllMsg) tea.Cmd {
	if msg.err != nil {
		m.setError("Not marked read", msg.err)
		return nil
	}
	if msg.n == 1 {
		m.setStatus("Marked 1 article read.")
	} else {
		m.setStatus("Marked " + thousands(msg.n) + " articles read.")
	}
	return tea.Batch(m.list.reload(), m.list.countCmd())
}
