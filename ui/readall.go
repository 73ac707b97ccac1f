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
// would act on the list before the question came); the count follows, in
// the question. What it marks is what the list had when the user last saw
// its top (listModel.upTo): not the articles a fetch brought since, above
// the screen or while the question is open, which the user never saw.
// While a marking is being written, M says so instead of starting another.
func (m *Model) startReadAll() tea.Cmd {
	if m.readOnly {
		m.setError("cannot mark read", errReadOnly)
		return nil
	}
	if m.markingRead != "" {
		m.setStatus("Still marking " + m.markingRead + " read…")
		return nil
	}
	q, upTo := m.list.query.whole(), m.list.upTo
	marking := "every unread article"
	if q != "" {
		marking = "the articles matching " + quoteQuery(q)
	}
	m.setStatus("")
	ask := &confirmation{question: readAllQuestion(q, 0)}
	ask.onYes = func(m *Model) tea.Cmd {
		// Said at once: the write takes seconds in a large library.
		m.markingRead = marking
		m.setStatus("Marking " + marking + " read…")
		return m.track("marking "+marking+" read", "marking read stopped: nothing was marked",
			func(ctx context.Context) tea.Cmd { return markReadQuery(ctx, m.lib, unreadOf(q), upTo) })
	}
	m.confirm = ask
	return countReadAll(m.ctx, m.lib, ask, q, upTo)
}

// readAllQuestion is M's question about the unread articles of query q, n
// of them; 0 while they are being counted (or none is unread: y then says
// so).
func readAllQuestion(q string, n int) string {
	what := "every unread article"
	if q != "" {
		what = "the unread articles matching " + quoteQuery(q)
	}
	switch {
	case n == 1 && q == "":
		what = "the 1 unread article"
	case n == 1:
		what = "the 1 unread article matching " + quoteQuery(q)
	case n > 1 && q == "":
		what = "the " + thousands(n) + " unread articles"
	case n > 1:
		what = "the " + thousands(n) + " unread articles matching " + quoteQuery(q)
	}
	return "Mark " + what + " read? y/n"
}

// readAllCountMsg is how many articles the question ask would mark read.
type readAllCountMsg struct {
	ask   *confirmation // the question it is for, by identity
	query string
	n     int
	// later, when n is 0, are the unread articles of the query that came
	// since the list's top was last seen (none of them is marked).
	later int
	err   error
}

// countReadAll counts the unread articles of query q up to id upTo: what
// the question ask would mark read.
func countReadAll(ctx context.Context, lib Library, ask *confirmation, q string, upTo int64) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.CountUpTo(ctx, unreadOf(q), upTo)
		later := 0
		if err == nil && n == 0 {
			later, err = lib.Count(ctx, unreadOf(q))
		}
		return readAllCountMsg{ask: ask, query: q, n: n, later: later, err: err}
	}
}

// handleReadAllCount puts the count in M's question, while it is still
// asked. Without a count (the library could not say) it stays as it was:
// the answer says how many were marked.
func (m *Model) handleReadAllCount(msg readAllCountMsg) {
	if m.confirm != msg.ask || msg.err != nil {
		return
	}
	if msg.n == 0 {
		// Nothing to mark: the question says so, and why when unread
		// articles came after what the list showed; y or n closes it.
		text := "Nothing listed is unread"
		if msg.later > 0 {
			text += "; " + thousands(msg.later) + " unread came since: g shows them"
		}
		m.confirm.question = text + ". y or n closes."
		m.confirm.onYes = func(m *Model) tea.Cmd {
			m.setStatus(text + ".")
			return nil
		}
		return
	}
	m.confirm.question = readAllQuestion(msg.query, msg.n)
}

// markReadQuery marks read the articles of query q up to id upTo.
func markReadQuery(ctx context.Context, lib Library, q string, upTo int64) tea.Cmd {
	return func() tea.Msg {
		n, err := lib.SetReadQueryUpTo(ctx, q, true, upTo)
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
