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

// TestFeedCommandsShowNoPassword: a feed whose address carries a user name
// and password (basic authentication) is shown without the password by
// feed add, fetch (its progress, its failures and warnings), feed list
// and feed remove. feed add with a new password finds the subscription,
// says it takes the new one, and brings no article twice; feed add of the
// address as shown finds it too, fetched with the password it has.
func TestFeedCommandsShowNoPassword(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	passwords := map[string]bool{"s3cret": true, "n3w-pass": true}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "alice" || !passwords[p] {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		if r.URL.Path == "/old.xml" {
			http.Redirect(w, r, "/auth.xml", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Locked</title>`+
			`<item><title>One</title><guid>1</guid><description>One.</description></item>`+
			`<item><title>Two</title><guid>1</guid><description>Two.</description></item></channel></rss>`)
	}))
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")
	shown := "http://alice@" + host + "/old.xml"
	var out, all bytes.Buffer

	added, err := SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice:s3cret@"+host+"/old.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	PrintAdded(&out, added)
	if want := "subscribed to " + "http://alice@" + host + "/auth.xml\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("feed add printed\n%s\nwant it to begin %q", out.String(), want)
	}
	// The old address, to be moved from by the fetch.
	if _, err := st.RemoveFeed(ctx, srv.URL+"/auth.xml", false); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Subscribe(ctx, store.Feed{URL: "http://alice:s3cret@" + host + "/old.xml"}); err != nil {
		t.Fatal(err)
	}
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, FetchProgress(&out, false, 80))
	if err != nil {
		t.Fatal(err)
	}
	PrintFetchSummary(&out, &out, rep, 0)
	for _, want := range []string{
		"[1/1] " + shown + ": ",
		"warning: " + shown + ": moved to http://alice@" + host + "/auth.xml",
		"warning: " + shown + `: entry "One": guid "1" is other entries' too`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("fetch printed\n%s\nwant %q", out.String(), want)
		}
	}
	passwords["s3cret"] = false
	rep, err = Fetch(ctx, st, feeds.NewFetcher(), nil, nil, FetchProgress(&out, false, 80))
	if err != nil {
		t.Fatal(err)
	}
	PrintFetchSummary(&out, &out, rep, 0)
	if want := "failed: http://alice@" + host + "/auth.xml: HTTP 401 Unauthorized"; !strings.Contains(out.String(), want) {
		t.Errorf("fetch printed\n%s\nwant %q", out.String(), want)
	}

	all.Write(out.Bytes())
	out.Reset()
	added, err = SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice:n3w-pass@"+host+"/auth.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	PrintAdded(&out, added)
	if want := "already subscribed to http://alice@" + host + "/auth.xml; it is fetched with the user name and password given from now on\n" +
		"Locked: 2 articles, 0 new\n"; !strings.HasPrefix(out.String(), want) {
		t.Errorf("feed add with the new password printed\n%s\nwant it to begin\n%s", out.String(), want)
	}
	// The address as shown, given back with a tag, is fetched with the
	// password the feed has.
	added, err = SubscribeFeed(ctx, st, feeds.NewFetcher(), nil, "http://alice@"+host+"/auth.xml", []string{"locked"})
	if err != nil || added.New || added.Recredentialed || added.Feed.URL != "http://alice:n3w-pass@"+host+"/auth.xml" {
		t.Fatalf("feed add of the address shown: new %v, recredentialed %v, at %q (%v)", added.New, added.Recredentialed, added.Feed.URL, err)
	}
	if err := ListFeeds(ctx, st, &out); err != nil {
		t.Fatal(err)
	}
	if want := "Locked\n  http://alice@" + host + "/auth.xml\n  2 articles (2 unread), fetched "; !strings.Contains(out.String(), want) || !strings.Contains(out.String(), ", tags #locked\n") {
		t.Errorf("feed list printed\n%s\nwant %q", out.String(), want)
	}
	f, err := st.FeedByURL(ctx, srv.URL+"/auth.xml")
	if err != nil {
		t.Fatal(err)
	}
	removed, err := st.RemoveFeed(ctx, f.URL, false)
	if err != nil {
		t.Fatal(err)
	}
	out.WriteString(RemovedFeedText(f, removed, false))
	if want := "unsubscribed from Locked (http://alice@" + host + "/auth.xml)"; !strings.Contains(out.String(), want) {
		t.Errorf("feed remove printed %q, want %q", out.String(), want)
	}
	all.Write(out.Bytes())
	if strings.Contains(all.String(), "s3cret") || strings.Contains(all.String(), "n3w-pass") {
		t.Errorf("a password was shown:\n%s", all.String())
	}
}
