package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/creack/pty"
)

// TestDeleteSaysWhichIsNoTerminal: delete without --yes, standard input a
// terminal and standard error not (delete 5 2>err), says it is standard
// error where it would ask, and deletes nothing.
func TestDeleteSaysWhichIsNoTerminal(t *testing.T) {
	lib := importThree(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	cl := newCommandLine([]string{"--library", lib, "delete", "1"})
	var stdout, stderr bytes.Buffer
	cl.root.SetOut(&stdout)
	cl.root.SetErr(&stderr)
	cl.root.SetIn(tty)
	err = cl.run(context.Background())
	want := "delete asks before it deletes, on standard error, which is no terminal: --yes deletes without asking"
	if exitCode(err) != exitUsage || err == nil || err.Error() != want {
		t.Errorf("delete 1 2>err: exit %d, %v; want %s", exitCode(err), err, want)
	}
	if r := run(t, lib, "search", "--count", ""); r.stdout != "3\n" {
		t.Errorf("%q articles after, want 3", r.stdout)
	}
}
