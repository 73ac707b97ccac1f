package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyListsSayHow: a listing with nothing in it leaves standard output
// empty for scripts and tells the user on standard error how to fill it.
func TestEmptyListsSayHow(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	f := writeFile(t, "a.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", f); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, tc := range []struct {
		args []string
		hint string
	}{
		{[]string{"tags"}, "tidings tag ID +name"},
		{[]string{"tags", "--json"}, "tidings tag ID +name"},
		{[]string{"feed", "list"}, "tidings feed add URL"},
		{[]string{"rule", "list"}, "tidings rule add"},
	} {
		r := run(t, lib, tc.args...)
		if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, tc.hint) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 0, nothing, a hint with %q", tc.args, r.code, r.stdout, r.stderr, tc.hint)
		}
	}
	if r := run(t, lib, "tag", "1", "+harbour"); r.code != 0 {
		t.Fatalf("tag: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "tags"); r.stdout != "harbour  1\n" || r.stderr != "" {
		t.Errorf("tags with one: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}
