package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// downFetcher is the fetcher feed add uses, with its waits between
// requests made short: a busy server is asked three times, as it is, a few
// milliseconds apart. A request is given its usual time, which a loaded
// machine's TLS handshake needs.
func downFetcher() *feeds.Fetcher {
	f := feeds.NewFetcher()
	f.Backoff = 5 * time.Millisecond
	return f
}

// TestFeedAddOfAFeedDown: feed add of a feed that is down for now (a 5xx,
// a 429, no answer in time, a connection refused) subscribes to it all the
// same, as newsboat would, records its error as a failed fetch does, and
// says so; one that cannot be fetched as it is (a 404, a 410, a 401 or
// 403, a document that is no feed, a page whose feed link is gone, a
// certificate refused) is not subscribed to, and says that; nor is a
// site's page that is down, whose feed cannot be found until it answers.
func TestFeedAddOfAFeedDown(t *testing.T) {
	mux := http.NewServeMux()
	for path, code := range map[string]int{"/503.xml": 503, "/500.xml": 500, "/429.xml": 429, "/404.xml": 404,
		"/410.xml": 410, "/401.xml": 401, "/403.xml": 403, "/": 503, "/news/index.html": 502} {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(code)
		})
	}
	mux.HandleFunc("/silent.xml", func(w http.ResponseWriter, r *http.Request) {
		select { // hold the request until the client gives up
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "just some notes, no feed")
	})
	mux.HandleFunc("/site.html", func(w http.ResponseWriter, r *http.Request) {
		// A page up, whose feed is gone.
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/404.xml"></head><body>Hi</body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tls := httptest.NewUnstartedServer(mux) // its certificate is no one's the system trusts
	tls.Config.ErrorLog = log.New(io.Discard, "", 0)
	tls.StartTLS()
	t.Cleanup(tls.Close)
	refused := closedAddress(t)

	tests := map[string]struct {
		url  string
		want string // the error, %s the address; subscribed when it begins so
	}{
		"503":                {srv.URL + "/503.xml", "subscribed to %s, but it could not be fetched now: HTTP 503 Service Unavailable after 3 tries over "},
		"500":                {srv.URL + "/500.xml", "subscribed to %s, but it could not be fetched now: HTTP 500 Internal Server Error after 3 tries over "},
		"429":                {srv.URL + "/429.xml", "subscribed to %s, but it could not be fetched now: HTTP 429 Too Many Requests after 3 tries over "},
		"no answer":          {srv.URL + "/silent.xml", "subscribed to %s, but it could not be fetched now: timeout after 300ms; tidings fetch tries again"},
		"connection refused": {refused + "/feed.xml", "subscribed to %s, but it could not be fetched now: dial tcp "},
		"404":                {srv.URL + "/404.xml", "not subscribed: %s: HTTP 404 Not Found"},
		"410":                {srv.URL + "/410.xml", "not subscribed: %s: HTTP 410 Gone"},
		"401":                {srv.URL + "/401.xml", "not subscribed: %s: HTTP 401 Unauthorized; a feed behind a password is given with it: https://USER:PASSWORD@host/feed"},
		"403":                {srv.URL + "/403.xml", "not subscribed: %s: HTTP 403 Forbidden"},
		"not a feed":         {srv.URL + "/notes.txt", "not subscribed: %s: no feed found at "},
		"its feed gone":      {srv.URL + "/site.html", "not subscribed: %s: no feed found at "},
		"certificate":        {tls.URL + "/503.xml", "not subscribed: %s: tls: failed to verify certificate"},
		"a site, down":       {srv.URL + "/", "not subscribed: %s: HTTP 503 Service Unavailable after 3 tries over "},
		"a site's page":      {srv.URL + "/news/index.html", "not subscribed: %s: HTTP 502 Bad Gateway after 3 tries over "},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t)
			f := downFetcher()
			if name == "no answer" {
				f.Timeout = 300 * time.Millisecond // not the 5s the server holds it
			}
			added, err := SubscribeFeed(ctx, st, f, nil, tc.url, []string{"later"})
			want := fmt.Sprintf(tc.want, tc.url)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("SubscribeFeed: %v\nwant it to begin %q", err, want)
			}
			subs, serr := st.Feeds(ctx)
			if serr != nil {
				t.Fatal(serr)
			}
			_, unfetched := errors.AsType[*NotFetchedError](err)
			if !strings.HasPrefix(want, "subscribed") {
				if len(subs) != 0 || unfetched || added.Feed.ID != 0 {
					t.Errorf("subscribed to %+v (%T)", subs, err)
				}
				if site := strings.Contains(name, "site"); site != strings.Contains(err.Error(), "try again later") {
					t.Errorf("a site's page %v, but the error says %q", site, err)
				}
				return
			}
			var out bytes.Buffer
			PrintAdded(&out, added)
			if out.Len() > 0 {
				t.Errorf("printed %q besides the error, which says it all", out.String())
			}
			if !unfetched || !strings.HasSuffix(err.Error(), "; tidings fetch tries again") {
				t.Errorf("the error is %T %q, want a NotFetchedError saying fetch tries again", err, err)
			}
			// Subscribed, with its tag, its error recorded as a failed
			// fetch's: feed list and the # panel show it.
			if len(subs) != 1 || subs[0].URL != tc.url || subs[0].LastFetch.IsZero() ||
				!strings.Contains(err.Error(), subs[0].LastError) || len(subs[0].Tags) != 1 {
				t.Errorf("subscriptions %+v", subs)
			}
		})
	}
}

// TestFeedAddAgainOfAFeedGone: feed add of a feed subscribed already that
// fails now, for now or for good, gives it the tags given all the same and
// records its error, saying both.
func TestFeedAddAgainOfAFeedGone(t *testing.T) {
	ctx := context.Background()
	srv := newFeedRoutes(t)
	url := srv.serve("/feed.rss", rssDoc("Harbour", "a=Alpha"), false)
	st := openStore(t)
	if _, err := SubscribeFeed(ctx, st, downFetcher(), nil, url, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		status int
		tag    string
		want   string
	}{
		{404, "gone", "already subscribed to %s; tag #gone added (its tags now: #gone), but it could not be fetched: HTTP 404 Not Found"},
		{503, "busy", "already subscribed to %s; tag #busy added (its tags now: #gone #busy), but it could not be fetched now: HTTP 503 Service Unavailable after 3 tries over "},
	} {
		srv.mu.Lock()
		srv.status["/feed.rss"] = tc.status
		srv.mu.Unlock()
		_, err := SubscribeFeed(ctx, st, downFetcher(), nil, url, []string{tc.tag})
		if _, ok := errors.AsType[*NotFetchedError](err); !ok || !strings.HasPrefix(err.Error(), fmt.Sprintf(tc.want, url)) {
			t.Errorf("HTTP %d: %T %v\nwant it to begin %q", tc.status, err, err, fmt.Sprintf(tc.want, url))
		}
		sub, ferr := st.FeedByURL(ctx, url)
		if ferr != nil || !strings.HasPrefix(sub.LastError, fmt.Sprintf("HTTP %d", tc.status)) {
			t.Errorf("HTTP %d: the feed's error %q, %v", tc.status, sub.LastError, ferr)
		}
	}
	if n, err := st.Count(ctx, "tag:busy tag:gone"); err != nil || n != 1 {
		t.Errorf("the feed's article has %d of both tags, %v", n, err)
	}
}

// TestTemporaryFailure: which failures of a feed may mend by themselves.
func TestTemporaryFailure(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&feeds.StatusError{Code: 503, Status: "Service Unavailable"}, true},
		{fmt.Errorf("%w after 3 tries over 10s", &feeds.StatusError{Code: 502, Status: "Bad Gateway"}), true},
		{&feeds.StatusError{Code: 429, Status: "Too Many Requests"}, true},
		{&feeds.StatusError{Code: 408, Status: "Request Timeout"}, true},
		{&feeds.StatusError{Code: 404, Status: "Not Found"}, false},
		{&feeds.StatusError{Code: 451, Status: "Unavailable For Legal Reasons"}, false},
		{&net.DNSError{Err: "no such host", Name: "nowhere.example", IsNotFound: true}, false},
		{&net.DNSError{Err: "server misbehaving", Name: "news.example", IsTemporary: true}, true},
		{&net.DNSError{Err: "i/o timeout", Name: "news.example", IsTimeout: true}, true},
		{fmt.Errorf("%w after 30s", feeds.ErrTimeout), true},
		{fmt.Errorf("%w at http://x/: the page links to no RSS, Atom or JSON feed", feeds.ErrNoFeed), false},
		{errors.New("XML syntax error on line 3"), false},
		{store.ErrReadOnly, false},
	} {
		if got := temporaryFailure(tc.err); got != tc.want {
			t.Errorf("%v: temporary %v, want %v", tc.err, got, tc.want)
		}
	}
}

// closedAddress is the address of a loopback port nothing listens on.
func closedAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// TestFeedAddAgainWithAPasswordRefused: feed add of a feed subscribed
// already, with another password that the server refuses, gives it the tag
// and records the failure, but keeps the password it had, which fetched
// it, and says so.
func TestFeedAddAgainWithAPasswordRefused(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "alice" || p != "s3cret" {
			http.Error(w, "who are you", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssDoc("Locked", "a=Alpha"))
	}))
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "http://")
	st := openStore(t)
	if _, err := SubscribeFeed(ctx, st, downFetcher(), nil, "http://alice:s3cret@"+host+"/feed.xml", nil); err != nil {
		t.Fatal(err)
	}
	_, err := SubscribeFeed(ctx, st, downFetcher(), nil, "http://alice:typo@"+host+"/feed.xml", []string{"work"})
	want := "already subscribed to http://alice@" + host + "/feed.xml; tag #work added (its tags now: #work), " +
		"but it could not be fetched: HTTP 401 Unauthorized; it keeps the user name and password it had"
	if err == nil || err.Error() != want {
		t.Errorf("feed add with a password refused: %v\nwant %s", err, want)
	}
	sub, err := st.FeedByURL(ctx, srv.URL+"/feed.xml")
	if err != nil || sub.URL != "http://alice:s3cret@"+host+"/feed.xml" || len(sub.Tags) != 1 {
		t.Errorf("the subscription: %+v, %v", sub, err)
	}
}
