package feeds

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// codeLanguage is the class that says what language a code block is in
// ("language-go"), which the Markdown keeps on its fence.
var codeLanguage = regexp.MustCompile(`^language-[A-Za-z0-9_+-]{1,32}$`)

// maxKeptClasses bounds the classes Readability is asked to keep.
const maxKeptClasses = 256

// keepClasses notes the classes of n that Readability should leave on
// what it finds (readabilityOf): a code block's language, and all the
// classes of an element marked as comments, so that it is known for one
// there as it is here (isCommentSection).
func (s *pageScan) keepClasses(n *html.Node) {
	class := attr(n, "class")
	if class == "" || len(s.classes) >= maxKeptClasses {
		return
	}
	comments := hasCommentWord(class)
	for _, c := range strings.Fields(class) {
		if (comments || codeLanguage.MatchString(c)) && !slices.Contains(s.classes, c) && len(s.classes) < maxKeptClasses {
			s.classes = append(s.classes, c)
		}
	}
}

// isCommentSection reports whether n holds a page's comments, or one of
// them: its class or id names comments, replies, a reply form, a
// discussion or Disqus, as Readability's unlikely candidates do, and
// nothing that names the story ("content", "article", "main"...).
func isCommentSection(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	match := attr(n, "class") + " " + attr(n, "id")
	return hasCommentWord(match) && !storyWord.MatchString(match)
}

// storyWord is what in a class or an id names the story, not its
// comments: Readability's "maybe a candidate".
var storyWord = regexp.MustCompile(`(?i)article|body|column|content|main`)

// hasCommentWord reports whether a class or an id has a word that names
// comments: comment, comments, comment-list, commentlist, replies,
// respond, discussion, disqus_thread; not commentary.
func hasCommentWord(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case strings.HasPrefix(w, "comment") && !strings.HasPrefix(w, "commentar") && !strings.HasPrefix(w, "commentat"),
			strings.HasPrefix(w, "disqus"),
			w == "replies", w == "respond", w == "discussion", w == "discussions":
			return true
		}
	}
	return false
}

// dropHeadingIDs removes from the elements in root the ids that are the
// slugs of their headings: an element's own, when it is one, else the
// first it holds (a section's, as Pandoc, Quarto, R Markdown, Sphinx,
// MkDocs and Hugo make ids from headings). Such an id says what the
// section is about, not what part of the page it is: read as the page's
// furniture is read (Readability's unlikely candidates, isCommentSection),
// "Related work", "Discussion" or "Example 1: amend a shared changeset"
// would go from the story. An id that only names the comments ("Comments")
// stays. The story's Markdown has no ids.
func dropHeadingIDs(root *html.Node) {
	letters := map[*html.Node]string{} // of the headings looked at
	// walk returns the first heading in n, n when it is one.
	var walk func(n *html.Node) *html.Node
	walk = func(n *html.Node) *html.Node {
		var first *html.Node
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				first = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if h := walk(c); first == nil {
				first = h
			}
		}
		if first != nil && attr(n, "id") != "" {
			heading, ok := letters[first]
			if !ok {
				heading = headingLetters(first)
				letters[first] = heading
			}
			n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
				return a.Namespace == "" && a.Key == "id" && isSlugOf(a.Val, heading)
			})
		}
		return first
	}
	walk(root)
}

// maxHeadingNodes and maxSlugLetters bound what of a heading is read to
// compare ids with (headingLetters): an id is not made from more.
const (
	maxHeadingNodes = 256
	maxSlugLetters  = 512 // bytes
)

// headingLetters is the letters and digits of a heading (slugLetters), ""
// when it is longer than an id made from it would be.
func headingLetters(h *html.Node) string {
	var b strings.Builder
	nodes := 0
	for d := range h.Descendants() {
		if nodes++; nodes > maxHeadingNodes || b.Len() > maxSlugLetters {
			return ""
		}
		if d.Type == html.TextNode {
			b.WriteString(slugLetters(d.Data))
		}
	}
	return b.String()
}

// isSlugOf reports whether id is the slug of a heading whose letters and
// digits are heading (slugLetters): the same letters and digits, or those
// after its section number ("1.2 Discussion", as Pandoc and docutils
// drop it), with a number after them (a second "Discussion") or "sec"
// before them (Quarto's cross-references); not when the heading names
// only the comments.
func isSlugOf(id, heading string) bool {
	id = slugLetters(id)
	if id == "" || heading == "" || heading == "comments" || heading == "comment" {
		return false
	}
	for _, h := range []string{heading, strings.TrimLeft(heading, "0123456789")} {
		if h == "" {
			continue
		}
		rest, ok := strings.CutPrefix(id, h)
		if !ok {
			rest, ok = strings.CutPrefix(strings.TrimPrefix(id, "sec"), h)
		}
		if ok && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}

// slugLetters is s's letters and digits, without their accents, in lower
// case: how an id written from a heading compares with the heading.
func slugLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// minStoryBeside is the text, in letters and digits, that must be left
// beside a page's comments for them to go: a page that is all comments
// (a forum's thread) keeps them.
const minStoryBeside = 50

// dropComments removes from root the comment threads and reply forms it
// holds (commentSections), unless they are all it holds.
func dropComments(root *html.Node) {
	found, left := commentSections(root)
	if len(found) == 0 || left < minStoryBeside {
		return
	}
	for _, c := range found {
		c.Parent.RemoveChild(c)
	}
}

// inComments reports whether n is a comment or in the page's comments
// (isCommentSection).
func inComments(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if isCommentSection(n) {
			return true
		}
	}
	return false
}

// onlyComments reports whether what root holds is comments
// (commentSections), all but a few words.
func onlyComments(root *html.Node) bool {
	found, left := commentSections(root)
	return len(found) > 0 && left < minStoryBeside
}

// commentSections are the comment threads and reply forms in root
// (isCommentSection) that do not hold its headline, and left the letters
// and digits of its text outside them. As Readability does, what is in a
// code block, or within four levels of a table (in its cells), is not
// looked at.
func commentSections(root *html.Node) (found []*html.Node, left int) {
	if root == nil {
		return nil, 0
	}
	// belowTable is how many levels n is below a table, 4 or more
	// counting as far.
	var walk func(n *html.Node, belowTable int)
	walk = func(n *html.Node, belowTable int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "pre", "code":
				continue
			case "table":
				walk(c, 0)
				continue
			}
			if belowTable >= 4 && isCommentSection(c) && !hasDescendant(c, "h1") {
				found = append(found, c)
				continue
			}
			walk(c, min(belowTable+1, 4))
		}
	}
	walk(root, 4)
	if len(found) == 0 {
		return nil, 0
	}
	left = textLength(root)
	for _, c := range found {
		left -= textLength(c)
	}
	return found, left
}

// hasDescendant reports whether n holds a tag element.
func hasDescendant(n *html.Node, tag string) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == tag {
			return true
		}
	}
	return false
}

// mendTables undoes what Readability does to a table it keeps as the
// story or beside it: it renames the <table> a <div> and leaves its rows
// and cells in it, which an HTML parser drops, gluing the cells' words
// together ("MenuThe harbour council..."). A table so renamed is a table
// again; a row or a cell left outside a table (a row renamed so) is a
// block of its own. The elements' atoms are made to agree with their
// names, which Readability leaves as they were.
func mendTables(root *html.Node) {
	if root == nil {
		return
	}
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.Data == "div" && n.DataAtom == atom.Table {
			n.Data = "table"
		}
	}
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		n.DataAtom = atom.Lookup([]byte(n.Data))
		parent := ""
		if n.Parent != nil && n.Parent.Type == html.ElementNode {
			parent = n.Parent.Data
		}
		switch n.Data {
		case "td", "th":
			if parent != "tr" {
				n.Data, n.DataAtom = "div", atom.Div
			}
		case "tr":
			if parent != "table" && parent != "tbody" && parent != "thead" && parent != "tfoot" {
				n.Data, n.DataAtom = "div", atom.Div
			}
		case "tbody", "thead", "tfoot", "caption", "colgroup":
			if parent != "table" {
				n.Data, n.DataAtom = "div", atom.Div
			}
		}
	}
}

// maxDateText is the longest text of an element marked as a date that is
// read as one ("May 2, 2024").
const maxDateText = 64

// markedDate is the date of the first element in root, outside its
// comments, marked as the story's publication date: itemprop
// "datePublished", a pubdate attribute, or a class such as "published",
// "entry-date", "post-date" or "dateline" (WordPress, hAtom,
// microformats). Its date is its datetime, content or title attribute,
// else that of a <time> in it, else its text when it has digits (not
// the "Published:" before it). The first such element with a date
// decides, read or not: the next is another story's, a teaser's.
// A person's or an event's date in an infobox (hCard's bday, hCalendar's
// dtstart) is not the story's, marked "published" though it is. Each date
// is read by read (pageDates.date).
func markedDate(root *html.Node, read func(string) (time.Time, bool)) (t time.Time, ok bool) {
	if root == nil {
		return t, false
	}
	walkOutsideComments(root, func(n *html.Node) bool {
		if !isDateMark(n) {
			return true
		}
		var dates []string
		for _, v := range []string{attr(n, "datetime"), attr(n, "content"), attr(n, "title")} {
			if strings.TrimSpace(v) != "" {
				dates = append(dates, v)
			}
		}
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && d.Data == "time" && strings.TrimSpace(attr(d, "datetime")) != "" {
				dates = append(dates, attr(d, "datetime"))
				break
			}
		}
		if text := textOf(n); len(text) <= maxDateText && strings.ContainsAny(text, "0123456789") {
			dates = append(dates, text)
		}
		for _, v := range dates {
			if t, ok = read(v); ok {
				break
			}
		}
		return len(dates) == 0
	})
	return t, ok
}

// firstTime is the date of the first <time datetime> in root outside its
// comments, when read reads it as one.
func firstTime(root *html.Node, read func(string) (time.Time, bool)) (t time.Time, ok bool) {
	if root == nil {
		return t, false
	}
	walkOutsideComments(root, func(n *html.Node) bool {
		if n.Data != "time" || strings.TrimSpace(attr(n, "datetime")) == "" {
			return true
		}
		t, ok = read(attr(n, "datetime"))
		return false
	})
	return t, ok
}

// walkOutsideComments calls f on the elements in root, in the page's
// order, but those in its comments (isCommentSection), until f returns
// false.
func walkOutsideComments(root *html.Node, f func(*html.Node) bool) {
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isCommentSection(c) {
				continue
			}
			if !f(c) || !walk(c) {
				return false
			}
		}
		return true
	}
	walk(root)
}

// dateMarks are the classes that mark an element as the story's
// publication date.
var dateMarks = []string{"published", "dt-published", "entry-date", "post-date", "dateline",
	"pubdate", "date-published", "publish-date"}

// isDateMark reports whether n is marked as the story's publication date.
func isDateMark(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "pubdate":
			return true
		case "itemprop":
			for _, p := range strings.Fields(a.Val) {
				if strings.EqualFold(p, "datePublished") {
					return true
				}
			}
		case "class":
			classes := strings.Fields(strings.ToLower(a.Val))
			if slices.ContainsFunc(classes, func(c string) bool { return slices.Contains(notStoryDates, c) }) {
				return false
			}
			for _, c := range classes {
				if slices.Contains(dateMarks, c) {
					return true
				}
			}
		}
	}
	return false
}

// notStoryDates are the classes of a date that is not the story's: a
// person's birthday, an event's start or end (hCard, hCalendar; what
// Wikipedia's infoboxes write, with "published" beside them).
var notStoryDates = []string{"bday", "dtstart", "dtend", "dt-start", "dt-end", "dt-bday"}

// tablesAsBlocks turns the tables in root that the Markdown cannot write
// as tables (a page laid out in a table, a cell of paragraphs or lists, a
// table in a table) into blocks: a row a line of its own, its cells apart
// by a space, or, when a cell holds paragraphs or lists, each cell a
// block of its own. Written otherwise, a table's cells can run together
// ("MenuThe harbour council..."). base is what the story's links resolve
// against.
func tablesAsBlocks(root *html.Node, base string) {
	if root == nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "table" {
				if readsAsTable(c, base) {
					continue
				}
				tableBlocks(c)
			}
			walk(c)
		}
	}
	walk(root)
}

// tableRule is the line under a Markdown table's header.
var tableRule = regexp.MustCompile(`(?m)^\|(?: *:?-+:? *\|)+$`)

// readsAsTable reports whether the Markdown writes table as a table. It
// writes none in a link or emphasis, nor one that holds a table, a list, a
// quote, a heading or a rule; others it is asked to write, alone: as those
// hold no table, the tables asked about hold none of each other's text.
func readsAsTable(table *html.Node, base string) bool {
	for p := table.Parent; p != nil; p = p.Parent {
		switch p.Data {
		case "a", "strong", "b", "em", "i", "del", "s", "strike":
			return false
		}
	}
	for d := range table.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		switch d.Data {
		case "table", "ul", "ol", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6":
			return false
		}
	}
	var b strings.Builder
	if html.Render(&b, table) != nil {
		return false
	}
	md, err := HTMLToMarkdown(b.String(), base)
	return err == nil && tableRule.MatchString(md)
}

// tableBlocks makes table, its rows and cells (not those of a table in
// it) blocks, or a row's cells words apart (tablesAsBlocks).
func tableBlocks(table *html.Node) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Data {
		case "tr":
			rowBlocks(n)
			return
		case "table", "thead", "tbody", "tfoot", "caption":
			n.Data, n.DataAtom = "div", atom.Div
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data != "table" {
				walk(c)
			}
		}
	}
	walk(table)
}

// rowBlocks makes a table's row a block, its cells blocks when one holds
// a block (a paragraph, a list), else words of the row apart by a space.
func rowBlocks(tr *html.Node) {
	tr.Data, tr.DataAtom = "div", atom.Div
	var cells []*html.Node
	blocks := false
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			cells = append(cells, c)
			blocks = blocks || holdsBlock(c)
		}
	}
	for i, c := range cells {
		if blocks {
			c.Data, c.DataAtom = "div", atom.Div
			continue
		}
		c.Data, c.DataAtom = "span", atom.Span
		if i < len(cells)-1 {
			tr.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c.NextSibling)
		}
	}
}

// blockTags are the elements that make a table's cell a block of its own
// (rowBlocks).
var blockTags = map[string]bool{
	"p": true, "div": true, "ul": true, "ol": true, "dl": true, "blockquote": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "hr": true,
	"section": true, "article": true, "figure": true, "details": true, "header": true, "footer": true,
	"aside": true, "main": true,
}

// holdsBlock reports whether n holds a block element (blockTags).
func holdsBlock(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && blockTags[d.Data] {
			return true
		}
	}
	return false
}

// dropPermalinks removes the links a page puts in or beside its headings to
// link to them (Sphinx's ¶, MkDocs' and GitHub's #, 🔗, §): words of the
// page's own, not of the story, which would end the title and every
// heading ("Buying a ticket¶"). Such a link goes to a place in the page and
// says nothing but its sign, or is classed as one.
func dropPermalinks(root *html.Node) {
	var links []*html.Node
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.A && isPermalink(n) {
			links = append(links, n)
		}
	}
	for _, n := range links {
		n.Parent.RemoveChild(n)
	}
}

func isPermalink(a *html.Node) bool {
	if !strings.HasPrefix(strings.TrimSpace(attr(a, "href")), "#") {
		return false
	}
	switch strings.TrimSpace(textOf(a)) {
	case "", "¶", "#", "§", "🔗", "⚓", "⚓︎", "🔗︎":
	default:
		return false
	}
	class := strings.ToLower(attr(a, "class"))
	if strings.Contains(class, "headerlink") || strings.Contains(class, "anchor") || strings.Contains(class, "permalink") {
		return true
	}
	for p := a.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		switch p.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
	}
	return false
}

// hasCJKBreak reports whether a text in root breaks a line between two
// characters of Chinese or Japanese text (brokenWord), outside preformatted
// text, where its lines stay as they are.
func hasCJKBreak(root *html.Node) bool {
	for n := range root.Descendants() {
		if n.Type == html.TextNode && !inPreformatted(n) && joinCJKBreaks(n.Data) != n.Data {
			return true
		}
	}
	return false
}

// joinedCJKBreaks takes out of the texts in root, outside preformatted
// text, the line breaks between two characters of Chinese or Japanese
// text, with the spaces around them, as a browser lays such text out (CSS
// Text's segment breaks): those languages put no spaces between words, and
// a line wrapped in the page's source goes on on the next line. Without
// it, the break became a space, which split a word (東京都 庁) for the
// title taken from the body and for the search. It reports whether it
// changed root.
func joinedCJKBreaks(root *html.Node, _ string) bool {
	changed := false
	for n := range root.Descendants() {
		if n.Type != html.TextNode || inPreformatted(n) {
			continue
		}
		if joined := joinCJKBreaks(n.Data); joined != n.Data {
			n.Data, changed = joined, true
		}
	}
	return changed
}

// joinCJKBreaks is s without the runs of white space holding a line break
// between two characters of Chinese or Japanese text (brokenWord).
func joinCJKBreaks(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	start := 0 // where the text not yet written starts
	for i := 0; i < len(s); {
		if !isBreakSpace(s[i]) {
			i++
			continue
		}
		end := i
		for end < len(s) && isBreakSpace(s[end]) {
			end++
		}
		gap := strings.ReplaceAll(s[i:end], "\r", "\n")
		if i > 0 && end < len(s) && brokenWord(s[:i], gap, s[end:]) {
			b.WriteString(s[start:i])
			start = end
		}
		i = end
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// isBreakSpace reports whether c is the white space HTML collapses
// around a line break: a space, a tab or a line break.
func isBreakSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// inPreformatted reports whether n lies in a <pre>, <textarea> or
// <listing>, whose line breaks are kept as written.
func inPreformatted(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Pre || p.DataAtom == atom.Textarea || p.DataAtom == atom.Listing) {
			return true
		}
	}
	return false
}
