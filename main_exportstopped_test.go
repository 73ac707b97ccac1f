package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// TestStoppedExportSaysItStopped: an export stopped part-way (ctrl+c, a
// signal) says in its summary that it stopped, as an import stopped so
// does, counting what it wrote: the Markdown files in the folder, the JSON
// lines on standard output (which ends with the last of them whole), and
// no article for a JSON file, which is written whole or not at all.
func TestStoppedExportSaysItStopped(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	var records strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&records, `{"external_id":"a%d","title":"Report %d","published":"2024-03-05T10:00:00Z","body":"%s"}`+"\n",
			i, i, strings.Repeat("The harbour report goes on. ", 40))
	}
	if r := run(t, lib, "import", writeFile(t, "many.jsonl", records.String())); r.code != 0 {
		t.Fatalf("import: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}

	t.Run("md", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "md")
		r := runStopped(t, lib, func() bool { return filesIn(dir, "*.md") > 0 }, "export", "--format", "md", "--out", dir)
		said := regexp.MustCompile(`^([\d,]+) articles? exported to ` + regexp.QuoteMeta(dir) + `, 0 notes; 0 failed, then stopped\n$`).FindStringSubmatch(r.stdout)
		if said == nil || strings.ReplaceAll(said[1], ",", "") != fmt.Sprint(filesIn(dir, "*.md")) || r.stderr != "" {
			t.Errorf("stdout %q, stderr %q; want the %d files written counted, then stopped", r.stdout, r.stderr, filesIn(dir, "*.md"))
		}
	})
	t.Run("json to stdout", func(t *testing.T) {
		r := runStopped(t, lib, nil, "export", "--format", "json")
		said := regexp.MustCompile(`^([\d,]+) articles? exported, 0 notes; 0 failed, then stopped\n$`).FindStringSubmatch(r.stderr)
		lines := strings.Count(r.stdout, "\n")
		if said == nil || strings.ReplaceAll(said[1], ",", "") != fmt.Sprint(lines) || !strings.HasSuffix(r.stdout, "}\n") {
			t.Errorf("stderr %q, %d lines on stdout ending %q; want those lines counted, then stopped, and the last whole",
				r.stderr, lines, r.stdout[max(0, len(r.stdout)-20):])
		}
	})
	t.Run("json to a file", func(t *testing.T) {
		dir := t.TempDir()
		r := runStopped(t, lib, func() bool { return filesIn(dir, "*") > 0 }, "export", "--format", "json", "--out", dir)
		file := filepath.Join(dir, "tidings-export.jsonl")
		want := "0 articles exported, 0 notes; 0 failed, then stopped: " + file + " not written\n"
		if r.stdout != want || r.stderr != "" {
			t.Errorf("stdout %q, stderr %q; want %q", r.stdout, r.stderr, want)
		}
		if _, err := os.Stat(file); err == nil {
			t.Errorf("%s written, though the export stopped", file)
		}
	})
	t.Run("json over an earlier file", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "tidings-export.jsonl")
		before := `{"external_id":"before"}` + "\n"
		if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runStopped(t, lib, func() bool { return filesIn(dir, "*") > 1 }, "export", "--format", "json", "--out", dir)
		want := "0 articles exported, 0 notes; 0 failed, then stopped: " + file + " not written (one exported before is left as it was)\n"
		if r.stdout != want || r.stderr != "" {
			t.Errorf("stdout %q, stderr %q; want %q", r.stdout, r.stderr, want)
		}
		if got, err := os.ReadFile(file); err != nil || string(got) != before {
			t.Errorf("%s holds %q (%v), want the export before as it was", file, got, err)
		}
	})
}

// runStopped runs tidings with args on lib, stopping it (as ctrl+c does:
// its context cancelled) at its first write to stdout when stopAt is nil,
// else once stopAt is true. A run that ended before it was stopped skips
// the test.
func runStopped(t *testing.T, lib string, stopAt func() bool, args ...string) result {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("TIDINGS_LIBRARY", "")
	xdg.Reload()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	cl := newCommandLine(append([]string{"--library", lib}, args...))
	var stdout, stderr bytes.Buffer
	if stopAt == nil {
		cl.root.SetOut(&stoppingWriter{w: &stdout, stop: stop})
	} else {
		cl.root.SetOut(&stdout)
		var watching sync.WaitGroup
		watching.Go(func() {
			for ctx.Err() == nil && !stopAt() {
				time.Sleep(time.Millisecond)
			}
			stop()
		})
		defer watching.Wait()
	}
	cl.root.SetErr(&stderr)
	cl.root.SetIn(strings.NewReader(""))
	err := cl.run(ctx)
	if err == nil {
		t.Skipf("the export was not stopped: it ended first\n%s", &stdout)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), err: err}
}

// stoppingWriter writes to w, and calls stop at its first write.
type stoppingWriter struct {
	w    io.Writer
	stop func()
}

func (s *stoppingWriter) Write(p []byte) (int, error) {
	s.stop()
	return s.w.Write(p)
}

// filesIn is how many files in dir match pattern.
func filesIn(dir, pattern string) int {
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	return len(files)
}
