package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"tidings/feeds"
)

// fillUp makes the library "full": its write connection may grow the file
// by only a few pages more, as a nearly full disk would let it.
func fillUp(t *testing.T, s *Store, pages int) {
	t.Helper()
	ctx := context.Background()
	var n int
	if err := s.wdb.QueryRowContext(ctx, "PRAGMA page_count").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(n+pages)); err != nil {
		t.Fatal(err)
	}
}

// isFull reports whether err is SQLite's "database or disk is full".
func isFull(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL
}

// TestFullLibrary writes to a library that cannot grow: each write fails
// with an error that says the disk is full, and leaves the library as it
// was, whole; once there is room again, writes go on.
func TestFullLibrary(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, generated(50)...)
	before := idsOf(t, s, "")
	gen, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fillUp(t, s, 2)

	big := generated(3000)
	for i := range big {
		big[i].ExternalID = "big" + big[i].ExternalID
		big[i].Body = strings.Repeat(big[i].Body+" ", 20)
	}
	note := Annotation{ArticleID: before[0], Note: strings.Repeat("a long note ", 20000)}
	for name, write := range map[string]func() error{
		"import": func() error { _, err := s.Import(ctx, big); return err },
		"tag":    func() error { return s.Tag(ctx, before, []string{strings.Repeat("t", 200)}, nil) },
		"tag query": func() error {
			// Names are kept to 1,000 characters: many of them, then,
			// more than two pages hold.
			var many []string
			for i := range 40 {
				many = append(many, strings.Repeat("q", 990)+strconv.Itoa(1000+i))
			}
			_, err := s.TagQuery(ctx, "", many, nil)
			return err
		},
		"note": func() error { _, err := s.AddAnnotation(ctx, note); return err },
	} {
		err := write()
		if err == nil && name == "import" {
			t.Fatal("a 3,000-article import fit in two pages: the library is not full")
		}
		if err == nil {
			// Small enough to fit in the two pages: not what is tested.
			t.Logf("%s fit", name)
			continue
		}
		if !isFull(err) || !strings.Contains(err.Error(), "full") {
			t.Errorf("%s: error %v, want one saying the disk is full", name, err)
		}
		if !strings.HasPrefix(err.Error(), "store: ") {
			t.Errorf("%s: error %q does not say where it comes from", name, err)
		}
	}
	// Nothing of the failed writes is in the library, and nothing is lost.
	if got := idsOf(t, s, ""); len(got) != len(before) {
		t.Errorf("%d articles after the failed writes, %d before", len(got), len(before))
	}
	if g, _ := s.Generation(ctx); g > gen+1 {
		t.Errorf("generation %d, %d before: failed writes counted as writes", g, gen)
	}
	var ok string
	if err := s.wdb.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	for _, id := range before {
		if _, err := s.Article(ctx, id); err != nil {
			t.Fatalf("article %d: %v", id, err)
		}
	}

	// Room again: the same import goes through whole.
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA max_page_count = 1073741823"); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, big...)
	if got := idsOf(t, s, ""); len(got) != len(before)+len(big) {
		t.Errorf("%d articles after the import with room, want %d", len(got), len(before)+len(big))
	}
}

// TestHostileTextStored checks that what the store is handed back comes back
// byte for byte, and that text cleaned at the edge stays clean: the store
// adds no decoding of its own (entities, escapes) on the way.
func TestHostileTextStored(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := feeds.Article{ExternalID: "x1", Title: "Title &#27;[2J", Body: "Body &#x1b;]52;c;eA==&#7; text", Source: "S"}
	feeds.Normalize(&a)
	importAll(t, s, a)
	ids := idsOf(t, s, "")
	got, err := s.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Body != a.Body {
		t.Errorf("stored %q / %q, imported %q / %q", got.Title, got.Body, a.Title, a.Body)
	}
	if strings.ContainsAny(got.Title+got.Body, "\x1b\x07") {
		t.Errorf("control characters in %q / %q", got.Title, got.Body)
	}
	// Tags pass through NormalizeTags: escapes never reach the tag table.
	if err := s.Tag(ctx, ids, []string{"\x1b[31mred\x07", "bidi\u202egpj"}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(ctx, ids[0])
	for _, tag := range got.Tags {
		if strings.ContainsAny(tag.Name, "\x1b\x07\u202e") {
			t.Errorf("tag %q", tag.Name)
		}
	}
}
