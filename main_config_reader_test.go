package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigReaderMistakes: tag_colors that is no table, and a browser that
// is no command, stop only the reader, naming the setting and its line; the
// other commands warn and go on.
func TestConfigReaderMistakes(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, tt := range []struct{ config, want string }{
		{"theme = \"dark\"\ntag_colors = \"x\"\n", `tag_colors (line 2): want a table of tags and their colours`},
		{"tag_colors = 5\n", `tag_colors (line 1): want a table of tags and their colours`},
		{"browser = 5\n", `browser (line 1): want a command that opens a link`},
	} {
		t.Run(tt.config, func(t *testing.T) {
			r := runConfig(t, tt.config, lib, "tags")
			if r.code != 0 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "reader will not start") {
				t.Errorf("tags: exit %d, %v, stderr %q; want exit 0 and a warning %q", r.code, r.err, r.stderr, tt.want)
			}
			r = runConfig(t, tt.config, lib)
			if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
				t.Errorf("the reader: exit %d, %v; want exit 2 naming %q", r.code, r.err, tt.want)
			}
		})
	}
}
