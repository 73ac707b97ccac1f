package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// Articles another tidings deletes (tidings delete in another shell, a
// script) while this one shows them: the reader says so in the words of
// errGone, refuses to change the article and shows no change of it as
// done, and the list lets the row go as it lets go of any article deleted
// elsewhere, though the reader opened it (which keeps a row in the list
// until the query changes).

// deleteElsewhere deletes an article as another tidings would: behind the
// model's back.
func deleteElsewhere(t *testing.T, lib *store.Store, id int64) {
	t.Helper()
	if _, err := lib.DeleteArticles(context.Background(), []int64{id}); err != nil {
		t.Fatal(err)
	}
}

// listHolds reports whether the list's window holds article id.
func listHolds(m tea.Model, id int64) bool {
	return slices.ContainsFunc(m.(Model).list.rows, func(r store.Row) bool { return r.ID == id })
}

// openThird opens the list's third article in the reader and returns its
// row.
func openThird(t *testing.T, m tea.Model) (tea.Model, store.Row) {
	t.Helper()
	m = steps(t, m, "j", "j")
	row, _ := root(t, m).list.current()
	m = step(t, m, press("enter"))
	if r := root(t, m); r.screen != screenReader || !r.reader.loaded || r.reader.id() != row.ID {
		t.Fatalf("enter did not open %q", row.Title)
	}
	return m, row
}

// TestOpenArticleDeletedElsewhere: the article open in the reader is
// deleted by another tidings; the poll finds it gone.
func TestOpenArticleDeletedElsewhere(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 30)
	m, gone := openThird(t, m)
	after, _ := lib.Page(context.Background(), store.PageRequest{Before: gone.SortKey, Limit: 1})
	deleteElsewhere(t, lib, gone.ID)
	m = step(t, m, pollMsg{})

	r := root(t, m)
	if r.status != "loading the article: it was deleted elsewhere" || !r.statusErr {
		t.Errorf("the status line says %q, want that it was deleted elsewhere", r.status)
	}
	view := viewText(m)
	if !strings.Contains(view, "deleted elsewhere ─") || strings.Contains(view, "store:") {
		t.Errorf("the reader does not say its article was deleted elsewhere:\n%s", view)
	}
	if !strings.Contains(view, "Paragraph 1 of article 2.") {
		t.Errorf("the reader no longer shows the article it had:\n%s", view)
	}

	// Nothing of it can be changed, and nothing is shown changed.
	for _, k := range []struct{ key, says string }{
		{"s", "cannot star: it was deleted elsewhere"},
		{"m", "cannot read/unread: it was deleted elsewhere"},
		{"t", "cannot tag: it was deleted elsewhere"},
		{"a", "cannot note: it was deleted elsewhere"},
		{"v", "cannot select: it was deleted elsewhere"},
		{"D", "cannot delete article: it was deleted elsewhere"},
	} {
		m = step(t, m, press(k.key))
		r := root(t, m)
		if r.status != k.says || r.mode() != modeNormal || r.confirm != nil {
			t.Errorf("%s: the status line says %q (mode %v, question %v), want %q", k.key, r.status, r.mode(), r.confirm, k.says)
		}
		if r.reader.row.Starred || r.reader.article.Starred || strings.Contains(viewText(m), "starred") {
			t.Errorf("%s: the reader shows the article starred", k.key)
		}
	}
	if help := viewText(m); strings.Contains(help, "t tag") || strings.Contains(help, "a note") {
		t.Errorf("the footer offers keys that are refused:\n%s", help)
	}

	// Back in the list, its row is gone, and the cursor on the one after.
	m = step(t, m, press("esc"))
	if listHolds(m, gone.ID) {
		t.Errorf("the list still shows the deleted article:\n%s", viewText(m))
	}
	if cur, _ := root(t, m).list.current(); len(after) != 1 || cur.ID != after[0].ID {
		t.Errorf("the list is on %q, want %q, the article after the deleted one", cur.Title, after[0].Title)
	}
}

// TestNextAfterOpenArticleDeletedElsewhere: J in the reader whose article
// was deleted elsewhere opens the article after it, also when the library
// changed again since.
func TestNextAfterOpenArticleDeletedElsewhere(t *testing.T) {
	for _, again := range []bool{false, true} {
		lib := newLibrary(t, 30)
		m := start(t, lib, Config{}, 100, 30)
		m, gone := openThird(t, m)
		after, _ := lib.Page(context.Background(), store.PageRequest{Before: gone.SortKey, Limit: 1})
		deleteElsewhere(t, lib, gone.ID)
		m = step(t, m, pollMsg{})
		if again {
			// A fetch, say: the list is read again.
			if err := lib.SetStarred(context.Background(), []int64{after[0].ID + 5}, true); err != nil {
				t.Fatal(err)
			}
			m = step(t, m, pollMsg{})
		}
		m = step(t, m, press("J"))
		if r := root(t, m); r.reader.id() != after[0].ID {
			t.Errorf("written again %v: J opened %q, want %q", again, r.reader.row.Title, after[0].Title)
		}
	}
}

// TestChangeRacingDeleteElsewhere: a star, a tag or a note typed before the
// reader knows its article was deleted elsewhere fails, and is not shown as
// done; the reader then knows, and the list lets the row go.
func TestChangeRacingDeleteElsewhere(t *testing.T) {
	tests := []struct {
		keys []string
		says string
	}{
		{[]string{"s"}, "saving starred: it was deleted elsewhere"},
		{[]string{"m"}, "saving read: it was deleted elsewhere"},
		{[]string{"t", "g", "h", "o", "s", "t", "enter"}, "Tags not changed: it was deleted elsewhere · on “"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, " "), func(t *testing.T) {
			lib := newLibrary(t, 30)
			m := start(t, lib, Config{}, 100, 30)
			m, gone := openThird(t, m)
			deleteElsewhere(t, lib, gone.ID) // not polled yet
			m = steps(t, m, tt.keys...)
			r := root(t, m)
			if !strings.HasPrefix(r.status, tt.says) {
				t.Errorf("the status line says %q, want %q", r.status, tt.says)
			}
			view := viewText(m)
			if r.reader.row.Starred || strings.Contains(view, "★") || slices.Contains(r.reader.row.Tags, "ghost") ||
				strings.Contains(view, "ghost") || !r.reader.row.Read {
				t.Errorf("the reader shows a change that was not made (starred %v, tags %v, read %v):\n%s",
					r.reader.row.Starred, r.reader.row.Tags, r.reader.row.Read, view)
			}
			if !strings.Contains(view, "deleted elsewhere ─") {
				t.Errorf("the reader does not say its article was deleted elsewhere:\n%s", view)
			}
			m = step(t, m, press("esc"))
			if listHolds(m, gone.ID) {
				t.Errorf("the list still shows the deleted article:\n%s", viewText(m))
			}
		})
	}
}

// TestOpenRowDeletedElsewhere: enter on a row whose article was deleted
// elsewhere, before the list noticed, says so rather than load for ever;
// the row goes.
func TestOpenRowDeletedElsewhere(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "j")
	row, _ := root(t, m).list.current()
	deleteElsewhere(t, lib, row.ID)
	m = step(t, m, press("enter"))
	r := root(t, m)
	view := viewText(m)
	if strings.Contains(view, "loading…") || !strings.Contains(view, "deleted elsewhere ─") {
		t.Errorf("the reader of a deleted article:\n%s", view)
	}
	if r.status != "loading the article: it was deleted elsewhere" {
		t.Errorf("the status line says %q", r.status)
	}
	m = steps(t, m, "j", "G", "esc")
	if listHolds(m, row.ID) {
		t.Errorf("the list still shows the deleted article:\n%s", viewText(m))
	}
}

// TestKeptRowDeletedElsewhere: a row the list keeps though the query no
// longer finds it (opened, read, starred, tagged under it) leaves the list
// once its article is deleted elsewhere, as any other row does; one that is
// still there stays.
func TestKeptRowDeletedElsewhere(t *testing.T) {
	for _, query := range []string{"", "is:unread"} {
		lib := newLibrary(t, 30)
		m := start(t, lib, Config{Query: query}, 100, 30)
		m, gone := openThird(t, m)
		m = steps(t, m, "esc", "j", "s", "enter", "esc", "k", "k")
		stays, _ := root(t, m).list.current()
		if stays.ID == gone.ID {
			t.Fatal("the cursor is on the article to delete")
		}
		deleteElsewhere(t, lib, gone.ID)
		m = step(t, m, pollMsg{})
		if listHolds(m, gone.ID) {
			t.Errorf("%q: the list still shows the article deleted elsewhere:\n%s", query, viewText(m))
		}
		if !listHolds(m, stays.ID) {
			t.Errorf("%q: the list lost %q, read and kept:\n%s", query, stays.Title, viewText(m))
		}
		if n, want := len(root(t, m).list.rows), 29; query == "" && n != want {
			t.Errorf("the list holds %d rows, want %d", n, want)
		}
	}
}

// TestStarRowDeletedElsewhere: s on a row whose article was deleted
// elsewhere, before the list noticed, says so, draws no star, and the row
// goes.
func TestStarRowDeletedElsewhere(t *testing.T) {
	lib := newLibrary(t, 30)
	m := start(t, lib, Config{}, 100, 30)
	m = steps(t, m, "j", "j")
	row, _ := root(t, m).list.current()
	deleteElsewhere(t, lib, row.ID)
	m = step(t, m, press("s"))
	if r := root(t, m); r.status != "saving starred: it was deleted elsewhere" {
		t.Errorf("the status line says %q", r.status)
	}
	if listHolds(m, row.ID) || strings.Contains(viewText(m), "★") {
		t.Errorf("the list still shows the deleted article, or a star:\n%s", viewText(m))
	}
}

// TestTagSelectionWithOneDeletedElsewhere: of three selected articles, one
// is deleted by another tidings before t: the other two are tagged, the
// status line says one was left out, and its row goes. All of them gone,
// nothing is tagged and the status line says so.
func TestTagSelectionWithOneDeletedElsewhere(t *testing.T) {
	lib := newLibrary(t, 10)
	m := start(t, lib, Config{}, 100, 24)
	var sel []store.Row
	for range 3 {
		r, _ := root(t, m).list.current()
		sel = append(sel, r)
		m = step(t, m, press("space"))
	}
	deleteElsewhere(t, lib, sel[1].ID)
	m = step(t, m, press("t"))
	m = typeKeys(t, m, "+kept")
	m = step(t, m, press("enter"))

	r := root(t, m)
	if want := "Tags +kept on 2 articles · 1 other was deleted elsewhere"; r.status != want || r.statusErr {
		t.Errorf("status %q (error %v), want %q", r.status, r.statusErr, want)
	}
	for _, row := range []store.Row{sel[0], sel[2]} {
		if got := tagsOf(t, lib, row.ID); !slices.Equal(got, []string{"kept"}) {
			t.Errorf("%q carries %q, want kept", row.Title, got)
		}
	}
	if listHolds(m, sel[1].ID) {
		t.Errorf("the list still holds the article deleted elsewhere")
	}

	// The two left selected are deleted too: nothing to tag.
	for _, row := range []store.Row{sel[0], sel[2]} {
		deleteElsewhere(t, lib, row.ID)
	}
	m = step(t, m, press("t"))
	m = typeKeys(t, m, "+late")
	m = step(t, m, press("enter"))
	if r := root(t, m); !strings.HasPrefix(r.status, "Tags not changed: they were deleted elsewhere") || !r.statusErr {
		t.Errorf("status %q, want that they were deleted elsewhere", r.status)
	}
}
