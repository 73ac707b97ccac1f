package feeds

import "testing"

// TestTitleFromBodySetextHeading: a Markdown file that opens with a heading
// written over an underline (`=====` or `-----`) is titled by the heading,
// not by the heading, its underline and the text after it run together.
func TestTitleFromBodySetextHeading(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"= underline, a blank line after", "The harbour reopens\n===================\n\nBoats came in slowly.", "The harbour reopens"},
		{"= underline, text right after", "Ferries late\n===\nMore text here about the ferries. And more.", "Ferries late"},
		{"- underline, text right after", "Second story\n------------\nMore text about the ferries.", "Second story"},
		{"a heading of two lines", "The harbour\nreopens\n=====\n\nBoats.", "The harbour reopens"},
		{"indented underline", "Storm warning\n   ===\n\nWind.", "Storm warning"},
		{"four spaces is no underline", "Storm warning\n    ===\nWind rises.", "Storm warning === Wind rises"},
		{"a rule of spaced dashes is no underline", "Boats came in slowly.\n- - -\nMore.", "Boats came in slowly"},
		{"= inside a sentence", "Two plus two = four, they said.", "Two plus two = four, they said"},
		{"an ATX heading as before", "# The harbour reopens\n\nBoats came in slowly.", "The harbour reopens"},
		{"no heading as before", "Boats came in slowly. The harbour master said so.", "Boats came in slowly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TitleFromBody(tt.body); got != tt.want {
				t.Errorf("TitleFromBody(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}
