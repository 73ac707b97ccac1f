package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// exportResult is what an export under a file size limit did.
type exportResult struct {
	Articles  int
	Failed    []string
	Err       string
	DiskError bool
}

// TestExportStopsAtAFullDisk: an export the disk stops (a file refused as
// on a full disk) stops there with one error saying how far it came, where
// it went on to fail every file after it, each on a line of its own: a
// Markdown export keeps the files written before it and saves its manifest
// if it can; a JSON file is not left half-written, the export before it
// kept; nothing is left of the file refused.
func TestExportStopsAtAFullDisk(t *testing.T) {
	libEnv, outEnv, formatEnv := "TIDINGS_TEST_LIBRARY", "TIDINGS_TEST_OUT", "TIDINGS_TEST_FORMAT"
	const limit = 256 << 10
	if inFileSizeLimit(t) {
		st, err := store.Open(os.Getenv(libEnv), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Export(context.Background(), st, nil, ExportOptions{Format: os.Getenv(formatEnv), Out: os.Getenv(outEnv)})
		st.Close()
		res := exportResult{Articles: rep.Articles}
		for _, f := range rep.Failed {
			res.Failed = append(res.Failed, f.String())
		}
		if err != nil {
			res.Err = err.Error()
			_, res.DiskError = errors.AsType[*ExportDiskError](err)
		}
		printResult(t, res)
		return
	}
	// Three small articles, the newest, exported first; then ten each
	// larger than the limit.
	lib := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(lib, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []feeds.Article
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for i := range 13 {
		body := fmt.Sprintf("Small story %d.", i)
		if i >= 3 {
			body = fmt.Sprintf("Large story %d. %s", i, strings.Repeat("word ", limit/4))
		}
		arts = append(arts, feeds.Article{ExternalID: fmt.Sprint("a", i), Source: "S", Title: fmt.Sprint("Story ", i),
			Published: day.AddDate(0, 0, -i), Body: body})
	}
	if _, err := st.Import(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	st.Close()

	t.Run("md", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "vault")
		var res exportResult
		if err := json.Unmarshal(underFileSizeLimit(t, limit, libEnv+"="+lib, outEnv+"="+out, formatEnv+"=md"), &res); err != nil {
			t.Fatal(err)
		}
		if !res.DiskError {
			t.Fatalf("the export ended with %q and %d failed, want it stopped by the disk", res.Err, len(res.Failed))
		}
		if len(res.Failed) > 0 {
			t.Errorf("%d files failed one by one, want none tried after the first the disk refused; the first: %s", len(res.Failed), res.Failed[0])
		}
		want := "the disk is full: 3 articles exported to " + out + ", the rest not; free some space and export again"
		if res.Err != want {
			t.Errorf("the error says\n%q, want\n%q", res.Err, want)
		}
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if len(names) != 4 || !slices.Contains(names, manifestName) {
			t.Errorf("the folder holds %q, want the 3 files written and the manifest, nothing of the file refused", names)
		}
		m, err := readManifest(out)
		if err != nil || len(m) != 3 {
			t.Errorf("the manifest holds %d files (%v), want the 3 written", len(m), err)
		}
	})
	for _, earlier := range []bool{true, false} {
		t.Run(map[bool]string{true: "json over an export before", false: "json, none before"}[earlier], func(t *testing.T) {
			out := t.TempDir()
			dest := filepath.Join(out, ExportJSONName)
			before := []byte(`{"id":"the export before"}` + "\n")
			if earlier {
				if err := os.WriteFile(dest, before, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var res exportResult
			if err := json.Unmarshal(underFileSizeLimit(t, limit, libEnv+"="+lib, outEnv+"="+out, formatEnv+"=json"), &res); err != nil {
				t.Fatal(err)
			}
			want := "the disk is full: " + dest + " not written; free some space and export again"
			if earlier {
				want = "the disk is full: " + dest + " not written (one exported before is left as it was); free some space and export again"
			}
			if !res.DiskError || res.Err != want {
				t.Errorf("the export ended with\n%q, want\n%q", res.Err, want)
			}
			entries, _ := os.ReadDir(out)
			if !earlier {
				if len(entries) != 0 {
					t.Errorf("%d files in the folder, want none", len(entries))
				}
				return
			}
			if got, err := os.ReadFile(dest); err != nil || !bytes.Equal(got, before) {
				t.Errorf("%s holds %q (%v), want the export before as it was", ExportJSONName, got, err)
			}
			if len(entries) != 1 {
				t.Errorf("%d files in the folder, want the export before alone", len(entries))
			}
		})
	}
}

// TestExportToAFullDiskSaysSo: a JSON export to standard output on a full
// disk (/dev/full) stops with one error saying so, not the name of a file
// the user did not give.
func TestExportToAFullDiskSaysSo(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Import(context.Background(), []feeds.Article{{ExternalID: "a", Source: "S", Title: "Story", Body: "Body."}}); err != nil {
		t.Fatal(err)
	}
	_, err = Export(context.Background(), st, full, ExportOptions{Format: "json"})
	want := "the disk is full: the export to standard output stopped before its end; free some space and export again"
	if _, ok := errors.AsType[*ExportDiskError](err); !ok || err.Error() != want {
		t.Errorf("the export ended with %v, want %q", err, want)
	}
}
