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
	seen        map[string]int // a picture's address, and its path when sized, to its index
}

// maxMedia is how many pictures, and how many files, an entry's Media RSS
// gives at most: a gallery's worth; a feed listing thousands is cut there.
const maxMedia = 64

type picture struct {
	url, alt string
	width    int // 0 when not given
}

// addPicture adds p, unless the entry has it already; of one picture in
// several sizes (the same address but for its query, each with its width,
// as the Guardian gives them) it keeps the largest.
func (m *media) addPicture(p picture) {
	if m.seen == nil {
		m.seen = make(map[string]int)
	}
	if _, dup := m.seen[p.url]; dup {
		return
	}
	path, _, _ := strings.Cut(p.url, "?")
	sized := "sized " + path
	if i, ok := m.seen[sized]; ok && p.width > 0 {
		if q := m.pictures[i]; p.width > q.width {
			if p.alt == "" {
				p.alt = q.alt
			}
			m.pictures[i] = p
		}
		m.seen[p.url] = i
		return
	}
	if len(m.pictures) == maxMedia {
		return
	}
	m.seen[p.url] = len(m.pictures)
	if p.width > 0 {
		m.seen[sized] = len(m.pictures)
	}
	m.pictures = append(m.pictures, p)
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
			if len(m.files) < maxMedia {
				m.files = append(m.files, enc)
			}
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
	seen := make(map[string]bool, len(encs)+len(files))
	for _, e := range encs {
		seen[e.url] = true
	}
	for _, f := range files {
		if !seen[f.url] {
			seen[f.url] = true
			encs = append(encs, f)
		}
	}
	return encs
}
