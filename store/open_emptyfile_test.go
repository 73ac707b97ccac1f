package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"tidings/feeds"
)

// An empty file at the library's path, as touch or mktemp leaves it, is
// made a library for writing with a new library's private mode, keeping
// none of the group's or others' permissions and adding none of the
// owner's; its -wal file takes the same mode. Opened read-only, it is
// refused and left as it was.
func TestOpenEmptyFileIsPrivate(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		mode, want fs.FileMode
	}{
		{0o644, 0o600}, // touch with the usual umask
		{0o666, 0o600},
		{0o640, 0o600},
		{0o600, 0o600}, // mktemp, or a tidings creating it meanwhile
		{0o755, 0o700},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "touched.db")
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.mode); err != nil {
				t.Fatal(err)
			}

			if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNotLibrary) {
				t.Errorf("read-only: %v, want ErrNotLibrary", err)
			}
			info, err := os.Stat(path)
			if err != nil || info.Size() != 0 || info.Mode().Perm() != tc.mode {
				t.Fatalf("after the read-only open: %v, %v; want %v, empty", info.Mode(), err, tc.mode)
			}

			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Import(ctx, []feeds.Article{art("e1", "2024-03-05", "Ferry returns")}); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{path, path + "-wal"} {
				info, err := os.Stat(name)
				if err != nil {
					t.Fatal(err)
				}
				if info.Mode().Perm() != tc.want {
					t.Errorf("%s: mode %v, want %v", filepath.Base(name), info.Mode().Perm(), tc.want)
				}
			}
			if v := userVersion(t, path); v != len(migrations) {
				t.Errorf("user_version = %d, want %d", v, len(migrations))
			}
		})
	}
}
