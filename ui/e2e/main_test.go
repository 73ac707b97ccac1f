// Package e2e tests the tidings binary as its users run it: the command
// line with real files, and the TUI in a pseudo-terminal with a VT emulator.
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// bin is the tidings binary built for this test run.
var bin string

// repoRoot is the module's root folder.
var repoRoot string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Join(filepath.Dir(file), "..", "..")
	dir, err := os.MkdirTemp("", "tidings-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if prebuilt := os.Getenv("TIDINGS_BIN"); prebuilt != "" {
		// Measure or test a binary built elsewhere (another commit, say).
		bin = prebuilt
		return m.Run()
	}
	bin = filepath.Join(dir, "tidings")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what one run of the command line gave.
type result struct {
	stdout, stderr string
	code           int
}

// tidings runs the binary on library lib with args, stdin optional.
func tidings(t testing.TB, lib string, stdin []byte, args ...string) result {
	t.Helper()
	return tidingsWithConfig(t, t.TempDir(), lib, stdin, args...)
}

// tidingsWithConfig runs the binary with $XDG_CONFIG_HOME set to configHome.
func tidingsWithConfig(t testing.TB, configHome, lib string, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--library", lib}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+configHome, "NO_COLOR=")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run tidings %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// mustRun runs tidings and fails the test unless it exits 0.
func mustRun(t testing.TB, lib string, args ...string) string {
	t.Helper()
	r := tidings(t, lib, nil, args...)
	if r.code != 0 {
		t.Fatalf("tidings %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// samplePath is the real sample article kept in testdata.
func samplePath(t testing.TB) string {
	t.Helper()
	p := filepath.Join(repoRoot, "testdata", "samples", "menafn-luftwaffe-leak.txt")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("sample article: %v", err)
	}
	return p
}
