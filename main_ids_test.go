package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// importThree imports three unread articles, ids 1 to 3, into a new
// library and returns its path.
func importThree(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, f := range []string{
		writeFile(t, "a.md", "---\ntitle: Ferry returns\ntags: [h]\n---\n\nThe ferry is back.\n"),
		writeFile(t, "b.md", "---\ntitle: Ferry fares\n---\n\nFares rise.\n"),
		writeFile(t, "c.md", "---\ntitle: Council meets\n---\n\nThe council met.\n"),
	} {
		if r := run(t, lib, "import", f); r.code != 0 {
			t.Fatalf("import: exit %d, %v", r.code, r.err)
		}
	}
	return lib
}

// TestReadCountsChanges: read by id counts, as read --query does, the
// articles whose state it changed, each once, and says so when none was.
func TestReadCountsChanges(t *testing.T) {
	lib := importThree(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"read", "1", "1", "1"}, "Marked 1 article read.\n"},
		{[]string{"read", "1", "2"}, "Marked 1 of 2 articles read (1 was already read).\n"},
		{[]string{"read", "01", "2"}, "2 articles were already read.\n"},
		{[]string{"read", "--query", "is:read"}, "2 articles were already read.\n"},
		{[]string{"read", "--query", "ferry OR council"}, "Marked 1 of 3 articles read (2 were already read).\n"},
		{[]string{"read", "--query", "nothing-matches-this"}, "No article matches: none marked read.\n"},
		{[]string{"read", "--unread", "1", "2"}, "Marked 2 articles unread.\n"},
		{[]string{"read", "--unread", "1", "2"}, "2 articles were already unread.\n"},
		{[]string{"read", "--unread", "--query", ""}, "Marked 1 of 3 articles unread (2 were already unread).\n"},
	} {
		if r := run(t, lib, tt.args...); r.code != 0 || r.stdout != tt.want {
			t.Errorf("%q: exit %d, %q; want %q (%v)", tt.args, r.code, r.stdout, tt.want, r.err)
		}
	}
}

// TestIDsReadAlike: every command that takes article ids reads them
// alike: 05 is article 5; +1 and 0x1 are no number, and name no article
// when no article has them for its external id.
func TestIDsReadAlike(t *testing.T) {
	lib := importThree(t)
	for _, args := range [][]string{
		{"show", "01"}, {"tag", "01", "+x"}, {"read", "01"}, {"note", "01", "a note"}, {"retitle", "01", "A title"},
	} {
		if r := run(t, lib, args...); r.code != 0 {
			t.Errorf("%q: exit %d, %v", args, r.code, r.err)
		}
	}
	for _, args := range [][]string{
		{"show", "+1"}, {"tag", "0x1", "+x"}, {"read", "+1"}, {"note", "1.0", "a note"}, {"retitle", " 1", "A title"},
	} {
		if r := run(t, lib, args...); r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), "no article \"") {
			t.Errorf("%q: exit %d, want %d and no article (%v)", args, r.code, exitFailed, r.err)
		}
	}
	if r := run(t, lib, "search", "--count", "tag:x"); r.stdout != "1\n" {
		t.Errorf("tag 01 +x tagged %q articles, want 1", r.stdout)
	}
}

// TestTagHelpAnywhere: --help and -h show the tag command's help wherever
// they are, as they do for every command; after -- a -h is the tag h.
func TestTagHelpAnywhere(t *testing.T) {
	lib := importThree(t)
	for _, args := range [][]string{
		{"tag", "--help"}, {"tag", "1", "--help"}, {"tag", "1", "+x", "--help"}, {"tag", "1", "+x", "-h"},
		{"tag", "--query", "ferry", "-h"}, {"tag", "-h", "1", "+x"},
	} {
		r := run(t, lib, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || !strings.Contains(r.stdout, "tag [ID...]") {
			t.Errorf("%q: exit %d, %v, printed\n%s", args, r.code, r.err, r.stdout)
		}
	}
	if r := run(t, lib, "search", "--count", "tag:x OR tag:h"); r.stdout != "1\n" {
		t.Errorf("asking for help changed tags: %q articles tagged x or h, want 1", r.stdout)
	}
	if r := run(t, lib, "tag", "1", "--", "-h"); r.code != 0 || !strings.Contains(r.stdout, "Removed #h from 1 article") {
		t.Errorf("tag 1 -- -h: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
}

// TestTagsJSON: tags --json is one object per tag, for scripts.
func TestTagsJSON(t *testing.T) {
	lib := importThree(t)
	if r := run(t, lib, "tag", "1", "2", "+Long Read"); r.code != 0 {
		t.Fatalf("tag: exit %d, %v", r.code, r.err)
	}
	want := `{"name":"h","count":1}` + "\n" + `{"name":"Long Read","count":2}` + "\n"
	if r := run(t, lib, "tags", "--json"); r.code != 0 || r.stdout != want {
		t.Errorf("tags --json: exit %d, %q; want %q", r.code, r.stdout, want)
	}
	if r := run(t, lib, "tags"); r.stdout != "h            1\n\"Long Read\"  2\n" {
		t.Errorf("tags: %q", r.stdout)
	}
}
