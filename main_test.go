package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"
)

// Every command --read-only refuses exists, so the list cannot name a
// command that was renamed and let its new name write.
func TestWritingCommandsExist(t *testing.T) {
	have := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		have[strings.TrimPrefix(c.CommandPath(), "tidings ")] = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRoot())
	for name := range writingCommands {
		if !have[name] {
			t.Errorf("writingCommands names %q, which is no command", name)
		}
	}
}

// result is what one run of the command line did.
type result struct {
	stdout, stderr string
	code           int
	err            error
}

// run runs tidings with args on the library lib, with no config.toml and
// no $TIDINGS_LIBRARY.
func run(t *testing.T, lib string, args ...string) result {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("TIDINGS_LIBRARY", "")
	xdg.Reload()
	root := newRoot()
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(append([]string{"--library", lib}, args...))
	err := root.ExecuteContext(context.Background())
	code := 0
	if err != nil {
		code = exitCode(err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code, err: err}
}

// writeFile writes a file in a new temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A command that only reads refuses a library that is not there, and
// creates nothing; one that writes creates it.
func TestMissingLibrary(t *testing.T) {
	for name, args := range map[string][]string{
		"search":       {"search", "oil"},
		"search count": {"search", "--count", ""},
		"tags":         {"tags"},
		"show":         {"show", "1"},
		"export json":  {"export", "--format", "json"},
		"export md":    {"export", "--format", "md", "--out", "OUT"},
		"feed list":    {"feed", "list"},
		"rule list":    {"rule", "list"},
		"opml export":  {"opml", "export"},
		"read-only":    {"--read-only", "tags"},
	} {
		t.Run(name, func(t *testing.T) {
			top := filepath.Join(t.TempDir(), "typo")
			lib := filepath.Join(top, "dir", "lib.db")
			out := filepath.Join(t.TempDir(), "out")
			for i, a := range args {
				if a == "OUT" {
					args[i] = out
				}
			}
			r := run(t, lib, args...)
			want := "no library at " + lib + " (import something first, or check --library)"
			if r.code != exitFailed || r.err == nil || r.err.Error() != want {
				t.Errorf("exit %d, error %v; want exit 1 and %q", r.code, r.err, want)
			}
			for _, p := range []string{top, out} {
				if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s was created (%v)", p, err)
				}
			}
		})
	}
	t.Run("import creates it", func(t *testing.T) {
		lib := filepath.Join(t.TempDir(), "new", "lib.db")
		file := writeFile(t, "a.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
		if r := run(t, lib, "import", file); r.code != 0 {
			t.Fatalf("import: exit %d, %v\n%s", r.code, r.err, r.stdout)
		}
		if r := run(t, lib, "search", "--count", "ferry"); r.code != 0 || strings.TrimSpace(r.stdout) != "1" {
			t.Errorf("search after import: exit %d, %v, %q", r.code, r.err, r.stdout)
		}
	})
}
