package ui

import (
	"os"

	"github.com/charmbracelet/x/ansi"
)

// The terminal's window title: tidings shows its own (the view's
// WindowTitle), and Bubble Tea blanks it as the program ends or suspends.
// The title the terminal had is saved on its title stack (XTWINOPS 22)
// before, and brought back from it (23) after: xterm, tmux, VTE and kitty
// keep such a stack; a terminal without one ignores both, and is left with
// the blank title as before.
var (
	saveTitle    = ansi.WindowOp(22, 0)
	restoreTitle = ansi.WindowOp(23, 0)
)

// writeTitleOp writes a title stack operation to the terminal, which
// Bubble Tea draws on, while it does not.
func writeTitleOp(op string) {
	_, _ = os.Stdout.WriteString(op) // nothing better to do: the title is a nicety
}
