package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// serveFeeds serves a feed that is well (/feed.xml, not modified once
// fetched) and one that is broken (/broken.xml).
func serveFeeds(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, feedXML("Harbour News", 2))
		case "/broken.xml":
			fmt.Fprint(w, `<rss><channel><item><title>unclosed`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestCronFetchSaysOnlyTroubleOnStderr: a fetch whose stderr is no
// terminal (cron mails it) writes there only what failed: each feed's line
// goes to stdout with the summary, so that "tidings fetch >/dev/null" is
// silent when all is well.
func TestCronFetchSaysOnlyTroubleOnStderr(t *testing.T) {
	srv := serveFeeds(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "feed", "add", srv.URL+"/feed.xml")

	r := tidings(t, lib, nil, "fetch")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("a fetch that went well: exit %d, stderr %q; want 0 and nothing", r.code, r.stderr)
	}
	if want := "[1/1] " + srv.URL + "/feed.xml: not modified\n"; !strings.HasPrefix(r.stdout, want) || !strings.Contains(r.stdout, "1 feed in ") {
		t.Errorf("stdout %q, want the feed's line %q, then the summary", r.stdout, want)
	}

	if r := tidings(t, lib, nil, "feed", "add", srv.URL+"/broken.xml"); r.code != 1 {
		t.Fatalf("adding a broken feed: exit %d, %s", r.code, r.stderr)
	}
	r = tidings(t, lib, nil, "fetch")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "failed: "+srv.URL+"/broken.xml") || strings.Contains(r.stderr, "not modified") {
		t.Errorf("a fetch with a broken feed: exit %d, stderr %q; want 1 and the failure alone", r.code, r.stderr)
	}
}

// TestPipedImportProgressOnStdout: an import long enough to report its
// progress, with stderr no terminal, reports it on stdout with the summary,
// not on stderr, which stays empty when all is well.
func TestPipedImportProgressOnStdout(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	cmd := exec.Command(bin, "--library", lib, "import", "-")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Progress is reported every 5 s of the import: articles go on
	// arriving, a second apart, until it is (a loaded machine may take
	// seconds to start the import at all), or for half a minute.
	progress := regexp.MustCompile(`(?m)^\d+ articles? read`)
	sent := 0
	for deadline := time.Now().Add(30 * time.Second); sent < 2 || !progress.MatchString(out.String()) && time.Now().Before(deadline); sent++ {
		fmt.Fprintf(in, `{"external_id":"a%d","title":"Article %d","body":"Text %d."}`+"\n", sent, sent, sent)
		time.Sleep(time.Second)
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("import: %v\n%s%s", err, out.String(), &errb)
	}
	if errb.String() != "" {
		t.Errorf("stderr %q, want nothing", errb.String())
	}
	if !progress.MatchString(out.String()) || !strings.Contains(out.String(), fmt.Sprintf("%d added", sent)) {
		t.Errorf("stdout %q, want a progress line and the summary of %d added", out.String(), sent)
	}
}

// lockedBuffer is a bytes.Buffer a command writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestReportLostToFullStdout: a command that changed the library or wrote
// files, whose report cannot be written (stdout on a full disk), fails
// (exit 1) saying on stderr that the change was made; the change is there.
// A command whose output is what it was run for fails as before.
func TestReportLostToFullStdout(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	srv := serveFeeds(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	file := filepath.Join(t.TempDir(), "two.jsonl")
	if err := os.WriteFile(file, []byte(`{"external_id":"a","title":"One","body":"The first."}`+"\n"+
		`{"external_id":"b","title":"Two","body":"The second."}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	exported := filepath.Join(t.TempDir(), "md")
	toFull := func(args ...string) (int, string) {
		cmd := exec.Command(bin, append([]string{"--library", lib}, args...)...)
		cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &errb
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), errb.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, errb.String()
	}
	const said = "tidings: the change was made, but its report could not be written: write /dev/stdout: no space left on device\n"
	for _, tc := range []struct {
		args  []string
		check []string // a search that finds the change
		want  string
	}{
		{[]string{"import", file}, []string{"search", "--count", ""}, "2"},
		{[]string{"tag", "1", "+kept"}, []string{"search", "--count", "tag:kept"}, "1"},
		{[]string{"note", "1", "a note"}, []string{"search", "--count", "is:annotated"}, "1"},
		{[]string{"read", "1"}, []string{"search", "--count", "is:read"}, "1"},
		{[]string{"retitle", "1", "Better"}, []string{"search", "--count", "title:better"}, "1"},
		{[]string{"rule", "add", "second", "--tag", "two"}, []string{"rule", "list"}, "second"},
		{[]string{"feed", "add", srv.URL + "/feed.xml"}, []string{"search", "--count", "source:\"Harbour News\""}, "2"},
		{[]string{"fetch"}, []string{"feed", "list"}, "Harbour News"},
		{[]string{"backup", backup}, []string{"--library", backup, "search", "--count", ""}, "4"},
		{[]string{"export", "--format", "md", "--out", exported}, nil, ""},
		{[]string{"delete", "--yes", "2"}, []string{"search", "--count", ""}, "3"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stderr := toFull(tc.args...)
			said := said
			if tc.args[0] == "fetch" {
				// The feed is not modified since feed add fetched it:
				// no change was made, and the write's error is all.
				said = "tidings: write /dev/stdout: no space left on device\n"
			}
			if code != 1 || !strings.HasSuffix(stderr, said) {
				t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, said)
			}
			if tc.check == nil {
				if files, _ := filepath.Glob(filepath.Join(exported, "*.md")); len(files) != 4 {
					t.Errorf("%d files exported, want 4", len(files))
				}
				return
			}
			if got := mustRun(t, lib, tc.check...); !strings.Contains(got, tc.want) {
				t.Errorf("the change is not there: %v gives %q, want %q", tc.check, got, tc.want)
			}
		})
	}
	if code, stderr := toFull("search", ""); code != 1 || stderr != "tidings: write /dev/stdout: no space left on device\n" {
		t.Errorf("search to a full disk: exit %d, stderr %q", code, stderr)
	}
	if code, stderr := toFull("feed", "list"); code != 1 || stderr != "tidings: write /dev/stdout: no space left on device\n" {
		t.Errorf("feed list to a full disk: exit %d, stderr %q", code, stderr)
	}
}

// TestInterruptedMarkdownExportCounts: a Markdown export stopped by ctrl+c
// says how many articles it wrote, which are in the folder, and that it
// stopped, as well as that it was interrupted.
func TestInterruptedMarkdownExportCounts(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", writeCorpus(t, 3000))
	dir := filepath.Join(t.TempDir(), "md")
	cmd := exec.Command(bin, "--library", lib, "export", "--format", "md", "--out", dir)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the export wrote no file within 10 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Skipf("the export was not interrupted (%v): it ended first\n%s", err, &out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	said := regexp.MustCompile(`^([\d,]+) articles? exported to ` + regexp.QuoteMeta(dir) + `, 0 notes; 0 failed, then stopped\n$`).FindStringSubmatch(out.String())
	if said == nil || strings.ReplaceAll(said[1], ",", "") != fmt.Sprint(len(files)) || errb.String() != "tidings: interrupted\n" {
		t.Errorf("stdout %q, stderr %q; want the %d files written counted, and tidings: interrupted", out.String(), errb.String(), len(files))
	}
}
