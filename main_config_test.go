package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigValueOfAnotherType: config.toml giving a setting a value of
// another type than it takes does not stop every command with a decoder's
// error. A number is a tag colour, one tag is a rule's list of tags, "30" is
// thirty minutes; a tag colour that is no colour at all stops only the
// reader, naming it, and tidings tags goes on with a warning.
func TestConfigValueOfAnotherType(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "taurus.md", "---\ntitle: Taurus delivery debated\ndate: 2024-03-05\n---\n\nThe Taurus missiles.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	tests := []struct {
		name, config string
		warning      string // "" for none; else the reader refuses to start, saying it
	}{
		{"a colour's number", "[tag_colors]\neu = 33\n", ""},
		{"one tag for a list", "[[rule]]\nquery = \"taurus\"\ntags = \"missiles\"\n", ""},
		{"minutes as a string", "refresh_every = \"30\"\n", ""},
		{"days", "refresh_every = \"1d\"\n", ""},
		{"a colour of another type", "theme = \"dark\"\n[tag_colors]\neu = true\n", `tag_colors.eu: "true" is not a colour`},
		{"a key of another type", "[keys]\nstar = 5\n", "keys.star: want a key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runConfig(t, tt.config, lib, "tags")
			if r.code != 0 || !strings.Contains(r.stderr, tt.warning) || tt.warning == "" && strings.Contains(r.stderr, "config") {
				t.Fatalf("tags: exit %d, %v, stderr %q; want exit 0 and a warning %q", r.code, r.err, r.stderr, tt.warning)
			}
			if tt.warning == "" {
				return
			}
			if !strings.Contains(r.stderr, "reader will not start") {
				t.Errorf("the warning does not say the reader will not start: %q", r.stderr)
			}
			r = runConfig(t, tt.config, lib)
			if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), tt.warning) {
				t.Errorf("the reader: exit %d, %v; want exit 2 naming %q", r.code, r.err, tt.warning)
			}
		})
	}
	t.Run("the rule tags", func(t *testing.T) {
		config := "[[rule]]\nquery = \"taurus\"\ntags = \"missiles\"\n"
		if r := runConfig(t, config, lib, "rule", "apply"); r.code != 0 {
			t.Fatalf("rule apply: exit %d, %v, %q", r.code, r.err, r.stderr)
		}
		if r := runConfig(t, config, lib, "search", "--count", "tag:missiles"); strings.TrimSpace(r.stdout) != "1" {
			t.Errorf("tag:missiles finds %q (exit %d, %v), want 1", r.stdout, r.code, r.err)
		}
	})
}
