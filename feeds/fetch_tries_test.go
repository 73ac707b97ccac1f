package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"
	"time"
)

// TestFetchDeadline: a slow, busy server holds a feed no longer than the
// fetcher's deadline, retries and the waits the server asks for included,
// and the error says how often and for how long it was asked; a request
// still running at the deadline is stopped.
func TestFetchDeadline(t *testing.T) {
	var slowBusy, thenHang atomic.Int32
	mux := http.NewServeMux()
	// As a server slow to answer 503 that asks for a wait ten times as
	// long, at a fast pace: 0.2s, and 2s.
	mux.HandleFunc("/slow503", func(w http.ResponseWriter, r *http.Request) {
		slowBusy.Add(1)
		time.Sleep(200 * time.Millisecond)
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		if thenHang.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		select { // until the client gives up
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := map[string]struct {
		path     string
		hits     *atomic.Int32
		deadline time.Duration
		want     int // requests
		err      *regexp.Regexp
		timeout  bool
	}{
		// The second answer at 2.4s at the soonest, a third at 4.6s: the
		// deadline leaves 1.8s for a slow machine.
		"busy twice, no time for a third": {path: "/slow503", hits: &slowBusy, deadline: 4200 * time.Millisecond, want: 2,
			err: regexp.MustCompile(`^HTTP 503 Service Unavailable after 2 tries over [234]s$`)},
		// A second request would begin at 2.2s at the soonest, with less
		// time left than the first took: its answer would be a timeout,
		// not the server's.
		"no time for a second answer": {path: "/slow503", hits: &slowBusy, deadline: 2300 * time.Millisecond, want: 1,
			err: regexp.MustCompile(`^HTTP 503 Service Unavailable$`)},
		"stopped at the deadline": {path: "/hang", hits: &thenHang, deadline: time.Second, want: 2,
			err: regexp.MustCompile(`^timeout after 2 tries over [12]s$`), timeout: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tc.hits.Store(0)
			f := testFetcher()
			f.Timeout = 5 * time.Second
			f.Deadline = tc.deadline
			start := time.Now()
			r := f.Fetch(context.Background(), Subscription{URL: srv.URL + tc.path})
			took := time.Since(start)
			if r.Err == nil || !tc.err.MatchString(r.Err.Error()) {
				t.Errorf("error %v, want %s", r.Err, tc.err)
			}
			if n := int(tc.hits.Load()); n != tc.want {
				t.Errorf("%d requests, want %d", n, tc.want)
			}
			// Past the deadline by seconds, the fetch waited for the
			// server (10s) or the request's timeout (5s).
			if took > tc.deadline+2*time.Second {
				t.Errorf("the fetch took %s, past its deadline of %s", took, tc.deadline)
			}
			if tc.timeout != errors.Is(r.Err, ErrTimeout) {
				t.Errorf("error %v: is a timeout %v, want %v", r.Err, !tc.timeout, tc.timeout)
			}
			if _, ok := errors.AsType[*StatusError](r.Err); ok == tc.timeout {
				t.Errorf("error %v: carries the status %v, want %v", r.Err, ok, !tc.timeout)
			}
		})
	}

	t.Run("discovery", func(t *testing.T) {
		slowBusy.Store(0)
		f := testFetcher()
		f.Deadline = tests["busy twice, no time for a third"].deadline
		_, err := f.Discover(context.Background(), srv.URL+"/slow503")
		if want := tests["busy twice, no time for a third"].err; err == nil || !want.MatchString(err.Error()) {
			t.Errorf("error %v, want %s", err, want)
		}
	})
}

// TestFetchDeadlineCountsFromTheFirstRequest: feeds waiting for their
// turn behind others (the host's or the fetch's bound) lose none of their
// time to the wait.
// Each takes a second: the last begins at 3s at the soonest, past the
// deadline were it counted from the start of the fetch.
func TestFetchDeadlineCountsFromTheFirstRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Second)
		w.Write(fixture(t, "rss091.xml"))
	}))
	defer srv.Close()
	f := testFetcher()
	f.Deadline = 3 * time.Second
	f.Concurrency, f.PerHost = 1, 1
	var subs []Subscription
	for i := range 4 {
		subs = append(subs, Subscription{URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)})
	}
	for _, r := range f.FetchAll(context.Background(), subs, nil) {
		if r.Err != nil || len(r.Articles) != 2 {
			t.Errorf("%s: %v, %d articles", r.Sub.URL, r.Err, len(r.Articles))
		}
	}
}

// TestFetchWaitEndingPastTheDeadline: a wait between two requests that
// ends past the deadline (the process stopped during it, or starved on a
// busy machine) is followed by no request begun with no time left, whose
// answer would be a timeout: the error is the server's.
func TestFetchWaitEndingPastTheDeadline(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	for _, how := range []string{"fetch", "discovery"} {
		t.Run(how, func(t *testing.T) {
			hits.Store(0)
			f := testFetcher()
			f.Deadline = 2 * time.Second
			f.wait = func(ctx context.Context, d time.Duration) error {
				return sleep(ctx, d+f.Deadline) // stopped during the wait
			}
			var err error
			if how == "fetch" {
				err = f.Fetch(context.Background(), Subscription{URL: srv.URL + "/feed.xml"}).Err
			} else {
				_, err = f.Discover(context.Background(), srv.URL+"/feed.xml")
			}
			if err == nil || err.Error() != "HTTP 503 Service Unavailable" || errors.Is(err, ErrTimeout) {
				t.Errorf("error %v, want HTTP 503 Service Unavailable", err)
			}
			if n := hits.Load(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}
