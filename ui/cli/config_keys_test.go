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
// that commands other than the reader go on: it is kept, marked, with what
// it is in TOML's words, for the reader to refuse naming the setting.
func TestKeysTable(t *testing.T) {
	tests := []struct {
		name, toml string
		want       KeyTable
	}{
		{"one key and a list", "[keys]\nstar = \"S\"\ndown = [\"j\", \"down\"]\n",
			KeyTable{"star": {"S"}, "down": {"j", "down"}}},
		{"a screen's table", "[keys]\nstar = \"S\"\n[keys.reader]\nstar = \"x\"\npage-down = [\"space\", \"f\"]\n",
			KeyTable{"star": {"S"}, "reader.star": {"x"}, "reader.page-down": {"space", "f"}}},
		{"dotted", "[keys]\nreader.star = \"x\"\n", KeyTable{"reader.star": {"x"}}},
		{"an integer", "[keys]\nstar = 5\n", KeyTable{"star": {notKeysMark + "the integer 5"}}},
		{"a list holding a number", "[keys]\nstar = [\"s\", 5]\n", KeyTable{"star": {notKeysMark + "an array holding the integer 5"}}},
		{"a boolean", "[keys]\nstar = false\n", KeyTable{"star": {notKeysMark + "false"}}},
		{"a float", "[keys]\nstar = 0.5\n", KeyTable{"star": {notKeysMark + "the float 0.5"}}},
		{"a date", "[keys]\nstar = 2024-03-05\n", KeyTable{"star": {notKeysMark + "a date or time"}}},
		{"in a screen's table", "[keys.reader]\nstar = 5\n", KeyTable{"reader.star": {notKeysMark + "the integer 5"}}},
		{"a table too deep", "[keys.reader.star]\nkey = \"x\"\n", KeyTable{"reader.star": {notKeysMark + "a table"}}},
		{"not a table", "keys = \"x\"\n", KeyTable{"": {notKeysMark + "the string \"x\""}}},
		{"an array of tables", "[[keys]]\nstar = \"x\"\n", KeyTable{"": {notKeysMark + "an array of tables"}}},
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
			if !maps.EqualFunc(cfg.Keys, tt.want, slices.Equal) {
				t.Errorf("keys %q, want %q", cfg.Keys, tt.want)
			}
		})
	}
}
