package store

import (
	"errors"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// A write the disk refuses fails the same for everything written after it:
// a command that writes many things (an import, an export) stops at the
// first, rather than trying each of the rest in turn.

// DiskFull reports whether err is a disk, or the space a process may use,
// being full: SQLite's SQLITE_FULL, or ENOSPC (no space left on device),
// EDQUOT (a quota reached) or EFBIG (a file past the size a process may
// write, ulimit -f) from the system.
func DiskFull(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// DiskIOError reports whether err is the disk failing a read or write:
// SQLite's SQLITE_IOERR and its extended codes ("disk I/O error", which
// SQLite also says of a write past the file size limit), or EIO from the
// system.
func DiskIOError(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_IOERR {
		return true
	}
	return errors.Is(err, syscall.EIO)
}
