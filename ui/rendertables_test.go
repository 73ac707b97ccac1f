package ui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store/anchor"
)

// openBody imports one article with body into a new library and opens it
// in the reader at a size.
func openBody(t *testing.T, body string, width, height int) tea.Model {
	t.Helper()
	st, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "T", Source: "Wire", Title: "Tables", URL: "https://example.com/tl",
		Published: time.Date(2025, 2, 5, 0, 0, 0, 0, time.UTC), Body: body}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, Config{}, width, height)
	return steps(t, m, "enter")
}

// TestTableLinksShowNoNumbersOfTheirOwn: a link in a table is drawn as its
// text, as a link outside one is, not with a number of the table's that
// means another link in L or clashes with the article's footnotes, and
// with no list of addresses under the table; L lists the links in the
// order they are read.
func TestTableLinksShowNoNumbersOfTheirOwn(t *testing.T) {
	tests := map[string]struct {
		body  string
		shown []string // on the screen
		links []string // L's list, after the article's own link
	}{
		"a table after a link and a footnote": {
			body: "See the [report](https://example.com/report) first, a claim[^1].\n\n" +
				"| Item | Where |\n|---|---|\n| one | [alpha](https://example.com/alpha) |\n| two | [beta](https://example.com/beta) |\n\n" +
				"[^1]: A footnote.",
			shown: []string{"alpha", "beta", "claim[1]", "[1] A footnote."},
			links: []string{"report", "alpha", "beta"},
		},
		"two tables": {
			body: "| T1 | Link |\n|---|---|\n| a | [first](https://example.com/first) |\n\nBetween.\n\n" +
				"| T2 | Link |\n|---|---|\n| b | [second](https://example.com/second) |",
			shown: []string{"first", "second", "Between."},
			links: []string{"first", "second"},
		},
		"an image, a reference link and emphasis in cells": {
			body: "| What | Link |\n|---|---|\n| map | ![the map](https://example.com/map.png) |\n" +
				"| data | [the **data**][d] and `a\\|b` |\n\n[d]: https://example.com/data",
			shown: []string{"the map", "the data and", "a|b"},
			links: []string{"image: the map", "the data"},
		},
	}
	numbered := regexp.MustCompile(`\[\d+\]`)
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			m := openBody(t, tt.body, 80, 30)
			screen := viewText(m)
			for _, want := range tt.shown {
				if !strings.Contains(screen, want) {
					t.Errorf("the reader does not show %q:\n%s", want, screen)
				}
			}
			// Every number in brackets on the screen is a footnote's: one
			// its note starts with.
			for _, n := range numbered.FindAllString(screen, -1) {
				if !strings.Contains(screen, n+" A footnote") {
					t.Errorf("%s on the screen is no footnote's number:\n%s", n, screen)
				}
			}
			if strings.Contains(screen, "https://example.com/alpha") || strings.Contains(screen, "https://example.com/first") {
				t.Errorf("a table's link is listed with its address under the table:\n%s", screen)
			}
			r := root(t, m).reader
			var got []string
			for _, l := range r.links[1:] {
				got = append(got, l.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.links, "|") {
				t.Errorf("L lists %q, want %q", got, tt.links)
			}
		})
	}
}

// wideTable is a table of n columns of three rows, whose heads and cells
// are words of eight letters: too wide for the reading width.
func wideTableBody(n int) string {
	var b strings.Builder
	b.WriteString("Before WIDEBEFORE.\n\n|")
	for c := range n {
		fmt.Fprintf(&b, " Header%02d |", c)
	}
	b.WriteString("\n|")
	for range n {
		b.WriteString("---|")
	}
	for r := range 3 {
		b.WriteString("\n|")
		for c := range n {
			fmt.Fprintf(&b, " r%dc%02dval |", r, c)
		}
	}
	b.WriteString("\n\nAfter WIDEAFTER.\n")
	return b.String()
}

// TestWideTablesAreReadable: a table too wide for the reading width takes
// the terminal's width when that is wide enough, and is drawn as records,
// each of its cells after its head, when it is not; never as heads cut
// to "…" and cells broken into slivers.
func TestWideTablesAreReadable(t *testing.T) {
	body := wideTableBody(14)
	for _, width := range []int{200, 120, 60} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			m := openBody(t, body, width, 80)
			screen := viewText(m)
			if lines := bodyLines(t, screen); strings.Contains(strings.Join(lines[:len(lines)-1], "\n"), "…") {
				t.Errorf("something is cut short:\n%s", screen)
			}
			for c := range 14 {
				for _, want := range []string{fmt.Sprintf("Header%02d", c), fmt.Sprintf("r1c%02dval", c)} {
					if !strings.Contains(screen, want) {
						t.Errorf("%q is not on the screen:\n%s", want, screen)
					}
				}
			}
			records := strings.Contains(screen, "Header05: r1c05val")
			if table := strings.Contains(screen, "r1c04val │ r1c05val"); table == records {
				t.Errorf("the table is drawn neither as a table nor as records (or as both):\n%s", screen)
			}
			if wantTable := width == 200; records == wantTable {
				t.Errorf("at %d columns, records %v:\n%s", width, records, screen)
			}
			checkFits(t, m, width, 80)
		})
	}
}

// TestWideTableRowsStayHighlightable: a row of a table drawn at the
// terminal's width, or as records, is drawn over its cells' text and
// nothing of the other rows', as a row of a table at the reading width is.
func TestWideTableRowsStayHighlightable(t *testing.T) {
	body := wideTableBody(14)
	text := anchor.PlainText(body)
	for _, k := range []renderKey{
		{width: 120, room: 200, style: "dark"},
		{width: 60, style: "dark"},
		{width: 60, style: "notty"},
	} {
		out, err := newRenderer().render(k, body)
		if err != nil {
			t.Fatal(err)
		}
		l := newBodyLayout(out, text)
		lines := strings.Split(text, "\n")
		for _, row := range lines {
			if !strings.Contains(row, "Header") && !strings.Contains(row, "val") {
				continue
			}
			start := strings.Index(text, row)
			var drawn strings.Builder
			for _, r := range l.ranges(start, start+len(row)) {
				drawn.WriteString(l.strip[r[0]:r[1]] + " ")
			}
			if got, want := letters(drawn.String()), letters(row); got != want {
				t.Errorf("%+v: the row %q is drawn over %q\n%s", k, row, drawn.String(), l.strip)
			}
		}
	}
}
