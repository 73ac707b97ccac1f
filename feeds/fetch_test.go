package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testFetcher is a Fetcher with timeouts and waits short enough for tests.
func testFetcher() *Fetcher {
	f := NewFetcher()
	f.Timeout = 2 * time.Second
	f.ConnectTimeout = time.Second
	f.Backoff = time.Millisecond
	return f
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "feeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// serveFile answers with a fixture and a Content-Type.
func serveFile(t testing.TB, name, contentType string) http.HandlerFunc {
	data := fixture(t, name)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(data)
	}
}

func TestFetchAllFormats(t *testing.T) {
	files := map[string]struct{ file, contentType string }{
		"/wordpress": {"wordpress-rss2.xml", "application/rss+xml; charset=UTF-8"},
		"/atom":      {"atom10-xmlbase.xml", "application/atom+xml"},
		"/rdf":       {"rss10-rdf.xml", "application/rdf+xml"},
		"/rss091":    {"rss091.xml", "text/xml"},
		"/atom03":    {"atom03.xml", "application/xml"},
		"/json":      {"jsonfeed11.json", "application/feed+json"},
		"/latin1":    {"iso-8859-1.xml", "text/xml; charset=utf-8"}, // the prolog wins over a server default
		"/cp1252":    {"windows-1252-undeclared.xml", "text/xml; charset=windows-1252"},
	}
	mux := http.NewServeMux()
	var subs []Subscription
	for path, f := range files {
		mux.Handle(path, serveFile(t, f.file, f.contentType))
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for path := range files {
		subs = append(subs, Subscription{URL: srv.URL + path, Tags: []string{"from-test"}})
	}
	var progressed []string
	articles := make(map[string][]Article) // by feed: progress has them, the results do not
	results := testFetcher().FetchAll(context.Background(), subs, func(r FetchResult) {
		progressed = append(progressed, r.Sub.URL) // never called concurrently: no lock
		articles[r.Sub.URL] = r.Articles
	})
	if len(results) != len(subs) || len(progressed) != len(subs) {
		t.Fatalf("%d results, %d progress calls for %d feeds", len(results), len(progressed), len(subs))
	}
	want := map[string]string{ // first article's title
		"/wordpress": "Ferry timetable changes for the spring season",
		"/atom":      "Mapping the old mill race",
		"/rdf":       "Moss grows faster on north walls, survey finds",
		"/rss091":    "Road closed after landslip",
		"/atom03":    "Winter garden notes",
		"/json":      "The lighthouse reopens",
		"/latin1":    "Crème brûlée à la française",
		"/cp1252":    "“Quoted” headline – costs €5",
	}
	for i, r := range results {
		path := strings.TrimPrefix(subs[i].URL, srv.URL)
		if r.Sub.URL != subs[i].URL {
			t.Errorf("result %d is for %s, want %s: results keep the order of subs", i, r.Sub.URL, subs[i].URL)
		}
		if r.Err != nil {
			t.Errorf("%s: %v", path, r.Err)
			continue
		}
		got := articles[r.Sub.URL]
		if len(got) == 0 || got[0].Title != want[path] {
			t.Errorf("%s: first article %+v", path, got)
			continue
		}
		for _, a := range got {
			checkFeedArticle(t, a)
			if a.FeedURL != subs[i].URL || len(a.Tags) != 1 || a.Tags[0] != "from-test" {
				t.Errorf("%s: feed %q tags %q", path, a.FeedURL, a.Tags)
			}
		}
		if r.Sub.Title == "" || r.Bytes == 0 || r.Duration <= 0 || r.NotModified {
			t.Errorf("%s: sub %+v, %d bytes, %v", path, r.Sub, r.Bytes, r.Duration)
		}
	}
}

func TestFetchConditionalGet(t *testing.T) {
	tests := map[string]struct {
		header, value, requestHeader string
	}{
		"ETag":          {"ETag", `W/"v1-abc"`, "If-None-Match"},
		"Last-Modified": {"Last-Modified", "Tue, 05 Mar 2024 09:12:44 GMT", "If-Modified-Since"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			data := fixture(t, "wordpress-rss2.xml")
			var bodies, notModified atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set(tc.header, tc.value)
				if r.Header.Get(tc.requestHeader) == tc.value {
					notModified.Add(1)
					w.WriteHeader(http.StatusNotModified)
					return
				}
				bodies.Add(1)
				w.Write(data)
			}))
			defer srv.Close()
			f := testFetcher()
			first := f.Fetch(context.Background(), Subscription{URL: srv.URL})
			if first.Err != nil || first.NotModified || len(first.Articles) != 3 {
				t.Fatalf("first fetch: %v, not modified %v, %d articles", first.Err, first.NotModified, len(first.Articles))
			}
			if first.Sub.Title != "Harbour Town Gazette" || first.Sub.SiteURL != "https://gazette.example.org" {
				t.Errorf("sub not updated from the feed: %+v", first.Sub)
			}
			second := f.Fetch(context.Background(), first.Sub)
			if second.Err != nil || !second.NotModified || len(second.Articles) != 0 || second.Bytes != 0 {
				t.Errorf("second fetch: %v, not modified %v, %d articles, %d bytes", second.Err, second.NotModified, len(second.Articles), second.Bytes)
			}
			if bodies.Load() != 1 || notModified.Load() != 1 {
				t.Errorf("%d bodies, %d 304s; want 1 and 1", bodies.Load(), notModified.Load())
			}
			if !reflect.DeepEqual(second.Sub, first.Sub) {
				t.Errorf("a 304 changed the subscription: %+v", second.Sub)
			}
		})
	}
}

func TestFetchFailedParseKeepsValidators(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"broken"`)
		w.Write(fixture(t, "malformed.xml"))
	}))
	defer srv.Close()
	sub := Subscription{URL: srv.URL, ETag: `"old"`, Title: "Mine"}
	r := testFetcher().Fetch(context.Background(), sub)
	if r.Err == nil || !reflect.DeepEqual(r.Sub, sub) {
		t.Errorf("err %v, sub %+v: a feed that fails to parse must be fetched in full next time", r.Err, r.Sub)
	}
}

func TestFetchRedirects(t *testing.T) {
	data := fixture(t, "rss091.xml")
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) { w.Write(data) })
	hop := func(code int, to string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	mux.Handle("/temporary", hop(http.StatusFound, "/feed"))
	mux.Handle("/moved", hop(http.StatusMovedPermanently, "/moved-again"))
	mux.Handle("/moved-again", hop(http.StatusPermanentRedirect, "/feed"))
	mux.Handle("/moved-then-temporary", hop(http.StatusMovedPermanently, "/temporary"))
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			w.Write(data)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := map[string]struct {
		path, newURL, err string
	}{
		"temporary":                   {path: "/temporary"},
		"permanent 301 then 308":      {path: "/moved", newURL: "/feed"},
		"permanent then temporary":    {path: "/moved-then-temporary", newURL: "/temporary"},
		"five redirects are followed": {path: "/chain/5"},
		"six are too many":            {path: "/chain/6", err: "too many redirects: stopped after 5"},
	}
	f := testFetcher()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + tc.path})
			if tc.err != "" {
				if r.Err == nil || r.Err.Error() != tc.err || !errors.Is(r.Err, ErrTooManyRedirects) {
					t.Errorf("error %v, want %q", r.Err, tc.err)
				}
				return
			}
			if r.Err != nil || len(r.Articles) != 2 {
				t.Fatalf("error %v, %d articles", r.Err, len(r.Articles))
			}
			want := ""
			if tc.newURL != "" {
				want = srv.URL + tc.newURL
			}
			if r.NewURL != want {
				t.Errorf("NewURL %q, want %q", r.NewURL, want)
			}
			if r.Articles[0].FeedURL != srv.URL+tc.path {
				t.Errorf("articles filed under %q, want the subscription's URL", r.Articles[0].FeedURL)
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/slow-body" {
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>slow`))
			w.(http.Flusher).Flush()
		}
		select { // hold the request until the client gives up
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	f := testFetcher()
	f.Timeout = 150 * time.Millisecond
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		t.Run(path, func(t *testing.T) {
			hits.Store(0)
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + path})
			if r.Err == nil || r.Err.Error() != "timeout after 150ms" || !errors.Is(r.Err, ErrTimeout) {
				t.Errorf("error %v, want timeout after 150ms", r.Err)
			}
			if hits.Load() != 1 {
				t.Errorf("%d requests: a slow server is not asked again", hits.Load())
			}
		})
	}
}

func TestFetchBodyLimit(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 3<<20)
	bomb := gzipBomb(t, 64<<20)
	var sawGzip atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("/sized", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		w.Write(big)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < len(big); i += 64 << 10 {
			w.Write(big[i : i+64<<10])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		sawGzip.Store(strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"))
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(bomb)
	})
	mux.HandleFunc("/gzipped-feed", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(fixture(t, "rss091.xml"))
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(b.Bytes())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := testFetcher()
	f.MaxBody = 1 << 20
	if int64(len(bomb)) >= f.MaxBody/8 {
		t.Fatalf("the bomb is %d bytes on the wire: the limit must be met only after decompression", len(bomb))
	}
	for _, path := range []string{"/sized", "/chunked", "/bomb"} {
		t.Run(path, func(t *testing.T) {
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + path})
			if r.Err == nil || r.Err.Error() != "body over 1 MiB" || !errors.Is(r.Err, ErrBodyTooLarge) {
				t.Errorf("error %v, want body over 1 MiB", r.Err)
			}
			if r.Bytes > f.MaxBody {
				t.Errorf("read %d bytes past a limit of %d", r.Bytes, f.MaxBody)
			}
		})
	}
	if !sawGzip.Load() {
		t.Errorf("the request did not offer gzip")
	}
	r := f.Fetch(context.Background(), Subscription{URL: srv.URL + "/gzipped-feed"})
	if r.Err != nil || len(r.Articles) != 2 {
		t.Errorf("gzipped feed: %v, %d articles", r.Err, len(r.Articles))
	}
}

// gzipBomb is n zero bytes (a multiple of 1 MB), gzipped to about a
// thousandth of that: one compressed megabyte repeated as gzip members,
// which a gzip reader reads back to back.
func gzipBomb(t testing.TB, n int) []byte {
	var member bytes.Buffer
	zw, err := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return bytes.Repeat(member.Bytes(), n>>20)
}

// tookD is how long a fetch took, in an error: "over 3ms".
var tookD = regexp.MustCompile(`over [0-9.]+[nµm]?s\b`)

func TestFetchRetries(t *testing.T) {
	data := fixture(t, "rss091.xml")
	type step struct {
		code       int
		retryAfter string
	}
	tests := map[string]struct {
		steps   []step // answers in turn; after them the feed
		retries int
		hits    int
		err     string
	}{
		"503 twice then the feed":    {steps: []step{{code: 503}, {code: 503}}, retries: 2, hits: 3},
		"500 more than retries":      {steps: []step{{code: 500}, {code: 500}, {code: 500}}, retries: 2, hits: 3, err: "HTTP 500 Internal Server Error after 3 tries over D"},
		"404 is not retried":         {steps: []step{{code: 404}}, retries: 2, hits: 1, err: "HTTP 404 Not Found"},
		"410 is not retried":         {steps: []step{{code: 410}}, retries: 2, hits: 1, err: "HTTP 410 Gone"},
		"429 then the feed":          {steps: []step{{code: 429, retryAfter: "0"}}, retries: 1, hits: 2},
		"Retry-After beyond the cap": {steps: []step{{code: 429, retryAfter: "3600"}}, retries: 2, hits: 1, err: "HTTP 429 Too Many Requests; the server asks to retry after 1h0m0s"},
		"no retries configured":      {steps: []step{{code: 502}}, retries: 0, hits: 1, err: "HTTP 502 Bad Gateway"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(hits.Add(1)) - 1
				if n < len(tc.steps) {
					if s := tc.steps[n]; s.retryAfter != "" {
						w.Header().Set("Retry-After", s.retryAfter)
					}
					w.WriteHeader(tc.steps[n].code)
					return
				}
				w.Write(data)
			}))
			defer srv.Close()
			f := testFetcher()
			f.Retries = tc.retries
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL})
			if int(hits.Load()) != tc.hits {
				t.Errorf("%d requests, want %d", hits.Load(), tc.hits)
			}
			if tc.err == "" {
				if r.Err != nil || len(r.Articles) != 2 {
					t.Errorf("error %v, %d articles", r.Err, len(r.Articles))
				}
				return
			}
			if r.Err == nil || tookD.ReplaceAllString(r.Err.Error(), "over D") != tc.err {
				t.Errorf("error %v, want %q", r.Err, tc.err)
			}
			if se, ok := errors.AsType[*StatusError](r.Err); !ok || se.Code != tc.steps[0].code {
				t.Errorf("error %v does not carry the status", r.Err)
			}
		})
	}
}

func TestFetchHonoursRetryAfter(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		n := len(times)
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write(fixture(t, "rss091.xml"))
	}))
	defer srv.Close()
	r := testFetcher().Fetch(context.Background(), Subscription{URL: srv.URL})
	if r.Err != nil || len(times) != 2 {
		t.Fatalf("error %v after %d requests", r.Err, len(times))
	}
	if gap := times[1].Sub(times[0]); gap < 900*time.Millisecond {
		t.Errorf("asked again after %v; the server asked for 1s", gap)
	}
}

func TestFetchNetworkErrorRetried(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 { // drop the connection without an answer
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		w.Write(fixture(t, "rss091.xml"))
	}))
	defer srv.Close()
	r := testFetcher().Fetch(context.Background(), Subscription{URL: srv.URL})
	if r.Err != nil || len(r.Articles) != 2 || hits.Load() != 2 {
		t.Errorf("error %v, %d articles after %d requests", r.Err, len(r.Articles), hits.Load())
	}
}

func TestFetchAllFailuresStayApart(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/good", serveFile(t, "wordpress-rss2.xml", "application/rss+xml"))
	mux.Handle("/malformed", serveFile(t, "malformed.xml", "application/rss+xml"))
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<!doctype html><html><body>Welcome</body></html>"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/hostile-status", func(w http.ResponseWriter, r *http.Request) {
		// A reason phrase can only be set by writing the status line by hand.
		conn, buf, _ := w.(http.Hijacker).Hijack()
		defer conn.Close()
		buf.WriteString("HTTP/1.1 403 Go \x1b[31maway\r\nContent-Length: 0\r\n\r\n")
		buf.Flush()
	})
	mux.HandleFunc("/long-status", func(w http.ResponseWriter, r *http.Request) {
		conn, buf, _ := w.(http.Hijacker).Hijack()
		defer conn.Close()
		buf.WriteString("HTTP/1.1 503 " + strings.Repeat("y", 100_000) + "\r\nContent-Length: 0\r\n\r\n")
		buf.Flush()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // nothing listens here any more

	f := testFetcher()
	f.Retries = 0
	subs := []Subscription{
		{URL: srv.URL + "/good"},
		{URL: srv.URL + "/malformed"},
		{URL: srv.URL + "/page"},
		{URL: srv.URL + "/missing"},
		{URL: srv.URL + "/hostile-status"},
		{URL: srv.URL + "/long-status"},
		{URL: closed.URL + "/feed"},
		{URL: "ftp://files.example.com/feed.xml"},
		{URL: srv.URL + "/good?again"},
	}
	want := []string{
		"",
		"not a feed: XML syntax error on line 5: unexpected EOF",
		"not a feed: the server sent an HTML page",
		"HTTP 404 Not Found",
		"HTTP 403 Go away",
		"HTTP 503 " + strings.Repeat("y", 200) + "…",
		"connection refused",
		`bad feed URL "ftp://files.example.com/feed.xml": not an http(s) address`,
		"",
	}
	results := f.FetchAll(context.Background(), subs, nil)
	for i, r := range results {
		switch {
		case want[i] == "" && (r.Err != nil || len(r.Articles) != 3):
			t.Errorf("%s: error %v, %d articles", subs[i].URL, r.Err, len(r.Articles))
		case want[i] != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), want[i])):
			t.Errorf("%s: error %v, want %q", subs[i].URL, r.Err, want[i])
		case r.Err != nil:
			checkTerminalSafe(t, "error", r.Err.Error())
			if r.Sub.URL != subs[i].URL || len(r.Articles) != 0 {
				t.Errorf("%s: a failed result has sub %+v, %d articles", subs[i].URL, r.Sub, len(r.Articles))
			}
		}
	}
	if !errors.Is(results[1].Err, ErrNotFeed) {
		t.Errorf("malformed feed error %v does not wrap ErrNotFeed", results[1].Err)
	}
}

func TestFetchAllBoundsConcurrency(t *testing.T) {
	data := fixture(t, "rss091.xml")
	var mu sync.Mutex
	inFlight := map[string]int{}
	peak := map[string]int{}
	total, peakTotal := 0, 0
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight[r.Host]++
		total++
		peak[r.Host] = max(peak[r.Host], inFlight[r.Host])
		peakTotal = max(peakTotal, total)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		inFlight[r.Host]--
		total--
		mu.Unlock()
		w.Write(data)
	})
	a, b := httptest.NewServer(handler), httptest.NewServer(handler)
	defer a.Close()
	defer b.Close()
	var subs []Subscription
	for i := range 12 {
		subs = append(subs, Subscription{URL: fmt.Sprintf("%s/%d", a.URL, i)}, Subscription{URL: fmt.Sprintf("%s/%d", b.URL, i)})
	}
	f := testFetcher()
	f.PerHost, f.Concurrency = 2, 3
	for _, r := range f.FetchAll(context.Background(), subs, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	for host, p := range peak {
		if p > f.PerHost {
			t.Errorf("%d requests at once to %s; PerHost is %d", p, host, f.PerHost)
		}
	}
	if peakTotal > f.Concurrency || peakTotal < 2 {
		t.Errorf("%d requests at once; Concurrency is %d", peakTotal, f.Concurrency)
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := httptest.NewServer(serveFile(t, "rss091.xml", "text/xml"))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, r := range testFetcher().FetchAll(ctx, []Subscription{{URL: srv.URL}, {URL: srv.URL + "/2"}}, nil) {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", r.Err)
		}
	}
}

func TestFetchExternalEntity(t *testing.T) {
	var remoteHits atomic.Int32
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		remoteHits.Add(1)
		w.Write([]byte("SECRET-FROM-REMOTE"))
	}))
	defer remote.Close()
	doc := strings.ReplaceAll(string(fixture(t, "xxe.xml.tmpl")), "{{REMOTE}}", remote.URL)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(doc))
	}))
	defer srv.Close()
	r := testFetcher().Fetch(context.Background(), Subscription{URL: srv.URL})
	if r.Err != nil || len(r.Articles) != 1 {
		t.Fatalf("error %v, %d articles", r.Err, len(r.Articles))
	}
	a := r.Articles[0]
	if remoteHits.Load() != 0 || strings.Contains(a.Title+a.Body, "SECRET") || strings.Contains(a.Title+a.Body, "root:") {
		t.Errorf("external entity resolved: %d remote requests, title %q, body %q", remoteHits.Load(), a.Title, a.Body)
	}
}

func TestFetchSendsHeaders(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Write(fixture(t, "rss091.xml"))
	}))
	defer srv.Close()
	f := testFetcher()
	f.UserAgent = "tidings-test/1"
	if r := f.Fetch(context.Background(), Subscription{URL: srv.URL}); r.Err != nil {
		t.Fatal(r.Err)
	}
	if got.Get("User-Agent") != "tidings-test/1" || !strings.Contains(got.Get("Accept"), "application/rss+xml") ||
		got.Get("If-None-Match") != "" || got.Get("If-Modified-Since") != "" {
		t.Errorf("request headers %v", got)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"":                              0,
		"120":                           2 * time.Minute,
		"-5":                            0,
		"soon":                          0,
		"Tue, 05 Mar 2024 10:00:30 GMT": 30 * time.Second,
		"Tue, 05 Mar 2024 09:00:00 GMT": 0,
	}
	for in, want := range tests {
		if got := retryAfter(in, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// Connect timeouts cannot be provoked on loopback; the dialer's setting is
// checked instead.
func TestFetcherClientUsesConnectTimeout(t *testing.T) {
	f := testFetcher()
	f.ConnectTimeout = 123 * time.Millisecond
	tr, ok := f.httpClient().Transport.(*http.Transport)
	if !ok || tr.TLSHandshakeTimeout != f.ConnectTimeout || tr.DialContext == nil {
		t.Fatalf("transport %+v", tr)
	}
}
