package main

import (
	"strings"
	"testing"
)

// TestTagNamesAsTagsListsThem: a tag name as `tidings tags` lists it, in
// quotes when it has a space, is the tag to tag and untag; a + or - with
// no name is one mistake however spaced; a name with a quote in it is
// written as the tag editor reads it.
func TestTagNamesAsTagsListsThem(t *testing.T) {
	lib := importThree(t)
	if r := run(t, lib, "tag", "1", "+Long Read"); r.code != 0 {
		t.Fatalf("tag: exit %d, %v", r.code, r.err)
	}
	listed := ""
	for line := range strings.Lines(run(t, lib, "tags").stdout) {
		if strings.Contains(line, "Long") {
			listed = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), "1"))
		}
	}
	if listed != `"Long Read"` {
		t.Fatalf("tags lists %q", listed)
	}
	for _, tt := range []struct {
		args []string
		out  string
	}{
		{[]string{"tag", "1", "-" + listed}, "Removed tag:\"Long Read\" from 1 article\n"},
		{[]string{"tag", "1", `+"Deep Dive"`}, "Added tag:\"Deep Dive\" to 1 article\n"},
		{[]string{"tag", "2", `+"say \"when\""`}, "Added tag:\"say \\\"when\\\"\" to 1 article\n"},
	} {
		if r := run(t, lib, tt.args...); r.code != 0 || r.stdout != tt.out {
			t.Errorf("%q: exit %d, %q, %v; want %q", tt.args, r.code, r.stdout, r.err, tt.out)
		}
	}
	r := run(t, lib, "tags", "--json")
	want := `{"name":"Deep Dive","count":1}` + "\n" + `{"name":"h","count":1}` + "\n" + `{"name":"say \"when\"","count":1}` + "\n"
	if r.stdout != want {
		t.Errorf("tags --json:\n%s\nwant\n%s", r.stdout, want)
	}
	for _, arg := range []string{"+", "+ ", "-", `-""`} {
		r := run(t, lib, "tag", "1", arg)
		if want := `"` + strings.ReplaceAll(arg, `"`, `\"`) + `" names no tag: +name adds a tag, -name removes one`; r.code != exitUsage || r.err == nil || r.err.Error() != want {
			t.Errorf("tag 1 %q: exit %d, %v; want %s", arg, r.code, r.err, want)
		}
	}
}
