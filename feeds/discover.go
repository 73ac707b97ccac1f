package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
)

// ErrNoFeed is wrapped by Discover's error for a page that is not a feed
// and links to none.
var ErrNoFeed = errors.New("no feed found")

// maxDiscoverBody is how much of a page Discover reads: feed links sit in
// the head, and a feed is told by its first bytes.
const maxDiscoverBody = 2 << 20

// feedLinkTypes are the link types that announce a feed.
var feedLinkTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
}

// Discover finds the feed of pageURL: the URL itself (after redirects) when
// it serves a feed, else the first <link rel="alternate"> of an RSS, Atom
// or JSON Feed type on the page, resolved against the page (or its <base>).
// A nil client means a default one with a 30-second timeout.
func Discover(ctx context.Context, client *http.Client, pageURL string) (string, error) {
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("bad URL %q: not an http(s) address", pageURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("User-Agent", "tidings")
	req.Header.Set("Accept", feedAccept+", text/html;q=0.7")
	resp, err := client.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", &StatusError{Code: resp.StatusCode, Status: reasonPhrase(resp)}
	}
	data, err := readBody(resp.Body, maxDiscoverBody)
	if err != nil && !errors.Is(err, ErrBodyTooLarge) {
		return "", err
	}
	final := resp.Request.URL
	if isFeedDocument(data, resp.Header.Get("Content-Type")) {
		return final.String(), nil
	}
	if link := feedLink(data, final); link != "" {
		return link, nil
	}
	return "", fmt.Errorf("%w at %s: the page links to no RSS, Atom or JSON feed", ErrNoFeed, CleanLine(final.String()))
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
