package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tidings/ui/cli"
)

// TestKeysPerScreen: [keys] binds an action on every screen that has it, a
// screen's table ([keys.reader]) on that screen alone, whatever [keys]
// says; what neither names keeps its screen's keys.
func TestKeysPerScreen(t *testing.T) {
	type bound struct {
		screen, action string
		keys           []string
	}
	tests := []struct {
		name      string
		overrides map[string][]string
		want      []bound
	}{
		{"as shipped", nil, []bound{
			{"list", "page-down", []string{"pgdown"}},
			{"reader", "page-down", []string{"space", "pgdown"}},
			{"links", "page-down", []string{"pgdown", "ctrl+d", "space"}},
			{"list", "open", []string{"enter", "l", "right"}},
			{"links", "open", []string{"enter", "o", "right"}},
			{"reader", "back", []string{"esc", "h", "left"}},
		}},
		{"one override for every screen", map[string][]string{"page-down": {"pgdown", "f"}}, []bound{
			{"list", "page-down", []string{"pgdown", "f"}},
			{"reader", "page-down", []string{"pgdown", "f"}},
			{"links", "page-down", []string{"pgdown", "f"}},
		}},
		{"a screen's own", map[string][]string{"page-down": {"pgdown", "f"}, "reader.page-down": {"space", "pgdown", "f"},
			"links.page-down": {"pgdown", "ctrl+d", "space", "f"}}, []bound{
			{"list", "page-down", []string{"pgdown", "f"}},
			{"list", "select", []string{"space"}},
			{"reader", "page-down", []string{"space", "pgdown", "f"}},
			{"links", "page-down", []string{"pgdown", "ctrl+d", "space", "f"}},
		}},
		{"a screen's own alone", map[string][]string{"reader.star": {"x"}}, []bound{
			{"list", "star", []string{"s"}},
			{"reader", "star", []string{"x"}},
		}},
		{"a screen's own over every screen's", map[string][]string{"star": {"S"}, "reader.star": {"x"}}, []bound{
			{"list", "star", []string{"S"}},
			{"reader", "star", []string{"x"}},
		}},
		{"open in the links panel kept", map[string][]string{"open": {"enter", "l", "right"}, "links.open": {"enter", "o", "right"}}, []bound{
			{"list", "open", []string{"enter", "l", "right"}},
			{"tags", "open", []string{"enter", "l", "right"}},
			{"links", "open", []string{"enter", "o", "right"}},
		}},
		{"unbound on one screen", map[string][]string{"reader.open-link": {"<disabled>"}}, []bound{
			{"list", "open-link", []string{"o"}},
			{"reader", "open-link", nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			km, err := newKeyMaps(tt.overrides, nil)
			if err != nil {
				t.Fatal(err)
			}
			screens := map[string]map[string]bool{}
			for _, s := range km.screens() {
				screens[s.table] = nil
				for _, w := range tt.want {
					if w.screen == s.table {
						if got := s.actions[w.action].Keys(); !slices.Equal(got, w.keys) {
							t.Errorf("%s in the %s: %q, want %q", w.action, s.screen, got, w.keys)
						}
					}
				}
			}
			for _, w := range tt.want {
				if _, ok := screens[w.screen]; !ok {
					t.Errorf("no screen %q", w.screen)
				}
			}
		})
	}
}

// TestKeyConfigPerScreenErrors: a screen's table is checked as [keys] is,
// a clash where both actions live on one screen; every problem names its
// setting, and a clash that [keys] brings about says where the key could
// go on its own.
func TestKeyConfigPerScreenErrors(t *testing.T) {
	tests := []struct {
		name      string
		overrides map[string][]string
		want      string // part of the error; "" for none
	}{
		{"space for every screen", map[string][]string{"page-down": {"space", "pgdown", "f"}},
			`keys.page-down: "space" is also bound to "select" in the list (for one screen alone, write page-down under its table: [keys.reader], [keys.tags] or [keys.links])`},
		{"space in the reader alone", map[string][]string{"page-down": {"pgdown", "f"}, "reader.page-down": {"space", "pgdown", "f"}}, ""},
		{"a clash in a screen's table", map[string][]string{"reader.star": {"j"}}, `keys.reader.star: "j" is also bound to "down" in the reader`},
		{"the screen's table named first", map[string][]string{"down": {"x"}, "reader.star": {"x"}}, `keys.reader.star: "x" is also bound to "down" in the reader`},
		{"a clash on another screen is none", map[string][]string{"list.star": {"J"}}, ""},
		{"a clash mended in the screen's table", map[string][]string{"star": {"J"}, "reader.next": {"N"}}, ""},
		{"unknown screen", map[string][]string{"raeder.star": {"x"}}, "keys.raeder: unknown screen (screens: list, reader, welcome, tags, selection, annotations, links)"},
		{"an action the screen has not", map[string][]string{"list.next": {"x"}}, "keys.list.next: the list has no next action (its actions: all-annotations,"},
		{"an action no screen has", map[string][]string{"reader.nxet": {"x"}}, "keys.reader.nxet: unknown action (the reader's: all-annotations,"},
		{"a bad key in a screen's table", map[string][]string{"reader.star": {"retrun"}}, `keys.reader.star: "retrun" is not a key name`},
		{"a screen named as an action", map[string][]string{"reader": {"x"}}, `keys.reader: want a table of the reader's actions and their keys ([keys.reader]), not "x"`},
		{"an action's table", map[string][]string{"star.x": {"y"}}, `keys.star: want a key ("s") or a list of keys (["s"]), not a table`},
		{"links is an action too", map[string][]string{"links": {"ctrl+l"}, "links.open": {"enter", "o"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Config{Keys: tt.overrides}.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// loadKeys reads config.toml's text as tidings does (cli.LoadConfig) and
// hands its keys to the reader's config, as main does.
func loadKeys(t *testing.T, toml string) (Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := cli.LoadConfig(path)
	if err != nil {
		t.Fatalf("LoadConfig refused what only the reader uses: %v", err)
	}
	cfg := Config{Keys: map[string][]string{}, KeyMistakes: c.Keys.Mistakes}
	for name, keys := range c.Keys.Keys {
		cfg.Keys[name] = keys
	}
	return cfg, cfg.Validate()
}

// TestKeyValuesOfTheWrongType: a key setting that is not a key or a list
// of keys is refused naming the setting and saying what it is in TOML's
// words; config.toml still loads (other commands go on), the reader does
// not start.
func TestKeyValuesOfTheWrongType(t *testing.T) {
	tests := []struct {
		toml, want string
	}{
		{"[keys]\nstar = 5\n", `keys.star: want a key ("s") or a list of keys (["s"]), not the integer 5`},
		{"[keys]\nstar = [\"s\", 5]\n", "keys.star: want a key (\"s\") or a list of keys ([\"s\"]), not an array holding the integer 5"},
		{"[keys]\nstar = true\n", "keys.star: want a key (\"s\") or a list of keys ([\"s\"]), not true"},
		{"[keys]\nstar = 1.5\n", "not the float 1.5"},
		{"[keys]\nstar = 2024-03-05\n", "keys.star: want a key (\"s\") or a list of keys ([\"s\"]), not a date or time"},
		{"[keys]\nstar = { key = \"x\" }\n", "keys.star: want a key (\"s\") or a list of keys ([\"s\"]), not a table"},
		{"[keys.star]\nkey = \"x\"\n", "keys.star: want a key (\"s\") or a list of keys ([\"s\"]), not a table"},
		{"[keys.reader]\nstar = 5\n", "keys.reader.star: want a key (\"s\") or a list of keys ([\"s\"]), not the integer 5"},
		{"[keys.reader.star]\nkey = \"x\"\n", "keys.reader.star: want a key (\"s\") or a list of keys ([\"s\"]), not a table"},
		{"[keys]\nreader = 5\n", "keys.reader: want a table of the reader's actions and their keys ([keys.reader]), not the integer 5"},
		{"keys = 5\n", "keys: want a table of actions and their keys ([keys]), not the integer 5"},
		{"[[keys]]\nstar = \"x\"\n", "keys: want a table of actions and their keys ([keys]), not an array of tables"},
		{"[keys]\nstar = \"S\"\n[keys.reader]\nstar = \"x\"\n", ""},
	}
	for _, tt := range tests {
		_, err := loadKeys(t, tt.toml)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.toml, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want it to contain %q", tt.toml, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "map["):
			t.Errorf("%q: Go's words in the error: %v", tt.toml, err)
		}
	}
}

// TestReaderTable: [keys.reader] star = "x" under [keys] star = "S" (the
// tester's config): S stars in the list, x in the reader, where S does
// nothing; each screen's help says so.
func TestReaderTable(t *testing.T) {
	cfg, err := loadKeys(t, "[keys]\nstar = \"S\"\n[keys.reader]\nstar = \"x\"\n")
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, newLibrary(t, 5), cfg, 100, 24)
	starred := func() bool { r, _ := root(t, m).current(); return r.Starred }
	if m = steps(t, m, "S"); !starred() {
		t.Fatal("S does not star in the list")
	}
	if f := footerLine(m); !strings.Contains(f, "S star") {
		t.Errorf("the list's footer: %q", f)
	}
	m = steps(t, m, "j", "enter")
	if m = steps(t, m, "S"); starred() {
		t.Error("S stars in the reader")
	}
	if m = steps(t, m, "x"); !starred() {
		t.Error("x does not star in the reader")
	}
	if h := viewText(steps(t, m, "?")); !regexp.MustCompile(`x +star`).MatchString(h) {
		t.Errorf("the reader's help:\n%s", h)
	}
}

// TestPageDownPerScreen: page-down with f for every screen, space kept in
// the reader by its table: space still selects in the list and pages in
// the reader, f pages in both.
func TestPageDownPerScreen(t *testing.T) {
	cfg, err := loadKeys(t, "[keys]\npage-down = [\"pgdown\", \"f\"]\n[keys.reader]\npage-down = [\"space\", \"pgdown\", \"f\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, newLibrary(t, 40), cfg, 100, 12)
	if m = steps(t, m, "space"); len(root(t, m).list.marked) != 1 {
		t.Error("space does not select in the list")
	}
	m = steps(t, m, "g")
	if m = steps(t, m, "f"); articleNumber(t, cursorTitle(t, m)) < 5 {
		t.Errorf("f does not page down in the list: on %d", articleNumber(t, cursorTitle(t, m)))
	}
	m = steps(t, m, "g", "enter")
	offset := func() int { vp := root(t, m).reader.vp; return vp.YOffset() }
	if m = steps(t, m, "space"); offset() == 0 {
		t.Error("space does not page down in the reader")
	}
	y := offset()
	if m = steps(t, m, "f"); offset() <= y {
		t.Error("f does not page down in the reader")
	}
}
