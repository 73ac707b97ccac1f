package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyNamesAreMisuse: a file, feed or tag named "" (a script's "$X"
// with X unset) is bad usage (exit 2) in every command that takes one,
// said before anything is done, naming what is empty, as backup "" and
// feed add "" say it: not a file that is not there (exit 1), nor a part of
// the work that failed while the rest was done.
func TestEmptyNamesAreMisuse(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\ndate: 2024-03-05\n---\n\nThe ferry is back.\n")
	if r := run(t, lib, "import", file); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	other := writeFile(t, "bridge.md", "---\ntitle: Bridge opens\ndate: 2024-03-06\n---\n\nThe bridge is open.\n")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"import", ""}, `a path to import is ""`},
		{[]string{"import", other, ""}, `a path to import is ""`},
		{[]string{"opml", "import", ""}, `the file to import subscriptions from is ""`},
		{[]string{"feed", "remove", ""}, `the feed to remove is ""`},
		{[]string{"feed", "rename", "", "Harbour"}, `the feed to rename is ""`},
		{[]string{"feed", "tag", "", "harbour"}, `the feed to tag is ""`},
		{[]string{"feed", "untag", "", "harbour"}, `the feed to untag is ""`},
		{[]string{"feed", "tag", "https://h.example/feed.xml", ""}, `a tag is ""`},
		{[]string{"feed", "untag", "https://h.example/feed.xml", "x", ""}, `a tag is ""`},
		{[]string{"feed", "add", "https://h.example/feed.xml", "--tag", ""}, `--tag "" names no tag`},
		{[]string{"rule", "add", "ferry", "--tag", "boats", "--tag", ""}, `--tag "" names no tag`},
		{[]string{"fetch", ""}, `a feed to fetch is ""`},
		{[]string{"fetch", "https://h.example/feed.xml", ""}, `a feed to fetch is ""`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := run(t, lib, tc.args...)
			if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), tc.says) {
				t.Errorf("exit %d, %v; want exit 2 and %q", r.code, r.err, tc.says)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	for _, check := range [][]string{{"search", "--count", ""}, {"feed", "list"}, {"rule", "list"}} {
		if r := run(t, lib, check...); r.stdout != map[string]string{"search": "1\n"}[check[0]] {
			t.Errorf("%v: %q; want the library as it was, the ferry alone", check, r.stdout)
		}
	}
}
