package leftover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIs: a temporary file being written (open, locked) is no leftover,
// however old; closed, it is one when its process has ended, or when
// nothing wrote to it for the time given, but not while its process runs
// and it is fresh.
func TestIs(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(dir, ".x.", ".tmp")
	if err != nil {
		t.Fatal(err)
	}
	rest := strings.TrimPrefix(filepath.Base(f.Name()), ".x.")
	if Is(f.Name(), rest, 0) {
		t.Error("a file being written is taken for a leftover")
	}
	f.Close()
	if Is(f.Name(), rest, time.Hour) {
		t.Error("a fresh file of a running process is taken for a leftover")
	}
	if !Is(f.Name(), rest, 0) {
		t.Error("a file nothing writes to for longer than stale is not taken for a leftover")
	}
	ended := filepath.Join(dir, ".x.999999999-1.tmp")
	if err := os.WriteFile(ended, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if Running(999999999) {
		t.Skip("process 999999999 runs")
	}
	if !Is(ended, "999999999-1.tmp", time.Hour) {
		t.Error("a fresh file of an ended process is not taken for a leftover")
	}
}
