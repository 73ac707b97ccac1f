package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// term runs the tidings binary on a pseudo-terminal and keeps what it shows
// in a VT emulator, as a user's terminal would.
type term struct {
	tb   testing.TB
	ptmx *os.File
	cmd  *exec.Cmd

	mu      sync.Mutex
	emu     *vt.Emulator
	raw     bytes.Buffer // every byte the program wrote
	changed chan struct{}
	modes   map[ansi.Mode]bool
	alt     bool
	cursor  bool // visible
	// shown is the screen as text when the emulator had read written
	// bytes; callers poll the screen often, and rendering it for each poll
	// would take the processor from the program being measured.
	shown   string
	written int

	readDone chan struct{}
	exited   chan struct{}
	state    *os.ProcessState
}

// startTerm starts bin with args on a cols x rows terminal. env adds to a
// clean environment (HOME, PATH, TERM).
func startTerm(tb testing.TB, cols, rows int, env []string, bin string, args ...string) *term {
	tb.Helper()
	t := &term{
		tb:       tb,
		emu:      vt.NewEmulator(cols, rows),
		changed:  make(chan struct{}, 1),
		modes:    map[ansi.Mode]bool{},
		cursor:   true,
		readDone: make(chan struct{}),
		exited:   make(chan struct{}),
	}
	t.emu.SetCallbacks(vt.Callbacks{
		AltScreen:        func(on bool) { t.alt = on },
		CursorVisibility: func(v bool) { t.cursor = v },
		EnableMode:       func(m ansi.Mode) { t.modes[m] = true },
		DisableMode:      func(m ansi.Mode) { t.modes[m] = false },
	})
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{
		"HOME=" + tb.TempDir(),
		"PATH=" + os.Getenv("PATH"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"XDG_CONFIG_HOME=" + tb.TempDir(),
		"XDG_DATA_HOME=" + tb.TempDir(),
	}, env...)
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		tb.Fatalf("start %s: %v", bin, err)
	}
	t.ptmx, t.cmd = ptmx, cmd
	go t.readLoop()
	go t.replyLoop()
	go func() {
		_ = cmd.Wait()
		t.mu.Lock()
		t.state = cmd.ProcessState
		t.mu.Unlock()
		close(t.exited)
	}()
	tb.Cleanup(t.kill)
	return t
}

// readLoop feeds the program's output into the emulator.
func (t *term) readLoop() {
	defer close(t.readDone)
	buf := make([]byte, 64<<10)
	for {
		n, err := t.ptmx.Read(buf)
		if n > 0 {
			t.mu.Lock()
			t.raw.Write(buf[:n])
			_, _ = t.emu.Write(buf[:n])
			t.mu.Unlock()
			select {
			case t.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// replyLoop passes the emulator's answers to terminal queries (background
// colour, cursor position, device attributes) back to the program.
func (t *term) replyLoop() {
	_, _ = io.Copy(t.ptmx, t.emu)
}

func (t *term) kill() {
	select {
	case <-t.exited:
	default:
		_ = t.cmd.Process.Kill()
		<-t.exited
	}
	// The emulator is not closed: replyLoop may be reading it, and Close
	// is not safe against that. Closing the pty ends replyLoop at its next
	// write; a replyLoop still waiting for a reply ends with the test binary.
	_ = t.ptmx.Close()
}

// screen is the emulator's screen as text, trailing spaces trimmed.
func (t *term) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.screenLocked()
}

func (t *term) screenLocked() string {
	if t.written == t.raw.Len() && t.written > 0 {
		return t.shown
	}
	t.written = t.raw.Len()
	lines := strings.Split(ansi.Strip(t.emu.String()), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	t.shown = strings.Join(lines, "\n")
	return t.shown
}

// waitFor waits until the screen matches the regular expression (multi-line
// mode) and returns the screen.
func (t *term) waitFor(pattern string, timeout time.Duration) string {
	t.tb.Helper()
	re := regexp.MustCompile("(?m)" + pattern)
	deadline := time.After(timeout)
	for {
		s := t.screen()
		if re.MatchString(s) {
			return s
		}
		select {
		case <-t.changed:
		case <-time.After(20 * time.Millisecond):
		case <-t.exited:
			if s := t.screen(); re.MatchString(s) {
				return s
			}
			t.tb.Fatalf("program exited while waiting for %q; screen:\n%s", pattern, t.screen())
		case <-deadline:
			t.tb.Fatalf("timed out after %v waiting for %q; screen:\n%s", timeout, pattern, t.screen())
		}
	}
}

// waitUntil waits until ok holds for the screen, and returns the screen.
func (t *term) waitUntil(what string, ok func(screen string) bool, timeout time.Duration) string {
	t.tb.Helper()
	deadline := time.After(timeout)
	for {
		s := t.screen()
		if ok(s) {
			return s
		}
		select {
		case <-t.changed:
		case <-time.After(5 * time.Millisecond):
		case <-t.exited:
			t.tb.Fatalf("program exited while waiting for %s; screen:\n%s", what, t.screen())
		case <-deadline:
			t.tb.Fatalf("timed out after %v waiting for %s; screen:\n%s", timeout, what, s)
		}
	}
}

// waitGone waits until the screen no longer matches pattern.
func (t *term) waitGone(pattern string, timeout time.Duration) string {
	t.tb.Helper()
	re := regexp.MustCompile("(?m)" + pattern)
	deadline := time.After(timeout)
	for {
		s := t.screen()
		if !re.MatchString(s) {
			return s
		}
		select {
		case <-t.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			t.tb.Fatalf("timed out after %v waiting for %q to go; screen:\n%s", timeout, pattern, s)
		}
	}
}

// Keys as a terminal sends them.
const (
	keyEnter = "\r"
	keyEsc   = "\x1b"
	keyDown  = "\x1b[B"
	keyUp    = "\x1b[A"
	keyPgDn  = "\x1b[6~"
	keyCtrlD = "\x04"
	keyCtrlC = "\x03"
)

// send types keys.
func (t *term) send(keys string) {
	t.tb.Helper()
	if _, err := t.ptmx.Write([]byte(keys)); err != nil {
		t.tb.Fatalf("send %q: %v", keys, err)
	}
}

// resize changes the terminal's size, as a user dragging the window does.
func (t *term) resize(cols, rows int) {
	t.tb.Helper()
	t.mu.Lock()
	t.emu.Resize(cols, rows)
	t.written = -1 // the screen is drawn anew
	t.mu.Unlock()
	if err := pty.Setsize(t.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.tb.Fatalf("resize: %v", err)
	}
}

// wait waits for the program to exit and returns its exit code.
func (t *term) wait(timeout time.Duration) int {
	t.tb.Helper()
	select {
	case <-t.exited:
	case <-time.After(timeout):
		t.tb.Fatalf("program did not exit within %v; screen:\n%s", timeout, t.screen())
	}
	select { // let the last output reach the emulator
	case <-t.readDone:
	case <-time.After(time.Second):
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if ws, ok := t.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1
	}
	return t.state.ExitCode()
}

// restored reports what, if anything, the program left changed in the
// terminal after it exited: the alternate screen, a hidden cursor, mouse
// reporting or bracketed paste.
func (t *term) restored() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var bad []string
	if t.alt {
		bad = append(bad, "still on the alternate screen")
	}
	if !t.cursor {
		bad = append(bad, "cursor hidden")
	}
	for _, m := range []ansi.Mode{ansi.ModeMouseNormal, ansi.ModeMouseButtonEvent, ansi.ModeMouseAnyEvent, ansi.ModeMouseExtSgr} {
		if t.modes[m] {
			bad = append(bad, fmt.Sprintf("mouse mode %v still on", m))
		}
	}
	if len(bad) > 0 {
		return errors.New(strings.Join(bad, ", "))
	}
	return nil
}

// rawOutput is every byte the program has written so far.
func (t *term) rawOutput() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.raw.Bytes())
}

// cell is the cell at column x, row y of the screen.
func (t *term) cell(x, y int) uv.Cell {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c := t.emu.CellAt(x, y); c != nil {
		return *c
	}
	return uv.Cell{}
}

// find returns the column and row where text first appears on the screen.
func (t *term) find(text string) (x, y int, ok bool) {
	for y, line := range strings.Split(t.screen(), "\n") {
		if i := strings.Index(line, text); i >= 0 {
			return ansi.StringWidth(line[:i]), y, true
		}
	}
	return 0, 0, false
}
