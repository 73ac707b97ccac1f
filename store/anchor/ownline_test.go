package anchor

import (
	"strings"
	"testing"
)

// The tester's police log: two items end with the same sentence.
const (
	logIntro = "Police log for the weekend."
	logElm   = "A car caught fire on Elm Street on Friday night. No injuries were reported."
	logOak   = "A garden shed burned down on Oak Road early on Saturday. No injuries were reported."
	logBikes = "Two bicycles were stolen from the station on Sunday. Police are asking for witnesses."
)

// readMore is an article of sections that each end with the same line.
func readMore(sections ...string) string {
	parts := []string{"Intro text here for the section."}
	for _, s := range sections {
		parts = append(parts, s, "Body "+strings.ToLower(s)+" is about "+map[string]string{"One": "apples", "Two": "pears", "Three": "plums"}[s]+".", "Read more.")
	}
	return strings.Join(parts, "\n\n")
}

// TestFindNotOnAnotherCopy: when the paragraph (list item, table row,
// section) a passage was in is deleted, the passage is orphaned, not moved
// onto another copy of its words that the paragraph after or before it now
// stands next to, nor onto one that now ends the text as it did. A passage
// sharing its line with other words is placed by those words; one that is
// a line of its own, by the lines on both sides of it, which may have
// lines inserted between them and it.
func TestFindNotOnAnotherCopy(t *testing.T) {
	cranes := func(paragraphs ...string) string { return strings.Join(paragraphs, "\n\n") }
	const (
		port      = "The port authority said on Monday that the old cranes will go. The vote was close."
		officials = "Officials announced that new electric cranes arrive in May. The vote was close."
		final     = "The final sentence ends the article."
	)
	table := func(rows ...string) string {
		return "| Name | Value |\n|---|---|\n| " + strings.Join(rows, " |\n| ") + " |"
	}
	tests := map[string]struct {
		text  string // the text the note was made on
		quote string
		nth   int    // which copy of the quote the note is on, from 1
		now   string // the text now
		want  string // the text from the passage found on; "" for orphaned
	}{
		"the item with the copy deleted, the next after it": {
			cranes(logIntro, logElm, logOak, logBikes), "No injuries were reported.", 2,
			cranes(logIntro, logElm, logBikes), ""},
		"the last item deleted, another copy ends the text": {
			cranes(logIntro, logBikes, logElm, logOak), "No injuries were reported.", 2,
			cranes(logIntro, logBikes, logElm), ""},
		"the other item deleted: its own copy": {
			cranes(logIntro, logElm, logOak, logBikes), "No injuries were reported.", 2,
			cranes(logIntro, logOak, logBikes), "No injuries were reported.\n\nTwo bicycles"},
		"the paragraph deleted": {
			cranes(port, officials, final), "The vote was close.", 2,
			cranes(port, final), ""},
		"the sentence after it rewritten": {
			"Members met. The vote was close. Nobody expected it.\n\nLater. The vote was close. The mayor resigned.", "The vote was close.", 2,
			"Members met. The vote was close. Nobody expected it.\n\nLater. The vote was close. Then the mayor quit.", "The vote was close. Then the mayor"},
		"a section deleted, the next after its copy": {
			readMore("One", "Two", "Three"), "Read more.", 2,
			readMore("One", "Three"), ""},
		"the last section deleted": {
			readMore("One", "Two", "Three"), "Read more.", 3,
			readMore("One", "Two"), ""},
		"the section's body rewritten, its heading left": {
			readMore("One", "Two", "Three"), "Read more.", 2,
			strings.Replace(readMore("One", "Two", "Three"), "Body two is about pears.", "Body two is now about grapes and figs.", 1),
			"Read more.\n\nThree"},
		"an update added at the top": {
			readMore("One", "Two", "Three"), "Read more.", 3,
			"Update: the sections were revised.\n\n" + readMore("One", "Two", "Three"), "Read more."},
		"a long section added after the last": {
			readMore("One", "Two", "Three"), "Read more.", 3,
			readMore("One", "Two", "Three") + "\n\nLater\n\n" + strings.Repeat("More news follows here. ", 40), "Read more.\n\nLater"},
		"a line inserted after the long line before it": {
			"Body of the first section, long enough to be cut so short.\n\nRead more.\n\nAnother body, of the second section.\n\nRead more.", "Read more.", 1,
			"Body of the first section, long enough to be cut so short.\n\nA line added since.\n\nRead more.\n\nAnother body, of the second section.\n\nRead more.",
			"Read more.\n\nAnother body"},
		"a row inserted before it": {
			table("alpha | 1", "beta | 2"), "alpha 1", 1,
			table("gamma | 3", "alpha | 1", "beta | 2"), "alpha 1\nbeta 2"},
		"the row before it deleted": {
			table("alpha | 1", "beta | 2", "gamma | 3"), "beta 2", 1,
			table("beta | 2", "gamma | 3"), "beta 2\ngamma 3"},
		"a line inserted before a block that began the text": {
			"```\ncode line one\ncode line two\n```", "code line one\ncode line two", 1,
			"```\ncode line zero\ncode line one\ncode line two\n```", "code line one\ncode line two"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			old, now := PlainText(tt.text), PlainText(tt.now)
			i := -1
			for range tt.nth {
				j := strings.Index(old[i+1:], tt.quote)
				if j < 0 {
					t.Fatalf("%q is not %d times in %q", tt.quote, tt.nth, old)
				}
				i += 1 + j
			}
			sel := Make(old, i, i+len(tt.quote))
			start, end, ok := Find(now, sel)
			if tt.want == "" {
				if ok {
					t.Errorf("found at %d: %q, want orphaned", start, now[start:end]+"|"+now[end:])
				}
				return
			}
			if !ok {
				t.Fatalf("not found in %q, want %q", now, tt.want)
			}
			if got := now[start:]; !strings.HasPrefix(got, tt.want) || now[start:end] != tt.quote {
				t.Errorf("found %q, want the passage before %q", now[start:end]+"|"+now[end:], tt.want)
			}
			if tt.want == "Read more." && end != len(now) {
				t.Errorf("found %q, want the copy that ends the text", now[start:end]+"|"+now[end:])
			}
		})
	}
}
