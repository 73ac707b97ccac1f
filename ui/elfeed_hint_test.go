package ui

import (
	"strings"
	"testing"
)

// TestFilterSaysElfeedSyntaxIsWords: a filter typed in elfeed's syntax,
// which tidings searches as words (+unread finds the word unread), says so
// in the status line as it is typed and once it is kept, with what tidings
// writes for it; tidings' own -word and #tag say nothing.
func TestFilterSaysElfeedSyntaxIsWords(t *testing.T) {
	lib := newLibrary(t, 30)
	tests := []struct {
		typed string
		want  string // in the status line; "" for no hint
	}{
		{"@6-months-ago +unread", "elfeed's syntax searches words here: write since:6m for @6-months-ago, is:unread for +unread"},
		{"=Reuters", "write source:Reuters for =Reuters"},
		{"+unread -leak", "write is:unread for +unread, -tag:leak for -leak"},
		{"is:unread -leak #nato", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			m := start(t, lib, Config{}, 140, 24)
			m = step(t, m, press("/"))
			m = typeKeys(t, m, tt.typed)
			check := func(when string) {
				t.Helper()
				status := root(t, m).status
				if tt.want == "" {
					if strings.Contains(status, "elfeed") {
						t.Errorf("%s %q the status line says %q", when, tt.typed, status)
					}
					return
				}
				if !strings.Contains(status, tt.want) {
					t.Errorf("%s %q the status line says %q, want %q", when, tt.typed, status, tt.want)
				}
				if !strings.Contains(viewText(m), tt.want) {
					t.Errorf("%s %q the screen does not show %q:\n%s", when, tt.typed, tt.want, viewText(m))
				}
			}
			check("typing")
			m = step(t, m, press("enter"))
			if root(t, m).mode() != modeNormal {
				t.Fatalf("enter did not keep %q", tt.typed)
			}
			check("after keeping")
		})
	}
}
