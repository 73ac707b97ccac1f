package store

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestAnnotationsKeepSearchInStep(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("n1", "2024-03-05", "Story about harbour cranes. Text."),
		art("n2", "2024-03-04", "Story about rail freight. Text."))
	id := idsOf(t, s, "cranes")[0]
	count := func(q string) int {
		t.Helper()
		n, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	a, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Quote: "harbour cranes", Prefix: "Story about ", Suffix: ". Text.", Note: "ask the port authority"})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Created.IsZero() || a.Updated != a.Created {
		t.Errorf("added %+v", a)
	}
	whole, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "compare with **Rotterdam**"})
	if err != nil {
		t.Fatal(err)
	}
	if count("authority") != 1 || count("rotterdam") != 1 || count("cranes authority") != 1 || count("is:annotated") != 1 {
		t.Error("a note's words do not find its article")
	}
	// The body and title are still indexed alongside the notes.
	if count("cranes") != 1 || count("title:harbour") != 1 {
		t.Error("adding a note lost the article's own words")
	}

	a.Note = "ask the customs office"
	if err := s.UpdateAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	if count("authority") != 0 || count("customs") != 1 {
		t.Error("updating a note did not update the index")
	}
	anns, err := s.Annotations(ctx, id)
	if err != nil || len(anns) != 2 || anns[0].Note != "ask the customs office" || anns[0].Quote != "harbour cranes" || anns[1].ID != whole.ID {
		t.Errorf("Annotations = %+v, %v", anns, err)
	}

	if err := s.DeleteAnnotation(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if count("customs") != 0 || count("rotterdam") != 1 {
		t.Error("deleting a note did not update the index")
	}
	if err := s.DeleteAnnotation(ctx, whole.ID); err != nil {
		t.Fatal(err)
	}
	if count("rotterdam") != 0 || count("is:annotated") != 0 || count("cranes") != 1 {
		t.Error("deleting the last note left the index wrong")
	}
	if got := mustArticle(t, s, id).Annotations; got != 0 {
		t.Errorf("annotation count %d after deleting all", got)
	}

	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: 999, Note: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("annotating a missing article: %v, want ErrNotFound", err)
	}
	if err := s.UpdateAnnotation(ctx, Annotation{ID: 999, Note: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("updating a missing annotation: %v, want ErrNotFound", err)
	}
	if err := s.DeleteAnnotation(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting a missing annotation: %v, want ErrNotFound", err)
	}
}

func TestAnnotationsAreCleaned(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("n1", "2024-03-05", "Story. Text."))
	id := idsOf(t, s, "")[0]
	a, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "bad \x1b]52;c;aGk=\x07note\x1b[2J"})
	if err != nil {
		t.Fatal(err)
	}
	anns, _ := s.Annotations(ctx, id)
	if len(anns) != 1 || anns[0].Note != "bad note" || a.Note != "bad note" {
		t.Errorf("stored note %q", anns[0].Note)
	}
}

func TestRetitle(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("rt", "2024-03-05", "Derived headline words. Body text."))
	id := idsOf(t, s, "")[0]
	if err := s.Retitle(ctx, id, "  Better\x1b[31m title\n"); err != nil {
		t.Fatal(err)
	}
	got := mustArticle(t, s, id)
	if got.Title != "Better title" || !got.Retitled {
		t.Errorf("title %q retitled %v", got.Title, got.Retitled)
	}
	if n, _ := s.Count(ctx, "title:better"); n != 1 {
		t.Error("the new title is not searchable")
	}
	if n, _ := s.Count(ctx, "title:derived"); n != 0 {
		t.Error("the old title is still indexed as the title")
	}
	if err := s.Retitle(ctx, id, " "); err == nil {
		t.Error("an empty title was accepted")
	}
	if err := s.Retitle(ctx, 999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("retitling a missing article: %v", err)
	}
}

// TestPassageGoneWhenAdded: a passage chosen in a version of the article
// that has since been replaced (another process imported a new one while
// the note was written) is stored as no longer in the article.
func TestPassageGoneWhenAdded(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("p1", "2024-03-05", "Officials confirmed a plan this week. The cranes stay."))
	id := mustArticleID(t, s, "p1")
	for quote, orphaned := range map[string]bool{
		"The cranes stay.": false,
		"The port authority said on Tuesday that the old cranes would go.": true,
		"": false, // a note on the whole article
	} {
		a, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Quote: quote, Note: "n"})
		if err != nil {
			t.Fatal(err)
		}
		anns, err := s.Annotations(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(anns, func(n Annotation) bool { return n.ID == a.ID })
		if i < 0 {
			t.Fatalf("%q: the note is not stored", quote)
		}
		if anns[i].Orphaned != orphaned || a.Orphaned != orphaned {
			t.Errorf("%q: stored orphaned %v, returned %v; want %v", quote, anns[i].Orphaned, a.Orphaned, orphaned)
		}
	}
}
