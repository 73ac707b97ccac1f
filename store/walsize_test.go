package store

import (
	"context"
	"os"
	"testing"
)

// TestWALCutBackAfterLargeWrite: once a large import is folded into the
// library (which waits until the log holds 1,000 pages: a large import), the
// next write cuts the write-ahead log back to walSizeLimit instead of
// leaving it as large as the import made it.
func TestWALCutBackAfterLargeWrite(t *testing.T) {
	limit := walSizeLimit
	walSizeLimit = 1 << 20
	t.Cleanup(func() { walSizeLimit = limit })
	path := t.TempDir() + "/library.db"
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Import(ctx, generated(30000)); err != nil {
		t.Fatal(err)
	}
	walSize := func() int64 {
		fi, err := os.Stat(path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	if n := walSize(); n <= int64(walSizeLimit) {
		t.Fatalf("the import left a log of %d bytes; the test needs more than %d", n, walSizeLimit)
	}
	for id := range int64(3) {
		if err := s.Tag(ctx, []int64{id + 1}, []string{"later"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := walSize(); n > int64(walSizeLimit) {
		t.Errorf("after the import was folded in and more was written, the log is %d bytes, want at most %d", n, walSizeLimit)
	}
}
