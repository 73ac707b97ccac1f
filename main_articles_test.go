package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoteAndRetitleConfirm: note and retitle say what they did, as tag
// and read do.
func TestNoteAndRetitleConfirm(t *testing.T) {
	lib := importThree(t)
	if r := run(t, lib, "note", "2", "check", "the", "fares"); r.code != 0 || r.stdout != "Added a note to article 2.\n" {
		t.Errorf("note: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
	if r := run(t, lib, "retitle", "02", "My", "own", "title"); r.code != 0 || r.stdout != "Retitled article 2: My own title\n" {
		t.Errorf("retitle: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
	if r := run(t, lib, "search", "title:own"); !strings.Contains(r.stdout, "My own title") {
		t.Errorf("the article was not retitled: %q", r.stdout)
	}
}

// TestArticlesByExternalID: every command that takes an article takes its
// external id too, as search --json writes it; a word that names no
// article says what ids are: a number or an external id that names none
// is a failure, after the others are done, and a word that is no id at
// all (nothing once cleaned) bad usage, before.
func TestArticlesByExternalID(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	records := writeFile(t, "a.jsonl",
		`{"external_id":"q1","title":"Ferry returns","published":"2024-03-05T10:00:00Z","body":"The ferry is back."}`+"\n"+
			`{"external_id":"2024-778","title":"Fares rise","published":"2024-03-04T10:00:00Z","body":"Fares rise."}`+"\n")
	if r := run(t, lib, "import", records); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	for _, tt := range []struct {
		args []string
		out  string
	}{
		{[]string{"tag", "q1", "2024-778", "+harbour"}, "Added #harbour to 2 articles\n"},
		{[]string{"read", "q1", "1"}, "Marked 1 article read.\n"},
		{[]string{"note", "2024-778", "why"}, "Added a note to article 2.\n"},
		{[]string{"retitle", "q1", "Ferry", "back"}, "Retitled article 1: Ferry back\n"},
	} {
		if r := run(t, lib, tt.args...); r.code != 0 || r.stdout != tt.out {
			t.Errorf("%q: exit %d, %q, %v; want %q", tt.args, r.code, r.stdout, r.err, tt.out)
		}
	}
	if r := run(t, lib, "show", "q1"); r.code != 0 || !strings.HasPrefix(r.stdout, "# Ferry back\n") {
		t.Errorf("show q1: exit %d, %q, %v", r.code, r.stdout, r.err)
	}

	const hint = "(ids are the numbers tidings search lists, or the external_id search --json writes)"
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"show", "999"}, exitFailed, "no article 999 " + hint},
		{[]string{"show", "q9"}, exitFailed, `no article "q9" ` + hint},
		{[]string{"show", "\x1b[2J"}, exitUsage, `"\x1b[2J" is neither an article's id nor its external id ` + hint},
		{[]string{"note", "q9", "x"}, exitFailed, `no article "q9" ` + hint},
		{[]string{"retitle", "999", "x"}, exitFailed, "no article 999 " + hint},
		{[]string{"read", "--unread", "q1", "999", "0999"}, exitFailed, "no article 999 " + hint},
		{[]string{"read", "q1", "q9"}, exitFailed, `no article "q9" ` + hint},
		{[]string{"tag", "q1", "999", "+kept"}, exitFailed, "no article 999; the others were tagged " + hint},
		{[]string{"tag", "q1", "q9", "+found"}, exitFailed, `no article "q9"; the others were tagged ` + hint},
		{[]string{"tag", "q1", "\x1b[2J", "+lost"}, exitUsage, `"\x1b[2J" is neither an article nor +tag / -tag ` + hint},
	} {
		r := run(t, lib, tt.args...)
		if r.code != tt.code || r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
			t.Errorf("%q: exit %d, %v; want exit %d and %q", tt.args, r.code, r.err, tt.code, tt.want)
		}
	}
	for query, want := range map[string]string{"tag:kept": "1\n", "tag:found": "1\n", "tag:lost": "0\n", "is:unread": "1\n"} {
		if r := run(t, lib, "search", "--count", query); r.stdout != want {
			t.Errorf("search --count %s: %q, want %q", query, r.stdout, want)
		}
	}
}

// TestNoIDWithoutLibrary: without a library, a word that is not a number
// names no article, as an external id of none: said before a library is
// created.
func TestNoIDWithoutLibrary(t *testing.T) {
	for _, args := range [][]string{{"show", "abc"}, {"tag", "abc", "+x"}, {"read", "abc"}, {"note", "abc", "x"}, {"retitle", "abc", "x"}} {
		lib := filepath.Join(t.TempDir(), "library.db")
		if r := run(t, lib, args...); r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), `no article "abc"`) {
			t.Errorf("%q: exit %d, %v; want exit 1, no article", args, r.code, r.err)
		}
		if _, err := os.Stat(lib); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%q created the library (%v)", args, err)
		}
	}
}
