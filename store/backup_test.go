package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBackup: a backup taken while the library is open, and while another
// connection holds a read across a write, is a library of one file with
// every article and every write committed before it, created 0600; taken
// again it replaces the first; it refuses to overwrite the library itself.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	arts := generated(50)
	importAll(t, s, arts...)
	all := idsOf(t, s, "")
	ids := all[:2]
	word := strings.Fields(arts[3].Title)[0]
	if err := s.Tag(ctx, ids, []string{"kept"}, nil); err != nil {
		t.Fatal(err)
	}
	// Another tidings reading meanwhile, as the reader does.
	other, err := Open(s.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	read, err := other.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer read.Rollback()
	var n int
	if err := read.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, ids[:1], true); err != nil {
		t.Fatal(err)
	}

	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	check := func(wantStarred []int64) {
		t.Helper()
		fi, err := os.Stat(dest)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
		}
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(dest + side); err == nil {
				t.Errorf("a %s file beside the backup: it is not one file", side)
			}
		}
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*.tmp"))
		if len(matches) > 0 {
			t.Errorf("temporary files left: %v", matches)
		}
		b, err := Open(dest, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if got := idsOf(t, b, ""); len(got) != 50 {
			t.Errorf("backup holds %d articles, want 50", len(got))
		}
		if got := idsOf(t, b, "tag:kept"); !sameIDs(got, ids) {
			t.Errorf("tag:kept in the backup is %v, want %v", got, ids)
		}
		if got := idsOf(t, b, "is:starred"); !sameIDs(got, wantStarred) {
			t.Errorf("is:starred in the backup is %v, want %v", got, wantStarred)
		}
		if got, want := idsOf(t, b, word), idsOf(t, s, word); len(want) == 0 || !sameIDs(got, want) {
			t.Errorf("the backup's full-text index finds %v for %q, the library %v", got, word, want)
		}
	}
	check(ids[:1])

	// Again, after more writes: the copy is replaced whole.
	if err := s.SetStarred(ctx, ids[1:], true); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	check(ids)

	if err := s.Backup(ctx, s.Path()); err == nil || !strings.Contains(err.Error(), "the library itself") {
		t.Errorf("a backup over the library: %v", err)
	}
	if got := idsOf(t, s, ""); len(got) != 50 {
		t.Errorf("the library holds %d articles after refusing, want 50", len(got))
	}
}

func sameIDs(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestBackupDestinations: a backup to the library's -wal or -shm file is
// refused, leaving both as they were; one to a symbolic link (a name kept on
// a backup disk) writes the file the link points to, dangling or not, and
// the link stays; one to a folder says to name a file in it.
func TestBackupDestinations(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, generated(5)...)
	if err := s.Tag(ctx, idsOf(t, s, "")[:1], []string{"kept"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		before, err := os.Stat(s.Path() + side)
		if err != nil {
			t.Fatalf("the open library has no %s file: %v", side, err)
		}
		err = s.Backup(ctx, s.Path()+side)
		if err == nil || !strings.Contains(err.Error(), "the library's "+side+" file") {
			t.Errorf("a backup to %s: %v", side, err)
		}
		after, err := os.Stat(s.Path() + side)
		if err != nil || !os.SameFile(before, after) {
			t.Errorf("the library's %s file was replaced (%v)", side, err)
		}
	}
	if got := idsOf(t, s, "tag:kept"); len(got) != 1 {
		t.Errorf("the library finds %v for tag:kept after the refusals", got)
	}

	disk := t.TempDir()
	names := t.TempDir()
	for _, tc := range []struct{ name, to string }{
		{"existing", filepath.Join(disk, "existing.db")},
		{"dangling", filepath.Join(disk, "new.db")},
		{"relative", "pointed-at.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "existing" {
				if err := os.WriteFile(tc.to, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			link := filepath.Join(names, tc.name+".db")
			if err := os.Symlink(tc.to, link); err != nil {
				t.Fatal(err)
			}
			if err := s.Backup(ctx, link); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v, %v", fi.Mode(), err)
			}
			to := tc.to
			if !filepath.IsAbs(to) {
				to = filepath.Join(names, to)
			}
			b, err := Open(to, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("the file the link points to: %v", err)
			}
			defer b.Close()
			if got := idsOf(t, b, "tag:kept"); len(got) != 1 {
				t.Errorf("the backup through the link finds %v for tag:kept", got)
			}
		})
	}
	if err := s.Backup(ctx, disk); err == nil || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("a backup to a folder: %v", err)
	}
}
