package feeds

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// feedAccept is the Accept header of a feed request: feeds first, then
// anything XML or JSON, then whatever the server has.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// retryHint says whether a failed attempt is worth another, and how long
// the server asked to wait (0 when it did not say); unconditional, that
// the server refused a conditional request, which is worth asking again
// at once without the validators.
type retryHint struct {
	ok            bool
	after         time.Duration
	unconditional bool
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
		r, hint := fail(f.transportError(ctx, actx, t, err))
		hint.unconditional = conditional(req) && brokenOff(err)
		return r, hint
	}
	defer resp.Body.Close()

	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		r := FetchResult{Sub: sub, NotModified: true}
		r.movedTo(moved.newURL)
		if v := KeptETag(resp.Header.Get("ETag")); v != "" {
			r.Sub.ETag = v
		}
		if v := KeptLastModified(resp.Header.Get("Last-Modified")); v != "" {
			r.Sub.LastModified = v
		}
		return r, retryHint{}
	case code < 200 || code > 299:
		hint, err := statusFailure(resp)
		hint.unconditional = conditional(req) && refusesConditional(code)
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

// conditional reports whether req asks only for a feed changed since
// (If-None-Match, If-Modified-Since).
func conditional(req *http.Request) bool {
	return req.Header.Get("If-None-Match") != "" || req.Header.Get("If-Modified-Since") != ""
}

// refusesConditional reports whether a status answering a conditional
// request may be the server refusing the validators rather than the
// feed: a 4xx (400 Bad Request, 412 Precondition Failed, 431 Request
// Header Fields Too Large…) but those about the feed itself (404, 410,
// 451), about who asks (401, 403, 407) or about when (408, 429), which
// the same request without validators would be answered as well.
func refusesConditional(code int) bool {
	switch code {
	case http.StatusNotFound, http.StatusGone, http.StatusUnavailableForLegalReasons,
		http.StatusUnauthorized, http.StatusForbidden, http.StatusProxyAuthRequired,
		http.StatusRequestTimeout, http.StatusTooManyRequests:
		return false
	}
	return code >= 400 && code <= 499
}

// brokenOff reports whether a request failed by the server closing the
// connection on it unanswered (EOF, a reset, a broken pipe), as some do
// on a request whose headers they refuse: not a connection refused, a
// name not found or a timeout, which say nothing of the request.
func brokenOff(err error) bool {
	for _, e := range []error{io.EOF, io.ErrUnexpectedEOF, syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// maxValidator is the longest ETag or Last-Modified kept to be sent
// back: a real one is a few dozen bytes, and a server's of megabytes,
// sent back with every request, makes each one fail.
const maxValidator = 1 << 10

// KeptETag is a response's ETag as it is kept and sent back in the next
// request's If-None-Match: without control characters, and "" when it
// is longer than maxValidator.
func KeptETag(etag string) string {
	if len(etag) > maxValidator {
		return ""
	}
	return CleanLine(etag)
}

// KeptLastModified is a response's Last-Modified as it is kept and sent
// back in the next request's If-Modified-Since: "" unless it is a date
// in one of the forms servers write there (isLastModifiedDate). A date is
// sent back as the server wrote it, for a server may compare it as text:
// PHP's "+0000" stays, and asctime's one-digit day keeps its two spaces
// ("Sun Nov  6 08:49:37 1994"). One that is a date only once cleaned
// (spaces around it, a control character in it) is sent back cleaned.
func KeptLastModified(lastModified string) string {
	if len(lastModified) > maxValidator {
		return ""
	}
	if isLastModifiedDate(lastModified) && CleanText(lastModified) == lastModified {
		return lastModified
	}
	v := CleanLine(lastModified)
	if !isLastModifiedDate(v) {
		return ""
	}
	return v
}

// zonedDateLayouts are the forms of a Last-Modified with a numeric zone
// that http.ParseTime does not read: RFC 1123 as PHP's date('r') writes
// it ("Mon, 01 Jan 2024 10:00:00 +0000"), with a one- or two-digit day,
// and RFC 850.
var zonedDateLayouts = []string{
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Monday, 02-Jan-06 15:04:05 -0700",
}

// unzonedDateLayouts are the forms of a Last-Modified written with a zone
// abbreviation ("UTC", "UT", "EST"), without it: the abbreviation is read
// as parseZonedWith reads one, from zoneOffsets.
var unzonedDateLayouts = []string{
	"Mon, 02 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006 15:04:05",
	"Monday, 02-Jan-06 15:04:05",
}

// isLastModifiedDate reports whether s is a date a server can read back
// in If-Modified-Since: an HTTP date (RFC 1123 in GMT, RFC 850, asctime),
// or RFC 1123 or RFC 850 with a numeric zone or a zone abbreviation in
// place of GMT, as many servers write Last-Modified. Anything else (words,
// an ISO date, an unknown zone, text after the date) is not kept, for a
// server may refuse the request that sends it.
func isLastModifiedDate(s string) bool {
	if _, err := http.ParseTime(s); err == nil {
		return true
	}
	for _, layout := range zonedDateLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	_, ok := parseZonedWith(s, func(date string) (time.Time, bool) {
		for _, layout := range unzonedDateLayouts {
			if t, err := time.Parse(layout, date); err == nil {
				return t, true
			}
		}
		return time.Time{}, false
	})
	return ok
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
	r.Sub.ETag = KeptETag(doc.etag)
	r.Sub.LastModified = KeptLastModified(doc.lastModified)
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
	// Validators stored before they were held to what is kept are not
	// sent either.
	if v := KeptETag(sub.ETag); v != "" {
		req.Header.Set("If-None-Match", v)
	}
	if v := KeptLastModified(sub.LastModified); v != "" {
		req.Header.Set("If-Modified-Since", v)
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
	if u := req.URL; u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return redirectError{to: u.String()}
	}
	code := req.Response.StatusCode
	if !r.temporary && (code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect) {
		r.newURL = req.URL.String()
	} else {
		r.temporary = true
	}
	return nil
}

// redirectError is a redirect to an address that is not http(s) (file:,
// javascript:…), which is not followed.
type redirectError struct{ to string }

func (e redirectError) Error() string {
	return "redirected to " + shownAddress(e.to) + ", which tidings does not follow"
}

// shownAddress is an address a server gave, as a line tells it: without
// its password and control characters, and cut after 200 characters.
func shownAddress(raw string) string {
	const most = 200
	shown := CleanLine(ShownURL(raw))
	if r := []rune(shown); len(r) > most {
		shown = string(r[:most]) + "…"
	}
	return shown
}

// transportError turns a failed request or body read into a clear error
// and says whether another attempt may do better: not after a failure
// that cannot change (permanentFailure). ctx is the caller's, actx the
// attempt's, begun by t, with its timeout.
func (f *Fetcher) transportError(ctx, actx context.Context, t *tries, err error) (error, bool) {
	if ctx.Err() != nil {
		return ctx.Err(), false
	}
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err // "Get URL: ..." says nothing the result does not
	}
	if permanentFailure(err) {
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

// permanentFailure reports whether a request failed in a way that asking
// again in a few seconds cannot change: too many redirects, a redirect
// tidings does not follow, a certificate refused (signed by no known
// authority, for another host, expired), or a host name that does not
// exist (a name server that does not answer is asked again).
func permanentFailure(err error) bool {
	if errors.Is(err, ErrTooManyRedirects) {
		return true
	}
	if _, ok := errors.AsType[redirectError](err); ok {
		return true
	}
	if _, ok := errors.AsType[*tls.CertificateVerificationError](err); ok {
		return true
	}
	if _, ok := errors.AsType[x509.UnknownAuthorityError](err); ok {
		return true
	}
	if _, ok := errors.AsType[x509.HostnameError](err); ok {
		return true
	}
	if _, ok := errors.AsType[x509.CertificateInvalidError](err); ok {
		return true
	}
	dns, ok := errors.AsType[*net.DNSError](err)
	return ok && dns.IsNotFound
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
