package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestHelpToAFullDisk: help that cannot be written (to a full disk) fails
// as every command's output does: exit 1, saying why.
func TestHelpToAFullDisk(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	for _, args := range [][]string{{"--help"}, {"search", "--help"}, {"help"}, {"help", "search"}, {"feed", "add", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = full, &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if want := "tidings: write /dev/stdout: no space left on device\n"; code != 1 || stderr.String() != want {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), want)
			}
		})
	}
}

// TestLibraryThatIsNoFile: a library path naming a device or a named pipe
// is said to be no library, as a file that is not one is, at once (a pipe
// is not opened, which would wait for a writer), by every command and the
// reader.
func TestLibraryThatIsNoFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct{ path, want string }{
		"/dev/null":    {"/dev/null", "open /dev/null: a device, not a tidings library"},
		"a named pipe": {fifo, "open " + fifo + ": a named pipe, not a tidings library"},
	} {
		t.Run(name, func(t *testing.T) {
			for _, args := range [][]string{{"search", "--count", ""}, {"import", samplePath(t)}, {"--read-only", "tags"}} {
				ctx, cancel := context.WithTimeout(context.Background(), screenTimeout)
				defer cancel()
				cmd := exec.CommandContext(ctx, bin, append([]string{"--library", tc.path}, args...)...)
				cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				if ctx.Err() != nil {
					t.Fatalf("%v: still running after %v", args, screenTimeout)
				}
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				}
				if want := "tidings: " + tc.want + "\n"; code != 1 || stderr.String() != want {
					t.Errorf("%v: exit %d, stderr %q; want 1 and %q", args, code, stderr.String(), want)
				}
			}
			tm := startTerm(t, 100, 20, nil, bin, "--library", tc.path)
			if code := tm.wait(screenTimeout); code != 1 {
				t.Errorf("the reader exits %d", code)
			}
			if s := tm.screen(); !strings.Contains(s, tc.want) {
				t.Errorf("the reader does not say why:\n%s", s)
			}
		})
	}
}
