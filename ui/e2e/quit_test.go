package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuitWhileMarkingRead: q while M's marking is being written keeps the
// reader on screen, saying what it finishes, and quits once it is written;
// ctrl+c then stops it, and tidings says that nothing was marked and exits
// with a failure. The write is held by another writer holding the
// library's write lock, as a large library or another tidings would hold it.
func TestQuitWhileMarkingRead(t *testing.T) {
	for _, stop := range []bool{false, true} {
		name := "written"
		if stop {
			name = "stopped"
		}
		t.Run(name, func(t *testing.T) {
			lib := filepath.Join(t.TempDir(), "library.db")
			mustRun(t, lib, "import", samplePath(t))
			unread := func() string {
				return strings.TrimSpace(mustRun(t, lib, "search", "--count", "is:unread"))
			}
			if n := unread(); n != "1" {
				t.Fatalf("%s unread before M, want 1", n)
			}

			db := openDB(t, lib)
			defer db.Close()
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			held := true
			release := func() {
				if held {
					held = false
					if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
						t.Fatal(err)
					}
				}
			}
			defer release()

			tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
			tm.waitFor(`1 / 1`, screenTimeout)
			tm.send("M")
			// The count comes into the question when the library gives it.
			tm.waitFor(`Mark (every unread article|the 1 unread article) read\? y/n`, screenTimeout)
			tm.send("y")
			tm.waitFor(`Marking every unread article read…`, screenTimeout)
			tm.send("q")
			tm.waitFor(`Finishing: marking every unread article read… \(ctrl\+c stops it\)`, screenTimeout)
			// Still there a moment later: it waits for the write.
			select {
			case <-tm.exited:
				t.Fatalf("tidings ended while the write waited:\n%s", tm.screen())
			case <-time.After(300 * time.Millisecond):
			}
			if s := tm.screen(); !strings.Contains(s, "Finishing: marking") || !strings.Contains(s, "1 / 1") {
				t.Fatalf("the reader left the screen while the write waited:\n%s", s)
			}

			if !stop {
				release()
				if code := tm.wait(screenTimeout); code != 0 {
					t.Errorf("exit code %d once the write was done; screen:\n%s", code, tm.screen())
				}
				if n := unread(); n != "0" {
					t.Errorf("%s unread after quitting, want 0: the marking was lost", n)
				}
				return
			}
			tm.send(keyCtrlC)
			code := tm.wait(screenTimeout)
			release()
			if code != 130 {
				t.Errorf("exit code %d after ctrl+c stopped the marking, want 130 (a ctrl+c)", code)
			}
			if s := tm.screen(); !strings.Contains(s, "tidings: marking read stopped: nothing was marked") {
				t.Errorf("tidings does not say the marking was stopped:\n%s", s)
			}
			if n := unread(); n != "1" {
				t.Errorf("%s unread after the marking was stopped, want 1", n)
			}
			if err := tm.restored(); err != nil {
				t.Errorf("terminal not restored: %v", err)
			}
		})
	}
}
