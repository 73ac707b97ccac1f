package cli

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// An export this test starts in another process, writing into the folder
// TIDINGS_TEST_EXPORT_INTO until it is killed.
func TestMain(m *testing.M) {
	if dir := os.Getenv("TIDINGS_TEST_EXPORT_INTO"); dir != "" {
		_ = writeFile(filepath.Join(dir, ExportJSONName), func(w io.Writer) error {
			if _, err := io.WriteString(w, `{"external_id":"half"`); err != nil {
				return err
			}
			select {} // until killed
		})
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// startExport starts an export writing into dir in another process, and
// returns it once its temporary file is there.
func startExport(t *testing.T, dir string) (*exec.Cmd, string) {
	t.Helper()
	before := tempFiles(t, dir)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TIDINGS_TEST_EXPORT_INTO="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for range 500 {
		for _, name := range tempFiles(t, dir) {
			if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Size() > 0 && !slices.Contains(before, name) {
				return cmd, name
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the export in another process made no temporary file")
	return nil, ""
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), exportTemp) {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestExportRemovesLeftoversOfKilledExports: an export killed (kill -9, the
// machine stopped) leaves its temporary file, as large as the export; the
// next export into that folder removes it, and leaves alone the file of an
// export still running in another tidings.
func TestExportRemovesLeftoversOfKilledExports(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: "a", Source: "S", Title: "Story", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Body: "Body."}}); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "md"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			killed, killedFile := startExport(t, dir)
			killed.Process.Kill()
			killed.Wait()
			_, runningFile := startExport(t, dir)

			// Left by an older tidings, whose names have no process id: one
			// written to two hours ago is a leftover, one written to now
			// may be an export running.
			oldStale, oldFresh := exportTemp+"1234567", exportTemp+"7654321"
			for _, name := range []string{oldStale, oldFresh} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte("{}\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			// The running export has not written for as long: its lock
			// tells.
			hoursAgo := time.Now().Add(-2 * time.Hour)
			for _, name := range []string{oldStale, runningFile} {
				if err := os.Chtimes(filepath.Join(dir, name), hoursAgo, hoursAgo); err != nil {
					t.Fatal(err)
				}
			}

			if _, err := Export(ctx, st, nil, ExportOptions{Format: format, Out: dir}); err != nil {
				t.Fatal(err)
			}
			got := tempFiles(t, dir)
			want := []string{runningFile, oldFresh}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("after the export, temporary files %q; want %q (%s killed, %s stale)", got, want, killedFile, oldStale)
			}
		})
	}
}
