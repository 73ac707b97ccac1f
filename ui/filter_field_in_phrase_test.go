package ui

import (
	"strings"
	"testing"
)

// TestFieldNameInAPhraseBeingTyped: a field's name with its colon typed
// inside a phrase still open is the phrase's text: the filter line says
// enter closes the phrase, and enter keeps it closed, not refused as a
// field waiting for its value.
func TestFieldNameInAPhraseBeingTyped(t *testing.T) {
	lib := newLibrary(t, 30)
	tests := []struct{ typed, kept string }{
		{`story "harbour date:`, `story "harbour date:"`},
		{`beta "posted on:`, `beta "posted on:"`},
		{`cafe "story 1 source:`, `cafe "story 1 source:"`},
		{`title:"tag:`, `title:"tag:"`},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			m := start(t, lib, Config{}, 120, 24)
			m = step(t, m, press("/"))
			m = typeKeys(t, m, tt.typed)
			if hint := root(t, m).filter.hint; !strings.Contains(hint, "enter closes it with") {
				t.Errorf("typing %q the filter line says %q, want that enter closes the phrase", tt.typed, hint)
			}
			m = step(t, m, press("enter"))
			r := root(t, m)
			if r.mode() != modeNormal {
				t.Fatalf("enter did not keep %q; the status line says %q", tt.typed, r.status)
			}
			if r.list.query.text != tt.kept {
				t.Errorf("enter kept %q, want %q", r.list.query.text, tt.kept)
			}
		})
	}
}
