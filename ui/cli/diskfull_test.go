package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"tidings/store"
)

// A full disk, for real and without root: the process's file size limit
// (ulimit -f), past which a write fails with EFBIG and SQLite says "disk
// I/O error", as it does on a disk that fails or has filled. The limit is
// the whole process's, so a test sets it in a process of its own: the test
// binary again, running that test alone.

// fsizeLimitEnv holds, in that process, the limit in bytes.
const fsizeLimitEnv = "TIDINGS_TEST_FSIZE_LIMIT"

// underFileSizeLimit runs the test t again in a process of its own, whose
// files may grow to limit bytes, with SIGXFSZ ignored (so that a write past
// it fails rather than ending the process), and env added to its
// environment. It returns what that process printed with printResult.
func underFileSizeLimit(t *testing.T, limit int64, env ...string) []byte {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), fsizeLimitEnv+"="+strconv.FormatInt(limit, 10)), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the test under a file size limit: %v\n%s", err, out.String())
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if rest, ok := bytes.CutPrefix(sc.Bytes(), []byte(resultPrefix)); ok {
			return rest
		}
	}
	t.Fatalf("the test under a file size limit said nothing:\n%s", out.String())
	return nil
}

const resultPrefix = "RESULT "

// inFileSizeLimit reports whether this is the process underFileSizeLimit
// started, and if so sets its limit.
func inFileSizeLimit(t *testing.T) bool {
	v := os.Getenv(fsizeLimitEnv)
	if v == "" {
		return false
	}
	limit, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: uint64(limit), Max: uint64(limit)}); err != nil {
		t.Skipf("ulimit -f: %v", err)
	}
	return true
}

// printResult hands v, as JSON, to the test that started this process.
func printResult(t *testing.T, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%s%s\n", resultPrefix, data)
}

// importResult is what an import under a file size limit did.
type importResult struct {
	Added, Updated, Unchanged int
	Failed                    []string
	Err                       string
	DiskError                 bool
}

// TestImportStopsAtAFullDisk: an import that the disk stops (full, past
// the file size limit, failing) stops at the first batch it refuses, with
// one error saying so, naming the library and how many articles were
// stored, rather than trying every article left one by one, each failing
// on a line of its own; the batches written before stay.
func TestImportStopsAtAFullDisk(t *testing.T) {
	libEnv, srcEnv := "TIDINGS_TEST_LIBRARY", "TIDINGS_TEST_SOURCE"
	if inFileSizeLimit(t) {
		st, err := store.Open(os.Getenv(libEnv), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		im := &Importer{Store: st}
		rep, err := im.Run(context.Background(), []Source{{Name: os.Getenv(srcEnv)}})
		st.Close()
		res := importResult{Added: rep.Added, Updated: rep.Updated, Unchanged: rep.Unchanged}
		for _, f := range rep.Failed {
			res.Failed = append(res.Failed, f.String())
		}
		if err != nil {
			res.Err = err.Error()
			_, res.DiskError = errors.AsType[*DiskError](err)
		}
		printResult(t, res)
		return
	}
	dir := t.TempDir()
	lib, src := filepath.Join(dir, "library.db"), filepath.Join(dir, "articles.txt")
	// Three batches' worth: the first fits under the limit, the rest do
	// not. The limit is half as much again as the files of a library that
	// took the first batch grow to.
	var b strings.Builder
	for i := range 3 * firstBatch {
		b.WriteString(sampleArticle(i+1, "2024-03-05", fmt.Sprintf("Article %d. %s", i+1, strings.Repeat(fmt.Sprintf("word%d ", i), 60))))
		if i+1 == firstBatch {
			if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	limit := largestFileImporting(t, src) * 3 / 2
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var res importResult
	if err := json.Unmarshal(underFileSizeLimit(t, limit, libEnv+"="+lib, srcEnv+"="+src), &res); err != nil {
		t.Fatal(err)
	}
	if !res.DiskError {
		t.Fatalf("the import ended with %q (%+v), want it stopped by the disk", res.Err, res)
	}
	if len(res.Failed) > 0 {
		t.Errorf("%d articles failed one by one, want none tried after the disk refused a batch; the first: %s", len(res.Failed), res.Failed[0])
	}
	if res.Added == 0 || res.Added >= 3*firstBatch {
		t.Fatalf("%d added, want the first batches only (the limit too high or too low for the test)", res.Added)
	}
	want := fmt.Sprintf("%s stored in %s;", Plural(res.Added, "article"), lib)
	if !strings.Contains(res.Err, want) || !strings.Contains(res.Err, "run the import again") {
		t.Errorf("the error says %q, want it to say %q and to run the import again", res.Err, want)
	}
	st, err := store.Open(lib, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.Count(context.Background(), ""); err != nil || n != res.Added {
		t.Errorf("the library holds %d articles (%v), want the %d the import said it stored", n, err, res.Added)
	}
}

// largestFileImporting is the size of the largest file (the library, its
// write-ahead log) of a new library as it imports src, before it is closed.
func largestFileImporting(t *testing.T, src string) int64 {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := (&Importer{Store: st}).Run(context.Background(), []Source{{Name: src}}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var largest int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			largest = max(largest, info.Size())
		}
	}
	return largest
}

// TestDiskErrorSaysWhatToDo: a full disk is said to be full, and any other
// disk error as what it may be, each naming the library, how many articles
// were stored in it, and to run the import again.
func TestDiskErrorSaysWhatToDo(t *testing.T) {
	full := &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	io := &os.PathError{Op: "write", Path: "x", Err: syscall.EIO}
	for _, tt := range []struct {
		err  *DiskError
		want string
	}{
		{&DiskError{Library: "/data/lib.db", Stored: 2000, Err: full},
			"the disk is full: 2,000 articles stored in /data/lib.db; free some space and run the import again"},
		{&DiskError{Library: "/data/my\x1b[2Jlib.db", Stored: 1, Err: io},
			`the library could not be written, a disk I/O error (the disk full, a file size limit reached, or the disk failing): ` +
				`1 article stored in "/data/my\x1b[2Jlib.db"; run the import again once it can be written`},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}
