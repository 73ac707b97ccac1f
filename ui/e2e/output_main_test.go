package e2e

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestRulesPrintCleanly: a rule's query with escape sequences and a bell is
// echoed by rule add, listed by rule list and counted by rule apply without
// them, and so are config.toml's rules; feed remove says which URL it did
// not find with them escaped.
func TestRulesPrintCleanly(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	const query = "\x1b[31mRED\x1b[0m\a\u202e zzz"
	home := writeConfig(t, "[[rule]]\nquery = \"\\u001b]0;owned\\u0007 CONFIG\"\ntags = [\"cfg\"]\n")
	for _, args := range [][]string{
		{"rule", "add", "--tag", "ctl", "--", query},
		{"rule", "list"},
		{"rule", "apply"},
		{"feed", "remove", "http://x/" + query},
	} {
		name := strings.Join(args[:2], " ")
		r := tidingsWithConfig(t, home, lib, nil, args...)
		out := r.stdout + r.stderr
		said := strings.Contains(out, "RED zzz")
		if args[1] == "remove" {
			// An address that is no feed's is named quoted, its control
			// characters escaped: "http://x/\x1b[31mRED…".
			said = strings.Contains(out, `"http://x/\x1b[31mRED\x1b[0m\a\u202e zzz"`)
		}
		if !said {
			t.Errorf("%s: does not say the query: %q", name, out)
		}
		if args[1] != "add" && args[1] != "remove" && !strings.Contains(out, "CONFIG") {
			t.Errorf("%s: does not say config.toml's rule: %q", name, out)
		}
		checkClean(t, name, out)
	}
}

// showOnSilentTerminal runs `show 1` on a pseudo-terminal that answers no
// query, as `script` or a bare pty does, and returns how long it took and
// what it wrote.
func showOnSilentTerminal(t *testing.T, lib, configHome string) (time.Duration, []byte) {
	t.Helper()
	cmd := exec.Command(bin, "--library", lib, "show", "1")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+configHome, "NO_COLOR=", "TERM=xterm-256color")
	start := time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var out bytes.Buffer
	read := make(chan struct{})
	go func() { _, _ = io.Copy(&out, ptmx); close(read) }()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("show: %v\n%s", err, out.Bytes())
	}
	took := time.Since(start)
	select {
	case <-read:
	case <-time.After(time.Second):
	}
	return took, out.Bytes()
}

// TestShowDoesNotWaitForASilentTerminal: with theme auto, show asks the
// terminal its background colour but gives up after a moment (it took four
// seconds); with a theme in config.toml it asks nothing.
func TestShowDoesNotWaitForASilentTerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	// Each theme twice, in turn, the fastest run kept: a loaded machine
	// slows a run now and then, not every run of one theme.
	fastest := map[string]time.Duration{}
	for range 2 {
		for _, tc := range []struct {
			theme string
			asks  bool
		}{{"auto", true}, {"dark", false}, {"light", false}} {
			t.Run(tc.theme, func(t *testing.T) {
				took, out := showOnSilentTerminal(t, lib, writeConfig(t, "theme = \""+tc.theme+"\"\n"))
				if d, ok := fastest[tc.theme]; !ok || took < d {
					fastest[tc.theme] = took
				}
				if !bytes.Contains(out, []byte("Luftwaffe")) {
					t.Errorf("show did not show the article:\n%q", out)
				}
				if asked := bytes.Contains(out, []byte("\x1b]11;?")); asked != tc.asks {
					t.Errorf("asked the terminal its background: %v, want %v", asked, tc.asks)
				}
			})
		}
	}
	// Asking waits 150 ms for the answer (cli.QueryTimeout); the stall
	// waited 4 s. Halfway between, in log scale, is 0.8 s: asking may add
	// that much to what show takes here when it asks nothing, in the dark
	// style that a terminal that does not answer is given.
	const asking = 800 * time.Millisecond
	if extra := fastest["auto"] - fastest["dark"]; extra > asking {
		t.Errorf("show took %v on a terminal that does not answer, %v more than without asking it", fastest["auto"], extra)
	}
}
