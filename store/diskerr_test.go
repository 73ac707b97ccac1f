package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestDiskErrors: the errors a full or failing disk gives, from SQLite and
// from the system, are told from the others, wrapped as the store and the
// commands wrap them.
func TestDiskErrors(t *testing.T) {
	// SQLite's own SQLITE_FULL: a database that may grow no further.
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var sqliteFull error
	if _, err := db.Exec(`CREATE TABLE t(x); PRAGMA max_page_count = 3`); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100 && sqliteFull == nil; i++ {
		_, sqliteFull = db.Exec(`INSERT INTO t VALUES (?)`, strings.Repeat("x", 4000))
	}
	if sqliteFull == nil {
		t.Fatal("the database never filled")
	}
	// The system's ENOSPC, as a file on a full disk gives it.
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	_, enospc := f.Write([]byte("x"))
	f.Close()
	if enospc == nil {
		t.Fatal("/dev/full took a write")
	}
	// SQLITE_BUSY, which is no disk's.
	busy := asBusy(ErrBusy)

	tests := []struct {
		name     string
		err      error
		full, io bool
	}{
		{"SQLITE_FULL", sqliteFull, true, false},
		{"SQLITE_FULL wrapped", fmt.Errorf("store: import: %w", &ArticleError{Index: 3, Err: sqliteFull}), true, false},
		{"ENOSPC", enospc, true, false},
		{"ENOSPC wrapped", fmt.Errorf("export: %w", enospc), true, false},
		{"EDQUOT", &os.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, true, false},
		{"EFBIG", &os.PathError{Op: "write", Path: "x", Err: syscall.EFBIG}, true, false},
		{"EIO", &os.PathError{Op: "write", Path: "x", Err: syscall.EIO}, false, true},
		{"busy", busy, false, false},
		{"read-only", ErrReadOnly, false, false},
		{"other", errors.New("database or disk is full"), false, false},
		{"nil", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DiskFull(tt.err); got != tt.full {
				t.Errorf("DiskFull(%v) = %v, want %v", tt.err, got, tt.full)
			}
			if got := DiskIOError(tt.err); got != tt.io {
				t.Errorf("DiskIOError(%v) = %v, want %v", tt.err, got, tt.io)
			}
		})
	}
}
