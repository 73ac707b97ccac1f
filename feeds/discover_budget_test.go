package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestDiscoverIsBounded: finding the feed of a page whose feed links never
// answer takes no longer in all than a fetch of one feed may
// (Fetcher.Deadline), the links it had no time for counted in the error;
// once it has taken a while, Waiting is told which address it waits for,
// and nothing after Discover returns. A discovery that answers at once
// tells nothing.
func TestDiscoverIsBounded(t *testing.T) {
	defer func(q time.Duration) { discoverQuiet = q }(discoverQuiet)
	// Times far apart, so that a loaded machine cannot blur them: a link
	// would take 3 s, five of them 15 s, the whole discovery is given 2 s,
	// and it speaks after 1 s of silence.
	discoverQuiet = time.Second

	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		var links strings.Builder
		for i := range 8 {
			fmt.Fprintf(&links, `<link rel="alternate" type="application/rss+xml" href="/hang%d">`, i)
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head>`+links.String()+`</head><body>hi</body></html>`)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select { // until the client gives up
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	for i := range 8 {
		mux.Handle("/hang"+strconv.Itoa(i), mux)
	}
	mux.HandleFunc("/feed.xml", serveFile(t, "rss091.xml", "application/rss+xml"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/hang") {
			r.URL.Path = "/hang"
		}
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	var mu sync.Mutex
	var told []string
	var firstAt time.Duration
	f := testFetcher()
	f.Timeout = 3 * time.Second
	f.Deadline = 2 * time.Second
	start := time.Now()
	f.Waiting = func(line string) {
		mu.Lock()
		defer mu.Unlock()
		if told == nil {
			firstAt = time.Since(start)
		}
		told = append(told, line)
	}
	_, err := f.Discover(context.Background(), srv.URL+"/page")
	took := time.Since(start)
	if took > f.Deadline+3*time.Second {
		t.Errorf("discovery took %s, past the %s it is given", took, f.Deadline)
	}
	if err == nil {
		t.Fatal("found a feed on a page whose links never answer")
	}
	m := regexp.MustCompile(`; (\d) more not tried in the 2s finding the feed is given\)$`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Errorf("error %q; want the links not tried in the time given counted", err)
	}
	if !strings.Contains(err.Error(), "/hang0: ") {
		t.Errorf("error %q; want what the first link gave", err)
	}

	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	lines := append([]string(nil), told...)
	mu.Unlock()
	if len(lines) == 0 {
		t.Fatal("nothing told of a discovery that took two seconds")
	}
	if firstAt < discoverQuiet {
		t.Errorf("first told after %s, before %s", firstAt, discoverQuiet)
	}
	// One line for each link asked from the first told on, in order.
	line := regexp.MustCompile(`^waiting for .*/hang(\d), the page's feed link (\d) of 8( \(finding the feed takes at most 2s\))?$`)
	m0 := line.FindStringSubmatch(lines[0])
	if m0 == nil {
		t.Fatalf("told %q, want lines matching %s", lines, line)
	}
	first, _ := strconv.Atoi(m0[2])
	for i, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line %d = %q, want %s", i+1, l, line)
			continue
		}
		if n, _ := strconv.Atoi(m[2]); n != first+i || m[1] != strconv.Itoa(n-1) || (m[3] != "") != (i == 0) {
			t.Errorf("line %d = %q: not the next link, or the time given not said first and only first", i+1, l)
		}
	}

	told = nil
	if _, err := f.Discover(context.Background(), srv.URL+"/feed.xml"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(discoverQuiet + 100*time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(told) != 0 {
		t.Errorf("a discovery that answered at once told %q", told)
	}
}
