package ui

import (
	"strings"
	"testing"
)

// Double-encoded UTF-8 puts C1 controls into ordinary text: ” read as
// Windows-1252 is "â€" and U+009D, ‐ is "â€" and U+0090. What the reader
// shows drops the control and keeps the rest of the line and the lines
// after it.
func TestKeepStylesKeepsTextAfterC1(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"closing quote": {
			"He said â€œnoâ€\u009d and left.\nThe vote is next week.",
			"He said â€œnoâ€ and left.\nThe vote is next week.",
		},
		"hyphen":          {"a wellâ€\u0090known fact\n\nmore", "a wellâ€known fact\n\nmore"},
		"styled around":   {"\x1b[1mnoâ€\u009d\x1b[0m to it", "\x1b[1mnoâ€\x1b[0m to it"},
		"csi rune alone":  {"Ã\u009bBER alles", "ÃBER alles"},
		"apc rune alone":  {"a\u009fb\u009ec\u0098d", "abcd"},
		"7-bit osc whole": {"a\x1b]0;title\x07b\u009dc", "abc"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := keepStyles(tc.in)
			if got != tc.want {
				t.Errorf("keepStyles(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if err := checkTerminalSafe(got); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestOneLineKeepsTextAfterC1: a title holding a double-encoded closing
// quote is shown whole.
func TestOneLineKeepsTextAfterC1(t *testing.T) {
	in := "Minister says â€œnoâ€\u009d to resignation calls amid vote"
	if got, want := oneLine(in), "Minister says â€œnoâ€ to resignation calls amid vote"; got != want {
		t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
	}
}

// TestRenderedBodyKeepsTextAfterC1 renders a body with double-encoded
// quotes and finds every word of it on the screen.
func TestRenderedBodyKeepsTextAfterC1(t *testing.T) {
	body := "The minister said â€œwe will not resignâ€\u009d and then left the building.\n\nA â€\u0090 dash before the end."
	out, err := newRenderer().render(renderKey{id: 1, width: 100, style: glamourStyle(true, true)}, body)
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range []string{"and then left the building.", "dash before the end."} {
		if !strings.Contains(out, words) {
			t.Errorf("rendered body lost %q:\n%s", words, out)
		}
	}
}
