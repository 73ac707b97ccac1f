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
)

// TestEmptyLibraryFlagIsMisuse: --library "" (a script's --library "$LIB"
// with LIB unset) is bad usage, said before anything is read or written:
// the default library, which it does not name, is neither created nor
// changed. An empty $TIDINGS_LIBRARY is unset, as environment variables
// conventionally are: the default library serves.
func TestEmptyLibraryFlagIsMisuse(t *testing.T) {
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	for name, args := range map[string][]string{
		"import":              {"import", file},
		"search":              {"search", "--count", ""},
		"tag":                 {"tag", "1", "+x"},
		"tag, after the tags": {"tag", "1", "+x", "--library", ""},
		"delete":              {"delete", "--yes", "--query", ""},
		"fetch":               {"fetch"},
		"backup":              {"backup", filepath.Join(t.TempDir(), "copy.db")},
		"equals":              {"--library=", "tags"},
	} {
		t.Run(name, func(t *testing.T) {
			home := t.TempDir()
			if args[0] != "--library=" && !strings.HasPrefix(name, "tag, after") {
				args = append([]string{"--library", ""}, args...)
			}
			r := runEnv(t, map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data")}, args...)
			if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), "--library is empty") {
				t.Errorf("exit %d, %v; want exit 2 saying --library is empty", r.code, r.err)
			}
			if _, err := os.Stat(filepath.Join(home, "data")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the default library's folder was made (%v)", err)
			}
		})
	}

	t.Run("empty TIDINGS_LIBRARY", func(t *testing.T) {
		home := t.TempDir()
		for name, v := range map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "data"), "XDG_CONFIG_HOME": home, "TIDINGS_LIBRARY": ""} {
			t.Setenv(name, v)
		}
		xdg.Reload()
		t.Cleanup(xdg.Reload)
		cl := newCommandLine([]string{"import", file})
		var stdout, stderr bytes.Buffer
		cl.root.SetOut(&stdout)
		cl.root.SetErr(&stderr)
		if err := cl.run(context.Background()); err != nil {
			t.Fatalf("import with TIDINGS_LIBRARY empty: %v", err)
		}
		if _, err := os.Stat(filepath.Join(home, "data", "tidings", "library.db")); err != nil {
			t.Errorf("the default library was not used: %v", err)
		}
	})
}

// TestEmptyOutIsMisuse: export --out "" is bad usage, whatever the format,
// as md's has been: a JSON export does not go to stdout instead of the
// folder the script meant to name. Without --out a JSON export is written
// to stdout, as before.
func TestEmptyOutIsMisuse(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, format := range []string{"json", "md"} {
		r := run(t, lib, "export", "--format", format, "--out", "")
		if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), "--out is empty") || r.stdout != "" {
			t.Errorf("export --format %s --out '': exit %d, %v, stdout %d bytes; want exit 2 saying --out is empty, and nothing on stdout", format, r.code, r.err, len(r.stdout))
		}
	}
	if r := run(t, lib, "export", "--format", "json"); r.code != 0 || !strings.Contains(r.stdout, "Ferry returns") {
		t.Errorf("export --format json without --out: exit %d, %v, stdout %q", r.code, r.err, r.stdout)
	}
}
