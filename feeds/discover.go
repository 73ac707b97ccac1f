package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
)

// ErrNoFeed is wrapped by Discover's error for a page that is not a feed
// and links to none.
var ErrNoFeed = errors.New("no feed found")

// feedLinkTypes are the link types that announce a feed.
var feedLinkTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
}

// Discovered is the feed Discover found.
type Discovered struct {
	// URL is the address to subscribe to: the address given when it serves
	// a feed, or where it moved for good (301, 308; not a temporary
	// redirect's target); else the feed link of the page it serves.
	URL      string
	doc      *document // the feed, when the address given served one
	duration time.Duration
}

// maxAlternates is how many of a page's feed links discovery tries.
const maxAlternates = 5

// discoverQuiet is how long a discovery is silent before it tells
// Fetcher.Waiting what it waits for: one that answers sooner is not worth
// a line.
var discoverQuiet = 3 * time.Second

// Discover finds the feed of pageURL: the URL itself when it serves a
// feed, else the first <link rel="alternate"> of an RSS, Atom or JSON Feed
// type on the page, resolved against the page (or its <base>), that serves
// a feed. The links are tried in order, up to maxAlternates of them; when
// none serves a feed, the error (ErrNoFeed) says what each gave. Each
// request has the fetcher's limits and User-Agent, as a fetch does: its
// timeout, five redirects, a page or feed read up to MaxBody (a larger
// page is searched in its first MaxBody bytes; a larger feed, or anything
// else larger than that, is the error a fetch gives: body over 10 MiB).
// The whole discovery, the page and its links, is given the time a fetch
// gives one feed (Fetcher.Deadline): a request running then is stopped,
// and the links not asked by then are counted in the error. One taking
// more than a few seconds tells Fetcher.Waiting what it waits for.
// A feed: address, as a browser gives one, is read as the http(s) address
// it stands for (see NormalizeURL).
func (f *Fetcher) Discover(ctx context.Context, pageURL string) (Discovered, error) {
	u, err := url.Parse(feedSchemeURL(strings.TrimSpace(pageURL)))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Discovered{}, fmt.Errorf("bad URL %q: not an http(s) address%s", ShownURL(pageURL), schemeHint(pageURL))
	}
	var until time.Time // when discovery's time is up; zero: never
	limit := ""
	if f.Deadline > 0 {
		until = time.Now().Add(f.Deadline)
		limit = fmt.Sprintf(" (finding the feed takes at most %s)", f.Deadline)
	}
	notes := newWaitNotes(f.Waiting, limit)
	defer notes.stop()
	notes.asking("waiting for " + shownAddress(u.String()))
	found, page, err := f.discoverAt(ctx, u.String(), until)
	if err != nil || found.doc != nil {
		return found, err
	}
	links := feedLinks(page.data, page.url)
	if len(links) == 0 {
		return Discovered{}, fmt.Errorf("%w at %s: %s", ErrNoFeed, CleanLine(ShownURL(page.url.String())), page.what())
	}
	var gave []string
	for i, link := range links {
		if i == maxAlternates {
			gave = append(gave, fmt.Sprintf("%d more not tried", len(links)-i))
			break
		}
		if !until.IsZero() && !time.Now().Before(until) {
			gave = append(gave, fmt.Sprintf("%d more not tried in the %s finding the feed is given", len(links)-i, f.Deadline))
			break
		}
		notes.asking(fmt.Sprintf("waiting for %s, the page's feed link %d of %d", shownAddress(link), i+1, len(links)))
		found, other, err := f.discoverAt(ctx, link, until)
		switch {
		case ctx.Err() != nil:
			return Discovered{}, ctx.Err()
		case err != nil:
			gave = append(gave, CleanLine(ShownURL(link))+": "+CleanLine(err.Error()))
		case found.doc == nil:
			gave = append(gave, CleanLine(ShownURL(link))+": not a feed"+other.kind())
		default:
			return found, nil
		}
	}
	return Discovered{}, fmt.Errorf("%w at %s: none of its feed links serves a feed (%s)", ErrNoFeed,
		CleanLine(ShownURL(page.url.String())), strings.Join(gave, "; "))
}

// discoveredPage is what an address discovery asked served, when it was
// not a feed: its body (up to MaxBody), final URL and Content-Type.
type discoveredPage struct {
	data        []byte
	url         *url.URL
	contentType string
}

// what says what the page without feed links is: an empty document, a
// web page linking to no feed, or something else, quoting its start.
func (p discoveredPage) what() string {
	text := bytes.TrimSpace(p.data)
	switch {
	case len(text) == 0:
		return "the server sent an empty document" + p.kind()
	case looksLikePage(text):
		return "the page links to no RSS, Atom or JSON feed"
	case looksBinary(head(text, 4096)):
		return "the server sent binary data" + p.kind()
	}
	start := CleanLine(string(head(text, 200)))
	if r := []rune(start); len(r) > 60 {
		start = string(r[:60]) + "…"
	}
	return fmt.Sprintf("neither a feed nor a web page%s, it starts %q", p.kind(), start)
}

// looksLikePage reports whether data is a web page, or looks enough like
// one to search it for feed links.
func looksLikePage(data []byte) bool {
	return isHTMLDocument(data) || bytes.Contains(bytes.ToLower(head(data, 4096)), []byte("<html"))
}

// looksBinary reports whether the start of a document is not text: it
// holds NUL bytes (without the byte order mark of UTF-16, whose text
// does), or control characters for more than one byte in ten.
func looksBinary(start []byte) bool {
	if utf16BOM(start) != nil {
		return false
	}
	if bytes.IndexByte(start, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range start {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	return controls*10 > len(start)
}

// kind says what the page is, by its media type: " (text/html)", or "".
func (p discoveredPage) kind() string {
	if t := CleanLine(mediaType(p.contentType)); t != "" {
		return " (" + t + ")"
	}
	return ""
}

// waitNotes tell a discovery's Fetcher.Waiting what it waits for, once
// it has taken longer than discoverQuiet: the address it is asking then
// (with limit, what time the discovery is given), and each one it asks
// after.
type waitNotes struct {
	tell  func(string) // nil: nothing is told
	limit string
	timer *time.Timer

	mu    sync.Mutex
	now   string // the address being asked, as told
	awake bool   // discoverQuiet is over: each address is told as it is asked
	done  bool   // the discovery returned: nothing more is told
}

func newWaitNotes(tell func(string), limit string) *waitNotes {
	w := &waitNotes{tell: tell, limit: limit}
	if tell != nil {
		w.timer = time.AfterFunc(discoverQuiet, w.wake)
	}
	return w
}

// asking records that the discovery asks an address now, and tells it
// when the discovery has taken long already.
func (w *waitNotes) asking(line string) {
	if w.tell == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = line
	if w.awake && !w.done {
		w.tell(line)
	}
}

// wake tells, the discovery having taken long, what it waits for and
// what time it is given.
func (w *waitNotes) wake() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	w.awake = true
	w.tell(w.now + w.limit)
}

// stop ends the telling: the discovery is over.
func (w *waitNotes) stop() {
	if w.tell == nil {
		return
	}
	w.timer.Stop()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = true
}

// discoverAt requests addr for discovery: the feed it serves (Discovered,
// with the document), else the page it serves. A server that is busy
// (429, 5xx) is asked again as a fetch asks it (retrying). No request is
// made past until (zero: no bound besides the address's own deadline),
// and one running then is stopped.
func (f *Fetcher) discoverAt(ctx context.Context, addr string, until time.Time) (Discovered, discoveredPage, error) {
	type answer struct {
		found Discovered
		page  discoveredPage
	}
	a, err := retrying(ctx, f, tries{until: until}, func(t *tries) (answer, retryHint, error) {
		found, page, hint, err := f.discoverOnce(ctx, addr, t)
		return answer{found, page}, hint, err
	})
	return a.found, a.page, err
}

// discoverOnce is one request of discoverAt, and whether its failure is
// worth another: a 429 or a 5xx, as for a fetch, but not a network error,
// which the user subscribing sees at once.
func (f *Fetcher) discoverOnce(ctx context.Context, addr string, t *tries) (Discovered, discoveredPage, retryHint, error) {
	start := time.Now()
	req, err := f.newRequest(Subscription{URL: addr})
	if err != nil {
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	req.Header.Set("Accept", feedAccept+", text/html;q=0.7")
	actx, cancel := t.begin(ctx, f)
	defer cancel()
	defer t.end()
	var moved redirects
	resp, err := f.do(actx, req, &moved)
	if err != nil {
		err, _ := f.transportError(ctx, actx, t, err)
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	defer resp.Body.Close()
	if code := resp.StatusCode; code < 200 || code > 299 {
		hint, err := statusFailure(resp)
		return Discovered{}, discoveredPage{}, hint, err
	}
	// A page is searched in its first MaxBody bytes, however long it is;
	// anything else is refused, as a fetch refuses it, when it is longer.
	contentType := resp.Header.Get("Content-Type")
	if f.MaxBody > 0 && resp.ContentLength > f.MaxBody && !htmlType(contentType) {
		return Discovered{}, discoveredPage{}, retryHint{}, sizeError{f.MaxBody}
	}
	body, err := decodedBody(resp)
	if err != nil {
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	data, err := readBody(body, f.MaxBody)
	cut := errors.Is(err, ErrBodyTooLarge)
	if _, bad := errors.AsType[encodingError](err); bad {
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	if err != nil && !cut {
		err, _ := f.transportError(ctx, actx, t, err)
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	if cut && !looksLikePage(data) {
		return Discovered{}, discoveredPage{}, retryHint{}, err
	}
	if isFeedDocument(data, contentType) {
		if cut {
			return Discovered{}, discoveredPage{}, retryHint{}, err
		}
		found := Discovered{URL: addr, duration: time.Since(start)}
		if moved.newURL != "" {
			found.URL = moved.newURL
		}
		doc := newDocument(resp, data)
		found.doc = &doc
		return found, discoveredPage{}, retryHint{}, nil
	}
	return Discovered{}, discoveredPage{data: data, url: resp.Request.URL, contentType: contentType}, retryHint{}, nil
}

// htmlType reports whether a Content-Type is a web page's.
func htmlType(contentType string) bool {
	t := mediaType(contentType)
	return t == "text/html" || t == "application/xhtml+xml"
}

// FetchDiscovered fetches sub, the subscription to d.URL. When discovery
// fetched the feed itself and sub has no validators to ask whether it
// changed (a new subscription), that response is read again instead of
// asking the server a second time; else it is an ordinary Fetch.
func (f *Fetcher) FetchDiscovered(ctx context.Context, sub Subscription, d Discovered) FetchResult {
	if d.doc == nil || sub.ETag != "" || sub.LastModified != "" {
		return f.Fetch(ctx, sub)
	}
	pb, n := f.parseBudget(), int64(len(d.doc.data))
	if err := pb.acquire(ctx, n); err != nil {
		return FetchResult{Sub: sub, Err: err}
	}
	r := feedResult(sub, *d.doc)
	pb.release(n)
	if r.Err != nil {
		r.Err = cleanError{r.Err}
	}
	r.Duration = d.duration
	return r
}

// isFeedDocument reports whether data, served as contentType, is a feed:
// XML whose root is a feed's, or JSON served as a JSON Feed or that is one
// by its version or its shape (isJSONFeed), as the importer tells it. Its
// start is enough to tell, once a prolog too long for it (comments, a
// DOCTYPE) is dropped, as the feed parser has it dropped (trimLongProlog).
func isFeedDocument(data []byte, contentType string) bool {
	start, err := feedUTF8(head(trimLongProlog(data), 8<<10), contentType)
	if err != nil || isHTMLDocument(start) {
		return false
	}
	if isJSONDocument(start) { // any JSON object starts with "{": ask what it holds
		return mediaType(contentType) == "application/feed+json" || isJSONFeed(bytes.NewReader(trimBOM(data)))
	}
	return gofeed.DetectFeedType(bytes.NewReader(start)) != gofeed.FeedTypeUnknown
}

// feedLinks are the feed links of an HTML page, absolute, in the order the
// page gives them, each once.
func feedLinks(page []byte, pageURL *url.URL) []string {
	base := pageURL
	var links []string
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return links
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		attrs := tagAttrs(z)
		switch string(name) {
		case "base":
			if b, err := url.Parse(strings.TrimSpace(attrs["href"])); err == nil {
				base = pageURL.ResolveReference(b)
			}
		case "link":
			if !hasToken(attrs["rel"], "alternate") || !feedLinkTypes[mediaType(attrs["type"])] {
				continue
			}
			if link := resolveHTTP(base, attrs["href"]); link != "" && !slices.Contains(links, link) {
				links = append(links, link)
			}
		}
	}
}

// tagAttrs reads the current tag's attributes, the first of each name.
func tagAttrs(z *xhtml.Tokenizer) map[string]string {
	attrs := make(map[string]string)
	for {
		k, v, more := z.TagAttr()
		if _, seen := attrs[string(k)]; !seen {
			attrs[string(k)] = string(v)
		}
		if !more {
			return attrs
		}
	}
}

// hasToken reports whether the space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, tok) {
			return true
		}
	}
	return false
}

// mediaType is a Content-Type's type without parameters, lower-cased.
func mediaType(s string) string {
	if t, _, err := mime.ParseMediaType(s); err == nil {
		return t
	}
	return strings.ToLower(strings.TrimSpace(s))
}
