package feeds

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// NormalizeURL is the form a feed's address is subscribed under, so that
// two spellings of one address are one subscription: scheme and host in
// lower case, the scheme's default port (:80 for http, :443 for https)
// dropped, the fragment (which is never sent to the server) dropped, an
// empty path made "/". Path and query are kept as they are: servers may
// tell their case apart. A feed: address stands for the http(s) one it
// names (feedSchemeURL). Anything but an absolute http(s) URL comes back
// as it was given, trimmed.
//
// The user name and password an address may carry (basic authentication,
// as newsboat's urls files write it) are kept: they are how the feed is
// fetched. MatchURL leaves them out.
func NormalizeURL(raw string) string {
	return normalizeURL(raw, true)
}

// MatchURL is the form by which two addresses are told to be one feed:
// NormalizeURL's, without the user name and password. The same feed with
// another password is the same feed; a subscription is found by it
// (store.FeedByURL), and a new subscription's articles' ids are made of it
// rather than of its address with the password in it.
func MatchURL(raw string) string {
	return normalizeURL(raw, false)
}

// HasUserinfo reports whether an http(s) address carries a user name or
// password.
func HasUserinfo(raw string) bool {
	return NormalizeURL(raw) != MatchURL(raw)
}

// ShownURL is an address as tidings shows it: without the password it may
// carry, its user name kept ("http://alice:s3cret@host/feed" is
// "http://alice@host/feed"), otherwise as it was given. What it shows
// finds the same feed (MatchURL), and is never the password.
func ShownURL(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	// The authority ends where the path begins. A ? or # before an @
	// is taken for part of a password written without its escapes
	// ("alice:p#w@host"), which is then not shown either.
	authority := rest
	if end := strings.IndexByte(rest, '/'); end >= 0 {
		authority = rest[:end]
	}
	at := strings.LastIndex(authority, "@")
	if at < 0 {
		return raw
	}
	user, _, password := strings.Cut(authority[:at], ":")
	switch {
	case !password:
		return raw
	case user == "":
		return scheme + "://" + rest[at+1:]
	}
	return scheme + "://" + user + "@" + rest[at+1:]
}

// normalizeURL is NormalizeURL, and without the user name and password
// unless keepUser.
func normalizeURL(raw string, keepUser bool) string {
	raw = feedSchemeURL(strings.TrimSpace(raw))
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	if !keepUser {
		u.User = nil
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
	return asciiURL(u)
}

// asciiURL is u written out as URL.String writes it, but a host name
// beyond ASCII (http://президент.рф/, or percent-encoded, which url.Parse
// decodes) is written as its punycode (http://xn--d1abbgf6aiiy.xn--p1ai/)
// where URL.String would percent-encode its bytes: the form every browser,
// curl and Go's HTTP client resolve, and one no look-alike letter
// disguises. The host is mapped as the HTTP client maps it to look it up
// (idna.Lookup: lower case, compatibility forms). Path, query and fragment
// keep their escaping; an ASCII host, or one that is no valid domain name,
// is written as URL.String writes it.
func asciiURL(u *url.URL) string {
	name := u.Hostname()
	if isASCIIString(name) {
		return u.String()
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return u.String()
	}
	v := *u
	v.Host = ascii
	if port := u.Port(); port != "" {
		v.Host += ":" + port
	}
	return v.String()
}

// IDBase is the address a feed's article ids are made from
// ("feed:<IDBase>#<key>"), given the address it is subscribed at (or the
// one it was first subscribed at, when it moved), or a saved copy's self
// link. An address whose host is beyond ASCII, in whatever spelling
// (Unicode, percent-encoded or punycode, as addresses are now stored), is
// written as a tidings from before wrote it, so that its articles keep
// their ids: the host as Unicode, in lower case, which URL.String
// percent-encodes (http://b%C3%BCcher.example/feed). Any other address,
// or one that does not parse, is as given.
func IDBase(address string) string {
	if isASCIIString(address) && !strings.Contains(address, "%") && !strings.Contains(strings.ToLower(address), "xn--") {
		return address
	}
	u, err := url.Parse(address)
	if err != nil {
		return address
	}
	name := u.Hostname()
	if isASCIIString(name) && !strings.Contains(strings.ToLower(name), "xn--") {
		return address
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil {
		return address
	}
	unicode, err := idna.ToUnicode(ascii)
	if err != nil || isASCIIString(unicode) {
		return address
	}
	v := *u
	v.Host = unicode
	if port := u.Port(); port != "" {
		v.Host += ":" + port
	}
	return v.String()
}

// asciiHostLink is link with its host written as asciiURL writes it; link
// as it was when it has no host beyond ASCII or does not parse.
func asciiHostLink(link string) string {
	if isASCIIString(link) && !strings.Contains(link, "%") {
		return link
	}
	u, err := url.Parse(link)
	if err != nil || isASCIIString(u.Hostname()) {
		return link
	}
	return asciiURL(u)
}

// isASCIIString reports whether s is ASCII.
func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// schemeHint says how to write raw when it is an address given without
// its scheme, as a browser's address bar takes one ("example.com/feed",
// "127.0.0.1:8080/rss"); else it is "".
func schemeHint(raw string) string {
	raw = strings.TrimSpace(raw)
	host, _, _ := strings.Cut(raw, "/")
	if strings.Contains(raw, "://") || host == "" || strings.ContainsAny(raw, " \t") {
		return ""
	}
	name, _, _ := strings.Cut(host, ":")
	if !strings.Contains(name, ".") && !strings.EqualFold(name, "localhost") {
		return ""
	}
	return "; write it with http:// or https:// before it"
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
