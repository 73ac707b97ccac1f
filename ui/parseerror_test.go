package ui

import (
	"strings"
	"testing"

	"tidings/store/query"
)

// TestParseErrorLineSaysWhy: under a query that does not parse, the caret
// points at the column and the reason shows beside it, cut short when the
// line has no room for it whole, never left out.
func TestParseErrorLineSaysWhy(t *testing.T) {
	st := newStyles(true, true, nil)
	long := `bad period "7x": want a number and a unit h, d, w, m or y, like 7d`
	tests := []struct {
		text  string
		pos   int
		width int
	}{
		{"ferry since:7x", 7, 100},
		{"ferry since:7x", 7, 80},
		{"ferry council budget election since:7x", 31, 80},
		{"ferry council budget election since:7x", 31, 40},
		{"x since:7x", 3, 30},
	}
	for _, tt := range tests {
		line := viewTextOf(parseErrorLine(tt.text, &query.Error{Msg: long, Pos: tt.pos}, tt.width, st))
		caret := strings.Index(line, "^")
		if caret < 0 || !strings.Contains(line, "bad period") {
			t.Errorf("%q at %d cells: %q lacks the caret or the reason", tt.text, tt.width, line)
		}
		if w := len([]rune(line)); w > tt.width {
			t.Errorf("%q at %d cells: %d cells wide", tt.text, tt.width, w)
		}
	}
}
