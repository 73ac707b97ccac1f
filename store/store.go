// Package store is tidings' library: one SQLite file (modernc.org/sqlite, WAL,
// FTS5) holding articles, tags, annotations, feeds, saved searches and rules.
// It is the only package that speaks SQL. Queries in the query language
// (package store/query) are compiled to SQL here and nowhere else.
//
// A Store is safe for concurrent use, and several processes may open the same
// library: writes are serialized by SQLite's write lock, taken at the start of
// every write transaction, and waited for up to busyTimeout.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrReadOnly is returned by every write to a library opened read-only.
var ErrReadOnly = errors.New("store: library is open read-only")

// ErrNotLibrary is returned by Open for a file that is not a tidings library:
// not SQLite at all, or an SQLite database of another program.
var ErrNotLibrary = errors.New("not a tidings library")

// Options are how a library is opened.
type Options struct {
	// ReadOnly opens the library for reading only: nothing is created or
	// migrated, and every write returns ErrReadOnly.
	ReadOnly bool
	// Upgrading, when set, is told before an existing library is brought
	// from schema version from to to: on a large library that takes a
	// while (rebuilding indexes), and whoever waits should know why.
	Upgrading func(from, to int)
}

// Store is an open library.
type Store struct {
	path      string
	readOnly  bool
	upgrading func(from, to int)

	// db serves reads; any number of connections read at once in WAL mode.
	db *sql.DB
	// wdb is the one writer connection, whose transactions begin IMMEDIATE:
	// the write lock is taken up front, so a writer waits for another
	// process's writer (busy_timeout) instead of failing to upgrade a read
	// lock with SQLITE_BUSY. Nil when read-only.
	wdb *sql.DB

	// rare is the last live query whose prefix was too rare among the
	// newest candidates (live.go). Typing on makes the prefix longer and
	// rarer still, so the next keystroke goes to FTS5 at once.
	rare struct {
		sync.Mutex
		rest, word string
	}

	// fold brings what writes commit into the library's file soon after
	// (foldSoon).
	fold struct {
		sync.Mutex
		timer  *time.Timer    // a fold is due; nil when none is
		last   time.Time      // when the last fold began
		tries  int            // folds in a row that left pages in the log
		closed bool           // the library is closing: no more folds
		active sync.WaitGroup // the fold running now
	}
}

// Path returns the library's file name.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the library was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the library.
func (s *Store) Close() error {
	var errs []error
	s.stopFolding()
	if s.wdb != nil {
		// Leave the WAL folded into the main file for whoever copies it
		// next, and cut back, though another tidings keeps the library
		// open: a log that a failed write grew keeps its space otherwise.
		s.cutLog()
		errs = append(errs, s.wdb.Close())
	}
	errs = append(errs, s.db.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// tx runs fn in one write transaction, bumping the library's generation so
// that other processes notice the change, and commits it; an error from fn
// rolls everything back. What it wrote reaches the library's file within
// about a second (foldSoon), not only when the library is closed.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := s.commit(ctx, fn); err != nil {
		if DiskRefused(err) {
			// The write's frames fill the log's file: its space comes
			// back now, not when the library is closed.
			s.cutLog()
		}
		return err
	}
	s.foldSoon()
	return nil
}

// commit is tx without folding.
func (s *Store) commit(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'generation'`); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// A write commits into the write-ahead log (library.db-wal), which SQLite
// folds into library.db (a checkpoint) only once it holds 1,000 pages, or
// when the library is closed: a star, a tag or a note made in the reader
// would be missing from a copy of library.db taken while the reader runs.
// So a fold follows every write: at once after a quiet second, and once a
// second during a burst of them (a fetch storing feed after feed, an
// import's batches, marks made as fast as keys repeat), the last write of
// the burst included.
//
// A fold is a passive checkpoint on a reading connection, after the write
// has returned: it never waits for another connection, never holds the
// writer, and what it does not fold the write keeps in the log as before.
// A reader that began before the write holds the pages it reads in the
// log, so a fold that could not take them all is tried again, up to
// foldTries times (the next write tries too).

// foldEvery is the shortest time between folds.
const foldEvery = time.Second

// foldTries is how many folds in a row may leave pages in the log before
// the library waits for the next write to try again.
const foldTries = 5

// foldSoon makes sure a fold begins after the write that has just
// committed: at once, or foldEvery after the last one began.
func (s *Store) foldSoon() {
	f := &s.fold
	f.Lock()
	defer f.Unlock()
	if f.closed || f.timer != nil {
		return // a fold that has not begun yet takes this write too
	}
	f.timer = time.AfterFunc(max(0, foldEvery-time.Since(f.last)), s.foldLog)
}

// foldLog folds the log into the library's file, as much of it as no
// reader holds.
func (s *Store) foldLog() {
	f := &s.fold
	f.Lock()
	if f.closed {
		f.Unlock()
		return
	}
	f.timer = nil
	f.last = time.Now()
	f.active.Add(1)
	f.Unlock()
	defer f.active.Done()

	var busy, logged, folded int
	err := s.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logged, &folded)
	f.Lock()
	whole := err == nil && busy == 0 && folded >= logged
	if whole || f.tries+1 >= foldTries {
		f.tries = 0
		f.Unlock()
		return
	}
	f.tries++
	f.Unlock()
	s.foldSoon()
}

// stopFolding ends folding for Close, waiting for a fold under way.
func (s *Store) stopFolding() {
	f := &s.fold
	f.Lock()
	f.closed = true
	if f.timer != nil {
		f.timer.Stop()
		f.timer = nil
	}
	f.Unlock()
	f.active.Wait()
}

// Generation returns a number that changes whenever any process writes to the
// library: the UI polls it to know when to reload.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var g int64
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'generation'`).Scan(&g)
	if err != nil {
		return 0, fmt.Errorf("store: generation: %w", err)
	}
	return g, nil
}
