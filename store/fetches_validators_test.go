package store

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"tidings/feeds"
)

// TestFetchOfAServerRefusingValidators: a server that answers 400 to any
// conditional request is fetched, again and again, without an error: the
// feed list never shows one, and each fetch brings what the server adds.
func TestFetchOfAServerRefusingValidators(t *testing.T) {
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		n := int(served.Add(1))
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Sun, 01 Nov 2026 00:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		var items strings.Builder
		for i := range n + 1 {
			fmt.Fprintf(&items, `<item><title>Item %d</title><guid>i%d</guid></item>`, i, i)
		}
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Refuses</title>`+items.String()+`</channel></rss>`)
	}))
	defer srv.Close()
	ctx := context.Background()
	s := openTemp(t)
	url := srv.URL + "/etag400"
	if _, err := s.Subscribe(ctx, Feed{URL: url}); err != nil {
		t.Fatal(err)
	}
	for fetch := 1; fetch <= 4; fetch++ {
		fetchFeeds(t, s, url) // fails the test on a fetch error
		f, err := s.FeedByURL(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if f.LastError != "" {
			t.Errorf("fetch %d: the feed's error is %q", fetch, f.LastError)
		}
		if n, err := s.FeedArticles(ctx, f.ID); err != nil || n != fetch+1 {
			t.Errorf("fetch %d: the feed holds %d articles (%v), want %d", fetch, n, err, fetch+1)
		}
	}
}

// TestRecordFetchKeepsSaneValidators: a fetch's ETag longer than a KiB,
// or a Last-Modified that is no HTTP date, is not stored.
func TestRecordFetchKeepsSaneValidators(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	url := "https://example.com/feed.xml"
	f, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		etag, lm         string
		wantETag, wantLM string
	}{
		{`"v1"`, "Sun, 01 Nov 2026 00:00:00 GMT", `"v1"`, "Sun, 01 Nov 2026 00:00:00 GMT"},
		{`"` + strings.Repeat("e", 500000) + `"`, strings.Repeat("x", 100000), "", ""},
		{`"v2"`, "not a date", `"v2"`, ""},
	}
	for _, tc := range tests {
		r := feeds.FetchResult{Sub: feeds.Subscription{URL: url, ETag: tc.etag, LastModified: tc.lm}}
		if _, err := s.RecordFetch(ctx, f.Feed.ID, r, nil); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedByURL(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		if got.ETag != tc.wantETag || got.LastModified != tc.wantLM {
			t.Errorf("stored ETag of %d bytes and Last-Modified of %d; want %q and %q",
				len(got.ETag), len(got.LastModified), tc.wantETag, tc.wantLM)
		}
	}
}
