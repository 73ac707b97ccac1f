package ui

import (
	"strings"
	"testing"
)

// TestAltEscSpelledOtherwiseIsToldEsc: alt+esc in another case or by
// another program's name is told what alt+esc is told: write "esc".
func TestAltEscSpelledOtherwiseIsToldEsc(t *testing.T) {
	for _, k := range []string{"alt+ESC", "Alt+Esc", "alt+escape", "ALT+ESCAPE"} {
		err := Config{Keys: map[string][]string{"reader.back": {"esc", k}}}.Validate()
		if err == nil || !strings.Contains(err.Error(), `write "esc"`) {
			t.Errorf("back = [\"esc\", %q]: %v", k, err)
		}
	}
}
