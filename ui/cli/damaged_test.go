package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// damagedLibrary is a library of 3,000 articles, closed, with a band of
// pages in its middle overwritten (as a failing disk or a torn copy leaves
// them): the schema still reads, the pages of some tables and indexes do
// not. before runs on the library before it is damaged.
func damagedLibrary(t *testing.T, before func(*store.Store)) (lib, src string) {
	t.Helper()
	dir := t.TempDir()
	lib, src = filepath.Join(dir, "library.db"), filepath.Join(dir, "articles.txt")
	var b strings.Builder
	for i := range 3000 {
		b.WriteString(sampleArticle(i+1, "2024-03-05", fmt.Sprintf("Article %d. %s", i+1, strings.Repeat(fmt.Sprintf("word%d ", i), 40))))
	}
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(lib, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&Importer{Store: st}).Run(context.Background(), []Source{{Name: src}}); err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(st)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(lib, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	const page = 16384
	garbage := []byte(strings.Repeat("\xa5\x5a\x13\xee", page/4))
	pages := fi.Size() / page
	for p := pages / 3; p < pages*2/3; p++ {
		if _, err := f.WriteAt(garbage, p*page); err != nil {
			t.Fatal(err)
		}
	}
	return lib, src
}

// openDamaged opens a library damagedLibrary made; the test is skipped if
// the damage is found at once, where it is said already.
func openDamaged(t *testing.T, lib string) *store.Store {
	t.Helper()
	st, err := store.Open(lib, store.Options{})
	if err != nil {
		if store.IsDamaged(err) {
			t.Skipf("the damage was found at open, which says so already: %v", err)
		}
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestImportStopsAtADamagedLibrary: an import into a library damaged in its
// middle (pages overwritten, as a failing disk or a torn copy leaves them)
// stops at the first batch SQLite finds damaged, with the one error that
// says so, rather than trying every article left one by one, each failing
// on a line of its own with "database disk image is malformed".
func TestImportStopsAtADamagedLibrary(t *testing.T) {
	lib, src := damagedLibrary(t, nil)
	st := openDamaged(t, lib)
	rep, err := (&Importer{Store: st}).Run(context.Background(), []Source{{Name: src}})
	if err == nil || !store.IsDamaged(err) {
		t.Fatalf("import into a damaged library: %v (%+v), want the damage said; %d failed: %v", err, rep.ImportStats, len(rep.Failed), rep.Failed[:min(2, len(rep.Failed))])
	}
	if len(rep.Failed) > 0 {
		t.Errorf("%d articles failed one by one (the first: %s); the import should stop at the damage", len(rep.Failed), rep.Failed[0])
	}
}

// TestFetchStopsAtADamagedLibrary: a fetch whose articles a damaged library
// cannot take stops at the first feed it refuses, with the one error that
// says so, rather than failing every feed in turn with SQLite's words.
func TestFetchStopsAtADamagedLibrary(t *testing.T) {
	srv := newFeedRoutes(t)
	titled := map[string]string{}
	for i := range 6 {
		var items []string
		for j := range 200 {
			items = append(items, fmt.Sprintf("f%d-%d=Story %d of feed %d", i, j, j, i))
		}
		titled[srv.serve(fmt.Sprintf("/f%d.rss", i), rssDoc(fmt.Sprintf("Feed %d", i), items...), false)] = fmt.Sprintf("Feed %d", i)
	}
	lib, _ := damagedLibrary(t, func(st *store.Store) { subscribeTo(t, st, titled) })
	st := openDamaged(t, lib)
	rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, nil)
	if err == nil || !store.IsDamaged(err) {
		t.Fatalf("fetch into a damaged library: %v; failed %v", err, rep.Failed)
	}
	if len(rep.Failed) > 0 {
		t.Errorf("%d feeds failed one by one (the first: %s); the fetch should stop at the damage", len(rep.Failed), rep.Failed[0])
	}
}
