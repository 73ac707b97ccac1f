package main

import (
	"errors"
	"io"
	"os"
	"syscall"
	"testing"
)

// TestExitCodeInterrupted: a command a signal ended exits with 128 plus
// the signal's number, saying so, and says too what else went wrong as it
// stopped (the reader's note that could not be saved).
func TestExitCodeInterrupted(t *testing.T) {
	noteErr := errors.New("the note being written could not be saved: disk full")
	for _, tt := range []struct {
		name string
		err  error
		code int
		want string
	}{
		{"alone", interrupted{syscall.SIGTERM}, 143, "tidings: interrupted\n"},
		{"with more", errors.Join(interrupted{syscall.SIGHUP}, noteErr), 129,
			"tidings: interrupted\ntidings: the note being written could not be saved: disk full\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var code int
			got := stderrOf(t, func() { code = exitCode(tt.err) })
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if got != tt.want {
				t.Errorf("stderr %q, want %q", got, tt.want)
			}
		})
	}
}

// stderrOf is what fn writes on os.Stderr.
func stderrOf(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	defer func() { os.Stderr = saved }()
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	fn()
	w.Close()
	return <-done
}
