//go:build unix

package feeds

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWalkerPassesOverPipes: a named pipe in a folder is not read (reading
// it would wait for a writer), and the walk says so; one named as the root
// is read.
func TestWalkerPassesOverPipes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"in/a.txt": "A"})
	if err := syscall.Mkfifo(filepath.Join(dir, "in", "pipe"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("pipe", filepath.Join(dir, "in", "to-pipe")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	got := walkAll(t, dir, "in", "in/pipe")
	const over = " SKIP passed over: a named pipe, not a file (name it alone to read it)"
	want := []string{"in/a.txt", "in/pipe" + over, "in/to-pipe" + over, "in/pipe"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("walked %q, want %q", got, want)
	}
}
