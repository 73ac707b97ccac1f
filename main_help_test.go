package main

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

var errFull = errors.New("no space left on device")

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

// TestHelpWriteFails: help that cannot be written is the run's error, as a
// command's output that cannot be; written, it is whole.
func TestHelpWriteFails(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"search", "--help"}, {"help"}, {"help", "feed", "add"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cl := newCommandLine(args)
			cl.root.SetOut(failingWriter{})
			if err := cl.run(context.Background()); !errors.Is(err, errFull) {
				t.Errorf("run: %v, want the write's error", err)
			}

			cl = newCommandLine(args)
			var out strings.Builder
			cl.root.SetOut(&out)
			if err := cl.run(context.Background()); err != nil {
				t.Errorf("run: %v", err)
			}
			if !strings.Contains(out.String(), "Usage:") || !strings.Contains(out.String(), "Flags:") {
				t.Errorf("the help is not whole:\n%s", out.String())
			}
		})
	}
}
