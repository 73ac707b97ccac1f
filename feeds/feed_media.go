package feeds

import (
	"html"
	"mime"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

// Media RSS (the media: namespace) is how YouTube gives a video's
// description, Mastodon a post's pictures and their alt text, and many
// feeds their pictures. An entry is read with:
//   - its media:description as its text, when it has no content or summary
//     of its own (a YouTube video);
//   - its media:content pictures after its text, each with its own
//     description (alt text) or title, else its first media:thumbnail;
//   - its other media:content files (audio, video) among its enclosures.

// media is what an entry's Media RSS elements give.
type media struct {
	description string // the entry's media:description
	html        bool   // description is HTML (type="html")
	pictures    []picture
	thumbnail   *picture
	files       []enclosure
}

type picture struct {
	url, alt string
	width    int // 0 when not given
}

// addPicture adds p, or keeps the larger of p and a picture at the same
// address but for its query (one picture in several sizes, as the
// Guardian gives them).
func (m *media) addPicture(p picture) {
	for i, q := range m.pictures {
		if samePicture(p.url, q.url) {
			if p.width > q.width {
				if p.alt == "" {
					p.alt = q.alt
				}
				m.pictures[i] = p
			}
			return
		}
	}
	m.pictures = append(m.pictures, p)
}

// samePicture reports whether two addresses differ only in their query.
func samePicture(a, b string) bool {
	a, _, _ = strings.Cut(a, "?")
	b, _, _ = strings.Cut(b, "?")
	return a == b
}

// isPictureFile reports whether link's path names a picture file.
func isPictureFile(link string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(u.Path)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// mediaOf reads it's media: elements, top level and in media:group,
// addresses resolved against base.
func mediaOf(it *gofeed.Item, base *url.URL) media {
	var m media
	exts := it.Extensions["media"]
	if exts == nil {
		return m
	}
	m.read(exts, base)
	for _, g := range exts["group"] {
		m.read(g.Children, base)
	}
	return m
}

func (m *media) read(els map[string][]ext.Extension, base *url.URL) {
	if m.description == "" {
		if d, ok := first(els["description"]); ok && strings.TrimSpace(d.Value) != "" {
			m.description, m.html = d.Value, strings.EqualFold(strings.TrimSpace(d.Attrs["type"]), "html")
		}
	}
	for _, c := range els["content"] {
		link := resolveHTTP(base, CleanLine(c.Attrs["url"]))
		if link == "" {
			continue
		}
		typ, _, _ := mime.ParseMediaType(CleanLine(c.Attrs["type"]))
		medium := strings.ToLower(strings.TrimSpace(c.Attrs["medium"]))
		switch {
		case medium == "image" || strings.HasPrefix(typ, "image/") || typ == "" && medium == "" && isPictureFile(link):
			m.addPicture(picture{link, mediaText(c.Children), atoi(c.Attrs["width"])})
		case typ == "application/x-shockwave-flash":
			// A player of the page the entry links to already.
		default:
			enc := enclosure{url: link}
			if strings.Contains(typ, "/") {
				enc.mediaType = typ
			}
			if n, err := strconv.ParseInt(strings.TrimSpace(c.Attrs["fileSize"]), 10, 64); err == nil && n > 0 {
				enc.size = n
			}
			enc.desc = mediaText(c.Children) // a recording's words, as a picture's alt text
			m.files = append(m.files, enc)
		}
		if m.thumbnail == nil {
			m.thumbnail = thumbnail(c.Children, base)
		}
	}
	if t := thumbnail(els, base); t != nil && m.thumbnail == nil {
		m.thumbnail = t
	}
}

// mediaText is a media:content's alt text: its description, else its title.
func mediaText(els map[string][]ext.Extension) string {
	for _, name := range []string{"description", "title"} {
		if d, ok := first(els[name]); ok {
			text := d.Value
			if strings.EqualFold(strings.TrimSpace(d.Attrs["type"]), "html") {
				text = htmlText(text)
			}
			if text = CleanLine(text); text != "" {
				return text
			}
		}
	}
	return ""
}

func thumbnail(els map[string][]ext.Extension, base *url.URL) *picture {
	for _, t := range els["thumbnail"] {
		if link := resolveHTTP(base, CleanLine(t.Attrs["url"])); link != "" {
			return &picture{url: link, alt: "thumbnail"}
		}
	}
	return nil
}

func first(els []ext.Extension) (ext.Extension, bool) {
	if len(els) == 0 {
		return ext.Extension{}, false
	}
	return els[0], true
}

// withMedia is body (Markdown, base what its links resolve against)
// with what m adds: the media description when body is empty, then the
// pictures body does not show already.
func withMedia(body string, m media, base string) string {
	if strings.TrimSpace(body) == "" && m.description != "" {
		if md, err := contentMarkdown(m.description, !m.html, base); err == nil {
			body = md
		}
	}
	pics := m.pictures
	if len(pics) == 0 && m.thumbnail != nil {
		pics = []picture{*m.thumbnail}
	}
	var b strings.Builder
	for _, p := range pics {
		if strings.Contains(body, p.url) {
			continue
		}
		alt := p.alt
		if alt == "" {
			alt = "picture"
		}
		b.WriteString(`<p><img src="` + html.EscapeString(p.url) + `" alt="` + html.EscapeString(alt) + `"></p>`)
	}
	if b.Len() == 0 {
		return body
	}
	md, err := HTMLToMarkdown(b.String(), base)
	if err != nil || md == "" {
		return body
	}
	if body == "" {
		return md
	}
	return body + "\n\n" + md
}

// withMediaFiles is encs followed by the media files not among them.
func withMediaFiles(encs, files []enclosure) []enclosure {
	for _, f := range files {
		dup := false
		for _, e := range encs {
			dup = dup || e.url == f.url
		}
		if !dup {
			encs = append(encs, f)
		}
	}
	return encs
}
