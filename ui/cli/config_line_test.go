package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnknownSettingLine: a setting config.toml does not know is named
// with the line it is on, wherever it is written: at the top, in a table,
// in an array of tables, dotted, quoted.
func TestUnknownSettingLine(t *testing.T) {
	tests := []struct {
		name, toml, want string
	}{
		{"top level", "theme = \"dark\"\n\ncolour = \"red\"\n", "colour (line 3)"},
		{"in a rule", "[[rule]]\nquery = \"a\"\ntags = [\"x\"]\n\n[[rule]]\nquery = \"b\"\ntgs = [\"y\"]\n", "rule.tgs (line 7)"},
		{"in a search, quoted", "[[search]]\nname = \"n\"\n\"qury\" = \"x\"\n", "search.qury (line 3)"},
		{"dotted", "theme = \"dark\"\nsearch_defaults.limit = 3\n", "search_defaults.limit (line 2)"},
		{"a table of its own", "theme = \"dark\"\n[colours]\nstar = \"red\"\n", "colours (line 2)"},
		{"same name under another table first", "[[rule]]\nquery = \"a\"\ntags = [\"x\"]\n[[search]]\nname = \"n\"\nquery = \"q\"\ntags = [\"t\"]\n", "search.tags (line 7)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.toml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadConfig(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadConfig: %v, want it to name %q", err, tt.want)
			}
		})
	}
}
