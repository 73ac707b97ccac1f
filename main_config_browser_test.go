package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigBrowserBackgroundWarned: a browser ending in & (newsboat's
// "firefox %u &") is read without it, and every command says so on its
// error output, naming the setting and its line, and goes on.
func TestConfigBrowserBackgroundWarned(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	r := runConfig(t, "browser = \"firefox %u &\"\n", lib, "tags")
	want := `tidings: warning: config `
	said := `: browser (line 1): "firefox %u &": the & at its end is left out: tidings starts the browser in the background itself`
	if r.code != 0 || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, said) || strings.Contains(r.stderr, "reader will not start") {
		t.Errorf("tags: exit %d, %v, stderr %q; want exit 0 and the warning %q", r.code, r.err, r.stderr, said)
	}
}
