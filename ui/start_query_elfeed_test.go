package ui

import (
	"strings"
	"testing"
)

// TestStartQuerySaysElfeedSyntaxIsWords: a query given at the start
// (tidings --query '+unread') written in elfeed's syntax says on the status
// line what tidings writes for it, as the same text typed at / does; one
// in tidings' own syntax says nothing of elfeed.
func TestStartQuerySaysElfeedSyntaxIsWords(t *testing.T) {
	lib := newLibrary(t, 30)
	tests := []struct {
		query string
		want  string // in the status line; "" for no note
	}{
		{"+unread", "write is:unread for +unread"},
		{"@6-months-ago +unread", "write since:6m for @6-months-ago, is:unread for +unread"},
		{"is:unread -leak", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := start(t, lib, Config{Query: tt.query}, 140, 24)
			status := root(t, m).status
			if tt.want == "" {
				if strings.Contains(status, "elfeed") {
					t.Errorf("started with %q, the status line says %q", tt.query, status)
				}
				return
			}
			if !strings.Contains(status, tt.want) {
				t.Errorf("started with %q, the status line says %q, want %q", tt.query, status, tt.want)
			}
			if !strings.Contains(viewText(m), tt.want) {
				t.Errorf("started with %q, the screen does not show %q:\n%s", tt.query, tt.want, viewText(m))
			}
		})
	}
}
