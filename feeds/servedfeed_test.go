package feeds_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// servedFeed is a feed a test serves on loopback and changes between
// fetches, subscribed to in a library of its own: a day's document is
// served, then fetched and stored as tidings fetch stores it.
type servedFeed struct {
	t   *testing.T
	doc atomic.Value // []byte
	lib *store.Store
	url string
	id  int64
	f   *feeds.Fetcher
}

// newServedFeed serves doc at path with contentType and subscribes a new
// library to it.
func newServedFeed(t *testing.T, path, contentType string, doc []byte) *servedFeed {
	t.Helper()
	sf := &servedFeed{t: t}
	sf.serve(doc)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(sf.doc.Load().([]byte))
	}))
	t.Cleanup(srv.Close)
	lib, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	sf.lib, sf.url = lib, srv.URL+path
	sub, err := lib.Subscribe(context.Background(), store.Feed{URL: sf.url})
	if err != nil {
		t.Fatal(err)
	}
	sf.id = sub.Feed.ID
	sf.f = feeds.NewFetcher()
	sf.f.Timeout, sf.f.Backoff = 2*time.Second, time.Millisecond
	return sf
}

// serve makes doc the document the next fetch gets.
func (sf *servedFeed) serve(doc []byte) { sf.doc.Store(doc) }

// fetch fetches the feed as its subscription is stored and stores what
// it brought.
func (sf *servedFeed) fetch() (feeds.FetchResult, store.FetchStats) {
	sf.t.Helper()
	ctx := context.Background()
	stored, err := sf.lib.FeedByURL(ctx, sf.url)
	if err != nil {
		sf.t.Fatal(err)
	}
	r := sf.f.Fetch(ctx, feeds.Subscription{URL: stored.URL, IDBase: stored.IDBase, Title: stored.Title})
	if r.Err != nil {
		sf.t.Fatal(r.Err)
	}
	stats, err := sf.lib.RecordFetch(ctx, sf.id, r, nil)
	if err != nil {
		sf.t.Fatal(err)
	}
	return r, stats
}

// article is the stored article of the feed's entry id (its guid, else
// its link).
func (sf *servedFeed) article(id string) store.Article {
	sf.t.Helper()
	a, err := sf.lib.ArticleByExternalID(context.Background(), "feed:"+sf.url+"#"+id)
	if err != nil {
		sf.t.Fatalf("%s: %v", id, err)
	}
	return a
}
