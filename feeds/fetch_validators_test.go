package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// validatorServer serves a feed with an ETag and a Last-Modified, and
// answers a conditional request (If-None-Match, If-Modified-Since) with
// refuse: a status, or 0 to drop the connection unanswered. It records
// the validators each request sent.
type validatorServer struct {
	*httptest.Server
	mu     sync.Mutex
	refuse int
	etag   string
	lm     string
	asked  []string // "If-None-Match|If-Modified-Since" of each request
}

func newValidatorServer(t *testing.T) *validatorServer {
	v := &validatorServer{etag: `"v1"`, lm: "Sun, 01 Nov 2026 00:00:00 GMT"}
	v.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inm, ims := r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
		v.mu.Lock()
		v.asked = append(v.asked, inm+"|"+ims)
		refuse, etag, lm := v.refuse, v.etag, v.lm
		v.mu.Unlock()
		if inm != "" || ims != "" {
			if refuse == 0 {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
				return
			}
			w.WriteHeader(refuse)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Validators</title>`+
			`<item><title>One</title><guid>v-1</guid></item></channel></rss>`)
	}))
	t.Cleanup(v.Close)
	return v
}

// requests are the validators each request sent, and forgets them.
func (v *validatorServer) requests() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := v.asked
	v.asked = nil
	return out
}

// TestFetchServerRefusingValidators: a server that refuses a conditional
// request (a 400, a 412, a 431, or dropping the connection) is asked once
// more without the validators, and the feed is read; the validators are
// then forgotten, so that the next fetch asks as that one did. A refusal
// that is about the feed or the reader (gone, not found, forbidden, asked
// too often) is the feed's error, and the server is not asked again.
func TestFetchServerRefusingValidators(t *testing.T) {
	const both = `"v1"|Sun, 01 Nov 2026 00:00:00 GMT`
	tests := map[string]struct {
		refuse int
		want   []string // the validators of each request
		err    string   // "" when the feed is read
	}{
		"400":                  {refuse: 400, want: []string{both, "|"}},
		"412":                  {refuse: 412, want: []string{both, "|"}},
		"431":                  {refuse: 431, want: []string{both, "|"}},
		"connection dropped":   {refuse: 0, want: []string{both, "|"}},
		"404 is the feed's":    {refuse: 404, want: []string{both}, err: "HTTP 404 Not Found"},
		"410 is the feed's":    {refuse: 410, want: []string{both}, err: "HTTP 410 Gone"},
		"401 is the reader's":  {refuse: 401, want: []string{both}, err: "HTTP 401 Unauthorized"},
		"403 is the reader's":  {refuse: 403, want: []string{both}, err: "HTTP 403 Forbidden"},
		"429 is asked later":   {refuse: 429, want: []string{both}, err: "HTTP 429 Too Many Requests"},
		"503 is asked later":   {refuse: 503, want: []string{both}, err: "HTTP 503 Service Unavailable"},
		"408 is not of a kind": {refuse: 408, want: []string{both}, err: "HTTP 408 Request Timeout"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := newValidatorServer(t)
			srv.refuse = tc.refuse
			f := testFetcher()
			f.Retries = 0
			sub := Subscription{URL: srv.URL + "/feed.xml", ETag: `"v1"`, LastModified: "Sun, 01 Nov 2026 00:00:00 GMT"}
			r := f.Fetch(context.Background(), sub)
			if got := srv.requests(); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("requests sent validators %q, want %q", got, tc.want)
			}
			if tc.err != "" {
				if r.Err == nil || r.Err.Error() != tc.err {
					t.Fatalf("error %v, want %s", r.Err, tc.err)
				}
				if r.Sub.ETag != sub.ETag || r.Sub.LastModified != sub.LastModified {
					t.Errorf("a failed fetch changed the validators to %q, %q", r.Sub.ETag, r.Sub.LastModified)
				}
				return
			}
			if r.Err != nil || len(r.Articles) != 1 {
				t.Fatalf("fetch = %d articles, %v; want the feed read without validators", len(r.Articles), r.Err)
			}
			if r.Sub.ETag != "" || r.Sub.LastModified != "" {
				t.Errorf("validators kept: %q, %q; a server that refuses them is asked without them", r.Sub.ETag, r.Sub.LastModified)
			}
			// The next fetch, as the store has it, asks without them at once.
			if r = f.Fetch(context.Background(), r.Sub); r.Err != nil {
				t.Fatalf("next fetch: %v", r.Err)
			}
			if got := srv.requests(); len(got) != 1 || got[0] != "|" {
				t.Errorf("the next fetch sent validators %q, want one request without them", got)
			}
		})
	}
}

// TestFetchKeepsSaneValidators: an ETag longer than a KiB, and a
// Last-Modified that is not an HTTP date, are not kept for the next
// request, nor sent when a subscription has them from before.
func TestFetchKeepsSaneValidators(t *testing.T) {
	longest := `"` + strings.Repeat("e", maxValidator-2) + `"`
	tests := map[string]struct {
		etag, lm         string
		wantETag, wantLM string
	}{
		"sane":                 {etag: `W/"abc"`, lm: "Sun, 01 Nov 2026 00:00:00 GMT", wantETag: `W/"abc"`, wantLM: "Sun, 01 Nov 2026 00:00:00 GMT"},
		"a KiB":                {etag: longest, lm: "Sunday, 01-Nov-26 00:00:00 GMT", wantETag: longest, wantLM: "Sunday, 01-Nov-26 00:00:00 GMT"},
		"500 KB":               {etag: `"` + strings.Repeat("e", 500000) + `"`, lm: "Sun, 01 Nov 2026 00:00:00 GMT", wantLM: "Sun, 01 Nov 2026 00:00:00 GMT"},
		"a byte over":          {etag: longest + "x", lm: "Sun, 01 Nov 2026 00:00:00 GMT", wantLM: "Sun, 01 Nov 2026 00:00:00 GMT"},
		"Last-Modified 100 KB": {etag: `"a"`, lm: strings.Repeat("x", 100000), wantETag: `"a"`},
		"Last-Modified words":  {etag: `"a"`, lm: "yesterday", wantETag: `"a"`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv := newValidatorServer(t)
			srv.refuse = http.StatusBadRequest
			srv.etag, srv.lm = tc.etag, tc.lm
			f := testFetcher()
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.xml"})
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.Sub.ETag != tc.wantETag || r.Sub.LastModified != tc.wantLM {
				t.Errorf("kept ETag of %d bytes and Last-Modified %.40q; want %d bytes and %q",
					len(r.Sub.ETag), r.Sub.LastModified, len(tc.wantETag), tc.wantLM)
			}
			// Stored from before: what is not kept is not sent.
			srv.requests()
			f.Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.xml", ETag: tc.etag, LastModified: tc.lm})
			want := tc.wantETag + "|" + tc.wantLM
			if got := srv.requests(); len(got) == 0 || got[0] != want {
				t.Errorf("first request sent %.80q, want %.80q", got, want)
			}
		})
	}
}
