package store

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
)

// authServer serves a feed of three entries at /auth.xml to alice with any
// of her passwords, as a server behind basic authentication whose password
// changed still takes the old one for a while; the host is its address
// without the scheme.
func authServer(t *testing.T) (srv *httptest.Server, host string) {
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, password, ok := r.BasicAuth()
		if !ok || user != "alice" || !slices.Contains([]string{"s3cret", "n3w-pass", "third"}, password) {
			w.Header().Set("WWW-Authenticate", `Basic realm="feeds"`)
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		var items strings.Builder
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(&items, `<item><title>Locked %d</title><guid>locked-%d</guid><link>/posts/%d</link>`+
				`<pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate><description>Locked story %d.</description></item>`, i, i, i, i)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Locked</title>`+
			items.String()+`</channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	return srv, strings.TrimPrefix(srv.URL, "http://")
}

// credFetch fetches the subscription found by url and records it,
// failing the test on an error; it returns what the fetch did.
func credFetch(t *testing.T, s *Store, url string) ImportStats {
	t.Helper()
	ctx := context.Background()
	f, err := s.FeedByURL(ctx, url)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	fetcher := feeds.NewFetcher()
	fetcher.Retries = 0
	r := fetcher.Fetch(ctx, feeds.Subscription{URL: f.URL, IDBase: f.IDBase, Title: f.Title, Tags: f.Tags})
	if r.Err != nil {
		t.Fatalf("fetch of %s: %v", f.URL, r.Err)
	}
	stats, err := s.RecordFetch(ctx, f.ID, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	return stats.ImportStats
}

// credArticles are the library's articles' external ids, links, feeds
// and read states, by external id.
func credArticles(t *testing.T, s *Store) (ids []string, read map[string]bool, links []string, feedless int) {
	t.Helper()
	rows, err := s.db.Query(`SELECT external_id, url, read_at IS NOT NULL, feed_id IS NULL FROM articles ORDER BY external_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	read = map[string]bool{}
	for rows.Next() {
		var id, link string
		var isRead, none bool
		if err := rows.Scan(&id, &link, &isRead, &none); err != nil {
			t.Fatal(err)
		}
		ids, links, read[id] = append(ids, id), append(links, link), isRead
		if none {
			feedless++
		}
	}
	return ids, read, links, feedless
}

// TestAnotherPasswordIsTheSameFeed: a feed behind basic authentication,
// its credentials in its address as newsboat users write them, is the same
// feed with another password. Its articles' ids and links hold no
// credentials (a relative link is resolved without them); feed add with
// the new password finds the subscription and gives it the new one, and
// its fetches find every article as it was; the address without the
// password, or without either, finds it and changes nothing; and removed,
// then subscribed to with another password, it takes back its articles,
// with what the reader did to them, and brings none twice.
func TestAnotherPasswordIsTheSameFeed(t *testing.T) {
	ctx := context.Background()
	_, host := authServer(t)
	s := openTemp(t)
	first := "http://alice:s3cret@" + host + "/auth.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: first, Tags: []string{"work"}})
	if err != nil || !sub.New {
		t.Fatalf("subscribe: %+v, %v", sub, err)
	}
	if got := credFetch(t, s, first); got.Added != 3 {
		t.Fatalf("first fetch: %+v", got)
	}
	ids, _, links, _ := credArticles(t, s)
	for i, id := range ids {
		if want := "feed:http://" + host + "/auth.xml#locked-"; !strings.HasPrefix(id, want) {
			t.Errorf("id %q, want it to begin %q", id, want)
		}
		if strings.Contains(links[i], "alice") {
			t.Errorf("link %q has the credentials in it", links[i])
		}
	}
	if err := s.SetRead(ctx, idsOf(t, s, `"Locked 1"`), true); err != nil {
		t.Fatal(err)
	}

	again := "http://alice:n3w-pass@" + host + "/auth.xml"
	// An OPML file's old password does not replace the one the feed has.
	if sub, err := s.Subscribe(ctx, Feed{URL: again}); err != nil || sub.New || sub.Recredentialed || sub.Feed.URL != first {
		t.Fatalf("subscribe with another password, from a file: new %v, recredentialed %v, at %q (%v)", sub.New, sub.Recredentialed, sub.Feed.URL, err)
	}
	sub, err = s.SubscribeWithCredentials(ctx, Feed{URL: again})
	if err != nil || sub.New || !sub.Recredentialed || sub.Feed.URL != again {
		t.Fatalf("subscribe with the new password: new %v, recredentialed %v, at %q (%v)", sub.New, sub.Recredentialed, sub.Feed.URL, err)
	}
	if all, _ := s.Feeds(ctx); len(all) != 1 || all[0].URL != again || !slices.Equal(all[0].Tags, []string{"work"}) {
		t.Fatalf("feeds %+v, want the one, at %s, tagged as it was", all, again)
	}
	if got := credFetch(t, s, again); got != (ImportStats{Unchanged: 3}) {
		t.Errorf("fetch with the new password: %+v, want 3 unchanged", got)
	}
	for _, spelling := range []string{"http://" + host + "/auth.xml", "http://alice@" + host + "/auth.xml", first} {
		f, err := s.FeedByURL(ctx, spelling)
		if err != nil || f.URL != again {
			t.Errorf("FeedByURL(%q) = %q, %v", spelling, f.URL, err)
		}
	}
	for _, shown := range []string{"http://" + host + "/auth.xml", "http://alice@" + host + "/auth.xml"} {
		sub, err := s.SubscribeWithCredentials(ctx, Feed{URL: shown})
		if err != nil || sub.New || sub.Recredentialed || sub.Feed.URL != again {
			t.Errorf("subscribe to %q: new %v, recredentialed %v, at %q (%v)", shown, sub.New, sub.Recredentialed, sub.Feed.URL, err)
		}
	}

	if _, err := s.RemoveFeed(ctx, first, false); err != nil {
		t.Fatalf("remove by the old password: %v", err)
	}
	third := "http://alice:third@" + host + "/auth.xml"
	sub, err = s.Subscribe(ctx, Feed{URL: third})
	if err != nil || !sub.New || sub.TakenBack != 3 {
		t.Fatalf("subscribe again with another password: new %v, took back %d (%v)", sub.New, sub.TakenBack, err)
	}
	if got := credFetch(t, s, third); got != (ImportStats{Unchanged: 3}) {
		t.Errorf("fetch after subscribing again: %+v, want 3 unchanged", got)
	}
	after, read, _, feedless := credArticles(t, s)
	if !slices.Equal(after, ids) || feedless != 0 {
		t.Errorf("articles %q (%d of no feed), want %q, the feed's", after, feedless, ids)
	}
	if n := len(idsOf(t, s, "is:read")); n != 1 || !read[ids[0]] {
		t.Errorf("%d read, want Locked 1 read as it was", n)
	}
}

// TestACredentialedFeedFromBeforeKeepsItsIDs: a library from before
// migration 19 whose feed has its credentials in its address, and in its
// articles' ids: the upgrade lets any spelling of it find it, with
// another password or none, and its ids stay as they were — fetched, given
// a new password by feed add, removed and subscribed to again with yet
// another, its articles are never brought twice.
func TestACredentialedFeedFromBeforeKeepsItsIDs(t *testing.T) {
	ctx := context.Background()
	_, host := authServer(t)
	first := "http://alice:s3cret@" + host + "/auth.xml"
	path, db := oldLibrary(t, 18)
	execAll(t, db, fmt.Sprintf(`INSERT INTO feeds(url, url_normal, title) VALUES ('%s', '%s', 'Locked')`, first, first))
	s := upgrade(t, path, db)

	var normal string
	if err := s.db.QueryRow(`SELECT url_normal FROM feeds`).Scan(&normal); err != nil || normal != "http://"+host+"/auth.xml" {
		t.Fatalf("url_normal %q (%v), want the address without the credentials", normal, err)
	}
	f, err := s.FeedByURL(ctx, "http://alice:n3w-pass@"+host+"/auth.xml")
	if err != nil || f.URL != first {
		t.Fatalf("found %q (%v) by another password", f.URL, err)
	}
	if got := credFetch(t, s, first); got.Added != 3 {
		t.Fatalf("first fetch: %+v", got)
	}
	ids, _, _, _ := credArticles(t, s)
	if want := "feed:" + first + "#locked-1"; ids[0] != want {
		t.Fatalf("id %q, want %q as before", ids[0], want)
	}

	again := "http://alice:n3w-pass@" + host + "/auth.xml"
	if sub, err := s.SubscribeWithCredentials(ctx, Feed{URL: again}); err != nil || !sub.Recredentialed || sub.Feed.IDBase != first {
		t.Fatalf("new password: recredentialed %v, id base %q (%v)", sub.Recredentialed, sub.Feed.IDBase, err)
	}
	if got := credFetch(t, s, again); got != (ImportStats{Unchanged: 3}) {
		t.Errorf("fetch with the new password: %+v, want 3 unchanged", got)
	}
	if _, err := s.RemoveFeed(ctx, "http://"+host+"/auth.xml", false); err != nil {
		t.Fatal(err)
	}
	third := "http://alice:third@" + host + "/auth.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: third})
	if err != nil || sub.TakenBack != 3 || sub.Feed.IDBase != first {
		t.Fatalf("subscribed again: took back %d, id base %q (%v)", sub.TakenBack, sub.Feed.IDBase, err)
	}
	if got := credFetch(t, s, third); got != (ImportStats{Unchanged: 3}) {
		t.Errorf("fetch after subscribing again: %+v, want 3 unchanged", got)
	}
	if after, _, _, feedless := credArticles(t, s); !slices.Equal(after, ids) || feedless != 0 {
		t.Errorf("articles %q (%d of no feed), want %q", after, feedless, ids)
	}
}

// TestACredentialedFeedImportedElsewhereKeepsItsIDs: the articles of a feed
// behind basic authentication, exported and imported into another library
// (a JSON record names the feed's address, its credentials in it), are
// found again by that library's fetches of the feed, whether their ids
// were made of the address without the credentials, as a subscription
// makes them now, or with them, as a tidings from before made them.
func TestACredentialedFeedImportedElsewhereKeepsItsIDs(t *testing.T) {
	ctx := context.Background()
	_, host := authServer(t)
	url := "http://alice:s3cret@" + host + "/auth.xml"
	for _, tc := range []struct{ name, idBase string }{
		{"ids without the credentials", ""},
		{"ids made with them", url},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fetcher := feeds.NewFetcher()
			fetcher.Retries = 0
			r := fetcher.Fetch(ctx, feeds.Subscription{URL: url, IDBase: cmp.Or(tc.idBase, "http://"+host+"/auth.xml")})
			if r.Err != nil || len(r.Articles) != 3 {
				t.Fatalf("fetch: %v, %d articles", r.Err, len(r.Articles))
			}
			s := openTemp(t)
			if outs := importAll(t, s, r.Articles...); outs[0] != Added {
				t.Fatalf("import: %v", outs)
			}
			if got := credFetch(t, s, url); got.Added != 0 || got.Unchanged+got.Updated != 3 {
				t.Errorf("fetch after the import: %+v, want the 3 articles found", got)
			}
			if ids, _, _, _ := credArticles(t, s); len(ids) != 3 {
				t.Errorf("%d articles: %q", len(ids), ids)
			}
		})
	}
}
