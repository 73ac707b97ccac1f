package cli

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestKeysTable: [keys] and the screens' tables in it are read as the
// reader takes them (a screen's action as "screen.action"); a setting that
// is not a key or a list of keys does not stop config.toml from loading, so
// that commands other than the reader go on: it is kept apart, with what
// it is in TOML's words, for the reader to refuse naming the setting.
func TestKeysTable(t *testing.T) {
	tests := []struct {
		name, toml string
		want       map[string]KeyList
		mistakes   map[string]string
	}{
		{"one key and a list", "[keys]\nstar = \"S\"\ndown = [\"j\", \"down\"]\n",
			map[string]KeyList{"star": {"S"}, "down": {"j", "down"}}, nil},
		{"a screen's table", "[keys]\nstar = \"S\"\n[keys.reader]\nstar = \"x\"\npage-down = [\"space\", \"f\"]\n",
			map[string]KeyList{"star": {"S"}, "reader.star": {"x"}, "reader.page-down": {"space", "f"}}, nil},
		{"dotted", "[keys]\nreader.star = \"x\"\n", map[string]KeyList{"reader.star": {"x"}}, nil},
		{"an integer", "[keys]\nstar = 5\n", nil, map[string]string{"star": "the integer 5"}},
		{"a list holding a number", "[keys]\nstar = [\"s\", 5]\n", nil, map[string]string{"star": "an array holding the integer 5"}},
		{"a boolean", "[keys]\nstar = false\n", nil, map[string]string{"star": "false"}},
		{"a float", "[keys]\nstar = 0.5\n", nil, map[string]string{"star": "the float 0.5"}},
		{"a date", "[keys]\nstar = 2024-03-05\n", nil, map[string]string{"star": "a date or time"}},
		{"in a screen's table", "[keys.reader]\nstar = 5\n", nil, map[string]string{"reader.star": "the integer 5"}},
		{"a table too deep", "[keys.reader.star]\nkey = \"x\"\n", nil, map[string]string{"reader.star": "a table"}},
		{"not a table", "keys = \"x\"\n", nil, map[string]string{"": "the string \"x\""}},
		{"an array of tables", "[[keys]]\nstar = \"x\"\n", nil, map[string]string{"": "an array of tables"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.toml), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := LoadConfig(path)
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			if !maps.EqualFunc(cfg.Keys.Keys, tt.want, slices.Equal) || !maps.Equal(cfg.Keys.Mistakes, tt.mistakes) {
				t.Errorf("keys %q and mistakes %q, want %q and %q", cfg.Keys.Keys, cfg.Keys.Mistakes, tt.want, tt.mistakes)
			}
		})
	}
}
