package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// serveAtom serves a feed of one entry on loopback and returns its URL.
func serveAtom(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>`+
			`<entry><title>Ferry timetable</title><id>urn:h1</id><updated>2024-03-05T10:00:00Z</updated><content>Ferries.</content></entry></feed>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/atom.xml"
}

// TestGlobalFlagsAfterArguments: every command reads --library and
// --read-only after its arguments too, as before them. Each runs with
// --library at its end naming the library, after a --library before the
// command that names none: the later is the one used, and the other is
// never created.
func TestGlobalFlagsAfterArguments(t *testing.T) {
	lib := importThree(t)
	feed := serveAtom(t)
	opml := writeFile(t, "subs.opml", `<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="x" xmlUrl="`+feed+`"/></body></opml>`)
	article := writeFile(t, "d.md", "---\ntitle: Dredging\n---\n\nThe channel is dredged.\n")
	steps := [][]string{
		{"import", article},
		{"search", "ferry"},
		{"show", "1"},
		{"tags"},
		{"tag", "1", "+x"},
		{"read", "1"},
		{"note", "1", "a", "note"},
		{"retitle", "1", "A", "title"},
		{"feed", "add", feed},
		{"feed", "list"},
		{"fetch"},
		{"feed", "rename", feed, "Harbour", "Daily"},
		{"feed", "tag", feed, "boats"},
		{"feed", "untag", feed, "boats"},
		{"feed", "remove", feed},
		{"opml", "import", opml},
		{"opml", "export"},
		{"rule", "add", "ferry", "--tag", "boats"},
		{"rule", "list"},
		{"rule", "apply"},
		{"rule", "remove", "1"},
		{"export", "--format", "json"},
		{"delete", "--yes", "1"},
		{"backup", filepath.Join(t.TempDir(), "copy.db")},
	}
	tested := map[string]bool{}
	for _, args := range steps {
		elsewhere := filepath.Join(t.TempDir(), "elsewhere.db")
		r := run(t, elsewhere, append(slices.Clone(args), "--library", lib)...)
		if r.code != 0 {
			t.Errorf("%q --library LIB: exit %d, %v", args, r.code, r.err)
		}
		if _, err := os.Stat(elsewhere); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%q --library LIB: the library before the command was used (%v)", args, err)
		}
		tested[strings.Join(args[:min(2, len(args))], " ")] = true
		tested[args[0]] = true
	}
	// Every command, so that one added later is read alike.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if name := commandName(sub); !sub.HasSubCommands() && !tested[name] {
				t.Errorf("%s is not run with --library after its arguments", name)
			}
			walk(sub)
		}
	}
	walk(newRoot(nil))

	// --read-only after the tags is read, and refuses before anything is
	// changed.
	if r := run(t, lib, "tag", "1", "+y", "--read-only"); r.code != exitUsage || !strings.Contains(r.err.Error(), "--read-only") {
		t.Errorf("tag 1 +y --read-only: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "search", "--count", "tag:y"); r.stdout != "0\n" {
		t.Errorf("tag --read-only tagged %q articles", r.stdout)
	}
}

// TestTagReadsFlagsAnywhere: tag takes its flags after the ids and tags,
// and its -tags still: a -word that is no flag is a tag to remove, and
// after -- every word is an id or a tag.
func TestTagReadsFlagsAnywhere(t *testing.T) {
	lib := importThree(t)
	for _, tt := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"tag", "1", "+library", "+query"}, 0, "Added #library to 1 article\nAdded #query to 1 article\n"},
		{[]string{"tag", "1", "-query", "--library", lib}, 0, "Removed #query from 1 article\n"},
		{[]string{"tag", "+x", "-library", "--query", "ferry"}, 0, "Added #x to 2 articles\nRemoved #library from 1 of 2 articles (1 did not have it)\n"},
		{[]string{"tag", "2", "--", "-x", "--library"}, exitUsage, ""},
		{[]string{"tag", "3", "+z", "--bogus"}, exitUsage, ""},
		{[]string{"tag", "3", "+z", "--library"}, exitUsage, ""}, // without its value
		{[]string{"tag", "-query", "3", "+z"}, exitUsage, ""},    // a slip for --query
	} {
		r := run(t, lib, tt.args...)
		if r.code != tt.code || r.stdout != tt.out {
			t.Errorf("%q: exit %d, %q, %v; want exit %d, %q", tt.args, r.code, r.stdout, r.err, tt.code, tt.out)
		}
	}
	if r := run(t, lib, "search", "--count", "tag:z OR tag:library OR tag:query"); r.stdout != "0\n" {
		t.Errorf("%q articles tagged z, library or query, want none", r.stdout)
	}
}
