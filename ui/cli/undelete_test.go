package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestFetchUndelete: a feed's article deleted is brought back by fetch
// --undelete while the feed serves it, though the server answers the
// feed's validators with 304 (the fetch asks without them).
func TestFetchUndelete(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	url := serveFeed(t, atomFeed) // answers its ETag with 304
	subscribe(t, st, url)
	out := deleteIDs(t, st, idOf(t, st, "feed:"+url+"#urn:e1"))
	if want := "Deleted 1 article; imports and fetches leave it out (fetch --undelete brings it back while its feed serves it).\n"; !strings.HasSuffix(out, want) {
		t.Errorf("delete printed\n%s\nwant it to end\n%s", out, want)
	}
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil || rep.NotModified != 1 {
		t.Fatalf("plain fetch: %+v, %v; want not modified", rep, err)
	}
	var lines bytes.Buffer
	rep, err = FetchUndeleting(ctx, st, feeds.NewFetcher(), nil, []string{"Atom Blog"}, FetchProgress(&lines, false, 80))
	if err != nil || rep.Added != 1 || rep.NotModified != 0 || len(rep.Failed) != 0 {
		t.Errorf("fetch --undelete: %+v, %v; want the deleted entry added", rep, err)
	}
	if want := "[1/1] " + url + ": 1 new\n"; lines.String() != want {
		t.Errorf("fetch --undelete's line %q, want %q", lines.String(), want)
	}
	if n, err := st.Count(ctx, "title:one"); err != nil || n != 1 {
		t.Errorf("the deleted entry: %d, %v; want it back", n, err)
	}
}

// TestFetchLeavesDeletedOut: a plain fetch of a feed served whole leaves
// the entry deleted out, and its line says so; after fetch --undelete the
// deletion is forgotten, and plain fetches keep the entry.
func TestFetchLeavesDeletedOut(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	url := serveWhole(t, atomFeed)
	subscribe(t, st, url)
	deleteIDs(t, st, idOf(t, st, "feed:"+url+"#urn:e2"))
	for i, step := range []struct {
		undelete bool
		line     string
		articles int
	}{
		{false, "nothing new, 1 you deleted left out", 1},
		{true, "1 new", 2},
		{false, "nothing new", 2},
	} {
		var lines bytes.Buffer
		fetch := Fetch
		if step.undelete {
			fetch = FetchUndeleting
		}
		if _, err := fetch(ctx, st, feeds.NewFetcher(), nil, nil, FetchProgress(&lines, false, 80)); err != nil {
			t.Fatal(err)
		}
		if want := "[1/1] " + url + ": " + step.line + "\n"; lines.String() != want {
			t.Errorf("fetch %d (undelete %v) printed %q, want %q", i, step.undelete, lines.String(), want)
		}
		if n, _ := st.Count(ctx, ""); n != step.articles {
			t.Errorf("after fetch %d: %d articles, want %d", i, n, step.articles)
		}
	}
}

// serveWhole serves body at /atom.xml on loopback, whole every time, with
// no validators.
func serveWhole(t *testing.T, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/atom.xml"
}

// TestFeedAddSaysWhatItHolds: feed add says how many articles the
// subscription holds and how many are new, not how many the feed's
// document has: entries the reader deleted are left out, and said so with
// the way back; articles taken back from an earlier subscription count.
func TestFeedAddSaysWhatItHolds(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		deleted []string // entries deleted before feed remove and add again
		readd   bool     // remove and add again
		want    string
	}{
		{"new", nil, false, "Atom Blog: 2 articles\n"},
		{"already subscribed", nil, false, "already subscribed to %s\nAtom Blog: 2 articles, 0 new\n"},
		{"again after remove", nil, true, "Atom Blog: 2 articles, 0 new\n"},
		{"again, one deleted", []string{"urn:e1"}, true,
			"Atom Blog: 1 article, 0 new; 1 you deleted left out (tidings fetch --undelete brings it back)\n"},
		{"again, all deleted", []string{"urn:e1", "urn:e2"}, true,
			"Atom Blog: 0 articles; 2 you deleted left out (tidings fetch --undelete brings them back)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			url := serveWhole(t, atomFeed)
			out := subscribe(t, st, url)
			if tc.name != "new" {
				for _, e := range tc.deleted {
					deleteIDs(t, st, idOf(t, st, "feed:"+url+"#"+e))
				}
				if tc.readd {
					if _, err := st.RemoveFeed(ctx, url, false); err != nil {
						t.Fatal(err)
					}
				}
				out = subscribe(t, st, url)
			}
			want := tc.want
			if strings.Contains(want, "%s") {
				want = fmt.Sprintf(want, url)
			} else {
				want = "subscribed to " + url + "\n" + want
			}
			if out != want {
				t.Errorf("feed add printed\n%s\nwant\n%s", out, want)
			}
			var list bytes.Buffer
			if err := ListFeeds(ctx, st, &list); err != nil {
				t.Fatal(err)
			}
			holds := fmt.Sprintf("%d article", 2-len(tc.deleted))
			if !strings.Contains(list.String(), "\n  "+holds) {
				t.Errorf("feed list says\n%s\nwant %s, as feed add said", list.String(), holds)
			}
		})
	}
}

// TestDeletedTextWayBack: what delete says is the way back for what it
// deleted: a fetch for a feed's articles, an import for files', both when
// it deleted both.
func TestDeletedTextWayBack(t *testing.T) {
	for _, tc := range []struct {
		d    store.Deleted
		want string
	}{
		{store.Deleted{Articles: 2}, "Deleted 2 articles; imports and fetches leave them out (import --undelete brings them back)."},
		{store.Deleted{Articles: 1, Notes: 1}, "Deleted 1 article and its note; imports and fetches leave it out (import --undelete brings it back)."},
		{store.Deleted{Articles: 1, Fed: 1}, "Deleted 1 article; imports and fetches leave it out (fetch --undelete brings it back while its feed serves it)."},
		{store.Deleted{Articles: 3, Fed: 3}, "Deleted 3 articles; imports and fetches leave them out (fetch --undelete brings them back while their feeds serve them)."},
		{store.Deleted{Articles: 3, Fed: 2}, "Deleted 3 articles; imports and fetches leave them out " +
			"(fetch --undelete brings back the 2 of feeds while the feeds serve them, import --undelete the 1 of files)."},
		{store.Deleted{}, "Nothing deleted: the articles were gone already."},
	} {
		if got := DeletedText(tc.d); got != tc.want {
			t.Errorf("%+v:\n got %s\nwant %s", tc.d, got, tc.want)
		}
	}
}
