package anchor

import (
	"strings"
	"testing"
)

// The tester's article: the same short sentence three times.
const (
	votesFirst  = "The council met on Tuesday. The vote was close. Members argued for hours about the budget."
	votesSecond = "Later that week the council met again. The vote was close. Nobody expected the mayor to resign."
	votesThird  = "The vote was close. This third occurrence ends the article."
)

// TestFindAmongCopies: a passage whose words are also elsewhere in the
// article is found where its surroundings are. When they are nowhere (its
// paragraph deleted), it is not moved onto another copy of its words that
// happens to be there: it is orphaned, and found again, where it was, when
// its paragraph comes back. A short quote found once, but wholly elsewhere
// than it was, is orphaned too; a long one is found wherever it went.
func TestFindAmongCopies(t *testing.T) {
	votes := votesFirst + "\n\n" + votesSecond + "\n\n" + votesThird
	second := strings.Index(votes, votesSecond) + strings.Index(votesSecond, "The vote")
	onSecond := Make(votes, second, second+len("The vote was close."))

	long := "The harbour cranes, built in 1974, have broken down eleven times this spring."
	moved := "First paragraph. " + long + " Last words.\n\nSomething else entirely."
	li := strings.Index(moved, long)
	onLong := Make(moved, li, li+len(long))

	tests := map[string]struct {
		text string
		sel  Selector
		want string // the text from the passage on; "" for orphaned
	}{
		"unchanged: the second copy":                          {votes, onSecond, "The vote was close. Nobody expected"},
		"its paragraph deleted: orphaned, not the first copy": {votesFirst + "\n\n" + votesThird, onSecond, ""},
		"its paragraph back: the second copy again":           {votes, onSecond, "The vote was close. Nobody expected"},
		"the paragraphs reordered: still the copy of its paragraph": {votesThird + "\n\n" + votesSecond + "\n\n" + votesFirst,
			onSecond, "The vote was close. Nobody expected"},
		"the sentence before it rewritten: the suffix places it": {votesFirst + "\n\nLater, the council reconvened. The vote was close. Nobody expected the mayor to resign.\n\n" + votesThird,
			onSecond, "The vote was close. Nobody expected"},
		"one copy left, elsewhere: orphaned": {"Members argued for hours. The vote was close. This ends the article.", onSecond, ""},
		"a long passage moved to another paragraph": {"Something else entirely.\n\nIn other news, " + long + " The end.",
			onLong, long},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			start, end, ok := Find(tt.text, tt.sel)
			if tt.want == "" {
				if ok {
					t.Errorf("found at %d: %q, want orphaned", start, tt.text[start:])
				}
				return
			}
			if !ok {
				t.Fatalf("not found, want %q", tt.want)
			}
			if got := tt.text[start:]; !strings.HasPrefix(got, tt.want) || end-start != len(tt.sel.Quote) {
				t.Errorf("found %q, want the passage before %q", tt.text[start:end]+"|"+tt.text[end:], tt.want)
			}
		})
	}
}
