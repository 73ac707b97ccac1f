// Package leftover tells a temporary file that a killed command left
// behind (an export's, a backup's) from one a running command is writing.
// Such a file is named with the id of the process that made it
// ("<pid>-<random>"), and locked (flock) a moment after it is made, for as
// long as it is written.
package leftover

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Is reports whether the temporary file at path, whose name goes on with
// rest ("<pid>-<random>…"), is no running command's: nobody holds its
// lock, and the process its name gives has ended or, when the name does
// not tell (files named before they carried it), nothing has written to the
// file for stale.
func Is(path, rest string, stale time.Duration) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil {
		return false // being written
	}
	if pid, _, ok := strings.Cut(rest, "-"); ok {
		if n, err := strconv.Atoi(pid); err == nil && n > 0 && !Running(n) {
			return true
		}
	}
	info, err := f.Stat()
	return err == nil && time.Since(info.ModTime()) > stale
}

// Running reports whether a process with this id runs.
func Running(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}

// Create makes a new temporary file in dir named prefix, this process's id,
// a dash, a random part and suffix, and locks it until it is closed, so
// that Is knows it for a running command's.
func Create(dir, prefix, suffix string) (*os.File, error) {
	f, err := os.CreateTemp(dir, prefix+strconv.Itoa(os.Getpid())+"-*"+suffix)
	if err != nil {
		return nil, err
	}
	_ = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) // released as it closes
	return f, nil
}
