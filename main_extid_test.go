package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// importNumericExternal imports three articles whose external ids are a, b
// and 1 (numbers 1, 2, 3): the third's external id is the first's number,
// as Markdown's id: 1 makes it.
func importNumericExternal(t *testing.T) string {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "library.db")
	f := writeFile(t, "in.jsonl",
		`{"external_id":"a","title":"Article A","source":"S","published":"2024-01-01T00:00:00Z","body":"alpha"}`+"\n"+
			`{"external_id":"b","title":"Article B","source":"S","published":"2024-01-02T00:00:00Z","body":"beta"}`+"\n"+
			`{"external_id":"1","title":"Gamma","source":"S","published":"2024-01-03T00:00:00Z","body":"gamma"}`+"\n")
	if r := run(t, lib, "import", f); r.code != 0 {
		t.Fatalf("import: exit %d, %v", r.code, r.err)
	}
	return lib
}

// TestNumberThatIsAnotherExternalID: a word that is one article's number
// and another's external id acts on neither: every command that takes
// articles refuses it as bad usage, before doing anything (delete too),
// naming both articles and how to name each; with --external it is the
// external id, and the other article is named by its own.
func TestNumberThatIsAnotherExternalID(t *testing.T) {
	lib := importNumericExternal(t)
	const both = `"1" is article 1's number (Article A) and article 3's external id (Gamma); ` +
		`--external reads ids as external ids only: --external 1 is article 3, --external a article 1`
	for _, args := range [][]string{
		{"tag", "+picked", "1"}, {"tag", "2", "1", "+picked"}, {"show", "1"}, {"read", "2", "1"},
		{"note", "1", "a note"}, {"retitle", "1", "New"}, {"delete", "--yes", "2", "1"},
	} {
		r := run(t, lib, args...)
		if r.code != exitUsage || r.err == nil || r.err.Error() != both || r.stdout != "" {
			t.Errorf("%q: exit %d, %q, %v; want exit %d and\n%s", args, r.code, r.stdout, r.err, exitUsage, both)
		}
	}
	count := func(q string) string { return strings.TrimSpace(run(t, lib, "search", "--count", q).stdout) }
	if got := count("tag:picked OR is:read OR is:annotated OR title:new"); got != "0" {
		t.Errorf("%s articles changed by the refused commands, want 0", got)
	}
	if got := count(""); got != "3" {
		t.Fatalf("%s articles after the refused delete, want 3", got)
	}

	for _, tt := range []struct {
		args []string
		out  string
	}{
		{[]string{"tag", "--external", "+picked", "1"}, "Added #picked to 1 article\n"},
		{[]string{"tag", "a", "+first", "--external"}, "Added #first to 1 article\n"},
		{[]string{"read", "--external", "1"}, "Marked 1 article read.\n"},
		{[]string{"note", "--external", "1", "why"}, "Added a note to article 3.\n"},
		{[]string{"retitle", "1", "--external", "Gamma", "again"}, "Retitled article 3: Gamma again\n"},
		{[]string{"tag", "2", "+second"}, "Added #second to 1 article\n"}, // no article's external id is 2
	} {
		if r := run(t, lib, tt.args...); r.code != 0 || r.stdout != tt.out {
			t.Errorf("%q: exit %d, %q, %v; want %q", tt.args, r.code, r.stdout, r.err, tt.out)
		}
	}
	if r := run(t, lib, "show", "--external", "1"); r.code != 0 || !strings.HasPrefix(r.stdout, "# Gamma again\n") {
		t.Errorf("show --external 1: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
	for q, want := range map[string]string{"tag:picked title:gamma": "1", "tag:first title:\"article a\"": "1", "tag:second title:\"article b\"": "1"} {
		if got := count(q); got != want {
			t.Errorf("search %s: %s, want %s", q, got, want)
		}
	}
	// --external reads a number as an external id only: 2 is none.
	if r := run(t, lib, "show", "--external", "2"); r.code != exitFailed || r.err == nil || !strings.HasPrefix(r.err.Error(), `no article "2"`) {
		t.Errorf("show --external 2: exit %d, %v; want no article \"2\"", r.code, r.err)
	}
	r := run(t, lib, "delete", "--yes", "--external", "1", "a")
	if r.code != 0 || !strings.Contains(r.stdout, "Deleted 2 articles") {
		t.Errorf("delete --external 1 a: exit %d, %q, %v", r.code, r.stdout, r.err)
	}
	if r := run(t, lib, "search", ""); !strings.Contains(r.stdout, "Article B") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("after deleting 3 and 1: %q, want Article B alone", r.stdout)
	}
}

// TestMissingExternalIDFailsAsANumberDoes: an external id that names no
// article (one deleted since) is a failure, exit 1, after the others are
// done, as a number that names none is; it is named as it was given.
func TestMissingExternalIDFailsAsANumberDoes(t *testing.T) {
	lib := importNumericExternal(t)
	if r := run(t, lib, "delete", "--yes", "b"); r.code != 0 {
		t.Fatalf("delete b: exit %d, %v", r.code, r.err)
	}
	const hint = " (ids are the numbers tidings search lists, or the external_id search --json writes)"
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"tag", "b", "a", "+t1"}, `no article "b"; the others were tagged` + hint},
		{[]string{"tag", "+t2", "b", "a"}, `no article "b"; the others were tagged` + hint},
		{[]string{"tag", "2", "a", "+t3"}, `no article 2; the others were tagged` + hint},
		{[]string{"read", "a", "b", "b", "zz"}, `no article "b", "zz"` + hint},
		{[]string{"show", "b"}, `no article "b"` + hint},
		{[]string{"note", "b", "x"}, `no article "b"` + hint},
		{[]string{"retitle", "b", "x"}, `no article "b"` + hint},
		{[]string{"tag", "--external", "a", "2", "+t4"}, `no article "2"; the others were tagged` + hint},
	} {
		r := run(t, lib, tt.args...)
		if r.code != exitFailed || r.err == nil || r.err.Error() != tt.err {
			t.Errorf("%q: exit %d, %v; want exit 1 and %s", tt.args, r.code, r.err, tt.err)
		}
	}
	r := run(t, lib, "tags")
	if want := "t1  1\nt2  1\nt3  1\nt4  1\n"; r.stdout != want {
		t.Errorf("tags %q, want %q: the article there is tagged whatever names the missing one", r.stdout, want)
	}
	r = run(t, lib, "delete", "--yes", "b", "a")
	if want := `no article "b"; the others were deleted`; r.code != exitFailed || r.err == nil || r.err.Error() != want {
		t.Errorf("delete b a: exit %d, %v; want exit 1 and %s", r.code, r.err, want)
	}
	r = run(t, lib, "search", "--json", "")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, `"title":"Gamma"`) {
		t.Errorf("left after delete b a: %q", r.stdout)
	}
}

// TestTagRestOfTagRefused: a word that names no article right after the
// tags that follow the articles is the rest of a tag the shell split at a
// space: refused as bad usage before anything is tagged.
func TestTagRestOfTagRefused(t *testing.T) {
	lib := importThree(t)
	r := run(t, lib, "tag", "1", "+Long", "Read")
	want := `"Read" is neither an article nor +tag / -tag; a tag with a space is one argument: '+Long Read'`
	if r.code != exitUsage || r.err == nil || r.err.Error() != want {
		t.Errorf("tag 1 +Long Read: exit %d, %v; want %s", r.code, r.err, want)
	}
	if r := run(t, lib, "search", "--count", "tag:long"); r.stdout != "0\n" {
		t.Errorf("tag:long on %q articles, want 0", r.stdout)
	}
}
