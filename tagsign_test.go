package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// TestLoneSignTagCommands: tidings tag, feed tag and feed untag refuse a
// lone - or + after -- as naming no tag (bad usage, exit 2), in the same
// words, and change nothing; a tag named "-" (from an imported file) is
// given and taken off in its quoted form, -"-".
func TestLoneSignTagCommands(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
<item><title>Ferry late</title><guid>late</guid><description>The ferry is late.</description></item></channel></rss>`)
	}))
	defer srv.Close()
	url := srv.URL + "/feed.xml"
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "feed", "add", url); r.code != 0 {
		t.Fatalf("feed add: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}
	for _, args := range [][]string{
		{"tag", "1", "--", "-"},
		{"tag", "1", "--", "+"},
		{"feed", "tag", url, "--", "-"},
		{"feed", "tag", url, "+"},
		{"feed", "untag", url, "--", "-"},
		{"feed", "untag", url, "+"},
	} {
		word := args[len(args)-1]
		want := fmt.Sprintf("%q names no tag: +name adds a tag, -name removes one", word)
		if r := run(t, lib, args...); r.code != exitUsage || r.err == nil || r.err.Error() != want {
			t.Errorf("%q: exit %d, %v; want exit 2 and %s", args, r.code, r.err, want)
		}
	}
	if r := run(t, lib, "search", "--count", "--", "-is:untagged"); r.stdout != "0\n" {
		t.Errorf("a lone sign tagged an article: %s", r.stdout)
	}
	ext := writeFile(t, "dash.jsonl", `{"external_id":"dash-1","title":"Dashes","body":"A tag of a dash.","tags":["-","keep"]}`+"\n")
	for _, step := range []struct {
		args  []string
		count string // search --count tag:"-" after
	}{
		{[]string{"import", ext}, "1\n"},
		{[]string{"tag", "2", "--", `-"-"`}, "0\n"},
		{[]string{"feed", "tag", url, `+"-"`}, "1\n"},
		{[]string{"feed", "untag", url, "--", `-"-"`}, "1\n"},
		{[]string{"tag", "--query", "", "--", `-"-"`}, "0\n"},
	} {
		if r := run(t, lib, step.args...); r.code != 0 {
			t.Fatalf("%q: exit %d, %v\n%s", step.args, r.code, r.err, r.stderr)
		}
		if r := run(t, lib, "search", "--count", `tag:"-"`); r.stdout != step.count {
			t.Errorf("after %q, tag:\"-\" counts %q, want %q", step.args, r.stdout, step.count)
		}
	}
}
