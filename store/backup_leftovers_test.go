package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	sys "golang.org/x/sys/unix"

	"tidings/store/leftover"
)

// TestBackupRemovesLeftovers: a backup removes what backups to the same
// file that were killed left (their temporary files, as large as the
// library, and SQLite's journals beside them), and nothing else: not the
// file of a backup to that name running meanwhile, here or in another
// process, nor another backup's, nor a file of the user's.
func TestBackupRemovesLeftovers(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, generated(5)...)
	dir := t.TempDir()
	dest := filepath.Join(dir, "b.db")

	ended := endedPID(t)
	hourAgo := time.Now().Add(-time.Hour)
	write := func(name string, at time.Time) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("a part of a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !at.IsZero() {
			if err := os.Chtimes(path, at, at); err != nil {
				t.Fatal(err)
			}
		}
		return name
	}
	killed := fmt.Sprintf(".b.db.%d-123.tmp", ended)
	gone := []string{
		write(killed, time.Time{}),
		write(killed+"-journal", time.Time{}),
		// An older tidings named no process: an hour without a write.
		write(".b.db.343163376.tmp", hourAgo),
		write(".b.db.343163376.tmp-journal", hourAgo),
		// A journal whose file is gone.
		write(".b.db.77-88.tmp-journal", time.Time{}),
	}
	// A backup running in another process, which holds its file's lock,
	// though its name gives a process that ended (a tidings in another
	// container, say).
	locked := write(fmt.Sprintf(".b.db.%d-456.tmp", ended), hourAgo)
	f, err := os.Open(filepath.Join(dir, locked))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := sys.Flock(int(f.Fd()), sys.LOCK_EX|sys.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	kept := []string{
		locked,
		// A backup a moment after it made its file, before it locked it:
		// its process runs.
		write(".b.db."+strconv.Itoa(os.Getpid())+"-789.tmp", time.Time{}),
		write(".b.db."+strconv.Itoa(os.Getpid())+"-789.tmp-journal", time.Time{}),
		// An older tidings's, written to a moment ago.
		write(".b.db.1234.tmp", time.Time{}),
		// A backup to another file.
		write(fmt.Sprintf(".b.db.1.%d-123.tmp", ended), hourAgo),
		write(fmt.Sprintf(".c.db.%d-123.tmp", ended), hourAgo),
		// Not a backup's.
		write(".b.db.notes.tmp", hourAgo),
		write(fmt.Sprintf(".b.db.%d-123.tmp.bak", ended), hourAgo),
	}

	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	left := names(t, dir)
	for _, name := range gone {
		if slices.Contains(left, name) {
			t.Errorf("%s, a killed backup's, is still there", name)
		}
	}
	for _, name := range kept {
		if !slices.Contains(left, name) {
			t.Errorf("%s was removed", name)
		}
	}
	if !slices.Contains(left, "b.db") {
		t.Errorf("no backup: %v", left)
	}
}

// TestBackupFileTooLarge: a backup that fails for want of room (a copy
// larger than ulimit -f lets tidings write) says so, naming the file, and
// leaves nothing behind: no temporary file, no journal, no FILE.
func TestBackupFileTooLarge(t *testing.T) {
	ctx := context.Background()
	w := openTemp(t)
	importAll(t, w, generated(2000)...)
	w.Close()
	// Read-only, the library writes nothing of its own (no checkpoint)
	// under the limit.
	s, err := Open(w.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	dest := filepath.Join(dir, "b.db")

	var was sys.Rlimit
	if err := sys.Getrlimit(sys.RLIMIT_FSIZE, &was); err != nil {
		t.Fatal(err)
	}
	limit := was
	limit.Cur = 256 << 10
	if err := sys.Setrlimit(sys.RLIMIT_FSIZE, &limit); err != nil {
		t.Skip("cannot set a file size limit:", err)
	}
	err = s.Backup(ctx, dest)
	if err := sys.Setrlimit(sys.RLIMIT_FSIZE, &was); err != nil {
		t.Fatal(err)
	}
	if err == nil {
		t.Fatal("a backup larger than the file size limit succeeded")
	}
	for _, want := range []string{dest, "larger than the largest file tidings may write", "ulimit -f"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if left := names(t, dir); len(left) != 0 {
		t.Errorf("a failed backup left %v", left)
	}
}

// names are the names of the files in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// endedPID is the id of a process that has ended.
func endedPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skip("cannot run a process:", err)
		}
	}
	pid := cmd.Process.Pid
	if leftover.Running(pid) {
		t.Skip("the process id was taken again")
	}
	return pid
}
