package cli

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// loopbackFetcher is a fetcher whose every request, to whatever host,
// reaches srv: a feed on a host beyond ASCII, served on loopback.
func loopbackFetcher(srv *httptest.Server) *feeds.Fetcher {
	f := feeds.NewFetcher()
	f.Retries = 0
	f.Client = &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, srv.Listener.Addr().String())
		},
	}}
	return f
}

// TestInternationalHostsAsPunycode: feed add and opml import of a feed on
// a host beyond ASCII subscribe to it under its punycode, and its entries'
// links and their bodies' links to such hosts are stored with the host as
// punycode too: what feed list, show and the reader give, and a browser
// opens; none percent-encoded.
func TestInternationalHostsAsPunycode(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	var hosts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hosts = append(hosts, r.Host)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>IDN</title><link>http://example.com/</link>`+
			`<item><title>Новости</title><guid isPermaLink="false">i1</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>`+
			`<link>http://президент.рф/news/1</link><description>&lt;a href="http://bücher.example/buch"&gt;Bücher&lt;/a&gt;</description></item>`+
			`</channel></rss>`)
	}))
	defer srv.Close()

	st := openStore(t)
	a, err := SubscribeFeed(ctx, st, loopbackFetcher(srv), nil, "http://президент.рф/rss", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "http://xn--d1abbgf6aiiy.xn--p1ai/rss"; a.Feed.URL != want {
		t.Errorf("feed add subscribed to %q, want %q", a.Feed.URL, want)
	}
	mu.Lock()
	if len(hosts) == 0 || hosts[0] != "xn--d1abbgf6aiiy.xn--p1ai" {
		t.Errorf("requested of hosts %q", hosts)
	}
	mu.Unlock()
	var arts []store.Article
	if err := st.Search(ctx, "", 0, func(a store.Article) error { arts = append(arts, a); return nil }); err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	if want := "http://xn--d1abbgf6aiiy.xn--p1ai/news/1"; arts[0].URL != want {
		t.Errorf("link %q, want %q", arts[0].URL, want)
	}
	if want := "[Bücher](http://xn--bcher-kva.example/buch)"; arts[0].Body != want {
		t.Errorf("body %q, want %q", arts[0].Body, want)
	}

	path := filepath.Join(t.TempDir(), "idn.opml")
	opml := `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body>` +
		`<outline type="rss" text="Bücher" xmlUrl="http://bücher.example/rss"/>` +
		`<outline type="rss" text="Президент" xmlUrl="http://президент.рф/rss"/></body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	added, problems, err := ImportOPML(ctx, st, path, &out)
	if err != nil || added != 1 || len(problems) != 0 {
		t.Fatalf("ImportOPML = %d, %v, %v\n%s", added, problems, err, out.String())
	}
	subs, err := st.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, s := range subs {
		urls = append(urls, s.URL)
	}
	slices.Sort(urls)
	if got, want := strings.Join(urls, " "), "http://xn--bcher-kva.example/rss http://xn--d1abbgf6aiiy.xn--p1ai/rss"; got != want {
		t.Errorf("subscriptions %s, want %s", got, want)
	}
}
