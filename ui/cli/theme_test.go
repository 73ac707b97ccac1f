package cli

import (
	"bytes"
	"cmp"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// fakeTerminal is a pseudo-terminal whose other side answers the queries
// written to it with answer, in pieces of chunk bytes (all at once when 0),
// and records what was written to it.
type fakeTerminal struct {
	tty     *os.File // what tidings writes to
	written chan []byte
}

func newFakeTerminal(t *testing.T, answer string, chunk int) *fakeTerminal {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	ft := &fakeTerminal{tty: tty, written: make(chan []byte, 1)}
	done := make(chan struct{})
	t.Cleanup(func() {
		tty.Close()
		ptmx.Close()
		<-done
	})
	go func() {
		defer close(done)
		var got []byte
		buf := make([]byte, 256)
		answered := false
		for {
			_ = ptmx.SetReadDeadline(time.Now().Add(10 * time.Second))
			n, err := ptmx.Read(buf)
			got = append(got, buf[:n]...)
			if !answered && bytes.Contains(got, []byte("\x1b[c")) {
				answered = true
				for a := answer; a != ""; {
					k := len(a)
					if chunk > 0 {
						k = min(chunk, k)
					}
					_, _ = ptmx.WriteString(a[:k])
					a = a[k:]
					time.Sleep(2 * time.Millisecond)
				}
			}
			if err != nil {
				ft.written <- got
				return
			}
		}
	}()
	return ft
}

// patient is how long a terminal that answers is given, so that its
// answer is in time on a loaded machine; one that is not waited for to the
// end is done with in a fraction of it (notWaited).
const (
	patient   = 5 * time.Second
	notWaited = 2 * time.Second
)

func TestShowTheme(t *testing.T) {
	const (
		white = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
		black = "\x1b]11;rgb:0000/0000/0000\x07"
		da1   = "\x1b[?62;22c"
	)
	tests := map[string]struct {
		theme, answer string
		chunk         int
		want          string
		asks          bool          // writes the queries
		wait          time.Duration // the terminal is given; 0: ShowTheme's own, QueryTimeout
		waitsAll      bool          // waits all that time: the answer never ends
	}{
		"dark from config":       {theme: "dark", want: "dark"},
		"light from config":      {theme: "light", want: "light"},
		"bad theme passed on":    {theme: "blue", want: "blue"},
		"light terminal":         {theme: "auto", answer: white + da1, want: "light", asks: true, wait: patient},
		"dark terminal":          {theme: "auto", answer: black + da1, want: "dark", asks: true, wait: patient},
		"empty is auto":          {theme: "", answer: white + da1, want: "light", asks: true, wait: patient},
		"answer in pieces":       {theme: "auto", answer: white + da1, chunk: 3, want: "light", asks: true, wait: patient},
		"keys typed before":      {theme: "auto", answer: "jk\x1b[A" + white + da1, want: "light", asks: true, wait: patient},
		"no OSC 11, DA1 only":    {theme: "auto", answer: da1, want: "dark", asks: true, wait: patient},
		"silent terminal":        {theme: "auto", want: "dark", asks: true, waitsAll: true},
		"colour but no DA1":      {theme: "auto", answer: white, want: "light", asks: true, wait: time.Second, waitsAll: true},
		"garbage is not colour":  {theme: "auto", answer: "\x1b]11;nonsense\x07" + da1, want: "dark", asks: true, wait: patient},
		"other OSC is not ours":  {theme: "auto", answer: "\x1b]10;rgb:ffff/ffff/ffff\x07" + black + da1, want: "dark", asks: true, wait: patient},
		"CSI that is not DA1":    {theme: "auto", answer: "\x1b[2;1R" + white + da1, want: "light", asks: true, wait: patient},
		"dark grey is dark":      {theme: "auto", answer: "\x1b]11;rgb:3030/3030/3030\x07" + da1, want: "dark", asks: true, wait: patient},
		"light grey is light":    {theme: "auto", answer: "\x1b]11;rgb:d0d0/d0d0/d0d0\x07" + da1, want: "light", asks: true, wait: patient},
		"solarized light":        {theme: "auto", answer: "\x1b]11;rgb:fdfd/f6f6/e3e3\x07" + da1, want: "light", asks: true, wait: patient},
		"solarized dark is dark": {theme: "auto", answer: "\x1b]11;rgb:0000/2b2b/3636\x07" + da1, want: "dark", asks: true, wait: patient},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ft := newFakeTerminal(t, tc.answer, tc.chunk)
			before, err := unix.IoctlGetTermios(int(ft.tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			wait := cmp.Or(tc.wait, QueryTimeout)
			start := time.Now()
			var got string
			if tc.wait > 0 {
				got = themeWaiting(tc.theme, ft.tty, tc.wait)
			} else {
				got = ShowTheme(tc.theme, ft.tty)
			}
			took := time.Since(start)
			if got != tc.want {
				t.Errorf("ShowTheme(%q) = %q, want %q", tc.theme, got, tc.want)
			}
			if tc.waitsAll && took < wait*9/10 {
				t.Errorf("answered in %v, before the terminal could", took)
			}
			// A terminal that never finishes answering is given up on in
			// its time, not lipgloss's two seconds and more.
			if limit := wait + time.Second; tc.waitsAll && took > limit {
				t.Errorf("took %v, more than %v", took, limit)
			}
			if !tc.waitsAll && took > notWaited {
				t.Errorf("took %v for a terminal that answered, or was not asked", took)
			}
			after, err := unix.IoctlGetTermios(int(ft.tty.Fd()), unix.TCGETS)
			if err != nil {
				t.Fatal(err)
			}
			if *after != *before {
				t.Errorf("terminal modes not restored:\nbefore %+v\nafter  %+v", *before, *after)
			}
			ft.tty.Close()
			written := string(<-ft.written)
			asked := strings.Contains(written, "\x1b]11;?") && strings.Contains(written, "\x1b[c")
			if asked != tc.asks {
				t.Errorf("wrote %q to the terminal; asking it: %v, want %v", written, asked, tc.asks)
			}
		})
	}
}

func TestShowThemeNotATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := ShowTheme("auto", f); got != "dark" {
		t.Errorf("ShowTheme(auto, a file) = %q, want dark", got)
	}
	if got := ShowTheme("auto", nil); got != "dark" {
		t.Errorf("ShowTheme(auto, nil) = %q, want dark", got)
	}
	if b, _ := os.ReadFile(f.Name()); len(b) > 0 {
		t.Errorf("wrote %q to a file", b)
	}

	// A terminal opened only for writing cannot be read for the answer,
	// so it is not asked: the answer would reach the shell.
	ft := newFakeTerminal(t, "\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?6c", 0)
	wo, err := os.OpenFile(ft.tty.Name(), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if got := themeWaiting("auto", wo, patient); got != "dark" {
		t.Errorf("ShowTheme(auto, a write-only terminal) = %q, want dark", got)
	}
	if took := time.Since(start); took > notWaited {
		t.Errorf("took %v", took)
	}
	wo.Close()
	ft.tty.Close()
	if written := <-ft.written; len(written) > 0 {
		t.Errorf("wrote %q to a write-only terminal", written)
	}
}

func TestParseReplies(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	tests := map[string]struct {
		in   string
		bg   color.Color
		done bool
	}{
		"nothing":              {"", nil, false},
		"colour, BEL":          {"\x1b]11;rgb:ffff/ffff/ffff\x07", white, false},
		"colour, ST":           {"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", white, false},
		"colour and DA1":       {"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?1;2c", white, true},
		"DA1 alone":            {"\x1b[?6c", nil, true},
		"half a colour":        {"\x1b]11;rgb:ffff/ff", nil, false},
		"ST cut after ESC":     {"\x1b]11;rgb:ffff/ffff/ffff\x1b", nil, false},
		"half a DA1":           {"\x1b[?62;2", nil, false},
		"DA2 is not DA1":       {"\x1b[>1;2c", nil, false},
		"c without ?":          {"\x1b[c", nil, false},
		"typed text first":     {"hello\x1b[?6c", nil, true},
		"lone ESC at the end":  {"\x1b", nil, false},
		"another OSC":          {"\x1b]10;rgb:ffff/ffff/ffff\x07\x1b[?6c", nil, true},
		"two-digit hex colour": {"\x1b]11;rgb:ff/ff/ff\x07", white, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			bg, done := parseReplies([]byte(tc.in))
			if done != tc.done {
				t.Errorf("done = %v, want %v", done, tc.done)
			}
			if (bg == nil) != (tc.bg == nil) || bg != nil && colorOf(bg) != colorOf(tc.bg) {
				t.Errorf("bg = %v, want %v", bg, tc.bg)
			}
		})
	}
}

func colorOf(c color.Color) [3]uint32 {
	r, g, b, _ := c.RGBA()
	return [3]uint32{r, g, b}
}
