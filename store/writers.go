package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	sys "golang.org/x/sys/unix"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrBusy is returned by a write that waited writeBusyTimeout for another
// tidings writing to the library, in vain.
var ErrBusy = errors.New("the library is busy: another tidings is writing to it; try again when it is done")

// busyError is SQLite's "database is locked" as ErrBusy.
type busyError struct{ err error }

func (busyError) Error() string        { return ErrBusy.Error() }
func (busyError) Is(target error) bool { return target == ErrBusy }
func (e busyError) Unwrap() error      { return e.err }

// asBusy is err, as ErrBusy when it is SQLite's SQLITE_BUSY.
func asBusy(err error) error {
	if sqliteCode(err) == sqlite3.SQLITE_BUSY {
		return busyError{err}
	}
	return err
}

// writeBusyTimeout is how long, in milliseconds, a write waits for the
// library's write lock. Writers take turns (turns), so a write waits for
// at most one transaction of each other tidings writing, each a few seconds
// (an import's batch is sized to take about three).
var writeBusyTimeout = 30000

// Writers take turns. SQLite lets a writer that waits for the write lock
// try again now and then, while a writer that has just committed takes it
// again at once: two imports, one transaction after another, would keep a
// third tidings tagging or starring waiting until they end, and it gives
// up. So a writer waiting for the lock says so, holding a shared lock
// (flock) on the library's folder, and a writer that has just written lets
// those waiting go first: it begins again once nobody holds that lock.
//
// The folder, not a file of its own beside the library, so that nothing is
// left there; the writers of other libraries in the same folder are let go
// first too, which costs an import there no more than their wait. Without
// it (a file system without locks) writers wait as SQLite has them wait.
type turns struct {
	f *os.File
	// last is when the last write transaction here ended, in Unix
	// nanoseconds.
	last atomic.Int64
}

// justWrote is how soon after its last transaction a writer's next one
// lets those waiting go first: an import's next batch begins within it.
const justWrote = time.Second

// openTurns opens the folder the writers of the library at path take turns
// by; nil when it cannot.
func openTurns(path string) *turns {
	f, err := os.Open(filepath.Dir(path))
	if err != nil {
		return nil
	}
	if err := sys.Flock(int(f.Fd()), sys.LOCK_SH|sys.LOCK_NB); err != nil && !errors.Is(err, sys.EWOULDBLOCK) {
		f.Close()
		return nil // no locks here
	}
	_ = sys.Flock(int(f.Fd()), sys.LOCK_UN)
	return &turns{f: f}
}

func (t *turns) flock(how int) error {
	for {
		err := sys.Flock(int(t.f.Fd()), how)
		if !errors.Is(err, sys.EINTR) {
			return err
		}
	}
}

// yield waits, after a transaction of this writer that has just ended,
// for the writers waiting to have had their turn: up to the busy timeout,
// after which they have given up.
func (t *turns) yield(ctx context.Context) {
	if time.Since(time.Unix(0, t.last.Load())) > justWrote {
		return
	}
	deadline := time.Now().Add(time.Duration(writeBusyTimeout) * time.Millisecond)
	for {
		if err := t.flock(sys.LOCK_EX | sys.LOCK_NB); err == nil {
			_ = t.flock(sys.LOCK_UN)
			return
		} else if !errors.Is(err, sys.EWOULDBLOCK) {
			return // no locks here
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// wait says this writer waits for the write lock, until done; a writer
// yielding holds the folder's lock only a moment.
func (t *turns) wait() {
	for range 200 {
		if err := t.flock(sys.LOCK_SH | sys.LOCK_NB); !errors.Is(err, sys.EWOULDBLOCK) {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

func (t *turns) done() { _ = t.flock(sys.LOCK_UN) }

func (t *turns) ended() { t.last.Store(time.Now().UnixNano()) }

// writerConnector opens the library's writer connection, whose write
// transactions take turns with other tidings's and say ErrBusy when they
// wait in vain.
type writerConnector struct {
	driver.Connector
	turns *turns // nil: no turns taken
}

func newWriterConnector(dsn, library string) (*writerConnector, error) {
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return &writerConnector{Connector: base, turns: openTurns(library)}, nil
}

func (c *writerConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &writerConn{conn: conn, turns: c.turns}, nil
}

// Close is called by sql.DB's.
func (c *writerConnector) Close() error {
	if c.turns == nil {
		return nil
	}
	return c.turns.f.Close()
}

// writerConn is a connection of the driver whose transactions take turns.
// It forwards every interface the driver's connections have.
type writerConn struct {
	conn  driver.Conn
	turns *turns
}

func (c *writerConn) Unwrap() driver.Conn { return c.conn }

func (c *writerConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.turns != nil {
		c.turns.yield(ctx)
		c.turns.wait()
	}
	tx, err := c.conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
	if c.turns != nil {
		c.turns.done()
	}
	if err != nil {
		return nil, asBusy(err)
	}
	return &writerTx{tx: tx, turns: c.turns}, nil
}

func (c *writerConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *writerConn) Prepare(query string) (driver.Stmt, error) { return c.conn.Prepare(query) }
func (c *writerConn) Close() error                              { return c.conn.Close() }

func (c *writerConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *writerConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := c.conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	return r, asBusy(err)
}

func (c *writerConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *writerConn) Ping(ctx context.Context) error {
	return c.conn.(driver.Pinger).Ping(ctx)
}

func (c *writerConn) ResetSession(ctx context.Context) error {
	return c.conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *writerConn) IsValid() bool { return c.conn.(driver.Validator).IsValid() }

// writerTx notes when it ends, for the writer's next transaction to yield.
type writerTx struct {
	tx    driver.Tx
	turns *turns
}

func (t *writerTx) Commit() error {
	err := t.tx.Commit()
	if t.turns != nil {
		t.turns.ended()
	}
	return err
}

func (t *writerTx) Rollback() error {
	err := t.tx.Rollback()
	if t.turns != nil {
		t.turns.ended()
	}
	return err
}
