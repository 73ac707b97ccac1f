package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestKeysFromTerminal: a key named in config.toml as the help shows it, or
// as ctrl and a capital, fires on what a terminal sends for it (as
// Bubble Tea reads the bytes).
func TestKeysFromTerminal(t *testing.T) {
	tests := []struct {
		config string
		bytes  []string // what terminals send for it
	}{
		{"↑", []string{upArrow, "\x1bOA"}},
		{"↓", []string{"\x1b[B"}},
		{"←", []string{leftArrow}},
		{"→", []string{rightArrow}},
		{"pgdn", []string{"\x1b[6~"}},
		// ctrl+shift+j and ctrl+j are one byte, LF, on a terminal that
		// does not tell them apart; the kitty protocol's ctrl+j.
		{"ctrl+J", []string{"\n", "\x1b[106;5u"}},
		{"ctrl+W", []string{ctrlW}},
		{"ctrl+alt+X", []string{"\x1b\x18"}},
		{"alt+M", []string{"\x1bM"}},
	}
	for _, tt := range tests {
		keys, err := checkKeys([]string{tt.config})
		if err != nil {
			t.Errorf("%q: %v", tt.config, err)
			continue
		}
		for _, b := range tt.bytes {
			if p := pressed(t, b); !key.Matches(p, key.NewBinding(key.WithKeys(keys...))) {
				t.Errorf("%q (bound as %q) does not fire on %q, read as %q", tt.config, keys, b, p.String())
			}
		}
	}
}

// TestArrowGlyphInConfig: up = ["↑", "k"] (the help's label) keeps the up
// arrow, and the help shows it as before.
func TestArrowGlyphInConfig(t *testing.T) {
	cfg, err := loadKeys(t, "[keys]\nup = [\"↑\", \"k\"]\ndown = [\"ctrl+J\", \"j\", \"down\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, newLibrary(t, 5), cfg, 100, 24)
	m = step(t, m, pressed(t, "\n"))
	if got := articleNumber(t, cursorTitle(t, m)); got != 1 {
		t.Fatalf("ctrl+j (down = \"ctrl+J\"): cursor on %d", got)
	}
	if m = step(t, m, pressed(t, upArrow)); articleNumber(t, cursorTitle(t, m)) != 0 {
		t.Error("the up arrow (up = \"↑\") does not move up")
	}
	if f := footerLine(m); !strings.Contains(f, "↑/k up") || !strings.Contains(f, "ctrl+j/j/↓ down") {
		t.Errorf("the footer: %q", f)
	}
}
