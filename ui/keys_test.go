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
	if root(t, m).welcome.keys.LoadSamples.Enabled() {
		t.Error("loading samples offered without a loader")
	}
	if s := viewText(m); strings.Contains(s, "open") || strings.Contains(s, "star") {
		t.Errorf("footer offers article actions:\n%s", s)
	}
}
