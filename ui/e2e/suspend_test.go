//go:build linux

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestSuspendAndResume: ctrl+z, and a SIGTSTP sent from outside, give the
// terminal back to the shell (main screen, cursor shown, no mouse
// reporting) and stop tidings; fg brings it back in raw mode, redrawn, with
// the note being written still there, to be saved.
func TestSuspendAndResume(t *testing.T) {
	for _, how := range []string{"ctrl+z", "SIGTSTP"} {
		t.Run(how, func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			mustRun(t, lib, "import", samplePath(t))
			tm := startShell(t)
			tm.send(bin + " --library '" + lib + "'\r")
			tm.waitFor(`1 / 1`, screenTimeout)
			pid := tm.child(t)
			tm.send("a")
			tm.waitFor(`Note on`, screenTimeout)
			tm.send("Half a thought")
			tm.waitFor(`Half a thought`, screenTimeout)

			if how == "ctrl+z" {
				tm.send("\x1a")
			} else if err := syscall.Kill(pid, syscall.SIGTSTP); err != nil {
				t.Fatal(err)
			}
			tm.waitFor(`Stopped`, screenTimeout)
			if state := procState(t, pid); state != "T" {
				t.Errorf("tidings is in state %q after %s, want T (stopped)", state, how)
			}
			if err := tm.restored(); err != nil {
				t.Errorf("the shell got the terminal back as tidings left it: %v", err)
			}

			tm.send("fg\r")
			tm.waitUntil("tidings back", func(s string) bool {
				return tm.onAltScreen() && strings.Contains(s, "Half a thought")
			}, screenTimeout)
			if !tm.rawMode(t) {
				t.Error("after fg the terminal is not in raw mode")
			}
			tm.send(" and the rest")
			tm.waitFor(`Half a thought and the rest`, screenTimeout)
			tm.send("\x13") // ctrl+s saves the note
			tm.waitGone(`Note on`, screenTimeout)
			tm.send("q")
			tm.waitUntil("the shell's prompt", func(string) bool { return !tm.onAltScreen() }, screenTimeout)
			if err := tm.restored(); err != nil {
				t.Errorf("after quitting: %v", err)
			}
			out := mustRun(t, lib, "search", "is:annotated", "--json")
			if !strings.Contains(out, `"annotations":1`) {
				t.Errorf("the note written around the suspend is not in the library: %q", out)
			}
		})
	}
}

// TestSuspendWithoutShell: started with no shell to come back to (as a
// terminal's own command), tidings is not suspended by ctrl+z, and says
// why, nor stopped by SIGTSTP: either would leave the terminal to no one.
func TestSuspendWithoutShell(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	tm := startTerm(t, 120, 30, nil, bin, "--library", lib)
	tm.waitFor(`1 / 1`, screenTimeout)
	tm.send("\x1a")
	tm.waitFor(`cannot suspend: no shell`, screenTimeout)
	if err := syscall.Kill(tm.cmd.Process.Pid, syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if state := procState(t, tm.cmd.Process.Pid); state == "T" {
		t.Fatal("SIGTSTP stopped tidings, with no one to continue it")
	}
	tm.send("?")
	tm.waitFor(`Keys`, screenTimeout)
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// startShell starts an interactive bash, with job control, on a
// pseudo-terminal, and waits for its prompt.
func startShell(t *testing.T) *term {
	t.Helper()
	if _, err := os.Stat("/bin/bash"); err != nil {
		t.Skip("no bash for job control")
	}
	tm := startTerm(t, 120, 30, []string{"PS1=$ ", "HISTFILE=/dev/null"}, "/bin/bash", "--norc", "--noprofile", "-i")
	tm.waitFor(`^\$`, screenTimeout)
	return tm
}

// child is the process the shell on tm runs in the foreground.
func (t *term) child(tb testing.TB) int {
	tb.Helper()
	shell := t.cmd.Process.Pid
	b, err := os.ReadFile("/proc/" + strconv.Itoa(shell) + "/task/" + strconv.Itoa(shell) + "/children")
	if err != nil {
		tb.Fatal(err)
	}
	f := strings.Fields(string(b))
	if len(f) != 1 {
		tb.Fatalf("the shell runs %q, want one process", f)
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		tb.Fatal(err)
	}
	return pid
}

// procState is the state letter of process pid (R, S, T...).
func procState(tb testing.TB, pid int) string {
	tb.Helper()
	deadline := time.Now().Add(time.Second)
	for {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			tb.Fatal(err)
		}
		// pid (comm) state ...: comm may hold spaces and parentheses.
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if fields[0] == "T" || time.Now().After(deadline) {
			return fields[0]
		}
		time.Sleep(10 * time.Millisecond) // a stop may still be on its way
	}
}

// onAltScreen reports whether the terminal shows the alternate screen.
func (t *term) onAltScreen() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.alt
}

// rawMode reports whether the terminal is in raw mode: no line editing, no
// echo, and ctrl+c and ctrl+z read as keys rather than turned into signals.
func (t *term) rawMode(tb testing.TB) bool {
	tb.Helper()
	conn, err := t.ptmx.SyscallConn()
	if err != nil {
		tb.Fatal(err)
	}
	var tio *unix.Termios
	var ioErr error
	if err := conn.Control(func(fd uintptr) { tio, ioErr = unix.IoctlGetTermios(int(fd), unix.TCGETS) }); err != nil {
		tb.Fatal(err)
	}
	if ioErr != nil {
		tb.Fatal(ioErr)
	}
	return tio.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) == 0
}
