package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// deleteIDs deletes the articles ids as `tidings delete --yes ID...` does
// and returns what it printed.
func deleteIDs(t *testing.T, st *store.Store, ids ...int64) string {
	t.Helper()
	var out bytes.Buffer
	if _, err := Delete(context.Background(), st, &out, DeleteOptions{Articles: articlesOf(t, st, ids...)}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// articlesOf reads the articles ids.
func articlesOf(t *testing.T, st *store.Store, ids ...int64) []store.Article {
	t.Helper()
	arts := make([]store.Article, len(ids))
	for i, id := range ids {
		a, err := st.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		arts[i] = a
	}
	return arts
}

// idOf is the id of the article stored under externalID.
func idOf(t *testing.T, st *store.Store, externalID string) int64 {
	t.Helper()
	a, err := st.ArticleByExternalID(context.Background(), externalID)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// TestDeletedStayDeletedOnFetch: an entry deleted from a feed's articles is
// not brought back by the next fetch, which serves it whole again (no
// validators): it counts as unchanged, and the feed's new entry is added.
func TestDeletedStayDeletedOnFetch(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	entries := []string{"e1", "e2"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>`)
		for i, e := range entries {
			fmt.Fprintf(w, `<entry><title>Entry %s</title><id>urn:%s</id><updated>2024-03-0%dT10:00:00Z</updated><content>Text of %s.</content></entry>`, e, e, i+1, e)
		}
		fmt.Fprint(w, `</feed>`)
	}))
	t.Cleanup(srv.Close)
	url := srv.URL + "/atom.xml"
	subscribe(t, st, url)
	n, err := st.Count(ctx, "")
	if err != nil || n != 2 {
		t.Fatalf("subscribed: %d articles, %v", n, err)
	}
	var id int64
	err = st.Search(ctx, "title:e1", 0, func(a store.Article) error { id = a.ID; return nil })
	if err != nil || id == 0 {
		t.Fatalf("entry e1: %d, %v", id, err)
	}
	out := deleteIDs(t, st, id)
	if !strings.Contains(out, "Entry e1") || !strings.HasSuffix(out, "Deleted 1 article; imports and fetches leave it out (fetch --undelete brings it back while its feed serves it).\n") {
		t.Errorf("delete printed\n%s", out)
	}

	entries = append(entries, "e3")
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Unchanged != 2 || len(rep.Failed) != 0 {
		t.Errorf("fetch again: %+v; want e3 added, e1 and e2 unchanged", rep)
	}
	if n, _ := st.Count(ctx, "title:e1"); n != 0 {
		t.Error("the deleted entry came back")
	}
	if n, _ := st.Count(ctx, ""); n != 2 {
		t.Errorf("%d articles, want e2 and e3", n)
	}
}

// TestDeletedSkippedOnImport: importing a file again after one of its
// articles was deleted leaves that one out, and the summary says so and
// how to bring it back; import --undelete brings it back, and the next
// import finds it there.
func TestDeletedSkippedOnImport(t *testing.T) {
	st := openStore(t)
	dir := tree(t, map[string]string{"news.txt": sampleArticle(1, "2024-03-05", "Walruses parade.") + sampleArticle(2, "2024-03-04", "Gulls protest.")}, nil)
	importPaths(t, st, dir, "news.txt")
	deleteIDs(t, st, idOf(t, st, sampleID(1)))

	rep, out := importPaths(t, st, dir, "news.txt")
	if rep.Skipped != 1 || rep.Unchanged != 1 || rep.Added != 0 {
		t.Errorf("imported again: %+v", rep.ImportStats)
	}
	want := "0 added, 0 updated, 1 unchanged, 1 skipped as deleted, 0 failed\n" +
		"note: 1 article you deleted was left out; tidings import --undelete with the same files brings it back\n"
	if out != want {
		t.Errorf("summary\n%s\nwant\n%s", out, want)
	}

	t.Chdir(dir)
	sources, _ := Sources([]string{"news.txt"}, strings.NewReader(""))
	rep, err := (&Importer{Store: st, Undelete: true}).Run(context.Background(), sources)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 1 || rep.Unchanged != 1 || rep.Skipped != 0 {
		t.Errorf("import --undelete: %+v", rep.ImportStats)
	}
	if rep, out := importPaths(t, st, dir, "news.txt"); rep.Unchanged != 2 || strings.Contains(out, "deleted") {
		t.Errorf("imported after undeleting: %+v\n%s", rep.ImportStats, out)
	}
}

// TestDeleteAsks: delete asks with the count of articles and notes (or
// the title of one), deletes nothing on no, and lists what it deleted on
// yes; ids of no article are named after the others are deleted.
func TestDeleteAsks(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var arts []feeds.Article
	for i, title := range []string{"Walruses parade", "Gulls protest", "Seals nap"} {
		arts = append(arts, feeds.Article{ExternalID: fmt.Sprint("a", i), Source: "AP", Title: title, Body: title + ".",
			Published: time.Date(2024, 3, 5-i, 0, 0, 0, 0, time.UTC)})
	}
	if _, err := st.Import(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids := []int64{idOf(t, st, "a0"), idOf(t, st, "a1"), idOf(t, st, "a2")}
	for _, note := range []string{"one", "two"} {
		if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: ids[0], Note: note}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		opt      DeleteOptions
		answer   bool
		question string
		err      error
		out      string
	}{
		{"no", DeleteOptions{ByQuery: true}, false, "Delete 3 articles and their 2 notes?", ErrNotConfirmed, ""},
		{"one by title", DeleteOptions{Articles: articlesOf(t, st, ids[1])}, false, "Delete “Gulls protest”?", ErrNotConfirmed, ""},
		{"yes", DeleteOptions{Articles: articlesOf(t, st, ids[0], ids[2]), Missing: []string{"99"}}, true, "Delete 2 articles and their 2 notes?",
			errors.New("no article 99; the others were deleted"),
			fmt.Sprintf("%7d  2024-03-05  AP            Walruses parade\n%7d  2024-03-03  AP            Seals nap\n", ids[0], ids[2]) +
				"Deleted 2 articles and their 2 notes; imports and fetches leave them out (import --undelete brings them back).\n"},
		{"none left", DeleteOptions{ByQuery: true, Query: "walruses"}, true, "", nil, "No article matches: none deleted.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := ""
			tt.opt.Confirm = func(q string) (bool, error) { asked = q; return tt.answer, nil }
			var out bytes.Buffer
			_, err := Delete(ctx, st, &out, tt.opt)
			if fmt.Sprint(err) != fmt.Sprint(tt.err) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
			if asked != tt.question || out.String() != tt.out {
				t.Errorf("asked %q, printed\n%s\nwant %q and\n%s", asked, out.String(), tt.question, tt.out)
			}
		})
	}
	if n, _ := st.Count(ctx, ""); n != 1 {
		t.Errorf("%d articles left, want 1", n)
	}
}

// TestAskYesNo: y and yes in any case are yes; anything else, an empty
// line and no answer at all (ctrl+d) are no.
func TestAskYesNo(t *testing.T) {
	for in, want := range map[string]bool{"y\n": true, "YES\n": true, " Yes \n": true, "n\n": false, "\n": false, "": false, "yep\n": false} {
		var w bytes.Buffer
		got, err := AskYesNo(strings.NewReader(in), &w, "Delete 2 articles?")
		if err != nil || got != want || !strings.HasPrefix(w.String(), "Delete 2 articles? [y/N] ") {
			t.Errorf("%q: %v, %v, asked %q", in, got, err, w.String())
		}
	}
}

// TestDeletedAgain: an article brought back by import --undelete and
// deleted again stays deleted again.
func TestDeletedAgain(t *testing.T) {
	st := openStore(t)
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte(sampleArticle(1, "2024-03-05", "Walruses parade.")), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, tt := range []struct {
		undelete bool
		want     store.ImportStats
	}{{false, store.ImportStats{Added: 1}}, {true, store.ImportStats{Added: 1}}, {false, store.ImportStats{Skipped: 1}}} {
		sources, _ := Sources([]string{path}, strings.NewReader(""))
		rep, err := (&Importer{Store: st, Undelete: tt.undelete}).Run(context.Background(), sources)
		if err != nil || rep.ImportStats != tt.want {
			t.Fatalf("import %d: %+v, %v; want %+v", i, rep.ImportStats, err, tt.want)
		}
		if rep.Added > 0 {
			deleteIDs(t, st, idOf(t, st, sampleID(1)))
		}
	}
}

// TestNoTerminalToAsk: delete without --yes where it cannot ask says which
// of standard input and standard error is no terminal: delete 5 2>err,
// on a terminal, asks where no one sees it.
func TestNoTerminalToAsk(t *testing.T) {
	for _, tt := range []struct {
		in, err bool
		want    string
	}{
		{true, false, "delete asks before it deletes, on standard error, which is no terminal: --yes deletes without asking"},
		{false, true, "delete asks before it deletes and reads the answer from standard input, which is no terminal: --yes deletes without asking"},
		{false, false, "delete asks before it deletes, on standard error, and reads the answer from standard input; neither is a terminal: --yes deletes without asking"},
	} {
		if got := NoTerminalToAsk(tt.in, tt.err).Error(); got != tt.want {
			t.Errorf("NoTerminalToAsk(%v, %v) = %q, want %q", tt.in, tt.err, got, tt.want)
		}
	}
}
