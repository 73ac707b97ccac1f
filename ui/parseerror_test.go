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
		line := viewTextOf(parseErrorLine(tt.text, 0, &query.Error{Msg: long, Pos: tt.pos}, tt.width, st))
		caret := strings.Index(line, "^")
		if caret < 0 || !strings.Contains(line, "bad period") {
			t.Errorf("%q at %d cells: %q lacks the caret or the reason", tt.text, tt.width, line)
		}
		if w := len([]rune(line)); w > tt.width {
			t.Errorf("%q at %d cells: %d cells wide", tt.text, tt.width, w)
		}
	}
}

// TestParseErrorCaretScrolled: when the query is wider than the screen and
// the line shows its end, the caret stands under the term that does not
// parse, where the line shows it.
func TestParseErrorCaretScrolled(t *testing.T) {
	m := start(t, newLibrary(t, 3), Config{}, 80, 24)
	m = steps(t, m, "/")
	m = typeKeys(t, m, `source:reuters "oil prices" OR bogus:y (brent AND crude) after:2024-01-01 title:opec wordy`)
	lines := strings.Split(viewText(m), "\n")
	for i, l := range lines[:len(lines)-1] {
		at := strings.Index(l, "bogus:y")
		if !strings.HasPrefix(l, "/") || at < 0 {
			continue
		}
		caret := strings.Index(lines[i+1], "^")
		if col := len([]rune(l[:at])); caret < 0 || len([]rune(lines[i+1][:caret])) != col {
			t.Errorf("the caret is not under bogus:y:\n%s\n%s", l, lines[i+1])
		}
		return
	}
	t.Fatalf("no filter line with the term:\n%s", viewText(m))
}
