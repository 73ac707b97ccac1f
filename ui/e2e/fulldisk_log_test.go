package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// smallDisk mounts a file system of size bytes (a tmpfs) for the test and
// returns its folder; the test is skipped where it cannot be mounted (not
// root, no mount).
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("a small file system cannot be mounted here: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// freeBytes is the room left on the file system of dir.
func freeBytes(t *testing.T, dir string) uint64 {
	t.Helper()
	var fs unix.Statfs_t
	if err := unix.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	return fs.Bavail * uint64(fs.Bsize)
}

// sideSize is the size of the library's file beside lib named by side
// ("-wal"), 0 when there is none.
func sideSize(t *testing.T, lib, side string) int64 {
	t.Helper()
	fi, err := os.Stat(lib + side)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// writeCorpus writes n articles in the sample format, each of some
// hundreds of made-up words, to a new file and returns its path.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corpus.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	x := uint32(2463534242)
	next := func() uint32 { // xorshift: the same words every run
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
	syllables := []string{"ka", "ro", "mi", "tel", "su", "van", "or", "ip", "dex", "lu", "na", "bre"}
	for i := range n {
		fmt.Fprintf(w, "date 2024-%02d-%02d (Wire) Report %d.", 1+i%12, 1+i%28, i)
		for range 400 {
			w.WriteByte(' ')
			for range 2 + next()%3 {
				w.WriteString(syllables[next()%uint32(len(syllables))])
			}
		}
		fmt.Fprintf(w, ". id%d\n\n", i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFullDiskGivesItsRoomBack: a first import that fills the disk fails
// saying so, and leaves the disk as it found it but for the new library's
// file: no log holding the library's schema and the failed import's pages,
// which no later write could fold into the file for want of room. The next
// import is stored in library.db itself.
func TestFullDiskGivesItsRoomBack(t *testing.T) {
	corpus := writeCorpus(t, 2000)
	disk := smallDisk(t, 3<<20)
	lib := filepath.Join(disk, "lib.db")
	before := freeBytes(t, disk)

	r := tidings(t, lib, nil, "import", corpus)
	if r.code != 1 || !strings.Contains(r.stderr, "the disk is full") {
		t.Fatalf("import onto a full disk: exit %d, stdout %q, stderr %q; want exit 1, saying the disk is full", r.code, r.stdout, r.stderr)
	}
	if n := sideSize(t, lib, "-wal"); n != 0 {
		t.Errorf("the failed import left a log of %d bytes", n)
	}
	if free := freeBytes(t, disk); free < before/2 {
		t.Errorf("%d bytes free after the failed import, of %d before: its room did not come back", free, before)
	}

	if r := tidings(t, lib, nil, "import", samplePath(t)); r.code != 0 || !strings.HasPrefix(r.stdout, "1 added") {
		t.Fatalf("the next import: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if n := sideSize(t, lib, "-wal"); n != 0 {
		t.Errorf("the next import left a log of %d bytes", n)
	}
	// library.db alone, as a user copying it takes it, holds the article.
	alone := filepath.Join(t.TempDir(), "alone.db")
	data, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := tidings(t, alone, nil, "search", "--count", ""); r.code != 0 || r.stdout != "1\n" {
		t.Errorf("library.db alone: search --count: exit %d, %q, %q; want 1", r.code, r.stdout, r.stderr)
	}
}
