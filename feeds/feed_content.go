package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// contentMarkdown turns an entry's content into Markdown: HTML through
// HTMLToMarkdown with relative links resolved against base, its tables
// read as a page's story's are (entryMarkdown), plain text with its
// paragraphs kept. Content said to be HTML that holds neither a
// tag nor an entity is read as plain text, since feeds often put text with
// line breaks in their descriptions. On a conversion error the text of
// the content is returned with the error.
func contentMarkdown(content string, plain bool, base string) (string, error) {
	return convertContent(content, plain, base, false)
}

// formerContentMarkdown is contentMarkdown as it was before plain text
// wrapped at a fixed width was joined and the HTML of more elements read
// (formerMarkdown): what an entry without a guid or a link is known by.
func formerContentMarkdown(content string, plain bool, base string) (string, error) {
	return convertContent(content, plain, base, true)
}

func convertContent(content string, plain bool, base string, former bool) (string, error) {
	content = strings.TrimSpace(content)
	if content == "" {
		return "", nil
	}
	src := content
	if plain || !looksLikeHTML(content) {
		src = textToHTML(content, !former)
	}
	convert := entryMarkdown
	if former {
		convert = formerMarkdown
	}
	md, err := convert(src, base)
	if err != nil {
		return CleanText(htmlText(content)), err
	}
	return md, nil
}

var htmlMarkup = regexp.MustCompile(`<[A-Za-z!/]|&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// looksLikeHTML reports whether s holds a tag, a comment or an entity.
func looksLikeHTML(s string) bool { return htmlMarkup.MatchString(s) }

// textToHTML escapes plain text into HTML paragraphs: a blank line ends a
// paragraph, a single newline is a line break, but, with join, in prose
// wrapped at a fixed width (hardWrapped), whose lines are joined to be
// wrapped anew.
func textToHTML(s string, join bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for para := range strings.SplitSeq(s, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		lines := strings.Split(para, "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		sep := "<br>"
		if join && hardWrapped(lines) {
			sep = " "
		}
		b.WriteString("<p>")
		for i, line := range lines {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(html.EscapeString(line))
		}
		b.WriteString("</p>\n")
	}
	return b.String()
}

// hardWrapped reports whether a paragraph's lines are prose wrapped at a
// fixed width (a mailing list's advisory at 72 columns) rather than lines
// meant as lines (a poem, an address, a list): three lines or more, each
// but the last long, and each ended where the next line's first word would
// not have fitted within the longest.
func hardWrapped(lines []string) bool {
	if len(lines) < 3 {
		return false
	}
	widest := 0
	for _, l := range lines {
		widest = max(widest, utf8.RuneCountInString(l))
	}
	for i, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		next, _, _ := strings.Cut(lines[i+1], " ")
		if n < 50 || n+1+utf8.RuneCountInString(next) <= widest {
			return false
		}
	}
	return true
}

// unprefixXHTML writes the XHTML elements of content that carry one of
// prefixes (<xhtml:p>, bound to XHTML where the feed wrote them: see
// customXHTMLPrefixes) as HTML names them (<p>); the rest is left as it
// was.
func unprefixXHTML(content string, prefixes []string) string {
	z := xhtml.NewTokenizer(strings.NewReader(content))
	var b strings.Builder
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return b.String()
		}
		raw := string(z.Raw())
		if tt != xhtml.StartTagToken && tt != xhtml.EndTagToken && tt != xhtml.SelfClosingTagToken {
			b.WriteString(raw)
			continue
		}
		tok := z.Token()
		prefix, local, ok := strings.Cut(tok.Data, ":")
		if !ok || local == "" || !slices.ContainsFunc(prefixes, func(p string) bool { return strings.EqualFold(p, prefix) }) {
			b.WriteString(raw)
			continue
		}
		tok.Data, tok.DataAtom = local, atom.Lookup([]byte(local))
		b.WriteString(tok.String())
	}
}

// htmlText is the text of a string that may hold HTML markup or entities;
// scripts and styles go. Feed titles are read by titleText, which knows
// their markup; entry ids (knownBy) and saved feeds' ids are made of
// titles read by htmlText, as they always were.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0 // inside script or style
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken:
			if name, _ := z.TagName(); isRawTextElement(name) {
				skip++
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); isRawTextElement(name) && skip > 0 {
				skip--
			}
		}
	}
}

func isRawTextElement(name []byte) bool {
	return bytes.Equal(name, []byte("script")) || bytes.Equal(name, []byte("style"))
}

// maxReadableID is the longest ExternalID kept readable; longer ones are
// hashed so a feed with enormous guids does not bloat the library's index.
const maxReadableID = 300

// entryID is the ExternalID of a feed entry: "feed:<feed URL>#<key>" where
// the key is the guid, else the link, else a hash of the entry's title,
// body and date (contentKey).
func entryID(feedURL, guid string, a Article) string {
	key := guid
	if key == "" {
		key = a.URL
	}
	if key == "" {
		key = contentKey(a)
	}
	return keyedID(feedURL, key)
}

// contentKey identifies an entry by its title, body and date.
func contentKey(a Article) string {
	return IdentityPrefix + digest(a.Title, a.Body, publishedKey(a.Published))
}

// keyedID is "feed:<feed URL>#<key>", hashed when too long to keep readable.
func keyedID(feedURL, key string) string {
	id := "feed:" + feedURL + "#" + key
	if len(id) > maxReadableID {
		id = "feed:" + IdentityPrefix + digest(feedURL, key)
	}
	return id
}

func publishedKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// digest is 32 hex digits of the SHA-256 of parts joined by NULs.
func digest(parts ...string) string {
	h := sha256.New()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:16])
}
