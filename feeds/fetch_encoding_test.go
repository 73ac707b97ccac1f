package feeds

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestFetchReadsWhatTheServerCompressedUnasked: tidings asks for gzip only,
// but some servers send deflate all the same (as zlib, as RFC 9110 says,
// or raw), or gzip named x-gzip: the feed is read, under the size limit a
// gzipped one has. An encoding it cannot read (Brotli, Zstandard) is an error naming
// it, and so is a body that does not decompress; neither is asked again,
// and neither is "not a feed". Discovery (feed add) reads them alike.
func TestFetchReadsWhatTheServerCompressedUnasked(t *testing.T) {
	feed := fixture(t, "rss091.xml")
	compress := func(w func(*bytes.Buffer) io.WriteCloser) []byte {
		var b bytes.Buffer
		zw := w(&b)
		zw.Write(feed)
		zw.Close()
		return b.Bytes()
	}
	zlibbed := compress(func(b *bytes.Buffer) io.WriteCloser { return zlib.NewWriter(b) })
	raw := compress(func(b *bytes.Buffer) io.WriteCloser { zw, _ := flate.NewWriter(b, flate.BestCompression); return zw })
	gzipped := compress(func(b *bytes.Buffer) io.WriteCloser { return gzip.NewWriter(b) })
	var bomb bytes.Buffer
	zw := zlib.NewWriter(&bomb)
	zw.Write(make([]byte, 8<<20))
	zw.Close()
	corrupt := bytes.Clone(zlibbed)
	corrupt[len(corrupt)-1] ^= 0xff // the checksum

	var hits atomic.Int32
	serve := map[string]struct {
		encoding string
		body     []byte
	}{
		"/deflate":     {"deflate", zlibbed},
		"/DEFLATE":     {"Deflate", zlibbed},
		"/raw-deflate": {"deflate", raw},
		"/x-gzip":      {"x-gzip", gzipped},
		"/brotli":      {"br", []byte{0x0b, 0x02, 0x80, 0x68, 0x69, 0x03}},
		"/corrupt":     {"deflate", corrupt},
		"/bad-gzip":    {"gzip", []byte("<rss>not gzip at all</rss>")},
		"/bomb":        {"deflate", bomb.Bytes()},
		"/zstd":        {"zstd", feed},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		s, ok := serve[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header()["Content-Encoding"] = []string{s.encoding}
		w.Write(s.body)
	}))
	defer srv.Close()

	tests := map[string]struct {
		err  error  // nil: the feed's two articles
		text string // in the error
	}{
		"/deflate":     {},
		"/DEFLATE":     {},
		"/raw-deflate": {},
		"/x-gzip":      {},
		"/brotli": {err: ErrContentEncoding,
			text: `the server compressed the document as "br" (its Content-Encoding), which tidings did not ask for and cannot read`},
		"/corrupt":  {text: "the server's deflate-compressed body does not decompress: zlib: invalid checksum"},
		"/bad-gzip": {text: "the server's gzip-compressed body does not decompress: gzip: invalid header"},
		"/bomb":     {err: ErrBodyTooLarge, text: "body over 1 MiB"},
		"/zstd":     {err: ErrContentEncoding, text: `compressed the document as "zstd"`},
	}
	f := testFetcher()
	f.MaxBody = 1 << 20
	for path, tc := range tests {
		t.Run(path, func(t *testing.T) {
			hits.Store(0)
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + path})
			if tc.text == "" {
				if r.Err != nil || len(r.Articles) != 2 {
					t.Fatalf("fetch: %v, %d articles; want the feed's 2", r.Err, len(r.Articles))
				}
			} else {
				if r.Err == nil || !strings.Contains(r.Err.Error(), tc.text) || tc.err != nil && !errors.Is(r.Err, tc.err) {
					t.Fatalf("fetch: error %v, want %q", r.Err, tc.text)
				}
				if errors.Is(r.Err, ErrNotFeed) {
					t.Errorf("fetch: error %q", r.Err)
				}
				if n := hits.Load(); n != 1 {
					t.Errorf("fetch: %d requests; a body sent so is not asked for again", n)
				}
			}
			found, err := f.Discover(context.Background(), srv.URL+path)
			if tc.text == "" {
				if err != nil || found.URL != srv.URL+path {
					t.Fatalf("discover: %v, found %q", err, found.URL)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.text) || tc.err != nil && !errors.Is(err, tc.err) {
				t.Errorf("discover: error %v, want %q", err, tc.text)
			}
		})
	}
}
