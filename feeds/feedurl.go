package feeds

import (
	"net/url"
	"strings"
)

// NormalizeURL is the form a feed's address is subscribed under, so that
// two spellings of one address are one subscription: scheme and host in
// lower case, the scheme's default port (:80 for http, :443 for https)
// dropped, the fragment (which is never sent to the server) dropped, an
// empty path made "/". Path and query are kept as they are: servers may
// tell their case apart. A feed: address stands for the http(s) one it
// names (feedSchemeURL). Anything but an absolute http(s) URL comes back
// as it was given, trimmed.
func NormalizeURL(raw string) string {
	raw = feedSchemeURL(strings.TrimSpace(raw))
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	host := strings.ToLower(u.Host)
	if port := u.Port(); port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		host = strings.TrimSuffix(host, ":"+port)
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// feedSchemeURL reads an address of the feed: scheme, as browsers and
// older OPML exports write a feed's, as the http(s) address it stands for:
// "feed://example.com/rss" is "http://example.com/rss", and
// "feed:https://example.com/rss" (and "feed://https://example.com/rss")
// is "https://example.com/rss". Any other address comes back as it was.
func feedSchemeURL(raw string) string {
	if len(raw) < len("feed:") || !strings.EqualFold(raw[:len("feed:")], "feed:") {
		return raw
	}
	rest := raw[len("feed:"):]
	for _, s := range []string{rest, strings.TrimPrefix(rest, "//")} {
		if scheme, _, ok := strings.Cut(s, "://"); ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")) {
			return s
		}
	}
	if strings.HasPrefix(rest, "//") {
		return "http:" + rest
	}
	return raw
}
