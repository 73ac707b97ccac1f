package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
)

// M marks read every unread article the list shows (all of them without a
// filter): newsboat's catching up, after a yes.

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

// startReadAll asks at once whether to mark read the unread articles the
// list shows (it does not count them first: keys pressed while it counted
// would act on the list before the question came). While a marking is
// being written, M says so instead of starting another.
func (m *Model) startReadAll() tea.Cmd {
	if m.readOnly {
		m.setError("cannot mark read", errReadOnly)
		return nil
	}
	if m.markingRead != "" {
		m.setStatus("Still marking " + m.markingRead + " read…")
		return nil
	}
	q := m.list.query.whole()
	what, marking := "every unread article", "every unread article"
	if q != "" {
		what = "the unread articles matching " + quoteQuery(q)
		marking = "the articles matching " + quoteQuery(q)
	}
	m.setStatus("")
	m.confirm = &confirmation{
		question: "Mark " + what + " read? y/n",
		onYes: func(m *Model) tea.Cmd {
			// Said at once: the write takes seconds in a large library.
			m.markingRead = marking
			m.setStatus("Marking " + marking + " read…")
			return m.track("marking "+marking+" read", "marking read stopped: nothing was marked",
				func(ctx context.Context) tea.Cmd { return markReadQuery(ctx, m.lib, unreadOf(q)) })
		},
	}
	return nil
}

func markReadQuery(ctx context.Context, lib Library, q string) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.SetReadQuery(ctx, q, true)
		return readAllMsg{n: n, err: err}
	}
}

// handleReadAll says what was marked and reloads the list.
func (m *Model) handleReadAll(msg readAllMsg) tea.Cmd {
	m.markingRead = ""
	if msg.err != nil {
		m.setError("Not marked read", msg.err)
		return nil
	}
	switch msg.n {
	case 0:
		m.setStatus("Nothing listed was unread.")
	case 1:
		m.setStatus("Marked 1 article read.")
	default:
		m.setStatus("Marked " + thousands(msg.n) + " articles read.")
	}
	return tea.Batch(m.list.reload(), m.list.countCmd())
}
