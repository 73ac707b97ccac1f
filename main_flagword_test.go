package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDashWordIsNamedWhole: a query's -word read as a flag is named whole,
// in any script, with the command that would search for it.
func TestDashWordIsNamedWhole(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	run(t, lib, "import", writeFile(t, "a.md", "# Athens\n\nΗ Αθήνα σήμερα.\n"))
	// -harbour and -hello begin with h, --help's shorthand, which pflag
	// reads first and leaves out of the word it names.
	for _, word := range []string{"-αθηνα", "-tag:x", "-harbour", "-hello"} {
		r := run(t, lib, "search", word)
		msg := ""
		if r.err != nil {
			msg = r.err.Error()
		}
		if r.code != 2 || !strings.Contains(msg, "unknown flag "+word+" ") || !strings.Contains(msg, "-- ") {
			t.Errorf("search %s: exit %d, %q; want exit 2 naming the flag %s and the command with --", word, r.code, msg, word)
		}
	}
}
