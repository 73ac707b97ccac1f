package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"tidings/store/anchor"
)

// recordsBody has tables too wide for a narrow screen whose heads and
// cells hold Markdown's marks: a "#" rank, a "-" and a "Price*".
const recordsBody = "Ranked list below.\n\n" +
	"| # | Competitor name | Country of origin | Finishing time | Notes from the organisers |\n" +
	"|---|---|---|---|---|\n" +
	"| 1 | Alexandra Konstantinopoulou | Greece | 2:05:11 | [course record](http://example.com/rec) |\n" +
	"| 2 | Bartholomew Featherstonehaugh | United Kingdom | 2:06:40 | second |\n\n" +
	"| *Emphasised head* | Price* | **Total** amount | `code head` |\n" +
	"|---|---|---|---|\n" +
	"| alpha beta gamma delta | 12* | 44 pounds sterling | `x = 1` |\n\n" +
	"| - | Item description long enough to wrap | Quantity ordered by customer |\n" +
	"|---|---|---|\n" +
	"| - | A pair of noise-cancelling headphones | 2 |\n\n" +
	"| Maker & model | 1. | Tilde ~ |\n" +
	"|---|---|---|\n" +
	"| AT&amp;T ~ phone, \\~\\~ and \\* internationally | 2) > | +\\~\\~x\\~\\~ |\n\n" +
	"Done.\n"

// shownLines renders body for k and returns its lines as shown, each
// trimmed of its padding.
func shownLines(t *testing.T, k renderKey, body string) []string {
	t.Helper()
	out, err := newRenderer().render(k, body)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

// TestRecordsShowHeadsAsWritten: a table drawn as records shows its heads
// and cells as the table does: a "#" head is no heading, a "-" head no
// list item, and a "Price*" head no emphasis that swallows its colon; and
// every row is still drawn over its cells' text, for passages and search.
func TestRecordsShowHeadsAsWritten(t *testing.T) {
	// The lines of a record, as head and what follows it, and the lines
	// of heads that start records, of the first table and of all three.
	first := [][2]string{{"#", " 1"}, {"#", " 2"}, {"Finishing time", " 2:05:11"}}
	all := append([][2]string{
		{"Price*", " 12*"}, {"Total amount", " 44 pounds"}, {"code head", " x = 1"}, {"-", " -"},
		{"Maker & model", " AT&T ~"}, {"1.", " 2) >"}, {"Tilde ~", " +~~x~~"},
	}, first...)
	firstHeads := []string{"# · Competitor name ·"}
	allHeads := append([]string{"Emphasised head · Price* ·", "- · Item description long", "Maker & model · 1. · Tilde"}, firstHeads...)
	tests := []struct {
		k     renderKey
		lines [][2]string
		heads []string
	}{
		{renderKey{width: 30, style: "dark"}, all, allHeads},
		{renderKey{width: 30, style: "notty"}, all, allHeads},
		{renderKey{width: 30, style: "dark", addresses: true}, all, allHeads},
		{renderKey{width: 50, style: "light"}, first, firstHeads},
	}
	for _, tt := range tests {
		k := tt.k
		lines := shownLines(t, k, recordsBody)
		shown := strings.Join(lines, "\n")
		for _, line := range tt.lines {
			if want := recordLabel(k, line[0]) + line[1]; !strings.Contains(shown, "\n"+want) {
				t.Errorf("%+v: no line %q:\n%s", k, want, shown)
			}
		}
		for _, want := range tt.heads {
			if !strings.Contains(shown, "\n"+want) {
				t.Errorf("%+v: no head line starting %q:\n%s", k, want, shown)
			}
		}
		if strings.Contains(shown, "•") {
			t.Errorf("%+v: a head is drawn as a list item:\n%s", k, shown)
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "*") && k.style != "notty" || strings.HasPrefix(l, "·") {
				t.Errorf("%+v: the line %q shows a mark of the Markdown or lost its first head:\n%s", k, l, shown)
			}
		}
		if k.width == 30 { // all three drawn as records
			checkRowsDrawnOver(t, k, recordsBody)
		}
	}
}

// recordLabel is how a record's line starts, with its head, in k's style:
// in italics, which the style without colour draws between asterisks.
func recordLabel(k renderKey, head string) string {
	if k.style == "notty" {
		return "*" + head + ":*"
	}
	return head + ":"
}

// checkRowsDrawnOver checks that each row of the tables of body, rendered
// for k, is drawn over its cells' text and nothing of the other rows'.
func checkRowsDrawnOver(t *testing.T, k renderKey, body string) {
	t.Helper()
	out, err := newRenderer().render(k, body)
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.PlainText(body)
	l := newBodyLayout(out, text)
	at := 0
	for row := range strings.Lines(text) {
		start := at
		at += len(row)
		row = strings.TrimSuffix(row, "\n")
		if strings.TrimSpace(row) == "" {
			continue
		}
		var drawn strings.Builder
		for _, r := range l.ranges(start, start+len(row)) {
			drawn.WriteString(l.strip[r[0]:r[1]] + " ")
		}
		if got, want := letters(drawn.String()), letters(row); got != want {
			t.Errorf("%+v: the line %q is drawn over %q\n%s", k, row, drawn.String(), l.strip)
		}
	}
}

// TestTableImageAltAsWritten: the description of an image in a table,
// drawn as its text, shows an & and a ~ as written, without a backslash.
func TestTableImageAltAsWritten(t *testing.T) {
	body := "| What | Image |\n|---|---|\n| map | ![AT&amp;T ~ coverage](https://example.com/map.png) |\n"
	for _, style := range []string{"dark", "notty"} {
		k := renderKey{width: 60, style: style}
		if shown := strings.Join(shownLines(t, k, body), "\n"); !strings.Contains(shown, "AT&T ~ coverage") {
			t.Errorf("%+v: the image's description is not shown as written:\n%s", k, shown)
		}
	}
}

// TestRecordsInTheReader: the reader at a narrow width shows the records
// of such tables as written.
func TestRecordsInTheReader(t *testing.T) {
	for width, shown := range map[int][]string{
		30: {"# · Competitor", "#: 1", "Price*: 12*", "- · Item", "-: -"},
		50: {"# · Competitor", "#: 1", "#: 2"}, // the others fit as tables
	} {
		m := openBody(t, recordsBody, width, 120)
		screen := viewText(m)
		for _, want := range shown {
			if !strings.Contains(screen, want) {
				t.Errorf("at %d columns, the reader does not show %q:\n%s", width, want, screen)
			}
		}
		checkFits(t, m, width, 120)
	}
}

// linksBody is an article with links in a table, and outside one.
const linksBody = "Intro with [an intro link](http://example.com/intro).\n\n" +
	"| Name | Site | Notes |\n|------|------|-------|\n" +
	"| Alpha | [alpha site](http://example.com/alpha) | first |\n" +
	"| Beta | [beta](http://example.com/beta) and [more beta](http://example.com/b2) | second |\n" +
	"| Gamma | <http://example.com/gamma> | autolink |\n" +
	"| Delta | ![img alt](http://example.com/i.png) | image |\n" +
	"| Eps | [![logo](http://example.com/logo.png)](http://example.com/home) | image link |\n\n" +
	"After the table."

// linksAddresses are the addresses of linksBody's table.
var linksAddresses = []string{
	"http://example.com/alpha", "http://example.com/beta", "http://example.com/b2",
	"http://example.com/gamma", "http://example.com/i.png", "http://example.com/logo.png",
	"http://example.com/home",
}

// TestTableLinksAddresses: rendered for tidings show, which has no list
// of links, a link in a table is drawn with its address, as outside a
// table, whether the table is drawn as a table or as records; for the
// reader, it is drawn as its text alone, L listing it, with no number.
func TestTableLinksAddresses(t *testing.T) {
	tableRow := regexp.MustCompile(`Alpha +[│|] alpha site`)
	for _, k := range []renderKey{
		{width: 80, style: "dark"},
		{width: 80, style: "notty"},
		{width: 40, style: "dark"},
		{width: 40, style: "notty"},
	} {
		for _, addresses := range []bool{true, false} {
			k.addresses = addresses
			shown := strings.Join(shownLines(t, k, linksBody), "\n")
			records := strings.Contains(shown, recordLabel(k, "Site")+" alpha site")
			if table := tableRow.MatchString(shown); table == records {
				t.Errorf("%+v: neither a table nor records:\n%s", k, shown)
			}
			if !strings.Contains(shown, "http://example.com/intro") {
				t.Errorf("%+v: the paragraph's link lost its address:\n%s", k, shown)
			}
			for _, a := range linksAddresses {
				if a == "http://example.com/gamma" {
					continue // the autolink's text is its address
				}
				if got := strings.Contains(shown, a); got != addresses {
					t.Errorf("%+v: shows %s: %v:\n%s", k, a, got, shown)
				}
			}
			for _, want := range []string{"alpha site", "beta", "more beta", "http://example.com/gamma", "img alt", "logo"} {
				if !strings.Contains(shown, want) {
					t.Errorf("%+v: %q is not shown:\n%s", k, want, shown)
				}
			}
			if strings.Contains(shown, "[1]") {
				t.Errorf("%+v: a link is numbered:\n%s", k, shown)
			}
		}
	}
}
