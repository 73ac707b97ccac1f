package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// FetchResult is what fetching one subscription gave.
type FetchResult struct {
	// Sub is the subscription with its ETag, LastModified, Title and
	// SiteURL brought up to date; unchanged when the fetch failed.
	Sub Subscription
	// NewURL is where the feed has permanently moved (a 301 or 308), "" if
	// it has not. Articles are still identified by Sub.URL.
	NewURL      string
	NotModified bool // the server answered 304: nothing new, no body read
	Articles    []Article
	// Warning is what the reader should hear of the fetch: that the feed
	// moved ("moved to https://example.com/new.xml"), and what is wrong with
	// a feed read all the same (Feed.Warning).
	Warning  string
	Err      error
	Duration time.Duration // the whole fetch, retries included
	Bytes    int64         // body bytes read, after decompression

	// held is what the articles take of the parse budget until the
	// caller has them (FetchAll's progress, Fetch's return).
	held int64
}

// Fetcher fetches feeds over HTTP. The zero value is not ready: use
// NewFetcher and set fields before the first fetch. From then on a Fetcher
// is safe for concurrent use and must not be copied.
type Fetcher struct {
	// Client, when set, makes the requests; its CheckRedirect is replaced
	// for each request. By default a client with ConnectTimeout is built.
	Client         *http.Client
	MaxBody        int64         // largest body read, after decompression
	Timeout        time.Duration // for each request, headers and body
	ConnectTimeout time.Duration // for the TCP and TLS handshakes
	Concurrency    int           // requests at once, overall
	PerHost        int           // requests at once to one host
	Retries        int           // further attempts after a 5xx, 429 or network error
	Backoff        time.Duration // wait before the first retry, doubled for each next one
	// MaxRetryAfter is the longest Retry-After a 429 or 503 is honoured for;
	// a server asking for a longer wait fails the fetch instead.
	MaxRetryAfter time.Duration
	// Deadline is how long one feed is given, its retries and the waits
	// between them included, counted from its first request: no request
	// is made after it, nor one that would have less time left than the
	// one before it took, and one running then is stopped. 0 sets none.
	Deadline time.Duration
	// ParseBudget is how many bytes of documents are read into articles at
	// once, over all the fetcher's fetches: a document waits, its body
	// read, until the documents being read leave room for it (one larger
	// than the budget is read alone). 0 bounds nothing.
	ParseBudget int64
	UserAgent   string
	// Waiting, when set, is told what a discovery (Discover) that has
	// taken more than a few seconds is waiting for, a line for each
	// address it asks from then on: "waiting for http://host/feed.xml,
	// the page's feed link 2 of 8". It is called from the discovery's
	// goroutine or a timer's, never two at once, and never once Discover
	// has returned.
	Waiting func(line string)

	// wait, when set, stands in for sleep between two requests to an
	// address: a test's can end late, as a wait does when the process is
	// stopped (Ctrl-Z) or starved during it.
	wait func(ctx context.Context, d time.Duration) error

	clientOnce sync.Once
	client     *http.Client
	budgetOnce sync.Once
	budget     *budget
}

// NewFetcher returns a Fetcher with defaults fit for a reader refreshing a
// few hundred feeds.
func NewFetcher() *Fetcher {
	return &Fetcher{
		MaxBody:        10 << 20,
		Timeout:        30 * time.Second,
		Deadline:       90 * time.Second,
		ConnectTimeout: 10 * time.Second,
		Concurrency:    16,
		PerHost:        4,
		Retries:        2,
		Backoff:        time.Second,
		MaxRetryAfter:  30 * time.Second,
		ParseBudget:    16 << 20,
		UserAgent:      "tidings/1.0 (terminal news reader)",
	}
}

// Sentinels a FetchResult's Err may wrap, besides ErrNotFeed and a
// *StatusError.
var (
	ErrTimeout          = errors.New("timeout")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrBodyTooLarge     = errors.New("body too large")
)

// maxRedirects is how many redirects one request follows.
const maxRedirects = 5

// sizeError is a body over the limit: "body over 10 MB".
type sizeError struct{ limit int64 }

func (e sizeError) Error() string { return "body over " + formatSize(e.limit) }

func (e sizeError) Is(target error) bool { return target == ErrBodyTooLarge }

// StatusError is an HTTP response that is neither success nor 304.
type StatusError struct {
	Code   int
	Status string // the reason phrase, "Not Found"
}

func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d %s", e.Code, e.Status) }

// FetchAll fetches every subscription concurrently, at most Concurrency
// requests at once and PerHost to any one host, and returns the results in
// the order of subs. progress, when not nil, is called with each result as
// it completes, never concurrently; the document a result was read from
// keeps its share of the parse budget until progress returns, as the
// articles made of it are still whole in memory (progress stores them),
// and so progress must not fetch with f. Given progress, the results
// returned keep no articles: progress had them, and a fetch of many large
// feeds holds one feed's at a time, not every feed's until the last is
// done. A feed that fails has its error in its own result and does not
// affect the others.
func (f *Fetcher) FetchAll(ctx context.Context, subs []Subscription, progress func(FetchResult)) []FetchResult {
	results := make([]FetchResult, len(subs))
	all := make(chan struct{}, max(f.Concurrency, 1))
	hosts := make(map[string]chan struct{})
	for _, s := range subs {
		h := hostOf(s.URL)
		if hosts[h] == nil {
			hosts[h] = make(chan struct{}, max(f.PerHost, 1))
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, sub := range subs {
		wg.Go(func() {
			r := f.fetch(ctx, sub, slots{host: hosts[hostOf(sub.URL)], all: all})
			if progress != nil {
				mu.Lock()
				progress(r)
				mu.Unlock()
				r.Articles = nil
			}
			f.parseBudget().release(r.held)
			r.held = 0
			results[i] = r
		})
	}
	wg.Wait()
	return results
}

// Fetch fetches one subscription.
func (f *Fetcher) Fetch(ctx context.Context, sub Subscription) FetchResult {
	r := f.fetch(ctx, sub, slots{})
	f.parseBudget().release(r.held)
	r.held = 0
	return r
}

// slots bound how many requests run at once: a token from host, then one
// from all, is held for each request (nil channels bound nothing).
type slots struct{ host, all chan struct{} }

func acquire(ctx context.Context, c chan struct{}) error {
	if c == nil {
		return nil
	}
	select {
	case c <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func release(c chan struct{}) {
	if c != nil {
		<-c
	}
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return ""
}

// fetch runs the attempts for one subscription, waiting between them. A
// server that refuses the conditional request (retryHint.unconditional)
// is asked again at once without the validators; when that reads the
// feed, the validators are forgotten: the next fetch asks without them
// rather than be refused first.
func (f *Fetcher) fetch(ctx context.Context, sub Subscription, s slots) FetchResult {
	start := time.Now()
	asked, refused := sub, false
	r, err := retrying(ctx, f, tries{}, func(t *tries) (FetchResult, retryHint, error) {
		r, hint := f.attempt(ctx, asked, s, t)
		if hint.unconditional && !refused && t.roomFor(0) {
			refused = true
			asked.ETag, asked.LastModified = "", ""
			r, hint = f.attempt(ctx, asked, s, t)
		}
		return r, hint, r.Err
	})
	r.Err = err
	switch {
	case r.Err != nil:
		r = FetchResult{Sub: sub, Err: cleanError{r.Err}, Bytes: r.Bytes}
	case refused:
		r.Sub.ETag, r.Sub.LastModified = "", ""
	}
	r.Duration = time.Since(start)
	return r
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// cleanError shows an error with no control characters: its text may come
// from the server (a reason phrase, an element name in a syntax error).
type cleanError struct{ err error }

func (e cleanError) Error() string { return CleanLine(e.err.Error()) }

func (e cleanError) Unwrap() error { return e.err }
