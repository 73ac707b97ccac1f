package cli

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// twinLibrary is a library a tidings from before left subscribed twice to
// one feed behind basic authentication: with the password "old", then,
// the password changed, with "new" (its articles' ids made of that
// address, password and all, as that tidings made them). The server takes
// "new" only now. It returns the store, the path, the server's host and
// how many articles the library holds.
func twinLibrary(t *testing.T) (*store.Store, string, string) {
	t.Helper()
	var mu sync.Mutex
	password := "old"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		want := password
		mu.Unlock()
		if u, p, ok := r.BasicAuth(); !ok || u != "alice" || p != want {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssDoc("Locked", "a=Alpha", "b=Beta")))
	}))
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")
	path := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if _, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice:old@"+host+"/feed.xml", nil); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	twin := "http://alice:new@" + host + "/feed.xml"
	if _, err := db.Exec(`INSERT INTO feeds(url, url_normal, title, site_url, tags, named) VALUES (?, ?, 'Locked', '', '[]', 0)`,
		twin, feeds.MatchURL(twin)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	password = "new"
	mu.Unlock()
	if _, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if n := countArticles(t, path); n != 4 {
		t.Fatalf("the twin library holds %d articles, want 4 (2 a subscription)", n)
	}
	return st, path, host
}

func countArticles(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestTwinSubscriptions: a library subscribed twice to one feed with two
// passwords (by a tidings from before) says so in feed list and in each
// fetch line, and is cleaned up by feed add with the password that works,
// which makes them one subscription fetched with it (one copy of each
// article), or by feed remove of the address, which removes both, after
// which feed add takes back the articles of both.
func TestTwinSubscriptions(t *testing.T) {
	ctx := context.Background()
	st, _, host := twinLibrary(t)
	shown := "http://alice@" + host + "/feed.xml"

	var list bytes.Buffer
	if err := ListFeeds(ctx, st, &list); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(list.String(), "one of 2 subscriptions to this feed"); n != 2 {
		t.Errorf("feed list marks %d entries as twins, want 2:\n%s", n, list.String())
	}
	var out bytes.Buffer
	Fetch(ctx, st, feeds.NewFetcher(), nil, nil, FetchProgress(&out, false, 200))
	for _, want := range []string{shown + " (subscription 1 of 2 to it): ", shown + " (subscription 2 of 2 to it): ", " of 2 to it): error: HTTP 401", " of 2 to it): nothing new"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("fetch does not say %q:\n%s", want, out.String())
		}
	}

	t.Run("feed add with the password", func(t *testing.T) {
		st, path, host := twinLibrary(t)
		added, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice:new@"+host+"/feed.xml", nil)
		if err != nil {
			t.Fatal(err)
		}
		if line := subscribedLine(added); !strings.Contains(line, "1 other subscription to it with other passwords made one with it") {
			t.Errorf("feed add says %q", line)
		}
		subs, err := st.Feeds(ctx)
		if err != nil || len(subs) != 1 {
			t.Fatalf("%d subscriptions (%v), want 1", len(subs), err)
		}
		if n := countArticles(t, path); n != 2 {
			t.Errorf("%d articles after the merge, want 2: one copy of each", n)
		}
		rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
		if err != nil || len(rep.Failed) != 0 || rep.Added != 0 {
			t.Errorf("fetch after: %+v, %v; want no failure and nothing new", rep, err)
		}
	})

	t.Run("feed remove, then feed add", func(t *testing.T) {
		st, path, host := twinLibrary(t)
		r, err := st.RemoveFeed(ctx, "http://alice@"+host+"/feed.xml", false)
		if err != nil {
			t.Fatal(err)
		}
		if text := RemovedFeedText(store.Feed{Title: "Locked", URL: shown}, r, false); !strings.Contains(text, "all 2 subscriptions to it") ||
			!strings.Contains(text, "its 4 articles stay") {
			t.Errorf("feed remove says %q", text)
		}
		if subs, _ := st.Feeds(ctx); len(subs) != 0 {
			t.Errorf("%d subscriptions left, want none", len(subs))
		}
		added, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice:new@"+host+"/feed.xml", nil)
		if err != nil {
			t.Fatal(err)
		}
		if added.TakenBack != 4 || added.Stats.Added != 0 {
			t.Errorf("feed add took back %d articles and brought %d new; want the 4 of both and none", added.TakenBack, added.Stats.Added)
		}
		if n := countArticles(t, path); n != 4 {
			t.Errorf("%d articles, want the 4 there were", n)
		}
	})
}

// TestFeedAddBadUserinfo: feed add of an address whose password has a
// character it must have percent-encoded says the user name or password
// is at fault, without them.
func TestFeedAddBadUserinfo(t *testing.T) {
	st := openStore(t)
	for _, addr := range []string{
		"http://alice:p w@127.0.0.1:1/feed.xml",
		"http://alice:p#w@127.0.0.1:1/feed.xml",
		"http://alice:12#w@127.0.0.1:1/feed.xml",
		"http://alice:p%zw@127.0.0.1:1/feed.xml",
	} {
		_, err := SubscribeFeed(context.Background(), st, feeds.NewFetcher(), nil, addr, nil)
		if err == nil {
			t.Errorf("%s: no error", addr)
			continue
		}
		want := "http://127.0.0.1:1/feed.xml: the user name or password given with it has a character that must be percent-encoded"
		if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "w@") {
			t.Errorf("%s: %v\nwant it to begin %q, without the password", addr, err, want)
		}
	}
	for _, good := range []string{"https://medium.com/feed/@alice", "http://alice:p%20w@example.org/feed.xml", "http://example.org/?u=a@b"} {
		if _, bad := badUserinfo(good); bad {
			t.Errorf("%s is said to have a bad user name or password", good)
		}
	}
}
