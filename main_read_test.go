package main

import (
	"path/filepath"
	"testing"
)

// TestReadCommand: `tidings read` marks articles read by id or every one a
// query matches, --unread marks them unread, a missing id is named (exit
// 1) after the others are marked, and neither ids nor --query is misuse.
func TestReadCommand(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, f := range []string{
		writeFile(t, "a.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n"),
		writeFile(t, "b.md", "---\ntitle: Ferry fares\n---\n\nFares rise.\n"),
		writeFile(t, "c.md", "---\ntitle: Council meets\n---\n\nThe council met.\n"),
	} {
		if r := run(t, lib, "import", f); r.code != 0 {
			t.Fatalf("import: exit %d, %v", r.code, r.err)
		}
	}
	count := func(q string) string { return run(t, lib, "search", "--count", q).stdout }
	if r := run(t, lib, "read", "--query", "ferry"); r.code != 0 || r.stdout != "Marked 2 articles read.\n" {
		t.Errorf("read --query ferry: exit %d, %q", r.code, r.stdout)
	}
	if got := count("is:unread"); got != "1\n" {
		t.Errorf("unread after: %q, want 1", got)
	}
	if r := run(t, lib, "read", "--unread", "1", "999"); r.code != 1 || r.stdout != "Marked 1 article unread.\n" {
		t.Errorf("read --unread 1 999: exit %d, %q", r.code, r.stdout)
	}
	if got := count("is:unread"); got != "2\n" {
		t.Errorf("unread after --unread: %q, want 2", got)
	}
	for _, args := range [][]string{{"read"}, {"read", "1", "--query", "x"}, {"read", "\x1b[31m"}} {
		if r := run(t, lib, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, r.code, exitUsage)
		}
	}
	if r := run(t, lib, "read", "one"); r.code != exitFailed {
		t.Errorf("read one: exit %d, want %d (no article \"one\")", r.code, exitFailed)
	}
}
