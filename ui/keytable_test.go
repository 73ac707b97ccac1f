package ui

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// readmeKeyRows are the rows of the README's key table, by what is in
// their first cell.
func readmeKeyRows(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "| where | keys |")
	if !ok {
		t.Fatal("the README has no key table")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		cells := strings.SplitN(strings.Trim(line, "|"), "|", 2)
		if len(cells) == 2 {
			rows[strings.TrimSpace(cells[0])] = cells[1]
		}
	}
	return rows
}

// TestReadmeKeyTableMatchesTheHelp: every key each screen's ? help lists,
// as the help names it, is in the README's key table, in its screen's row
// or in the row of the keys every screen has: the table a reader learns
// the keys from leaves none out.
func TestReadmeKeyTableMatchesTheHelp(t *testing.T) {
	rows := readmeKeyRows(t)
	m := root(t, start(t, newLibrary(t, 3), Config{}, 80, 24))
	km, err := newKeyMaps(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	screens := []struct {
		row    string
		groups [][]key.Binding
	}{
		{"list", km.list.FullHelp()},
		{"list", filterKeys().FullHelp()},
		{"reader", km.reader.FullHelp()},
		{"links panel (`L`)", km.links.FullHelp()},
		{"passage selection (`v`)", m.reader.selKeys.FullHelp()},
		{"passage selection (`v`)", [][]key.Binding{{m.selCopy}}},
		{"tag editor (`t`, `T`)", tagEditKeys().FullHelp()},
		{"tags panel (`#`)", km.panel.FullHelp()},
		{"tags panel (`#`)", panelFindKeys().FullHelp()},
		{"welcome (no articles yet)", km.welcome.FullHelp()},
		{"annotation browser (`A`)", km.browser.FullHelp()},
	}
	for _, s := range screens {
		row, ok := rows[s.row]
		if !ok {
			t.Errorf("the key table has no row %q", s.row)
			continue
		}
		for _, g := range s.groups {
			for _, b := range g {
				label := b.Help().Key
				if label == "" {
					continue // a key the line does not have
				}
				keys := strings.Split(label, "/")
				if label == "/" {
					keys = []string{"/"}
				}
				for _, k := range keys {
					written := "`" + strings.ReplaceAll(k, "ctrl+", "ctrl-") + "`"
					if !strings.Contains(row, written) && !strings.Contains(rows["everywhere"], written) {
						t.Errorf("%s: the help's %s (%s, %s) is not in the README's row", s.row, k, label, b.Help().Desc)
					}
				}
			}
		}
	}
}
