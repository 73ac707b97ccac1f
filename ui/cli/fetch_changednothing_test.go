package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"tidings/feeds"
)

// TestFetchChangedNothing: a fetch changed nothing when its feeds were not
// modified, sent nothing new, or failed; it changed the library when it
// brought a new or updated article, or found a feed moved for good (its
// subscription is at the new address now), though nothing new came with
// it.
func TestFetchChangedNothing(t *testing.T) {
	var moved, failing, retitled atomic.Bool
	doc := func() string {
		title := "Alpha"
		if retitled.Load() {
			title = "Alpha, retitled"
		}
		return rssDoc("Daily", "a="+title)
	}
	serve := func(w http.ResponseWriter, r *http.Request) {
		tag := fmt.Sprintf(`"%d"`, len(doc()))
		if r.Header.Get("If-None-Match") == tag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", tag)
		fmt.Fprint(w, doc())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/old.rss", func(w http.ResponseWriter, r *http.Request) {
		if moved.Load() {
			http.Redirect(w, r, "/new.rss", http.StatusMovedPermanently)
			return
		}
		serve(w, r)
	})
	mux.HandleFunc("/new.rss", serve)
	mux.HandleFunc("/plain.rss", func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, doc()) // no validators: sent whole each time
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	st := openStore(t)
	subscribeTo(t, st, map[string]string{srv.URL + "/old.rss": "", srv.URL + "/plain.rss": ""})
	for _, step := range []struct {
		name      string
		do        func()
		unchanged bool
	}{
		{"first fetch", func() {}, false},
		{"not modified, and nothing new", func() {}, true},
		{"one failed", func() { failing.Store(true) }, true},
		{"one retitled", func() { failing.Store(false); retitled.Store(true) }, false},
		{"nothing new again", func() {}, true},
		{"moved for good, not modified", func() { moved.Store(true) }, false},
		{"at its new address, not modified", func() {}, true},
	} {
		step.do()
		rep, err := Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if rep.ChangedNothing() != step.unchanged {
			t.Errorf("%s: ChangedNothing() = %v, want %v (%+v)", step.name, !step.unchanged, step.unchanged, rep)
		}
	}
	if f, err := st.FeedByURL(context.Background(), srv.URL+"/new.rss"); err != nil || f.URL != srv.URL+"/new.rss" {
		t.Errorf("the moved feed: %+v, %v; want it at its new address", f, err)
	}
}
