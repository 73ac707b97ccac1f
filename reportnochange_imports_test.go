package main

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportLostOfImportsThatChangedNothing: import, opml import, retitle,
// rule apply, delete and feed add, run again where they find nothing to
// change (the articles stored as they are, the feeds subscribed with those
// tags, the title given already, no tag left for a rule to add, no article
// matching), whose report cannot be written, fail (exit 1) for the write
// alone: they do not say a change was made. Where they change something,
// they still say it was made.
func TestReportLostOfImportsThatChangedNothing(t *testing.T) {
	srv := harbourFeed(t, func(path string) string {
		return `<item><title>Ferry late</title><guid>` + path + `-late</guid><description>The ferry is late.</description>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>`
	})
	lib := filepath.Join(t.TempDir(), "library.db")
	ferry := writeFile(t, "ferry.md", "---\ntitle: Ferry returns\n---\n\nThe ferry is back.\n")
	fares := writeFile(t, "fares.md", "---\ntitle: Fares rise\n---\n\nFares rise again.\n")
	opml := func(name, path string) string {
		return writeFile(t, name, `<?xml version="1.0"?><opml version="2.0"><body>`+
			`<outline text="Harbour News" title="Harbour News" type="rss" xmlUrl="`+srv.URL+path+`"/></body></opml>`)
	}
	subscribed, other := opml("had.opml", "/feed.xml"), opml("new.opml", "/other.xml")
	for _, args := range [][]string{{"import", ferry}, {"feed", "add", srv.URL + "/feed.xml"}, {"rule", "add", "ferry", "--tag", "boats"}} {
		if r := run(t, lib, args...); r.code != 0 {
			t.Fatalf("%q: exit %d, %v\n%s", args, r.code, r.err, r.stderr)
		}
	}
	const said = "tidings: the change was made, but its report could not be written: no space left on device\n"
	for _, tc := range []struct {
		args    []string
		changed bool
	}{
		{[]string{"import", ferry}, false},
		{[]string{"import", fares}, true},
		{[]string{"opml", "import", subscribed}, false},
		{[]string{"opml", "import", other}, true},
		{[]string{"retitle", "1", "Hello"}, true},
		{[]string{"retitle", "1", "Hello"}, false},
		{[]string{"rule", "apply"}, true},
		{[]string{"rule", "apply"}, false},
		{[]string{"delete", "--yes", "--query", "nowhere"}, false},
		{[]string{"delete", "--yes", "--query", "title:fares"}, true},
		{[]string{"feed", "add", srv.URL + "/feed.xml"}, false},
		{[]string{"feed", "add", srv.URL + "/feed.xml", "--tag", "harbour"}, true},
	} {
		name := strings.Join(tc.args, " ")
		for _, path := range []string{ferry, fares, subscribed, other} {
			name = strings.ReplaceAll(name, path, filepath.Base(path))
		}
		name = strings.ReplaceAll(name, srv.URL, "SERVER")
		t.Run(name, func(t *testing.T) {
			code, err, stderr := runToFailingStdout(t, lib, tc.args...)
			switch {
			case tc.changed && (code != exitFailed || stderr != said):
				t.Errorf("exit %d (%v), stderr %q; want exit 1 and %q", code, err, stderr, said)
			case !tc.changed && (code != exitFailed || !errors.Is(err, errFull) || stderr != ""):
				t.Errorf("exit %d (%v), stderr %q; want exit 1 for the write alone, and nothing said of a change", code, err, stderr)
			}
		})
	}
}
