package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tidings/store"
)

// inLibrary reports whether the library still holds article id.
func inLibrary(t *testing.T, lib *store.Store, id int64) bool {
	t.Helper()
	_, err := lib.Article(context.Background(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	return err == nil
}

// tagCount is how many articles carry the tag name; -1 when there is no
// such tag.
func tagCount(t *testing.T, lib *store.Store, name string) int {
	t.Helper()
	tags, err := lib.Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range tags {
		if tag.Name == name {
			return tag.Count
		}
	}
	return -1
}

// TestDeleteInList: D asks about the article under the cursor, naming it
// and its notes; n keeps it; y deletes it with its notes and tags, the
// cursor on the article that followed it, and the tag counts follow.
func TestDeleteInList(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 12)
	row, err := lib.ArticleByExternalID(ctx, testArticle(1).ExternalID) // #ukraine #defence
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: row.ID, Note: "check this"}); err != nil {
		t.Fatal(err)
	}
	before := tagCount(t, lib, "ukraine")
	m := start(t, lib, Config{}, 100, 24)
	m = steps(t, m, "j")

	m = step(t, m, press("D"))
	if got := root(t, m).confirm; got == nil || !strings.HasPrefix(got.question, "Delete “Article 001: Storm Shadow deliveries") ||
		!strings.HasSuffix(got.question, "” and its note? y/n") {
		t.Fatalf("D asked %+v, want the article's title and its note", got)
	}
	if !strings.Contains(viewText(m), "Delete “Article 001") {
		t.Errorf("the question is not on screen:\n%s", viewText(m))
	}
	m = step(t, m, press("n"))
	if !inLibrary(t, lib, row.ID) || articleNumber(t, cursorTitle(t, m)) != 1 {
		t.Fatal("n deleted the article, or moved the cursor")
	}

	m = steps(t, m, "D", "y")
	if inLibrary(t, lib, row.ID) {
		t.Fatal("y did not delete the article")
	}
	if got := articleNumber(t, cursorTitle(t, m)); got != 2 {
		t.Errorf("the cursor is on article %d, want 2, the one after the deleted one", got)
	}
	if _, ok := root(t, m).list.rowByID(row.ID); ok {
		t.Error("the deleted article is still listed")
	}
	if got := root(t, m).status; !strings.HasPrefix(got, "Deleted “Article 001") || !strings.HasSuffix(got, " and its note.") {
		t.Errorf("status %q", got)
	}
	if rows, err := lib.AllAnnotations(ctx, "", 0); err != nil || len(rows) != 0 {
		t.Errorf("notes left: %+v, %v", rows, err)
	}
	if got := tagCount(t, lib, "ukraine"); got != before-1 {
		t.Errorf("#ukraine on %d articles, want %d", got, before-1)
	}
	if v := viewText(m); !strings.Contains(v, "11 / 11") {
		t.Errorf("the counts did not follow:\n%s", v)
	}
}

// TestDeletePromptFitsTheScreen: on a screen narrower than the question,
// the title gives way, and what else is deleted (the notes) and the y/n
// stay on screen.
func TestDeletePromptFitsTheScreen(t *testing.T) {
	ctx := context.Background()
	lib := newLibrary(t, 3)
	row, err := lib.ArticleByExternalID(ctx, testArticle(1).ExternalID)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := lib.AddAnnotation(ctx, store.Annotation{ArticleID: row.ID, Note: "check this"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, width := range []int{40, 60, 80} {
		m := start(t, lib, Config{}, width, 20)
		m = steps(t, m, "j", "D")
		if !strings.Contains(viewText(m), "and its 2 notes? y/n") {
			t.Errorf("at %d columns the question is cut before its end:\n%s", width, viewText(m))
		}
	}
}

// TestDeleteSelection: with a selection, D asks about it, counting its
// notes, and deletes all of it; the selection is then empty.
func TestDeleteSelection(t *testing.T) {
	lib := newLibrary(t, 12)
	m := start(t, lib, Config{}, 100, 24)
	m = steps(t, m, "space", "space", "space") // articles 0, 1 and 2
	ids := root(t, m).list.markedIDs()
	m = step(t, m, press("D"))
	if got, want := root(t, m).confirm.question, "Delete 3 selected articles? y/n"; got != want {
		t.Errorf("D asked %q, want %q", got, want)
	}
	m = step(t, m, press("y"))
	for _, id := range ids {
		if inLibrary(t, lib, id) {
			t.Errorf("selected article %d not deleted", id)
		}
	}
	if n := len(root(t, m).list.marked); n != 0 {
		t.Errorf("%d still selected", n)
	}
	if got := articleNumber(t, cursorTitle(t, m)); got != 3 {
		t.Errorf("the cursor is on article %d, want 3", got)
	}
	if n, _ := lib.Total(context.Background()); n != 9 {
		t.Errorf("%d articles left, want 9", n)
	}
}

// TestDeleteReadOnly: in a read-only library D says it cannot, and the
// help leaves it out.
func TestDeleteReadOnly(t *testing.T) {
	lib := newLibrary(t, 3)
	m := start(t, lib, Config{ReadOnly: true}, 100, 24)
	m = step(t, m, press("D"))
	if root(t, m).confirm != nil || !strings.Contains(root(t, m).status, "cannot delete article: the library is read-only") {
		t.Errorf("D in a read-only library: status %q", root(t, m).status)
	}
	m = step(t, m, press("?"))
	if strings.Contains(viewText(m), "delete article") {
		t.Error("the help lists D in a read-only library")
	}
}

// TestDeleteInReader runs the program: D in the reader asks about the
// open article, y deletes it and goes back to the list, on the article
// that followed it; the library no longer holds it.
func TestDeleteInReader(t *testing.T) {
	lib := newLibrary(t, 5)
	m, err := New(lib, Config{LibraryName: "library.db", Theme: "dark"})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(100, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	term := newTerminal(t, tm, 100, 24)
	term.waitFor(`5 / 5`)
	tm.Send(press("j"))
	tm.Send(press("enter"))
	term.waitFor(`startling revelation number 1,`)
	tm.Send(press("?"))
	term.waitFor(`D\s+delete article`)
	tm.Send(press("?"))
	tm.Send(press("D"))
	term.waitFor(`Delete “Article 001: Storm Shadow deliveries tracked through an unencrypted WebEx call”\? y/n`)
	tm.Send(press("y"))
	term.waitFor(`Deleted “Article 001`)
	term.waitFor(`4 / 4`)
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	fm := root(t, tm.FinalModel(t))
	if fm.screen != screenList {
		t.Errorf("screen %d after deleting in the reader, want the list", fm.screen)
	}
	if row, ok := fm.list.current(); !ok || articleNumber(t, row.Title) != 2 {
		t.Errorf("the cursor is on %+v, want article 2", row)
	}
	if n, _ := lib.Count(context.Background(), "webex"); n != 0 {
		t.Errorf("the deleted article is still found: %d", n)
	}
}
