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
	abs, err := target(dest)
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	for _, side := range []string{"", "-wal", "-shm", "-journal"} {
		if same(abs, s.path+side) || abs == s.path+side {
			if side == "" {
				return fmt.Errorf("store: backup %s: that is the library itself", dest)
			}
			return fmt.Errorf("store: backup %s: that is the library's %s file, which SQLite keeps beside it", dest, side)
		}
	}
	switch fi, err := os.Stat(abs); {
	case err == nil && fi.IsDir():
		return fmt.Errorf("store: backup %s: a folder; name a file in it", dest)
	case err == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("store: backup %s: not a regular file", dest)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("store: backup %s: the folder %s is not writable", dest, filepath.Dir(abs))
	}
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

// target is the file a backup to dest writes: dest made absolute, and, when
// dest is a symbolic link (a name kept on a backup disk, say), the file it
// points to, so that the link keeps pointing at the new copy rather than
// being replaced by it. A link to a link is followed to its end.
func target(dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	for range 40 {
		fi, err := os.Lstat(abs)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return abs, nil
		}
		to, err := os.Readlink(abs)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(abs), to)
		}
		abs = filepath.Clean(to)
	}
	return "", errors.New("too many symbolic links")
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
