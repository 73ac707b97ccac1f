package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every command --read-only refuses exists, so the list cannot name a
// command that was renamed and let its new name write.
func TestWritingCommandsExist(t *testing.T) {
	have := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		have[strings.TrimPrefix(c.CommandPath(), "tidings ")] = true
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRoot())
	for name := range writingCommands {
		if !have[name] {
			t.Errorf("writingCommands names %q, which is no command", name)
		}
	}
}
