package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFileNamedTwiceIsReadOnce: a file is read once however many paths
// lead to it, as a folder is, with a word for each other path, and not
// taken for an article that replaces itself; and an empty path (a script's
// "$FILE" with FILE unset) is named in its failure.
func TestFileNamedTwiceIsReadOnce(t *testing.T) {
	a := sampleArticle(1, "2024-03-05", "One.")
	b := sampleArticle(2, "2024-03-05", "Two.")
	tests := map[string]struct {
		files, links map[string]string
		paths        []string
		hardLink     [2]string // a second name made for a file, when set
		want         string
	}{
		"named twice": {
			files: map[string]string{"a.txt": a},
			paths: []string{"a.txt", "a.txt"},
			want: "1 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: a.txt: the same file as "a.txt", read once` + "\n",
		},
		"named twice, by two spellings": {
			files: map[string]string{"a.txt": a},
			paths: []string{"a.txt", "./a.txt"},
			want: "1 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: ./a.txt: the same file as "a.txt", read once` + "\n",
		},
		"in a folder named, and named": {
			files: map[string]string{"in/a.txt": a, "in/b.txt": b},
			paths: []string{"in", "in/b.txt"},
			want: "2 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: in/b.txt: the same file as "in/b.txt", read once` + "\n",
		},
		"named, and linked to in a folder named": {
			files: map[string]string{"a.txt": a, "in/b.txt": b},
			links: map[string]string{"in/a.txt": "../a.txt"},
			paths: []string{"a.txt", "in"},
			want: "2 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: in/a.txt: the same file as "a.txt", read once` + "\n",
		},
		"a second name of the file": {
			files:    map[string]string{"a.txt": a},
			hardLink: [2]string{"a.txt", "also-a.txt"},
			paths:    []string{"a.txt", "also-a.txt"},
			want: "1 added, 0 updated, 0 unchanged, 0 failed\n" +
				`warning: also-a.txt: the same file as "a.txt", read once` + "\n",
		},
		"an empty path": {
			files: map[string]string{"a.txt": a},
			paths: []string{"", "a.txt"},
			want: "1 added, 0 updated, 0 unchanged, 1 failed\n" +
				`failed: "": an empty name, which names no file or folder` + "\n",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := tree(t, tc.files, tc.links)
			if tc.hardLink[0] != "" {
				if err := os.Link(filepath.Join(dir, tc.hardLink[0]), filepath.Join(dir, tc.hardLink[1])); err != nil {
					t.Skipf("hard links: %v", err)
				}
			}
			_, got := importPaths(t, openStore(t), dir, tc.paths...)
			if got != tc.want {
				t.Errorf("summary\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
