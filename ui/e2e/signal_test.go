package e2e

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReaderStoppedBySignal: the reader ended by a signal exits as the
// commands do, and as a shell reports a program a signal ended: 128 plus
// the signal's number, saying "interrupted", with the terminal restored.
func TestReaderStoppedBySignal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", samplePath(t))
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
			tm.waitFor(`1 / 1`, screenTimeout)
			if err := tm.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code, want := tm.wait(screenTimeout), 128+int(sig); code != want {
				t.Errorf("exit code %d, want %d", code, want)
			}
			if err := tm.restored(); err != nil {
				t.Errorf("terminal not restored: %v", err)
			}
			if out := string(tm.rawOutput()); !strings.Contains(out, "tidings: interrupted") {
				t.Errorf("no word of the interruption after the screen: %q", out[max(len(out)-300, 0):])
			}
		})
	}
}
