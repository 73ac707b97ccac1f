package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestFeedAddFailureHidesThePassword: when the first fetch of a feed
// subscribed to with a user name and password in its address fails, the
// error names the feed without the password.
func TestFeedAddFailureHidesThePassword(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Private</title>` +
			`<item><guid>1</guid><title>One</title><description>` + strings.Repeat("x", 10) + `</description></item>` +
			`</channel></rss>`))
	}))
	defer srv.Close()
	url := strings.Replace(srv.URL, "://", "://alice:s3cret@", 1) + "/feed.xml"
	lib := t.TempDir() + "/library.db"
	if r := run(t, lib, "feed", "add", url); r.err != nil {
		t.Fatalf("feed add: %v\n%s", r.err, r.stdout)
	}
	srv.Close() // the next fetch fails
	r := run(t, lib, "feed", "add", url, "--tag", "work")
	if r.err == nil {
		t.Fatalf("feed add with the server gone succeeded:\n%s", r.stdout)
	}
	if msg := r.err.Error() + r.stdout + r.stderr; strings.Contains(msg, "s3cret") || !strings.Contains(r.err.Error(), "alice@") {
		t.Errorf("the failure shows the password or no address: %v\n%s%s", r.err, r.stdout, r.stderr)
	}
}
