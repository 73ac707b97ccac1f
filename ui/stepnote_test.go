package ui

import (
	"strings"
	"testing"

	"tidings/store"
)

// TestStepFromWhereTheReaderIs: ] and [ step from the current note while
// it is on screen; scrolled away from it, they go from what the screen
// shows: ] to the first note at or below its top, [ to the last above it.
func TestStepFromWhereTheReaderIs(t *testing.T) {
	lib := newLibrary(t, 2)
	id := firstID(t, lib)
	early := passage(t, lib, id, "Paragraph 1 of article 0.")
	early.Note = "The first one."
	middle := passage(t, lib, id, "Paragraph 5 of article 0.")
	middle.Note = "The middle one."
	late := passage(t, lib, id, "The last paragraph mentions Western military circles.")
	late.Note = "The last one."
	addNotes(t, lib, id, early, middle, late, store.Annotation{Note: "On the whole article."})

	const (
		first  = "Paragraph 1 of article 0."
		second = "Paragraph 5 of article 0."
		third  = "The last paragraph mentions Western military circles."
		whole  = "On the whole article."
	)
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"] from the top", []string{"]"}, first},
		{"] from the current on screen", []string{"]", "j", "]"}, second},
		{"[ from the current on screen", []string{"]", "]", "["}, first},
		{"] scrolled to the end", []string{"]", "G", "]"}, third},
		{"[ scrolled to the end", []string{"]", "G", "["}, second},
		{"] scrolled back to the top", []string{"]", "]", "]", "g", "]"}, first},
		{"[ scrolled back to the top goes round", []string{"]", "]", "g", "["}, whole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openReader(t, lib, 80, 14)
			m = steps(t, m, tt.keys...)
			r := root(t, m).reader
			n, ok := r.current()
			if !ok || n.Quote != tt.want && n.Note != tt.want {
				t.Fatalf("%s: current is %q %q, want %q", strings.Join(tt.keys, " "), n.Quote, n.Note, tt.want)
			}
			if !r.shownNow(n) {
				t.Errorf("%s: %q (lines %v) is out of view from %d", strings.Join(tt.keys, " "), tt.want, r.spots[n.ID], r.vp.YOffset())
			}
		})
	}
}

// TestStepAheadOfTheRendering: ] pressed again before the rendering that
// shows the note ] went to has come steps on from that note.
func TestStepAheadOfTheRendering(t *testing.T) {
	lib := newLibrary(t, 2)
	id := firstID(t, lib)
	addNotes(t, lib, id,
		passage(t, lib, id, "Paragraph 1 of article 0."),
		passage(t, lib, id, "Paragraph 5 of article 0."),
		passage(t, lib, id, "The last paragraph mentions Western military circles."))
	m := openReader(t, lib, 80, 14)
	m = step(t, m, press("]"))
	m, _ = m.Update(press("]")) // its rendering still on its way
	m = step(t, m, press("]"))
	r := root(t, m).reader
	if n, _ := r.current(); n.Quote != "The last paragraph mentions Western military circles." {
		t.Errorf("] ] ] went to %q", n.Quote)
	}
}
