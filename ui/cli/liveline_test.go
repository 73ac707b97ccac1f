package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"tidings/feeds"
	"tidings/store"
)

// vtTerminal is a pseudo-terminal shown by a VT emulator, which, as xterm,
// cuts its lines when made narrower and does not rewrap them. What is
// written to it goes through the terminal's line discipline, and its width
// is what the terminal says when asked.
type vtTerminal struct {
	t         *testing.T
	ptmx, tty *os.File
	emu       *vt.Emulator
	written   int // bytes written to tty
	shown     int // bytes of them the emulator has read
}

const vtRows = 16

func newVTTerminal(t *testing.T, cols int) *vtTerminal {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() {
		tty.Close()
		ptmx.Close()
	})
	v := &vtTerminal{t: t, ptmx: ptmx, tty: tty, emu: vt.NewEmulator(cols, vtRows)}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(cols), Rows: vtRows}); err != nil {
		t.Fatal(err)
	}
	return v
}

func (v *vtTerminal) Write(b []byte) (int, error) {
	n, err := v.tty.Write(b)
	v.written += n
	return n, err
}

// Fd makes the terminal askable for its size, as an *os.File is.
func (v *vtTerminal) Fd() uintptr { return v.tty.Fd() }

// settle has the emulator show everything written so far.
func (v *vtTerminal) settle() {
	v.t.Helper()
	buf := make([]byte, 4096)
	for v.shown < v.written {
		_ = v.ptmx.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, err := v.ptmx.Read(buf)
		_, _ = v.emu.Write(buf[:n])
		v.shown += n
		if err != nil {
			v.t.Fatalf("read the terminal: %v (%d of %d bytes)", err, v.shown, v.written)
		}
	}
}

// resize makes the terminal cols wide, once what was written before is
// shown at the width it had.
func (v *vtTerminal) resize(cols int) {
	v.t.Helper()
	v.settle()
	if err := pty.Setsize(v.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: vtRows}); err != nil {
		v.t.Fatal(err)
	}
	v.emu.Resize(cols, vtRows)
}

// resizeScreen makes the terminal's screen cols wide with what was
// written last still on its way to it, then tells the program the new
// width: a frame drawn just before a resize reaches a narrower screen.
func (v *vtTerminal) resizeScreen(cols int) {
	v.t.Helper()
	v.emu.Resize(cols, vtRows)
	v.settle()
	if err := pty.Setsize(v.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: vtRows}); err != nil {
		v.t.Fatal(err)
	}
}

// lines are the screen's lines that are not blank, trailing spaces cut.
func (v *vtTerminal) lines() []string {
	v.settle()
	var out []string
	for _, l := range strings.Split(ansi.Strip(v.emu.String()), "\n") {
		if l = strings.TrimRight(l, " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// progressLines start the CLI's progress lines on w, for a terminal width
// cells wide when the command started: frame draws the i-th frame, done
// ends the progress.
var progressLines = map[string]func(w io.Writer, width int) (frame func(i int), done func()){
	"import": func(w io.Writer, width int) (func(int), func()) {
		p := &ProgressPrinter{W: w, TTY: true, Width: width, Start: time.Now().Add(-100 * time.Second)}
		return func(i int) {
			p.last = p.last.Add(-time.Second) // an interval passed
			p.Update(ImportProgress{Bytes: int64(i), Total: 100, Read: i * 100, Stored: i * 90})
		}, p.Done
	},
	"fetch": func(w io.Writer, width int) (func(int), func()) {
		r := feeds.FetchResult{Sub: feeds.Subscription{URL: "https://news.example.com/feeds/" + strings.Repeat("section/", 8) + "rss.xml"}}
		progress := FetchProgress(w, true, width)
		return func(i int) { progress(i, 100, r, store.FetchStats{}) },
			func() { progress(100, 100, r, store.FetchStats{}) }
	},
}

// frameOf is the line a progress line shows as its i-th frame at width
// cols, written where no terminal says another width.
func frameOf(start func(io.Writer, int) (func(int), func()), cols, i int) string {
	var b bytes.Buffer
	frame, _ := start(&b, cols)
	frame(i)
	return strings.Trim(ansi.Strip(b.String()), "\r")
}

// TestProgressFollowsResize: a progress line redrawn after the terminal is
// made narrower or wider is cut to the terminal's new width, so that it
// never wraps and each redraw replaces the last; the bar takes the width
// it now has. One line is on screen however often it is redrawn, and none
// once the progress is done.
func TestProgressFollowsResize(t *testing.T) {
	for name, start := range progressLines {
		for _, size := range []struct{ from, to int }{{100, 60}, {100, 40}, {60, 100}, {100, 12}} {
			t.Run(fmt.Sprintf("%s %d to %d", name, size.from, size.to), func(t *testing.T) {
				term := newVTTerminal(t, size.from)
				frame, done := start(term, size.from)
				for i := 1; i <= 3; i++ {
					frame(i)
				}
				if got, want := term.lines(), []string{frameOf(start, size.from, 3)}; !equalLines(got, want) {
					t.Fatalf("before the resize the screen shows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				term.resize(size.to)
				for i := 4; i <= 15; i++ {
					frame(i)
				}
				got := term.lines()
				if want := []string{frameOf(start, size.to, 15)}; !equalLines(got, want) {
					t.Errorf("after the resize to %d columns the screen shows\n%s\nwant\n%s", size.to, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				for _, l := range got {
					if w := ansi.StringWidth(l); w >= size.to {
						t.Errorf("a line of %d cells on a terminal of %d: %q", w, size.to, l)
					}
				}
				done()
				if got := term.lines(); len(got) != 0 {
					t.Errorf("once done the screen shows\n%s", strings.Join(got, "\n"))
				}
			})
		}
	}
}

// TestProgressDrawnAsTheTerminalShrinks: a frame drawn for the width the
// terminal had reaches it once it is narrower; it does not wrap onto a
// second line that the next frame would leave on screen.
func TestProgressDrawnAsTheTerminalShrinks(t *testing.T) {
	for name, start := range progressLines {
		t.Run(name, func(t *testing.T) {
			term := newVTTerminal(t, 100)
			frame, done := start(term, 100)
			for i := 1; i <= 3; i++ {
				frame(i)
			}
			term.settle()
			frame(4)
			term.resizeScreen(40)
			if got := term.lines(); len(got) != 1 || ansi.StringWidth(got[0]) > 40 {
				t.Errorf("the frame drawn for 100 columns on a screen of 40 shows as\n%s", strings.Join(got, "\n"))
			}
			for i := 5; i <= 8; i++ {
				frame(i)
			}
			if got, want := term.lines(), []string{frameOf(start, 40, 8)}; !equalLines(got, want) {
				t.Errorf("the screen shows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			done()
			if got := term.lines(); len(got) != 0 {
				t.Errorf("once done the screen shows\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// shellQuote is s as one word for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func equalLines(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

// drawerEnv names the file whose existence ends TestHelperDrawProgress.
const drawerEnv = "TIDINGS_TEST_DRAW_UNTIL"

// TestHelperDrawProgress is the import's progress bar drawn on stderr
// until the file named by drawerEnv exists; TestProgressOnARewrappingTerminal
// runs it in a terminal.
func TestHelperDrawProgress(t *testing.T) {
	stop := os.Getenv(drawerEnv)
	if stop == "" {
		t.Skip("run by TestProgressOnARewrappingTerminal")
	}
	p := &ProgressPrinter{W: os.Stderr, TTY: true, Width: columns(os.Stderr, 0), Start: time.Now().Add(-100 * time.Second)}
	for i := 1; i <= 2000; i++ { // a minute at most
		if _, err := os.Stat(stop); err == nil {
			break
		}
		p.last = p.last.Add(-time.Second)
		p.Update(ImportProgress{Bytes: int64(i), Total: 1e6, Read: i * 100, Stored: i * 90})
		time.Sleep(30 * time.Millisecond)
	}
	p.Done()
}

// TestProgressOnARewrappingTerminal: a terminal that rewraps its lines when
// made narrower (tmux here; VTE, kitty and iTerm2 do too) moves the end of
// the bar drawn before onto the next lines. The bar redrawn after it
// leaves one line on screen, not the pieces of the wider one, and none
// once the import is done.
func TestProgressOnARewrappingTerminal(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("no tmux")
	}
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	sock, stop, script := filepath.Join(dir, "tmux"), filepath.Join(dir, "stop"), filepath.Join(dir, "run.sh")
	// The screen full first: the bar is drawn on its last line, as after
	// a shell's output.
	body := fmt.Sprintf("seq 40\n%s=%s %s -test.run='^TestHelperDrawProgress$' >/dev/null\necho finished\n",
		drawerEnv, shellQuote(stop), shellQuote(self))
	if err := os.WriteFile(script, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-S", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("new-session", "-d", "-s", "t", "-x", "100", "-y", "16", "sh "+script+"; sleep 60")
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", sock, "kill-server").Run() })

	// drawn are the lines on screen that are not seq's numbers.
	number := regexp.MustCompile(`^\d+$`)
	drawn := func() []string {
		var out []string
		for _, l := range strings.Split(run("capture-pane", "-p", "-t", "t"), "\n") {
			if l = strings.TrimRight(l, " "); l != "" && !number.MatchString(l) {
				out = append(out, l)
			}
		}
		return out
	}
	waitFor := func(what string, ok func([]string) bool) []string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := drawn()
			if ok(got) {
				return got
			}
			if time.Now().After(deadline) {
				t.Fatalf("no %s within 10 s; the screen shows\n%s", what, strings.Join(got, "\n"))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	oneBar := func(cols int) func([]string) bool {
		return func(got []string) bool {
			return len(got) == 1 && strings.Contains(got[0], "articles read") && ansi.StringWidth(got[0]) < cols
		}
	}
	waitFor("bar at 100 columns", func(got []string) bool {
		return oneBar(100)(got) && ansi.StringWidth(got[0]) > 60
	})
	for _, cols := range []int{60, 40} {
		run("resize-window", "-t", "t", "-x", strconv.Itoa(cols))
		waitFor(fmt.Sprintf("single bar at %d columns", cols), oneBar(cols))
		time.Sleep(200 * time.Millisecond) // more frames
		if got := drawn(); !oneBar(cols)(got) {
			t.Errorf("at %d columns the screen shows\n%s", cols, strings.Join(got, "\n"))
		}
	}
	if err := os.WriteFile(stop, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got := waitFor("end", func(got []string) bool { return len(got) > 0 && got[len(got)-1] == "finished" })
	if len(got) != 1 {
		t.Errorf("once done the screen shows\n%s", strings.Join(got, "\n"))
	}
}
