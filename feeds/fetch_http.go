package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// feedAccept is the Accept header of a feed request: feeds first, then
// anything XML or JSON, then whatever the server has.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// retryHint says whether a failed attempt is worth another, and how long
// the server asked to wait (0 when it did not say).
type retryHint struct {
	ok    bool
	after time.Duration
}

// attempt makes one request for sub, holding a host slot until the body
// is read and an overall slot until it is parsed, which waits for room in
// the parse budget.
func (f *Fetcher) attempt(ctx context.Context, sub Subscription, s slots, t *tries) (FetchResult, retryHint) {
	fail := func(err error, retry bool) (FetchResult, retryHint) {
		return FetchResult{Sub: sub, Err: err}, retryHint{ok: retry}
	}
	req, err := f.newRequest(sub)
	if err != nil {
		return fail(err, false)
	}
	if err := acquire(ctx, s.host); err != nil {
		return fail(err, false)
	}
	hostHeld := true
	defer func() {
		if hostHeld {
			release(s.host)
		}
	}()
	if err := acquire(ctx, s.all); err != nil {
		return fail(err, false)
	}
	defer release(s.all)

	actx, cancel := t.begin(ctx, f)
	defer cancel()
	defer t.end()
	var moved redirects
	resp, err := f.do(actx, req, &moved)
	if err != nil {
		err, retry := f.transportError(ctx, actx, t, err)
		return fail(err, retry)
	}
	defer resp.Body.Close()

	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		r := FetchResult{Sub: sub, NotModified: true}
		r.movedTo(moved.newURL)
		if v := CleanLine(resp.Header.Get("ETag")); v != "" {
			r.Sub.ETag = v
		}
		if v := CleanLine(resp.Header.Get("Last-Modified")); v != "" {
			r.Sub.LastModified = v
		}
		return r, retryHint{}
	case code < 200 || code > 299:
		hint, err := statusFailure(resp)
		return FetchResult{Sub: sub, Err: err}, hint
	}

	if f.MaxBody > 0 && resp.ContentLength > f.MaxBody {
		return fail(sizeError{f.MaxBody}, false)
	}
	body, err := decodedBody(resp)
	if err != nil {
		return fail(err, false)
	}
	data, err := readBody(body, f.MaxBody)
	if err != nil {
		r, hint := fail(err, false)
		r.Bytes = int64(len(data))
		if _, bad := errors.AsType[encodingError](err); !bad && !errors.Is(err, ErrBodyTooLarge) {
			r.Err, hint.ok = f.transportError(ctx, actx, t, err)
		}
		return r, hint
	}
	release(s.host)
	hostHeld = false

	pb := f.parseBudget()
	if err := pb.acquire(ctx, int64(len(data))); err != nil {
		return fail(err, false)
	}
	r := feedResult(sub, newDocument(resp, data))
	if r.Err != nil {
		pb.release(int64(len(data)))
	} else {
		r.held = int64(len(data)) // until the caller has the articles
	}
	if r.Err == nil {
		r.movedTo(moved.newURL)
	}
	return r, retryHint{}
}

// statusFailure is whether a response that is not a success is worth
// asking again, and its error: after a 429 or a 5xx, as long as the
// server says (Retry-After).
func statusFailure(resp *http.Response) (retryHint, error) {
	code := resp.StatusCode
	hint := retryHint{ok: code == http.StatusTooManyRequests || code >= 500}
	if hint.ok {
		hint.after = retryAfter(resp.Header.Get("Retry-After"), time.Now())
	}
	return hint, &StatusError{Code: code, Status: reasonPhrase(resp)}
}

// movedTo records that the feed moved for good to newURL ("" when it did
// not), and says so first in the result's warning: the subscription follows
// it there from now on.
func (r *FetchResult) movedTo(newURL string) {
	if newURL == "" {
		return
	}
	r.NewURL = newURL
	moved := "moved to " + CleanLine(ShownURL(newURL))
	if r.Warning != "" {
		moved += "; " + r.Warning
	}
	r.Warning = moved
}

// document is a feed as a response brought it.
type document struct {
	data               []byte
	contentType        string
	url                string // where it came from, after redirects
	etag, lastModified string
}

// newDocument is the document resp brought. Its address, which its
// relative links are resolved against, is without the user name and
// password the feed is fetched with: they are not written into the links
// of its articles, nor shown.
func newDocument(resp *http.Response, data []byte) document {
	where := *resp.Request.URL
	where.User = nil
	return document{
		data:         data,
		contentType:  resp.Header.Get("Content-Type"),
		url:          where.String(),
		etag:         resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"),
	}
}

// feedResult is what fetching sub gives when the response brought doc: its
// articles, and sub with the response's validators and the feed's title
// and site.
func feedResult(sub Subscription, doc document) FetchResult {
	feed, err := ParseFeed(doc.data, doc.contentType, doc.url, sub)
	if err != nil {
		return FetchResult{Sub: sub, Err: pageFeedHint(err, doc), Bytes: int64(len(doc.data))}
	}
	r := FetchResult{Sub: sub, Articles: feed.Articles, Warning: feed.Warning, Bytes: int64(len(doc.data))}
	// Validators are kept only from a response that parsed: otherwise the
	// next fetch would get a 304 and never see the feed repaired.
	r.Sub.ETag = CleanLine(doc.etag)
	r.Sub.LastModified = CleanLine(doc.lastModified)
	if feed.Title != "" {
		r.Sub.Title = feed.Title
	}
	if feed.SiteURL != "" {
		r.Sub.SiteURL = feed.SiteURL
	}
	return r
}

// do sends req in ctx with the fetcher's client, following redirects as
// moved allows and records.
func (f *Fetcher) do(ctx context.Context, req *http.Request, moved *redirects) (*http.Response, error) {
	client := *f.httpClient()
	client.CheckRedirect = moved.check
	return client.Do(req.WithContext(ctx))
}

func (f *Fetcher) newRequest(sub Subscription) (*http.Request, error) {
	u, err := url.Parse(feedSchemeURL(strings.TrimSpace(sub.URL)))
	if err != nil {
		return nil, fmt.Errorf("bad feed URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("bad feed URL %q: not an http(s) address%s", ShownURL(sub.URL), schemeHint(sub.URL))
	}
	req, err := http.NewRequest(http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("bad feed URL: %v", err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "tidings"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", feedAccept)
	// No Accept-Encoding: the transport then asks for gzip itself and
	// decompresses, so the size limit counts decompressed bytes (as it
	// does of the deflate some servers send unasked: decodedBody).
	if sub.ETag != "" {
		req.Header.Set("If-None-Match", sub.ETag)
	}
	if sub.LastModified != "" {
		req.Header.Set("If-Modified-Since", sub.LastModified)
	}
	return req, nil
}

// httpClient is f.Client, or one built once from the fetcher's settings.
func (f *Fetcher) httpClient() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	f.clientOnce.Do(func() {
		connect := f.ConnectTimeout
		dialer := &net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}
		f.client = &http.Client{Transport: &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			DialContext:         dialer.DialContext,
			TLSHandshakeTimeout: connect,
			ForceAttemptHTTP2:   true,
			MaxIdleConns:        100,
			MaxIdleConnsPerHost: max(f.PerHost, 2),
			IdleConnTimeout:     90 * time.Second,
		}}
	})
	return f.client
}

// redirects follows at most maxRedirects redirects and remembers where a
// leading run of permanent ones (301, 308) led.
type redirects struct {
	newURL    string
	temporary bool
}

func (r *redirects) check(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("%w: stopped after %d", ErrTooManyRedirects, maxRedirects)
	}
	code := req.Response.StatusCode
	if !r.temporary && (code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect) {
		r.newURL = req.URL.String()
	} else {
		r.temporary = true
	}
	return nil
}

// transportError turns a failed request or body read into a clear error
// and says whether another attempt may do better. ctx is the caller's,
// actx the attempt's, begun by t, with its timeout.
func (f *Fetcher) transportError(ctx, actx context.Context, t *tries, err error) (error, bool) {
	if ctx.Err() != nil {
		return ctx.Err(), false
	}
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err // "Get URL: ..." says nothing the result does not
	}
	if errors.Is(err, ErrTooManyRedirects) {
		return err, false
	}
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		if t.cut {
			return deadlineError{}, false
		}
		return fmt.Errorf("%w after %s", ErrTimeout, f.Timeout), false
	}
	if op, ok := errors.AsType[*net.OpError](err); ok && op.Op == "dial" && op.Timeout() {
		return fmt.Errorf("connect %w after %s", ErrTimeout, f.ConnectTimeout), true
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return fmt.Errorf("%w: %v", ErrTimeout, err), true
	}
	return err, true
}

// readBody reads at most limit bytes (no limit when it is 0 or less).
func readBody(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err == nil && int64(len(data)) > limit {
		return data[:limit], sizeError{limit}
	}
	return data, err
}

// reasonPhrase is the text after the status code, cleaned, or the
// standard one when the server sent none. A server's phrase of more than a
// line is cut: it is stored as the feed's error and printed.
func reasonPhrase(resp *http.Response) string {
	const most = 200
	reason := strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	if len(reason) > 4*most {
		reason = reason[:4*most] // cleaned and cut to characters below
	}
	if reason = CleanLine(reason); reason == "" {
		reason = http.StatusText(resp.StatusCode)
	}
	if r := []rune(reason); len(r) > most {
		reason = string(r[:most]) + "…"
	}
	return reason
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, 1<<31)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// formatSize writes a limit, a power of two, as it is: "10 MiB", "512 KiB".
// (An enclosure's size, a count of bytes as a server gives it, is byteSize's.)
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// pageFeedHint adds to the error for a web page served where a feed was
// expected (a site's address subscribed from an OPML file, a feed that
// became a page) the feed the page links to, if it does.
func pageFeedHint(err error, doc document) error {
	if !isHTMLDocument(doc.data) {
		return err
	}
	base, perr := url.Parse(doc.url)
	if perr != nil {
		return err
	}
	links := feedLinks(doc.data, base)
	if len(links) == 0 {
		return err
	}
	return fmt.Errorf("%w; it links to the feed %s: subscribe to that (tidings feed add %s)", err, CleanLine(links[0]), CleanLine(links[0]))
}
