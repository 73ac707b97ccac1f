package ui

import (
	"context"
	"maps"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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
	ask := &confirmation{}
	ask.setFitted(func(width int) string { return readAllQuestion(q, 0, width) }, m.width)
	ask.onYes = func(m *Model) tea.Cmd {
		m.markingRead = marking
		return m.trackLong("Marking "+marking+" read…", "marking "+marking+" read", "marking read stopped: nothing was marked",
			func(ctx context.Context) tea.Cmd { return markReadQuery(ctx, m.lib, unreadOf(q), upTo) })
	}
	m.confirm = ask
	return countReadAll(m.ctx, m.lib, ask, q, upTo)
}

// readAllQuestion is M's question about the unread articles of query q, n
// of them (0 while they are being counted, or when none is unread: y then
// says so), for a status line width cells wide: the query quoted in it is
// shortened, then left out (the header shows the filter), then the words
// are fewer, so that the verb and the y/n stay in sight.
func readAllQuestion(q string, n, width int) string {
	what := "every unread article"
	switch {
	case n == 1:
		what = "the 1 unread article"
	case n > 1:
		what = "the " + thousands(n) + " unread articles"
	case q != "":
		what = "the unread articles"
	}
	var forms []questionForm
	if q != "" {
		forms = append(forms, questionForm{[]string{oneLine(q)}, func(t []string) string {
			return "Mark " + what + " matching `" + t[0] + "` read? y/n"
		}})
		forms = append(forms, plainQuestion("Mark "+what+" listed read? y/n"))
	} else {
		forms = append(forms, plainQuestion("Mark "+what+" read? y/n"))
	}
	switch {
	case n == 1:
		forms = append(forms, plainQuestion("Mark 1 article read? y/n"))
	case n > 1:
		forms = append(forms, plainQuestion("Mark "+thousands(n)+" articles read? y/n"), plainQuestion("Mark "+thousands(n)+" read? y/n"))
	default:
		forms = append(forms, plainQuestion("Mark all read? y/n"))
	}
	return fitQuestion(width, forms...)
}

// questionForm is one way to put a question: ask writes it around the
// texts it quotes (a query, a name), as given or shortened.
type questionForm struct {
	texts []string
	ask   func(texts []string) string
}

// plainQuestion is a question that quotes nothing.
func plainQuestion(q string) questionForm {
	return questionForm{nil, func([]string) string { return q }}
}

// questionQuotedMin is the fewest cells a text quoted in a question is
// shortened to: a form that would cut it shorter gives way to the next.
const questionQuotedMin = 8

// fitQuestion is the first of forms that fits a status line width cells
// wide with the texts it quotes shortened with an ellipsis, none to fewer
// than questionQuotedMin cells (nor one of two to more than its share,
// shareRoom); the last, as it is, when none does.
func fitQuestion(width int, forms ...questionForm) string {
	avail := width - 2 // the status line's margins
	for _, f := range forms {
		empty := make([]string, len(f.texts))
		room := avail - ansi.StringWidth(f.ask(empty))
		need := 0
		for _, t := range f.texts {
			need += min(ansi.StringWidth(t), questionQuotedMin)
		}
		if room < need {
			continue
		}
		texts := slices.Clone(f.texts)
		switch len(texts) {
		case 1:
			texts[0] = ansi.Truncate(texts[0], room, "…")
		case 2:
			texts[0], texts[1] = shareRoom(texts[0], texts[1], room)
		}
		return f.ask(texts)
	}
	last := forms[len(forms)-1]
	return last.ask(last.texts)
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
		m.confirm.fit, m.confirm.question = nil, text+". y or n closes."
		m.confirm.onYes = func(m *Model) tea.Cmd {
			m.setStatus(text + ".")
			return nil
		}
		return
	}
	m.confirm.setFitted(func(width int) string { return readAllQuestion(msg.query, msg.n, width) }, m.width)
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

// trackLong is track for a write of a whole filter (M, T), which takes
// seconds in a large library, a minute or more in a million articles: the
// status line says saying at once, and again whenever no other message has
// it until the write ends (underWay), so that a key pressed meanwhile, which
// clears the line, does not leave the screen silent about the write.
func (m *Model) trackLong(saying, doing, stopped string, write func(ctx context.Context) tea.Cmd) tea.Cmd {
	cmd := m.track(doing, stopped, write)
	if cmd == nil {
		return nil
	}
	w := m.quit.writes[m.quit.last]
	w.saying = saying
	m.quit.writes[m.quit.last] = w
	m.setStatus(saying)
	return cmd
}

// underWay is what the status line says when no message has it: the long
// writes on their way, in the order started, and how far a refresh is.
func (m Model) underWay() string {
	var says []string
	for _, id := range slices.Sorted(maps.Keys(m.quit.writes)) {
		if s := m.quit.writes[id].saying; s != "" {
			says = append(says, s)
		}
	}
	if m.progress != "" {
		says = append(says, m.progress)
	}
	return strings.Join(says, " · ")
}
