package main

import (
	"errors"
	"os"

	"golang.org/x/term"
)

// noTerminal is why the reader cannot run where it was started: exit
// status 2, as misuse, with what to use instead rather than a pointer to
// the usage.
type noTerminal struct{ error }

var (
	errNoTerminalOut = errors.New("the reader needs a terminal on standard output; `tidings search` lists articles in a pipe, `tidings show ID` prints one")
	errNoTerminalIn  = errors.New("the reader needs a terminal to read keys from: standard input is not one, and there is no controlling terminal")
	errDumbTerminal  = errors.New("the reader needs a terminal that can draw a screen, and TERM=dumb says this one cannot; `tidings search` lists articles and `tidings show ID` prints one here")
)

// checkReaderTerminal says why the reader could not run on this process's
// terminal, before anything is opened: it draws on standard output and
// reads keys from standard input or, when that is redirected, from the
// controlling terminal; and a terminal whose TERM is dumb (an Emacs shell
// buffer, say) shows the escape sequences it draws with as text.
func checkReaderTerminal() error {
	if !term.IsTerminal(int(os.Stdout.Fd())) {
		return noTerminal{errNoTerminalOut}
	}
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
		if err != nil {
			return noTerminal{errNoTerminalIn}
		}
		tty.Close()
	}
	if os.Getenv("TERM") == "dumb" {
		return noTerminal{errDumbTerminal}
	}
	return nil
}
