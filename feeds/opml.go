package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"tidings/feeds/marks"
)

// maxOPMLSize is the largest OPML file read: tens of thousands of feeds.
const maxOPMLSize = 16 << 20

// MaxOPMLDepth is how many folders deep ReadOPML reads folders as tags, and
// MaxOPMLTags how many tags a feed gets from one file. Past them, folders
// inside folders and a feed listed in folder after folder would give each
// feed of the file a tag for every folder above it: thousands of tags each,
// and an export that size squared.
const (
	MaxOPMLDepth = 20
	MaxOPMLTags  = 100
)

// ErrNotOPML is wrapped by ReadOPML's error for a document that is not OPML.
var ErrNotOPML = errors.New("not an OPML file")

// OPMLCut is what ReadOPML left out of a file it read otherwise whole: the
// folders nested past MaxOPMLDepth as tags, a feed's tags past MaxOPMLTags.
// Its feeds are read; it is a warning, not a failure.
type OPMLCut struct {
	Line   int
	Reason string
}

func (c *OPMLCut) Error() string { return fmt.Sprintf("opml: line %d: %s", c.Line, c.Reason) }

// ReadOPML reads the feeds listed in an OPML file (newsboat's, Feedly's,
// tidings' own). An outline with an xmlUrl is a feed, titled by its title
// or text attribute; so is one with a url instead, as newsboat reads it,
// unless its type says it is something else (a "link" to a page, an
// "include" of another OPML file). An outline of type rss or atom with
// neither is a failure naming its line. Any other outline is a folder,
// whose text (or title) becomes a tag on every feed inside it, outermost
// folder first, down to MaxOPMLDepth folders: those nested deeper are
// read, their feeds too, but are not tags (an *OPMLCut in the error names
// the line of the first of them).
// A feed's category attribute adds tags: OPML 2.0's ("news,tech"), or
// category paths ("/news,/tech") as tidings wrote them before. newsboat's
// markers in it are not tags: "~My Gazette" names the feed, and "!" (a
// feed newsboat hides) is left out, as tidings hides no feed. A feed listed
// twice, say in two folders, is one subscription with the tags of both,
// under the address it is first listed with; two spellings of one address
// ("HTTP://Example.com/feed", "http://example.com/feed#x", see
// NormalizeURL) are one feed. A feed gets MaxOPMLTags tags at most; an
// *OPMLCut names the line of the listing whose tags were left out. A feed:
// address ("feed://example.com/rss", "feed:https://example.com/rss"), as
// older exports write one, is read as the http(s) address it stands for.
//
// Outlines that cannot be read are skipped; the error then names each by
// line, and the subscriptions that could be read are returned with it.
// Reading takes time and memory in proportion to the file.
func ReadOPML(r io.Reader) ([]Subscription, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLSize+1))
	if err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	if len(data) > maxOPMLSize {
		return nil, fmt.Errorf("opml: file over %s", formatSize(maxOPMLSize))
	}
	// The same repairs as a feed's: any encoding to UTF-8, and no control
	// characters, which the XML decoder would reject the whole file for,
	// but marked where they were in an attribute (opmlSafe).
	if data, err = feedUTF8(data, ""); err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	d := xml.NewDecoder(bytes.NewReader(opmlSafe(data)))
	d.Strict = false // exports often carry a bare "&" in a URL
	var (
		subs  []Subscription
		index = make(map[string]int) // normal URL to position in subs
		// The folder tags of the feeds listed more than once, folded, by
		// position in subs; and those whose tags were cut.
		seen = make(map[int]map[string]bool)
		full = make(map[int]bool)
		// One per open outline: true for a folder. The folders' names, down
		// to MaxOPMLDepth, are path; depth counts them all.
		open  []bool
		path  []string
		depth int
		errs  []error
		root  bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("opml: %w", err))
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				if !strings.EqualFold(t.Name.Local, "opml") {
					return nil, fmt.Errorf("%w: the root element is <%s>", ErrNotOPML, CleanLine(t.Name.Local))
				}
				root = true
				continue
			}
			if !strings.EqualFold(t.Name.Local, "outline") {
				continue
			}
			line, _ := d.InputPos()
			o := outlineAttrs(t.Attr)
			attr := feedAttr(o)
			if attr == "" && isFeedType(o["type"]) {
				open = append(open, false)
				errs = append(errs, fmt.Errorf("opml: line %d: outline %q is a feed with neither xmlUrl nor url",
					line, CleanLine(firstNonEmpty(o["title"], o["text"]))))
				continue
			}
			if attr == "" {
				open = append(open, true)
				depth++
				name := CleanLine(firstNonEmpty(o["text"], o["title"]))
				switch {
				case depth <= MaxOPMLDepth:
					path = append(path, name)
				case depth == MaxOPMLDepth+1:
					errs = append(errs, &OPMLCut{line, fmt.Sprintf(
						"folder %q is nested in %d folders: it and the folders inside it are not tags of their feeds",
						name, MaxOPMLDepth)})
				}
				continue
			}
			open = append(open, false)
			sub, err := outlineSubscription(o, attr, path)
			if err != nil {
				errs = append(errs, fmt.Errorf("opml: line %d: %w", line, err))
				continue
			}
			key := NormalizeURL(sub.URL)
			i, ok := index[key]
			if !ok {
				i = len(subs)
				index[key] = i
				if len(sub.Tags) > MaxOPMLTags {
					sub.Tags = sub.Tags[:MaxOPMLTags]
					full[i] = true
					errs = append(errs, tagsCut(line, sub.URL))
				}
				subs = append(subs, sub)
				continue
			}
			merged := &subs[i]
			merged.Title = firstNonEmpty(merged.Title, sub.Title)
			merged.SiteURL = firstNonEmpty(merged.SiteURL, sub.SiteURL)
			if full[i] {
				continue
			}
			has := seen[i]
			if has == nil {
				has = make(map[string]bool, len(merged.Tags))
				for _, tag := range merged.Tags {
					has[marks.FoldTag(tag)] = true
				}
				seen[i] = has
			}
			for _, tag := range sub.Tags {
				if k := marks.FoldTag(tag); !has[k] {
					if len(merged.Tags) == MaxOPMLTags {
						full[i] = true
						errs = append(errs, tagsCut(line, merged.URL))
						break
					}
					has[k] = true
					merged.Tags = append(merged.Tags, tag)
				}
			}
		case xml.EndElement:
			if !strings.EqualFold(t.Name.Local, "outline") || len(open) == 0 {
				continue
			}
			if open[len(open)-1] {
				if depth <= MaxOPMLDepth {
					path = path[:len(path)-1]
				}
				depth--
			}
			open = open[:len(open)-1]
		}
	}
	if !root && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%w: no <opml> element", ErrNotOPML))
	}
	for i := range subs {
		if len(subs[i].Tags) == 0 {
			subs[i].Tags = nil
		}
	}
	return subs, errors.Join(errs...)
}

// tagsCut is the warning for a feed whose tags in an OPML file pass
// MaxOPMLTags at the listing on line.
func tagsCut(line int, url string) *OPMLCut {
	return &OPMLCut{line, fmt.Sprintf("%s has %d tags: the rest of its tags here and after here are left out",
		CleanLine(ShownURL(url)), MaxOPMLTags)}
}

// outlineAttrs are an outline's attributes by lower-cased name: exporters
// disagree on "xmlUrl", "xmlURL" and "xmlurl". The feed's address keeps
// the controlMarks opmlSafe left in it, for outlineSubscription to refuse
// it; the other attributes lose them, as their text loses controls.
func outlineAttrs(attrs []xml.Attr) map[string]string {
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		key := strings.ToLower(a.Name.Local)
		if _, seen := m[key]; seen {
			continue
		}
		v := strings.TrimSpace(a.Value)
		if key != "xmlurl" && key != "url" {
			v = strings.TrimSpace(strings.ReplaceAll(v, string(controlMark), ""))
		}
		m[key] = v
	}
	return m
}

// OutlineFeedURL is the address of the feed an outline with these
// attributes names, as ReadOPML reads it; "" when it names none, or one
// ReadOPML refuses for the control characters in it.
func OutlineFeedURL(attrs []xml.Attr) string {
	o := outlineAttrs(attrs)
	if addr := o[feedAttr(o)]; !hasControls(addr) {
		return feedSchemeURL(addr)
	}
	return ""
}

// hasControls reports whether a feed's address, as a file gives it, holds
// what cleaning takes out of text (control characters, an escape sequence,
// a line break, a bidi control, a zero-width character; controlMark where
// opmlSafe took them out already). Subscribing to what is left would fetch
// another address than the file names, so the feed is refused instead, as
// feed add refuses such an address and an import a file's (ImportedFeed).
func hasControls(addr string) bool {
	return strings.ContainsRune(addr, controlMark) || CleanLine(addr) != addr
}

// controlMark stands where opmlSafe took a control character or an escape
// sequence out of an attribute's value. It is a noncharacter, which
// Unicode keeps for a program's own use and XML allows.
const controlMark = '\uFDD0'

// opmlSafe is xmlSafe for an OPML file, and leaves controlMark where it
// takes control characters out of an attribute's value (raw, as character
// references, or an escape sequence whole), so that ReadOPML can refuse a
// feed's address that held them instead of subscribing to what is left.
// What it takes out elsewhere (between elements, in a comment or a tag's
// name) goes without a mark, where one could break the markup. An escape
// sequence in an attribute's value ends at its closing quote.
func opmlSafe(data []byte) []byte {
	if isJSONDocument(data) || !needsXMLSafe(data) {
		return data
	}
	out := make([]byte, 0, len(data))
	var (
		inTag bool
		quote byte // the quote around the attribute's value being read
	)
	for i := 0; i < len(data); {
		if n := controlLength(data[i:]); n > 0 {
			if quote != 0 {
				if q := bytes.IndexByte(data[i:i+n], quote); q >= 0 {
					n = q
				}
				out = utf8.AppendRune(out, controlMark)
			}
			i += n
			continue
		}
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case inTag:
			switch c {
			case '"', '\'':
				quote = c
			case '>':
				inTag = false
			}
		case c == '<':
			if end := unquotedMarkupEnd(data[i:]); end > 0 {
				// A comment or CDATA section: a quote in it opens no value.
				out = append(out, xmlSafe(data[i:i+end])...)
				i += end
				continue
			}
			inTag = true
		}
		out = append(out, c)
		i++
	}
	return out
}

// controlLength is the length of what xmlSafe takes out at the start of b:
// a control character XML forbids, raw or as a character reference, with
// the rest of the escape sequence an ESC begins; 0 for anything else.
func controlLength(b []byte) int {
	switch c := b[0]; {
	case c == 0x1b:
		return 1 + escapeTail(b[1:])
	case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
		return 1
	case c == '&' && len(b) > 1 && b[1] == '#':
		if n, r, ok := charRef(b); ok && !isXMLChar(r) {
			if r == 0x1b {
				n += escapeTail(b[n:])
			}
			return n
		}
	}
	return 0
}

// unquotedMarkupEnd is, for a comment or a CDATA section at the start of b,
// where it ends (past "-->" or "]]>", or the end of b); else 0.
func unquotedMarkupEnd(b []byte) int {
	for _, m := range [][2]string{{"<!--", "-->"}, {"<![CDATA[", "]]>"}} {
		if bytes.HasPrefix(b, []byte(m[0])) {
			if end := bytes.Index(b[len(m[0]):], []byte(m[1])); end >= 0 {
				return len(m[0]) + end + len(m[1])
			}
			return len(b)
		}
	}
	return 0
}

// feedAttr is the attribute (lower-cased) holding the address of the feed
// an outline names: xmlurl, else url when the outline's type allows a feed
// (newsboat reads url so); "" when it names none.
func feedAttr(o map[string]string) string {
	switch {
	case o["xmlurl"] != "":
		return "xmlurl"
	case o["url"] != "" && (o["type"] == "" || isFeedType(o["type"])):
		return "url"
	}
	return ""
}

// isFeedType is true of the outline types that name a feed.
func isFeedType(typ string) bool {
	return strings.EqualFold(typ, "rss") || strings.EqualFold(typ, "atom")
}

// outlineSubscription is the feed an outline names in its attribute attr
// (xmlurl or url), tagged with the folders it sits in and its categories.
func outlineSubscription(o map[string]string, attr string, folders []string) (Subscription, error) {
	name := map[string]string{"xmlurl": "xmlUrl", "url": "url"}[attr]
	if given := o[attr]; hasControls(given) {
		return Subscription{}, fmt.Errorf("outline %q: %s %s has control characters in it: skipped",
			CleanLine(firstNonEmpty(o["title"], o["text"])), name,
			quoteShort(ShownURL(strings.ReplaceAll(given, string(controlMark), "\uFFFD"))))
	}
	feedURL := feedSchemeURL(o[attr])
	u, err := url.Parse(feedURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Subscription{}, fmt.Errorf("outline %q: %s %q is not an http(s) URL",
			CleanLine(firstNonEmpty(o["title"], o["text"])), name, ShownURL(feedURL))
	}
	var inFolders []string
	for _, f := range folders {
		if f != "" {
			inFolders = append(inFolders, f)
		}
	}
	title := firstNonEmpty(o["title"], o["text"])
	var categories []string
	for c := range strings.SplitSeq(o["category"], ",") {
		c = strings.Trim(strings.TrimSpace(c), "/")
		switch {
		case strings.HasPrefix(c, "~"):
			if name := strings.TrimSpace(c[1:]); name != "" && title == firstNonEmpty(o["title"], o["text"]) {
				title = name // the first name given
			}
		case c != "" && c != "!":
			categories = append(categories, c)
		}
	}
	tags := NormalizeTags(append(inFolders, categories...))
	if listed := NormalizeTags(categories); len(NormalizeTags(append(listed, inFolders...))) == len(listed) {
		tags = listed // the category lists every folder, in the feed's order
	}
	return Subscription{
		URL:     feedURL,
		Title:   titleText(title, looseTitle),
		SiteURL: resolveHTTP(nil, CleanLine(o["htmlurl"])),
		Tags:    tags,
	}, nil
}

// firstNonEmpty is the first of a and b that is not empty.
func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

type opmlFile struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Category string        `xml:"category,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// WriteOPML writes subs as an OPML 2.0 file titled title, with tags that
// newsboat, Feedly, Inoreader and tidings all read back, each feed once: in
// the folder of its first tag, and with all its tags in its category
// attribute, as OPML 2.0 writes tags: comma-separated, without slashes
// (newsboat reads tags from there; Feedly and Inoreader read the folder).
// Folders come in the order their first feed comes. A tag with a comma, or
// that newsboat would read as a marker ("~name", "!"), is left to the
// folders: the feed's folders are then its tags down to the last such (a
// feed tagged news, "a, b", world is in folder "a, b" in folder news, with
// category "news,world"), which ReadOPML reads back in the feed's order. A
// feed without tags stands at the top. Feeds are written as newsboat and
// Feedly write them: type "rss", text and title, xmlUrl, htmlUrl. The file
// grows with the feeds and their tags, and its folders are no deeper than
// ReadOPML reads as tags.
func WriteOPML(w io.Writer, title string, subs []Subscription) error {
	doc := opmlFile{Version: "2.0", Title: CleanLine(title)}
	top := &opmlFolder{}
	for _, s := range subs {
		tags := NormalizeTags(s.Tags)
		o := opmlOutline{
			Type:    "rss",
			Text:    firstNonEmpty(CleanLine(s.Title), CleanLine(s.URL)),
			Title:   CleanLine(s.Title),
			XMLURL:  CleanLine(s.URL),
			HTMLURL: CleanLine(s.SiteURL),
		}
		var categories []string
		for _, t := range tags {
			if categoryTag(t) {
				categories = append(categories, t)
			}
		}
		o.Category = strings.Join(categories, ",")
		f := top
		for _, t := range folderPath(tags) {
			f = f.folder(t)
		}
		f.add(o)
	}
	doc.Body = top.outlines()
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// categoryTag is true of a tag that a category attribute can carry and
// newsboat and ReadOPML read back as that tag.
func categoryTag(t string) bool {
	return !strings.Contains(t, ",") && !strings.HasPrefix(t, "~") && !strings.HasPrefix(t, "/") && t != "!"
}

// folderPath is the folders WriteOPML lists a feed with these tags in: its
// first tag's, and down to the last tag a category cannot carry. When
// that is too deep to be read back, the first tag's and then those of the
// tags a category cannot carry, as many as can be.
func folderPath(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	last := 0
	for i, t := range tags {
		if !categoryTag(t) {
			last = i
		}
	}
	if last < MaxOPMLDepth {
		return tags[:last+1]
	}
	path := tags[:1:1]
	for _, t := range tags[1:] {
		if !categoryTag(t) && len(path) < MaxOPMLDepth {
			path = append(path, t)
		}
	}
	return path
}

// opmlFolder is a folder WriteOPML writes: its feeds and folders in the
// order they come, a folder by its tag's folded name.
type opmlFolder struct {
	outline opmlOutline
	items   []*opmlFolder // a feed is an item with no items
	byName  map[string]*opmlFolder
}

// folder is the folder of tag t in f, added when f has none.
func (f *opmlFolder) folder(t string) *opmlFolder {
	key := marks.FoldTag(t)
	if sub, ok := f.byName[key]; ok {
		return sub
	}
	if f.byName == nil {
		f.byName = make(map[string]*opmlFolder)
	}
	sub := &opmlFolder{outline: opmlOutline{Text: t, Title: t}}
	f.byName[key] = sub
	f.items = append(f.items, sub)
	return sub
}

// add lists a feed in f.
func (f *opmlFolder) add(o opmlOutline) {
	f.items = append(f.items, &opmlFolder{outline: o})
}

// outlines are f's feeds and folders as outlines, each folder with its own.
func (f *opmlFolder) outlines() []opmlOutline {
	out := make([]opmlOutline, len(f.items))
	for i, it := range f.items {
		out[i] = it.outline
		if len(it.items) > 0 {
			out[i].Outlines = it.outlines()
		}
	}
	return out
}
