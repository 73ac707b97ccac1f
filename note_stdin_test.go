package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// runWithStdin is run with stdin as standard input.
func runWithStdin(t *testing.T, lib, stdin string, args ...string) result {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("TIDINGS_LIBRARY", "")
	xdg.Reload()
	cl := newCommandLine(append([]string{"--library", lib}, args...))
	var stdout, stderr bytes.Buffer
	cl.root.SetOut(&stdout)
	cl.root.SetErr(&stderr)
	cl.root.SetIn(strings.NewReader(stdin))
	err := cl.run(context.Background())
	code := 0
	if err != nil {
		code = exitCode(err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code, err: err}
}

// TestNoteFromStdin: note ID - reads the note from standard input, as
// import - reads articles, its last line break (and the spaces around it)
// trimmed and the lines inside kept; a stdin that holds no words is
// refused as an empty note is (exit 2), and no note is added. A - among
// other words is a word of the note.
func TestNoteFromStdin(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	var want []string
	for _, tc := range []struct {
		name, stdin string
		args        []string
		note        string // "" when refused
	}{
		{"one line", "my note from a script\n", []string{"note", "1", "-"}, "my note from a script"},
		{"lines", "First line.\n\n- a point\n- another\n", []string{"note", "1", "-"}, "First line.\n\n- a point\n- another"},
		{"a dash among words", "ignored\n", []string{"note", "1", "a", "-", "b"}, "a - b"},
		{"empty stdin", "", []string{"note", "1", "-"}, ""},
		{"spaces only", " \n\t\n", []string{"note", "1", "-"}, ""},
	} {
		r := runWithStdin(t, lib, tc.stdin, tc.args...)
		switch {
		case tc.note == "" && (r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), "empty")):
			t.Errorf("%s: exit %d, %v; want exit 2 saying the note is empty", tc.name, r.code, r.err)
		case tc.note != "" && (r.code != 0 || r.stdout != "Added a note to article 1.\n"):
			t.Errorf("%s: exit %d, %v, %q; want the note added", tc.name, r.code, r.err, r.stdout)
		}
		if tc.note != "" {
			want = append(want, tc.note)
		}
	}
	r := run(t, lib, "export", "--format", "json")
	var rec struct {
		Annotations []struct{ Note string } `json:"annotations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rec); err != nil {
		t.Fatalf("export: %v\n%s", err, r.stdout)
	}
	var got []string
	for _, a := range rec.Annotations {
		got = append(got, a.Note)
	}
	if !sameNotes(got, want) {
		t.Errorf("notes saved %q, want %q", got, want)
	}
}

// sameNotes reports whether got and want hold the same notes, in any order.
func sameNotes(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	left := map[string]int{}
	for _, n := range want {
		left[n]++
	}
	for _, n := range got {
		if left[n] == 0 {
			return false
		}
		left[n]--
	}
	return true
}
