package main

import (
	"bytes"
	"context"
	"encoding/json"
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
	walk(newRoot(nil))
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
	return runConfig(t, "", lib, args...)
}

// runConfig is run with config as config.toml.
func runConfig(t *testing.T, config, lib string, args ...string) result {
	t.Helper()
	home := t.TempDir()
	if config != "" {
		if err := os.MkdirAll(filepath.Join(home, "tidings"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(home, "tidings", "config.toml"), []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("TIDINGS_LIBRARY", "")
	xdg.Reload()
	cl := newCommandLine(append([]string{"--library", lib}, args...))
	var stdout, stderr bytes.Buffer
	cl.root.SetOut(&stdout)
	cl.root.SetErr(&stderr)
	cl.root.SetIn(strings.NewReader(""))
	err := cl.run(context.Background())
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

// retitle gives an article the reader's title, which a re-import keeps;
// --read-only refuses it, and so does an empty title.
func TestRetitle(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	title := func() string {
		t.Helper()
		r := run(t, lib, "search", "--json", "ferry")
		var rec struct {
			Title    string
			Retitled bool
		}
		if err := json.Unmarshal([]byte(r.stdout), &rec); r.code != 0 || err != nil {
			t.Fatalf("search: exit %d, %v, %v", r.code, r.err, err)
		}
		if rec.Retitled != (rec.Title != "Ferry returns") {
			t.Errorf("title %q, retitled %v", rec.Title, rec.Retitled)
		}
		return rec.Title
	}
	if got := title(); got != "Ferry returns" {
		t.Fatalf("title before: %q", got)
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		title string // the article's title after
	}{
		{"words joined", []string{"retitle", "1", "Island", "ferry:", "back"}, 0, "Island ferry: back"},
		{"one argument", []string{"retitle", "1", "The ferry is back"}, 0, "The ferry is back"},
		{"control characters cleaned", []string{"retitle", "1", "Ferry \x1b[31mback\x07"}, 0, "Ferry back"},
		{"read-only", []string{"--read-only", "retitle", "1", "Not this"}, exitUsage, "Ferry back"},
		{"empty title", []string{"retitle", "1", ""}, exitUsage, "Ferry back"},
		{"blank title", []string{"retitle", "1", " ", "\t"}, exitUsage, "Ferry back"},
		{"no title", []string{"retitle", "1"}, exitUsage, "Ferry back"},
		{"no id at all", []string{"retitle", "\x1b[31m", "Title"}, exitUsage, "Ferry back"},
		{"no such external id", []string{"retitle", "one", "Title"}, exitFailed, "Ferry back"},
		{"no such article", []string{"retitle", "99", "Title"}, exitFailed, "Ferry back"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := run(t, lib, tt.args...); r.code != tt.code {
				t.Errorf("exit %d (%v), want %d", r.code, r.err, tt.code)
			}
			if got := title(); got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
		})
	}
	t.Run("kept on re-import", func(t *testing.T) {
		if r := run(t, lib, "import", file); r.code != 0 {
			t.Fatalf("import: exit %d, %v", r.code, r.err)
		}
		if got := title(); got != "Ferry back" {
			t.Errorf("title after re-import %q", got)
		}
	})
}

// TestEmptyNotesAndTagsAreRefused: a note or a tag with nothing in it is a
// usage error that changes nothing, not a blank note that makes the article
// is:annotated.
func TestEmptyNotesAndTagsAreRefused(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, args := range [][]string{
		{"note", "1", ""}, {"note", "1", "   ", "\t"}, {"note", "1", "\x1b[2J"},
		{"tag", "1", "+ "}, {"tag", "1", "- "}, {"tag", "1", "+\u200d"}, {"tag", "1", "+#"}, {"note", "1", "\u200d"},
	} {
		if r := run(t, lib, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, %v; want %d", args, r.code, r.err, exitUsage)
		}
	}
	for q, want := range map[string]string{"is:annotated": "0\n", "is:untagged": "1\n"} {
		if r := run(t, lib, "search", "--count", q); r.stdout != want {
			t.Errorf("search --count %s: %q, want %q", q, r.stdout, want)
		}
	}
}
