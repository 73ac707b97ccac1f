package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/store"
)

// TestImportStopsAtADamagedLibrary: an import into a library damaged in its
// middle (pages overwritten, as a failing disk or a torn copy leaves them)
// stops at the first batch SQLite finds damaged, with the one error that
// says so, rather than trying every article left one by one, each failing
// on a line of its own with "database disk image is malformed".
func TestImportStopsAtADamagedLibrary(t *testing.T) {
	dir := t.TempDir()
	lib, src := filepath.Join(dir, "library.db"), filepath.Join(dir, "articles.txt")
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
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// A band of pages in the middle overwritten: the schema still reads,
	// the pages of some tables and indexes do not.
	f, err := os.OpenFile(lib, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	const page = 16384
	garbage := []byte(strings.Repeat("\xa5\x5a\x13\xee", page/4))
	pages := fi.Size() / page
	for p := pages / 3; p < pages*2/3; p++ {
		if _, err := f.WriteAt(garbage, p*page); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()

	st, err = store.Open(lib, store.Options{})
	if err != nil {
		if store.IsDamaged(err) {
			t.Skipf("the damage was found at open, which says so already: %v", err)
		}
		t.Fatal(err)
	}
	defer st.Close()
	rep, err := (&Importer{Store: st}).Run(context.Background(), []Source{{Name: src}})
	if err == nil || !store.IsDamaged(err) {
		t.Fatalf("import into a damaged library: %v (%+v), want the damage said; %d failed: %v", err, rep.ImportStats, len(rep.Failed), rep.Failed[:min(2, len(rep.Failed))])
	}
	if len(rep.Failed) > 0 {
		t.Errorf("%d articles failed one by one (the first: %s); the import should stop at the damage", len(rep.Failed), rep.Failed[0])
	}
}
