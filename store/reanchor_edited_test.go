package store

import (
	"context"
	"strings"
	"testing"

	"tidings/store/anchor"
)

// TestReanchorEditedSentence: a note on a sentence whose wording an update
// changes follows the sentence, its quote the edited sentence word for
// word, and follows it back when the text as it was is imported again.
func TestReanchorEditedSentence(t *testing.T) {
	const sentence = "The port authority announced on Monday that all twelve cranes will be replaced by 2027."
	atStart := "The decision follows a long review of the cranes.\n\n" + sentence + " Critics disagree."
	inMiddle := "The council met on Tuesday. " + sentence + " The decision follows a long review.\n\nCritics say the cost is too high."
	tests := map[string]struct {
		body     string
		old, new string
		want     string
	}{
		"opening rewritten, at a paragraph's start": {atStart, "The port authority", "Officials",
			"Officials announced on Monday that all twelve cranes will be replaced by 2027."},
		"opening rewritten, in a paragraph": {inMiddle, "The port authority", "Officials",
			"Officials announced on Monday that all twelve cranes will be replaced by 2027."},
		"second word edited": {inMiddle, "The port authority", "The harbour authority",
			"The harbour authority announced on Monday that all twelve cranes will be replaced by 2027."},
		"ending rewritten": {inMiddle, "will be replaced by 2027.", "will go.",
			"The port authority announced on Monday that all twelve cranes will go."},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			v1 := art("cranes", "2024-08-01", tt.body)
			importAll(t, s, v1)
			id := mustByExternal(t, s, "cranes").ID
			a := passageNote(t, s, id, sentence, "the key announcement")

			v2 := v1
			v2.Body = strings.Replace(tt.body, tt.old, tt.new, 1)
			if outs := importAll(t, s, v2); outs[0] != Updated {
				t.Fatalf("second version: %v", outs[0])
			}
			if g := annotationsByID(t, s, id)[a.ID]; g.Orphaned || g.Quote != tt.want {
				t.Errorf("after the edit: quote %q orphaned %v, want %q", g.Quote, g.Orphaned, tt.want)
			}

			if outs := importAll(t, s, v1); outs[0] != Updated {
				t.Fatalf("first version again: %v", outs[0])
			}
			if g := annotationsByID(t, s, id)[a.ID]; !sameAnchor(g, a) {
				t.Errorf("the text as it was back: %+v, want the note as it was, %+v", g, a)
			}
		})
	}
}

// TestReanchorDeletedCopy: a note on one of three copies of a sentence
// whose paragraph an update deletes is orphaned, not moved onto another
// copy, and is on its own copy again when the paragraph comes back.
func TestReanchorDeletedCopy(t *testing.T) {
	first := "The council met on Tuesday. The vote was close. Members argued for hours about the budget."
	second := "Later that week the council met again. The vote was close. Nobody expected the mayor to resign."
	third := "The vote was close. This third occurrence ends the article."
	s := openTemp(t)
	v1 := art("votes", "2024-05-01", first+"\n\n"+second+"\n\n"+third)
	importAll(t, s, v1)
	id := mustByExternal(t, s, "votes").ID
	a := noteOnCopy(t, s, id, "The vote was close.", 2, "second vote")

	v2 := v1
	v2.Body = first + "\n\n" + third
	if outs := importAll(t, s, v2); outs[0] != Updated {
		t.Fatalf("second version: %v", outs[0])
	}
	if g := annotationsByID(t, s, id)[a.ID]; !g.Orphaned || g.Prefix != a.Prefix || g.Suffix != a.Suffix {
		t.Errorf("its paragraph deleted: %+v, want orphaned with its anchors as they were, %+v", g, a)
	}

	importAll(t, s, v1)
	if g := annotationsByID(t, s, id)[a.ID]; !sameAnchor(g, a) {
		t.Errorf("its paragraph back: %+v, want the note as it was, %+v", g, a)
	}
}

// noteOnCopy adds a note on the nth occurrence of quote in the plain text
// of the article's body, as the reader does.
func noteOnCopy(t *testing.T, s *Store, id int64, quote string, nth int, note string) Annotation {
	t.Helper()
	text := anchor.PlainText(mustArticle(t, s, id).Body)
	i := -1
	for range nth {
		j := strings.Index(text[i+1:], quote)
		if j < 0 {
			t.Fatalf("%q is not %d times in the article", quote, nth)
		}
		i += 1 + j
	}
	sel := anchor.Make(text, i, i+len(quote))
	a, err := s.AddAnnotation(context.Background(), Annotation{ArticleID: id, Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: note})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// sameAnchor reports whether two notes are on the same passage, anchored
// alike.
func sameAnchor(a, b Annotation) bool {
	return a.Quote == b.Quote && a.Prefix == b.Prefix && a.Suffix == b.Suffix && a.Orphaned == b.Orphaned
}
