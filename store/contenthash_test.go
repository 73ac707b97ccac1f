package store

import (
	"context"
	"testing"
	"time"

	"tidings/feeds"
)

// TestContentSumsOfBeforeStayValid: the sum an article is stored with is
// the one tidings stored before for a feed that never moved (its address
// and its identity are one string), so that a library's articles are not
// all "updated" by the next fetch or import after an upgrade.
func TestContentSumsOfBeforeStayValid(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := feeds.Article{ExternalID: "feed:https://news.example/feed.xml#tides", Source: "Harbour News",
		FeedURL: "https://news.example/feed.xml", Title: "Tide tables", URL: "https://news.example/tides",
		Author: "Ann", Published: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Body: "The tide turns at nine."}
	if outs := importAll(t, s, a); outs[0] != Added {
		t.Fatalf("outcome %v", outs[0])
	}
	var sum string
	if err := s.db.QueryRowContext(ctx, `SELECT content_hash FROM articles`).Scan(&sum); err != nil {
		t.Fatal(err)
	}
	// As tidings stored it before the feed's identity replaced its address.
	if before := "1b348f540b1687aba5a391c02ab6e2d3"; sum != before {
		t.Errorf("content_hash %s, want %s as before", sum, before)
	}
	if outs := importAll(t, s, a); outs[0] != Unchanged {
		t.Errorf("imported again: %v, want unchanged", outs[0])
	}
}

// TestAFeedThatMovedBringsItsArticlesUnchanged: after a permanent redirect
// (301), the next fetches, from the new address, find the feed's articles
// unchanged, not every one updated. So do they an article stored after the
// move by a tidings that summed the feed's new address, whose sum is made
// anew.
func TestAFeedThatMovedBringsItsArticlesUnchanged(t *testing.T) {
	ctx := context.Background()
	srv := newBlogServer(t)
	s := openTemp(t)
	old := srv.URL + "/a.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: old}); err != nil {
		t.Fatal(err)
	}
	fetch := func() (FetchStats, feeds.FetchResult) {
		t.Helper()
		f, err := s.FeedByURL(ctx, old)
		if err != nil {
			t.Fatal(err)
		}
		fetcher := feeds.NewFetcher()
		fetcher.Retries = 0
		r := fetcher.Fetch(ctx, feeds.Subscription{URL: f.URL, IDBase: f.IDBase, Title: f.Title})
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		stats, err := s.RecordFetch(ctx, f.ID, r, nil)
		if err != nil {
			t.Fatal(err)
		}
		return stats, r
	}
	if st, _ := fetch(); st.Added != 1 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	srv.retire()
	for i, want := range []ImportStats{{Unchanged: 1}, {Unchanged: 1}, {Unchanged: 1}} {
		st, _ := fetch()
		if st.ImportStats != want {
			t.Errorf("fetch %d after the move: %+v, want %+v", i+1, st.ImportStats, want)
		}
	}
	f, err := s.FeedByURL(ctx, old)
	if err != nil || f.URL != srv.URL+"/a-new.xml" {
		t.Fatalf("the feed is at %q (%v), not where it moved", f.URL, err)
	}

	_, r := fetch()
	summed := func() string {
		var sum string
		if err := s.db.QueryRowContext(ctx, `SELECT content_hash FROM articles`).Scan(&sum); err != nil {
			t.Fatal(err)
		}
		return sum
	}
	now := summed()
	byAddress := contentHash(&r.Articles[0], f.URL, true)
	if now == byAddress {
		t.Fatalf("the sum is the new address's")
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET content_hash = ?`, byAddress); err != nil {
		t.Fatal(err)
	}
	if st, _ := fetch(); st.ImportStats != (ImportStats{Unchanged: 1}) {
		t.Errorf("summed by the new address: %+v, want unchanged", st.ImportStats)
	}
	if got := summed(); got != now {
		t.Errorf("sum %s after the fetch, want %s", got, now)
	}
}
