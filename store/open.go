package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	sys "golang.org/x/sys/unix"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyTimeout is how long, in milliseconds, a reading connection waits for
// another process's lock before giving up (readers of a library in WAL mode
// hardly ever wait); the writer waits writeBusyTimeout.
const busyTimeout = 10000

// readerCache is each reading connection's page cache: 32 MiB, where
// SQLite's default is 2 MiB, so that the sort key index and the inner pages
// of a million-article library stay in memory between queries.
const readerCache = "_pragma=cache_size(-32768)"

// pageSize is the page size of new libraries: an article's body fits in a
// page with room to spare, and article_fts writes fewer, larger pages.
var pageSize = 16384

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens the library at path, creating it (and its folder, private to the
// user) when it does not exist, and bringing an older library's schema up to
// date. A library written by a newer tidings gives ErrNewerLibrary and a file
// that is not a library gives ErrNotLibrary; both are left untouched.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: open: no library path")
	}
	registerFunctions()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := prepareFile(abs, opt.ReadOnly); err != nil {
		return nil, err
	}
	s := &Store{path: abs, readOnly: opt.ReadOnly, upgrading: opt.Upgrading}
	if opt.ReadOnly {
		params := []string{"mode=ro", "_pragma=query_only(1)", readerCache}
		if !walReadable(abs) {
			// In a folder it may not write to, SQLite cannot make the
			// -shm file a WAL library is read through; nobody else can
			// write the library there either, so it is read as it is.
			params = append(params, "immutable=1")
		}
		s.db, err = sql.Open("sqlite", dsn(abs, params...))
	} else {
		s.db, err = sql.Open("sqlite", dsn(abs, readerCache))
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	s.db.SetMaxOpenConns(4)
	s.db.SetMaxIdleConns(4)
	if !opt.ReadOnly {
		// The writer waits longer than readers, taking turns with other
		// tidings writing (turns).
		wc, err := newWriterConnector(dsn(abs, "_txlock=immediate", "_pragma=cache_size(-65536)",
			fmt.Sprintf("_pragma=busy_timeout(%d)", writeBusyTimeout)), abs)
		if err != nil {
			s.db.Close()
			return nil, fmt.Errorf("store: open %s: %w", abs, err)
		}
		s.wdb = sql.OpenDB(wc)
		// SQLite has one writer at a time; a second connection could only wait.
		s.wdb.SetMaxOpenConns(1)
		s.wdb.SetMaxIdleConns(1)
		s.wdb.SetConnMaxLifetime(0)
		s.wdb.SetConnMaxIdleTime(0)
	}
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// walReadable reports whether SQLite can read the library at path through
// its write-ahead log: the log's -shm file is there, or its folder takes a
// new one.
var walReadable = func(path string) bool {
	if _, err := os.Stat(path + "-shm"); err == nil {
		return true
	}
	return sys.Access(filepath.Dir(path), sys.W_OK) == nil
}

// walSizeLimit is the size the write-ahead log (library.db-wal) is cut
// back to once it has been folded into the library: a large import, or one
// beside a reader that kept the log from being folded meanwhile, grows it
// to gigabytes, which it would otherwise keep until every connection closed.
var walSizeLimit = 64 << 20

// cutLogWait is how long, in milliseconds, cutLog waits for another
// connection in its way (a reader's query, a fold, another tidings's
// writer): long enough for a query or a fold to end, short enough that
// closing the library never waits noticeably for another tidings's long
// read or write. What it cannot cut then, the next cut does.
const cutLogWait = 100

// cutLog folds the write-ahead log into the library's file and cuts it to
// nothing (a TRUNCATE checkpoint), so that the disk space it holds comes
// back. Frames of a write that failed (on a full disk, say) stay in the
// log's file after the write is rolled back: SQLite writes over them later
// but never gives their space back, and until what the log holds is
// folded in, the library's file lacks it. It runs on the writer, between
// its writes, and waits for others at most cutLogWait; it is done when it
// can, and a log it could not cut stays as it is.
func (s *Store) cutLog() {
	if s.readOnly {
		return
	}
	ctx := context.Background()
	conn, err := s.wdb.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", cutLogWait)); err != nil {
		return
	}
	defer conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", writeBusyTimeout))
	var busy, logged, folded int
	_ = conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &folded)
}

// dsn is the driver's name for the library at path: a URI, so that SQLite
// reads mode=ro, with the pragmas every connection needs.
func dsn(path string, params ...string) string {
	// A file: URI decodes %HH escapes, and ? and # would end the path.
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
	busy := fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeout)
	if slices.ContainsFunc(params, func(p string) bool { return strings.HasPrefix(p, "_pragma=busy_timeout(") }) {
		busy = "" // params give their own
	}
	q := append([]string{
		busy,
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(NORMAL)",
		"_pragma=temp_store(MEMORY)",
		fmt.Sprintf("_pragma=journal_size_limit(%d)", walSizeLimit),
	}, params...)
	q = slices.DeleteFunc(q, func(p string) bool { return p == "" })
	return "file:" + p + "?" + strings.Join(q, "&")
}

// prepareFile makes sure path is either absent-and-creatable, or an existing
// SQLite file, before SQLite touches it: SQLite would otherwise answer a text
// file with a bare "file is not a database" or, for an empty name, create
// something else than what the user named.
func prepareFile(path string, readOnly bool) error {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if readOnly {
			return fmt.Errorf("store: open %s read-only: %w", path, fs.ErrNotExist)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return fmt.Errorf("store: create library folder: %w", err)
		}
		// Created here, not by SQLite, to make it private to the user;
		// SQLite gives its -wal and -shm files the same permissions.
		nf, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("store: create library: %w", err)
		}
		if nf != nil {
			return nf.Close()
		}
		return nil
	case err != nil:
		return fmt.Errorf("store: open library: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: open library: %w", err)
	}
	if info.IsDir() {
		return fmt.Errorf("store: open %s: is a folder, %w", path, ErrNotLibrary)
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		// Empty: a library being created, by another tidings or by this
		// one in a file made for it (touch, mktemp). It is made private
		// as a new library is, since it will hold the user's reading and
		// notes and holds nothing yet that anyone shares; the owner's own
		// permissions are kept, and none is added.
		if !readOnly {
			if perm := info.Mode().Perm(); perm&0o077 != 0 {
				if err := f.Chmod(perm & 0o700); err != nil {
					return fmt.Errorf("store: make the new library private: %w", err)
				}
			}
		}
		return nil
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return fmt.Errorf("store: open %s: not an SQLite database, %w", path, ErrNotLibrary)
	}
	if !readOnly && (sys.Access(path, sys.W_OK) != nil || !walReadable(path)) {
		return fmt.Errorf("store: open %s: %w", path, ErrNotWritable)
	}
	if !readOnly {
		for _, side := range []string{path + "-shm", path + "-wal"} {
			if err := makeWritable(side, info.Mode().Perm()); err != nil {
				return fmt.Errorf("store: open %s: %w", path, err)
			}
		}
	}
	return nil
}

// makeWritable gives the library's -shm or -wal file at side the library's
// own permissions when its owner cannot write it: SQLite makes them with
// the library's permissions, so a library read while it was read-only
// leaves a read-only -shm that would keep every write out once the library
// is writable again. One of another user's that this one cannot write is
// named.
func makeWritable(side string, perm fs.FileMode) error {
	info, err := os.Stat(side)
	if err != nil {
		return nil // none: SQLite makes it
	}
	if info.Mode().Perm()&0o200 != 0 && sys.Access(side, sys.W_OK) == nil {
		return nil
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) == os.Getuid() {
		if err := os.Chmod(side, perm|0o600); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%s cannot be written (another user's, or left by a read-only open): remove it while no tidings runs, %w", side, ErrNotWritable)
}

// migrate checks the library's schema version (PRAGMA user_version) and
// applies the migrations it lacks, all in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	conn := s.db
	if !s.readOnly {
		conn = s.wdb
	}
	version, tables, err := schemaState(ctx, conn)
	if err != nil {
		return s.openErr(err)
	}
	if err := s.checkTables(ctx, conn, version); err != nil {
		return err
	}
	if err := s.checkVersion(version, tables); err != nil {
		return err
	}
	if s.readOnly {
		if version == 0 && tables == 0 {
			return fmt.Errorf("store: open %s read-only: an empty file, %w", s.path, ErrNotLibrary)
		}
		if version < len(migrations) {
			return fmt.Errorf("store: open %s: the library needs upgrading, which a read-only open cannot do; open it once for writing: %w", s.path, ErrReadOnly)
		}
		return nil
	}
	if version == 0 && tables == 0 {
		// A new library: the page size can still be chosen, before WAL.
		if _, err := s.wdb.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d", pageSize)); err != nil {
			return s.openErr(err)
		}
	}
	// WAL lets readers go on while one writer writes. It is a property of
	// the file, set only now that the file is known to be a library.
	if _, err := s.wdb.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return s.openErr(err)
	}
	if version == len(migrations) {
		return s.repairTags(ctx)
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return s.openErr(err)
	}
	defer tx.Rollback()
	// Another process may have migrated while this one waited for the lock.
	version, tables, err = schemaState(ctx, tx)
	if err != nil {
		return s.openErr(err)
	}
	if err := s.checkTables(ctx, tx, version); err != nil {
		return err
	}
	if err := s.checkVersion(version, tables); err != nil {
		return err
	}
	if version > 0 && version < len(migrations) && s.upgrading != nil {
		s.upgrading(version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		if err := migrate(ctx, tx, v+1); err != nil {
			return fmt.Errorf("store: open %s: migration %d: %w", s.path, v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return fmt.Errorf("store: open %s: %w", s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: open %s: %w", s.path, err)
	}
	// The schema goes into the library's file now, before anything else
	// is written: a first import that fills the disk would otherwise
	// leave it in the log alone, with no room left to fold it in, and
	// the log could never be cut back (cutLog).
	s.cutLog()
	return nil
}

// repairTags gives the tags an older tidings created in a library this one
// had upgraded their folded names (repairTagFolds), when there are any.
func (s *Store) repairTags(ctx context.Context) error {
	stale, err := hasUnfoldedTags(ctx, s.wdb)
	if err != nil || !stale {
		return s.openErrIf(err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		_, err := repairTagFolds(ctx, tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: open %s: folding tag names: %w", s.path, err)
	}
	return nil
}

// openErrIf is openErr of err, nil for none.
func (s *Store) openErrIf(err error) error {
	if err == nil {
		return nil
	}
	return s.openErr(err)
}

// checkVersion refuses a library newer than this build, and an SQLite
// database that has tables but no version: another program's.
func (s *Store) checkVersion(version, tables int) error {
	switch {
	case version > len(migrations):
		return fmt.Errorf("store: open %s (schema version %d, this tidings knows %d): %w",
			s.path, version, len(migrations), ErrNewerLibrary)
	case version == 0 && tables > 0:
		return fmt.Errorf("store: open %s: an SQLite database of another program, %w", s.path, ErrNotLibrary)
	}
	return nil
}

// checkTables refuses a database with a schema version but without the
// articles table every library has had since its first version: another
// program's, which sets user_version for its own schema. It is refused
// before anything is written to it.
func (s *Store) checkTables(ctx context.Context, q queryer, version int) error {
	if version == 0 {
		return nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('articles') WHERE name IN ('external_id', 'sort_key')`).Scan(&n)
	if err != nil {
		return s.openErr(err)
	}
	if n != 2 {
		return fmt.Errorf("store: open %s: an SQLite database of another program (schema version %d, no articles of tidings), %w", s.path, version, ErrNotLibrary)
	}
	return nil
}

func schemaState(ctx context.Context, q queryer) (version, tables int, err error) {
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, err
	}
	err = q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables)
	return version, tables, err
}

// openErr names the library in an error from opening it, and tells a file
// that is not a database from other failures.
func (s *Store) openErr(err error) error {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("store: open %s: not an SQLite database, %w", s.path, ErrNotLibrary)
	case sqlite3.SQLITE_CORRUPT:
		return &DamagedError{Path: s.path, Err: err, opening: true}
	}
	return fmt.Errorf("store: open %s: %w", s.path, err)
}
