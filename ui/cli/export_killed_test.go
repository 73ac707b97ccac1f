package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// killedExportEnv names the folder of the library that
// TestMarkdownExportKilledRemembersWhatItWrote's own process exports.
const killedExportEnv = "TIDINGS_TEST_KILLED_EXPORT"

// TestMarkdownExportKilledRemembersWhatItWrote: a Markdown export killed
// (kill -9) part way has saved the manifest of what it wrote as it went:
// every file written more than manifestSaveEvery before the kill has its
// sum, where none had, and the next export kept every file it wrote as
// though the reader had edited it, the nightly export going stale.
func TestMarkdownExportKilledRemembersWhatItWrote(t *testing.T) {
	if dir := os.Getenv(killedExportEnv); dir != "" {
		exportToBeKilled(t, dir)
		return
	}
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const articles = 20000
	batch := make([]feeds.Article, 0, 1000)
	for i := range articles {
		batch = append(batch, feeds.Article{ExternalID: fmt.Sprint("k-", i), Source: "S",
			Title: fmt.Sprint("Story number ", i), Body: fmt.Sprintf("The body of story %d.\n\nIt goes on.", i)})
		if len(batch) == cap(batch) {
			if _, err := st.Import(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	st.Close()

	out := filepath.Join(dir, "md")
	cmd := exec.Command(os.Args[0], "-test.run=^TestMarkdownExportKilledRemembersWhatItWrote$")
	cmd.Env = append(os.Environ(), killedExportEnv+"="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Killed once it has written for a while, longer than a save takes to
	// come round.
	var started time.Time
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if started.IsZero() {
			if names, _ := filepath.Glob(filepath.Join(out, "*.md")); len(names) > 0 {
				started = time.Now()
			}
		} else if time.Since(started) > 3*manifestSaveEvery {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		t.Fatal("the export ended before it was killed: give it more articles")
	}

	written, err := filepath.Glob(filepath.Join(out, "*.md"))
	if err != nil || len(written) == 0 || len(written) == articles {
		t.Fatalf("%d of %d files written before the kill, %v", len(written), articles, err)
	}
	data, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil {
		t.Fatalf("no manifest after the kill: %v", err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("the manifest after the kill: %v", err)
	}
	var old, unknown int
	var known string // a file the manifest has the sum of
	for _, path := range written {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		// The last save may have begun a while before the kill on a busy
		// machine: a second's slack.
		if killed.Sub(fi.ModTime()) < manifestSaveEvery+time.Second {
			continue
		}
		old++
		if m[filepath.Base(path)] != contentSum([]byte(readText(t, path))) {
			unknown++
		} else {
			known = path
		}
	}
	if old == 0 || unknown > 0 {
		t.Errorf("%d of the %d files written well before the kill (of %d written) have no sum in the manifest (%d sums)", unknown, old, len(written), len(m))
	}

	if known == "" {
		return
	}

	// The next export, after the reader tagged an article written before
	// the kill, writes it again.
	st, err = store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	name := filepath.Base(known)
	id := name[strings.LastIndexByte(name, '-')+1 : len(name)-len(".md")]
	var articleID int64
	fmt.Sscan(id, &articleID)
	if err := st.Tag(ctx, []int64{articleID}, []string{"nightly"}, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := Export(ctx, st, nil, ExportOptions{Format: "md", Out: out, Query: "tag:nightly"})
	if err != nil || rep.Articles != 1 || len(rep.Kept)+len(rep.Failed) != 0 {
		t.Errorf("the export after the kill: %d articles, %d kept (%v), %d failed, %v", rep.Articles, len(rep.Kept), firstProblem(rep.Kept), len(rep.Failed), err)
	}
	if !strings.Contains(readText(t, known), "nightly") {
		t.Errorf("%s not written again with its new tag", name)
	}
}

func firstProblem(ps []Problem) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].String()
}

// exportToBeKilled is the export TestMarkdownExportKilledRemembersWhatItWrote
// kills, in a process of its own.
func exportToBeKilled(t *testing.T, dir string) {
	st, err := store.Open(filepath.Join(dir, "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Export(context.Background(), st, nil, ExportOptions{Format: "md", Out: filepath.Join(dir, "md")}); err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(dir, "done"), "")
}
