package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// runToFailingStdout runs tidings with args on lib, its stdout failing
// every write (as on a full disk): the exit status and stderr.
func runToFailingStdout(t *testing.T, lib string, args ...string) (int, error, string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("TIDINGS_LIBRARY", "")
	cl := newCommandLine(append([]string{"--library", lib}, args...))
	var stderr bytes.Buffer
	cl.root.SetOut(failingWriter{})
	cl.root.SetErr(&stderr)
	cl.root.SetIn(strings.NewReader(""))
	err := cl.run(context.Background())
	code := 0
	if err != nil {
		code = exitCode(err)
	}
	return code, err, stderr.String()
}

// TestReportLostSaysTheChangeWasMade: a command that changed the library
// or wrote files, whose report cannot be written, exits 1 saying that the
// change was made, every one alike; a command that only reads, or one
// asked for its help, fails for the write as before.
func TestReportLostSaysTheChangeWasMade(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	const said = "tidings: the change was made, but its report could not be written: no space left on device\n"
	for _, tc := range []struct {
		args  []string
		check []string // a search that finds the change
		want  string
	}{
		{[]string{"import", file}, []string{"search", "--count", ""}, "1\n"},
		{[]string{"tag", "1", "+kept"}, []string{"search", "--count", "tag:kept"}, "1\n"},
		{[]string{"note", "1", "a", "note"}, []string{"search", "--count", "is:annotated"}, "1\n"},
		{[]string{"read", "--query", ""}, []string{"search", "--count", "is:read"}, "1\n"},
		{[]string{"export", "--format", "json", "--out", t.TempDir()}, nil, ""},
		{[]string{"delete", "--yes", "1"}, []string{"search", "--count", ""}, "0\n"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, err, stderr := runToFailingStdout(t, lib, tc.args...)
			if code != exitFailed || stderr != said {
				t.Errorf("exit %d (%v), stderr %q; want exit 1 and %q", code, err, stderr, said)
			}
			if tc.check != nil {
				if r := run(t, lib, tc.check...); r.stdout != tc.want {
					t.Errorf("the change is not there: %v gives %q, want %q", tc.check, r.stdout, tc.want)
				}
			}
		})
	}
	for _, args := range [][]string{{"search", "--count", ""}, {"tag", "--help"}, {"feed", "add", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, err, stderr := runToFailingStdout(t, lib, args...)
			if code != exitFailed || !errors.Is(err, errFull) || stderr != "" {
				t.Errorf("exit %d (%v), stderr %q; want exit 1 for the write, and nothing said of a change", code, err, stderr)
			}
		})
	}
}
