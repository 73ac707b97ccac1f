package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDeleteCommand: delete needs --yes where it cannot ask (exit 2,
// nothing deleted); with it, it lists what it deleted. An import of the
// file again leaves the article out and says how to bring it back, which
// import --undelete does.
func TestDeleteCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	f := writeFile(t, "news.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", f); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "delete", "1"); r.code != exitUsage || !strings.Contains(r.err.Error(), "--yes deletes without asking") {
		t.Errorf("delete without --yes, no terminal: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "search", "--count", ""); r.stdout != "1\n" {
		t.Fatalf("after delete without --yes: %q articles", r.stdout)
	}
	r := run(t, lib, "delete", "--yes", "1", "01")
	if r.code != 0 || !strings.Contains(r.stdout, "Ferry returns") || !strings.Contains(r.stdout, "Deleted 1 article;") {
		t.Errorf("delete --yes 1: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
	if r := run(t, lib, "delete", "--yes", "1"); r.code != 1 || !strings.Contains(r.err.Error(), "no article 1") {
		t.Errorf("delete --yes 1 again: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "import", f); r.code != 0 || !strings.Contains(r.stdout, "1 skipped as deleted") ||
		!strings.Contains(r.stderr, "tidings import --undelete") {
		t.Errorf("import again: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, lib, "import", "--undelete", f); r.code != 0 || !strings.HasPrefix(r.stdout, "1 added") {
		t.Errorf("import --undelete: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{{"delete"}, {"delete", "1", "--query", "x"}, {"delete", "--yes", "\x1b[31m"}} {
		if r := run(t, lib, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d (%v)", args, r.code, exitUsage, r.err)
		}
	}
	if r := run(t, lib, "--read-only", "delete", "--yes", "1"); r.code == 0 || !strings.Contains(r.err.Error(), "read-only") {
		t.Errorf("--read-only delete: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "search", "--count", ""); r.stdout != "1\n" {
		t.Errorf("after --read-only delete: %q articles", r.stdout)
	}
}
