package feeds

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// lineBreaks are a link's ASCII tabs and line breaks with the spaces
// around them.
var lineBreaks = regexp.MustCompile(`[ \t\r\n]*[\t\r\n][ \t\r\n]*`)

// unwrapURL is a link as written with the white space around it and the
// tabs and line breaks in it removed, as browsers remove them (the WHATWG
// URL standard: "remove all ASCII tab or newline"): a feed or a page that
// wraps a long link over two lines still links to the page. The spaces
// that indent the line after a break go with it, which browsers keep (as
// %20): a link holds no space of its own, and they are the wrapping's.
func unwrapURL(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return lineBreaks.ReplaceAllString(s, "")
}

// entryLink reads the link of a feed's entry: unwrapped (unwrapURL),
// resolved against base when relative, its host beyond ASCII written as
// punycode (asciiURL), and kept when it is an absolute http(s) URL with a
// host or a mailto link (checkedURL). dropped says why a link written is
// not kept ("" when it is, or there is none): a javascript:, data: or
// file: URL is never.
func entryLink(base *url.URL, ref string) (link, dropped string) {
	ref = unwrapURL(ref)
	if ref == "" {
		return "", ""
	}
	u, err := url.Parse(ref)
	if err != nil || !u.IsAbs() && base == nil {
		return checkedURL(ref) // which says why not
	}
	if !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	return checkedURL(asciiURL(u))
}

// webPage is an absolute http(s) URL read from ref as entryLink reads it,
// else "": a page, which relative links on it resolve against.
func webPage(base *url.URL, ref string) string {
	link, _ := entryLink(base, ref)
	return httpOnly(link)
}

// httpOnly is link when it is an http(s) URL, else "" (a mailto link).
func httpOnly(link string) string {
	if !strings.HasPrefix(link, "http:") && !strings.HasPrefix(link, "https:") {
		return ""
	}
	return link
}

// linkAttrs are the attributes whose value is one link that the body's
// conversion reads (tidier): a link's, a picture's (lazySources too), an
// embedded player's.
var linkAttrs = append([]string{"href", "src"}, lazySources...)

// hasWrappedLink reports, by a quick look, whether the HTML src may have
// an attribute of linkAttrs whose value holds a tab or a line break,
// written or as a character reference: where unwrapLinks has work, and a
// body may read otherwise than it did before links were unwrapped. It
// may say so of text that only looks like such an attribute.
func hasWrappedLink(src string) bool {
	for i := 0; ; i++ {
		eq := strings.IndexByte(src[i:], '=')
		if eq < 0 {
			return false
		}
		i += eq
		if isLinkAttrName(attrNameBefore(src, i)) && valueMayWrap(src[i+1:]) {
			return true
		}
	}
}

// attrNameBefore is the name that ends before src[eq], an '=', spaces
// between them skipped.
func attrNameBefore(src string, eq int) string {
	end := eq
	for end > 0 && isHTMLSpace(src[end-1]) {
		end--
	}
	start := end
	for start > 0 && (isASCIILetter(src[start-1]) || src[start-1] == '-') {
		start--
	}
	return src[start:end]
}

// valueMayWrap reports whether the attribute value rest starts with (after
// spaces) holds a tab, a line break or a character reference that may be
// one.
func valueMayWrap(rest string) bool {
	i := 0
	for i < len(rest) && isHTMLSpace(rest[i]) {
		i++
	}
	rest = rest[i:]
	var value string
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		end := strings.IndexByte(rest[1:], rest[0])
		if end < 0 {
			end = len(rest) - 1
		}
		value = rest[1 : 1+end]
		if strings.ContainsAny(value, "\t\r\n") {
			return true
		}
	} else {
		end := strings.IndexAny(rest, " \t\r\n\f>")
		if end < 0 {
			end = len(rest)
		}
		value = rest[:end]
	}
	// &#10; &#x9; &Tab; &NewLine;
	return strings.Contains(value, "&#") || strings.Contains(value, "&Tab;") || strings.Contains(value, "&NewLine;")
}

func isLinkAttrName(name string) bool {
	for _, k := range linkAttrs {
		if strings.EqualFold(name, k) {
			return true
		}
	}
	return false
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// unwrapLinks is the HTML src with the links of its elements unwrapped
// (unwrapURL), which the sanitiser would otherwise drop as not URLs, their
// text kept without them; the rest of src as it was.
func unwrapLinks(src string) string {
	if !hasWrappedLink(src) {
		return src
	}
	return rewriteLinks(src, func(val string) string {
		if v := unwrapURL(val); v != val && strings.ContainsAny(val, "\t\r\n") {
			return v
		}
		return val
	})
}

// rewriteLinks is the HTML src with the value of each link attribute of
// its elements (linkAttrs) as rewrite gives it; the rest of src, and each
// element whose links rewrite leaves alone, as they were.
func rewriteLinks(src string, rewrite func(val string) string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	b.Grow(len(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			b.Write(z.Raw())
			continue
		}
		raw := string(z.Raw()) // before Token, which lowers names in place
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace != "" || !isLinkAttr(a.Key) {
				continue
			}
			if v := rewrite(a.Val); v != a.Val {
				tok.Attr[i].Val, changed = v, true
			}
		}
		if !changed {
			b.WriteString(raw)
			continue
		}
		b.WriteString(tok.String())
	}
}

func isLinkAttr(key string) bool {
	for _, k := range linkAttrs {
		if key == k {
			return true
		}
	}
	return false
}

// asciiLinkHosts is the HTML src with the links of its elements (those
// tidier reads: linkAttrs) whose host is beyond ASCII written with the
// host as punycode (asciiHostLink), the rest of src as it was: the
// conversion to Markdown would write such a host percent-encoded
// (http://b%C3%BCcher.example/), which browsers do not resolve.
func asciiLinkHosts(src string) string {
	if !hasWideHost(src) {
		return src
	}
	return rewriteLinks(src, func(val string) string {
		link := unwrapURL(val)
		if v := asciiHostLink(link); v != link {
			return v
		}
		return val
	})
}

// hasWideHost reports, by a quick look, whether the HTML src may have a
// link whose host is beyond ASCII: a "//" followed, before the host
// ends, by a byte beyond ASCII, a percent sign or a character reference.
// It may say so of text that only looks like such a link.
func hasWideHost(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "//")
		if j < 0 {
			return false
		}
		i += j + 2
		for _, c := range []byte(src[i:]) {
			if c >= utf8.RuneSelf || c == '%' || c == '&' {
				return true
			}
			if strings.IndexByte("/?#\"'<>", c) >= 0 || isHTMLSpace(c) {
				break
			}
		}
	}
}
