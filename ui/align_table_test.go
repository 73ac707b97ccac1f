package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"tidings/store/anchor"
)

// tableBody is a table whose cells wrap at narrow widths, the head's too,
// between two paragraphs, and a second table with the same words in other
// rows: one with a link, whose address glamour lists under the table.
const tableBody = `Intro sentence before the table.

| Contractor | Scope of the contract | Value |
|---|---|---|
| Harbour Lift Engineering Ltd | Replacement of the four northern gantry cranes and their rails | 12 million |
| Nordic Steel | Foundations for the new quay wall along the eastern basin | 8 million |

Between the tables.

| Year | Cranes |
|------|--------|
| 1974 | eleven [new](https://example.org/cranes) cranes for the four berths of the eastern basin |
| million | 1975 |

Closing sentence after the table.`

// TestTableRowsStayInTheirRows: the passage of a table's row, found in
// the rendering, is every word of its cells and nothing of the next row's,
// also when its cells wrap; the lines it is drawn on are the row's, so the
// mark in the margin does not run beside the next row.
func TestTableRowsStayInTheirRows(t *testing.T) {
	text := anchor.PlainText(tableBody)
	rows := []string{
		"Contractor Scope of the contract Value",
		"Harbour Lift Engineering Ltd Replacement of the four northern gantry cranes and their rails 12 million",
		"Nordic Steel Foundations for the new quay wall along the eastern basin 8 million",
		"Year Cranes",
		"1974 eleven new cranes for the four berths of the eastern basin",
		"million 1975",
	}
	for _, style := range []string{"dark", "notty"} {
		for _, width := range []int{130, 70, 50, 36} {
			out, err := newRenderer().render(renderKey{width: width, style: style}, tableBody)
			if err != nil {
				t.Fatal(err)
			}
			l := newBodyLayout(out, text)
			lines := strings.Split(l.strip, "\n")
			for i, row := range rows {
				start := strings.Index(text, row)
				if start < 0 {
					t.Fatalf("%q is not in the plain text:\n%s", row, text)
				}
				rs := l.ranges(start, start+len(row))
				var drawn strings.Builder
				for _, r := range rs {
					drawn.WriteString(l.strip[r[0]:r[1]] + " ")
				}
				// A word too long for its cell is broken across lines, and
				// a head too wide for its column cut short ("Contract…"):
				// what is drawn is the row's letters, or the start of each
				// of a head's cells.
				got, want := letters(drawn.String()), letters(row)
				if strings.Contains(drawn.String(), "…") && i == 0 {
					for _, w := range strings.Fields(drawn.String()) {
						if !strings.Contains(row, strings.TrimSuffix(w, "…")) {
							t.Errorf("%s at %d: the head is drawn over %q, not in it", style, width, w)
						}
					}
				} else if got != want {
					t.Errorf("%s at %d: row %d is drawn over %q, want %q\n%s", style, width, i, drawn.String(), row, l.strip)
					continue
				}
				// The lines marked are the row's: the next row's first
				// word is on none of them.
				if i+1 < len(rows) && len(rs) > 0 {
					next := strings.Fields(rows[i+1])[0]
					first, last := l.lineOf(rs[0][0]), l.lineOf(rs[len(rs)-1][1]-1)
					for n := first; n <= last; n++ {
						if slices.Contains(strings.Fields(lines[n]), next) {
							t.Errorf("%s at %d: row %d is marked on line %d, the next row's: %q", style, width, i, n, lines[n])
						}
					}
				}
			}
		}
	}
}

// TestTableLinesLeadBack: each line of a wrapped table leads back to
// where its first word is in the plain text, later lines further on.
func TestTableLinesLeadBack(t *testing.T) {
	text := anchor.PlainText(tableBody)
	for _, width := range []int{70, 36} {
		out, err := newRenderer().render(renderKey{width: width, style: "dark"}, tableBody)
		if err != nil {
			t.Fatal(err)
		}
		l := newBodyLayout(out, text)
		last := -1
		for i, off := range l.linePlain {
			if off < 0 {
				continue
			}
			if off <= last {
				t.Errorf("at %d, line %d maps to %d, before the line above (%d)", width, i, off, last)
			}
			last = off
		}
	}
}

// letters are the letters and digits of s, sorted.
func letters(s string) string {
	var rs []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}

// TestTableRowNoteMarksItsLines: a note on a row of a table whose cells
// wrap is marked in the margin beside the row's lines, all of them, and
// not beside the next row's.
func TestTableRowNoteMarksItsLines(t *testing.T) {
	text := anchor.PlainText(tableBody)
	row := "Harbour Lift Engineering Ltd Replacement of the four northern gantry cranes and their rails 12 million"
	start := strings.Index(text, row)
	st := newStyles(true, false, nil)
	for _, width := range []int{130, 70, 50} {
		out, err := newRenderer().render(renderKey{width: width, style: "dark"}, tableBody)
		if err != nil {
			t.Fatal(err)
		}
		l := newBodyLayout(out, text)
		d := &decoration{marks: []passageMark{{id: 7, start: start, end: start + len(row), kind: markNote, noted: true}}}
		v := decorate(out, l, d, width, st, func(string, int) string { return "" })
		lines := strings.Split(ansi.Strip(v.out), "\n")
		var marked []string
		for _, line := range lines {
			if strings.HasPrefix(line, st.glyphs.noteBar) || strings.HasPrefix(line, st.glyphs.annotated) {
				marked = append(marked, line)
			}
		}
		if len(marked) == 0 || !strings.Contains(marked[0], "Harbour") {
			t.Errorf("at %d: the marks start at %q, want the row's first line", width, marked)
			continue
		}
		for _, line := range marked {
			if strings.Contains(line, "Nordic") || strings.Contains(line, "Contractor") {
				t.Errorf("at %d: the note is marked beside another row: %q", width, line)
			}
		}
		spot := v.spots[7]
		if got := strings.Join(lines[spot[0]:spot[1]+1], "\n"); !strings.Contains(got, "rails") || !strings.Contains(got, "Ltd") {
			t.Errorf("at %d: the note's lines are\n%s\nwant all of the row's", width, got)
		}
	}
}
