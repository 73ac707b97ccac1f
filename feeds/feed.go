package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
)

// Subscription is the stored state of a feed: where it lives, what it is
// called, the tags its articles get, and the validators of its last
// response for a conditional GET.
type Subscription struct {
	URL string
	// IDBase, when set, is the address the feed's article ids are made from
	// instead of URL: the feed's first address, kept when it moves.
	IDBase       string
	Title        string
	SiteURL      string
	Tags         []string // default tags of the feed's articles
	ETag         string
	LastModified string
}

// Feed is a parsed feed document.
type Feed struct {
	Title   string // the feed's own title, cleaned; "" when it has none
	SiteURL string // the site the feed belongs to, absolute; "" when unknown
	// SelfURL is the address the document gives for itself (Atom's and
	// RSS's atom:link rel="self", JSON Feed's feed_url), absolute; "" when
	// it gives none.
	SelfURL  string
	Articles []Article // normalised, in document order, duplicates dropped
	// Warning says what is wrong with a document read all the same (one
	// broken after its last whole entry, a JSON Feed item left out, bytes
	// that are not UTF-8 replaced); "" for a sound one.
	Warning string
}

// ErrNotFeed is wrapped by the error for a document that is not an RSS,
// Atom or JSON feed, or is too broken to read.
var ErrNotFeed = errors.New("not a feed")

// ParseFeed reads an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x
// document into Articles for sub. contentType is the Content-Type the
// document came with ("" when unknown), consulted for its charset when the
// document does not declare one; docURL is where it was read from (after
// redirects; "" means sub.URL), against which relative links resolve
// when the document gives no xml:base.
//
// Each article gets the feed's title as Source, sub.URL as FeedURL, a copy
// of sub.Tags, and an ExternalID made of sub.IDBase (else sub.URL) and the
// entry's guid (else its link, else a hash of its content), so two feeds'
// guid "1" do not collide. Entries of one document that share a guid are
// each known by the guid and their link (by the hash when that is taken),
// whatever their order, with a warning naming the guid: feeds that give
// every entry one guid lose none, and a reordered feed moves no reader's
// star or note to another story. An entry repeated as it was is read once. Content is
// preferred over summary and turned into sanitised Markdown with links
// resolved; the entry's enclosures (RSS enclosures, Atom enclosure links,
// JSON Feed attachments) are listed after it, and the first is the
// article's URL when the entry has no link (a JSON Feed item's
// external_url comes before them). FeedBurner's own addresses of an
// entry and its enclosure (feedburner:origLink, origEnclosureLink) are
// read in place of its redirects, the id made of the link as written. An
// Atom or JSON Feed entry naming no author has the feed's. Titles are
// read as their format writes them (titleText). A JSON Feed with a field
// of the wrong type is read item by item (repairJSONFeed): an item that
// cannot be read is left out, with a warning naming it, and the others
// are kept.
func ParseFeed(data []byte, contentType, docURL string, sub Subscription) (Feed, error) {
	if docURL == "" {
		docURL = sub.URL
	}
	parsed, err := parseFeedDocument(data, contentType)
	if err != nil {
		return Feed{}, err
	}
	return readFeed(parsed, docURL, sub), nil
}

// parseFeedDocument parses a feed document as ParseFeed does, with what
// the parser does not keep recorded in it (annotateFeed).
func parseFeedDocument(data []byte, contentType string) (*gofeed.Feed, error) {
	data, charsetWarning, err := decodeFeed(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the document is empty", ErrNotFeed)
	}
	if isHTMLDocument(data) {
		return nil, fmt.Errorf("%w: the server sent an HTML page", ErrNotFeed)
	}
	data = trimLongProlog(data)
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // to tell plain-text content from HTML
	// Articles carry no picture: do not parse every item's HTML for one.
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	data = xmlSafe(data)
	parsed, err := p.Parse(bytes.NewReader(data))
	if err != nil && isJSONDocument(data) {
		// A field of the wrong type fails the whole document: read it
		// item by item instead.
		fixed, warnings, jerr := repairJSONFeed(data)
		if jerr != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotFeed, jerr)
		}
		if again, err2 := p.Parse(bytes.NewReader(fixed)); err2 == nil {
			if len(warnings) > 0 {
				setCustom(&again.Custom, customSkipped, strings.Join(warnings, "; "))
			}
			parsed, data, err = again, fixed, nil
		}
	} else if err != nil && !errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		if cut, ok := cutAfterLastEntry(data); ok {
			if again, err2 := p.Parse(bytes.NewReader(cut)); err2 == nil && len(again.Items) > 0 {
				setCustom(&again.Custom, customCutOff, cutOffWarning(len(again.Items), err))
				parsed, data, err = again, cut, nil
			}
		}
	}
	if err == nil && parsed.FeedType != "json" {
		if n := countEntries(data); n > len(parsed.Items) && parsed.Custom[customCutOff] == "" {
			setCustom(&parsed.Custom, customCutOff, missedWarning(len(parsed.Items), n))
		}
	}
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return nil, fmt.Errorf("%w: no RSS, Atom or JSON Feed document", ErrNotFeed)
	case err != nil:
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	if charsetWarning != "" {
		setCustom(&parsed.Custom, customCharset, charsetWarning)
	}
	annotateFeed(parsed, data)
	unpaddedLinks(parsed, data)
	decodeBase64Texts(parsed, data)
	return parsed, nil
}

// readFeed turns a parsed document, read from docURL ("" when unknown),
// into a Feed for sub.
func readFeed(parsed *gofeed.Feed, docURL string, sub Subscription) Feed {
	base := parseAbsolute(docURL)
	out := Feed{
		Title:   ShortLine(titleText(decodedText(parsed.Custom, customBase64Title, parsed.Title), customTitle(parsed.Custom))),
		SiteURL: webPage(base, unpadded(parsed, parsed.Link)),
		SelfURL: resolveHTTP(base, unpadded(parsed, parsed.FeedLink)),
		Warning: joinWarnings(firstNonEmpty(parsed.Custom[customCutOff], parsed.Custom[customSkipped]), parsed.Custom[customCharset]),
	}
	// A relative entry link is relative to the site, which may be elsewhere
	// than the feed (a feed served from a CDN or a feed proxy).
	linkBase := base
	if site := parseAbsolute(out.SiteURL); site != nil {
		linkBase = site
	}
	// The entries' ids are made of their links as read before links were
	// unwrapped or unpadded, the site's too.
	formerLinkBase := base
	if site := parseAbsolute(resolveHTTP(base, parsed.Link)); site != nil {
		formerLinkBase = site
	}
	source := out.Title
	if source == "" {
		source = sub.Title
	}
	if source == "" && base != nil {
		source = base.Host
	}
	e := entryReader{sub: sub, base: base, linkBase: linkBase, formerLinkBase: formerLinkBase, source: source, plain: plainContent(parsed),
		contentSrc: contentSources(parsed), permalink: permalinkGUIDs(parsed),
		ids: make(map[string]bool, len(parsed.Items)), entries: make(map[string]bool, len(parsed.Items)),
		shared: sharedKeys(parsed.Items), json: parsed.FeedType == "json",
		unpadded: func(link string) string { return unpadded(parsed, link) }}
	if parsed.FeedType == "atom" || e.json {
		// Atom's feed authors and JSON Feed's top-level ones are those of
		// every entry that names none of its own (RFC 4287 4.2.1, JSON
		// Feed 1.1); RSS's channel has an editor, not the items' author.
		e.author = personNames(parsed.Authors, parsed.Author)
	}
	for i, it := range parsed.Items {
		if a, ok := e.article(i, it); ok {
			out.Articles = append(out.Articles, a)
		}
	}
	return out
}

// entryReader turns the entries of one document into Articles.
type entryReader struct {
	sub      Subscription
	base     *url.URL // the document's URL
	linkBase *url.URL // the site's URL, else the document's
	// formerLinkBase is linkBase as read before links were unwrapped.
	formerLinkBase *url.URL
	source         string
	plain          func(i int) bool   // whether entry i's content is plain text
	contentSrc     func(i int) string // entry i's out-of-line content's address
	permalink      func(i int) bool   // whether entry i's guid says it is a permalink
	ids            map[string]bool    // the ids given so far
	entries        map[string]bool    // the entries read so far (entrySignature)
	// shared are the guids (or, for entries without one, links) that
	// different entries of the document share.
	shared map[string]bool
	author string // of the entries that name none
	json   bool   // a JSON Feed
	// unpadded reads a link as the parser gives it without the spaces the
	// feed wrote after it (unpaddedLinks).
	unpadded func(link string) string
}

// sharedKeys finds the guids, and the links of entries without one, that
// different entries share. Every entry with such a key is known by more
// than it, whatever its place in the document: an id given by order would
// move a reader's star and notes to another story when the feed reorders.
func sharedKeys(items []*gofeed.Item) map[string]bool {
	seen := make(map[string]string, len(items)) // key -> the first entry's signature
	shared := make(map[string]bool)
	for _, it := range items {
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = strings.TrimSpace(it.Link)
		}
		if key == "" {
			continue
		}
		sig := digest(it.Title, it.Link, it.Content, it.Description)
		if first, ok := seen[key]; !ok {
			seen[key] = sig
		} else if first != sig {
			shared[key] = true
		}
	}
	return shared
}

// article converts entry i; ok is false for an entry with nothing in it.
func (e *entryReader) article(i int, it *gofeed.Item) (a Article, ok bool) {
	a = Article{
		Source:    e.source,
		FeedURL:   e.sub.URL,
		Title:     titleText(decodedText(it.Custom, customBase64Title, it.Title), customTitle(it.Custom)),
		Author:    firstNonEmpty(authors(it), e.author),
		Published: published(it),
	}
	guid := strings.TrimSpace(it.GUID)
	a.publishedAt = unwritableAt(a.Published, "entry "+entryName(a.Title, guid, i)+": date")
	if w := undatedWarning(it, a.Published); w != "" {
		a.Warnings = append(a.Warnings, "entry "+entryName(a.Title, guid, i)+": "+w)
	}
	ref := e.unpadded(it.Link)
	if orig := origLink(it); orig != "" {
		ref = orig // the article, not FeedBurner's redirect to it
	} else if unwrapURL(ref) == "" {
		// An entry whose content is elsewhere (Atom's <content src>)
		// links to it: the article is there.
		ref = e.unpadded(e.contentSrc(i))
	}
	link, dropped := entryLink(e.linkBase, ref)
	if dropped != "" {
		a.Warnings = append(a.Warnings, "entry "+entryName(a.Title, guid, i)+": "+dropped)
	}
	// The entry's page, which its relative links resolve against. An RSS
	// guid is a permalink unless it says otherwise, and an entry without
	// a link is better off with one that may be; a relative one is
	// relative to the site when it says it is a permalink.
	page := httpOnly(link)
	if page == "" {
		page = webPage(e.guidBase(i), guid)
	}
	ownURL := firstNonEmpty(link, page)
	a.URL = ownURL
	// What the entry is known by is made of its page as read before links
	// were unwrapped or unpadded (formerPage): a feed that wraps its links
	// keeps its entries where they are.
	formerPage := resolveHTTP(e.formerLinkBase, it.Link)
	if formerPage == "" {
		formerPage = resolveHTTP(nil, guid)
	}
	if e.sub.Tags != nil {
		a.Tags = append([]string{}, e.sub.Tags...)
	}
	content, formerBody, err := e.body(i, it, page, formerPage)
	if err != nil {
		a.Warnings = append(a.Warnings, "content kept as plain text: "+err.Error())
	}
	encBase := e.enclosureBase(it)
	m := mediaOf(it, encBase)
	body := withMedia(content, m, page)
	// Enclosures as the parser read their addresses (parsedEncs), which
	// what the entry is known by is made of, and without the spaces the
	// feed wrote after them.
	readEncs, parsedEncs := enclosures(it, encBase, e.unpadded), enclosures(it, encBase, asParsed)
	own, origEnc := withOrigEnclosure(it, readEncs)
	encs := withMediaFiles(own, m.files)
	a.Body = withEnclosures(body, encs)
	if len(encs) > maxEnclosures {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%d enclosures: the first %d are listed", len(encs), maxEnclosures))
	}
	titled := a.Title != ""
	a.URL = e.otherURL(a.URL, it, encs, false)
	if !titled && body == "" {
		if a.URL == "" {
			return Article{}, false
		}
		a.Title = a.URL
	}
	// An entry with no title, text or page of its own is known by its link
	// and body as read before (knownBy): those read with formerPage.
	before := a
	if ownURL != formerPage || origEnc || !slices.Equal(readEncs, parsedEncs) {
		formerEncs := withMediaFiles(parsedEncs, m.files)
		before.URL = e.otherURL(formerPage, it, formerEncs, true)
		body := withMedia(content, m, formerPage)
		before.Body = withEnclosures(body, formerEncs)
		if !titled && body == "" {
			before.Title = before.URL
		}
		if before.Title == "" && body == "" && before.URL == "" {
			before = a // passed over before: known as it is read now
		}
	}
	known := knownBy(it, formerPage, formerBody, before)
	sig := digest(guid, a.Title, a.URL, a.Body, publishedKey(a.Published), a.Author)
	if e.entries[sig] {
		return Article{}, false // the same entry again: nothing to tell apart
	}
	rawKey := guid
	if rawKey == "" {
		rawKey = strings.TrimSpace(it.Link)
	}
	if !e.identify(&a, known, guid, rawKey, i) {
		return Article{}, false
	}
	e.addSpelledID(&a)
	// Known by its date, read before at the offset the zone of the machine
	// that fetched it gave its abbreviation: this machine's, or one where
	// the abbreviation is the zone's own (IST at +05:30 in India, as it is
	// shown): found by those ids too.
	for _, at := range []time.Time{hostPublished(it), a.Published} {
		if at.Equal(known.Published) {
			continue
		}
		before := known
		before.Published = at
		if id := entryID(e.idBase(), guid, before); id != a.ExternalID && !slices.Contains(a.FormerIDs, id) {
			a.FormerIDs = append(a.FormerIDs, id)
		}
	}
	e.ids[a.ExternalID], e.entries[sig] = true, true
	Normalize(&a)
	return a, true
}

// knownBy is what the id of entry it, read into a, is made of: what it
// always was, the entry's own link (page), its title read as HTML (its
// line breaks read as spaces, idLine) and its body without enclosures, as read before xml:base counted (formerBody),
// so that reading titles or links better, or listing enclosures, moves no
// article to another id; its date as the parser read it (parserPublished).
// An entry with none of these was passed over before: it is known by what
// a shows.
func knownBy(it *gofeed.Item, page, formerBody string, a Article) Article {
	at := parserPublished(it)
	known := Article{Title: idLine(htmlText(it.Title)), URL: page, Body: formerBody, Published: at}
	switch {
	case known.Title != "" || known.Body != "":
		return known
	case known.URL != "":
		known.Title = known.URL
		return known
	}
	return Article{Title: a.Title, URL: a.URL, Body: a.Body, Published: at}
}

// body is entry i's content as Markdown. Relative links resolve against
// the entry's own page (page, "" when it has none), else the xml:base in
// scope at it, else the document. formerBody is the content read as it
// was before (formerContentMarkdown; a summary as HTML), with links
// resolved as they were before xml:base counted, against the page as read
// before links were unwrapped (formerPage) else the document: what the
// entry's id is made of.
func (e *entryReader) body(i int, it *gofeed.Item, page, formerPage string) (body, formerBody string, err error) {
	content, plain, decodedKey := it.Content, e.plain(i), customBase64Content
	formerPlain := plain
	if strings.TrimSpace(content) == "" {
		content, plain, decodedKey = it.Description, e.json || it.Custom[customSummaryMarkup] == "text", customBase64Summary
		formerPlain = false
	}
	// Base64 (Atom 0.3's mode="base64") reads decoded, and XHTML written
	// with a prefix as written without one; what an entry is known by is
	// made of the content as it was read before.
	formerContent := content
	content = decodedText(it.Custom, decodedKey, content)
	if p := it.Custom[customXHTMLPrefixes]; p != "" && !plain {
		content = unprefixXHTML(content, strings.Fields(p))
	}
	if !plain {
		// Links to hosts beyond ASCII are written with the host as
		// punycode, as the entry's own link is; what the entry is known
		// by is read from formerContent, as the links were written.
		content = asciiLinkHosts(content)
	}
	former := formerPage
	if former == "" && e.base != nil {
		former = e.base.String()
	}
	base := page
	if base == "" {
		base = resolveHTTP(e.base, it.Custom[customXMLBase])
	}
	if base == "" {
		base = former
	}
	base = asciiHostLink(base)
	body, err = contentMarkdown(content, plain, base)
	formerBody = body
	if base != former || plain != formerPlain || content != formerContent || !convertsAsBefore(content, plain) {
		formerBody, _ = formerContentMarkdown(formerContent, formerPlain, former)
	}
	return body, formerBody, err
}

// convertsAsBefore reports, by a quick look, that content converts as it
// did before (formerContentMarkdown), sparing the second conversion: it
// holds none of the elements and attributes read differently now
// (superscripts and subscripts among them, tables, links wrapped over
// lines, pictures, which are written apart from the text they touch,
// MathML, read as text, and the line numbers beside code, dropped:
// mayHoldLineNumbers), and as plain text fewer than three lines in a
// paragraph (hardWrapped).
func convertsAsBefore(content string, plain bool) bool {
	if plain || !looksLikeHTML(content) {
		return !strings.Contains(content, "\n")
	}
	if hasWrappedLink(content) {
		return false
	}
	lower := strings.ToLower(content)
	for _, s := range []string{"<iframe", "<video", "<audio", "data-", "srcset", "<br", "<sup", "<sub", "<table", "<math"} {
		if strings.Contains(lower, s) {
			return false
		}
	}
	return !strings.Contains(lower, "<img") && !mayHoldLineNumbers(lower)
}

// mayHoldLineNumbers reports, by a quick look at lower, HTML in lower
// case, whether it may hold line numbers a highlighter wrote beside its
// code (dropLineNumbers): two preformatted blocks, a gutter and its code
// side by side, or spans inside one, the numbers starting its lines.
func mayHoldLineNumbers(lower string) bool {
	pres := strings.Count(lower, "<pre")
	return pres >= 2 || pres == 1 && strings.Contains(lower, "<span")
}

// guidBase is what entry i's guid, read as a link, resolves against when
// relative: the site, when it says it is a permalink; else nothing, and a
// relative guid is no link.
func (e *entryReader) guidBase(i int) *url.URL {
	if e.permalink(i) {
		return e.linkBase
	}
	return nil
}

// enclosureBase is what relative enclosure addresses of it resolve
// against: the xml:base in scope at it, else what its link resolves
// against. (Atom's were resolved against xml:base by the parser.)
func (e *entryReader) enclosureBase(it *gofeed.Item) *url.URL {
	if base := parseAbsolute(resolveHTTP(e.base, it.Custom[customXMLBase])); base != nil {
		return base
	}
	return e.linkBase
}

// identify gives a, entry i, its ExternalID, made of known's guid, link,
// title, body and date (entryID): ok is false when the entry cannot be
// told apart from one read before it. rawKey is the guid, else the link,
// as written. The warning that another entry has its guid names it by its
// title, else its place (the guid is in the warning already): one such
// line for each entry, which the reader can find in the feed.
func (e *entryReader) identify(a *Article, known Article, guid, rawKey string, i int) (ok bool) {
	name := "entry " + entryName(a.Title, "", i) + ": "
	base := e.idBase()
	a.ExternalID = entryID(base, guid, known)
	if e.shared[rawKey] {
		// Several entries have this guid: each is known by its link with
		// it, else by its content, wherever it stands in the document.
		id, by := keyedID(base, contentKey(known)), "a hash of its content"
		if withLink := keyedID(base, guid+" "+known.URL); guid != "" && known.URL != "" && !e.ids[withLink] {
			id, by = withLink, "it and its link"
		}
		if e.ids[id] {
			return false
		}
		what := "guid"
		if guid == "" {
			what = "link"
		}
		a.Warnings = append(a.Warnings, fmt.Sprintf("%s%s %s is other entries' too; this entry is known by %s", name, what, quoteShort(rawKey), by))
		a.ExternalID = id
	} else if e.ids[a.ExternalID] {
		// An earlier entry has this guid (or link): this one is another
		// entry all the same, to be kept and told apart.
		what, key, by := "guid", guid, "its link"
		if guid == "" {
			what, key = "link", known.URL
		}
		id := ""
		if guid != "" && known.URL != "" {
			id = keyedID(base, known.URL)
		}
		if id == "" || e.ids[id] {
			id, by = keyedID(base, contentKey(known)), "a hash of its content"
		}
		if e.ids[id] {
			return false
		}
		a.ExternalID = id
		a.Warnings = append(a.Warnings, fmt.Sprintf("%s%s %s is an earlier entry's too; this entry is known by %s instead",
			name, what, quoteShort(key), by))
	}
	return true
}

// idBase is what the ids of the feed's entries begin with: the address it
// was first subscribed at, written as IDBase writes it.
func (e *entryReader) idBase() string {
	return IDBase(e.spelledBase())
}

// spelledBase is the address the feed was first subscribed at, as the
// subscription spells it.
func (e *entryReader) spelledBase() string {
	if e.sub.IDBase != "" {
		return e.sub.IDBase
	}
	return e.sub.URL
}

// addSpelledID gives a the id made of the subscription's address as it is
// spelled among its FormerIDs, when that is not the id base (a host beyond
// ASCII stored as punycode): the id a fetch made of that spelling before
// IDBase, which such an article is found by and moves from.
func (e *entryReader) addSpelledID(a *Article) {
	base, spelled := e.idBase(), e.spelledBase()
	if base == spelled {
		return
	}
	if key, ok := strings.CutPrefix(a.ExternalID, "feed:"+base+"#"); ok {
		a.FormerIDs = appendNew(a.FormerIDs, keyedID(spelled, key))
	}
}

// quoteShort quotes s for a message, cut short when long.
func quoteShort(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return strconv.Quote(s)
}

// plainContent reports, per entry, whether the content the parser found is
// plain text rather than HTML: an Atom text construct, or a JSON Feed
// item with content_text only. RSS content is HTML.
func plainContent(f *gofeed.Feed) func(i int) bool {
	switch orig := f.OriginalFeed().(type) {
	case *atom.Feed:
		if len(orig.Entries) == len(f.Items) {
			return func(i int) bool {
				c := orig.Entries[i].Content
				if c == nil {
					return false
				}
				t := strings.ToLower(strings.TrimSpace(c.Type))
				return t == "text" || t == "text/plain" || (t == "" && c.Src == "")
			}
		}
	case *jsonfeed.Feed:
		if len(orig.Items) == len(f.Items) {
			return func(i int) bool {
				it := orig.Items[i]
				return it.ContentHTML == "" && it.ContentText != ""
			}
		}
	}
	return func(int) bool { return false }
}

// published is when an entry was published: its publication date, else its
// update date, in any form the parser or the fallback layouts read; zero
// when it has none or only an implausible one (before 1970, or 1970's
// first second). A date with a zone abbreviation is read by zoneOffsets,
// which the parser does not know beyond a few (it takes "IST" or "JST"
// for UTC).
func published(it *gofeed.Item) time.Time {
	return firstPlausible(it, func(parsed *time.Time, text string) (time.Time, bool) {
		if parsed != nil && !namesZone(text) {
			return *parsed, true
		}
		if t, ok := parseFeedTime(text); ok {
			return t, true
		}
		if t, ok := parseFeedTimeZoned(text); ok {
			return t, true
		}
		if t, ok := parseWrittenFeedTime(text); ok {
			return t, true
		}
		if parsed != nil {
			return *parsed, true
		}
		return time.Time{}, false
	})
}

// parserPublished is published as read before zone abbreviations were
// read by zoneOffsets: what the ids of entries known by their content are
// made of, so that those stay where they are.
func parserPublished(it *gofeed.Item) time.Time {
	return firstPlausible(it, func(parsed *time.Time, text string) (time.Time, bool) {
		if parsed != nil {
			return hostFree(*parsed, text), true
		}
		return parseFeedTime(text)
	})
}

// hostPublished is parserPublished as the feed parser's reading was taken
// before hostFree: on a host whose own zone has the abbreviation, at its
// offset.
func hostPublished(it *gofeed.Item) time.Time {
	return firstPlausible(it, func(parsed *time.Time, text string) (time.Time, bool) {
		if parsed != nil {
			return *parsed, true
		}
		return parseFeedTime(text)
	})
}

// parserZones are the zone abbreviations the feed parser reads at offsets
// of its own; Go reads any other at the offset the host's own zone gives
// it, if it has that abbreviation (IST at +05:30 in India), else at 0.
var parserZones = map[string]bool{
	"UT": true, "GMT": true, "UTC": true, "EST": true, "EDT": true, "CST": true, "CDT": true,
	"MST": true, "MDT": true, "PST": true, "PDT": true, "WET": true, "WEST": true, "BST": true,
	"CET": true, "CEST": true, "EET": true, "EEST": true,
}

// hostFree is t, the feed parser's reading of the date text, as a host
// without text's zone abbreviation reads it: where the parser left the
// abbreviation to the host and the host's own zone has it, the clock time
// at offset 0; else t. The ids of entries known by their date are made of
// it, and so do not change with the zone of the machine that fetches them.
func hostFree(t time.Time, text string) time.Time {
	rest, _ := cutComment(strings.Join(strings.Fields(text), " "))
	abbr := rest[strings.LastIndexByte(rest, ' ')+1:]
	if !isLetters(abbr) || parserZones[strings.ToUpper(abbr)] {
		return t
	}
	local := t.In(time.Local)
	if name, _ := local.Zone(); name != abbr {
		return t // read at 0, as anywhere else
	}
	return time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), local.Nanosecond(), time.UTC)
}

// firstPlausible is the first of an entry's publication and update dates
// that read reads and that is plausible.
func firstPlausible(it *gofeed.Item, read func(parsed *time.Time, text string) (time.Time, bool)) time.Time {
	candidates := []struct {
		parsed *time.Time
		text   string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}}
	for _, c := range candidates {
		t, _ := read(c.parsed, c.text)
		// The first second of 1970 is what a feed's software writes for
		// a date it does not have (a zero Unix time), not a date.
		if t.Year() >= 1970 && t.Unix() != 0 {
			return t
		}
	}
	return time.Time{}
}

// namesZone reports whether a date ends with a zone abbreviation of
// zoneOffsets or an offset from GMT (gmtOffset, which the parser reads as
// GMT), or names an abbreviation in a trailing comment: "… 10:00:00 IST",
// "… 10:00:00 GMT+1", "… 10:00:00 (JST)".
func namesZone(s string) bool {
	rest, comment := cutComment(strings.Join(strings.Fields(s), " "))
	if _, ok := zoneOffsets[strings.ToUpper(comment)]; ok {
		return true
	}
	last := rest[strings.LastIndexByte(rest, ' ')+1:]
	if gmtOffset.MatchString(last) {
		return true
	}
	_, ok := zoneOffsets[strings.ToUpper(last)]
	return ok && isLetters(last)
}

// otherURL is the link of entry it when its own is link, which may be "":
// the external_url of a JSON Feed item that has no url (the page elsewhere
// it is about), else link, else its first enclosure (a podcast episode
// without a page: its audio). former reads it as it was read before links
// were unwrapped.
func (e *entryReader) otherURL(link string, it *gofeed.Item, encs []enclosure, former bool) string {
	if ext := e.externalURL(it, former); ext != "" {
		return ext
	}
	if link == "" && len(encs) > 0 {
		return encs[0].url
	}
	return link
}

// externalURL is the external_url of a JSON Feed item that has no url,
// absolute; "" for any other entry. former reads it as it was read before
// links were unwrapped.
func (e *entryReader) externalURL(it *gofeed.Item, former bool) string {
	if !e.json || strings.TrimSpace(it.Link) != "" || len(it.Links) == 0 {
		return ""
	}
	// The parser lists an item's url, then its external_url.
	if former {
		return resolveHTTP(e.formerLinkBase, it.Links[0])
	}
	return webPage(e.linkBase, it.Links[0])
}

// entryName names entry i, whose title is title, for a warning: by its
// title, else its guid, else its place in the document.
func entryName(title, guid string, i int) string {
	if t := CleanLine(title); t != "" {
		return quoteShort(t)
	}
	if g := CleanLine(guid); g != "" {
		return "with guid " + quoteShort(g)
	}
	return strconv.Itoa(i + 1)
}

// authors joins the names of an entry's authors (their addresses when
// they have no name).
func authors(it *gofeed.Item) string {
	return personNames(it.Authors, it.Author)
}

// personNames joins the names of people (their addresses when they have
// no name), else of the one person given apart.
func personNames(people []*gofeed.Person, person *gofeed.Person) string {
	if len(people) == 0 && person != nil {
		people = []*gofeed.Person{person}
	}
	var names []string
	for _, p := range people {
		if p == nil {
			continue
		}
		name := strings.TrimSpace(p.Name)
		if name == "" {
			name = strings.TrimSpace(p.Email)
		}
		if name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return titleText(strings.Join(names, ", "), looseTitle)
}

// parseAbsolute parses raw when it is an absolute URL.
func parseAbsolute(raw string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// resolveHTTP resolves ref against base and returns it when the result is
// an absolute http(s) URL, else "". A link with a line break in it is not
// one (webPage reads it): resolveHTTP reads links as they were read when
// the ids of entries and saved feeds were made of them.
func resolveHTTP(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
