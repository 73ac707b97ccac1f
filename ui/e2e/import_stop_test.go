package e2e

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// stopTimeout is how long an import may take to stop after a signal.
const stopTimeout = 5 * time.Second

// running is a tidings import started in the background.
type running struct {
	cmd       *exec.Cmd
	out, errb bytes.Buffer
	exited    chan struct{}
	code      int
}

// startImport starts `tidings import args...` on library lib with stdin.
func startImport(t *testing.T, lib string, stdin io.Reader, args ...string) *running {
	t.Helper()
	r := &running{exited: make(chan struct{})}
	r.cmd = exec.Command(bin, append([]string{"--library", lib, "import"}, args...)...)
	r.cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
	r.cmd.Stdin = stdin
	r.cmd.Stdout, r.cmd.Stderr = &r.out, &r.errb
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(r.exited)
		err := r.cmd.Wait()
		if ee, ok := err.(*exec.ExitError); ok {
			r.code = ee.ExitCode()
		} else if err != nil {
			r.code = -1
		}
	}()
	t.Cleanup(func() {
		_ = r.cmd.Process.Kill()
		<-r.exited
	})
	return r
}

// stopWith sends sig to the import and waits for it to exit: the exit
// status.
func (r *running) stopWith(t *testing.T, sig syscall.Signal) int {
	t.Helper()
	if err := r.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-r.exited:
		return r.code
	case <-time.After(stopTimeout):
		_ = r.cmd.Process.Kill()
		<-r.exited
		t.Fatalf("tidings import did not stop within %v of %v\n%s%s", stopTimeout, sig, &r.out, &r.errb)
		return 0
	}
}

// TestImportStopsOnSignal: ctrl+c and SIGTERM stop an import that waits
// for input (stdin that stays open, a named pipe no one writes, a
// terminal) at once, saying "interrupted", with 128 plus the signal's
// number as the exit status.
func TestImportStopsOnSignal(t *testing.T) {
	t.Run("stdin that stays open", func(t *testing.T) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		imp := startImport(t, filepath.Join(t.TempDir(), "library.db"), r, "-")
		r.Close()
		time.Sleep(500 * time.Millisecond) // waiting for stdin
		if code := imp.stopWith(t, syscall.SIGINT); code != 130 {
			t.Errorf("exit %d after SIGINT, want 130\n%s%s", code, &imp.out, &imp.errb)
		}
		if imp.errb.String() != "tidings: interrupted\n" {
			t.Errorf("stderr %q, want tidings: interrupted", imp.errb.String())
		}
	})
	t.Run("a named pipe with no writer", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		imp := startImport(t, filepath.Join(t.TempDir(), "library.db"), nil, fifo)
		time.Sleep(500 * time.Millisecond) // opening the pipe
		if code := imp.stopWith(t, syscall.SIGTERM); code != 128+int(syscall.SIGTERM) {
			t.Errorf("exit %d after SIGTERM, want %d\n%s%s", code, 128+int(syscall.SIGTERM), &imp.out, &imp.errb)
		}
		if !strings.Contains(imp.errb.String(), "tidings: interrupted") {
			t.Errorf("stderr %q, want tidings: interrupted", imp.errb.String())
		}
	})
	t.Run("a terminal, ctrl+c", func(t *testing.T) {
		tm := startTerm(t, 100, 10, nil, bin, "--library", filepath.Join(t.TempDir(), "library.db"), "import", "-")
		// It says it waits for the terminal, and how to end.
		tm.waitFor(`Reading articles from the terminal: ctrl\+d ends them, ctrl\+c stops\.`, screenTimeout)
		tm.send(keyCtrlC)
		if code := tm.wait(stopTimeout); code != 130 {
			t.Errorf("exit %d after ctrl+c, want 130; screen:\n%s", code, tm.screen())
		}
		screen := tm.screen()
		if !strings.Contains(screen, "tidings: interrupted") || strings.Contains(screen, "context canceled") {
			t.Errorf("screen after ctrl+c:\n%s", screen)
		}
	})
}

// TestInterruptedImportKeepsWrittenBatches: an import stopped while it
// waits for more input keeps the batches it wrote, and only those: the
// library is whole, its summary counts them.
func TestInterruptedImportKeepsWrittenBatches(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	imp := startImport(t, lib, r, "-")
	r.Close()
	// An article of more than 32 MiB is a batch of its own; the next waits
	// for a batch to fill.
	big := `{"external_id":"big","title":"A big one","body":"` + strings.Repeat("Words of a long article. ", 34<<20/25) + "\"}\n"
	small := `{"external_id":"small","title":"A small one","body":"Short."}` + "\n"
	go func() { _, _ = io.WriteString(w, big+small) }()
	deadline := time.Now().Add(30 * time.Second)
	// Until the import has created the library, search finds none.
	for r := tidings(t, lib, nil, "search", "--count", ""); r.code != 0 || strings.TrimSpace(r.stdout) != "1"; r = tidings(t, lib, nil, "search", "--count", "") {
		if time.Now().After(deadline) {
			t.Fatalf("the big article was not written within 30 s\n%s%s", &imp.out, &imp.errb)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code := imp.stopWith(t, syscall.SIGINT); code != 130 {
		t.Errorf("exit %d after SIGINT, want 130\n%s%s", code, &imp.out, &imp.errb)
	}
	// The summary is stdout's last line, after the progress lines a pipe
	// is given.
	lines := strings.Split(strings.TrimSuffix(imp.out.String(), "\n"), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "1 added, 0 updated, 0 unchanged, 0 failed") {
		t.Errorf("summary %q, want the big article counted", imp.out.String())
	}
	db := openDB(t, lib)
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	if got := mustRun(t, lib, "search", "title:small", "--count"); strings.TrimSpace(got) != "0" {
		t.Errorf("the article of the batch not written is in the library")
	}
}

// TestImportProgressOnTerminal: on a terminal the bar shows while the
// first batch is read and written, fits the line with room for the ^C the
// terminal echoes, and is gone after ctrl+c, the summary on a clean line.
func TestImportProgressOnTerminal(t *testing.T) {
	stream := filepath.Join(t.TempDir(), "stream.txt")
	writeStream(t, stream, 0, 15000, 0) // fewer than a batch holds
	const cols = 80
	tm := startTerm(t, cols, 10, nil, bin, "--library", filepath.Join(t.TempDir(), "library.db"), "import", stream)
	tm.waitFor(`\] +\d+%  [\d,]+ articles`, screenTimeout)
	tm.send(keyCtrlC)
	if code := tm.wait(stopTimeout); code != 130 {
		t.Errorf("exit %d after ctrl+c, want 130; screen:\n%s", code, tm.screen())
	}
	screen := tm.screen()
	if strings.Contains(screen, "%") || strings.Contains(screen, "█") {
		t.Errorf("the bar is left on screen after ctrl+c:\n%s", screen)
	}
	if !regexp.MustCompile(`(?m)^[\d,]+ added, .*\ntidings: interrupted$`).MatchString(screen) {
		t.Errorf("want the summary on a line of its own, then interrupted:\n%s", screen)
	}
	for _, frame := range strings.Split(string(tm.rawOutput()), "\r\x1b[2K") {
		frame, _, _ = strings.Cut(frame, "\n")
		// With the ^C echoed after it, a frame stays short of the last
		// column, where the next character would wrap the line.
		if w := ansi.StringWidth(frame); w > cols-1 {
			t.Errorf("a frame of %d cells on a terminal of %d: %q", w, cols, frame)
		}
	}
}

// TestImportTypedOnATerminal: articles typed into `import -` on a terminal
// end at one ctrl+d, and no progress bar is drawn over what is typed.
func TestImportTypedOnATerminal(t *testing.T) {
	tm := startTerm(t, 100, 10, nil, bin, "--library", filepath.Join(t.TempDir(), "library.db"), "import", "-")
	tm.waitFor(`Reading articles from the terminal`, screenTimeout)
	tm.send("date 2024-03-05 (AFP) First article typed.\r")
	time.Sleep(300 * time.Millisecond)
	if s := tm.screen(); strings.Contains(s, "articles read") {
		t.Errorf("a progress bar is drawn over the typing:\n%s", s)
	}
	tm.send("\x04") // ctrl+d
	if code := tm.wait(stopTimeout); code != 0 {
		t.Fatalf("exit %d after one ctrl+d; screen:\n%s", code, tm.screen())
	}
	if s := tm.screen(); !strings.Contains(s, "1 added, 0 updated, 0 unchanged, 0 failed") {
		t.Errorf("screen:\n%s", s)
	}
}
