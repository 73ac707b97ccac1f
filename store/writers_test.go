package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// twoTidings opens one library twice, as two tidings would, with writes
// waiting for the lock up to busy.
func twoTidings(t *testing.T, busy time.Duration) (a, b *Store, id int64) {
	t.Helper()
	defer func(ms int) { writeBusyTimeout = ms }(writeBusyTimeout)
	writeBusyTimeout = int(busy.Milliseconds())
	path := filepath.Join(t.TempDir(), "library.db")
	a, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	importAll(t, a, art("w1", "2024-03-05", "One story. Text."))
	b, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b, mustArticleID(t, a, "w1")
}

// hold writes in one transaction, which it ends once release is closed;
// when it has written, and so holds the library's write lock, it closes
// locked (unless nil).
func hold(ctx context.Context, s *Store, locked chan<- struct{}, release <-chan struct{}) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET updated = updated`); err != nil {
			return err
		}
		if locked != nil {
			close(locked)
		}
		<-release
		return nil
	})
}

// after is a channel closed once d has passed.
func after(d time.Duration) <-chan struct{} {
	c := make(chan struct{})
	time.AfterFunc(d, func() { close(c) })
	return c
}

// TestAShortWriteGetsItsTurnBetweenAnImportsTransactions: while another
// tidings writes one transaction after another (an import's batches), a
// star or a tag waits for the transaction under way, not for the import to
// end.
func TestAShortWriteGetsItsTurnBetweenAnImportsTransactions(t *testing.T) {
	ctx := context.Background()
	importer, reader, id := twoTidings(t, time.Second)
	var stop atomic.Bool
	importing := make(chan error, 1)
	go func() {
		var err error
		for !stop.Load() && err == nil {
			err = hold(ctx, importer, nil, after(200*time.Millisecond))
		}
		importing <- err
	}()
	defer func() {
		stop.Store(true)
		if err := <-importing; err != nil {
			t.Errorf("the import: %v", err)
		}
	}()
	for i := range 5 {
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		err := reader.SetStarred(ctx, []int64{id}, i%2 == 0)
		if err != nil {
			t.Fatalf("starring while another tidings imports: %v after %v", err, time.Since(start).Round(time.Millisecond))
		}
	}
}

// TestABusyLibrarySaysSo: a write that waits in vain says that another
// tidings is writing and to try again, not SQLite's words.
func TestABusyLibrarySaysSo(t *testing.T) {
	ctx := context.Background()
	importer, reader, id := twoTidings(t, 300*time.Millisecond)
	locked, release := make(chan struct{}), make(chan struct{})
	held := make(chan error, 1)
	go func() { held <- hold(ctx, importer, locked, release) }()
	select {
	case <-locked:
	case err := <-held:
		t.Fatalf("the other tidings could not write: %v", err)
	}
	err := reader.SetStarred(ctx, []int64{id}, true)
	close(release)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("starring while another tidings holds the library: %v, want ErrBusy", err)
	}
	msg := err.Error()
	for _, raw := range []string{"SQLITE_BUSY", "database is locked"} {
		if strings.Contains(msg, raw) {
			t.Errorf("the error %q says %q", msg, raw)
		}
	}
	if !strings.Contains(msg, "another tidings is writing") || !strings.Contains(msg, "try again") {
		t.Errorf("the error %q does not say why or what to do", msg)
	}
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	if err := reader.SetStarred(ctx, []int64{id}, true); err != nil {
		t.Errorf("starring once the library is free: %v", err)
	}
}
