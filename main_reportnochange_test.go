package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// harbourFeed serves "Harbour News" with the items item gives for a
// request's path, and its ETag, "v1", so that a second fetch is not
// modified.
func harbourFeed(t *testing.T, item func(path string) string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>
`+item(r.URL.Path)+`</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestReportLostOfNoChangeSaysNoChange: a command that changes the library
// but found nothing to change (tags the articles had or never had, articles
// read already, feeds not modified), whose report cannot be written, fails
// (exit 1) for the write alone: it does not say a change was made. One that
// found something to change still says it was made.
func TestReportLostOfNoChangeSaysNoChange(t *testing.T) {
	srv := harbourFeed(t, func(string) string {
		return `<item><title>Ferry returns</title><guid>ferry</guid><description>The ferry is back.</description>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>`
	})
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "feed", "add", srv.URL+"/feed.xml", "--tag", "harbour"); r.code != 0 {
		t.Fatalf("feed add: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}
	if r := run(t, lib, "read", "1"); r.code != 0 {
		t.Fatalf("read: exit %d, %v", r.code, r.err)
	}
	const said = "tidings: the change was made, but its report could not be written: no space left on device\n"
	for _, tc := range []struct {
		args    []string
		changed bool
	}{
		{[]string{"tag", "1", "-nonexistent"}, false},
		{[]string{"tag", "1", "+harbour"}, false},
		{[]string{"tag", "--query", "", "+harbour", "-nonexistent"}, false},
		{[]string{"read", "1"}, false},
		{[]string{"read", "--query", ""}, false},
		{[]string{"fetch"}, false},
		{[]string{"read", "--unread", "1"}, true},
		{[]string{"tag", "1", "+kept", "-nonexistent"}, true},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
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
