package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

// An export imported again after the article's text changed brings its
// passage notes with the quotes they had then; the library's notes have
// followed their passages since. Each is still one note.
func TestReimportedExportKeepsOneNoteAfterTheTextChanged(t *testing.T) {
	const (
		v1Body = "First paragraph about the harbour.\n\nThe box did not just change how cargo moved. It changed who knew things.\n\nLast paragraph."
		v2Body = "First paragraph about the harbour.\n\nThe box did not just change how freight moved. It changed who knew things.\n\nLast paragraph."
	)
	created := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	// note is the passage note as an export of the article with body writes it.
	note := func(body, quote, text string, at time.Time) feeds.Annotation {
		plain := anchor.PlainText(body)
		i := strings.Index(plain, quote)
		if i < 0 {
			t.Fatalf("%q is not in %q", quote, plain)
		}
		sel := anchor.Make(plain, i, i+len(quote))
		return feeds.Annotation{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: text, Created: at, Updated: at}
	}
	version := func(body string, notes ...feeds.Annotation) feeds.Article {
		a := art("dup-test-1", "2024-05-14", body)
		a.Annotations = notes
		return a
	}
	v1 := version(v1Body, note(v1Body, "The box did not just change how cargo moved. It changed who knew things.", "Key quote.", created))
	v2 := version(v2Body) // the text edited, by a file without the notes
	v2Export := version(v2Body, note(v2Body, "The box did not just change how freight moved. It changed who knew things.", "Key quote.", created))

	for _, tc := range []struct {
		name    string
		imports []feeds.Article
		quote   string // of the one note at the end
	}{
		{"an older export again", []feeds.Article{v1, v2, v1}, "cargo"},
		{"a newer export over an older one", []feeds.Article{v1, v2Export}, "freight"},
		{"an older export over a newer one", []feeds.Article{v2Export, v1}, "cargo"},
		{"back and forth", []feeds.Article{v1, v2, v1, v2Export, v1}, "cargo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			for _, a := range tc.imports {
				importAll(t, s, a)
			}
			id := mustByExternal(t, s, "dup-test-1").ID
			anns, err := s.Annotations(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if len(anns) != 1 {
				t.Fatalf("%d notes, want 1: %+v", len(anns), anns)
			}
			if a := anns[0]; !strings.Contains(a.Quote, tc.quote) || a.Orphaned || a.Note != "Key quote." || !a.Created.Equal(created) {
				t.Errorf("the note is %+v, want it on the passage with %q", a, tc.quote)
			}
			last := tc.imports[len(tc.imports)-1]
			if outs := importAll(t, s, last); outs[0] != Unchanged {
				t.Errorf("the last file imported again: %v, want unchanged", outs[0])
			}
		})
	}
}

// The same words noted on another passage at another time are another note.
func TestReimportAddsTheSameNoteOnAnotherPassage(t *testing.T) {
	s := openTemp(t)
	created := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	a := art("two", "2024-05-14", cranesV1)
	a.Annotations = []feeds.Annotation{{Quote: "harbour cranes", Prefix: "said on Tuesday that the ", Suffix: " would be replaced", Note: "check", Created: created}}
	importAll(t, s, a)
	a.Annotations = append(a.Annotations,
		feeds.Annotation{Quote: "eleven times", Note: "check", Created: created.Add(time.Minute)},
		feeds.Annotation{Note: "check", Created: created}) // on the whole article
	importAll(t, s, a)
	anns, err := s.Annotations(context.Background(), mustByExternal(t, s, "two").ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 3 {
		t.Fatalf("%d notes, want 3: %+v", len(anns), anns)
	}
}

// A passage note edited in the reader since an export is still the one the
// export carries: importing the export adds no second note with the old
// words, and the edit stays.
func TestReimportAfterANoteWasEdited(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	created := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC)
	importAll(t, s, art("edited", "2024-05-14", cranesV1))
	id := mustByExternal(t, s, "edited").ID
	// Written in the reader, then exported.
	n, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Quote: "harbour cranes", Prefix: "said on Tuesday that the ",
		Suffix: " would be replaced", Note: "harbour note", Created: created})
	if err != nil {
		t.Fatal(err)
	}
	exported := art("edited", "2024-05-14", cranesV1)
	exported.Annotations = []feeds.Annotation{{Quote: n.Quote, Prefix: n.Prefix, Suffix: n.Suffix, Note: n.Note, Created: n.Created, Updated: n.Updated}}
	// Edited in the reader; the export imported again.
	n.Note = "harbour note edited"
	if err := s.UpdateAnnotation(ctx, n); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, exported)
	anns, err := s.Annotations(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 1 || anns[0].Note != "harbour note edited" {
		t.Errorf("after importing the older export: %+v, want the one edited note", anns)
	}
}
