package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// touched is an empty file at a new path, as touch leaves it (0644).
func touched(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "touched.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A command that only reads treats an empty file at the library's path as
// no library: it refuses it as it refuses a missing one, naming the path,
// and leaves the file as it was, empty, in its own mode, with nothing
// beside it; --read-only says the same.
func TestEmptyFileIsNoLibraryToRead(t *testing.T) {
	for name, args := range map[string][]string{
		"search":          {"search", ""},
		"search count":    {"search", "--count", ""},
		"show":            {"show", "1"},
		"tags":            {"tags"},
		"export json":     {"export", "--format", "json"},
		"export md":       {"export", "--format", "md", "--out", "OUT"},
		"feed list":       {"feed", "list"},
		"rule list":       {"rule", "list"},
		"opml export":     {"opml", "export"},
		"read-only":       {"--read-only", "search", ""},
		"read-only tags":  {"--read-only", "tags"},
		"read-only count": {"--read-only", "search", "--count", ""},
	} {
		t.Run(name, func(t *testing.T) {
			lib := touched(t)
			out := filepath.Join(t.TempDir(), "out")
			args = append([]string(nil), args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = out
				}
			}
			r := run(t, lib, args...)
			want := "no library at " + lib + " (an empty file; import something first, or check --library)"
			if r.code != exitFailed || r.err == nil || r.err.Error() != want {
				t.Errorf("exit %d, error %v; want exit 1 and %q", r.code, r.err, want)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q", r.stdout)
			}
			if info, err := os.Stat(lib); err != nil || info.Size() != 0 || info.Mode().Perm() != 0o644 {
				t.Errorf("the file after: %v; want it empty and 0644", fileState(info, err))
			}
			entries, _ := os.ReadDir(filepath.Dir(lib))
			if len(entries) != 1 {
				t.Errorf("%d files beside it (%v), want none", len(entries)-1, entries)
			}
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s was created (%v)", out, err)
			}
		})
	}
	t.Run("an id that is no number", func(t *testing.T) {
		// Named as no article before the library is made, as when there
		// is none.
		lib := touched(t)
		if r := run(t, lib, "tag", "xyz", "+a"); r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), `no article "xyz"`) {
			t.Errorf("exit %d, %v; want exit 1, no article", r.code, r.err)
		}
		if info, err := os.Stat(lib); err != nil || info.Size() != 0 {
			t.Errorf("the file after: %v; want it empty", fileState(info, err))
		}
	})
}

// A command that writes makes an empty file at the library's path the
// library, private (0600) as a new library is, whatever mode touch gave it.
func TestEmptyFileBecomesPrivateLibrary(t *testing.T) {
	article := writeFile(t, "a.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	for name, args := range map[string][]string{
		"import":   {"import", article},
		"rule add": {"rule", "add", "ferry", "--tag", "boats"},
	} {
		t.Run(name, func(t *testing.T) {
			lib := touched(t)
			if r := run(t, lib, args...); r.code != 0 {
				t.Fatalf("exit %d, %v\n%s", r.code, r.err, r.stderr)
			}
			if info, err := os.Stat(lib); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("the library after: %v; want 0600", fileState(info, err))
			}
			if r := run(t, lib, "search", "--count", ""); r.code != 0 || strings.TrimSpace(r.stdout) == "" {
				t.Errorf("search after: exit %d, %v, %q", r.code, r.err, r.stdout)
			}
		})
	}
}

// fileState is a file's size and mode, or the error of finding them.
func fileState(info fs.FileInfo, err error) string {
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%d bytes, %v", info.Size(), info.Mode().Perm())
}
