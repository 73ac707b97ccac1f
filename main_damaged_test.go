package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedLibraryLater: a library damaged in the middle opens, and the
// command that reaches the broken pages (a search, an export) says the
// library is damaged, naming it, with what to do, once: as opening a
// damaged library says it, not SQLite's bare "malformed".
func TestDamagedLibraryLater(t *testing.T) {
	var lines strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&lines, `{"external_id":"a%d","title":"Ferry %d returns","source":"S","published":"2024-01-02T00:00:00Z","body":"The ferry %d is back, %s."}`+"\n",
			i, i, i, strings.Repeat("with its passengers and their luggage ", 1+i%9))
	}
	file := writeFile(t, "articles.jsonl", lines.String())
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	damage(t, lib)

	for name, args := range map[string][]string{
		"search":      {"search", ""},
		"export json": {"export", "--format", "json"},
	} {
		t.Run(name, func(t *testing.T) {
			var r result
			said := stderrOf(t, func() { r = run(t, lib, args...) })
			if r.err == nil {
				t.Fatalf("%s of a damaged library succeeded", name)
			}
			if r.code != exitFailed {
				t.Errorf("exit %d, want %d", r.code, exitFailed)
			}
			want := "tidings: store: " + lib + ": the library is damaged ("
			advice := "); restore it from a backup (sqlite3's .recover, in SQLite 3.41 or newer, may save some of what is left)\n"
			if !strings.HasPrefix(said, want) || !strings.HasSuffix(said, advice) || strings.Count(said, "\n") != 1 || strings.Count(said, "damaged") != 1 {
				t.Errorf("said %q, want one line %q…%q", said, want, advice)
			}
		})
	}
}

// damage writes garbage over the middle of the library's file, keeping
// its first pages (the schema) and its last.
func damage(t *testing.T, lib string) {
	t.Helper()
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(lib + side); err == nil {
			t.Fatalf("the library's %s file is there: the damage would be in the wrong place", side)
		}
	}
	f, err := os.OpenFile(lib, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", int(info.Size())/4/4))
	if _, err := f.WriteAt(garbage, info.Size()/2-int64(len(garbage))/2); err != nil {
		t.Fatal(err)
	}
}
