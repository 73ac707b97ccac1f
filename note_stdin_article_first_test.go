package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// watchedStdin is a stdin that holds a note and records whether it was
// read.
type watchedStdin struct {
	r    *strings.Reader
	read bool
}

func (w *watchedStdin) Read(p []byte) (int, error) {
	w.read = true
	return w.r.Read(p)
}

// runWatchingStdin runs tidings on the library at lib with a watched stdin
// holding note.
func runWatchingStdin(t *testing.T, lib, note string, args ...string) (result, *watchedStdin) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("TIDINGS_LIBRARY", "")
	xdg.Reload()
	in := &watchedStdin{r: strings.NewReader(note)}
	cl := newCommandLine(append([]string{"--library", lib}, args...))
	var stdout, stderr bytes.Buffer
	cl.root.SetOut(&stdout)
	cl.root.SetErr(&stderr)
	cl.root.SetIn(in)
	err := cl.run(context.Background())
	code := 0
	if err != nil {
		code = exitCode(err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code, err: err}, in
}

// TestNoteFromStdinFindsTheArticleFirst: note ID - looks for the article,
// in a library that opens, before it reads stdin, so that a note typed on a
// terminal for an article that is not there, or in a library that is not
// one, is not read to be lost: the command fails first, and what stdin
// holds is left there.
func TestNoteFromStdinFindsTheArticleFirst(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	notALibrary := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notALibrary, []byte(strings.Repeat("not a library\n", 200)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, lib string
		args      []string
		want      string // the start of the error
	}{
		{"no such id", lib, []string{"note", "999", "-"}, "no article 999"},
		{"no such external id", lib, []string{"note", "--external", "q9", "-"}, `no article "q9"`},
		{"no library yet", filepath.Join(dir, "new", "library.db"), []string{"note", "1", "-"}, "no article 1"},
		{"not a library", notALibrary, []string{"note", "1", "-"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, in := runWatchingStdin(t, tc.lib, "a note typed with care\n", tc.args...)
			if r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), tc.want) {
				t.Errorf("exit %d, %v; want exit 1, %q", r.code, r.err, tc.want)
			}
			if in.read {
				t.Errorf("stdin was read before the command failed (%v)", r.err)
			}
		})
	}
	// The article there: the note is read and added.
	r, in := runWatchingStdin(t, lib, "a note typed with care\n", "note", "1", "-")
	if r.code != 0 || !in.read || r.stdout != "Added a note to article 1.\n" {
		t.Errorf("note 1 -: exit %d, %v, %q, stdin read %v; want the note added", r.code, r.err, r.stdout, in.read)
	}
	if got := savedNotes(t, lib); len(got) != 1 || got[0] != "a note typed with care" {
		t.Errorf("notes saved %q, want the one read", got)
	}
}
