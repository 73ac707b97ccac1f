package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"tidings/feeds"
	"tidings/store"
)

// TestFetchStoppedWhileStoring: a fetch stopped (ctrl+c, SIGTERM, a
// closed terminal) while a feed's articles are being stored counts that
// feed as stopped, not failed: nothing of it was kept, the next fetch
// brings it whole, and neither the progress nor the summary tells of a
// store or SQL error.
func TestFetchStoppedWhileStoring(t *testing.T) {
	served := make(chan struct{})
	var once sync.Once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssDoc("Big", "a=Alpha", "b=Beta", "c=Gamma"))
		once.Do(func() { close(served) })
	}))
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	subscribeTo(t, st, map[string]string{srv.URL + "/big.rss": "Big"})

	// Another writer holds the library: the feed's articles wait to be
	// stored, and the fetch is stopped while they do.
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() {
		<-served
		time.Sleep(300 * time.Millisecond) // parsed, and waiting for the library
		stop()
	}()
	var progress bytes.Buffer
	rep, err := Fetch(ctx, st, feeds.NewFetcher(), nil, nil, FetchProgress(&progress, false, 80))
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if err == nil {
		t.Fatal("Fetch stopped, without an error")
	}
	var summary, diag bytes.Buffer
	PrintFetchSummary(&summary, &diag, rep, time.Second)
	if len(rep.Failed) != 0 || rep.Stopped != 1 || progress.Len() != 0 || diag.Len() != 0 ||
		!strings.HasPrefix(summary.String(), "0 of 1 feed in 1.0s:") {
		t.Errorf("stopped while storing: %+v\nprogress %q\nsummary %q\n%s", rep, progress.String(), summary.String(), diag.String())
	}
	// Nothing of it was kept: the next fetch brings it.
	rep, err = Fetch(context.Background(), st, feeds.NewFetcher(), nil, nil, nil)
	if err != nil || rep.Added != 3 {
		t.Errorf("the next fetch: %+v, %v; want its 3 articles", rep, err)
	}
}
