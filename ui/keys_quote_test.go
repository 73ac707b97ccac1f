package ui

import (
	"strconv"
	"strings"
	"testing"

	"tidings/ui/cli"
)

// TestKeyNameMessagesQuoteTheValue: a key name that is no key is quoted in
// the message as config.toml wrote it, as the message is printed (on one
// line, cleaned), and the hint names the key meant: a tab written as "\t"
// is "tab", a name with spaces around it the name without them.
func TestKeyNameMessagesQuoteTheValue(t *testing.T) {
	tests := []struct {
		name, value, hint string
	}{
		{"two spaces before", "  s", `write "s"`},
		{"one space before", " s", `write "s"`},
		{"spaces after", "s   ", `write "s"`},
		{"spaces in a modifier", "ctrl+  d", ""},
		{"tab", "\t", `write "tab"`},
		{"newline", "\n", `write "enter"`},
		{"a space", " ", `write "space"`},
		{"escape", "\x1b", `write "esc"`},
		{"a word", "sss", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Config{Keys: map[string][]string{"star": {tt.value}}}.Validate()
			if err == nil {
				t.Fatalf("%q accepted", tt.value)
			}
			shown := cli.ErrorText(err) // as tidings prints it
			rest, ok := strings.CutPrefix(shown, "keys.star: ")
			if !ok {
				t.Fatalf("the message does not name the setting: %q", shown)
			}
			quoted, err := strconv.QuotedPrefix(rest)
			if err != nil {
				t.Fatalf("the message does not start with the value quoted: %q", shown)
			}
			if got, _ := strconv.Unquote(quoted); got != tt.value {
				t.Errorf("the message quotes %s, which reads as %q, not %q as written: %q", quoted, got, tt.value, shown)
			}
			if tt.hint != "" && !strings.Contains(shown, tt.hint) {
				t.Errorf("the message does not say %s: %q", tt.hint, shown)
			}
		})
	}
}
