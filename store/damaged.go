package store

import (
	"errors"
	"strings"

	sqlite3 "modernc.org/sqlite/lib"
)

// DamagedError is an error met on a library whose file is damaged: SQLite
// found a page it cannot read (SQLITE_CORRUPT), or a file that is no longer
// a database (SQLITE_NOTADB). Nothing tidings does mends it; the error
// says so once, naming the library, and what the user can do.
type DamagedError struct {
	Path string // the library
	Err  error  // what failed, as the store said it
	// opening: the library was found damaged as it was opened.
	opening bool
}

// damagedAdvice is what to do about a damaged library.
const damagedAdvice = "restore it from a backup (sqlite3's .recover, in SQLite 3.41 or newer, may save some of what is left)"

func (e *DamagedError) Error() string {
	at := e.Path
	if e.opening {
		at = "open " + at
	}
	what, _ := strings.CutPrefix(e.Err.Error(), "store: ")
	return "store: " + at + ": the library is damaged (" + what + "); " + damagedAdvice
}

func (e *DamagedError) Unwrap() error { return e.Err }

// IsDamaged reports whether err says the library's file is damaged, so
// that going on (importing the next article, fetching the next feed) is
// pointless: each would fail the same way.
func IsDamaged(err error) bool {
	if _, ok := errors.AsType[*DamagedError](err); ok {
		return true
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// Damaged is err said as the damage of the library at path when it is one
// (IsDamaged), once: an error that says so already is returned as it is,
// as is any other.
func Damaged(path string, err error) error {
	if !IsDamaged(err) {
		return err
	}
	if _, ok := errors.AsType[*DamagedError](err); ok {
		return err
	}
	return &DamagedError{Path: path, Err: err}
}
