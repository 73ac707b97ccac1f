package cli

import (
	"bytes"
	"image/color"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// QueryTimeout is how long `tidings show` waits for the terminal to say its
// background colour. A terminal answers within a few milliseconds, even
// over ssh; one that does not answer at all (a bare pty, `script`, some
// multiplexers) would otherwise hold up every `show` — lipgloss's own
// detection waits two seconds on stdin and two more on stdout.
const QueryTimeout = 150 * time.Millisecond

// ShowTheme decides the style of `tidings show` on the terminal out: "dark"
// or "light". theme is config.toml's: "dark" and "light" are kept and
// nothing is asked. "auto" (or "") asks the terminal for its background
// colour (OSC 11, then DA1, which every terminal answers, so that one
// without OSC 11 says so at once) and waits at most QueryTimeout; without an
// answer it is "dark", as it would be for lipgloss. Any other value is
// returned as it is, for the renderer to refuse. The TUI does its own
// detection through Bubble Tea and does not come here.
func ShowTheme(theme string, out *os.File) string {
	return themeWaiting(theme, out, QueryTimeout)
}

// themeWaiting is ShowTheme waiting at most wait for the terminal's answer.
func themeWaiting(theme string, out *os.File, wait time.Duration) string {
	switch theme {
	case "", "auto":
	default:
		return theme
	}
	if bg := askBackground(out, wait); bg != nil && !isDark(bg) {
		return "light"
	}
	return "dark"
}

// askBackground asks the terminal out for its background colour and waits at
// most timeout for the answer. It returns nil when out is not a terminal, or
// the terminal cannot be read, does not know OSC 11 or does not answer in
// time.
func askBackground(out *os.File, timeout time.Duration) color.Color {
	f := queryFile(out)
	if f == nil {
		return nil
	}
	fd := int(f.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return nil
	}
	defer term.Restore(fd, state) //nolint:errcheck // nothing better to do
	if _, err := f.WriteString(ansi.RequestBackgroundColor + ansi.RequestPrimaryDeviceAttributes); err != nil {
		return nil
	}
	var got []byte
	buf := make([]byte, 256)
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		if !readable(fd, left) {
			break
		}
		n, err := unix.Read(fd, buf)
		if n > 0 {
			got = append(got, buf[:n]...)
			if bg, done := parseReplies(got); done {
				return bg
			}
		}
		if err != nil && err != unix.EINTR && err != unix.EAGAIN || n == 0 && err == nil {
			break
		}
		if len(got) > 4<<10 {
			break // not a terminal's answer
		}
	}
	// What the terminal said in time without finishing is dropped, so that
	// it does not reach the shell after tidings exits. (An answer later
	// than the timeout cannot be helped.)
	for readable(fd, 0) {
		if n, err := unix.Read(fd, buf); n <= 0 || err != nil {
			break
		}
	}
	bg, _ := parseReplies(got)
	return bg
}

// queryFile is the file to ask the terminal of out through: out itself when
// it is a terminal opened for reading, else stdin when it is the same
// terminal; nil when neither.
func queryFile(out *os.File) *os.File {
	if out == nil || !term.IsTerminal(int(out.Fd())) {
		return nil
	}
	if canRead(out) {
		return out
	}
	in := os.Stdin
	if !term.IsTerminal(int(in.Fd())) || !canRead(in) {
		return nil
	}
	var so, si unix.Stat_t
	if unix.Fstat(int(out.Fd()), &so) != nil || unix.Fstat(int(in.Fd()), &si) != nil || so.Rdev != si.Rdev {
		return nil
	}
	return in
}

// canRead reports whether f was opened for reading.
func canRead(f *os.File) bool {
	fl, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	return err == nil && fl&unix.O_ACCMODE != unix.O_WRONLY
}

// readable waits at most d for fd to have something to read.
func readable(fd int, d time.Duration) bool {
	ms := int((d + time.Millisecond - 1) / time.Millisecond) // rounded up
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	for {
		n, err := unix.Poll(fds, ms)
		if err == unix.EINTR {
			continue
		}
		return err == nil && n > 0 && fds[0].Revents&unix.POLLIN != 0
	}
}

// parseReplies reads a terminal's answers to OSC 11 and DA1 in b: the
// background colour, if it said one, and whether the answer to DA1 (which
// comes last) has arrived. Anything else in b (keys typed meanwhile) is
// skipped.
func parseReplies(b []byte) (bg color.Color, done bool) {
	for i := 0; i+1 < len(b); i++ {
		if b[i] != 0x1b {
			continue
		}
		switch b[i+1] {
		case ']': // OSC Ps ; Pt, ended by BEL or ST
			start := i + 2
			end, next := -1, -1
			if j := bytes.IndexAny(b[start:], "\x07\x1b"); j >= 0 {
				end = start + j
				next = end + 1
				if b[end] == 0x1b {
					next = end + 2 // ESC \
				}
			}
			if end < 0 || next > len(b) {
				return bg, false // not all here yet
			}
			if payload, ok := bytes.CutPrefix(b[start:end], []byte("11;")); ok {
				if c := ansi.XParseColor(string(payload)); c != nil {
					bg = c
				}
			}
			i = next - 1
		case '[': // CSI params intermediates final
			j := i + 2
			for j < len(b) && b[j] >= 0x30 && b[j] <= 0x3f {
				j++
			}
			for j < len(b) && b[j] >= 0x20 && b[j] <= 0x2f {
				j++
			}
			if j >= len(b) {
				return bg, false
			}
			if b[j] == 'c' && j > i+2 && b[i+2] == '?' {
				return bg, true
			}
			i = j
		}
	}
	return bg, false
}

// isDark reports whether c is a dark background, by the rule the TUI
// goes by (Bubble Tea's BackgroundColorMsg), so that show and the reader
// pick the same style on the same terminal.
func isDark(c color.Color) bool { return tea.BackgroundColorMsg{Color: c}.IsDark() }
