package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
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

// Discover finds the feed of pageURL: the URL itself when it serves a
// feed, else the first <link rel="alternate"> of an RSS, Atom or JSON Feed
// type on the page, resolved against the page (or its <base>). It makes
// one request with the fetcher's limits and User-Agent, as a fetch does:
// its timeout, five redirects, a page or feed read up to MaxBody (a larger
// page is searched in its first MaxBody bytes; a larger feed is an error).
func (f *Fetcher) Discover(ctx context.Context, pageURL string) (Discovered, error) {
	start := time.Now()
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Discovered{}, fmt.Errorf("bad URL %q: not an http(s) address", pageURL)
	}
	req, err := f.newRequest(Subscription{URL: u.String()})
	if err != nil {
		return Discovered{}, err
	}
	req.Header.Set("Accept", feedAccept+", text/html;q=0.7")
	actx, cancel := f.withTimeout(ctx)
	defer cancel()
	var moved redirects
	resp, err := f.do(actx, req, &moved)
	if err != nil {
		err, _ := f.transportError(ctx, actx, err)
		return Discovered{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Discovered{}, &StatusError{Code: resp.StatusCode, Status: reasonPhrase(resp)}
	}
	data, err := readBody(resp.Body, f.MaxBody)
	cut := errors.Is(err, ErrBodyTooLarge)
	if err != nil && !cut {
		err, _ := f.transportError(ctx, actx, err)
		return Discovered{}, err
	}
	final := resp.Request.URL
	if isFeedDocument(data, resp.Header.Get("Content-Type")) {
		if cut {
			return Discovered{}, err
		}
		found := Discovered{URL: u.String(), duration: time.Since(start)}
		if moved.newURL != "" {
			found.URL = moved.newURL
		}
		doc := newDocument(resp, data)
		found.doc = &doc
		return found, nil
	}
	if link := feedLink(data, final); link != "" {
		return Discovered{URL: link}, nil
	}
	return Discovered{}, fmt.Errorf("%w at %s: the page links to no RSS, Atom or JSON feed", ErrNoFeed, CleanLine(final.String()))
}

// FetchDiscovered fetches sub, the subscription to d.URL. When discovery
// fetched the feed itself and sub has no validators to ask whether it
// changed (a new subscription), that response is read again instead of
// asking the server a second time; else it is an ordinary Fetch.
func (f *Fetcher) FetchDiscovered(ctx context.Context, sub Subscription, d Discovered) FetchResult {
	if d.doc == nil || sub.ETag != "" || sub.LastModified != "" {
		return f.Fetch(ctx, sub)
	}
	r := feedResult(sub, *d.doc)
	if r.Err != nil {
		r.Err = cleanError{r.Err}
	}
	r.Duration = d.duration
	return r
}

// isFeedDocument reports whether data, served as contentType, is a feed:
// XML that starts like one, or JSON served as a JSON Feed or saying it is
// one by its version.
func isFeedDocument(data []byte, contentType string) bool {
	start, err := feedUTF8(head(data, 8<<10), contentType)
	if err != nil || isHTMLDocument(start) {
		return false
	}
	if isJSONDocument(start) { // any JSON starts with "{": ask for the version
		return mediaType(contentType) == "application/feed+json" || isJSONFeed(bytes.NewReader(trimBOM(data)))
	}
	return gofeed.DetectFeedType(bytes.NewReader(start)) != gofeed.FeedTypeUnknown
}

// feedLink is the first feed link of an HTML page, absolute, or "".
func feedLink(page []byte, pageURL *url.URL) string {
	base := pageURL
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return ""
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
			if link := resolveHTTP(base, attrs["href"]); link != "" {
				return link
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
