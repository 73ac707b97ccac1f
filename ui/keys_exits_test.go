package ui

import (
	"strings"
	"testing"
)

// TestKeysThatLinkNumbersTake: in the links panel the digits go to a
// link by its number before any binding, so config.toml binding a digit to
// an action the links panel has is refused, naming the setting and the
// link numbers (and, for a setting of every screen, where the key is free
// for the action), as a key bound to two actions is: the help would list
// a key that never does what it says. A digit on a screen without link
// numbers is taken.
func TestKeysThatLinkNumbersTake(t *testing.T) {
	tests := []keyConfigCase{
		{"top for every screen", "[keys]\ntop = [\"g\", \"home\", \"0\"]\n",
			`keys.top: "0" goes to a link by its number in the links panel (for one screen alone, write top under its table: [keys.list], [keys.reader], [keys.tags] or [keys.annotations])`},
		{"links for every screen", "[keys]\nlinks = \"1\"\n",
			`keys.links: "1" goes to a link by its number in the links panel (for one screen alone, write links under its table: [keys.reader])`},
		{"open in the links panel", "[keys.links]\nopen = \"1\"\n",
			`keys.links.open: "1" goes to a link by its number in the links panel`},
		{"down in the links panel", "[keys.links]\ndown = [\"j\", \"down\", \"5\"]\n",
			`keys.links.down: "5" goes to a link by its number in the links panel`},
		{"top in the list", "[keys.list]\ntop = [\"g\", \"home\", \"0\"]\n", ""},
		{"links in the reader", "[keys.reader]\nlinks = \"1\"\n", ""},
	}
	checkKeyConfigs(t, tests)
}

// TestKeysThatLeaveAScreen: config.toml cannot unbind every key that
// leaves a screen for the one under it (the reader's back, a panel's close
// keys): quitting would be the only way out. It is refused naming the
// setting; unbinding one of a panel's two ways out is taken.
func TestKeysThatLeaveAScreen(t *testing.T) {
	tests := []keyConfigCase{
		{"back everywhere", "[keys]\nback = \"<disabled>\"\n",
			`keys.back: "<disabled>" leaves the reader no way out but quitting; keep a key for back`},
		{"the reader's back", "[keys.reader]\nback = \"<disabled>\"\n",
			`keys.reader.back: "<disabled>" leaves the reader no way out but quitting; keep a key for back`},
		{"both of the tags panel's", "[keys]\ntags-panel = \"<disabled>\"\n[keys.tags]\nback = \"<disabled>\"\n",
			`keys.tags.back: "<disabled>" leaves the tags panel no way out but quitting (tags-panel is unbound too); keep a key for one of them`},
		{"both of the links panel's", "[keys.links]\nback = \"<disabled>\"\nlinks = \"<disabled>\"\n",
			`keys.links.back: "<disabled>" leaves the links panel no way out but quitting (links is unbound too); keep a key for one of them`},
		{"both of the browser's", "[keys.annotations]\nback = \"<disabled>\"\nall-annotations = \"<disabled>\"\n",
			`keys.annotations.back: "<disabled>" leaves the annotation browser no way out but quitting (all-annotations is unbound too); keep a key for one of them`},
		{"the tags panel's back", "[keys.tags]\nback = \"<disabled>\"\n", ""},
		{"the links panel's L", "[keys.links]\nlinks = \"<disabled>\"\n", ""},
		{"back on another key", "[keys]\nback = \"x\"\n", ""},
	}
	checkKeyConfigs(t, tests)
	// The reader as config.toml leaves it still goes back.
	cfg, err := loadKeys(t, "[keys.tags]\nback = \"<disabled>\"\n")
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, newLibrary(t, 3), cfg, 80, 24)
	m = steps(t, m, "enter", "esc")
	if s := root(t, m).screen; s != screenList || !strings.Contains(viewText(m), "Article 001") {
		t.Errorf("esc in the reader: screen %v", s)
	}
}

// keyConfigCase is a config.toml's text and the error reading its keys
// gives, whole; "" when it is taken.
type keyConfigCase struct{ name, toml, want string }

// checkKeyConfigs reads each case's config.toml as tidings does (loadKeys)
// and checks it is refused with its error, or taken.
func checkKeyConfigs(t *testing.T, tests []keyConfigCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadKeys(t, tt.toml)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}
