package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportKeptFilesFail: a Markdown export that keeps a file rather than
// write over it (edited since, or not known for its own) says how many in
// its summary and exits 1, where it said "0 failed" and exited 0, a
// nightly export going stale unnoticed.
func TestExportKeptFilesFail(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(" date 2024-03-05 (AP) A small article.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v\n%s", r.code, r.err, r.stdout)
	}
	out := filepath.Join(dir, "md")
	if r := run(t, lib, "export", "--format", "md", "--out", out); r.code != 0 {
		t.Fatalf("export: exit %d, %v\n%s%s", r.code, r.err, r.stdout, r.stderr)
	}
	names, err := filepath.Glob(filepath.Join(out, "*.md"))
	if err != nil || len(names) != 1 {
		t.Fatalf("exported %q, %v", names, err)
	}
	// Notes written in Obsidian, and an article tagged since.
	f, err := os.OpenFile(names[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nMy own words.\n")
	f.Close()
	if r := run(t, lib, "tag", "1", "+later"); r.code != 0 {
		t.Fatalf("tag: exit %d, %v", r.code, r.err)
	}

	r := run(t, lib, "export", "--format", "md", "--out", out)
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	if want := "1 file kept as it was (delete it to export it again); 0 failed"; !strings.Contains(r.stdout, want) {
		t.Errorf("summary %q; want it to say %q", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "kept: "+names[0]+": edited since it was exported") {
		t.Errorf("stderr %q; want the file named", r.stderr)
	}
}
