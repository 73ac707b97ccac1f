package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// fileSize is the size of the file at path, 0 when there is none.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// mustCopy copies the file at from to the new file to.
func mustCopy(t *testing.T, from, to string) {
	t.Helper()
	if err := copyFile(from, to); err != nil {
		t.Fatal(err)
	}
}

// countInFileAlone counts the articles of the library's file at path read
// alone, as a copy of it without its -wal: what the file itself holds.
func countInFileAlone(t *testing.T, path string) (int, error) {
	t.Helper()
	alone := filepath.Join(t.TempDir(), "alone.db")
	mustCopy(t, path, alone)
	c, err := Open(alone, Options{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer c.Close()
	return c.Count(context.Background(), "")
}

// holdOpen opens a connection of its own to the library at path and keeps
// it open for the test, as another tidings would: closing the library is
// then not closing its last connection, which SQLite folds and deletes
// the log on by itself.
func holdOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	t.Cleanup(func() { raw.Close() })
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestNewLibraryFileHoldsItsSchema: a new library's file holds its schema
// once it is open, not its log alone: a first import that fills the disk
// would otherwise leave the schema in the log with no room to fold it
// into the file, and the log's space never came back.
func TestNewLibraryFileHoldsItsSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := countInFileAlone(t, path); err != nil || n != 0 {
		t.Errorf("library.db alone, right after a new library opened: %d articles, %v; want an empty library", n, err)
	}
	if n := fileSize(t, path+"-wal"); n != 0 {
		t.Errorf("the log holds %d bytes once the new library is open, want 0", n)
	}
}

// TestCloseFoldsAndCutsTheLog: a library whose log holds its articles,
// never folded into its file, followed by the leftover frames of a write
// that failed (what a full disk left behind), is folded and its log cut to
// nothing when it is closed, though another tidings keeps it open.
func TestCloseFoldsAndCutsTheLog(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A reader that began before the import reads the library's file
	// alone, and keeps every fold from taking a page of the log.
	reader := holdOpen(t, path)
	pin, err := reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer pin.Rollback()
	var n int
	if err := pin.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, generated(500)); err != nil {
		t.Fatal(err)
	}
	// The state: library.db without the articles, the log with them, and
	// after them what a failed write left.
	stuck := filepath.Join(t.TempDir(), "library.db")
	mustCopy(t, path, stuck)
	mustCopy(t, path+"-wal", stuck+"-wal")
	f, err := os.OpenFile(stuck+"-wal", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if n, err := countInFileAlone(t, stuck); err == nil && n != 0 {
		t.Fatalf("the library's file alone holds %d articles; the test needs them in the log alone", n)
	}

	holdOpen(t, stuck) // another tidings
	st, err := Open(stuck, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := st.Count(ctx, ""); err != nil || got != 500 {
		t.Fatalf("the library reads %d articles (%v), want 500", got, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if n := fileSize(t, stuck+"-wal"); n != 0 {
		t.Errorf("after Close the log is %d bytes, want 0: its space is not given back", n)
	}
	if n, err := countInFileAlone(t, stuck); err != nil || n != 500 {
		t.Errorf("after Close library.db alone holds %d articles (%v), want 500", n, err)
	}
}

// TestWriteRefusedForRoomCutsTheLog: a write the disk refused for want of
// room gives back at once the space its frames took in the log, while the
// library stays open; and the next write is folded into the library's
// file.
func TestWriteRefusedForRoomCutsTheLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holdOpen(t, path) // another tidings
	batch := generated(3000)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		// A small cache writes the batch's pages to the log as it goes,
		// as a batch larger than the cache does.
		if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = 16"); err != nil {
			return err
		}
		if _, err := importIn(ctx, tx, batch, false, false, make([]Outcome, len(batch))); err != nil {
			return err
		}
		return fmt.Errorf("writing the batch: %w", syscall.ENOSPC)
	})
	if !DiskFull(err) {
		t.Fatalf("the write: %v, want the disk full", err)
	}
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA cache_size = -65536"); err != nil {
		t.Fatal(err)
	}
	if n := fileSize(t, path+"-wal"); n != 0 {
		t.Errorf("after the write failed for want of room the log is %d bytes, want 0", n)
	}
	if _, err := s.Import(ctx, generated(10)); err != nil {
		t.Fatal(err)
	}
	// It is folded in within about a second (foldSoon).
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := countInFileAlone(t, path)
		if err == nil && n == 10 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("library.db alone holds %d articles (%v) after the next write, want 10", n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
