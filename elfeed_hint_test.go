package main

import (
	"strings"
	"testing"
)

// TestCommandsSayElfeedSyntaxIsWords: a query typed in elfeed's filter
// syntax, which tidings searches as words, is said to be so on stderr, with
// what tidings writes instead and where its terms are, by every command
// that reads a query from a person; the command does what it was asked,
// and exits as it would (a hint is no error). tidings' own -word says
// nothing.
func TestCommandsSayElfeedSyntaxIsWords(t *testing.T) {
	lib := t.TempDir() + "/library.db"
	a := writeFile(t, "a.md", "---\ntitle: Sponsored post about widgets\nsource: Blog\ndate: 2026-11-20\n---\nBuy widgets now.\n")
	b := writeFile(t, "b.md", "---\ntitle: Kernel news\nsource: LWN\ndate: 2026-11-21\n---\nThe merge window closed.\n")
	if r := run(t, lib, "import", a, b); r.code != 0 {
		t.Fatalf("import: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}
	const docs = "docs/QUERY.md"
	tests := []struct {
		args   []string
		hint   string // on stderr; "" for none
		stdout string // what the command writes, when it matters
	}{
		{[]string{"search", "--count", "+unread"}, "write is:unread for +unread", "0\n"},
		{[]string{"search", "--count", "--", "@6-months-ago +unread"}, "write since:6m for @6-months-ago, is:unread for +unread", "0\n"},
		{[]string{"search", "--count", "--query", "=LWN"}, "write source:LWN for =LWN", "0\n"},
		{[]string{"search", "--count", "~kern"}, "write -source:kern for ~kern", "0\n"},
		{[]string{"search", "--count", "--", "+unread -junk"}, "write is:unread for +unread, -tag:junk for -junk", "0\n"},
		{[]string{"search", "--count", "--", "-junk"}, "", "2\n"},
		{[]string{"search", "--count", "#20"}, "", "0\n"},
		{[]string{"tag", "--query", "+unread", "+later"}, "write is:unread for +unread", ""},
		{[]string{"read", "--query", "+unread"}, "write is:unread for +unread", ""},
		{[]string{"rule", "add", "+unread", "--tag", "x"}, "write is:unread for +unread", ""},
		{[]string{"export", "--format", "json", "--query", "+unread"}, "write is:unread for +unread", ""},
	}
	for _, tt := range tests {
		r := run(t, lib, tt.args...)
		if r.code != 0 {
			t.Errorf("%q: exit %d, %v\n%s", tt.args, r.code, r.err, r.stderr)
			continue
		}
		if tt.stdout != "" && r.stdout != tt.stdout {
			t.Errorf("%q: stdout %q, want %q", tt.args, r.stdout, tt.stdout)
		}
		switch {
		case tt.hint == "" && strings.Contains(r.stderr, "elfeed"):
			t.Errorf("%q: stderr says %q, want no hint", tt.args, r.stderr)
		case tt.hint != "":
			var line string
			for l := range strings.SplitSeq(r.stderr, "\n") {
				if strings.Contains(l, "elfeed") {
					line = l
				}
			}
			if !strings.Contains(line, tt.hint) || !strings.Contains(line, docs) || !strings.HasPrefix(line, "tidings: ") {
				t.Errorf("%q: stderr %q, want a line with %q and %s", tt.args, r.stderr, tt.hint, docs)
			}
		}
	}
}

// TestSearchHelpListsTheTerms: tidings search --help names every kind of
// term, briefly, and where they are told in full.
func TestSearchHelpListsTheTerms(t *testing.T) {
	r := run(t, t.TempDir()+"/library.db", "search", "--help")
	if r.code != 0 {
		t.Fatalf("search --help: exit %d, %v", r.code, r.err)
	}
	for _, term := range []string{`"a phrase"`, "wor*", "-word", "OR", "tag:x", "#x", "source:x", "feed:x", "title:x",
		"is:unread", "is:starred", "after:", "before:", "on:", "since:7d", "docs/QUERY.md"} {
		if !strings.Contains(r.stdout, term) {
			t.Errorf("search --help does not name %s:\n%s", term, r.stdout)
		}
	}
}
