package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestManyMissingIDs: delete, read and tag given many ids that name no
// article act on those that do and then count the others, naming the first
// and the last, in one short line; a few they list.
func TestManyMissingIDs(t *testing.T) {
	missing := func(from, n int) []string {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = strconv.Itoa(from + i)
		}
		return ids
	}
	many := append([]string{"1", "01"}, missing(1000, 500)...)
	many = append(many, "1000", "01499") // named again: counted once
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"delete", append([]string{"delete", "--yes"}, many...), "500 ids name no article (1000, 1001, … 1499); the others were deleted"},
		{"read", append([]string{"read"}, many...), "500 ids name no article (1000, 1001, … 1499) ("},
		{"tag", append(append([]string{"tag"}, many...), "+x"), "500 ids name no article (1000, 1001, … 1499); the others were tagged ("},
		{"delete few", []string{"delete", "--yes", "2", "7", "9", "07"}, "no article 7, 9; the others were deleted"},
		{"read few", []string{"read", "2", "7", "9", "07"}, "no article 7, 9 ("},
		{"tag few", []string{"tag", "2", "7", "9", "07", "+x"}, "no article 7, 9; the others were tagged ("},
		{"delete none there", append([]string{"delete", "--yes"}, missing(1000, 11)...), "11 ids name no article (1000, 1001, … 1010)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lib := importThree(t)
			r := run(t, lib, tt.args...)
			if r.code != 1 || r.err == nil {
				t.Fatalf("exit %d, %v; want 1", r.code, r.err)
			}
			msg := r.err.Error()
			if !strings.HasPrefix(msg, tt.want) || strings.Contains(msg, "1250") {
				t.Errorf("error %q, want it to start %q", msg, tt.want)
			}
			if there := !strings.HasSuffix(tt.name, "none there"); (r.stdout != "") != there {
				t.Errorf("stdout %q; want what was done with the articles there: %v", r.stdout, there)
			}
		})
	}
}

// TestIDWithEscapes: an external id given with escape sequences in it
// names the article whose external id is what the library stored of it
// (the id cleaned), as show names it; one that names none is named in the
// error as it was given, escaped, and not as a cleaned word that might be
// an article's id. A word that is nothing once cleaned is no id at all.
func TestIDWithEscapes(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	f := writeFile(t, "a.jsonl", `{"external_id": "esc\u001b[31mid\u001b]0;pwn\u0007", "title": "Escaped", "source": "S", "body": "Body."}`+"\n"+
		`{"external_id": "plain", "title": "Plain", "source": "S", "body": "Other."}`+"\n")
	if r := run(t, lib, "import", f); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	const raw = "esc\x1b[31mid\x1b]0;pwn\a"
	for _, args := range [][]string{
		{"show", raw}, {"tag", raw, "+x"}, {"read", raw}, {"note", raw, "a note"},
	} {
		if r := run(t, lib, args...); r.code != 0 {
			t.Errorf("%q: exit %d, %v", args, r.code, r.err)
		}
	}
	if r := run(t, lib, "search", "--count", "tag:x is:read is:annotated"); r.stdout != "1\n" {
		t.Errorf("tag, read and note of the escaped id: %q articles, want 1", r.stdout)
	}
	for _, tt := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"delete", "--yes", "x\x1b[2Jplain"}, `no article "x\x1b[2Jplain"`, exitFailed},
		{[]string{"show", "1\x1b[m"}, `no article "1\x1b[m"`, exitFailed},
		{[]string{"tag", "pl\x1b[2Jain2", "+x"}, `no article "pl\x1b[2Jain2"`, exitFailed},
		{[]string{"delete", "--yes", "\x1b[2J\u200b"}, `"\x1b[2J\u200b" is neither an article's id nor its external id`, exitUsage},
		{[]string{"show", "\x1b[m"}, `"\x1b[m" is neither an article's id nor its external id`, exitUsage},
		{[]string{"tag", "\x1b[2J", "+x"}, `"\x1b[2J" is neither an article nor +tag / -tag`, exitUsage},
	} {
		r := run(t, lib, tt.args...)
		if r.code != tt.code || r.err == nil || !strings.HasPrefix(r.err.Error(), tt.want) {
			t.Errorf("%q: exit %d, %v; want %d, %s", tt.args, r.code, r.err, tt.code, tt.want)
		}
	}
	r := run(t, lib, "delete", "--yes", raw, "pla\x1b[31min")
	if r.code != 0 || !strings.Contains(r.stdout, "Deleted 2 articles") {
		t.Errorf("delete of both by their escaped ids: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
}
