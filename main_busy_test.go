package main

import (
	"fmt"
	"io"
	"os"
	"testing"

	"tidings/store"
)

// TestABusyLibraryIsToldInWords: a command whose write found the library
// busy says so, and what to do, without the store's inner names.
func TestABusyLibraryIsToldInWords(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer func(f *os.File) { os.Stderr = f }(os.Stderr)
	os.Stderr = w
	code := exitCode(fmt.Errorf("store: tag: %w", store.ErrBusy))
	w.Close()
	out, _ := io.ReadAll(r)
	want := "tidings: the library is busy: another tidings is writing to it; try again when it is done\n"
	if code != exitFailed || string(out) != want {
		t.Errorf("exit %d, %q; want exit %d, %q", code, out, exitFailed, want)
	}
}
