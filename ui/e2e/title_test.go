package e2e

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Saving and restoring the window title (XTWINOPS, which xterm, tmux, VTE
// and kitty keep a stack for; others ignore it).
const (
	pushTitle = "\x1b[22;0t"
	popTitle  = "\x1b[23;0t"
)

// TestTitleRestored: the reader saves the terminal's window title before
// setting its own and restores it as it ends, rather than leave it blank;
// in the bytes it writes, the save comes before its first title and the
// restore after its last.
func TestTitleRestored(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`1 / 1`, screenTimeout)
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	out := tm.rawOutput()
	push, pop := bytes.Index(out, []byte(pushTitle)), bytes.LastIndex(out, []byte(popTitle))
	firstTitle, lastTitle := bytes.Index(out, []byte("\x1b]2;")), bytes.LastIndex(out, []byte("\x1b]2;"))
	switch {
	case push < 0 || pop < 0:
		t.Fatalf("the title is not saved (%q) and restored (%q)", pushTitle, popTitle)
	case firstTitle < 0:
		t.Fatal("no title set")
	case push > firstTitle:
		t.Error("the title is saved after tidings set its own")
	case pop < lastTitle:
		t.Error("the title is restored before tidings last set one (blanking it)")
	case bytes.Count(out, []byte(pushTitle)) != bytes.Count(out, []byte(popTitle)):
		t.Error("saves and restores do not pair up")
	}
}

// TestTitleRestoredInTmux: in tmux, a real terminal with a title stack,
// the pane's title is what it was before tidings ran, once tidings ends and
// while it is suspended.
func TestTitleRestoredInTmux(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("no tmux")
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	socket := filepath.Join(t.TempDir(), "tmux.sock")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-S", socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %q: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	run("new-session", "-d", "-x", "100", "-y", "30", "env", "PS1=$ ", "TERM=tmux-256color", "bash", "--norc", "--noprofile")
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", socket, "kill-server").Run() })
	title := func() string { return run("display", "-p", "#{pane_title}") }
	waitTitle := func(what string, ok func(string) bool) {
		t.Helper()
		deadline := time.Now().Add(screenTimeout)
		for !ok(title()) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s: the title is %q", what, title())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	run("send-keys", `printf '\033]2;%s\007' 'my shell'`, "Enter")
	waitTitle("the shell's title", func(s string) bool { return s == "my shell" })
	run("send-keys", bin+" --library '"+lib+"'", "Enter")
	waitTitle("tidings' title", func(s string) bool { return strings.HasPrefix(s, "tidings") })
	run("send-keys", "C-z")
	waitTitle(`the shell's title while tidings is suspended`, func(s string) bool { return s == "my shell" })
	run("send-keys", "fg", "Enter")
	waitTitle("tidings' title after fg", func(s string) bool { return strings.HasPrefix(s, "tidings") })
	run("send-keys", "q")
	waitTitle(`the shell's title, "my shell", again`, func(s string) bool { return s == "my shell" })
}
