package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// TestNotePastTheCut: a passage note past where the reader cuts a long
// article is listed under the body, saying so, with its passage; opened
// from the annotation browser, the reader shows it.
func TestNotePastTheCut(t *testing.T) {
	heavyUnderRace(t)
	lib, _ := openLibrary(t)
	var body strings.Builder
	for i := 1; i <= 3*maxRenderLines; i++ {
		fmt.Fprintf(&body, "Paragraph %d says something short.\n\n", i)
	}
	a := feeds.Article{ExternalID: "long-1", Source: "Report Office", Title: "A long report",
		Published: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Body: body.String()}
	if _, err := lib.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	id := firstID(t, lib)
	early := passage(t, lib, id, "Paragraph 12 says something short.")
	early.Note, early.Created = "Early note.", time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)
	late := passage(t, lib, id, "Paragraph 7000 says something short.")
	late.Note, late.Created = "Check the *end*.", time.Date(2024, 7, 3, 0, 0, 0, 0, time.UTC)
	addNotes(t, lib, id, early, late, store.Annotation{Note: "On the whole report.", Created: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})

	// Opened from the browser: the newest note, past the cut.
	m := start(t, lib, Config{}, 80, 24)
	m = steps(t, m, "A", "enter")
	s := viewText(m)
	for _, want := range []string{"The reader cuts the article before this passage", "Paragraph 7000 says something short.", "Check the end."} {
		if !strings.Contains(s, want) {
			t.Errorf("opened at the note past the cut, the reader does not show %q:\n%s", want, s)
		}
	}
	checkFits(t, m, 80, 24)

	// Listed under the body, before the note on the whole article, after
	// the cut's notice; the note before the cut is drawn on its passage.
	r := root(t, m).reader
	out, _ := stripStyles(r.vp.GetContent())
	notice, past, whole := strings.Index(out, "The article is cut here"), strings.Index(out, "Check the"), strings.Index(out, "On the whole report.")
	if notice < 0 || past < notice || whole < past {
		t.Errorf("cut notice at %d, the note past it at %d, the whole-article note at %d", notice, past, whole)
	}
	if _, ok := r.spots[r.notes[0].ID]; !ok || r.notes[0].Note != "Early note." {
		t.Errorf("the note before the cut is not drawn: %+v", r.notes[0])
	}
}
