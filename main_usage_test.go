package main

import (
	"strings"
	"testing"
)

// TestSearchTakesQueryFlag: search takes its query as --query too, as the
// other commands that take a query do.
func TestSearchTakesQueryFlag(t *testing.T) {
	lib := importThree(t)
	want := run(t, lib, "search", "ferry").stdout
	if r := run(t, lib, "search", "--query", "ferry"); r.code != 0 || r.stdout != want || want == "" {
		t.Errorf("search --query ferry: exit %d, %q, %v; want %q", r.code, r.stdout, r.err, want)
	}
	if r := run(t, lib, "search", "--count", "--query", ""); r.stdout != "3\n" {
		t.Errorf("search --count --query '': %q, %v", r.stdout, r.err)
	}
	for _, args := range [][]string{{"search"}, {"search", "--query", "ferry", "council"}} {
		if r := run(t, lib, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, %v; want a usage error", args, r.code, r.err)
		}
	}
}

// TestNoArgumentsSaysWhatToDo: a command that takes no arguments says what
// the arguments are not and what to do; one that takes --query shows the
// command with them as its query, which works.
func TestNoArgumentsSaysWhatToDo(t *testing.T) {
	lib := importThree(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "json", "ferry"}, "export takes the query with --query, not as arguments: tidings export --library " + lib + " --format json --query ferry"},
		{[]string{"export", "--format", "json", "--query", "ferry", "fares"}, "--query 'ferry fares'"},
		{[]string{"tags", "ferry"}, `tags takes no arguments, not "ferry": it lists every tag`},
		{[]string{"feed", "list", "foo", "bar"}, `feed list takes no arguments, not "foo" "bar": it lists every subscription`},
		{[]string{"rule", "list", "x"}, `rule list takes no arguments, not "x"`},
		{[]string{"rule", "apply", "x"}, `rule apply takes no arguments, not "x"`},
		{[]string{"opml", "export", "x"}, `opml export takes no arguments, not "x"`},
	} {
		r := run(t, lib, tt.args...)
		if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
			t.Errorf("%q: exit %d, %v; want a usage error saying %q", tt.args, r.code, r.err, tt.want)
		}
	}
	r := run(t, lib, "export", "--format", "json", "ferry")
	_, hint, _ := strings.Cut(r.err.Error(), ": tidings ")
	if r := run(t, lib, strings.Fields(hint)...); r.code != 0 || strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("the hint %q: exit %d, %v, exported\n%s", hint, r.code, r.err, r.stdout)
	}
}

// TestUsagePointsToCommandHelp: a usage error points to the help of the
// command it is about.
func TestUsagePointsToCommandHelp(t *testing.T) {
	lib := importThree(t)
	for _, tt := range []struct {
		args []string
		help string
	}{
		{[]string{"export", "ferry"}, "tidings export"},
		{[]string{"feed", "list", "foo"}, "tidings feed list"},
		{[]string{"search"}, "tidings search"},
		{[]string{"search", "--bogus", "x"}, "tidings search"},
		{[]string{"tag", "1"}, "tidings tag"},
		{[]string{"show", "\x1b[31m"}, "tidings show"},
		{[]string{"--theme", "blue"}, "tidings"},
		{[]string{"bogus"}, "tidings"},
	} {
		r := run(t, lib, tt.args...)
		said := stderrOf(t, func() { exitCode(r.err) })
		if want := "\nRun '" + tt.help + " --help' for usage.\n"; r.code != exitUsage || !strings.HasSuffix(said, want) {
			t.Errorf("%q: exit %d, said %q; want it to end %q", tt.args, r.code, said, want)
		}
	}
}
