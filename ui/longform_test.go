package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// Long-form articles: lists of paragraphs, notes written in Markdown,
// tables and footnotes, as the reader shows them.

// looseList is an HTML page's numbered list of items of two paragraphs
// (<li><p>…</p><p>…</p></li>) as its import stores it.
const looseList = "The public inquiry heard from eleven witnesses. Here is what we learned from them.\n\n" +
	"1. The crane had failed an inspection.\n   \n   The report, dated March 2023, was never sent to the harbour board.\n" +
	"2. Warnings were ignored.\n   \n   Two crane drivers said they had complained about the brakes.\n" +
	"3. Nobody was in charge of maintenance after the contractor left.\n\n" +
	"The inquiry resumes on Monday."

// importBody imports one article of body and returns its id.
func importBody(t *testing.T, st *store.Store, body string) int64 {
	t.Helper()
	a := feeds.Article{ExternalID: "long1", Source: "Longform", Title: "A long read", Body: body,
		Published: time.Date(2024, 6, 20, 8, 0, 0, 0, time.UTC)}
	if _, err := st.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	return firstID(t, st)
}

// renderedLines is md rendered at width, each line without its margins,
// blank lines kept.
func renderedLines(t *testing.T, md string, width int) []string {
	t.Helper()
	out, err := RenderMarkdown(md, "", width, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.Trim(viewTextOf(out), "\n"), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return lines
}

// indexOf is the index of the line that is s, else -1.
func indexOf(lines []string, s string) int {
	for i, l := range lines {
		if l == s {
			return i
		}
	}
	return -1
}

// TestListItemParagraphs: the paragraphs of a list item are shown apart,
// a blank line between them, as a browser shows them, not run together
// ("inspection.The report").
func TestListItemParagraphs(t *testing.T) {
	tests := map[string]struct {
		md          string
		first, next string // the lines that end one paragraph and start the next
	}{
		"an HTML list":     {looseList, "1. The crane had failed an inspection.", "The report, dated March 2023, was never sent to the harbour board."},
		"a Markdown list":  {"1. First item\n2. Second item\n\n   with a second paragraph\n3. Third item", "2. Second item", "with a second paragraph"},
		"bullets":          {"- One.\n\n  Two.\n- Three.", "• One.", "Two."},
		"in a quote":       {"> - One.\n>\n>   Two.", "| • One.", "| Two."},
		"three paragraphs": {"- a\n\n  b\n\n  c", "b", "c"},
	}
	for name, tt := range tests {
		lines := renderedLines(t, tt.md, 100)
		i := indexOf(lines, tt.first)
		if i < 0 || i+2 >= len(lines) || strings.Trim(lines[i+1], "| ") != "" || lines[i+2] != tt.next {
			t.Errorf("%s: want %q, a blank line and %q; rendered\n%s", name, tt.first, tt.next, strings.Join(lines, "\n"))
		}
	}
}

// TestHighlightAcrossListItemParagraphs: a passage that runs from one
// paragraph of a list item into the next is drawn on every one of its
// words, and found where it was.
func TestHighlightAcrossListItemParagraphs(t *testing.T) {
	st, _ := openLibrary(t)
	id := importBody(t, st, looseList)
	quote := "The crane had failed an inspection.\n\nThe report, dated March 2023, was never sent to the harbour board."
	p := passage(t, st, id, quote)
	p.Note = "Who had it?"
	addNotes(t, st, id, p)
	m := openReader(t, st, 80, 24)
	m = step(t, m, press("]"))
	r := root(t, m)
	if n, ok := r.reader.current(); !ok || !n.placed || r.reader.text[n.start:n.end] != quote {
		t.Fatalf("the passage is not found: %+v", n)
	}
	if got := styledText(m.View().Content, r.styles.passageCurrentSGR); got != words(quote) {
		t.Errorf("the passage is drawn on %q, want %q\n%s", got, words(quote), viewText(m))
	}
	checkFits(t, m, 80, 24)
}

// planners is a long read's task list with a list inside, and a table.
const planners = "What the planners still need to decide:\n\n" +
	"- [x] Route through the city centre\n- [ ] Depot site\n- [ ] Funding for phase two\n" +
	"    1. Borrowing\n    2. A workplace parking levy\n\n" +
	"Some inline HTML. The end.\n\n" +
	"| City       | Opened |\n|------------|-------:|\n| Edinburgh  | 2014   |\n| Nottingham | 2004   |\n\n" +
	"Last paragraph."

// TestSelectionStepsThroughListsAndTables: in a passage selection, j and k
// stop at each list item and each table row, as at a sentence's end, not
// only after the whole list or table.
func TestSelectionStepsThroughListsAndTables(t *testing.T) {
	st, _ := openLibrary(t)
	importBody(t, st, planners)
	m := openReader(t, st, 80, 40)
	sty := root(t, m).styles
	tests := []struct {
		key      string
		from, to string // the selection's first and last sentence
	}{
		{"v", "What the planners still need to decide:", "What the planners still need to decide:"},
		{"j", "What the planners still need to decide:", "Route through the city centre"},
		{"j", "What the planners still need to decide:", "Depot site"},
		{"o", "What the planners still need to decide:", "Depot site"},
		{"j", "Route through the city centre", "Depot site"},
		{"o", "Route through the city centre", "Depot site"},
		{"j", "Route through the city centre", "Funding for phase two"},
		{"j", "Route through the city centre", "Borrowing"},
		{"j", "Route through the city centre", "A workplace parking levy"},
		{"j", "Route through the city centre", "Some inline HTML."},
		{"esc", "", ""},
	}
	for i, tt := range tests {
		m = step(t, m, press(tt.key))
		r := root(t, m).reader
		sel, ok := r.selected()
		if tt.from == "" {
			if ok {
				t.Errorf("step %d (%s): still selecting %q", i, tt.key, sel.Quote)
			}
			continue
		}
		if !ok || !strings.HasPrefix(sel.Quote, tt.from) || !strings.HasSuffix(sel.Quote, tt.to) {
			t.Errorf("step %d (%s): selected %q, want from %q to %q", i, tt.key, sel.Quote, tt.from, tt.to)
			continue
		}
		if got := styledText(m.View().Content, sty.selectionSGR); !strings.HasPrefix(got, tt.from) || !strings.HasSuffix(got, tt.to) {
			t.Errorf("step %d (%s): drawn as selected %q, want from %q to %q", i, tt.key, got, tt.from, tt.to)
		}
	}

	// A table's rows, one by one.
	m = steps(t, m, "v", "j", "j", "j", "j", "j", "j", "j")
	if sel, _ := root(t, m).reader.selected(); !strings.HasSuffix(sel.Quote, "The end.") {
		t.Fatalf("seven steps selected %q", sel.Quote)
	}
	for _, want := range []string{"City Opened", "Edinburgh 2014", "Nottingham 2004", "Last paragraph."} {
		m = step(t, m, press("j"))
		if sel, ok := root(t, m).reader.selected(); !ok || !strings.HasSuffix(sel.Quote, want) {
			t.Errorf("j: selected %q, want it to end at %q", sel.Quote, want)
		}
	}
	checkFits(t, m, 80, 40)
}

// markdownNote is a note written in Markdown: a list, a quote, a numbered
// list.
const markdownNote = "Two reasons:\n\n- bullet one\n- bullet two\n\n> a quoted line\n\n1. first\n2. second"

// TestPassageNoteIsMarkdown: a passage's note, shown under its paragraph,
// is rendered as Markdown, as a note on the whole article is: its bullets,
// numbers and quote bar are shown, behind the note's bar.
func TestPassageNoteIsMarkdown(t *testing.T) {
	st, _ := openLibrary(t)
	id := importBody(t, st, "The harbour reopened on Monday.\n\nThe ferry sails at seven.\n\nTickets cost two euros.")
	p := passage(t, st, id, "The ferry sails at seven.")
	p.Note = markdownNote
	addNotes(t, st, id, p, store.Annotation{Note: markdownNote})
	for _, width := range []int{80, 40} {
		m := openReader(t, st, width, 40)
		m = step(t, m, press("]"))
		if n, ok := root(t, m).reader.current(); !ok || n.Quote == "" {
			t.Fatalf("] made %+v current", n)
		}
		lines := strings.Split(viewText(m), "\n")
		at := indexOf(trimmed(lines), "✎ The ferry sails at seven.") // the pen in the margin: the note's passage
		if at < 0 {
			t.Fatalf("no passage:\n%s", viewText(m))
		}
		var under []string // the note under the passage, behind its bar
		for _, l := range lines[at+1:] {
			_, after, ok := strings.Cut(l, "  ┆ ")
			if !ok || strings.TrimSpace(l[:len(l)-len(after)-len("  ┆ ")]) != "" {
				break
			}
			under = append(under, strings.TrimSpace(after))
		}
		want := []string{"Two reasons:", "", "• bullet one", "• bullet two", "", "│ a quoted line", "", "1. first", "2. second"}
		if strings.Join(under, "\n") != strings.Join(want, "\n") {
			t.Errorf("at %d columns the note under the passage reads\n%s\nwant\n%s", width, strings.Join(under, "\n"), strings.Join(want, "\n"))
		}
		// The note on the whole article, under the body, reads the same.
		m = step(t, m, press("G"))
		if s := viewText(m); !strings.Contains(s, "  • bullet one") || !strings.Contains(s, "  1. first") || !strings.Contains(s, "  │ a quoted line") {
			t.Errorf("at %d columns the note on the article reads\n%s", width, s)
		}
		checkFits(t, m, width, 40)
	}
}

// trimmed is lines without the white space around each.
func trimmed(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

// TestPassageNoteOpensWithAList: a passage's note that opens with a list
// or a quote is drawn from its first mark, with no empty note line above
// it or below it.
func TestPassageNoteOpensWithAList(t *testing.T) {
	for _, tc := range []struct{ note, first, last string }{
		{"- bullet first\n- bullet second", "• bullet first", "• bullet second"},
		{"> quoted first", "│ quoted first", "│ quoted first"},
		{"plain note", "plain note", "plain note"},
	} {
		st, _ := openLibrary(t)
		id := importBody(t, st, "The harbour reopened on Monday.\n\nThe ferry sails at seven.\n\nTickets cost two euros.")
		p := passage(t, st, id, "The ferry sails at seven.")
		p.Note = tc.note
		addNotes(t, st, id, p)
		m := openReader(t, st, 80, 40)
		m = step(t, m, press("]"))
		lines := strings.Split(viewText(m), "\n")
		at := indexOf(trimmed(lines), "✎ The ferry sails at seven.")
		if at < 0 {
			t.Fatalf("no passage:\n%s", viewText(m))
		}
		var under []string
		for _, l := range lines[at+1:] {
			_, after, ok := strings.Cut(l, "  ┆ ")
			if !ok {
				break
			}
			under = append(under, strings.TrimSpace(after))
		}
		if len(under) == 0 || under[0] != tc.first || under[len(under)-1] != tc.last {
			t.Errorf("the note %q is drawn as %q", tc.note, under)
		}
	}
}
