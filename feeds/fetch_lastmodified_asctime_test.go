package feeds

import (
	"context"
	"net/http"
	"testing"
)

// TestFetchSendsLastModifiedAsWritten: a Last-Modified in asctime form
// with a one-digit day (two spaces before it) is kept and sent back in
// If-Modified-Since as the server wrote it, not with its spaces folded.
func TestFetchSendsLastModifiedAsWritten(t *testing.T) {
	const lm = "Sun Nov  6 08:49:37 1994"
	srv := newValidatorServer(t)
	srv.refuse = http.StatusBadRequest
	srv.etag, srv.lm = `"a"`, lm
	f := testFetcher()
	r := f.Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.xml"})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if r.Sub.LastModified != lm {
		t.Errorf("kept Last-Modified %q, want %q", r.Sub.LastModified, lm)
	}
	srv.requests()
	f.Fetch(context.Background(), r.Sub)
	if got := srv.requests(); len(got) == 0 || got[0] != `"a"|`+lm {
		t.Errorf("the next request sent %q, want %q", got, `"a"|`+lm)
	}
}

// TestKeptLastModified: a date is kept as written; one that is a date
// only once cleaned is kept cleaned, without control characters; what is
// no date, or longer than a KiB, is not kept.
func TestKeptLastModified(t *testing.T) {
	for in, want := range map[string]string{
		"Sun Nov  6 08:49:37 1994":                                      "Sun Nov  6 08:49:37 1994",
		"Sun, 06 Nov 1994 08:49:37 GMT":                                 "Sun, 06 Nov 1994 08:49:37 GMT",
		"Sunday, 06-Nov-94 08:49:37 GMT":                                "Sunday, 06-Nov-94 08:49:37 GMT",
		" Sun, 06 Nov 1994 08:49:37 GMT ":                               "Sun, 06 Nov 1994 08:49:37 GMT",
		"Sun, 06 Nov 1994 08:49:37\x00 GMT":                             "Sun, 06 Nov 1994 08:49:37 GMT",
		"Sun, 06 Nov 1994 08:49:37 GMT\x1b":                             "Sun, 06 Nov 1994 08:49:37 GMT",
		"yesterday":                                                     "",
		"Sun Nov  6 08:49:37 1994" + string(make([]byte, maxValidator)): "",
	} {
		if got := KeptLastModified(in); got != want {
			t.Errorf("KeptLastModified(%q) = %q, want %q", in, got, want)
		}
	}
}
