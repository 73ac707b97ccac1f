package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportEmptyFolder: importing a folder with nothing in it to read
// says so, naming the formats import reads, and exits 0: nothing failed,
// and an inbox folder a scheduled import reads is often empty.
func TestImportEmptyFolder(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	empty := t.TempDir()
	r := run(t, lib, "import", empty)
	if r.code != 0 || r.stdout != "0 added, 0 updated, 0 unchanged, 0 failed\n" ||
		!strings.Contains(r.stderr, empty+": no files to import in it; import reads articles in the sample format, Markdown") {
		t.Errorf("import of an empty folder: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
