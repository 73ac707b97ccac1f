package ui

import (
	"strings"
	"testing"
)

// TestKeyOfTheWrongTypeExample: a key setting of the wrong type shows, as
// its example, the action's own shipped keys on the screen it names (on
// every screen that has it, for a setting of [keys]), so that following the
// example clashes with no other action.
func TestKeyOfTheWrongTypeExample(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"open-link", "[keys]\nopen-link = 5\n", `keys.open-link: want a key ("o") or a list of keys (["o"]), not the integer 5`},
		{"star", "[keys]\nstar = true\n", `keys.star: want a key ("s") or a list of keys (["s"]), not true`},
		{"star in the reader", "[keys.reader]\nstar = 5\n", `keys.reader.star: want a key ("s") or a list of keys (["s"]), not the integer 5`},
		{"star's table", "[keys.star]\nkey = \"x\"\n", `keys.star: want a key ("s") or a list of keys (["s"]), not a table`},
		{"down", "[keys]\ndown = 1.5\n", `keys.down: want a key ("j") or a list of keys (["j", "down"]), not the float 1.5`},
		{"open, as every screen ships it", "[keys]\nopen = 5\n", `keys.open: want a key ("enter") or a list of keys (["enter", "right"]), not the integer 5`},
		{"open in the links panel", "[keys.links]\nopen = 5\n", `keys.links.open: want a key ("enter") or a list of keys (["enter", "o"]), not the integer 5`},
		{"page-down, as every screen ships it", "[keys]\npage-down = 5\n", `keys.page-down: want a key ("pgdown") or a list of keys (["pgdown"]), not the integer 5`},
		{"page-down in the reader", "[keys.reader]\npage-down = 5\n", `keys.reader.page-down: want a key ("space") or a list of keys (["space", "pgdown"]), not the integer 5`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadKeys(t, tt.toml)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	// Each example, followed, is accepted.
	for _, toml := range []string{
		"[keys]\nopen-link = [\"o\"]\nstar = \"s\"\ndown = [\"j\", \"down\"]\nopen = [\"enter\", \"right\"]\npage-down = [\"pgdown\"]\n",
		"[keys.reader]\nstar = [\"s\"]\npage-down = [\"space\", \"pgdown\"]\n[keys.links]\nopen = [\"enter\", \"o\"]\n",
	} {
		if _, err := loadKeys(t, toml); err != nil {
			t.Errorf("%q: %v", toml, err)
		}
	}
}
