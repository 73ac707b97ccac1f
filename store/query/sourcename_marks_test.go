package query

import (
	"slices"
	"strings"
	"testing"
)

// TestNameFormsWithManyMarks: past 30 combining marks in a row, the forms
// a name is matched in are still the name as typed and its composed and
// decomposed spellings, none with a grapheme joiner it did not hold, and
// each cut to the 30 marks a library keeps (marks.MaxRun).
func TestNameFormsWithManyMarks(t *testing.T) {
	marks := func(n int) string { return strings.Repeat("\u0301", n) }
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"é", []string{"é", "e\u0301"}},
		{"e\u0301", []string{"é", "e\u0301"}},
		{"Ze" + marks(31) + "d", []string{"Zé" + marks(30) + "d", "Ze" + marks(31) + "d", "Ze" + marks(30) + "d"}},
		{"Zé" + marks(30) + "d", []string{"Zé" + marks(30) + "d", "Ze" + marks(31) + "d", "Ze" + marks(30) + "d"}},
		{"x" + marks(40), []string{"x" + marks(40), "x" + marks(30)}},
		// A joiner the name holds is its own.
		{"e" + marks(2) + "\u034f" + marks(2), []string{"é" + marks(1) + "\u034f" + marks(2), "e" + marks(2) + "\u034f" + marks(2)}},
		// Marks out of canonical order: as typed too.
		{"a\u0301\u0327", []string{"\u00e1\u0327", "a\u0327\u0301", "a\u0301\u0327"}},
	} {
		got := nameForms(tc.name)
		if !slices.Equal(got, tc.want) {
			t.Errorf("nameForms(%+q) = %+q, want %+q", tc.name, got, tc.want)
		}
		for _, f := range got {
			if strings.Count(f, "\u034f") != strings.Count(tc.name, "\u034f") {
				t.Errorf("nameForms(%+q) has a joiner the name did not: %+q", tc.name, f)
			}
		}
	}
}
