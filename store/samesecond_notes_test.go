package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

// TestImportKeepsAFilesNotesOfOneSecond: a file's own notes are never
// duplicates of each other, only of the library's: two notes a file lists
// with the same words written in the same second (a remark typed twice,
// two highlights of two copies of one sentence) both arrive, into an empty
// library as into the one they came from, and importing the file again adds
// neither.
func TestImportKeepsAFilesNotesOfOneSecond(t *testing.T) {
	at := time.Date(2026, 11, 29, 8, 6, 8, 0, time.UTC)
	const body = "The council met on Tuesday. The vote was close.\n\nOfficials announced new cranes for the harbour. The vote was close."
	copyOf := func(nth int) feeds.Annotation {
		const quote = "The vote was close."
		plain := anchor.PlainText(body)
		i := strings.Index(plain, quote)
		if nth == 2 {
			i = strings.LastIndex(plain, quote)
		}
		sel := anchor.Make(plain, i, i+len(quote))
		return feeds.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Created: at, Updated: at}
	}
	whole := feeds.Annotation{Note: "same", Created: at, Updated: at}
	tests := map[string]struct {
		notes []feeds.Annotation
		want  []string
	}{
		"the same remark twice":        {[]feeds.Annotation{whole, whole}, []string{"|same", "|same"}},
		"highlights of two copies":     {[]feeds.Annotation{copyOf(1), copyOf(2)}, []string{"The vote was close.|", "The vote was close.|"}},
		"the same remark at two times": {[]feeds.Annotation{whole, {Note: "same", Created: at.Add(time.Minute)}, whole}, []string{"|same", "|same", "|same"}},
	}
	for name, tt := range tests {
		for _, into := range []string{"an empty library", "the article there already", "the library it came from"} {
			t.Run(name+", into "+into, func(t *testing.T) {
				s := openTemp(t)
				exported := budgetRecord(body, tt.notes...)
				switch into {
				case "the article there already":
					importAll(t, s, budgetRecord(body))
				case "the library it came from":
					importAll(t, s, exported)
				}
				importAll(t, s, exported)
				if got := notesNow(t, s); !slices.Equal(got, tt.want) {
					t.Fatalf("after the export: %q, want %q", got, tt.want)
				}
				importAll(t, s, exported)
				if got := notesNow(t, s); !slices.Equal(got, tt.want) {
					t.Errorf("after the export again: %q, want %q", got, tt.want)
				}
			})
		}
	}
}
