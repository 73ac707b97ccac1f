package cli

import (
	"io"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// A liveLine is a line of progress redrawn in place on a terminal. Each
// frame is cut to the terminal's width as it is when drawn, and written
// with the terminal's autowrap off, so that it never wraps, not even when
// the terminal is made narrower while the frame is on its way. A frame
// leaves the cursor at the line's start: a terminal that rewraps its lines
// when made narrower (tmux, VTE, kitty, iTerm2) moves the end of a wider
// frame onto the lines below, where the next frame erases it from there.
type liveLine struct {
	w     io.Writer
	width int // the terminal's when w does not say its own
	cells int // of the frame on screen, 0 when none is
}

// columns is the width of the terminal now.
func (l *liveLine) columns() int { return columns(l.w, l.width) }

// draw replaces the frame on screen with s, cut to cols-spare cells.
func (l *liveLine) draw(s string, cols, spare int) {
	s = ansi.Truncate(s, max(cols-spare, 1), "…")
	// One write: autowrap is not left off by a frame cut in two.
	_, _ = io.WriteString(l.w, l.erase(cols)+autowrapOff+s+"\r"+autowrapOn)
	l.cells = ansi.StringWidth(s)
}

// clear erases the frame on screen, and whatever the terminal echoed over
// it (a ^C).
func (l *liveLine) clear() {
	_, _ = io.WriteString(l.w, l.erase(l.columns()))
	l.cells = 0
}

// erase is what erases the frame on screen on a terminal cols wide: its
// line, and when the frame is wider than the terminal now, the lines
// below, onto which the terminal may have rewrapped its end.
func (l *liveLine) erase(cols int) string {
	if l.cells > cols {
		return eraseLine + eraseBelow
	}
	return eraseLine
}

const (
	eraseLine  = "\r\x1b[2K" // to the start of the line, and erase it
	eraseBelow = "\x1b[J"    // erase from the cursor to the end of the screen
	// With autowrap off a line longer than the terminal's is cut at its
	// last column; autowrap on is every terminal's default.
	autowrapOff = "\x1b[?7l"
	autowrapOn  = "\x1b[?7h"
)

// Columns is the width of w's terminal now, 80 when w is not a terminal.
func Columns(w io.Writer) int { return columns(w, 0) }

// columns is the width of w's terminal now, asked at each call, so that a
// line redrawn in place follows the terminal when it is resized; fallback
// when w is not a terminal (an *os.File, or any writer to a file
// descriptor) or does not say, and 80 when fallback is not positive either.
func columns(w io.Writer, fallback int) int {
	if f, ok := w.(interface{ Fd() uintptr }); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	if fallback > 0 {
		return fallback
	}
	return 80
}
