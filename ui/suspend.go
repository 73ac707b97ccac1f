package ui

import (
	"errors"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"
)

// Suspending: the suspend key (ctrl+z) hands the terminal back to the
// shell, as in vim and newsboat, and fg brings the reader back, redrawn, in
// the state it was left in (a note being written included). A stop sent
// from outside (kill -TSTP, a job control's stop) does the same, rather
// than stop tidings with the terminal still in its hands.

// suspendKey is the suspend binding of what has the keyboard: the tags
// panel's, the links panel's, the annotation browser's, a passage
// selection's, the reader's, the welcome screen's, else the list's. While
// a line or a note is typed in, only its keys that type nothing suspend:
// ctrl+z does, a suspend bound to z types a z.
func (m Model) suspendKey() key.Binding {
	b := m.list.keys.Suspend
	switch {
	case m.panel.open:
		b = m.panel.keys.Suspend
	case m.links.open:
		b = m.links.keys.Suspend
	case m.screen == screenBrowser:
		b = m.browser.keys.Suspend
	case m.screen == screenReader && m.reader.sel != nil:
		b = m.reader.selKeys.Suspend
	case m.screen == screenReader:
		b = m.reader.keys.Suspend
	case m.welcoming():
		b = m.welcome.keys.Suspend
	}
	if m.mode() != modeNormal && m.mode() != modePanel && m.mode() != modeLinks {
		b = inLine(b, b.Help().Desc)
	}
	return b
}

// suspend is the suspend key's command: Bubble Tea's, which gives the
// terminal back and stops the process until fg. Where nothing could bring
// tidings back (no shell with job control started it) it stays, saying
// why.
func (m *Model) suspend() tea.Cmd {
	if err := canSuspend(); err != nil {
		m.setError("cannot suspend", err)
		return nil
	}
	return tea.Suspend
}

// canSuspend says why a stop would not hand the terminal to a shell, or
// nil when it would; a variable for tests.
var canSuspend = jobControl

var (
	errStopIgnored = errors.New("stop signals are ignored here")
	errNoShell     = errors.New("no shell with job control started tidings, to come back to with fg")
)

// jobControl reports whether SIGTSTP stops this process for a shell to
// bring back: not when the signal is ignored (it would not stop), nor when
// tidings leads its session's process group, as it does started by a
// terminal or a multiplexer as its command, without a shell: that group
// is orphaned, and the kernel discards stop signals sent to it, which
// would leave tidings waiting for a continue that never comes.
func jobControl() error {
	if signal.Ignored(syscall.SIGTSTP) {
		return errStopIgnored
	}
	if sid, err := unix.Getsid(0); err == nil && sid == unix.Getpgrp() {
		return errNoShell
	}
	return nil
}

// stopCatcher turns a SIGTSTP sent from outside into a suspend of the
// program, so that the terminal is given back as ctrl+z gives it back, and
// taken again at fg.
//
// Once caught, SIGTSTP no longer stops the process: Go keeps its handler
// for good. So the SIGTSTP that Bubble Tea's suspend sends the process
// group, once the terminal is given back, is caught here too, and answered
// with SIGSTOP, which stops the process whatever it catches. (A shell may
// report the job as stopped by a signal rather than by the terminal.) The
// program's filter says when a suspend is under way.
type stopCatcher struct {
	caught chan os.Signal
	done   chan struct{}
	state  atomic.Int32
}

// A stopCatcher's states.
const (
	running    = iota
	asked      // a stop from outside was passed on as a suspend
	suspending // Bubble Tea is giving the terminal back, then stops
	stopped    // stopped, or continued and not yet back
)

// catchStops starts catching SIGTSTP; nil when stops would not suspend
// tidings anyway (canSuspend), and are left as they are.
func catchStops() *stopCatcher {
	if canSuspend() != nil {
		return nil
	}
	c := &stopCatcher{caught: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(c.caught, syscall.SIGTSTP)
	return c
}

// filter is the program's message filter (tea.WithFilter): it sees a
// suspend just before Bubble Tea gives the terminal back, and the resume
// once it has taken it again.
func (c *stopCatcher) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.SuspendMsg:
		c.state.Store(suspending)
	case tea.ResumeMsg:
		c.state.Store(running)
	}
	return msg
}

// forward passes the stops caught to p as suspends, and stops the process
// when the suspend has given the terminal back, until stop.
func (c *stopCatcher) forward(p *tea.Program) {
	for {
		select {
		case <-c.caught:
			switch {
			case c.state.CompareAndSwap(running, asked):
				p.Send(tea.SuspendMsg{})
			case c.state.CompareAndSwap(suspending, stopped):
				// The terminal is the shell's: with the title it had
				// (kept on the stack for the end), not Bubble Tea's blank.
				writeTitleOp(restoreTitle + saveTitle)
				_ = unix.Kill(os.Getpid(), unix.SIGSTOP)
			}
			// Else a stop repeated, or one that arrived while stopped: the
			// suspend under way answers it.
		case <-c.done:
			return
		}
	}
}

// stop stops catching: from then on a SIGTSTP does nothing, which leaves
// the terminal to be restored as the program ends.
func (c *stopCatcher) stop() {
	signal.Stop(c.caught)
	close(c.done)
}
