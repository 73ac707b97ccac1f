package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"tidings/store"
)

// TestRefreshNamesTheFeedWaitedFor: while a slow feed holds up the end of
// a refresh, the status line names it, not the feed done last.
func TestRefreshNamesTheFeedWaitedFor(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow.xml":
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
			fmt.Fprint(w, rss("Alpha Slow", "s", 1))
		case "/fast.xml":
			fmt.Fprint(w, rss("Beta Fast", "f", 1))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	ctx := context.Background()
	lib, _ := openLibrary(t)
	// Listed by title: the slow one first.
	for path, title := range map[string]string{"/slow.xml": "Alpha Slow", "/fast.xml": "Beta Fast"} {
		if _, err := lib.AddFeed(ctx, store.Feed{URL: srv.URL + path, Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	m := start(t, lib, Config{Refresh: refresher(lib)}, 100, 20)

	msg, ok := startRefresh(ctx, lib, refresher(lib))().(refreshProgressMsg)
	if !ok {
		t.Fatalf("the refresh's first message is not a feed done")
	}
	want := "Fetching feeds… 1 of 2 done, waiting for Alpha Slow"
	if got := refreshStatus(msg.p); got != want {
		t.Errorf("the fast feed done: %q, want %q", got, want)
	}
	m, _ = m.Update(msg)
	if view := viewText(m); !strings.Contains(view, want) {
		t.Errorf("the status line does not say %q:\n%s", want, view)
	}

	close(release)
	for next := msg.next; next != nil; {
		switch msg := waitRefresh(next)().(type) {
		case refreshProgressMsg:
			if msg.p.Waiting != "" {
				t.Errorf("the last feed done: waiting for %q", msg.p.Waiting)
			}
			next = msg.next
		case refreshDoneMsg:
			if msg.err != nil || msg.res.Feeds != 2 {
				t.Errorf("refresh done: %+v, %v", msg.res, msg.err)
			}
			next = nil
		default:
			t.Fatalf("unexpected %T", msg)
		}
	}
}
