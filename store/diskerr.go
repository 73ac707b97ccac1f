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
	return sqliteCode(err) == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// DiskIOError reports whether err is the disk failing a read or write:
// SQLite's SQLITE_IOERR and its extended codes ("disk I/O error", which
// SQLite also says of a write past the file size limit), or EIO from the
// system.
func DiskIOError(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_IOERR || errors.Is(err, syscall.EIO)
}

// DiskRefused reports whether err is the disk refusing a write, full
// (DiskFull) or failing (DiskIOError): everything written after it would
// fail the same way.
func DiskRefused(err error) bool {
	return DiskFull(err) || DiskIOError(err)
}

// sqliteCode is the primary result code (SQLITE_BUSY, SQLITE_FULL, …) of
// the SQLite error err holds, without its extended part; 0 for none.
func sqliteCode(err error) int {
	if se, ok := errors.AsType[*sqlite.Error](err); ok {
		return se.Code() & 0xff
	}
	return 0
}
