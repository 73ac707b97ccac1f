package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// enclosureFeed is an RSS feed of one entry with n enclosures: a
// document that takes many times its size to read.
func enclosureFeed(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>http://example.com/</link>`)
	b.WriteString(`<item><title>Episodes</title><guid>urn:many</guid><description>all of them</description>`)
	for i := range n {
		fmt.Fprintf(&b, `<enclosure url="http://example.com/e/%d.mp3" type="audio/mpeg" length="%d"/>`, i, i+1)
	}
	b.WriteString(`</item></channel></rss>`)
	return b.String()
}

// peakHeap is the most memory the heap's objects took while fn ran, above
// what they took before it. The collector runs at a tenth of the live heap
// meanwhile, so that the peak is what fn kept, not garbage a busy or
// instrumented (-race) run had not yet collected.
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	done, stopped := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				stopped <- peak
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	return max(<-stopped, before) - before
}

// TestFetchAllBoundsParseMemory: large feeds fetched together are read
// into articles a parse budget's worth at a time, so that a fetch of many
// takes at its peak the memory of a few, not of all at once.
func TestFetchAllBoundsParseMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads eight large feeds")
	}
	doc := enclosureFeed(5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(doc))
	}))
	defer srv.Close()
	f := testFetcher()
	f.Timeout = time.Minute
	f.Concurrency, f.PerHost = 8, 8
	f.ParseBudget = int64(len(doc)) * 3 / 2 // one document at a time
	subs := make([]Subscription, 8)
	for i := range subs {
		subs[i] = Subscription{URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)}
	}
	ctx := context.Background()
	var one FetchResult
	alone := peakHeap(func() { one = f.Fetch(ctx, subs[0]) })
	if one.Err != nil || len(one.Articles) != 1 {
		t.Fatalf("one feed: %v, %d articles", one.Err, len(one.Articles))
	}
	var results []FetchResult
	together := peakHeap(func() { results = f.FetchAll(ctx, subs, nil) })
	for _, r := range results {
		if r.Err != nil || len(r.Articles) != 1 || r.Articles[0].Body != one.Articles[0].Body {
			t.Fatalf("%s: %v, %d articles", r.Sub.URL, r.Err, len(r.Articles))
		}
	}
	// Read one at a time, the others wait as documents (a fifth of a
	// parse each); read all at once, the peak nears eight parses.
	t.Logf("%d-byte feed: %d KB at the peak alone, %d KB for %d together", len(doc), alone>>10, together>>10, len(subs))
	if together > uint64(len(subs))*alone/2 {
		t.Errorf("%d feeds fetched together took %d KB at the peak, one alone %d KB: they were read all at once",
			len(subs), together>>10, alone>>10)
	}
}

// TestFetchAllWithProgressKeepsOneFeedAtATime: given progress (the
// command line's fetch and the reader's, which store each feed's articles
// as it is done), a fetch of many large feeds does not keep every feed's
// articles until the last is done: what the fetch holds at its end is not
// the sum of them.
func TestFetchAllWithProgressKeepsOneFeedAtATime(t *testing.T) {
	// Twelve 2 MB conversions take minutes under -race; what this measures
	// is memory, and the fetches' concurrency is raced by the other tests.
	heavyUnderRace(t)
	body := strings.Repeat("The harbour master reports calm seas and late ferries. ", 40000) // ~2 MB
	doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title><link>http://example.com/</link>` +
		`<item><title>Long read</title><guid>urn:long</guid><description>` + body + `</description></item></channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(doc))
	}))
	defer srv.Close()
	f := testFetcher()
	f.Timeout = time.Minute
	subs := make([]Subscription, 12)
	for i := range subs {
		subs[i] = Subscription{URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)}
	}
	live := func() uint64 {
		runtime.GC()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	before := live()
	stored := 0
	results := f.FetchAll(context.Background(), subs, func(r FetchResult) {
		if r.Err != nil || len(r.Articles) != 1 || len(r.Articles[0].Body) < len(body)/2 {
			t.Errorf("%s: %v, %d articles", r.Sub.URL, r.Err, len(r.Articles))
			return
		}
		stored++
	})
	held := max(live(), before) - before
	if stored != len(subs) || len(results) != len(subs) {
		t.Fatalf("%d of %d feeds stored, %d results", stored, len(subs), len(results))
	}
	for _, r := range results {
		if r.Err != nil || r.Sub.URL == "" {
			t.Errorf("result %+v: each feed keeps its address and outcome", r.Sub)
		}
	}
	t.Logf("%d feeds of %d bytes: %d MB held by the results", len(subs), len(doc), held>>20)
	if held > uint64(3*len(doc)) {
		t.Errorf("the results of %d stored feeds hold %d MB: every feed's articles were kept until the end", len(subs), held>>20)
	}
}

// TestParseBudget: a document larger than the budget is read alone; the
// waiting are let in in turn, a small document not before a large one that
// waited longer; one that stops waiting (ctrl+c) leaves its turn to the next.
func TestParseBudget(t *testing.T) {
	b := &budget{size: 10}
	ctx := context.Background()
	state := func() (used int64, waiting int) {
		b.mu.Lock()
		defer b.mu.Unlock()
		return b.used, len(b.waiters)
	}
	// wait starts acquiring n and returns once it waits.
	wait := func(ctx context.Context, n int64) chan error {
		_, before := state()
		errc := make(chan error, 1)
		go func() { errc <- b.acquire(ctx, n) }()
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
			if _, now := state(); now > before {
				return errc
			}
			if time.Now().After(deadline) {
				t.Fatalf("acquire(%d) does not wait", n)
			}
		}
	}
	if err := b.acquire(ctx, 25); err != nil { // larger than the budget: all of it
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	gone := wait(cctx, 1)
	cancel()
	if err := <-gone; !errors.Is(err, context.Canceled) {
		t.Fatalf("a waiter stopped: %v", err)
	}
	b.release(25)
	if used, waiting := state(); used != 0 || waiting != 0 {
		t.Fatalf("after the largest: %d used, %d waiting", used, waiting)
	}

	if err := b.acquire(ctx, 5); err != nil {
		t.Fatal(err)
	}
	large := wait(ctx, 8)
	small := wait(ctx, 3) // would fit now, but comes after the large one
	b.release(5)
	if err := <-large; err != nil {
		t.Fatal(err)
	}
	if used, waiting := state(); used != 8 || waiting != 1 {
		t.Fatalf("after the large one: %d used, %d waiting; want 8 and the small one", used, waiting)
	}
	b.release(8)
	if err := <-small; err != nil {
		t.Fatal(err)
	}
	b.release(3)
	if used, waiting := state(); used != 0 || waiting != 0 {
		t.Errorf("after all released: %d used, %d waiting", used, waiting)
	}
}

// TestFetchAllHoldsTheBudgetUntilStored: a feed's articles are memory
// until progress has stored them: its document keeps its share of the
// budget meanwhile, and the next is not read beside them. A feed that
// failed held nothing, and gives nothing back.
func TestFetchAllHoldsTheBudgetUntilStored(t *testing.T) {
	feed := serveFile(t, "rss091.xml", "application/rss+xml")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gone.xml" {
			http.NotFound(w, r)
			return
		}
		feed(w, r)
	}))
	defer srv.Close()
	f := testFetcher()
	size := int64(len(fixture(t, "rss091.xml")))
	f.ParseBudget = size // one document at a time
	var subs []Subscription
	for i := range 4 {
		subs = append(subs, Subscription{URL: fmt.Sprintf("%s/%d.xml", srv.URL, i)})
	}
	subs = append(subs, Subscription{URL: srv.URL + "/gone.xml"})
	f.FetchAll(context.Background(), subs, func(r FetchResult) {
		if r.Err != nil {
			if !strings.HasSuffix(r.Sub.URL, "/gone.xml") {
				t.Errorf("%s: %v", r.Sub.URL, r.Err)
			}
			return
		}
		time.Sleep(20 * time.Millisecond) // storing; the others are fetched meanwhile
		b := f.parseBudget()
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.used != size {
			t.Errorf("while %s is stored, %d bytes of the budget are held, want its own %d", r.Sub.URL, b.used, size)
		}
	})
	if b := f.parseBudget(); b.used != 0 || len(b.waiters) != 0 {
		t.Errorf("after the fetch: %d held, %d waiting", b.used, len(b.waiters))
	}
	r := f.Fetch(context.Background(), subs[0])
	if b := f.parseBudget(); r.Err != nil || b.used != 0 {
		t.Errorf("after one fetch: %v, %d held", r.Err, b.used)
	}
}
