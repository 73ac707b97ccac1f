package e2e

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/creack/pty"
)

// TestReaderRefusesAPipe: the reader with its output redirected or piped,
// started from a terminal (its input, and its controlling terminal), draws
// nothing anyone sees: it refuses at once, saying what to use, with exit
// status 2, and opens nothing (the library named is not created).
func TestReaderRefusesAPipe(t *testing.T) {
	for name, args := range map[string][]string{
		"reader": nil,
		"demo":   {"--demo"},
		"query":  {"--query", "oil"},
	} {
		t.Run(name, func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			r := runFromTerminal(t, append([]string{"--library", lib}, args...)...)
			if r.code != 2 {
				t.Errorf("exit code %d, want 2", r.code)
			}
			want := "tidings: the reader needs a terminal on standard output; `tidings search` lists articles in a pipe"
			if !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", r.stderr, want)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if _, err := os.Stat(lib); err == nil {
				t.Error("the library was created")
			}
		})
	}
}

// runFromTerminal runs tidings with args as from a shell on a terminal with
// its standard output piped: standard input is the terminal, which is the
// session's controlling terminal too. A run that does not end within
// screenTimeout is killed.
func runFromTerminal(t *testing.T, args ...string) result {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go func() { _, _ = io.Copy(io.Discard, ptmx) }()
	ctx, cancel := context.WithTimeout(context.Background(), screenTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "TERM=xterm-256color")
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tidings %q still ran after %v", args, screenTimeout)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// TestReaderWithoutControllingTerminal: drawing on a terminal but with
// its input redirected and no controlling terminal to read keys from, the
// reader says so plainly, with exit status 2.
func TestReaderWithoutControllingTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	go func() { _, _ = io.Copy(io.Discard, ptmx) }()
	cmd := exec.Command(bin, "--library", lib)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir(), "TERM=xterm-256color")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = tty, &stderr                // stdin: /dev/null
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // a session without a terminal
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	want := "tidings: the reader needs a terminal to read keys from: standard input is not one, and there is no controlling terminal\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
}

// TestDumbTerminal: on a terminal whose TERM is dumb (an Emacs shell
// buffer), the reader refuses with exit status 2, naming TERM, and draws
// nothing; show prints the article as plain Markdown, as in a pipe, also
// with TERM empty, and sends the terminal no query.
func TestDumbTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))

	t.Run("reader", func(t *testing.T) {
		tm := startTerm(t, 100, 30, []string{"TERM=dumb"}, bin, "--library", lib)
		if code := tm.wait(screenTimeout); code != 2 {
			t.Errorf("exit code %d, want 2", code)
		}
		out := string(tm.rawOutput())
		if !strings.Contains(out, "TERM=dumb") || !strings.HasPrefix(out, "tidings: the reader needs a terminal that can draw a screen") {
			t.Errorf("output %q does not say why, naming TERM", out)
		}
		if strings.Contains(out, "\x1b") {
			t.Errorf("output %q has escape sequences", out)
		}
	})

	piped := mustRun(t, lib, "show", "1")
	for _, term := range []string{"dumb", ""} {
		t.Run("show, TERM="+term, func(t *testing.T) {
			tm := startTerm(t, 100, 30, []string{"TERM=" + term}, bin, "--library", lib, "show", "1")
			if code := tm.wait(screenTimeout); code != 0 {
				t.Errorf("exit code %d", code)
			}
			out := strings.ReplaceAll(string(tm.rawOutput()), "\r\n", "\n") // the terminal's newlines
			if strings.Contains(out, "\x1b") {
				t.Errorf("escape sequences (styles or queries) sent: %q", out[:min(len(out), 300)])
			}
			if out != piped {
				t.Errorf("not the Markdown printed in a pipe:\n%s\nwant:\n%s", out, piped)
			}
		})
	}
}
