package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestDiscoverRetriesABusyServer: subscribing to a feed whose server
// answers 429 or 503 asks again as a fetch does, waiting as long as the
// server says; a server asking for longer than the fetcher waits is told
// in the error.
func TestDiscoverRetriesABusyServer(t *testing.T) {
	var busyHits, longHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		switch busyHits.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			serveFile(t, "rss091.xml", "application/rss+xml")(w, r)
		}
	})
	mux.HandleFunc("/later.xml", func(w http.ResponseWriter, r *http.Request) {
		longHits.Add(1)
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	f := NewFetcher()
	f.Backoff = 10 * time.Millisecond
	ctx := context.Background()
	start := time.Now()
	found, err := f.Discover(ctx, srv.URL+"/busy.xml")
	if err != nil || found.URL != srv.URL+"/busy.xml" {
		t.Fatalf("Discover(busy) = %+v, %v; want the feed after two retries", found, err)
	}
	if n := busyHits.Load(); n != 3 {
		t.Errorf("busy server asked %d times, want 3", n)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("asked again after %s, before the second the server asked for", waited)
	}
	_, err = f.Discover(ctx, srv.URL+"/later.xml")
	if err == nil || !strings.Contains(err.Error(), "429") || !strings.Contains(err.Error(), "retry after 1h0m0s") {
		t.Errorf("Discover(later) = %v; want the 429 and the hour the server asks for", err)
	}
	if n := longHits.Load(); n != 1 {
		t.Errorf("a server asking for an hour was asked %d times, want once", n)
	}

}
