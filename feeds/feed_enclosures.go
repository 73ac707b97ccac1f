package feeds

import (
	"fmt"
	"html"
	"mime"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
)

// enclosure is a file an entry carries: an RSS enclosure (a podcast's
// audio), an Atom link rel="enclosure", a JSON Feed attachment.
type enclosure struct {
	url       string // absolute http(s)
	mediaType string // "audio/mpeg"; "" when not given or not a media type
	size      int64  // in bytes; 0 when not given
	desc      string // what it holds, in words (Media RSS's description); "" when not given
}

// enclosures are it's enclosures with an http(s) address, read by read
// from the address the parser gives (unpadded, asParsed), relative ones
// resolved against base, each address once, in document order.
func enclosures(it *gofeed.Item, base *url.URL, read func(link string) string) []enclosure {
	var out []enclosure
	seen := make(map[string]bool, len(it.Enclosures))
	for _, e := range it.Enclosures {
		if e == nil {
			continue
		}
		link := resolveHTTP(base, CleanLine(read(e.URL)))
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		enc := enclosure{url: link}
		if t, _, err := mime.ParseMediaType(CleanLine(e.Type)); err == nil && strings.Contains(t, "/") {
			enc.mediaType = t
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(e.Length), 10, 64); err == nil && n > 0 {
			enc.size = n
		}
		out = append(out, enc)
	}
	return out
}

// asParsed is a link as the parser gives it.
func asParsed(link string) string { return link }

// maxEnclosures is how many of an entry's enclosures its body lists: a
// podcast's episode has one, and a feed listing a hundred thousand would
// take hundreds of megabytes to write out.
const maxEnclosures = 100

// withEnclosures is body (Markdown) followed by a paragraph for each
// enclosure: "Enclosure: [ep1.mp3](https://…/ep1.mp3) (audio/mpeg, 12 MB)",
// the first maxEnclosures of them and a line saying how many more.
func withEnclosures(body string, encs []enclosure) string {
	if len(encs) == 0 {
		return body
	}
	var b strings.Builder
	more := len(encs) - maxEnclosures
	if more > 0 {
		encs = encs[:maxEnclosures]
	}
	for _, e := range encs {
		fmt.Fprintf(&b, `<p>Enclosure: <a href="%s">%s</a>`, html.EscapeString(e.url), html.EscapeString(enclosureName(e.url)))
		if about := e.about(); about != "" {
			b.WriteString(" (" + html.EscapeString(about) + ")")
		}
		if e.desc != "" {
			b.WriteString(": " + html.EscapeString(e.desc))
		}
		b.WriteString("</p>\n")
	}
	if more > 0 {
		fmt.Fprintf(&b, "<p>… and %d more enclosures.</p>\n", more)
	}
	md, err := HTMLToMarkdown(b.String(), "")
	if err != nil || md == "" {
		return body
	}
	if body == "" {
		return md
	}
	return body + "\n\n" + md
}

// about is what is known of e besides its address: "audio/mpeg, 12 MB".
func (e enclosure) about() string {
	var parts []string
	if e.mediaType != "" {
		parts = append(parts, e.mediaType)
	}
	if e.size > 0 {
		parts = append(parts, byteSize(e.size))
	}
	return strings.Join(parts, ", ")
}

// enclosureName is what a link to the file at link says: the file's name,
// else the host's.
func enclosureName(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if name := CleanLine(path.Base(u.Path)); name != "" && name != "/" && name != "." {
		return name
	}
	return u.Host
}

// byteSize writes n bytes in decimal units: "512 bytes", "1.5 MB", "12 MB".
func byteSize(n int64) string {
	if n < 1000 {
		if n == 1 {
			return "1 byte"
		}
		return strconv.FormatInt(n, 10) + " bytes"
	}
	v, unit := float64(n), 0
	const units = "kMGTPE"
	for v >= 999.5 && unit < len(units) {
		v /= 1000
		unit++
	}
	s := strconv.FormatFloat(v, 'f', 0, 64)
	if v < 9.95 {
		s = strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	}
	return s + " " + units[unit-1:unit] + "B"
}
