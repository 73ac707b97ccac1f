package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// problemFile is the file a "failed:" or "warning:" line names: a quoted
// name unquoted, else the text up to the colon.
func problemFile(t *testing.T, line string) string {
	t.Helper()
	_, rest, _ := strings.Cut(line, ": ")
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		name, _ := strconv.Unquote(q)
		return name
	}
	name, _, _ := strings.Cut(rest, ": ")
	if i := strings.LastIndex(name, ":"); i >= 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i] // a line number
		}
	}
	return name
}

// TestImportNamesFilesAsTheyAre: a file whose name holds an escape
// sequence, a newline, a bidi override or invalid UTF-8 is named in the
// summary so that the user can find it: quoted, what cannot be seen
// written as Go writes it in a string; plain names stay as they are.
func TestImportNamesFilesAsTheyAre(t *testing.T) {
	dir := t.TempDir()
	names := []string{"empty\x1b[31mred.txt", "empty\nfile.txt", "bidi\u202edm.txt", "bad-utf8-\xff-name.txt", "plain name.txt"}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Skipf("a file named %q: %v", name, err)
		}
	}
	dup := " date 2024-03-05 (AP) One.\n\nAP05032024000000000001ID0000000001\n"
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a\u202edup.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, "sub", name), []byte(dup), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := tidings(t, filepath.Join(t.TempDir(), "library.db"), nil, "import", dir)
	out := r.stdout + r.stderr
	checkClean(t, "import", out)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s", r.code, out)
	}
	named := map[string]bool{}
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "failed: ") {
			named[problemFile(t, line)] = true
		}
	}
	for _, name := range names {
		if !named[filepath.Join(dir, name)] {
			t.Errorf("no failure names %q:\n%s", filepath.Join(dir, name), out)
		}
	}
	for name := range named {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("a failure names %q, which is no file:\n%s", name, out)
		}
	}
	if want := "failed: " + filepath.Join(dir, "plain name.txt") + ": empty file\n"; !strings.Contains(r.stderr, want) {
		t.Errorf("a plain name is not named as it is: want %q in\n%s", want, out)
	}
	if want := " is also at " + strconv.Quote(filepath.Join(dir, "sub", "a\u202edup.txt")) + ":1:"; !strings.Contains(out, want) {
		t.Errorf("the warning about an id read twice does not name the first file: want %q in\n%s", want, out)
	}
}

// TestImportProblemsOnStderr: the counts are the one line on stdout;
// failures and warnings go to stderr, so that they show on the terminal
// when stdout goes to a file, and stay plain there.
func TestImportProblemsOnStderr(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"good.txt":  " date 2024-03-05 (AP) One.\n\nAP05032024000000000001ID0000000001\n",
		"empty.txt": "",
		"bad.md":    "# Two\n\nCaf\xe9.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := tidings(t, filepath.Join(t.TempDir(), "library.db"), nil, "import", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if want := "2 added, 0 updated, 0 unchanged, 1 failed\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	want := "failed: " + filepath.Join(dir, "empty.txt") + ": empty file\n" +
		"warning: " + filepath.Join(dir, "bad.md") + ":1: not UTF-8: read as Windows-1252 (Latin-1)\n"
	if r.stderr != want {
		t.Errorf("stderr\n%s\nwant\n%s", r.stderr, want)
	}
}
