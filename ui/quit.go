package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// Quitting while writes are on their way. Marking a whole filter read (M)
// or tagging it (T) takes seconds in a large library, and a write may wait
// for another tidings writing; the user asked for it, so quitting does not
// throw it away. q (or ctrl+c) keeps the reader on screen, saying what is
// being finished, and quits once it is written. ctrl+c then stops it: each
// write is one transaction, so nothing of it is written, and tidings says
// so as it exits, with an error that wraps ErrInterrupted.

// ErrInterrupted is what Run's error wraps when ctrl+c stopped writes the
// reader was finishing before it quit; the error says what was stopped.
var ErrInterrupted = errors.New("interrupted")

// quitState is what quitting waits for and what it found.
type quitState struct {
	writes map[int]pendingWrite // by the id writtenMsg carries
	last   int                  // the last write's id
	// waiting is set when quitting was asked for while writes were on their
	// way: the reader quits once they are done.
	waiting bool
	// stopping is set when ctrl+c stopped the writes being waited for.
	stopping bool
	// stopped says what each write stopped left undone; failed, why each
	// write that failed while quitting failed.
	stopped, failed []string
	// err is what Run returns once the program has ended.
	err error
}

// pendingWrite is a write the reader started and has not heard back from.
type pendingWrite struct {
	doing   string // "marking every unread article read"
	stopped string // what stopping it leaves: "marking read stopped: nothing was marked"
	// saying is what the status line says while it is written, when no
	// message has the line: set for the writes of a whole filter (M, T),
	// which take a while in a large library (trackLong).
	saying string
	cancel context.CancelFunc
}

// writtenMsg is the result of a write quitting waits for: msg, the write's
// own message, and whether the write failed after ctrl+c stopped it.
type writtenMsg struct {
	id      int
	msg     tea.Msg
	stopped bool
}

// track runs the write that write returns under a context of its own, which
// ctrl+c cancels while quitting waits for it. doing says what it does, for
// the status line; stopped, what stopping it leaves undone.
func (m *Model) track(doing, stopped string, write func(ctx context.Context) tea.Cmd) tea.Cmd {
	ctx, cancel := context.WithCancel(m.ctx)
	cmd := write(ctx)
	if cmd == nil {
		cancel()
		return nil
	}
	if m.quit.writes == nil {
		m.quit.writes = map[int]pendingWrite{}
	}
	m.quit.last++
	id := m.quit.last
	m.quit.writes[id] = pendingWrite{doing: doing, stopped: stopped, cancel: cancel}
	return func() tea.Msg {
		msg := cmd()
		stopped := ctx.Err() != nil && writeErr(msg) != nil
		cancel()
		return writtenMsg{id: id, msg: msg, stopped: stopped}
	}
}

// writeErr is the error a write's message carries.
func writeErr(msg tea.Msg) error {
	switch msg := msg.(type) {
	case readAllMsg:
		return msg.err
	case queryTaggedMsg:
		return msg.err
	case tagsAppliedMsg:
		return msg.err
	case flagsSetMsg:
		return msg.err
	case articlesDeletedMsg:
		return msg.err
	}
	return nil
}

// handleWritten takes a tracked write off the list, hands its message to
// its owner, and quits when quitting waited for it.
func (m Model) handleWritten(msg writtenMsg) (Model, tea.Cmd) {
	w, ok := m.quit.writes[msg.id]
	delete(m.quit.writes, msg.id)
	if err := writeErr(msg.msg); ok && err != nil {
		switch {
		case msg.stopped:
			m.quit.stopped = append(m.quit.stopped, w.stopped)
		case m.quit.waiting:
			if errors.Is(err, store.ErrBusy) {
				err = store.ErrBusy
			}
			m.quit.failed = append(m.quit.failed, w.doing+" failed: "+err.Error())
		}
	}
	m, cmd := m.handleResult(msg.msg)
	if m.quit.waiting && len(m.quit.writes) == 0 {
		return m, m.quitNow()
	}
	return m, cmd
}

// quitWhenDone quits: at once when nothing is being written, else once it
// is, with the reader on screen saying what it finishes meanwhile.
func (m *Model) quitWhenDone() tea.Cmd {
	if len(m.quit.writes) == 0 {
		return m.quitNow()
	}
	m.quit.waiting = true
	m.showHelp = false
	m.status, m.statusErr = m.quitLine(), false
	return nil
}

// quitNow quits, keeping for Run what went wrong with the writes quitting
// waited for.
func (m *Model) quitNow() tea.Cmd {
	waited := m.quit.waiting
	m.quit.waiting = false
	if lines := append(slices.Clip(m.quit.stopped), m.quit.failed...); len(lines) > 0 {
		m.quit.err = quitError{lines: lines, interrupted: len(m.quit.stopped) > 0}
		m.setError("Quitting", m.quit.err)
	} else if waited {
		// Everything waited for is written: the last screen no longer
		// says it is being finished.
		m.status, m.statusErr = "", false
	}
	return tea.Quit
}

// stopWrites cancels the writes quitting waits for: ctrl+c while it waits.
func (m *Model) stopWrites() {
	m.quit.stopping = true
	for _, w := range m.quit.writes {
		w.cancel()
	}
	m.status, m.statusErr = m.quitLine(), false
}

// whileQuitting handles input while quitting waits for writes: ctrl+c
// stops them, anything else waits with the rest. It reports whether msg
// was input.
func (m *Model) whileQuitting(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" && !m.quit.stopping {
			m.stopWrites()
		}
	case tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg:
	default:
		return false
	}
	return true
}

// quitLine is the status line while quitting waits: what is being
// finished, the oldest write first, and how to stop it.
func (m Model) quitLine() string {
	oldest := 0
	for id := range m.quit.writes {
		if oldest == 0 || id < oldest {
			oldest = id
		}
	}
	doing := m.quit.writes[oldest].doing
	if n := len(m.quit.writes) - 1; n == 1 {
		doing += " and 1 more write"
	} else if n > 1 {
		doing += " and " + thousands(n) + " more writes"
	}
	if m.quit.stopping {
		return "Stopping: " + doing + "…"
	}
	it := "it"
	if len(m.quit.writes) > 1 {
		it = "them"
	}
	return "Finishing: " + doing + "… (ctrl+c stops " + it + ")"
}

// quitKeys is the footer while quitting waits: ctrl+c is the one key that
// does anything, until it has.
type quitKeys struct{ Stop key.Binding }

func newQuitKeys(stopping bool) quitKeys {
	stop := key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "stop writing and quit"))
	stop.SetEnabled(!stopping)
	return quitKeys{Stop: stop}
}

// ShortHelp is the footer's help.
func (k quitKeys) ShortHelp() []key.Binding { return []key.Binding{k.Stop} }

// FullHelp is the help overlay's.
func (k quitKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Stop}} }

// quitError is Run's error when writes quitting waited for were stopped or
// failed: what each left undone, one to a line.
type quitError struct {
	lines       []string
	interrupted bool // ctrl+c stopped some
}

func (e quitError) Error() string { return strings.Join(e.lines, "; ") }

func (e quitError) Is(target error) bool { return e.interrupted && target == ErrInterrupted }
