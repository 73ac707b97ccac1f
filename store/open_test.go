package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tidings/feeds"
)

// oldLibrary writes a library as a tidings of schema version v left it: the
// first v migrations' SQL (not their Go code, migrationCode, which has
// nothing to do in an empty library) and the version. The caller fills it
// through db and closes db before opening path with the store.
func oldLibrary(t *testing.T, v int) (path string, db *sql.DB) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "v"+strconv.Itoa(v)+".db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	execAll(t, db, migrations[:v]...)
	execAll(t, db, "PRAGMA user_version = "+strconv.Itoa(v))
	return path, db
}

// oldArticle is an article as an older tidings wrote its row, its notes'
// row and its full-text row: fts gives the text as that release gave it
// to FTS5.
type oldArticle struct{ title, body, note string }

// plantOld writes olds into an older library's db (oldLibrary), article
// n+1 with the external id "a"+(n+1), its full-text row made by fts.
func plantOld(t *testing.T, db *sql.DB, olds []oldArticle, fts func(string) string) {
	t.Helper()
	for i, o := range olds {
		id := i + 1
		key := int64(id)<<37 | int64(id)
		if _, err := db.Exec(`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (?, ?, ?, ?, ?, 0, 0)`,
			id, "a"+strconv.Itoa(id), key, o.title, o.body); err != nil {
			t.Fatal(err)
		}
		if o.note != "" {
			if _, err := db.Exec(`INSERT INTO annotations(article_id, note, created, updated) VALUES (?, ?, 0, 0)`, id, o.note); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Exec(`INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`,
			key, fts(o.title), fts(o.body), fts(o.note)); err != nil {
			t.Fatal(err)
		}
	}
}

// upgrade closes db, the older library at path, and opens it as a store,
// which brings it up to date; the store is closed when the test ends.
func upgrade(t *testing.T, path string, db *sql.DB) *Store {
	t.Helper()
	db.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// execAll runs statements in db.
func execAll(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// openTemp opens a new library in a temporary folder.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "library.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesPrivateLibrary(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "tidings")
	path := filepath.Join(dir, "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path || s.ReadOnly() {
		t.Errorf("Path() = %q, ReadOnly() = %v", s.Path(), s.ReadOnly())
	}
	for name, want := range map[string]fs.FileMode{dir: 0o700 | fs.ModeDir, path: 0o600} {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode() != want {
			t.Errorf("%s: mode %v, want %v", name, info.Mode(), want)
		}
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk, timeout int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if err := s.db.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != busyTimeout {
		t.Errorf("busy_timeout = %d, %v", timeout, err)
	}
	if v := userVersion(t, path); v != len(migrations) {
		t.Errorf("user_version = %d, want %d", v, len(migrations))
	}
}

func TestOpenEmptyFileCreatesLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.Total(context.Background()); err != nil || n != 0 {
		t.Errorf("Total = %d, %v", n, err)
	}
}

func TestOpenMigratesFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		migrations[0],
		"PRAGMA user_version = 1",
		`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (1, 'x1', 1, 'Old one', 'Kept across the upgrade', 0, 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	var told [][2]int
	s, err := Open(path, Options{Upgrading: func(from, to int) { told = append(told, [2]int{from, to}) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if want := [][2]int{{1, len(migrations)}}; !slices.Equal(told, want) {
		t.Errorf("Upgrading was told %v, want %v", told, want)
	}
	if v := userVersion(t, path); v != len(migrations) {
		t.Errorf("user_version = %d, want %d", v, len(migrations))
	}
	a, err := s.ArticleByExternalID(context.Background(), "x1")
	if err != nil || a.Title != "Old one" {
		t.Errorf("article after upgrade: %+v, %v", a, err)
	}
	// The index the upgrade created works for new articles.
	importAll(t, s, art("x2", "2024-03-05", "Upgraded libraries search their new articles"))
	if n, err := s.Count(context.Background(), "upgraded"); err != nil || n != 1 {
		t.Errorf("Count(upgraded) = %d, %v", n, err)
	}
}

func TestOpenRefusesNewerLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newer.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := readFile(t, path)

	for _, ro := range []bool{false, true} {
		_, err = Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNewerLibrary) {
			t.Fatalf("read-only %v: err = %v, want ErrNewerLibrary", ro, err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name the library", err)
		}
	}
	if userVersion(t, path) != 99 || readFile(t, path) != before {
		t.Error("the newer library was changed")
	}
}

func TestOpenRefusesWhatIsNotALibrary(t *testing.T) {
	tests := map[string]func(path string) error{
		"text file": func(path string) error {
			return os.WriteFile(path, []byte("date 2024-03-05 (MENAFN) not a database at all\n"), 0o644)
		},
		"short file": func(path string) error { return os.WriteFile(path, []byte("SQL"), 0o644) },
		"another program's database": func(path string) error {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x')")
			return err
		},
		"folder": func(path string) error { return os.Mkdir(path, 0o700) },
	}
	// Programs that keep their own schema version in user_version, which a
	// library's is read from.
	for _, v := range []int{1, 5, len(migrations), 74} { // 74: one past any tidings
		tests[fmt.Sprintf("another program's database, version %d", v)] = func(path string) error {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(fmt.Sprintf("CREATE TABLE settings (k, v); INSERT INTO settings VALUES ('a', 1); PRAGMA user_version = %d", v))
			return err
		}
	}
	tests["a program with its own articles table"] = func(path string) error {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT); PRAGMA user_version = 3")
		return err
	}
	for name, setup := range tests {
		for _, ro := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, read-only %v", name, ro), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "library.db")
				if err := setup(path); err != nil {
					t.Fatal(err)
				}
				before := readFile(t, path)
				_, err := Open(path, Options{ReadOnly: ro})
				if !errors.Is(err, ErrNotLibrary) {
					t.Fatalf("err = %v, want ErrNotLibrary", err)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("error %q does not name the file", err)
				}
				if after := readFile(t, path); after != before {
					t.Error("the file was changed")
				}
				if _, err := os.Stat(path + "-wal"); err == nil {
					t.Error("a -wal file was left beside it")
				}
			})
		}
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, w, art("ro1", "2024-03-05", "Read-only readers can still read"))
	ids := idsOf(t, w, "")
	w.Close()

	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if n, err := s.Count(ctx, "readers"); err != nil || n != 1 {
		t.Errorf("Count = %d, %v", n, err)
	}
	writes := map[string]func() error{
		"Import": func() error {
			_, err := s.Import(ctx, []feeds.Article{art("ro2", "2024-03-06", "Refused")})
			return err
		},
		"SetRead":       func() error { return s.SetRead(ctx, ids, true) },
		"SetStarred":    func() error { return s.SetStarred(ctx, ids, true) },
		"Retitle":       func() error { return s.Retitle(ctx, ids[0], "New") },
		"Tag":           func() error { return s.Tag(ctx, ids, []string{"x"}, nil) },
		"TagQuery":      func() error { _, err := s.TagQuery(ctx, "", []string{"x"}, nil); return err },
		"SetTagColor":   func() error { return s.SetTagColor(ctx, "x", "red") },
		"AddAnnotation": func() error { _, err := s.AddAnnotation(ctx, Annotation{ArticleID: ids[0], Note: "n"}); return err },
		"SaveSearch":    func() error { return s.SaveSearch(ctx, "n", "q") },
		"AddRule":       func() error { _, err := s.AddRule(ctx, "q", []string{"x"}); return err },
		"AddFeed":       func() error { _, err := s.AddFeed(ctx, Feed{URL: "https://example.com/feed"}); return err },
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: err = %v, want ErrReadOnly", name, err)
		}
	}
	// Even SQL that gets past the checks cannot write.
	if _, err := s.db.Exec("UPDATE articles SET starred = 1"); err == nil {
		t.Error("the read-only connection wrote")
	}

	if _, err := Open(filepath.Join(t.TempDir(), "missing.db"), Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only open of a missing library: %v, want ErrNotExist", err)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(empty, Options{ReadOnly: true}); !errors.Is(err, ErrNotLibrary) {
		t.Errorf("read-only open of an empty file: %v, want ErrNotLibrary", err)
	}
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// readFile returns a file's content, or a marker for a folder.
func readFile(t *testing.T, path string) string {
	t.Helper()
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return "<folder>"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A new library is created, not upgraded: nobody is told to wait.
func TestNewLibraryIsNotAnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	for range 2 {
		s, err := Open(path, Options{Upgrading: func(from, to int) { t.Errorf("Upgrading(%d, %d) for a current library", from, to) }})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

// TestReadOnlyInAFolderItCannotWrite: a library on read-only media or in
// another user's folder, where SQLite cannot make the -shm file a WAL
// library is read through, opens read-only and reads as it is, leaving no
// file beside it. (Tests run as root, whom a folder's mode does not stop,
// so the folder's answer is stood in for.)
func TestReadOnlyInAFolderItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, w, art("ro1", "2024-03-05", "Read from a shelf"))
	w.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if !walReadable(path) {
		t.Fatal("a temporary folder is not writable")
	}
	defer func(f func(string) bool) { walReadable = f }(walReadable)
	walReadable = func(string) bool { return false }

	if _, err := Open(path, Options{}); !errors.Is(err, ErrNotWritable) || !strings.Contains(err.Error(), "can still be opened read-only (--read-only)") {
		t.Errorf("opening it for writing: %v", err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(context.Background(), "shelf"); err != nil || n != 1 {
		t.Errorf("Count(shelf) = %d, %v", n, err)
	}
	s.Close()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want the library alone", names)
	}
}

// TestOpenAfterReadOnly: a library read while its file was read-only
// leaves a -shm file without write permission; once the library is
// writable again, writing works.
func TestOpenAfterReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, s, art("a", "2024-03-05", "First"))
	s.Close()
	// What a read by another tidings leaves while the library was 0400.
	if err := os.WriteFile(path+"-shm", make([]byte, 32768), 0o400); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path+"-shm", 0o400); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	importAll(t, s, art("b", "2024-03-06", "Second"))
	info, err := os.Stat(path + "-shm")
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("-shm is %v, want the library's 0600", perm)
	}
}

// TestOpenDamagedLibrary: a damaged library is called damaged, with the
// way to save what is left, not only SQLite's "malformed".
func TestOpenDamagedLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		importAll(t, s, art(fmt.Sprintf("a%d", i), "2024-03-05", strings.Repeat("words of an article ", 200)))
	}
	s.Close()
	data := readFile(t, path)
	// Keep the header and the first pages, losing the rest.
	if err := os.WriteFile(path, []byte(data[:len(data)/3]), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	s, err = Open(path, Options{})
	if err == nil {
		_, err = s.Count(context.Background(), "")
		s.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "damaged") && !strings.Contains(err.Error(), "malformed") {
		t.Fatalf("err = %v, want the library called damaged", err)
	}
	if strings.Contains(err.Error(), "malformed") && !strings.Contains(err.Error(), "the library is damaged") {
		t.Errorf("err = %v: says malformed without saying what to do", err)
	}
}
