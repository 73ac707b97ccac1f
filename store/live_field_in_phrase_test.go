package store

import "testing"

// TestFieldNameInAnOpenPhraseIsText: a field's name with its colon typed
// inside a phrase still open ("harbour date:, `title:"tag:`) is the
// phrase's text, not a field waiting for its value: the filter line says
// nothing of one, the live filter reads the phrase with it, and enter
// closes the phrase and keeps it. A quote opened right after the field
// (`source:"`) is the field's value starting, as before.
func TestFieldNameInAnOpenPhraseIsText(t *testing.T) {
	tests := []struct {
		typed, empty, live, kept string
	}{
		{`story "harbour date:`, "", `story "harbour date:"`, `story "harbour date:"`},
		{`beta "posted on:`, "", `beta "posted on:"`, `beta "posted on:"`},
		{`cafe "story 1 source:`, "", `cafe "story 1 source:"`, `cafe "story 1 source:"`},
		{`title:"tag:`, "", `title:"tag:"`, `title:"tag:"`},
		{`"-tag:`, "", `"-tag:"`, `"-tag:"`},
		{`cafe "story 1 tag:news`, "", `cafe "story 1 tag:news"*`, `cafe "story 1 tag:news"*`},
		{`war source:"`, `source:"`, "war", `war source:"`},
		{`"harbour" source:"`, `source:"`, `"harbour"`, `"harbour" source:"`},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			if got := EmptyField(tt.typed); got != tt.empty {
				t.Errorf("EmptyField(%q) = %q, want %q", tt.typed, got, tt.empty)
			}
			if got := LiveQuery(tt.typed); got != tt.live {
				t.Errorf("LiveQuery(%q) = %q, want %q", tt.typed, got, tt.live)
			}
			if got := KeptQuery(tt.typed); got != tt.kept {
				t.Errorf("KeptQuery(%q) = %q, want %q", tt.typed, got, tt.kept)
			}
		})
	}
}
