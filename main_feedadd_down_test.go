package main

import (
	"net"
	"strings"
	"testing"
)

// TestFeedAddOfAFeedDown: feed add of a feed whose server is down for now
// subscribes to it, says so once, on stderr, with why it was not fetched
// (exit 1, as fetch of a feed that failed), and feed list shows it with
// its error, as failed when it was tried, not as fetched.
func TestFeedAddOfAFeedDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + l.Addr().String() + "/feed.xml"
	l.Close() // nothing listens there: the connection is refused
	lib := t.TempDir() + "/library.db"
	r := run(t, lib, "feed", "add", url)
	want := "subscribed to " + url + ", but it could not be fetched now: "
	if r.code != 1 || r.stdout != "" || r.err == nil || !strings.HasPrefix(r.err.Error(), want) ||
		!strings.HasSuffix(r.err.Error(), "; tidings fetch tries again") {
		t.Errorf("feed add: exit %d, stdout %q, error %v\nwant exit 1 and the error to begin %q", r.code, r.stdout, r.err, want)
	}
	r = run(t, lib, "feed", "list")
	if !strings.Contains(r.stdout, url+"\n  0 articles (0 unread), failed ") || !strings.Contains(r.stdout, "error: dial tcp") {
		t.Errorf("feed list:\n%s", r.stdout)
	}
}
