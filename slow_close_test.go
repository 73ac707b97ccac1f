package main

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// slowCloser is a library whose close takes until the line saying so is
// written, or, when none is, two seconds.
type slowCloser struct {
	release chan struct{}
	err     error
}

func (c slowCloser) Close() error {
	select {
	case <-c.release:
	case <-time.After(2 * time.Second):
	}
	return c.err
}

// saidWriter keeps what is written to it, and lets the close go on once
// anything is: the line is said while the close still runs.
type saidWriter struct {
	mu      sync.Mutex
	said    strings.Builder
	release chan struct{}
	once    sync.Once
}

func (w *saidWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.said.Write(p)
	w.once.Do(func() { close(w.release) })
	return len(p), nil
}

// TestSlowCloseIsSaid: closing the library after the reader quit says,
// once, that the library's writes are being finished when it takes longer
// than the patience given, so that the empty terminal is not taken for a
// hung one; a quick close says nothing. Close's error is returned.
func TestSlowCloseIsSaid(t *testing.T) {
	closeErr := errors.New("disk full")
	tests := []struct {
		name     string
		slow     bool
		patience time.Duration
		want     string
	}{
		{name: "quick", patience: time.Hour, want: ""},
		{name: "slow", slow: true, patience: time.Nanosecond, want: "tidings: finishing the library's writes…\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			w := &saidWriter{release: release}
			if !tt.slow {
				close(release)
				w.once.Do(func() {})
			}
			err := closeSaying(slowCloser{release: release, err: closeErr}, w, tt.patience)
			if !errors.Is(err, closeErr) {
				t.Errorf("close returned %v, want %v", err, closeErr)
			}
			if got := w.said.String(); got != tt.want {
				t.Errorf("said %q, want %q", got, tt.want)
			}
		})
	}
}
