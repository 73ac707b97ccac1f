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
