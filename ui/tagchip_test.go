package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

func TestTagChipsQuoteNamesWithSpaces(t *testing.T) {
	st := newStyles(true, true, nil)
	same := func(s lipgloss.Style) lipgloss.Style { return s }
	tests := []struct {
		tags []string
		want string
	}{
		{[]string{"rail"}, "#rail"},
		{[]string{"Long Read", "rail"}, `#"Long Read" #rail`},
		{[]string{"a b c"}, `#"a b c"`},
		{[]string{"x\x1b[31my z"}, `#"xy z"`},
	}
	for _, tt := range tests {
		got, w := tagChips(tt.tags, 80, same, st)
		if plain := viewTextOf(got); plain != tt.want || w != len(tt.want) {
			t.Errorf("tagChips(%q) = %q (width %d), want %q", tt.tags, plain, w, tt.want)
		}
	}
}
