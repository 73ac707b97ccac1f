package anchor

import (
	"strings"
	"testing"
)

// The sentences of the tester's articles: a note on the port authority's
// announcement, whose wording then changes.
const (
	review       = "The decision follows a long review of the cranes."
	announcement = "The port authority announced on Monday that all twelve cranes will be replaced by 2027."
	council      = "The council met on Tuesday."
	decision     = "The decision follows a long review."
)

// TestFindEditedSentence: a sentence found approximately is the edited
// sentence, word for word: not a word or a sentence more (the end of the
// one before it, the start of the one after it), nor a word less, whether
// the edit is at its start, in its second word or at its end, at the start
// or end of a paragraph or in the middle of one. A selector of the quote
// alone (as another tool may export it) is found so too when its edit is
// light enough to be found without surroundings.
func TestFindEditedSentence(t *testing.T) {
	paragraphs := review + "\n\n" + announcement + "\n\nCritics disagree."
	middle := council + " " + announcement + " " + decision + "\n\nCritics say the cost is too high."
	tests := map[string]struct {
		text     string // the text the note was made on
		old, new string // the edit made to it
		want     string // the note's passage afterwards
		alone    bool   // the quote alone is found too
	}{
		"opening rewritten, at a paragraph's start": {paragraphs, "The port authority", "Officials",
			"Officials announced on Monday that all twelve cranes will be replaced by 2027.", false},
		"opening rewritten, in a paragraph": {middle, "The port authority", "Officials",
			"Officials announced on Monday that all twelve cranes will be replaced by 2027.", false},
		"opening shortened, in a paragraph": {middle, "The port authority", "Its authority",
			"Its authority announced on Monday that all twelve cranes will be replaced by 2027.", true},
		"second word edited": {middle, "The port authority", "The harbour authority",
			"The harbour authority announced on Monday that all twelve cranes will be replaced by 2027.", true},
		"ending rewritten, in a paragraph": {middle, "will be replaced by 2027.", "will go.",
			"The port authority announced on Monday that all twelve cranes will go.", false},
		"ending rewritten, at a paragraph's end": {paragraphs, "will be replaced by 2027.", "will go.",
			"The port authority announced on Monday that all twelve cranes will go.", false},
		"ending edited, in a paragraph": {middle, "by 2027.", "next year.",
			"The port authority announced on Monday that all twelve cranes will be replaced next year.", true},
	}
	for name, tt := range tests {
		i := strings.Index(tt.text, announcement)
		edited := strings.Replace(tt.text, tt.old, tt.new, 1)
		sels := map[string]Selector{"with its surroundings": Make(tt.text, i, i+len(announcement))}
		if tt.alone {
			sels["the quote alone"] = Selector{Quote: announcement}
		}
		for how, sel := range sels {
			t.Run(name+", "+how, func(t *testing.T) {
				start, end, ok := Find(edited, sel)
				if !ok {
					t.Fatalf("not found in %q, want %q", edited, tt.want)
				}
				if got := edited[start:end]; got != tt.want {
					t.Errorf("found %q, want %q", got, tt.want)
				}
			})
		}
	}
}

// TestFindEditedAndBack: as an import re-anchors a note (the selector made
// again where the passage was found), an edited sentence is followed and
// followed back when the text as it was comes back, to the same words.
func TestFindEditedAndBack(t *testing.T) {
	paragraphs := review + "\n\n" + announcement + " Critics disagree."
	middle := council + " " + announcement + " " + decision + "\n\nCritics say the cost is too high."
	tests := map[string]struct {
		text     string
		old, new string
	}{
		"opening, at a paragraph's start": {paragraphs, "The port authority", "Officials"},
		"opening, in a paragraph":         {middle, "The port authority", "Officials"},
		"second word":                     {middle, "The port authority", "The harbour authority"},
		"ending":                          {middle, "will be replaced by 2027.", "will go."},
		"a word in the middle":            {middle, "all twelve cranes", "all the cranes"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			i := strings.Index(tt.text, announcement)
			sel := Make(tt.text, i, i+len(announcement))
			edited := strings.Replace(tt.text, tt.old, tt.new, 1)
			start, end, ok := Find(edited, sel)
			if !ok {
				t.Fatal("not found in the edited text")
			}
			moved := Make(edited, start, end)
			start, end, ok = Find(tt.text, moved)
			if !ok {
				t.Fatalf("%+v, re-anchored in the edited text, is not found in the text as it was", moved)
			}
			if start != i || end != i+len(announcement) {
				t.Errorf("found back as %q, want %q", tt.text[start:end], announcement)
			}
		})
	}
}
