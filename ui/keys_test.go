package ui

import (
	"strings"
	"testing"
)

func TestConfigValidation(t *testing.T) {
	tests := map[string]struct {
		cfg  Config
		want string // part of the error; "" for none
	}{
		"defaults":              {Config{}, ""},
		"themes":                {Config{Theme: "light"}, ""},
		"bad theme":             {Config{Theme: "solarized"}, `theme: "solarized" is not one of auto, dark, light`},
		"override":              {Config{Keys: map[string][]string{"down": {"n", "ctrl+n", "down"}, "next": {"J"}}}, ""},
		"unbind":                {Config{Keys: map[string][]string{"star": {"<disabled>"}}}, ""},
		"unknown action":        {Config{Keys: map[string][]string{"dwon": {"j"}}}, "keys.dwon: unknown action"},
		"typo in a key":         {Config{Keys: map[string][]string{"open": {"retrun"}}}, `keys.open: "retrun" is not a key name`},
		"no keys":               {Config{Keys: map[string][]string{"open": {}}}, "keys.open: no keys"},
		"disabled and a key":    {Config{Keys: map[string][]string{"open": {"<disabled>", "o"}}}, `keys.open: "<disabled>" cannot be combined`},
		"conflict with default": {Config{Keys: map[string][]string{"star": {"j"}}}, `keys.star: "j" is also bound to "down" in the list`},
		"conflict resolved":     {Config{Keys: map[string][]string{"star": {"j"}, "down": {"down"}}}, ""},
		"reader-only conflict":  {Config{Keys: map[string][]string{"next": {"h"}}}, `keys.next: "h" is also bound to "back" in the reader`},
		"tag colour":            {Config{TagColors: map[string]string{"ukraine": "#ffd700", "nato": "33", "x": "#abc"}}, ""},
		"bad tag colour":        {Config{TagColors: map[string]string{"ukraine": "gold"}}, `tag_colors.ukraine: "gold" is not a colour`},
		"tag colour range":      {Config{TagColors: map[string]string{"nato": "300"}}, "tag_colors.nato: 300 is not an ANSI colour"},
		"negative page size":    {Config{PageSize: -1}, "page size"},
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

func TestValidKeyNames(t *testing.T) {
	for _, k := range []string{"j", "J", "?", "/", "ctrl+d", "alt+enter", "ctrl+shift+up", "pgdown", "space", "f5", "f12", "é", "esc"} {
		if !validKey(k) {
			t.Errorf("%q rejected", k)
		}
	}
	for _, k := range []string{"", " ", "ctrl+", "pagedown", "page_down", "f0", "f05", "ctrl+retrun", "jj", "\x1b"} {
		if validKey(k) {
			t.Errorf("%q accepted", k)
		}
	}
}

func TestKeyOverridesTakeEffect(t *testing.T) {
	lib := newLibrary(t, 10)
	cfg := Config{Keys: map[string][]string{
		"down": {"n", "down"},
		"next": {"J"}, // n is next in the reader by default
		"star": {"<disabled>"},
		"open": {"o"},
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
