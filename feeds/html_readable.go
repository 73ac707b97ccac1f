package feeds

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTMLPage reads an article page as a reader view does (Mozilla's
// Readability): the story is what is left when the page's menus, banners,
// share links, asides, teasers of other stories and comments are set
// apart, wherever the page keeps it; see readablePage. A page in a legacy
// encoding is read in the one it declares (htmlUTF8).
//
// pageURL is the page's address when it is known ("" when not; an MHTML
// archive's page was saved from there): its relative links, and a
// relative canonical link, resolve against that address, as a browser
// resolves them, and it is the link when the page gives none. Otherwise
// relative links resolve against the page's canonical link.
//
// The page is known by the id tidings gave it when it read pages
// otherwise (legacyHTMLPage) too, among its FormerIDs, so that importing
// a page again finds the article imported then; and, when it read the
// page's date otherwise (formerTime), by the ids each of its readings had
// with that date.
func parseHTMLPage(data []byte, pageURL string) (Article, error) {
	art, asBefore, datedBefore, err := readablePage(data, pageURL, true)
	if err != nil {
		return art, err
	}
	if pageURL != "" && bytes.Contains(bytes.ToLower(data), []byte("<base")) {
		// Its links resolved against the address it was saved from, not
		// its <base href>, before the page's own base counted.
		if before, beforeAs, _, err := readablePage(data, pageURL, false); err == nil && before.Body != art.Body {
			asBefore = append(asBefore, reading{before.Title, before.Body})
			asBefore = append(asBefore, beforeAs...)
		}
	}
	if legacy, err := legacyHTMLPage(data, pageURL); err == nil {
		art.FormerBody = legacy.FormerBody
		art.FormerIDs = append(art.FormerIDs, legacyIDs(art, legacy, true)...)
	}
	readings := []reading{{art.Title, art.Body}}
	seen := map[reading]bool{readings[0]: true}
	for _, r := range asBefore {
		if seen[r] {
			continue
		}
		seen[r] = true
		readings = append(readings, r)
		// Read before definition lists were written as such, tables laid
		// out on their grids or their cells joined, before superscripts
		// and subscripts were written as such, before wrapped links were
		// unwrapped, or titled otherwise: the page was known by that text.
		before := art
		before.Title, before.Body = r.title, r.body
		before.Tags, before.Warnings = slices.Clone(art.Tags), slices.Clone(art.Warnings)
		before.FormerIDs = slices.Clone(art.FormerIDs)
		art.FormerIDs = append(art.FormerIDs, legacyIDs(art, before, false)...)
	}
	if !datedBefore.Equal(art.Published) {
		art.FormerIDs = append(art.FormerIDs, redatedIDs(art, readings, datedBefore)...)
	}
	return art, nil
}

// redatedIDs are the ids a page read as art was known by when tidings
// read its dates as formerTime does (before it read ISO 8601's shorter and
// basic forms, an offset after GMT and the zones of laterZones) and so
// dated it published, the zero time when undated: the ids of each of
// readings, its title and body as read now and before, with that date,
// but those art is known by anyway.
func redatedIDs(art Article, readings []reading, published time.Time) []string {
	var ids []string
	for _, r := range readings {
		before := art
		before.Title, before.Body, before.Published = r.title, r.body, published
		before.Tags, before.Warnings = slices.Clone(art.Tags), slices.Clone(art.Warnings)
		before.FormerIDs = slices.Clone(art.FormerIDs)
		ids = appendNew(ids, legacyIDs(art, before, false)...)
	}
	return ids
}

// legacyIDs are the ids an article read as legacy was known by that the
// article read as art is not known by anyway. With loose, they include
// the id of its source, date and text alone (its LooseID), which the
// tidings that read pages so gave it until files were known by their
// title and link too (5eef2b9, the libraries of schema 8 and before):
// art is found by its own LooseID only under its own title, which such a
// page was not stored under when its text or its title reads otherwise
// now (its <title> then, its og:title now).
func legacyIDs(art, legacy Article, loose bool) []string {
	now := art
	now.Tags = slices.Clone(art.Tags)
	now.Warnings = slices.Clone(art.Warnings)
	now.FormerIDs = slices.Clone(art.FormerIDs)
	Normalize(&now)
	Normalize(&legacy)
	known := append([]string{legacy.ExternalID}, legacy.FormerIDs...)
	if loose && legacy.LooseID != "" && (legacy.LooseID != now.LooseID || legacy.Title != now.Title) {
		known = append(known, legacy.LooseID)
	}
	var ids []string
	for _, id := range known {
		if id != now.ExternalID && !slices.Contains(now.FormerIDs, id) && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// A page's story is looked for by Readability when the page has at most
// maxReadableElements elements, maxReadableDepths deep added up: its work
// grows with the elements times how deep they are (it scores every
// paragraph into its ancestors, and tries again up to three times when it
// finds too little). A larger page, which no article page is (a long one
// has 20,000 elements some 20 deep), is read as tidings read pages before:
// its <article>, <main> or <body> (readableContent).
const (
	maxReadableElements = 60_000
	maxReadableDepths   = 1_000_000
)

// readablePage reads a page (parseHTMLPage) as a reader view does.
//
// The title is the page's JSON-LD headline (or name), else its og:title
// (either unless the <title> and an <h1> agree on a headline it has
// nothing to do with: agreedHeadline), else its first <h1> outside the
// page's header, navigation and asides when the <title> agrees with it,
// or, when it is the page's only one, as Readability takes it, when the
// <title> only names the site or is too short to name a story (under
// minPageTitle); else Readability's (another meta tag's) or the <title> without the
// site's name and section after it; the site's name goes from the end of
// any of them. The date is a meta tag's or the JSON-LD datePublished,
// else that of what the page marks as the story's date (markedDate:
// itemprop="datePublished", a pubdate attribute, a class such as
// "published"), in its own <article> or <main> first, else anywhere; else
// that of the first <time> of its own <article> or <main> as the page has
// it; else of a <time> in the story, else of one outside the page's
// header, navigation, asides and footer; a page with none is imported
// with the warning "no date". Author, source, link and tags come from
// meta tags as they did (legacyHTMLPage), the JSON-LD or Readability
// filling in what they leave out. The body is the story without its
// comments (dropComments), its tables written as tables (on the grid their
// spanning cells make: spanGrid; a table of data's cells of paragraphs or
// lists each on its line: joinedCellTables) or, when Markdown cannot, as
// lines (tablesAsBlocks), its definition lists as Markdown writes them
// (pageMarkdown), its code blocks with their language;
// its leading heading goes when it is the title. A page laid out in
// tables of which Readability finds only a short part (shortExtract, a
// newsletter's first section) is read whole, its <body>. The ids made from a
// section's heading are not read as saying what the section is
// (dropHeadingIDs), and the ¶ or # that links to a heading is not part of
// it (dropPermalinks).
//
// asBefore are the titles and bodies as they were read before: before
// definition lists were written as such, before each of storyChanges,
// before superscripts and subscripts were written as
// such, before wrapped links were unwrapped (formerMarkdowns), before a
// short part of a page laid out in tables gave way to the whole, and
// before a <title> naming only the site gave way to the headline
// (pageTitle): what the page was known by.
//
// datedBefore is the page's date as tidings read it before it read dates
// as parseTime does (pageDates.date with formerTime), the zero time when
// it read none: the page was known by that date.
//
// With ownBase, a page whose address is known resolves its links against
// its <base href>, as a browser does; a page whose address is not known
// ignores it, as it did.
func readablePage(data []byte, pageURL string, ownBase bool) (art Article, asBefore []reading, datedBefore time.Time, err error) {
	page := baseURL(pageURL)
	doc, flat, err := parseHTML(htmlUTF8(trimBOM(data)))
	if err != nil {
		return Article{}, nil, time.Time{}, err
	}
	if flat {
		art.Warnings = append(art.Warnings, "the page nests more than 512 elements deep; it was read with its nesting flattened")
	}
	dropHeadingIDs(doc)
	dropPermalinks(doc)
	s := scanPage(doc)
	art.Tags = s.tags
	pick := func(keys ...string) string {
		for _, k := range keys {
			if v := s.meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	ld := readJSONLD(s.jsonLD)
	ra := readabilityOf(doc, s)
	if ra != nil {
		mendTables(ra.Node)
		dropComments(ra.Node)
	}
	for _, c := range s.containers {
		dropComments(c)
	}
	story := storyContainer(s)

	art.URL = pick("og:url", "canonical")
	linkBase := art.URL
	if page != nil {
		if u, err := page.Parse(strings.TrimSpace(art.URL)); art.URL != "" && err == nil {
			art.URL = u.String()
		}
		if art.URL == "" {
			art.URL = page.String()
		}
		linkBase = page.String()
		if b := documentBase(doc, page); ownBase && b != nil {
			linkBase = b.String()
		}
	}

	art.Author = pick("author", "article:author", "dc.creator", "parsely-author", "byl")
	if strings.Contains(art.Author, "://") {
		art.Author = "" // a profile page's address, not a name
	}
	art.Author = strings.TrimSpace(strings.TrimPrefix(art.Author, "By "))
	if art.Author == "" {
		art.Author = ld.author
	}
	if art.Author == "" && ra != nil {
		art.Author = bylineName(ra.Byline())
	}

	art.Source = pick("og:site_name", "application-name")
	if art.Source == "" {
		art.Source = ld.publisher
	}
	if art.Source == "" && ra != nil {
		art.Source = strings.TrimSpace(ra.SiteName())
	}
	if art.Source == "" {
		if u := baseURL(art.URL); u != nil {
			art.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	var formerTitle string
	art.Title, formerTitle = pageTitle(s, ld, ra, art.Source)

	content := readableContent(s, story, ra)
	// What Readability found, when it is too little of the page to be its
	// story and the page's text is read instead (shortExtract).
	var extract *html.Node
	if ra != nil && content == ra.Node && story == nil && s.body != nil && shortExtract(ra.Node, s.body) {
		extract, content = ra.Node, s.body
	}
	if content == s.body && content != nil {
		dropComments(content)
	}

	date := pick("article:published_time", "og:published_time", "datepublished", "date", "dc.date",
		"dcterms.date", "dc.date.issued", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date")
	if date == "" {
		date = ld.published
	}
	if _, ok := parseTime(date); !ok && date != "" {
		art.Warnings = append(art.Warnings, "cannot read "+strconv.Quote(date)+" as a date")
	}
	dates := pageDates{given: date, ra: ra, story: story, doc: doc, content: content, times: s.times}
	art.Published = dates.date(parseTime)
	if art.Published.IsZero() && date == "" {
		art.Warnings = append(art.Warnings, warnNoDate)
	}
	datedBefore = dates.date(formerTime)

	// The Markdown of the story as it reads now, then as it was read
	// before; each as titled now, and as titled before.
	mds := []string{""}
	if content != nil {
		if mds, err = storyMarkdowns(content, linkBase); err != nil {
			return art, nil, datedBefore, err
		}
	}
	if extract != nil {
		// Read as what Readability found before a short extract gave
		// way to the page's text: the page was known by that.
		if before, err := storyMarkdowns(extract, linkBase); err == nil {
			mds = append(mds, before...)
		}
	}
	art.Body = dropTitleHeading(mds[0], art.Title)
	for _, md := range mds[1:] {
		asBefore = append(asBefore, reading{art.Title, dropTitleHeading(md, art.Title)})
	}
	if formerTitle != "" {
		for _, md := range mds {
			asBefore = append(asBefore, reading{formerTitle, dropTitleHeading(md, formerTitle)})
		}
	}
	return art, asBefore, datedBefore, nil
}

// pageDates are where readablePage finds a page's date: given, the date
// its meta tags or JSON-LD give ("" when none), Readability's reading of
// it (ra, nil when there is none), the story's own <article> or <main>
// (story, nil when there is none), the page (doc), the story's content and
// the page's <time>s (times).
type pageDates struct {
	given               string
	ra                  *readability.Article
	story, doc, content *html.Node
	times               []string
}

// date is the page's date as readablePage finds it, each date the page
// gives read by read: parseTime, or formerTime as tidings read dates
// before. It is given's date; else, when the page gives none, the one
// Readability finds; else that of the element marked as the story's date
// (markedDate), in the story's own <article> or <main> first, else
// anywhere; else that of the story's first <time> (firstTime), the one
// under its headline, not one the text mentions further down; else of a
// <time> in the story, else of one outside the page's header, navigation,
// asides and footer ("Today is ..." is not the story's date). The zero
// time when none reads.
func (d pageDates) date(read func(string) (time.Time, bool)) time.Time {
	if t, ok := read(d.given); ok {
		return t
	}
	if d.given == "" && d.ra != nil {
		if t, err := d.ra.PublishedTime(); err == nil && t.Year() > 1 {
			return t
		}
	}
	for _, root := range []*html.Node{d.story, d.doc} {
		if t, ok := markedDate(root, read); ok {
			return t
		}
	}
	if t, ok := firstTime(d.story, read); ok {
		return t
	}
	for _, dt := range append(timesIn(d.content), d.times...) {
		if t, ok := read(dt); ok {
			return t
		}
	}
	return time.Time{}
}

// storyMarkdowns are the Markdown of the story in content as it reads now
// (pageMarkdown), then as it was read before (formerMarkdowns). content
// is changed: its ad labels go, its tables are read as storyReadings reads
// them.
func storyMarkdowns(content *html.Node, base string) ([]string, error) {
	dropAdLabels(content)
	formers := storyReadings(content, base)
	var b strings.Builder
	if err := html.Render(&b, content); err != nil {
		return nil, err
	}
	md, err := pageMarkdown(b.String(), base)
	if err != nil {
		return nil, err
	}
	before, err := formerMarkdowns(content, b.String(), formers, base)
	if err != nil {
		return nil, err
	}
	// As read before math and the line numbers beside code were.
	before = append(before, formerPageMarkdowns(content, b.String(), base)...)
	return append([]string{md}, before...), nil
}

// reading is a page's title and body as tidings read them before.
type reading struct{ title, body string }

// storyChange is a change to how the story's HTML is read (storyReadings):
// whether it may change root, by a quick look, and the change, which
// reports whether it changed root.
type storyChange struct {
	may   func(root *html.Node) bool
	apply func(root *html.Node, base string) bool
}

// storyChanges are the changes to how a page's story is read, in the
// order they came: a page one changes was read, and known, without it and
// those after it.
var storyChanges = []storyChange{
	// Tables laid out on the grid their spanning cells make.
	{may: hasSpans, apply: spannedTables},
	// Tables of data whose cells of paragraphs or lists made them blocks.
	{may: hasBlockCells, apply: joinedCellTables},
	// Line breaks inside Chinese or Japanese text taken out.
	{may: hasCJKBreak, apply: joinedCJKBreaks},
}

// storyReadings makes the story in content read as it reads now, and
// returns it as it was read before each of storyChanges that changes it
// (formers, copies of content, oldest first). Each is as the Markdown is
// given it: tables it cannot write as tables made blocks (tablesAsBlocks).
// base is what the story's links resolve against.
func storyReadings(content *html.Node, base string) (formers []*html.Node) {
	for _, c := range storyChanges {
		if !c.may(content) {
			continue
		}
		before := cloneTree(content)
		if c.apply(content, base) {
			formers = append(formers, before)
		}
	}
	for _, n := range formers {
		tablesAsBlocks(n, base)
	}
	tablesAsBlocks(content, base)
	return formers
}

// formerMarkdowns are the story's Markdown as tidings wrote it before,
// story being it as it reads now (rendered: its HTML) and formers as it
// was read before (storyReadings): story and each of formers written
// before definition lists were written as such (storyMarkdown); and the
// oldest as it was written before superscripts and subscripts were
// written as such, and before wrapped links were unwrapped.
func formerMarkdowns(story *html.Node, rendered string, formers []*html.Node, base string) ([]string, error) {
	var mds []string
	if hasDefinitions(story) {
		if md, err := storyMarkdown(rendered, base); err == nil {
			mds = append(mds, md)
		}
	}
	oldest, old := story, rendered
	for i, n := range formers {
		var b strings.Builder
		if err := html.Render(&b, n); err != nil {
			return nil, err
		}
		if i == 0 {
			oldest, old = n, b.String()
		}
		if md, err := storyMarkdown(b.String(), base); err == nil {
			mds = append(mds, md)
		}
	}
	wrapped := hasWrappedLink(old)
	if hasScripts(oldest) || wrapped {
		if md, err := HTMLToMarkdown(old, base); err == nil {
			mds = append(mds, md)
		}
	}
	if wrapped {
		// Superscripts written as such, a wrapped link not yet
		// unwrapped: how pages were read between the two.
		if md, err := convertHTML(old, tidier{base: baseURL(base), scripts: true}); err == nil {
			mds = append(mds, md)
		}
	}
	return mds, nil
}

// hasScripts reports whether n holds a superscript or a subscript.
func hasScripts(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (d.DataAtom == atom.Sup || d.DataAtom == atom.Sub) {
			return true
		}
	}
	return false
}

// dropTitleHeading drops the heading md starts with when it is the
// title, of whatever level: Readability makes a story's <h1> an <h2>. A
// heading whose line break inside Chinese or Japanese text was taken out
// (joinedCJKBreaks) is the title that has that break.
func dropTitleHeading(md, title string) string {
	line, rest, _ := strings.Cut(md, "\n")
	level := len(line) - len(strings.TrimLeft(line, "#"))
	if level < 1 || level > 6 || !strings.HasPrefix(line[level:], " ") || strings.TrimSpace(rest) == "" {
		return md
	}
	heading := strings.TrimSpace(line[level:])
	if plainText(heading) != plainText(title) && sentenceText(heading) != sentenceText(title) {
		return md
	}
	return strings.TrimSpace(rest)
}

// pageScan is what readablePage reads of a page in one walk through it.
type pageScan struct {
	meta     map[string]string // meta tags by name, the first of each; "canonical"
	tags     []string          // article:tag
	title    string            // <title> (titleOf)
	h1       string            // the first <h1> outside the page's chrome (titleOf)
	h1s      int               // how many <h1>s there are outside it
	times    []string          // <time datetime> outside the page's chrome
	jsonLD   []string          // application/ld+json scripts
	classes  []string          // the classes Readability keeps (readabilityOf)
	elements int               // how many there are
	depths   int               // how deep they are, added up
	// headlines are the page's first <h1>s (maxHeadlines), but those in
	// its chrome that are links (a site's name, linked to its home page).
	headlines []string
	// containers are the <article> and <main> elements not in another
	// (or in a <section>), which say where a page keeps its story
	// (readableContent).
	containers []*html.Node
	body       *html.Node
	// chrome are the words of the page's chrome: its own header and
	// footer (not an <article>'s, <main>'s or <section>'s), its
	// navigation and asides, where a page says what day it is, or what
	// else it has.
	chrome map[string]bool
}

// maxHeadlines bounds the <h1>s a pageScan keeps.
const maxHeadlines = 8

// isLinked reports whether n is in a link or holds one.
func isLinked(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.A {
			return true
		}
	}
	return hasDescendant(n, "a")
}

// maxJSONLD bounds the JSON-LD scripts read: how many, and how long each.
const (
	maxJSONLDScripts = 16
	maxJSONLDSize    = 1 << 20
)

func scanPage(doc *html.Node) pageScan {
	s := pageScan{meta: map[string]string{}, chrome: map[string]bool{}}
	s.walk(doc, 0, false, false)
	return s
}

// walk scans the children of n, depth elements deep, in a <article>,
// <main> or <section> (sectioned) or not, in the page's chrome or not.
func (s *pageScan) walk(n *html.Node, depth int, sectioned, chrome bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if chrome {
				for _, w := range strings.Fields(strings.ToLower(c.Data)) {
					s.chrome[w] = true
				}
			}
		case html.ElementNode:
			inner, chrome := sectioned, chrome
			switch c.DataAtom {
			case atom.Nav, atom.Aside:
				chrome = true
			case atom.Article, atom.Main, atom.Section:
				// A teaser's <article> in an aside is the aside's.
				inner = true
			case atom.Header, atom.Footer:
				chrome = chrome || !sectioned
			}
			switch strings.ToLower(strings.TrimSpace(attr(c, "role"))) {
			case "banner", "navigation", "contentinfo", "complementary", "menu", "menubar":
				chrome = true
			case "main", "article":
				inner = true
			}
			s.element(c, depth+1, sectioned, chrome)
			s.walk(c, depth+1, inner, chrome)
		}
	}
}

// element scans n, depth elements deep, in a <article>, <main> or
// <section> (sectioned) or not, in the page's chrome or itself chrome or
// not.
func (s *pageScan) element(n *html.Node, depth int, sectioned, chrome bool) {
	s.elements++
	s.depths += depth
	s.keepClasses(n)
	switch n.DataAtom {
	case atom.Title:
		if s.title == "" {
			s.title = titleOf(n)
		}
	case atom.H1:
		if !chrome {
			if s.h1s++; s.h1 == "" {
				s.h1 = titleOf(n)
			}
		}
		if len(s.headlines) < maxHeadlines && (!chrome || !isLinked(n)) {
			s.headlines = append(s.headlines, titleOf(n))
		}
	case atom.Meta:
		key := strings.ToLower(attr(n, "property"))
		if key == "" {
			key = strings.ToLower(attr(n, "name"))
		}
		if key == "" {
			key = strings.ToLower(attr(n, "itemprop"))
		}
		if key == "article:tag" {
			s.tags = append(s.tags, attr(n, "content"))
		} else if _, seen := s.meta[key]; key != "" && !seen {
			s.meta[key] = strings.TrimSpace(attr(n, "content"))
		}
	case atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") && s.meta["canonical"] == "" {
			s.meta["canonical"] = attr(n, "href")
		}
	case atom.Time:
		if dt := attr(n, "datetime"); dt != "" && !chrome {
			s.times = append(s.times, dt)
		}
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") &&
			len(s.jsonLD) < maxJSONLDScripts && n.FirstChild != nil && len(n.FirstChild.Data) <= maxJSONLDSize {
			s.jsonLD = append(s.jsonLD, n.FirstChild.Data)
		}
	case atom.Article, atom.Main:
		if !sectioned {
			s.containers = append(s.containers, n)
		}
	case atom.Body:
		s.body = firstOf(s.body, n)
	}
}

// readabilityOf is what Readability finds in the page, nil when it finds
// no story, fails, or the page is too large (maxReadableElements). doc is
// left as it is.
func readabilityOf(doc *html.Node, s pageScan) (found *readability.Article) {
	if s.elements > maxReadableElements || s.depths > maxReadableDepths {
		return nil
	}
	defer func() {
		if recover() != nil {
			found = nil // a page Readability cannot read is read as before
		}
	}()
	p := readability.NewParser()
	// The classes that say a code block's language, and those that mark
	// comments (dropComments), stay on what it finds.
	p.ClassesToPreserve = append(p.ClassesToPreserve, s.classes...)
	// Links stay as the page has them; HTMLToMarkdown resolves them
	// against the page's address and drops those it cannot.
	a, err := p.ParseDocument(doc, nil)
	if err != nil || a.Node == nil {
		return nil
	}
	return &a
}

// storyContainer is the page's own <article> or <main> that holds its
// story: of those not in another, nor in the page's comments, the one with
// the most text; nil when the page has none.
func storyContainer(s pageScan) *html.Node {
	var story *html.Node
	most := 0
	for _, c := range s.containers {
		if inComments(c) {
			continue
		}
		if n := textLength(c); n > most {
			story, most = c, n
		}
	}
	return story
}

// readableContent is the element whose HTML is the article's body: the
// story Readability found, unless that looks wrong beside the page's own
// <article> and <main> (marked, storyContainer) or its chrome, as it can
// on a short page, whose few lines under the headline score less than a
// header's date, or than its comments:
//   - Readability found no story, or only the page's chrome or comments:
//     marked, else the <body>;
//   - what it found lies in marked: that, the clutter gone;
//   - it holds marked and more, and is short (under readableShort
//     letters): marked, the rest being the page's;
//   - it lies outside marked, which holds more text: marked.
func readableContent(s pageScan, marked *html.Node, ra *readability.Article) *html.Node {
	markedText := 0
	if marked != nil {
		markedText = textLength(marked)
	}
	found := 0
	if ra != nil {
		found = textLength(ra.Node)
	}
	if found > 0 && (wordsIn(ra.Node, s.chrome) >= 0.8 || onlyComments(ra.Node)) {
		found = 0 // the page's header or its menus, or its comments
	}
	switch {
	case found == 0 && marked != nil:
		return marked
	case found == 0:
		return s.body
	case marked == nil || wordsWithin(ra.Node, marked) >= 0.8:
		return ra.Node
	case wordsWithin(marked, ra.Node) >= 0.8:
		if found < readableShort {
			return marked
		}
		return ra.Node
	case markedText > found:
		return marked
	}
	return ra.Node
}

// readableShort is the length of a story, in letters and digits, under
// which Readability is not sure of it (its CharThresholds).
const readableShort = 500

// shortExtract reports whether what Readability found in a page without
// an <article> or a <main> of its own (found) is too little of it to be
// its story: the page is laid out in tables, three quarters of its prose
// (proseLength) in tables not of data (layoutProse), and found is under
// readableShort letters and under half that prose. Such a page, a short
// newsletter, keeps each section in a cell of its own, none scoring far
// above the others, and Readability takes one of them, a paragraph.
// A page laid out otherwise, a short story beside its menus, teasers and
// footer, keeps what Readability found.
func shortExtract(found, body *html.Node) bool {
	n, prose := textLength(found), proseLength(body)
	return n < readableShort && 2*n < prose && 4*layoutProse(body) >= 3*prose
}

// proseLength is the number of letters and digits of the text in n that
// is read as text: not in links, nor in the page's header, footer,
// navigation, asides, forms, scripts and styles, nor in what says it is
// one of them (role="navigation"...).
func proseLength(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			count += letters(c.Data)
		case html.ElementNode:
			if !notProse[c.DataAtom] && !chromeRole(c) {
				count += proseLength(c)
			}
		}
	}
	return count
}

// layoutProse is the prose in n (proseLength) that is in tables not of
// data (dataTable): in a page laid out in tables.
func layoutProse(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode || notProse[c.DataAtom] || chromeRole(c):
		case c.DataAtom == atom.Table && !dataTable(c):
			count += proseLength(c)
		default:
			count += layoutProse(c)
		}
	}
	return count
}

// notProse are the elements whose text proseLength leaves out.
var notProse = map[atom.Atom]bool{
	atom.A: true, atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Script: true,
	atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
}

// chromeRole reports whether n says it is a page's chrome: its banner,
// navigation, footer, an aside, a menu.
func chromeRole(n *html.Node) bool {
	switch strings.ToLower(strings.TrimSpace(attr(n, "role"))) {
	case "banner", "navigation", "contentinfo", "complementary", "menu", "menubar":
		return true
	}
	return false
}

// letters is the number of letters and digits in s.
func letters(s string) int {
	count := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			count++
		}
	}
	return count
}

// textLength is the number of letters and digits in n's text.
func textLength(n *html.Node) int {
	count := 0
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			count += letters(d.Data)
		}
	}
	return count
}

// wordsWithin is the share of the words of n that are words of within too.
func wordsWithin(n, within *html.Node) float64 {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(textOf(within))) {
		words[w] = true
	}
	return wordsIn(n, words)
}

// wordsIn is the share of the words of n that are among words.
func wordsIn(n *html.Node, words map[string]bool) float64 {
	all := strings.Fields(strings.ToLower(textOf(n)))
	if len(all) == 0 {
		return 1
	}
	in := 0
	for _, w := range all {
		if words[w] {
			in++
		}
	}
	return float64(in) / float64(len(all))
}

// timesIn are the datetime attributes of the <time> elements in n.
func timesIn(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.Time {
			if dt := attr(d, "datetime"); dt != "" {
				out = append(out, dt)
			}
		}
	}
	return out
}

// adLabel is the text of an element that only marks where an
// advertisement goes ("Advertisement", "Anzeige").
var adLabel = regexp.MustCompile(`(?i)^(ad|ads|advert|advertising|advertisement|sponsored|anzeige|werbung|publicité|pub|publicidad|anuncio|реклама|广告)$`)

// dropAdLabels removes from n the paragraphs and blocks whose whole text
// is an advertisement's label.
func dropAdLabels(n *html.Node) {
	const maxLabel = 24 // bytes
	var labels []*html.Node
	// text is n's text, cut a byte past maxLabel: what is longer is no
	// label, and is not gathered whole again for every element around it.
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := text(c); b.Len() <= maxLabel {
				b.WriteString(t[:min(len(t), maxLabel+1)])
			}
		}
		t := b.String()
		if n.Type == html.ElementNode && len(t) <= maxLabel {
			switch n.DataAtom {
			case atom.P, atom.Div, atom.Span, atom.Aside, atom.Section, atom.Small:
				if adLabel.MatchString(strings.Trim(strings.Join(strings.Fields(t), " "), " -–—:.")) {
					labels = append(labels, n)
				}
			}
		}
		return t
	}
	text(n)
	for _, d := range labels {
		if d.Parent != nil {
			d.Parent.RemoveChild(d)
		}
	}
}

// pageTitle is the article's title (readablePage), site the name of the
// site it is from when known. former is the title tidings gave the page
// before it took the headline for a <title> that only names the site, ""
// when it is title.
func pageTitle(s pageScan, ld jsonLDArticle, ra *readability.Article, site string) (title, former string) {
	// The metadata's title, unless the page's <title> and its headline
	// agree on another that it has nothing to do with: the site's own
	// ("Yahoo News - Latest News & Headlines") given for every page.
	headline := agreedHeadline(s, site)
	meta := func(t string) string {
		t = withoutSiteName(t, site)
		if headline != "" && !titlesRelated(t, headline) && !titlesRelated(t, sitelessTitle(s.title)) {
			return headline
		}
		return t
	}
	if ld.headline != "" || ld.name != "" {
		return meta(ld.title(sitelessTitle(s.title))), ""
	}
	if t := strings.TrimSpace(s.meta["og:title"]); t != "" {
		return meta(t), ""
	}
	short := sitelessTitle(s.title)
	if h1 := s.h1; h1 != "" {
		// The first <h1> is the headline when the <title> says so; a
		// site's name in an <h1> above its stories is not. Compared with
		// their line breaks read as spaces, as they always were.
		lh, ls := strings.ToLower(foldEverySpace(h1)), strings.ToLower(foldEverySpace(short))
		parts := titleSeparator.Split(strings.ToLower(foldEverySpace(s.title)), -1)
		if s.title == "" || strings.Contains(lh, ls) || slices.Contains(parts[:len(parts)-1], lh) ||
			len(strings.Fields(h1)) >= 3 && strings.Contains(ls, lh) {
			return withoutSiteName(h1, site), ""
		}
		// A <title> that only names the site ("The Courier"), or too
		// short to name a story, is not the story's: the page's one
		// headline is, as Readability takes it.
		if s.h1s == 1 && (namesSite(short, site) || utf8.RuneCountInString(short) < minPageTitle) {
			before := otherTitle(s, ra, site)
			title := withoutSiteName(h1, site)
			if foldEverySpace(before) == foldEverySpace(title) {
				before = ""
			}
			return title, before
		}
	}
	return otherTitle(s, ra, site), ""
}

// minPageTitle is the length of a <title>, in characters, under which
// Readability looks for the page's one <h1> to title it.
const minPageTitle = 15

// namesSite reports whether title is the site's name, letter case,
// accents and punctuation aside.
func namesSite(title, site string) bool {
	lt := slugLetters(title)
	return lt != "" && lt == slugLetters(site)
}

// otherTitle is a page's title when neither its metadata nor its headline
// titles it (pageTitle): another meta tag's title, which the <title> does
// not hold, else the <title> without the site's name.
func otherTitle(s pageScan, ra *readability.Article, site string) string {
	if ra != nil {
		if t := strings.TrimSpace(ra.Title()); t != "" && !strings.Contains(strings.ToLower(foldEverySpace(s.title)), strings.ToLower(t)) {
			return withoutSiteName(t, site)
		}
	}
	return withoutSiteName(sitelessTitle(s.title), site)
}

// agreedHeadline is the first of the page's <h1>s (pageScan.headlines)
// that its <title>, without the site's name, agrees with: they say the
// same, or the one holds the other; a headline of three words or more
// that is not the site's name. "" when there is none.
func agreedHeadline(s pageScan, site string) string {
	titles := []string{sitelessTitle(s.title), withoutSiteName(s.title, site)}
	for _, h1 := range s.headlines {
		h1 = withoutSiteName(h1, site)
		lh := slugLetters(h1)
		if len(strings.Fields(h1)) < 3 || lh == slugLetters(site) {
			continue
		}
		for _, t := range titles {
			lt := slugLetters(t)
			if lt != "" && (strings.Contains(lt, lh) || strings.Contains(lh, lt) && len(strings.Fields(t)) >= 3) {
				return h1
			}
		}
	}
	return ""
}

// titlesRelated reports whether two titles of a page name the same
// story: the one holds the other, letter case and punctuation aside, or
// half the words of a are words of b.
func titlesRelated(a, b string) bool {
	la, lb := slugLetters(a), slugLetters(b)
	if la == "" || lb == "" {
		return false
	}
	return strings.Contains(la, lb) || strings.Contains(lb, la) || wordsShared(a, b) >= 0.5
}

// withoutSiteName is title without the site's name after it ("Obama
// admits ... - BBC News"), its white space folded, line breaks inside
// Chinese and Japanese text kept (titleLine).
func withoutSiteName(title, site string) string {
	title = titleLine(title)
	site = foldEverySpace(site)
	if site == "" {
		return title
	}
	seps := titleSeparator.FindAllStringIndex(title, -1)
	if len(seps) == 0 {
		return title
	}
	last := seps[len(seps)-1]
	if head := strings.TrimSpace(title[:last[0]]); head != "" && strings.EqualFold(foldEverySpace(title[last[1]:]), site) {
		return head
	}
	return title
}

// titleSeparator is what parts a <title> into the story's and the site's
// ("Night market returns | Harbour Weekly").
var titleSeparator = regexp.MustCompile(` (?:\||-|–|—|·|::|»|/) `)

// sitelessTitle is a <title> without the site's name and section after
// it: what comes before its last separator, as long as that is three
// words or more, repeatedly; its white space folded, line breaks inside
// Chinese and Japanese text kept (titleLine).
func sitelessTitle(title string) string {
	title = titleLine(title)
	for {
		seps := titleSeparator.FindAllStringIndex(title, -1)
		if len(seps) == 0 {
			return title
		}
		head := strings.TrimSpace(title[:seps[len(seps)-1][0]])
		if len(strings.Fields(head)) < 3 {
			return title
		}
		title = head
	}
}

// titleOf is the text inside n, a <title> or an <h1>, as one line
// (titleLine).
func titleOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return titleLine(b.String())
}

// titleLine is s with its white space folded as textOf folds it, every
// run one space, trimmed; but a line break inside Chinese or Japanese
// text (brokenWord), with the spaces around it, is one line break, which
// the cleaning of the title takes out (CleanLine): a <title> wrapped
// inside 東京 is titled 東京, as a title of any other file is. The ids of
// a page are made of its title with a space there (idLine), as they were
// made before.
func titleLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !unicode.IsSpace(r) {
				break
			}
			end += size
		}
		switch {
		case i == 0 || end == len(s):
		case brokenWord(s[:i], s[i:end], s[end:]):
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		i = end
	}
	return b.String()
}

// bylineName is the author's name in a byline Readability found ("By Anna
// Schmidt · 5 March 2024"), "" when it holds none ("Published 9 July").
func bylineName(byline string) string {
	b := strings.Join(strings.Fields(byline), " ")
	if lower := strings.ToLower(b); strings.HasPrefix(lower, "by ") {
		b = b[3:]
	}
	if i := strings.IndexAny(b, "·|•\u2014\u2013"); i >= 0 {
		b = b[:i]
	}
	b = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(b), ",;:-"))
	if b == "" || len(b) > 80 || strings.ContainsAny(b, "0123456789@/") {
		return ""
	}
	return b
}

// jsonLDArticle is what a page's JSON-LD (schema.org) says of its
// article.
type jsonLDArticle struct {
	headline, name, published, author, publisher string
}

// title is the article's headline, or its name: the one of them more of
// whose words the page's <title> holds when they differ (Wikipedia's
// headline is a description of the article's subject, named by its name;
// some sites name their site in it).
func (a jsonLDArticle) title(pageTitle string) string {
	switch {
	case a.headline == "":
		return a.name
	case a.name == "" || a.name == a.headline:
		return a.headline
	case wordsShared(a.name, pageTitle) > wordsShared(a.headline, pageTitle):
		return a.name
	}
	return a.headline
}

// wordsShared is the share of the words of s that are words of in too,
// letter case and punctuation aside.
func wordsShared(s, in string) float64 {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	all := words(s)
	if len(all) == 0 {
		return 0
	}
	have := words(in)
	n := 0
	for _, w := range all {
		if slices.Contains(have, w) {
			n++
		}
	}
	return float64(n) / float64(len(all))
}

// jsonLDArticleType matches the schema.org types of an article.
var jsonLDArticleType = regexp.MustCompile(`^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$`)

// readJSONLD reads the first article in the scripts: an object of an
// article's @type, at the top, in a list, in an @graph or as a page's
// mainEntity.
func readJSONLD(scripts []string) jsonLDArticle {
	for _, script := range scripts {
		script = strings.TrimSpace(script)
		script = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(script, "<![CDATA["), "]]>"))
		var v any
		if json.Unmarshal([]byte(script), &v) != nil {
			continue
		}
		if obj := findJSONLDArticle(v, 0); obj != nil {
			var a jsonLDArticle
			a.headline = jsonString(obj["headline"])
			a.name = jsonString(obj["name"])
			a.published = foldEverySpace(jsonString(obj["datePublished"]))
			if a.published == "" {
				a.published = foldEverySpace(jsonString(obj["dateCreated"]))
			}
			a.author = jsonNames(obj["author"])
			if strings.Contains(a.author, "://") {
				a.author = ""
			}
			a.publisher = jsonNames(obj["publisher"])
			return a
		}
	}
	return jsonLDArticle{}
}

func findJSONLDArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			if obj := findJSONLDArticle(item, depth+1); obj != nil {
				return obj
			}
		}
	case map[string]any:
		types, _ := v["@type"].([]any)
		if t, ok := v["@type"].(string); ok {
			types = []any{t}
		}
		for _, t := range types {
			if s, ok := t.(string); ok && jsonLDArticleType.MatchString(strings.TrimPrefix(s, "schema:")) {
				return v
			}
		}
		for _, key := range []string{"@graph", "mainEntity"} {
			if obj := findJSONLDArticle(v[key], depth+1); obj != nil {
				return obj
			}
		}
	}
	return nil
}

// jsonString is a JSON-LD value as one line of text (titleLine): a
// string, or the first of a list of them.
func jsonString(v any) string {
	switch v := v.(type) {
	case string:
		return titleLine(html.UnescapeString(v))
	case []any:
		if len(v) > 0 {
			return jsonString(v[0])
		}
	}
	return ""
}

// jsonNames are the names of a JSON-LD person or organisation, or of a
// list of them, comma-separated.
func jsonNames(v any) string {
	switch v := v.(type) {
	case string:
		return jsonString(v)
	case map[string]any:
		return jsonString(v["name"])
	case []any:
		var names []string
		for _, item := range v[:min(len(v), 16)] {
			if name := jsonNames(item); name != "" && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// documentBase is the address the page's first <base href> names,
// resolved against page, the address the page was saved from; nil when
// the page has none or it is not an http(s) address.
func documentBase(doc *html.Node, page *url.URL) *url.URL {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Base {
			continue
		}
		href := strings.TrimSpace(attr(n, "href"))
		if href == "" {
			continue // a <base target> alone
		}
		u, err := page.Parse(href)
		if err != nil {
			return nil
		}
		return baseURL(u.String())
	}
	return nil
}

// savedFrom finds the address a browser or an extension notes in a
// comment when it saves a page: Chrome's and Internet Explorer's "saved
// from url=(0047)https://…", SingleFile's "Page saved with SingleFile" and
// its "url: https://…" line.
var (
	savedFromComment  = regexp.MustCompile(`^\s*saved from url=\(\d+\)(\S+)`)
	singleFileComment = regexp.MustCompile(`(?m)^\s*url:\s*(\S+)\s*$`)
)

// savedFromURL is the http(s) address a page was saved from, as the
// comment the browser or SingleFile wrote at the page's start says; ""
// when it says none. Only a comment before the page's content counts: one
// before its root element, or one at the start of it, before <head>, where
// SingleFile writes its own; a comment further on is the page's, which
// anyone may have written.
func savedFromURL(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.DoctypeToken:
		case html.CommentToken:
			if u := savedAddress(string(z.Text())); u != "" {
				return u
			}
		case html.TextToken:
			if len(bytes.TrimLeft(z.Text(), blank)) > 0 {
				return ""
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) != "html" {
				return ""
			}
		default:
			return ""
		}
	}
}

// savedAddress is the http(s) address a comment a page was saved with
// names (savedFrom), or "".
func savedAddress(comment string) string {
	var m []string
	if m = savedFromComment.FindStringSubmatch(comment); m == nil && strings.Contains(comment, "Page saved with SingleFile") {
		m = singleFileComment.FindStringSubmatch(comment)
	}
	if m == nil {
		return ""
	}
	if u := baseURL(m[1]); u != nil {
		return u.String()
	}
	return ""
}
