package cli

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExportRefusesLinksToWhatIsNotAFile: an export's file that is a
// symbolic link to a FIFO (or a device, a folder) is refused with an error
// naming the target, and the FIFO stays a FIFO, where a regular file was
// renamed over it. A Markdown file or manifest linked to one does not make
// the export wait on it.
func TestExportRefusesLinksToWhatIsNotAFile(t *testing.T) {
	for _, tt := range []struct{ format, file string }{
		{"json", ExportJSONName},
		{"md", "undated-one-1.md"},
		{"md", manifestName},
	} {
		t.Run(tt.format+" "+tt.file, func(t *testing.T) {
			st := notedStore(t)
			root := t.TempDir()
			out, pipe := filepath.Join(root, "out"), filepath.Join(root, "pipe")
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(pipe, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			if err := os.Symlink(pipe, filepath.Join(out, tt.file)); err != nil {
				t.Skipf("symbolic links: %v", err)
			}
			ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
			defer cancel()
			done := make(chan struct{})
			var rep ExportReport
			var err error
			go func() {
				defer close(done)
				rep, err = Export(ctx, st, nil, ExportOptions{Format: tt.format, Out: out})
			}()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				// Open the FIFO for writing so a reader stuck on it returns.
				if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					f.Close()
				}
				<-done
				t.Fatal("the export waited on the FIFO")
			}
			var said string
			switch {
			case err != nil:
				said = err.Error()
			case len(rep.Failed) > 0:
				said = rep.Failed[len(rep.Failed)-1].String()
			}
			if tt.file != "undated-one-1.md" && (!strings.Contains(said, pipe) || !strings.Contains(said, "FIFO")) {
				t.Errorf("export: %q, want an error naming %s as a FIFO", said, pipe)
			}
			if tt.file == "undated-one-1.md" && len(rep.Failed) != 1 {
				t.Errorf("failed %+v, want the linked file named", rep.Failed)
			}
			if fi, err := os.Lstat(pipe); err != nil || fi.Mode().Type() != fs.ModeNamedPipe {
				t.Errorf("the FIFO is now %v (%v)", fi.Mode(), err)
			}
		})
	}
}

// TestMarkdownExportReportsEarlierTitlesAlike: an article's edited files
// under earlier titles are kept and reported as such every export, whatever
// their names' order beside the new one's, with the article counted as
// exported; the exit status says so alike each time.
func TestMarkdownExportReportsEarlierTitlesAlike(t *testing.T) {
	for name, newTitle := range map[string]string{
		"the old name sorts after the new": "Aaa story",
		"the old name sorts before":        "Zzz story",
	} {
		t.Run(name, func(t *testing.T) {
			st := lossStore(t)
			dir := t.TempDir()
			lossExport(t, st, dir)
			appendText(t, filepath.Join(dir, lossFirst), obsidianNote)
			if err := st.Retitle(t.Context(), 1, newTitle); err != nil {
				t.Fatal(err)
			}
			for run := 1; run <= 3; run++ {
				rep := lossExport(t, st, dir)
				if rep.Articles != 2 || len(rep.Kept) != 0 || len(rep.Earlier) != 1 || rep.Earlier[0].File != filepath.Join(dir, lossFirst) {
					t.Fatalf("run %d: %d articles, kept %+v, earlier %+v; want 2, and %s kept as an earlier title's", run, rep.Articles, rep.Kept, rep.Earlier, lossFirst)
				}
				if err := rep.Incomplete(); err == nil {
					t.Errorf("run %d: the export passed for whole", run)
				}
				var o, e strings.Builder
				PrintExportSummary(&o, &e, rep)
				if strings.Contains(o.String()+e.String(), "to export it again") || !strings.Contains(e.String(), "an earlier title's file") ||
					!strings.Contains(o.String(), "1 earlier title's file kept (delete it if you no longer want it)") {
					t.Errorf("run %d: summary %q, diagnostics %q", run, o.String(), e.String())
				}
			}
		})
	}
}
