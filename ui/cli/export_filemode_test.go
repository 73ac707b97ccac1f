package cli

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// notedStore is a library of one article with a private note on it.
func notedStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: "a", Source: "S", Title: "One", Body: "Body one."}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: 1, Note: "my private thoughts"}); err != nil {
		t.Fatal(err)
	}
	return st
}

// exportInto exports st in format into dir, failing the test on any error.
func exportInto(t *testing.T, st *store.Store, format, dir string) {
	t.Helper()
	rep, err := Export(context.Background(), st, nil, ExportOptions{Format: format, Out: dir})
	if err != nil || len(rep.Failed)+len(rep.Kept) != 0 {
		t.Fatalf("export: %+v, %v", rep, err)
	}
}

func fileMode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// TestExportFilesArePrivate: an export holds the reader's notes, so the
// files it makes are the owner's alone (0600, as the library and its
// backups are), whatever the umask, where they were 0644; a file it
// replaces keeps the mode it has, where one made 0600 became 0644 again.
func TestExportFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	st := notedStore(t)
	mdFile := "undated-one-1.md"
	for _, tt := range []struct{ format, file string }{
		{"json", ExportJSONName},
		{"md", mdFile},
		{"md", manifestName},
	} {
		t.Run(tt.format+" "+tt.file, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tt.file)
			exportInto(t, st, tt.format, dir)
			if got := fileMode(t, path); got != 0o600 {
				t.Errorf("%s made %v, want -rw-------", tt.file, got)
			}
			for _, mode := range []fs.FileMode{0o640, 0o600, 0o644} {
				if err := os.Chmod(path, mode); err != nil {
					t.Fatal(err)
				}
				if tt.file == mdFile {
					// Changed, so that it is written again.
					if err := st.SetStarred(context.Background(), []int64{1}, mode != 0o600); err != nil {
						t.Fatal(err)
					}
				}
				before := readText(t, path)
				exportInto(t, st, tt.format, dir)
				if tt.file == mdFile && readText(t, path) == before {
					t.Fatalf("%s not written again", tt.file)
				}
				if got := fileMode(t, path); got != mode {
					t.Errorf("%s set to %v is %v after the export, want it kept", tt.file, mode, got)
				}
			}
		})
	}
}
