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

// runEnv runs tidings with args, with env set (a value of "" unsets the
// variable), no --library added, and no config.toml.
func runEnv(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	for _, name := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TIDINGS_LIBRARY"} {
		t.Setenv(name, "") // restored after the test
		if v := env[name]; v != "" {
			os.Setenv(name, v)
		} else {
			os.Unsetenv(name)
		}
	}
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	cl := newCommandLine(args)
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

// TestNoHomeNoConfig: without a home folder, and without
// $XDG_CONFIG_HOME, no config.toml is read, where one below / (or below
// the current folder, for a relative $HOME) was; the defaults serve.
func TestNoHomeNoConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"tidings/config.toml", "home/.config/tidings/config.toml"} {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("not = [toml"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	lib := filepath.Join(dir, "lib.db")
	for _, home := range []string{"", "home"} {
		r := runEnv(t, map[string]string{"HOME": home}, "--library", lib, "search", "--count", "")
		if r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), "no library at "+lib) {
			t.Errorf("HOME=%q: exit %d, %v; want no config read, and no library", home, r.code, r.err)
		}
	}
}

// TestNoHome: without a home folder ($HOME unset, empty or not absolute,
// as under some service managers and env -i), and without a library named
// otherwise, tidings says so and what to do (exit 2), where it put the
// library below / (/.local/share/tidings/library.db), and import, run as
// root, made one there. (Only commands that read are tried: a command
// that writes would make a library below / were it broken again.) --library, $TIDINGS_LIBRARY or an absolute
// $XDG_DATA_HOME serve without a home, and no config.toml is read from
// below /.
func TestNoHome(t *testing.T) {
	file := writeFile(t, "a.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	want := ": give --library or set TIDINGS_LIBRARY (or XDG_DATA_HOME)"
	for name, tc := range map[string]struct {
		home, dataHome string
		args           []string
		says           string
	}{
		"unset":                 {args: []string{"search", "--count", ""}, says: "HOME is not set" + want},
		"unset, show":           {args: []string{"show", "1"}, says: "HOME is not set" + want},
		"relative":              {home: "home", args: []string{"search", "--count", ""}, says: `HOME is not an absolute path ("home")` + want},
		"XDG_DATA_HOME not abs": {dataHome: "data", args: []string{"tags"}, says: `XDG_DATA_HOME is not an absolute path ("data"), and HOME is not set` + want},
		"both relative":         {home: "home", dataHome: "data", args: []string{"tags"}, says: `XDG_DATA_HOME is not an absolute path ("data"), and HOME is not an absolute path ("home")` + want},
	} {
		t.Run(name, func(t *testing.T) {
			r := runEnv(t, map[string]string{"HOME": tc.home, "XDG_DATA_HOME": tc.dataHome}, tc.args...)
			if r.code != exitUsage || r.err == nil || r.err.Error() != tc.says {
				t.Errorf("exit %d, %v; want exit %d and %q", r.code, r.err, exitUsage, tc.says)
			}
			for _, p := range []string{"/.local/share/tidings", "data", "home"} {
				if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s is there (%v)", p, err)
				}
			}
		})
	}

	t.Run("named otherwise", func(t *testing.T) {
		dir := t.TempDir()
		for name, env := range map[string]map[string]string{
			"--library":       {},
			"TIDINGS_LIBRARY": {"TIDINGS_LIBRARY": filepath.Join(dir, "env.db")},
			"XDG_DATA_HOME":   {"XDG_DATA_HOME": filepath.Join(dir, "data")},
		} {
			args := []string{"import", file}
			if name == "--library" {
				args = append(args, "--library", filepath.Join(dir, "flag.db"))
			}
			if r := runEnv(t, env, args...); r.code != 0 {
				t.Errorf("%s: exit %d, %v", name, r.code, r.err)
			}
		}
		for _, p := range []string{"flag.db", "env.db", "data/tidings/library.db"} {
			if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
				t.Errorf("no library at %s: %v", p, err)
			}
		}
	})
}
