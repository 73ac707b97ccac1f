package anchor

import (
	"strings"
	"testing"
)

// TestFindNotPartOfAWord: a quote that began and ended at a word's edge is
// not found as part of a longer word or number: a list item "Confirmed
// deaths: 4" that became "Confirmed deaths: 45" is the passage "Confirmed
// deaths: 45", not its "4" with "5" after it. A quote that was itself part
// of a word is found so still.
func TestFindNotPartOfAWord(t *testing.T) {
	const storm = "The storm hit the coast overnight. Officials said the toll rose to 4. Rescue teams are still searching.\n\n" +
		"- Confirmed deaths: 4\n- Homes without power: 1200"
	tests := map[string]struct {
		text     string // the text the note was made on
		quote    string // the passage, at its first place
		old, new string // the edit made to the text
		want     string // the passage found in the edited text
	}{
		"a number grown longer, in a list": {storm, "Confirmed deaths: 4", "deaths: 4", "deaths: 45", "Confirmed deaths: 45"},
		"a number grown longer, in a table": {"| Name | Value |\n|---|---|\n| alpha | 1 |\n| beta | 2 |", "alpha 1",
			"| 1 |", "| 10 |", "alpha 10"},
		"a price grown longer": {"The budget is $3. That is all.", "The budget is $3.", "$3.", "$3.2bn.", "The budget is $3.2bn."},
		"a word grown longer at the start": {"The cranes were sold. Then the yard closed for good.", "sold. Then the yard closed",
			"sold.", "unsold.", "unsold. Then the yard closed"},
		"a part of a word, as selected": {"Dock workers welcomed the newsletter today.", "newslet",
			"today", "this morning", "newslet"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			old := PlainText(tt.text)
			i := strings.Index(old, tt.quote)
			if i < 0 || !strings.Contains(tt.text, tt.old) {
				t.Fatal("the quote or the edit is not in the text")
			}
			now := PlainText(strings.Replace(tt.text, tt.old, tt.new, 1))
			start, end, ok := Find(now, Make(old, i, i+len(tt.quote)))
			if !ok {
				t.Fatalf("not found in %q, want %q", now, tt.want)
			}
			if got := now[start:end]; got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}
