package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// runAsTidings, set in a process's environment, makes the test binary
// that process runs tidings itself: its main, with the arguments it was
// given. The tests that need a process of its own (its stdout a pipe that
// closes, and what the Go runtime does then) run it so, with the
// library's code as this test run compiled it.
const runAsTidings = "TIDINGS_TEST_RUN_MAIN"

func init() {
	if os.Getenv(runAsTidings) == "1" {
		main() // exits
	}
}

// tidingsProcess is tidings run with args as a process of its own, with no
// config.toml and no $TIDINGS_LIBRARY.
func tidingsProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), runAsTidings+"=1", "XDG_CONFIG_HOME="+t.TempDir(), "TIDINGS_LIBRARY=")
	return cmd
}

// closedEarly is what a run of tidings did whose stdout is a pipe that
// its reader closed after the first line, as head -1 does.
type closedEarly struct {
	first  string // the line read before closing
	stderr string
	code   int // -1 when a signal ended it
	err    error
}

// runClosingStdout runs tidings with args on library lib, stdout a pipe
// read for one line and then closed, stderr a file (no terminal: cron's, a
// log's). then runs once the pipe is closed: it feeds the rest of the work
// (stdin, which is stdin when not nil, or a server's answers).
func runClosingStdout(t *testing.T, lib string, stdin io.Reader, then func(), args ...string) closedEarly {
	t.Helper()
	cmd := tidingsProcess(t, append([]string{"--library", lib}, args...)...)
	cmd.Stdin = stdin
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	first, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Errorf("reading the first line: %v (%q)", err, first)
	}
	r.Close()
	then()
	err = cmd.Wait()
	code := 0
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return closedEarly{first: first, stderr: stderr.String(), code: code, err: err}
}

// reportLost is what a command that did its work says when its reader
// went away before its report was written.
const reportLost = "tidings: the change was made, but its report could not be written: write /dev/stdout: broken pipe\n"

// TestClosedPipeLetsFetchFinish: a fetch whose stdout is a pipe closed
// after its first line (tidings fetch | head -1) fetches every feed all the
// same, and exits 1 saying on stderr that its report could not be written,
// rather than being killed by SIGPIPE with most feeds not fetched.
func TestClosedPipeLetsFetchFinish(t *testing.T) {
	const feedCount = 6
	release := make(chan struct{})
	var requests atomic.Int32
	fetched := make([]atomic.Int32, feedCount+1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed%d.xml", &n); err != nil || n < 1 || n > feedCount {
			http.NotFound(w, r)
			return
		}
		if requests.Add(1) > 1 {
			// The first answers at once, for the first line; the others
			// once that line is read and the pipe closed.
			select {
			case <-release:
			case <-time.After(20 * time.Second):
			}
		}
		fetched[n].Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title>
<item><title>Story of feed %d</title><guid>story-%d</guid><description>The story of feed %d.</description>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>`, n, n, n, n)
	}))
	defer srv.Close()
	lib := filepath.Join(t.TempDir(), "library.db")
	var urls strings.Builder
	for n := 1; n <= feedCount; n++ {
		fmt.Fprintf(&urls, "%s/feed%d.xml\n", srv.URL, n)
	}
	if r := run(t, lib, "opml", "import", writeFile(t, "urls", urls.String())); r.code != 0 {
		t.Fatalf("opml import: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}

	got := runClosingStdout(t, lib, nil, func() { close(release) }, "fetch")
	if !strings.HasPrefix(got.first, "[1/6] ") {
		t.Errorf("first line %q, want the first feed's progress", got.first)
	}
	if got.code != exitFailed || got.stderr != reportLost {
		t.Errorf("exit %d (%v), stderr %q; want exit 1 and %q", got.code, got.err, got.stderr, reportLost)
	}
	for n := 1; n <= feedCount; n++ {
		if c := fetched[n].Load(); c != 1 {
			t.Errorf("feed %d fetched %d times, want once", n, c)
		}
	}
	if r := run(t, lib, "search", "--count", ""); r.stdout != "6\n" {
		t.Errorf("the library holds %q articles, want 6, one of each feed", r.stdout)
	}
}

// TestClosedPipeLetsImportFinish: an import whose stdout is a pipe closed
// after its first progress line (tidings import - 2>log | head -1) stores
// every article all the same, writing no more progress, and exits 1 saying
// on stderr that its report could not be written, rather than being killed
// at its next progress line with the rest not stored.
func TestClosedPipeLetsImportFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for two progress lines, 5 s apart")
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	// An article every 100 ms for 11 s: the first progress line comes at
	// 5 s, the next, with no reader, at 10 s, before the last articles.
	const articles = 110
	in, feed := io.Pipe()
	go func() {
		for i := range articles {
			fmt.Fprintf(feed, `{"external_id":"a%d","title":"Story %d","body":"The story number %d."}`+"\n", i, i, i)
			time.Sleep(100 * time.Millisecond)
		}
		feed.Close()
	}()
	got := runClosingStdout(t, lib, in, func() {}, "import", "-")
	in.Close() // a tidings that stopped reading leaves the rest unwritten
	if !strings.Contains(got.first, "articles read") {
		t.Errorf("first line %q, want a progress line", got.first)
	}
	if got.code != exitFailed || got.stderr != reportLost {
		t.Errorf("exit %d (%v), stderr %q; want exit 1 and %q", got.code, got.err, got.stderr, reportLost)
	}
	if r := run(t, lib, "search", "--count", ""); r.stdout != fmt.Sprintf("%d\n", articles) {
		t.Errorf("the library holds %q articles, want all %d", r.stdout, articles)
	}
}

// TestStdoutWritesNoMoreAfterAFailure: once a write to standard output
// failed (a closed pipe, a full disk), what the command writes after it,
// progress and summary, is not written: the error it gave is kept and
// given again.
func TestStdoutWritesNoMoreAfterAFailure(t *testing.T) {
	under := &flakyWriter{fail: 1}
	w := &stdoutWriter{w: under}
	for i, line := range []string{"first\n", "second\n", "third\n"} {
		_, err := io.WriteString(w, line)
		if i > 0 && !errors.Is(err, errClosed) {
			t.Errorf("write %d: %v, want the first failure's error", i+1, err)
		}
	}
	if under.calls != 2 || under.written.String() != "first\n" {
		t.Errorf("%d writes reached the output (%q), want 2: the one that failed, and none after", under.calls, under.written.String())
	}
	if !errors.Is(w.failed(), errClosed) {
		t.Errorf("failed() = %v, want %v", w.failed(), errClosed)
	}
}

// errClosed is flakyWriter's failure.
var errClosed = errors.New("broken pipe")

// flakyWriter writes its first fail writes and fails every one after,
// counting them all.
type flakyWriter struct {
	fail    int
	calls   int
	written bytes.Buffer
}

func (f *flakyWriter) Write(p []byte) (int, error) {
	f.calls++
	if f.calls > f.fail {
		return 0, errClosed
	}
	return f.written.Write(p)
}
