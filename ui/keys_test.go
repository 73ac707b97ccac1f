package ui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestConfigValidation(t *testing.T) {
	tests := map[string]struct {
		cfg  Config
		want string // part of the error; "" for none
	}{
		"defaults":               {Config{}, ""},
		"themes":                 {Config{Theme: "light"}, ""},
		"bad theme":              {Config{Theme: "solarized"}, `theme: "solarized" is not one of auto, dark, light`},
		"override":               {Config{Keys: map[string][]string{"down": {"n", "ctrl+n", "down"}, "next-unread": {"N"}}}, ""},
		"unbind":                 {Config{Keys: map[string][]string{"star": {"<disabled>"}}}, ""},
		"unknown action":         {Config{Keys: map[string][]string{"dwon": {"j"}}}, "keys.dwon: unknown action"},
		"typo in a key":          {Config{Keys: map[string][]string{"open": {"retrun"}}}, `keys.open: "retrun" is not a key name`},
		"no keys":                {Config{Keys: map[string][]string{"open": {}}}, "keys.open: no keys"},
		"disabled and a key":     {Config{Keys: map[string][]string{"open": {"<disabled>", "o"}}}, `keys.open: "<disabled>" cannot be combined`},
		"conflict with default":  {Config{Keys: map[string][]string{"star": {"j"}}}, `keys.star: "j" is also bound to "down" in the list`},
		"conflict resolved":      {Config{Keys: map[string][]string{"star": {"j"}, "down": {"down"}}}, ""},
		"reader-only conflict":   {Config{Keys: map[string][]string{"next": {"h"}}}, `keys.next: "h" is also bound to "back" in the reader`},
		"tag colour":             {Config{TagColors: map[string]string{"ukraine": "#ffd700", "nato": "33", "x": "#abc"}}, ""},
		"bad tag colour":         {Config{TagColors: map[string]string{"ukraine": "gold"}}, `tag_colors.ukraine: "gold" is not a colour`},
		"tag colour range":       {Config{TagColors: map[string]string{"nato": "300"}}, "tag_colors.nato: 300 is not an ANSI colour"},
		"bad colour, quoted key": {Config{TagColors: map[string]string{"long read": "red"}}, `tag_colors."long read": "red" is not a colour`},
		// Two keys of one tag, as the library tells tags apart: one
		// would win, unsaid.
		"one tag in two cases": {Config{TagColors: map[string]string{"été": "#ff0000", "ÉTÉ": "#00ff00"}},
			`tag_colors."ÉTÉ" and tag_colors."été" are one tag`},
		"one tag, ASCII": {Config{TagColors: map[string]string{"Nato": "1", "NATO": "2"}},
			"tag_colors.NATO and tag_colors.Nato are one tag"},
		"final sigma": {Config{TagColors: map[string]string{"σοφος": "1", "ΣΟΦΟΣ": "2"}},
			`tag_colors."ΣΟΦΟΣ" and tag_colors."σοφος" are one tag`},
		"combining accent": {Config{TagColors: map[string]string{"\u00e9t\u00e9": "1", "e\u0301te\u0301": "1"}},
			`tag_colors."e\u0301te\u0301" and tag_colors."\u00e9t\u00e9" are one tag`},
		"dotless i is its own letter": {Config{TagColors: map[string]string{"ılık": "1", "ilik": "2"}}, ""},
		"accents tell tags apart":     {Config{TagColors: map[string]string{"été": "1", "ete": "2"}}, ""},
		"negative page size":          {Config{PageSize: -1}, "page size"},
		"filter and tag keys": {Config{Keys: map[string][]string{"filter": {"f"}, "tags-panel": {"ctrl+t"},
			"tag-all": {"ctrl+a"}, "select": {"x"}, "save-search": {"ctrl+w"}, "tag": {"+"}}}, ""},
		"conflict with filter":  {Config{Keys: map[string][]string{"select": {"/"}}}, `keys.select: "/" is also bound to "filter" in the list`},
		"conflict in the panel": {Config{Keys: map[string][]string{"back": {"#"}}}, `keys.back: "#" is also bound to "tags-panel" in the tags panel`},
		"saved searches":        {Config{Searches: []SavedSearch{{"Unread", "is:unread"}, {"Kyiv", "kyiv OR kiev"}}}, ""},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			err := tt.cfg.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestKeyNames: a key in config.toml is taken as Bubble Tea names the key
// press, so that it fires; a name no key press has is refused, saying why.
func TestKeyNames(t *testing.T) {
	tests := []struct {
		in, want string // want: the name bound, or part of the error
		ok       bool
	}{
		{"j", "j", true},
		{"J", "J", true},
		{"?", "?", true},
		{"/", "/", true},
		{"+", "+", true},
		{"é", "é", true},
		{"esc", "esc", true},
		{"space", "space", true},
		{"pgdown", "pgdown", true},
		{"f5", "f5", true},
		{"f12", "f12", true},
		{"ctrl+d", "ctrl+d", true},
		{"ctrl++", "ctrl++", true},
		{"alt+enter", "alt+enter", true},
		{"shift+tab", "shift+tab", true},
		{"ctrl+shift+up", "ctrl+shift+up", true},

		// Modifiers in Bubble Tea's order: ctrl, alt, shift, meta, hyper, super.
		{"alt+ctrl+x", "ctrl+alt+x", true},
		{"shift+ctrl+up", "ctrl+shift+up", true},
		{"super+shift+alt+ctrl+meta+hyper+f1", "ctrl+alt+shift+meta+hyper+super+f1", true},
		{"shift+alt+m", "alt+shift+m", true},

		// Shift and a letter alone is the capital it types; a capital
		// with another modifier is shift and the letter.
		{"shift+m", "M", true},
		{"shift+M", "M", true},
		{"shift+é", "É", true},
		{"alt+M", "alt+shift+m", true},

		// Ctrl and a capital is what a terminal sends for it: ctrl and
		// the letter (newsboat's ^J, vim's <C-J>); shift said outright
		// stays, for a terminal that tells it apart.
		{"ctrl+J", "ctrl+j", true},
		{"ctrl+alt+X", "ctrl+alt+x", true},
		{"ctrl+shift+J", "ctrl+shift+j", true},
		{"ctrl+shift+j", "ctrl+shift+j", true},

		// The help's labels are the keys they show.
		{"↑", "up", true},
		{"↓", "down", true},
		{"←", "left", true},
		{"→", "right", true},
		{"shift+↑", "shift+up", true},
		{"pgdn", "pgdown", true},
		{"ctrl+pgdn", "ctrl+pgdown", true},

		// Shift and what is not a letter arrives as what it types.
		{"shift+1", `write that character ("!" on a US keyboard)`, false},
		{"shift+/", `("?" on a US keyboard)`, false},
		{"shift+?", `"shift+?" never arrives`, false},

		// Kept by tidings.
		{"ctrl+c", `"ctrl+c" always quits tidings`, false},
		{"alt+ctrl+x", "ctrl+alt+x", true},

		// Not keys.
		{"", "is not a key name", false},
		{" ", "is not a key name", false},
		{"ctrl+", "is not a key name", false},
		{"ctrl+ctrl+x", "is not a key name", false},
		{"pagedown", `"pagedown" is not a key name: write "pgdown"`, false},
		{"page_down", `write "pgdown"`, false},
		{"PageUp", `write "pgup"`, false},
		{"PgDn", `write "pgdown"`, false},
		{"NPAGE", `write "pgdown"`, false},
		{"ESCAPE", `write "esc"`, false},
		{"return", `write "enter"`, false},
		{"ENTER", `write "enter"`, false},
		{"ctrl+Return", `write "ctrl+enter"`, false},
		{"^J", `"^J" is not a key name: write "ctrl+j"`, false},
		{"^n", `write "ctrl+n"`, false},
		{"enter/l", `for several keys, write a list: ["enter", "l"]`, false},
		{"space/pgdn", `write a list: ["space", "pgdown"]`, false},
		{"esc/h/←", `write a list: ["esc", "h", "left"]`, false},
		{"0-9", `"0-9" is not a key name (examples:`, false},
		{"f0", "is not a key name", false},
		{"f05", "is not a key name", false},
		{"ctrl+retrun", "is not a key name", false},
		{"Ctrl+x", `"Ctrl+x" is not a key name: write "ctrl+x"`, false},
		{"^", "^", true},
		{"ctrl+^", "ctrl+^", true},
		{"jj", "is not a key name", false},
		{"\x1b", "is not a key name", false},
		{"\u202e", "is not a key name", false}, // shows nothing, turns the footer around
		{"\u200b", "is not a key name", false},
		{"\ufeff", "is not a key name", false},
		{"\u2028", "is not a key name", false},
		{"\u0301", "is not a key name", false},
		{"\U000E0041", "is not a key name", false},
	}
	for _, tt := range tests {
		got, err := checkKeys([]string{tt.in})
		switch {
		case tt.ok && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.ok && !slices.Equal(got, []string{tt.want}):
			t.Errorf("%q is bound as %q, want %q", tt.in, got, tt.want)
		case !tt.ok && err == nil:
			t.Errorf("%q accepted as %q", tt.in, got)
		case !tt.ok && !strings.Contains(err.Error(), tt.want):
			t.Errorf("%q: error %q, want it to say %q", tt.in, err, tt.want)
		}
	}
}

// TestKeyNamesAsTyped: what a terminal sends for a key, as Bubble Tea
// reads it, is the name config.toml's spelling of it is bound as.
func TestKeyNamesAsTyped(t *testing.T) {
	tests := []struct {
		config string
		press  tea.KeyPressMsg
	}{
		{"alt+ctrl+x", tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl | tea.ModAlt}},
		{"shift+m", tea.KeyPressMsg{Code: 'm', ShiftedCode: 'M', Text: "M", Mod: tea.ModShift}},
		{"shift+m", tea.KeyPressMsg{Code: 'M', Text: "M"}},
		{"alt+M", tea.KeyPressMsg{Code: 'm', Mod: tea.ModAlt | tea.ModShift}},
		{"shift+ctrl+up", tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModShift | tea.ModCtrl}},
		{"super+ctrl+a", tea.KeyPressMsg{Code: 'a', Mod: tea.ModSuper | tea.ModCtrl}},
		// A terminal sends ctrl+j, with shift or without, as LF.
		{"ctrl+J", tea.KeyPressMsg{Code: 'j', Mod: tea.ModCtrl}},
		{"ctrl+alt+X", tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl | tea.ModAlt}},
		{"↑", tea.KeyPressMsg{Code: tea.KeyUp}},
		{"→", tea.KeyPressMsg{Code: tea.KeyRight}},
		{"pgdn", tea.KeyPressMsg{Code: tea.KeyPgDown}},
	}
	for _, tt := range tests {
		got, err := checkKeys([]string{tt.config})
		if err != nil {
			t.Errorf("%q: %v", tt.config, err)
			continue
		}
		if b := key.NewBinding(key.WithKeys(got...)); !key.Matches(tt.press, b) {
			t.Errorf("%q (bound as %q) does not match the press %q", tt.config, got, tt.press.String())
		}
	}
}

// TestKeyConfigNamesOrder: config.toml's keys work however their
// modifiers are ordered, shift and a letter is the capital, and ctrl+c is
// refused; the help shows each as it is pressed.
func TestKeyConfigNamesOrder(t *testing.T) {
	lib := newLibrary(t, 3)
	cfg := Config{Keys: map[string][]string{"star": {"alt+ctrl+x"}, "read": {"shift+w", "W"}}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, cfg, 120, 40)
	if row, _ := root(t, m).list.current(); row.Starred {
		t.Fatal("the first article is starred already")
	}
	m = step(t, m, tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl | tea.ModAlt})
	if row, _ := root(t, m).list.current(); !row.Starred {
		t.Error("ctrl+alt+x (star = \"alt+ctrl+x\") did not star")
	}
	read := func() bool { row, _ := root(t, m).list.current(); return row.Read }
	was := read()
	m = step(t, m, tea.KeyPressMsg{Code: 'w', ShiftedCode: 'W', Text: "W", Mod: tea.ModShift})
	if read() == was {
		t.Error("W (read = \"shift+w\") did not mark the article")
	}
	if s := viewText(m); !strings.Contains(s, "ctrl+alt+x star") {
		t.Errorf("the footer does not show ctrl+alt+x:\n%s", s)
	}
	m = step(t, m, press("?"))
	if s := words(viewText(m)); !strings.Contains(s, "W read/unread") || strings.Contains(s, "shift+w") || strings.Contains(s, "W/W") {
		t.Errorf("the help does not show W once:\n%s", s)
	}

	cfg = Config{Keys: map[string][]string{"tag": {"ctrl+c"}}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), `keys.tag: "ctrl+c" always quits tidings`) {
		t.Errorf("tag = \"ctrl+c\": %v", err)
	}
	cfg = Config{Keys: map[string][]string{"tag-all": {"shift+t"}, "tag": {"T"}}}
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), `"T" is also bound to`) {
		t.Errorf("tag-all = \"shift+t\" beside tag = \"T\": %v", err)
	}
}

func TestKeyOverridesTakeEffect(t *testing.T) {
	lib := newLibrary(t, 10)
	cfg := Config{Keys: map[string][]string{
		"down":        {"n", "down"},
		"next-unread": {"N"}, // n is next-unread by default
		"star":        {"<disabled>"},
		"open":        {"o"},
		// "o" is open-link by default: move it.
		"open-link": {"O"},
	}}
	m := start(t, lib, cfg, 120, 24)
	m = step(t, m, press("n"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
		t.Fatalf("n (rebound down): cursor on %d", got)
	}
	m = step(t, m, press("j"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
		t.Errorf("j still moves down after the override")
	}
	footer := viewText(m)
	if !strings.Contains(footer, "n/↓ down") || strings.Contains(footer, "star") {
		t.Errorf("the help does not show the overrides:\n%s", footer)
	}
	m = step(t, m, press("s"))
	if row, _ := root(t, m).list.current(); row.Starred {
		t.Error("an unbound action still works")
	}
	m = step(t, m, press("o"))
	if root(t, m).screen != screenReader {
		t.Error("o (rebound open) did not open")
	}
	m = step(t, m, press("n"))
	if vp := root(t, m).reader.vp; vp.YOffset() != 1 {
		t.Errorf("n (rebound down) in the reader: offset %d", vp.YOffset())
	}
}

// TestFilterKeysOverridden: the filter, tag and panel actions follow
// config.toml's keys.
func TestFilterKeysOverridden(t *testing.T) {
	lib := newLibrary(t, 10)
	cfg := Config{Keys: map[string][]string{"filter": {"f"}, "tags-panel": {"P"}, "tag": {"+"}, "select": {"x"}}}
	m := start(t, lib, cfg, 100, 24)
	if m = step(t, m, press("/")); root(t, m).mode() != modeNormal {
		t.Fatal("/ still opens the filter")
	}
	if m = step(t, m, press("f")); root(t, m).mode() != modeFilter {
		t.Fatal("f does not open the filter")
	}
	m = step(t, m, press("esc"))
	if m = step(t, m, press("x")); len(root(t, m).list.marked) != 1 {
		t.Error("x does not select")
	}
	if m = step(t, m, press("+")); root(t, m).mode() != modeTagEdit {
		t.Error("+ does not open the tag editor")
	}
	m = step(t, m, press("esc"))
	if m = step(t, m, press("P")); root(t, m).mode() != modePanel {
		t.Error("P does not open the tags panel")
	}
	if m = step(t, m, press("P")); root(t, m).mode() != modeNormal {
		t.Error("P does not close the tags panel")
	}
	if s := viewText(m); !strings.Contains(s, "f filter") || !strings.Contains(s, "+ tag") {
		t.Errorf("the footer does not show the overrides:\n%s", s)
	}
}

// TestHelpNeverLies: bindings that cannot act are not offered.
func TestHelpNeverLies(t *testing.T) {
	st, _ := openLibrary(t)
	m := start(t, st, Config{}, 80, 24)
	k := root(t, m).list.keys
	if k.Open.Enabled() || k.Star.Enabled() || k.OpenLink.Enabled() {
		t.Error("article actions offered in an empty library")
	}
	if k.Refresh.Enabled() {
		t.Error("refresh offered without feeds")
	}
	if k.Tag.Enabled() || k.Select.Enabled() || k.TagAll.Enabled() || k.SaveSearch.Enabled() || k.Clear.Enabled() {
		t.Error("tagging, selecting or clearing offered in an empty library")
	}
	if root(t, m).welcome.keys.LoadSamples.Enabled() {
		t.Error("loading samples offered without a loader")
	}
	if s := viewText(m); strings.Contains(s, "open") || strings.Contains(s, "star") {
		t.Errorf("footer offers article actions:\n%s", s)
	}

	// In a read-only library nothing that writes is offered.
	lib := newLibrary(t, 5)
	m = start(t, lib, Config{ReadOnly: true, Query: "short"}, 80, 24)
	k = root(t, m).list.keys
	if k.Tag.Enabled() || k.TagAll.Enabled() || k.SaveSearch.Enabled() || root(t, m).reader.keys.Tag.Enabled() {
		t.Error("tagging or saving offered in a read-only library")
	}
	if !k.Filter.Enabled() || !k.Select.Enabled() || !k.Clear.Enabled() || !k.TagsPanel.Enabled() {
		t.Error("filtering, selecting or the panel not offered in a read-only library")
	}
	if m = step(t, m, press("t")); root(t, m).mode() != modeNormal {
		t.Error("t opened the editor in a read-only library")
	}
	if s := viewText(m); strings.Contains(s, "star") {
		t.Errorf("the footer of a read-only library offers to star:\n%s", s)
	}
	// ...but a key that would write says why it does nothing.
	for _, k := range []string{"t", "T", "a", "ctrl+s", "s", "m"} {
		m = step(t, m, press(k))
		if status := root(t, m).status; !strings.Contains(status, "read-only") {
			t.Errorf("%s in a read-only library: status %q", k, status)
		}
	}
	m = steps(t, m, "enter", "t")
	if status := root(t, m).status; !strings.Contains(status, "cannot tag: the library is read-only") {
		t.Errorf("t in the reader of a read-only library: status %q", status)
	}
	m = steps(t, m, "s")
	if status := root(t, m).status; !strings.Contains(status, "cannot star: the library is read-only") {
		t.Errorf("s in the reader of a read-only library: status %q", status)
	}
}

// TestHelpListsWaitingKeys: the help lists the keys that only wait for the
// moment (T without a filter, ] without notes), so that they can be learnt;
// in a read-only library the ones that write stay out.
func TestHelpListsWaitingKeys(t *testing.T) {
	for _, readOnly := range []bool{false, true} {
		m := start(t, newLibrary(t, 3), Config{ReadOnly: readOnly}, 120, 40)
		m = step(t, m, press("?"))
		list := viewText(m)
		m = steps(t, m, "?", "enter", "?")
		reader := viewText(m)
		for _, want := range []struct {
			screen, text string
			write        bool
		}{
			{list, "tag all filtered", true}, {list, "save search", true},
			{reader, "next note", false}, {reader, "edit note", true}, {reader, "undo delete", true},
		} {
			if got := strings.Contains(want.screen, want.text); got != (!readOnly || !want.write) {
				t.Errorf("read-only %v: help lists %q: %v\n%s", readOnly, want.text, got, want.screen)
			}
		}
	}
}

// TestBadSavedSearchesAreLeftOut: a search of config.toml without a name or
// whose query does not parse is left out of the panel, with a word at
// start; the rest of tidings starts.
func TestBadSavedSearchesAreLeftOut(t *testing.T) {
	lib := newLibrary(t, 3)
	cfg := Config{Searches: []SavedSearch{{"Unread", "is:unread"}, {"Bad", "(kyiv"}, {" ", "kyiv"}}}
	m := start(t, lib, cfg, 120, 24)
	if s := viewText(m); !strings.Contains(s, `config.toml: search 2 ("Bad"): query: unclosed "(" at col 1; left out of the tags panel (and 1 more)`) {
		t.Errorf("no word of the bad searches:\n%s", s)
	}
	m = step(t, m, press("#"))
	s := viewText(m)
	if !strings.Contains(s, "Unread") || strings.Contains(s, "Bad") {
		t.Errorf("the panel:\n%s", s)
	}
}
