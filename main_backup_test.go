package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupCommand: tidings backup FILE writes a library that holds what
// the library holds, tags included, says so, and --read-only takes one
// too; the library itself is refused as FILE.
func TestBackupCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\ntags: [harbour]\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, args := range [][]string{{"backup"}, {"--read-only", "backup"}} {
		dest := filepath.Join(t.TempDir(), "copy.db")
		r := run(t, lib, append(args, dest)...)
		if r.code != 0 || !strings.Contains(r.stdout, "Backed up 1 article to "+dest) {
			t.Fatalf("%v: exit %d, %v, %q", args, r.code, r.err, r.stdout)
		}
		if r := run(t, dest, "search", "--count", "tag:harbour ferry"); r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
			t.Errorf("%v: the copy finds %q (exit %d, %v), want 1", args, r.stdout, r.code, r.err)
		}
	}
	// A name with escape sequences is shown with them written out.
	odd := filepath.Join(t.TempDir(), "new\nline\x1b[31m.db")
	if r := run(t, lib, "backup", odd); r.code != 0 || !strings.Contains(r.stdout, `line\x1b[31m.db".`) {
		t.Errorf("backup to %q: exit %d, %v, %q", odd, r.code, r.err, r.stdout)
	}
	if r := run(t, lib, "backup", lib); r.code == 0 || r.err == nil || !strings.Contains(r.err.Error(), "the library itself") {
		t.Errorf("backup over the library: exit %d, %v", r.code, r.err)
	}
}
