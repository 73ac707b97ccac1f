package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// copyLibrary copies the library's file alone, as a user backing it up or
// moving it would, beside no -wal or -shm file, and returns the articles
// of the copy that match q. A copy made while a write is being folded in
// may be torn: that is an error, and so is a copy SQLite finds damaged.
func copyLibrary(t *testing.T, s *Store, q string) ([]int64, error) {
	t.Helper()
	src, err := os.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), "library.db")
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path, Options{})
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var check string
	if err := c.db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil {
		return nil, err
	}
	if check != "ok" {
		return nil, fmt.Errorf("quick_check: %s", check)
	}
	var ids []int64
	err = c.Search(context.Background(), q, 0, func(a Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	return ids, err
}

// waitForCopy copies the library until the copy's articles matching q are
// want, failing after a few seconds: a write reaches the library's file
// within about a second.
func waitForCopy(t *testing.T, s *Store, q string, want []int64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := copyLibrary(t, s, q)
		if err == nil && slices.Equal(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a copy of library.db made while the library is open: %q is %v (%v), want %v", q, got, err, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// openLibrary opens a new library with three articles, and the library
// once more, as a second tidings (the reader while the command line
// writes, or the other way round) keeps it open.
func openLibrary(t *testing.T) (*Store, []int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	importAll(t, s,
		art("a", "2024-10-01", "Harbour board approves a ferry."),
		art("b", "2024-10-02", "Night market returns to the old port."),
		art("c", "2024-10-03", "Libraries open late as the heat lingers."))
	other, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	if _, err := other.Generation(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s, idsOf(t, s, "")
}

func TestCopyOfOpenLibraryHasItsWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := openLibrary(t)
	// One after another, within a second of each other: the first is
	// folded at once, the others by the fold a second after.
	for _, tc := range []struct {
		name  string
		write func() error
		query string
		want  []int64
	}{
		{"star", func() error { return s.SetStarred(ctx, ids[:1], true) }, "is:starred", ids[:1]},
		{"tag", func() error { return s.Tag(ctx, ids[1:2], []string{"done in reader"}, nil) }, `tag:"done in reader"`, ids[1:2]},
		{"note", func() error {
			_, err := s.AddAnnotation(ctx, Annotation{ArticleID: ids[2], Note: "note typed in the reader"})
			return err
		}, "is:annotated", ids[2:]},
		{"read mark", func() error { return s.SetRead(ctx, ids[1:], true) }, "is:read", ids[1:]},
		{"unstar", func() error { return s.SetStarred(ctx, ids[:1], false) }, "is:starred", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.write(); err != nil {
				t.Fatal(err)
			}
			waitForCopy(t, s, tc.query, tc.want)
		})
	}
}

// A reader in the middle of a query when a write commits holds the pages
// it reads in the log, and a fold then cannot take the write's: it is
// tried again once the reader is done.
func TestCopyHasWriteMadeDuringARead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, ids := openLibrary(t)
	raw, err := sql.Open("sqlite", dsn(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	read, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := read.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, ids[:1], true); err != nil {
		t.Fatal(err)
	}
	time.Sleep(foldEvery + 300*time.Millisecond) // the first fold, held back by the read
	if err := read.Rollback(); err != nil {
		t.Fatal(err)
	}
	waitForCopy(t, s, "is:starred", ids[:1])
}

// Closing the library while a fold is due or under way waits for it and
// leaves nothing running.
func TestCloseWhileFolding(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, wait := range []time.Duration{0, time.Millisecond, 20 * time.Millisecond} {
		s, ids := openLibrary(t)
		for i := range 3 {
			if err := s.SetStarred(ctx, ids[:1], i%2 == 0); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(wait)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s.foldSoon() // a write racing Close schedules nothing
		s.fold.Lock()
		due := s.fold.timer != nil
		s.fold.Unlock()
		if due {
			t.Errorf("after %v: a fold is due on a closed library", wait)
		}
	}
}
