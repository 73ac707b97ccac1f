package feeds

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// makeTree creates under dir the files (path -> content) and then the
// symbolic links (path -> target, as written) of a test.
func makeTree(t *testing.T, dir string, files, links map[string]string) {
	t.Helper()
	writeTree(t, dir, files)
	for name, target := range links {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
}

// walkAll walks roots (relative to dir) with one Walker and describes what
// it finds, one line each, with dir left out.
func walkAll(t *testing.T, dir string, roots ...string) []string {
	t.Helper()
	var got []string
	var w Walker
	for _, root := range roots {
		err := w.Walk(filepath.Join(dir, root), func(f Found) error {
			rel, err := filepath.Rel(dir, f.Path)
			if err != nil {
				t.Fatal(err)
			}
			short := strings.NewReplacer(dir+string(filepath.Separator), "", dir, "<dir>").Replace
			switch {
			case f.Err != nil:
				got = append(got, rel+" ERR "+short(f.Err.Error()))
			case f.Skip != "":
				got = append(got, rel+" SKIP "+short(f.Skip))
			default:
				got = append(got, rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return got
}

func TestWalkerFollowsLinks(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		links map[string]string
		roots []string
		want  []string
	}{
		"a linked folder as the root": {
			files: map[string]string{"real/a.txt": "A", "real/sub/b.txt": "B"},
			links: map[string]string{"link": "real"},
			roots: []string{"link"},
			want:  []string{"link/a.txt", "link/sub/b.txt"},
		},
		"links inside to a file and to a folder outside": {
			files: map[string]string{"in/a.txt": "A", "out/f.md": "F", "out/d/g.md": "G"},
			links: map[string]string{"in/file.md": "../out/f.md", "in/folder": "../out/d"},
			roots: []string{"in"},
			want:  []string{"in/a.txt", "in/file.md", "in/folder/g.md"},
		},
		"an absolute link": {
			files: map[string]string{"in/a.txt": "A", "out/g.md": "G"},
			links: map[string]string{"in/abs": "<dir>/out"},
			roots: []string{"in"},
			want:  []string{"in/a.txt", "in/abs/g.md"},
		},
		"a chain of links": {
			files: map[string]string{"in/a.txt": "A", "out/g.md": "G"},
			links: map[string]string{"in/one": "two", "in/two": "../out"},
			roots: []string{"in"},
			want:  []string{"in/a.txt", "in/one/g.md", "in/two SKIP the same folder as \"in/one\", read once"},
		},
		"dangling links": {
			files: map[string]string{"in/a.txt": "A"},
			links: map[string]string{"in/gone.md": "nowhere.md", "in/gone-dir": "../nowhere"},
			roots: []string{"in"},
			want: []string{
				"in/a.txt",
				`in/gone-dir ERR dangling symbolic link: "../nowhere" does not exist`,
				`in/gone.md ERR dangling symbolic link: "nowhere.md" does not exist`,
			},
		},
		"a dangling link as the root": {
			links: map[string]string{"gone": "nowhere"},
			roots: []string{"gone"},
			want:  []string{`gone ERR dangling symbolic link: "nowhere" does not exist`},
		},
		"a link back up the tree": {
			files: map[string]string{"in/a.txt": "A", "in/sub/b.txt": "B"},
			links: map[string]string{"in/sub/up": "..", "in/sub/self": "."},
			roots: []string{"in"},
			want: []string{
				"in/a.txt",
				"in/sub/b.txt",
				`in/sub/self ERR symbolic link to "." loops back to in/sub`,
				`in/sub/up ERR symbolic link to ".." loops back to in`,
			},
		},
		"a link to a folder above the root": {
			files: map[string]string{"in/a.txt": "A", "b.txt": "B"},
			links: map[string]string{"in/up": ".."},
			roots: []string{"in"},
			want:  []string{"in/a.txt", `in/up ERR symbolic link to ".." loops back to <dir>`},
		},
		"a link to a sibling's child is not a loop": {
			files: map[string]string{"in/a/x/1.txt": "1", "in/b/2.txt": "2"},
			links: map[string]string{"in/b/to-x": "../a/x"},
			roots: []string{"in"},
			want:  []string{"in/a/x/1.txt", "in/b/2.txt", `in/b/to-x SKIP the same folder as "in/a/x", read once`},
		},
		"a link to a folder read later": {
			files: map[string]string{"in/z/1.txt": "1"},
			links: map[string]string{"in/a": "z"},
			roots: []string{"in"},
			want:  []string{"in/a/1.txt", `in/z SKIP the same folder as "in/a", read once`},
		},
		"a loop through a linked root": {
			files: map[string]string{"real/a.txt": "A"},
			links: map[string]string{"link": "real", "real/back": "../link"},
			roots: []string{"link"},
			want:  []string{"link/a.txt", `link/back ERR symbolic link to "../link" loops back to link`},
		},
		"a loop of links": {
			files: map[string]string{"in/a.txt": "A"},
			links: map[string]string{"in/me": "me", "in/ping": "pong", "in/pong": "ping"},
			roots: []string{"in"},
			want: []string{
				"in/a.txt",
				`in/me ERR symbolic link to "me" loops (too many levels of links)`,
				`in/ping ERR symbolic link to "pong" loops (too many levels of links)`,
				`in/pong ERR symbolic link to "ping" loops (too many levels of links)`,
			},
		},
		"two ways to one folder": {
			files: map[string]string{"in/2024-05/a.txt": "A"},
			links: map[string]string{"in/latest": "2024-05"},
			roots: []string{"in"},
			want:  []string{"in/2024-05/a.txt", `in/latest SKIP the same folder as "in/2024-05", read once`},
		},
		"a folder named twice": {
			files: map[string]string{"in/sub/a.txt": "A", "in/b.txt": "B"},
			roots: []string{"in", "in/sub"},
			want:  []string{"in/b.txt", "in/sub/a.txt", `in/sub SKIP the same folder as "in/sub", read once`},
		},
		"hidden links are skipped, links to hidden things followed": {
			files: map[string]string{"in/.hid/a.txt": "A", "in/.b.txt": "B"},
			links: map[string]string{"in/.link": ".hid", "in/shown": ".hid", "in/shown.txt": ".b.txt"},
			roots: []string{"in"},
			want:  []string{"in/shown/a.txt", "in/shown.txt"},
		},
		"a linked file as the root": {
			files: map[string]string{"real.txt": "A"},
			links: map[string]string{"link.txt": "real.txt"},
			roots: []string{"link.txt"},
			want:  []string{"link.txt"},
		},
		"a missing root": {
			roots: []string{"missing"},
			want:  []string{"missing ERR no such file or directory"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			links := map[string]string{}
			for k, v := range tc.links {
				links[k] = strings.ReplaceAll(v, "<dir>", dir)
			}
			makeTree(t, dir, tc.files, links)
			got := walkAll(t, dir, tc.roots...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("walked\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestWalkerErrors: what makes a link fail is told by errors.Is.
func TestWalkerErrors(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, dir, nil, map[string]string{"in/gone": "nowhere", "in/me": "me", "in/up": ".."})
	want := map[string]error{"gone": ErrDanglingLink, "me": ErrLinkLoop, "up": ErrLinkLoop}
	var w Walker
	err := w.Walk(filepath.Join(dir, "in"), func(f Found) error {
		name := filepath.Base(f.Path)
		if _, ok := errors.AsType[*LinkError](f.Err); !ok || !errors.Is(f.Err, want[name]) {
			t.Errorf("%s: error %v, want a LinkError for %v", name, f.Err, want[name])
		}
		delete(want, name)
		return nil
	})
	if err != nil || len(want) != 0 {
		t.Errorf("err %v, not found: %v", err, want)
	}
}

func TestWalkerStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, dir, map[string]string{"in/a.txt": "A", "in/d/b.txt": "B", "in/d/c.txt": "C"}, map[string]string{"in/e": "d"})
	stop := errors.New("stop")
	n := 0
	var w Walker
	err := w.Walk(filepath.Join(dir, "in"), func(Found) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("err %v after %d calls", err, n)
	}
}

// TestWalkerSkipsWhatIsNotAnArticle: in a folder, files that are plainly not
// articles (by their names) are skipped, not read, and the folder's walk
// ends saying how many and of which kinds; a file named as the root is
// read whatever it is.
func TestWalkerSkipsWhatIsNotAnArticle(t *testing.T) {
	tests := map[string]struct {
		files map[string]string
		links map[string]string
		roots []string
		want  []string
	}{
		"an Obsidian vault": {
			files: map[string]string{
				"vault/Daily/2024-03-05.md":              "# Day",
				"vault/Projects/Taurus.md":               "# Taurus",
				"vault/Projects/Board.canvas":            `{"nodes":[]}`,
				"vault/Projects/Sketch.excalidraw.md":    "---\nexcalidraw-plugin: parsed\n---\n",
				"vault/attachments/diagram.png":          "\x89PNG",
				"vault/attachments/Photo 1.JPEG":         "\xff\xd8\xff",
				"vault/attachments/paper.pdf":            "%PDF-1.7",
				"vault/attachments/talk.m4a":             "",
				"vault/.obsidian/app.json":               "{}",
				"vault/.obsidian/workspace.md":           "# Hidden",
				"vault/.trash/old.md":                    "# Thrown away",
				"vault/.DS_Store":                        "\x00\x00",
				"vault/Projects/.git/COMMIT_EDITMSG.txt": "Hidden",
			},
			roots: []string{"vault"},
			want: []string{
				"vault/Daily/2024-03-05.md",
				"vault/Projects/Taurus.md",
				"vault SKIP skipped 6 files that are not articles (images, PDFs, audio files, Obsidian canvases, …)",
			},
		},
		"a page saved complete": {
			files: map[string]string{
				"pages/saved-page.html":                "<html>",
				"pages/saved-page_files/app.js":        "x",
				"pages/saved-page_files/style.css":     "x",
				"pages/saved-page_files/logo.png":      "x",
				"pages/saved-page_files/ad-frame.html": "<html>",
				"pages/saved-page_files/fonts/a.woff2": "x",
				"pages/other.htm":                      "<html>",
				"pages/other_files/frame.htm":          "<html>",
				"pages/orphan_files/notes.html":        "<html>",
				"pages/orphan_files/orphan.js":         "x",
				"pages/font.WOFF":                      "x",
				"pages/sheet.xsl":                      "<?xml",
				"pages/bundle.mjs":                     "x",
			},
			roots: []string{"pages"},
			want: []string{
				"pages/orphan_files/notes.html",
				"pages/other.htm",
				"pages/saved-page.html",
				"pages SKIP skipped 10 files that are not articles (saved pages' files, scripts, fonts, style sheets)",
			},
		},
		"a library inside, whatever its name": {
			files: map[string]string{
				"in/a.txt":          "A",
				"in/lib.db":         "SQLite format 3\x00",
				"in/lib.db-wal":     "",
				"in/lib.db-shm":     "",
				"in/lib.db-journal": "",
				"in/news":           "SQLite format 3\x00",
				"in/news-wal":       "",
				"in/news-shm":       "",
				"in/cache.sqlite3":  "SQLite format 3\x00",
				"in/travel":         "Not a database",
				"in/travel-journal": "Not one either",
				"in/notes-wal":      "No notes beside it",
			},
			roots: []string{"in"},
			want: []string{
				"in/a.txt",
				"in/notes-wal",
				"in/travel",
				"in/travel-journal",
				"in SKIP skipped 8 files that are not articles (databases)",
			},
		},
		"one file": {
			files: map[string]string{"in/a.md": "A", "in/b.zip": "PK"},
			roots: []string{"in"},
			want:  []string{"in/a.md", "in SKIP skipped 1 file that is not an article (an archive)"},
		},
		"nothing to skip": {
			files: map[string]string{"in/a.md": "A", "in/b.html": "<p>", "in/c.json": "{}", "in/d.xml": "<rss>", "in/e": "E"},
			roots: []string{"in"},
			want:  []string{"in/a.md", "in/b.html", "in/c.json", "in/d.xml", "in/e"},
		},
		"named as roots, files are read": {
			files: map[string]string{"in/paper.pdf": "%PDF", "in/lib.db": "SQLite", "in/lib.db-wal": "", "in/x_files/a.js": "x", "in/x.html": "<p>"},
			roots: []string{"in/paper.pdf", "in/lib.db-wal", "in/x_files"},
			want:  []string{"in/paper.pdf", "in/lib.db-wal", "in/x_files SKIP skipped 1 file that is not an article (a script)"},
		},
		"links by their own names": {
			files: map[string]string{"in/a.md": "A", "out/photo.md": "not a photo", "out/text.png": "x", "out/d/b.md": "B"},
			links: map[string]string{"in/photo.png": "../out/photo.md", "in/text.md": "../out/text.png", "in/d.png": "../out/d"},
			roots: []string{"in"},
			want:  []string{"in/a.md", "in/d.png/b.md", "in/text.md", "in SKIP skipped 1 file that is not an article (an image)"},
		},
		"each root says its own": {
			files: map[string]string{"a/1.png": "x", "a/2.md": "2", "b/3.pdf": "x", "b/4.pdf": "x"},
			roots: []string{"a", "b"},
			want: []string{
				"a/2.md",
				"a SKIP skipped 1 file that is not an article (an image)",
				"b SKIP skipped 2 files that are not articles (PDFs)",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			makeTree(t, dir, tc.files, tc.links)
			got := walkAll(t, dir, tc.roots...)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("walked\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestWalkerCountsNotArticles: the Found that ends a folder's walk counts
// what it skipped, for a caller that sums them.
func TestWalkerCountsNotArticles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"in/a.md": "A", "in/b.png": "x", "in/c/d.mp4": "x", "in/p.html": "<p>", "in/p_files/x.js": "x", "in/p_files/y.css": "x"})
	var w Walker
	n := 0
	err := w.Walk(filepath.Join(dir, "in"), func(f Found) error {
		if f.NotArticles > 0 && (f.Skip == "" || f.Path != filepath.Join(dir, "in")) {
			t.Errorf("%+v", f)
		}
		n += f.NotArticles
		return nil
	})
	if err != nil || n != 4 {
		t.Errorf("err %v, %d skipped, want 4", err, n)
	}
}
