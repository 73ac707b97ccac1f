package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// ctrlZ is ctrl+z as a terminal in raw mode sends it.
var ctrlZ = tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}

// suspends reports whether pressing k in m suspends the program: whether
// the command it returns says so.
func suspends(t *testing.T, m tea.Model, k tea.KeyPressMsg) (tea.Model, bool) {
	t.Helper()
	m, cmd := m.Update(k)
	if cmd == nil {
		return m, false
	}
	_, ok := cmd().(tea.SuspendMsg)
	return m, ok
}

// TestSuspendKey: ctrl+z suspends wherever the keyboard is, a line or a
// note being typed included (it types nothing there), and leaves what was
// being typed as it was; a suspend bound to a letter types that letter in
// a line.
func TestSuspendKey(t *testing.T) {
	saved := canSuspend
	canSuspend = func() error { return nil }
	t.Cleanup(func() { canSuspend = saved })

	lib := newLibrary(t, 5)
	tests := []struct {
		name string
		cfg  Config
		keys []string // to get there
		key  tea.KeyPressMsg
		want bool
		in   mode // what has the keyboard before the key
	}{
		{"list", Config{}, nil, ctrlZ, true, modeNormal},
		{"help", Config{}, []string{"?"}, ctrlZ, true, modeNormal},
		{"reader", Config{}, []string{"enter"}, ctrlZ, true, modeNormal},
		{"passage selection", Config{}, []string{"enter", "v"}, ctrlZ, true, modeNormal},
		{"tags panel", Config{}, []string{"#"}, ctrlZ, true, modePanel},
		{"annotation browser", Config{}, []string{"A"}, ctrlZ, true, modeNormal},
		{"filter line", Config{}, []string{"/", "o", "i", "l"}, ctrlZ, true, modeFilter},
		{"tag editor", Config{}, []string{"t", "x"}, ctrlZ, true, modeTagEdit},
		{"note editor", Config{}, []string{"enter", "a", "H", "i"}, ctrlZ, true, modeNote},
		{"rebound", Config{Keys: map[string][]string{"suspend": {"ctrl+b"}}}, nil, tea.KeyPressMsg{Code: 'b', Mod: tea.ModCtrl}, true, modeNormal},
		{"rebound, old key", Config{Keys: map[string][]string{"suspend": {"ctrl+b"}}}, nil, ctrlZ, false, modeNormal},
		{"unbound", Config{Keys: map[string][]string{"suspend": {"<disabled>"}}}, nil, ctrlZ, false, modeNormal},
		{"a letter, in the filter line", Config{Keys: map[string][]string{"suspend": {"Z"}}}, []string{"/"}, press("Z"), false, modeFilter},
		{"a letter, in the list", Config{Keys: map[string][]string{"suspend": {"Z"}}}, nil, press("Z"), true, modeNormal},
		{"the links panel's own", Config{Keys: map[string][]string{"links.suspend": {"Z"}}}, []string{"enter", "L"}, press("Z"), true, modeLinks},
		{"the browser's own", Config{Keys: map[string][]string{"annotations.suspend": {"Z"}}}, []string{"A"}, press("Z"), true, modeNormal},
		{"the tags panel's own", Config{Keys: map[string][]string{"tags.suspend": {"Z"}}}, []string{"#"}, press("Z"), true, modePanel},
		{"the selection's own", Config{Keys: map[string][]string{"selection.suspend": {"Z"}}}, []string{"enter", "v"}, press("Z"), true, modeNormal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, lib, tt.cfg, 80, 24)
			m = steps(t, m, tt.keys...)
			if got := root(t, m).mode(); got != tt.in {
				t.Fatalf("the keys %q led to mode %d, want %d", tt.keys, got, tt.in)
			}
			before := viewText(m)
			m, got := suspends(t, m, tt.key)
			if got != tt.want {
				t.Fatalf("suspends = %v, want %v", got, tt.want)
			}
			if tt.want && viewText(m) != before {
				t.Errorf("the screen changed:\n%s\nto\n%s", before, viewText(m))
			}
		})
	}

	t.Run("typed in the filter line", func(t *testing.T) {
		m := start(t, lib, Config{Keys: map[string][]string{"suspend": {"Z"}}}, 80, 24)
		m = steps(t, m, "/", "Z")
		if got := root(t, m).filter.input.Value(); got != "Z" {
			t.Errorf("the filter line holds %q, want Z", got)
		}
	})
}

// TestSuspendRefused: where nothing could bring tidings back, ctrl+z does
// not suspend it and says why.
func TestSuspendRefused(t *testing.T) {
	saved := canSuspend
	canSuspend = func() error { return errNoShell }
	t.Cleanup(func() { canSuspend = saved })

	m := start(t, newLibrary(t, 3), Config{}, 100, 24)
	m, got := suspends(t, m, ctrlZ)
	if got {
		t.Fatal("suspended")
	}
	if s := viewText(m); !strings.Contains(s, "cannot suspend: no shell") {
		t.Errorf("no word of why:\n%s", s)
	}
}

// TestSuspendInHelp: every screen's help lists the key.
func TestSuspendInHelp(t *testing.T) {
	lib := newLibrary(t, 3)
	empty, _ := openLibrary(t)
	for name, tt := range map[string]struct {
		lib  Library
		keys []string
	}{
		"list":               {lib, nil},
		"reader":             {lib, []string{"enter"}},
		"welcome":            {empty, nil},
		"tags panel":         {lib, []string{"#"}},
		"links panel":        {lib, []string{"enter", "L"}},
		"annotation browser": {lib, []string{"A"}},
		"passage selection":  {lib, []string{"enter", "v"}},
	} {
		t.Run(name, func(t *testing.T) {
			m := start(t, tt.lib, Config{}, 120, 40)
			m = steps(t, m, append(tt.keys, "?")...)
			if s := viewText(m); !strings.Contains(s, "ctrl+z suspend") {
				t.Errorf("the help has no ctrl+z suspend:\n%s", s)
			}
		})
	}
}
