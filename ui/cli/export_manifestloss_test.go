package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// The two articles these tests export, and their files.
const (
	lossFirst  = "2024-03-05-first-story-1.md"
	lossSecond = "2024-03-05-second-story-2.md"
)

const obsidianNote = "\nMy own thoughts, written in Obsidian.\n"

func lossStore(t *testing.T) *store.Store {
	t.Helper()
	st := openStore(t)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	if _, err := st.Import(context.Background(), []feeds.Article{
		{ExternalID: "a", Source: "S", Title: "First story", Published: day, Body: "Body one."},
		{ExternalID: "b", Source: "S", Title: "Second story", Published: day, Body: "Body two."},
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

func lossExport(t *testing.T, st *store.Store, dir string) ExportReport {
	t.Helper()
	rep, err := Export(context.Background(), st, nil, ExportOptions{Format: "md", Out: dir})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeText(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// keptFiles are the base names of the files an export kept.
func keptFiles(rep ExportReport) []string {
	var names []string
	for _, p := range rep.Kept {
		names = append(names, filepath.Base(p.File))
	}
	return names
}

// savedManifest is the folder's manifest, which must be whole JSON.
func savedManifest(t *testing.T, dir string) manifest {
	t.Helper()
	var m manifest
	if err := json.Unmarshal([]byte(readText(t, filepath.Join(dir, manifestName))), &m); err != nil {
		t.Fatalf("the manifest after the export: %v", err)
	}
	return m
}

// TestMarkdownExportKeepsEditsWithoutItsManifest: an export writes over a
// file only when it knows it for its own unedited output, by the manifest's
// sum or because it holds what this export writes. Without a sum (the
// manifest deleted, unsaved, synced without hidden files, truncated, or a
// folder never exported to) a file that differs is kept and named, as one
// edited is, where it was written over and the reader's notes lost.
func TestMarkdownExportKeepsEditsWithoutItsManifest(t *testing.T) {
	for name, tt := range map[string]struct {
		// before the export under test: the folder exported to first,
		// or left empty, and then changed
		exported bool
		prepare  func(t *testing.T, dir string)
		kept     []string // files kept, with their contents as they were
		keptWhy  string   // in the reason each is kept with
		warning  bool     // about the manifest, naming it
		failed   int
	}{
		"a first export into an empty folder": {},
		"again, with the manifest":            {exported: true},
		"again, with the manifest, over an edit": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				appendText(t, filepath.Join(dir, lossFirst), obsidianNote)
			},
			kept: []string{lossFirst}, keptWhy: "edited since it was exported; left as it is (delete it to export it again, or export into another folder)",
		},
		"the manifest deleted, nothing edited": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, manifestName)); err != nil {
					t.Fatal(err)
				}
			},
		},
		"the manifest deleted, a file edited": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				appendText(t, filepath.Join(dir, lossFirst), obsidianNote)
				if err := os.Remove(filepath.Join(dir, manifestName)); err != nil {
					t.Fatal(err)
				}
			},
			kept: []string{lossFirst}, keptWhy: "differs from this export, and " + manifestName + " has no sum of it to tell whether it was edited; left as it is (delete it to export it again, or export into another folder)",
		},
		"the manifest truncated, a file edited": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				appendText(t, filepath.Join(dir, lossSecond), obsidianNote)
				path := filepath.Join(dir, manifestName)
				whole := readText(t, path)
				writeText(t, path, whole[:len(whole)/2])
			},
			kept: []string{lossSecond}, keptWhy: "has no sum of it", warning: true,
		},
		"the manifest null, a file edited": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				appendText(t, filepath.Join(dir, lossSecond), obsidianNote)
				writeText(t, filepath.Join(dir, manifestName), "null\n")
			},
			kept: []string{lossSecond}, keptWhy: "has no sum of it", warning: true,
		},
		"the manifest not of sums, a file edited": {
			exported: true,
			prepare: func(t *testing.T, dir string) {
				appendText(t, filepath.Join(dir, lossSecond), obsidianNote)
				// A sum the edit matches, among values no manifest holds.
				sum := contentSum([]byte(readText(t, filepath.Join(dir, lossSecond))))
				writeText(t, filepath.Join(dir, manifestName), `{"`+lossSecond+`": "`+sum+`", "x": 1}`)
			},
			kept: []string{lossSecond}, keptWhy: "has no sum of it", warning: true,
		},
		"a folder never exported to, with a copy of an export edited": {
			prepare: func(t *testing.T, dir string) {
				// From another vault, say, with the reader's notes.
				doc, err := ExportMarkdown(store.Article{ID: 1, ExternalID: "a", Source: "S", Title: "First story"}, "", nil)
				if err != nil {
					t.Fatal(err)
				}
				writeText(t, filepath.Join(dir, lossFirst), doc+obsidianNote)
			},
			kept: []string{lossFirst}, keptWhy: "has no sum of it",
		},
		"a folder never exported to, with a file of the reader's own": {
			prepare: func(t *testing.T, dir string) {
				writeText(t, filepath.Join(dir, lossFirst), "my own notes\n")
			},
			failed: 1, // "exists and is not this article's export; left alone"
		},
	} {
		t.Run(name, func(t *testing.T) {
			st := lossStore(t)
			dir := t.TempDir()
			if tt.exported {
				if rep := lossExport(t, st, dir); rep.Articles != 2 || len(rep.Failed)+len(rep.Kept)+len(rep.Warnings) != 0 {
					t.Fatalf("the first export: %+v", rep)
				}
			}
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			before := map[string]string{}
			for _, f := range []string{lossFirst, lossSecond} {
				if data, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
					before[f] = string(data)
				}
			}

			rep := lossExport(t, st, dir)

			if got := keptFiles(rep); !slices.Equal(got, tt.kept) {
				t.Errorf("kept %q, want %q (%+v)", got, tt.kept, rep)
			}
			for _, p := range rep.Kept {
				if !strings.Contains(p.Reason, tt.keptWhy) {
					t.Errorf("kept %s because %q; want it to say %q", p.File, p.Reason, tt.keptWhy)
				}
			}
			if len(rep.Failed) != tt.failed {
				t.Errorf("failed %+v, want %d", rep.Failed, tt.failed)
			}
			if tt.warning != (len(rep.Warnings) == 1) || tt.warning && rep.Warnings[0].File != filepath.Join(dir, manifestName) {
				t.Errorf("warnings %+v; want one naming the manifest: %v", rep.Warnings, tt.warning)
			}
			if want := 2 - len(tt.kept) - tt.failed; rep.Articles != want {
				t.Errorf("%d articles exported, want %d", rep.Articles, want)
			}

			// Every file is either kept as it was, or the export's, and
			// the manifest knows the export's again.
			m := savedManifest(t, dir)
			for _, f := range []string{lossFirst, lossSecond} {
				now := readText(t, filepath.Join(dir, f))
				if slices.Contains(tt.kept, f) || tt.failed > 0 && f == lossFirst {
					if now != before[f] {
						t.Errorf("%s was written over:\n%s\nwas:\n%s", f, now, before[f])
					}
					continue
				}
				if m[f] != contentSum([]byte(now)) {
					t.Errorf("the manifest has %q for %s, not the sum of what the export wrote", m[f], f)
				}
			}

			// And the export after knows an edit made now for one, whatever
			// became of the manifest before.
			if tt.failed == 0 && len(tt.kept) == 0 {
				appendText(t, filepath.Join(dir, lossFirst), obsidianNote)
				if again := lossExport(t, st, dir); !slices.Equal(keptFiles(again), []string{lossFirst}) ||
					!strings.Contains(again.Kept[0].Reason, "edited since it was exported") {
					t.Errorf("the export after, over an edit: %+v", again)
				}
			}
		})
	}
}

// TestMarkdownExportSaysItKeptAFileWithoutASum: the summary names a file
// kept for want of a sum, and what to do to have it exported, and names a
// manifest it could not read.
func TestMarkdownExportSaysItKeptAFileWithoutASum(t *testing.T) {
	st := lossStore(t)
	dir := t.TempDir()
	lossExport(t, st, dir)
	first := filepath.Join(dir, lossFirst)
	writeText(t, first, readText(t, first)+obsidianNote)
	writeText(t, filepath.Join(dir, manifestName), `{"`+lossFirst+`": "`)
	var o, e bytes.Buffer
	PrintExportSummary(&o, &e, lossExport(t, st, dir))
	want := "warning: " + filepath.Join(dir, manifestName) + ": cannot be read (unexpected end of JSON input), so files that differ from this export are kept, as though edited\n" +
		"kept: " + first + ": differs from this export, and .tidings-export.json has no sum of it to tell whether it was edited; left as it is (delete it to export it again, or export into another folder)\n"
	if e.String() != want {
		t.Errorf("said on stderr:\n%s\nwant:\n%s", e.String(), want)
	}
	if want := "1 article exported to " + dir + ", 0 notes; 1 file kept as it was (delete it to export it again); 0 failed\n"; o.String() != want {
		t.Errorf("summary %q, want %q", o.String(), want)
	}

	// Deleting it, as it says, exports it again.
	if err := os.Remove(first); err != nil {
		t.Fatal(err)
	}
	if rep := lossExport(t, st, dir); rep.Articles != 2 || len(rep.Kept)+len(rep.Failed)+len(rep.Warnings) != 0 {
		t.Errorf("the export after deleting the kept file: %+v", rep)
	}
}

// TestMarkdownExportKeepsARetitledArticlesOldFileWithoutASum: a retitled
// article's export under its old title is removed only when it is as
// tidings wrote it; without the manifest it may hold the reader's notes, and
// stays, named.
func TestMarkdownExportKeepsARetitledArticlesOldFileWithoutASum(t *testing.T) {
	for name, tt := range map[string]struct {
		prepare func(t *testing.T, dir string)
		kept    string // in why the old file is kept; "" for removed
	}{
		"with the manifest":    {},
		"the old file edited":  {func(t *testing.T, dir string) { appendText(t, filepath.Join(dir, lossFirst), obsidianNote) }, "edited since it was exported"},
		"the manifest deleted": {func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, manifestName)) }, "has no sum of to tell whether it was edited"},
		"the old file edited, the manifest deleted": {func(t *testing.T, dir string) {
			appendText(t, filepath.Join(dir, lossFirst), obsidianNote)
			os.Remove(filepath.Join(dir, manifestName))
		}, "has no sum of"},
	} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := lossStore(t)
			dir := t.TempDir()
			lossExport(t, st, dir)
			if tt.prepare != nil {
				tt.prepare(t, dir)
			}
			old := filepath.Join(dir, lossFirst)
			before := readText(t, old)
			if err := st.Retitle(ctx, 1, "Better title"); err != nil {
				t.Fatal(err)
			}
			rep := lossExport(t, st, dir)
			if rep.Articles != 2 || len(rep.Failed) != 0 {
				t.Errorf("export: %+v", rep)
			}
			if _, err := os.Stat(filepath.Join(dir, "2024-03-05-better-title-1.md")); err != nil {
				t.Errorf("the new file: %v", err)
			}
			if tt.kept == "" {
				if _, err := os.Stat(old); err == nil || len(rep.Kept) != 0 {
					t.Errorf("the old file stays (kept %+v)", rep.Kept)
				}
				return
			}
			if now, err := os.ReadFile(old); err != nil || string(now) != before {
				t.Errorf("the old file was removed or changed: %v", err)
			}
			if len(rep.Kept) != 0 || len(rep.Earlier) != 1 || rep.Earlier[0].File != old || !strings.Contains(rep.Earlier[0].Reason, "an earlier title's file") || !strings.Contains(rep.Earlier[0].Reason, tt.kept) {
				t.Errorf("kept %+v, earlier %+v; want %s named, %q", rep.Kept, rep.Earlier, old, tt.kept)
			}
		})
	}
}

func appendText(t *testing.T, path, s string) {
	t.Helper()
	writeText(t, path, readText(t, path)+s)
}
