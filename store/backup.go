package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	sys "golang.org/x/sys/unix"

	"tidings/store/leftover"
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
	dir, base := filepath.Split(abs)
	removeBackupLeftovers(dir, base)
	// Locked while the copy is written, so that another backup to dest
	// knows it for one that runs.
	tmp, err := leftover.Create(dir, backupTempPrefix(base), backupTempSuffix)
	if errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("store: backup %s: the folder %s is not writable", dest, filepath.Dir(abs))
	}
	if err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	name := tmp.Name()
	defer func() {
		tmp.Close()
		removeBackupTemp(name) // fails harmlessly once renamed
	}()
	// VACUUM INTO wants a file that does not exist, or an empty one; the
	// temporary name keeps the place, and its 0600.
	if err := s.vacuumInto(ctx, name); err != nil {
		return s.backupErr(dest, name, err)
	}
	if err := os.Chmod(name, 0o600); err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	if err := os.Rename(name, abs); err != nil {
		return fmt.Errorf("store: backup %s: %w", dest, err)
	}
	return nil
}

// backupErr is the error of a copy to dest that failed, written to the
// temporary file tmp: a damaged library is said to be one; a copy that
// ran out of room says which room (SQLite says only "disk I/O error" of a
// file grown past ulimit -f).
func (s *Store) backupErr(dest, tmp string, err error) error {
	if DiskRefused(err) {
		if why := noRoom(tmp, s.path); why != "" {
			return fmt.Errorf("store: backup %s: %s (%w)", dest, why, err)
		}
	}
	return Damaged(s.path, fmt.Errorf("store: backup %s: %w", dest, err))
}

// noRoom says why the temporary file tmp of a copy of the library lib
// could not grow, when it is for want of room: the copy is larger than
// this process may write a file (ulimit -f), or the disk it is on is full.
// A copy is about as large as the library, and SQLite's sorting files as
// large as an index of it: a limit smaller than the library is taken for
// the cause too. It is "" for neither.
func noRoom(tmp, lib string) string {
	var limit sys.Rlimit
	if sys.Getrlimit(sys.RLIMIT_FSIZE, &limit) == nil && limit.Cur != sys.RLIM_INFINITY &&
		(size(tmp)+roomSlack >= limit.Cur || size(lib) > limit.Cur) {
		return fmt.Sprintf("the copy is larger than the largest file tidings may write (%d bytes, which ulimit -f sets)", limit.Cur)
	}
	var disk sys.Statfs_t
	if sys.Statfs(filepath.Dir(tmp), &disk) == nil && disk.Bavail*uint64(disk.Bsize) < roomSlack {
		return "the disk is full"
	}
	return ""
}

// size is the size of the file at path, 0 for none.
func size(path string) uint64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return uint64(fi.Size())
}

// roomSlack is how near a limit a file that could not grow is taken to
// have reached it: a few of SQLite's largest pages.
const roomSlack = 1 << 20

// A backup to dest writes through a temporary file in dest's folder named
// backupTempPrefix(dest's name), the process id of the backup, a dash, a
// random number and backupTempSuffix: .b.db.4242-123456.tmp. SQLite writes
// its journal beside it, as the same name with -journal after it. A
// backup killed, or on a machine that lost power, leaves them, as large as
// the library; the next backup to the same file removes them.
func backupTempPrefix(base string) string { return "." + base + "." }

const backupTempSuffix = ".tmp"

// backupTempSides are the files SQLite may keep beside a temporary file.
var backupTempSides = []string{"-journal", "-wal"}

// staleBackup is how long a temporary file nothing writes to any more may
// be another backup's before it is taken for a leftover, when its name does
// not tell (an older tidings's, which named no process, or one whose
// process id another program has since).
const staleBackup = 5 * time.Minute

// removeBackupTemp removes the temporary file name and what SQLite wrote
// beside it.
func removeBackupTemp(name string) {
	_ = os.Remove(name)
	for _, side := range backupTempSides {
		_ = os.Remove(name + side)
	}
}

// removeBackupLeftovers removes from dir the temporary files of backups to
// the file base that no longer run, with their journals. The files of
// backups running, here or in another tidings, stay.
func removeBackupLeftovers(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := backupTempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		mid, side, ok := backupTempName(rest)
		if !ok {
			continue
		}
		main := filepath.Join(dir, prefix+mid+backupTempSuffix)
		if side == "" {
			if leftover.Is(main, mid, staleBackup) {
				removeBackupTemp(main)
			}
			continue
		}
		// A journal outlives its file only when the backup that wrote
		// it ended: the file is there all the while it runs.
		if _, err := os.Lstat(main); errors.Is(err, fs.ErrNotExist) {
			_ = os.Remove(main + side)
		}
	}
}

// backupTempName parses what follows a backup temporary file's prefix:
// the process id and random number (mid: 4242-123456, or an older
// tidings's random number alone), and which of the files beside it it is
// (side: "" for the temporary file itself). ok is false for a name no
// backup writes.
func backupTempName(rest string) (mid, side string, ok bool) {
	mid, side, ok = strings.Cut(rest, backupTempSuffix)
	if !ok || side != "" && !slices.Contains(backupTempSides, side) {
		return "", "", false
	}
	pid, random, hasPID := strings.Cut(mid, "-")
	if !hasPID {
		pid, random = "0", pid
	}
	if !digits(pid) || !digits(random) {
		return "", "", false
	}
	return mid, side, true
}

// digits reports whether s is a run of ASCII digits.
func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
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
