package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tidings/store"
)

// notesSaying are the notes of article id, by what they say, sorted.
func notesSaying(t *testing.T, lib *store.Store, id int64) []string {
	t.Helper()
	var out []string
	for _, n := range notesOf(t, lib, id) {
		out = append(out, n.Note)
	}
	slices.Sort(out)
	return out
}

// TestUndoBringsBackEveryDeletedNote: d on one note, then on another, and
// u brings back the second, then the first, each as it was, as an
// editor's undo goes back step by step; a third u has nothing left.
func TestUndoBringsBackEveryDeletedNote(t *testing.T) {
	lib := newLibrary(t, 3)
	id := firstID(t, lib)
	addNotes(t, lib, id, store.Annotation{Note: "Note A."}, store.Annotation{Note: "Note B."})
	before := notesOf(t, lib, id)
	m := start(t, lib, Config{}, 100, 30)
	m = step(t, m, press("enter"))

	m = steps(t, m, "]", "d")
	if s := viewText(m); !strings.Contains(s, "Deleted the note; u brings it back.") {
		t.Fatalf("the first d says:\n%s", s)
	}
	m = steps(t, m, "]", "d")
	if got := notesSaying(t, lib, id); len(got) != 0 {
		t.Fatalf("after two d: %q left", got)
	}

	m = step(t, m, press("u"))
	if got := notesSaying(t, lib, id); len(got) != 1 {
		t.Fatalf("after one u: %q, want one note back", got)
	}
	if s := viewText(m); !strings.Contains(s, "Brought the note back; u again brings back the one deleted before it.") {
		t.Errorf("the first u says:\n%s", s)
	}
	m = step(t, m, press("u"))
	after := notesOf(t, lib, id)
	if got := notesSaying(t, lib, id); !slices.Equal(got, []string{"Note A.", "Note B."}) {
		t.Fatalf("after two u: %q, want both notes back", got)
	}
	for _, n := range after {
		i := slices.IndexFunc(before, func(b store.Annotation) bool { return b.Note == n.Note })
		if !n.Created.Equal(before[i].Created) || !n.Updated.Equal(before[i].Updated) {
			t.Errorf("%q came back as %+v, want as it was: %+v", n.Note, n, before[i])
		}
	}
	if s := viewText(m); !strings.Contains(s, "Brought the note back.") {
		t.Errorf("the second u says:\n%s", s)
	}
	m = step(t, m, press("u"))
	if s := viewText(m); !strings.Contains(s, "No note was deleted: nothing to bring back.") {
		t.Errorf("a third u says:\n%s", s)
	}
	if n := len(notesOf(t, lib, id)); n != 2 {
		t.Errorf("a third u left %d notes, want 2", n)
	}
}

// TestUndoOnTheArticleShown: u brings a note back on the article it was
// deleted from, where the user sees it come back; on another article it
// says which article that is, and brings back nothing out of sight.
func TestUndoOnTheArticleShown(t *testing.T) {
	lib := newLibrary(t, 3)
	id := firstID(t, lib)
	addNotes(t, lib, id, store.Annotation{Note: "Note A."})
	first, err := lib.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, Config{}, 120, 30)
	m = steps(t, m, "enter", "]", "d")
	if n := len(notesOf(t, lib, id)); n != 0 {
		t.Fatalf("d left %d notes", n)
	}

	m = step(t, m, press("J")) // the next article
	if root(t, m).reader.id() == id {
		t.Fatal("J did not open another article")
	}
	m = step(t, m, press("u"))
	if n := len(notesOf(t, lib, id)); n != 0 {
		t.Errorf("u on another article brought the note back out of sight (%d notes)", n)
	}
	want := "No note deleted from this article: u on “" + quoteExcerpt(first.Title, 30) + "” brings back the one deleted there."
	if s := viewText(m); !strings.Contains(s, want) {
		t.Errorf("u on another article: the screen lacks %q:\n%s", want, s)
	}

	m = step(t, m, press("K")) // back to the first
	m = step(t, m, press("u"))
	if got := notesSaying(t, lib, id); !slices.Equal(got, []string{"Note A."}) {
		t.Errorf("u on the article it was deleted from: %q, want the note back", got)
	}
	if s := viewText(m); !strings.Contains(s, "Brought the note back.") || !strings.Contains(s, "Note A.") {
		t.Errorf("the note brought back is not shown:\n%s", s)
	}
}
