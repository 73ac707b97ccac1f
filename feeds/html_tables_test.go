package feeds

import (
	"strings"
	"testing"
)

// TestSpannedTables: a table whose cells span columns or rows is written
// as a browser draws it, each value under its own column's header: a
// header of two rows (a group's name over its columns) is one, "Spending:
// Sandbags"; a cell spanning rows leaves the cells below it empty, not
// the row's last.
func TestSpannedTables(t *testing.T) {
	page := func(table string) string {
		return `<html><head><title>Storm budgets</title></head><body><article><h1>Storm budgets</h1>` + story(2) +
			table + `</article></body></html>`
	}
	tests := []struct {
		name, table string
		lines, not  []string
	}{
		{"a group's name over its columns, in a thead",
			`<table><thead><tr><th rowspan="2">Council</th><th colspan="2">Spending</th><th rowspan="2">Change</th></tr>` +
				`<tr><th>Sandbags</th><th>Barriers</th></tr></thead>` +
				`<tbody><tr><td>Whitby</td><td>120</td><td>340</td><td>+18%</td></tr></tbody></table>`,
			[]string{"| Council | Spending: Sandbags | Spending: Barriers | Change |", "| Whitby  | 120                | 340                | +18%   |"},
			[]string{"| Barriers |"}},
		{"header rows of <th> without a thead",
			`<table><tr><th rowspan="2">Ward</th><th colspan="2">Votes</th></tr><tr><th>2019</th><th>2024</th></tr>` +
				`<tr><td>North</td><td>1,204</td><td>1,310</td></tr></table>`,
			[]string{"| Ward  | Votes: 2019 | Votes: 2024 |", "| North | 1,204       | 1,310       |"}, nil},
		{"a cell spanning rows and columns, and one spanning rows after it",
			`<table><tr><th>Council</th><th>Year</th><th>Sandbags</th><th>Barriers</th></tr>` +
				`<tr><td colspan="2" rowspan="2">Staithes</td><td>12</td><td rowspan="2">none</td></tr>` +
				`<tr><td>18</td></tr></table>`,
			[]string{"| Staithes |      | 12       | none     |", "|          |      | 18       |          |"},
			[]string{"| 18 |"}},
		{"a cell spanning columns in a row of its own reads as it did",
			`<table><tr><th>Council</th><th>Sandbags</th><th>Change</th></tr>` +
				`<tr><td colspan="2">Redcar (combined)</td><td>+7%</td></tr></table>`,
			[]string{"| Council           | Sandbags | Change |", "| Redcar (combined) |          | +7%    |"}, nil},
		{"spans beyond the table and past any number read as a browser reads them",
			`<table><tr><th>A</th><th>B</th></tr><tr><td rowspan="9">1</td><td colspan="x">2</td></tr></table>`,
			[]string{"| A | B |", "| 1 | 2 |"}, []string{"|   |   |"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parseHTMLFile([]byte(page(tc.table)))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(a.Body, "\n")
			for _, want := range tc.lines {
				found := false
				for _, l := range lines {
					found = found || strings.Join(strings.Fields(l), " ") == strings.Join(strings.Fields(want), " ")
				}
				if !found {
					t.Errorf("no line %q in\n%s", want, a.Body)
				}
			}
			checkBody(t, a.Body, nil, tc.not)
		})
	}
}

// TestSpannedTableBounded: a table whose spans would make a grid of
// millions of cells is left to the Markdown as it is.
func TestSpannedTableBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<table><tr><th>A</th><th>B</th></tr>`)
	for range 200 {
		b.WriteString(`<tr><td colspan="1000">x</td><td>y</td></tr>`)
	}
	b.WriteString(`</table>`)
	doc, _, err := parseHTML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if spanGrid(tablesIn(doc)[0]) {
		t.Error("a table of 200,000 cells was laid out on its grid")
	}
}
