package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

// TestReanchorNeitherAnotherCopyNorPartOfAWord: an import that changes an
// article leaves its notes on their own words. A note on one of two items
// ending "No injuries were reported." whose item is deleted is orphaned,
// its anchors as they were, not moved onto the other item; a note on a
// list item "Confirmed deaths: 4" that now says "Confirmed deaths: 45" is
// on "Confirmed deaths: 45", not on its "4" with "5" after it.
func TestReanchorNeitherAnotherCopyNorPartOfAWord(t *testing.T) {
	const (
		elm   = "A car caught fire on Elm Street on Friday night. No injuries were reported."
		oak   = "A garden shed burned down on Oak Road early on Saturday. No injuries were reported."
		bikes = "Two bicycles were stolen from the station on Sunday. Police are asking for witnesses."
		storm = "The storm hit the coast overnight. Officials said the toll rose to 4. Rescue teams are still searching.\n\n" +
			"- Confirmed deaths: 4\n- Homes without power: 1200"
	)
	tests := map[string]struct {
		body, quote string
		nth         int    // the copy of the quote the note is on, from 1
		now         string // the body the next import brings
		want        string // the note's quote afterwards; "" for orphaned
	}{
		"its item deleted, the next after another copy": {"Police log.\n\n" + elm + "\n\n" + oak + "\n\n" + bikes,
			"No injuries were reported.", 2, "Police log.\n\n" + elm + "\n\n" + bikes, ""},
		"its item deleted, another copy last": {"Police log.\n\n" + bikes + "\n\n" + elm + "\n\n" + oak,
			"No injuries were reported.", 2, "Police log.\n\n" + bikes + "\n\n" + elm, ""},
		"the same number elsewhere grown longer": {storm, "Confirmed deaths: 4", 1,
			strings.Replace(storm, "to 4.", "to 45.", 1), "Confirmed deaths: 4"},
		"a number grown longer in its list item": {storm, "Confirmed deaths: 4", 1,
			strings.Replace(storm, "deaths: 4", "deaths: 45", 1), "Confirmed deaths: 45"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			plain := anchor.PlainText(tt.body)
			i := -1
			for range tt.nth {
				i += 1 + strings.Index(plain[i+1:], tt.quote)
			}
			sel := anchor.Make(plain, i, i+len(tt.quote))
			at := time.Date(2026, 11, 29, 6, 40, 36, 0, time.UTC)
			v1 := art("drift-1", "2024-03-05", tt.body)
			v1.Annotations = []feeds.Annotation{{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: "mine", Created: at, Updated: at}}
			s := openTemp(t)
			importAll(t, s, v1)
			if outs := importAll(t, s, art("drift-1", "2024-03-05", tt.now)); outs[0] != Updated {
				t.Fatalf("the new text: %v, want updated", outs[0])
			}
			anns, err := s.Annotations(context.Background(), mustByExternal(t, s, "drift-1").ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(anns) != 1 {
				t.Fatalf("%d notes, want 1: %+v", len(anns), anns)
			}
			got := anns[0]
			if tt.want == "" {
				if !got.Orphaned || got.Quote != sel.Quote || got.Prefix != sel.Prefix || got.Suffix != sel.Suffix {
					t.Errorf("the note is %+v, want it orphaned with its anchors as they were", got)
				}
				return
			}
			text := anchor.PlainText(tt.now)
			start, end, ok := anchor.Find(text, anchor.Selector{Quote: got.Quote, Prefix: got.Prefix, Suffix: got.Suffix})
			if got.Orphaned || got.Quote != tt.want || !ok || text[start:end] != tt.want {
				t.Errorf("the note is %+v, want it on %q", got, tt.want)
			}
		})
	}
}
