package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a copy of the library, whole and consistent as of one
// moment, to dest, while the library stays open (to this process and to
// others, which may go on writing). It is SQLite's VACUUM INTO: the copy is
// one file, with no -wal beside it, compacted, and written to a temporary
// name in dest's folder first, so that dest is either the old file or the
// whole new copy, never a part of one. dest is created 0600, as the library
// is; an existing dest is replaced. dest may not be the library itself.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return errors.New("store: backup: no file named")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	if same(abs, s.path) {
		return fmt.Errorf("store: backup %s: that is the library itself", dest)
	}
	if fi, err := os.Stat(abs); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("store: backup %s: not a file", dest)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	name := tmp.Name()
	tmp.Close()
	// VACUUM INTO wants a file that does not exist, or an empty one; the
	// temporary name keeps the place, and its 0600.
	defer os.Remove(name)
	if err := s.vacuumInto(ctx, name); err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	if err := os.Rename(name, abs); err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	return nil
}

// vacuumInto writes the library into the file name on a reading
// connection. A library opened read-only reads with query_only, which
// refuses VACUUM INTO although it writes only the new file (the library is
// opened mode=ro besides): it is lifted on this connection for the copy.
func (s *Store) vacuumInto(ctx context.Context, name string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var only int
	if err := conn.QueryRowContext(ctx, `PRAGMA query_only`).Scan(&only); err != nil {
		return err
	}
	if only != 0 {
		if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA query_only = 1`)
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, name)
	return err
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
