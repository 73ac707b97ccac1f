package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportFollowsLinks: a folder named by a symbolic link is read; links
// in it are followed; a link that cannot be (dangling, a loop) is named as
// a failure and the import exits 1. Warnings name their files and are not
// given again for articles an import finds unchanged.
func TestImportFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	write("real/a.txt", " date 2024-03-05 (AP) One.\n\nAP05032024000000000001ID0000000001\n")
	write("out/b.md", "# Two\n\nCaf\xe9 in Z\xfcrich.\n")
	link("real", "link")
	link("../out", "real/out")
	lib := filepath.Join(t.TempDir(), "library.db")

	r := tidings(t, lib, nil, "import", filepath.Join(dir, "link"))
	if r.code != 0 || !strings.Contains(r.stdout, "2 added") {
		t.Errorf("import of a linked folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if want := filepath.Join(dir, "link", "out", "b.md") + ":1: not UTF-8: read as Windows-1252 (Latin-1)"; !strings.Contains(r.stderr, want) {
		t.Errorf("want the warning %q on stderr:\n%s", want, r.stderr)
	}

	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	link("nowhere", "real/gone.txt")
	link("..", "real/up")
	r = tidings(t, lib, nil, "import", filepath.Join(dir, "link"))
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if want := "0 added, 0 updated, 2 unchanged, 2 failed"; !strings.Contains(r.stdout, want) {
		t.Errorf("want %q in the summary:\n%s", want, r.stdout)
	}
	for _, want := range []string{
		filepath.Join(dir, "link", "gone.txt") + `: dangling symbolic link: "nowhere" does not exist`,
		filepath.Join(dir, "link", "up") + `: symbolic link to ".." loops back to ` + realDir,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("want %q on stderr:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stdout+r.stderr, "warning") {
		t.Errorf("warned again about unchanged articles:\n%s%s", r.stdout, r.stderr)
	}
}
