package feeds

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestFetchDoesNotRetryWhatCannotChange: a failure that asking again in a
// few seconds cannot change (a redirect to an address that is not http or
// https, a certificate refused, a host name that does not exist) is told
// after one request, and a redirect tidings does not follow says so; a
// server that is down for now (connection refused) is asked again.
func TestFetchDoesNotRetryWhatCannotChange(t *testing.T) {
	var redirects atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/tofile", func(w http.ResponseWriter, r *http.Request) {
		redirects.Add(1)
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	})
	mux.HandleFunc("/tofile301", func(w http.ResponseWriter, r *http.Request) {
		redirects.Add(1)
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusMovedPermanently)
	})
	mux.HandleFunc("/tojs", func(w http.ResponseWriter, r *http.Request) {
		redirects.Add(1)
		w.Header().Set("Location", "javascript:alert(1)")
		w.WriteHeader(http.StatusFound)
	})
	plain := httptest.NewServer(mux)
	defer plain.Close()

	var handshakes atomic.Int32
	selfSigned := httptest.NewUnstartedServer(http.NotFoundHandler())
	selfSigned.Config.ErrorLog = log.New(io.Discard, "", 0) // its handshake errors
	selfSigned.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			handshakes.Add(1)
		}
	}
	selfSigned.StartTLS()
	defer selfSigned.Close()

	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + closed.Addr().String() + "/feed.xml"
	closed.Close()

	var dials atomic.Int32
	noSuchHost := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			dials.Add(1)
			return nil, &net.DNSError{Err: "no such host", Name: "feeds.invalid", IsNotFound: true}
		},
	}}
	var refusedDials atomic.Int32
	countRefused := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			refusedDials.Add(1)
			return (&net.Dialer{}).DialContext(ctx, network, addr)
		},
	}}

	tests := map[string]struct {
		url    string
		client *http.Client
		count  *atomic.Int32
		want   int    // requests (or connections)
		err    string // the error starts so
		errNot string // and does not say this
	}{
		"302 to file:": {url: plain.URL + "/tofile", count: &redirects, want: 1,
			err: "redirected to file:///etc/passwd, which tidings does not follow", errNot: "tries"},
		"301 to file:": {url: plain.URL + "/tofile301", count: &redirects, want: 1,
			err: "redirected to file:///etc/passwd, which tidings does not follow", errNot: "tries"},
		"302 to javascript:": {url: plain.URL + "/tojs", count: &redirects, want: 1,
			err: "redirected to javascript:alert(1), which tidings does not follow", errNot: "tries"},
		"self-signed certificate": {url: selfSigned.URL + "/x.xml", count: &handshakes, want: 1,
			err: "tls: failed to verify certificate: x509:", errNot: "tries"},
		"no such host": {url: "http://feeds.invalid/feed.xml", client: noSuchHost, count: &dials, want: 1,
			err: "lookup feeds.invalid: no such host", errNot: "tries"},
		"connection refused is asked again": {url: refused, client: countRefused, count: &refusedDials, want: 3,
			err: "dial tcp " + closed.Addr().String() + ": connect: connection refused after 3 tries"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tc.count.Store(0)
			f := testFetcher()
			f.Client = tc.client
			// A loaded -race run can take over a second for a TLS
			// handshake: a timeout then would be a second try, which is
			// not what is counted here.
			f.ConnectTimeout, f.Timeout = 30*time.Second, 30*time.Second
			r := f.Fetch(context.Background(), Subscription{URL: tc.url})
			if r.Err == nil || !strings.HasPrefix(r.Err.Error(), tc.err) ||
				tc.errNot != "" && strings.Contains(r.Err.Error(), tc.errNot) {
				t.Errorf("error %v, want %q (without %q)", r.Err, tc.err, tc.errNot)
			}
			if n := int(tc.count.Load()); n != tc.want {
				t.Errorf("%d requests, want %d", n, tc.want)
			}
		})
	}
	if _, err := testFetcher().Discover(context.Background(), plain.URL+"/tofile"); err == nil ||
		err.Error() != "redirected to file:///etc/passwd, which tidings does not follow" {
		t.Errorf("Discover = %v, want the redirect not followed", err)
	}
}
