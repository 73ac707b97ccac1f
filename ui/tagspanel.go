package ui

import (
	"context"
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store"
	"tidings/store/query"
)

// The tags panel (#) lists the saved searches, from config.toml first and
// then from the library (one config.toml names too said to be the
// library's), every tag with how many articles carry it, and the
// subscribed feeds with their unread articles and last error. Enter filters
// the list by the one under the cursor: the saved query, tag:name, or
// feed:"name" (feed:address when another feed has the name: feedQuery),
// which is that one subscription (source: would also find feeds whose titles hold its
// name). Under the list, the item under the cursor is told whole: a feed's
// address (and the one it was followed at before it moved) and last error,
// a query its line cuts. The panel opens on the entry the list is filtered
// by, else on the one it was on last; it pages as the list does, and /
// finds an entry by its name (tagspanel_find.go).

// panelItem is one line of the panel.
type panelItem struct {
	heading string // a section's title; the rest is empty
	name    string // a search's name or a tag
	query   string // what enter filters by
	count   int    // a tag's articles, a feed's unread ones
	isTag   bool
	isFeed  bool
	saved   bool   // a search saved in the library (not config.toml's)
	twin    bool   // a library search whose name a config.toml search has too: its line says so (libraryMark)
	err     string // a feed's last error
	url     string // a feed's address, as shown (without a password)
	// A feed's address and title as the library holds them: what a
	// feed: term asks for (filters). Never drawn.
	addr, title string
	// host tells a feed from the others of its name: its host, or its
	// address without the scheme when they share the host; "" when no
	// other feed has its name.
	host string
	// movedFrom is the address the feed was first followed at, when it
	// moved for good since; "" when it did not.
	movedFrom string
	width     int // the line's width drawn whole
	// A feed's name, host and count, each as wide as drawn, and the name
	// it shares with the others its host tells it from (feedNameKey).
	nameW, hostW, countW int
	group                string
}

// tagsPanel is the panel's state.
type tagsPanel struct {
	open    bool
	loading bool
	items   []panelItem
	cursor  int // an index into items, never a heading
	offset  int // the first item shown
	keepAt  int // where the cursor stays when the panel is listed anew; 0: the top
	keys    panelKeyMap
	// last is the entry the cursor was on when the panel last closed
	// (hasLast): it opens there again when the list's filter is none of
	// its entries.
	last    panelItem
	hasLast bool
	find    panelFind // the / line

	// gen is the library's generation the panel lists (genKnown: read);
	// relisting is set while it is listed anew, the library having
	// changed since (relistPanel).
	gen                 int64
	genKnown, relisting bool

	// From the items, for the layout: the widest line as it would be
	// drawn whole, the widest unread count of a feed, and whether a feed
	// shows an error.
	natural, feedCountW int
	feedErrors          bool
	// tallest is the tallest detail at one width, kept: finding it wraps
	// every feed's error. Shared by the panel's copies, new with the items.
	tallest *detailHeight
	// cols is how the feeds' lines are laid out at one width, kept as
	// tallest is.
	cols *feedColumns
}

// detailHeight is how many lines a detail takes at a width.
type detailHeight struct{ inner, lines int }

// panelLoadedMsg carries what the panel lists.
type panelLoadedMsg struct {
	relist   bool  // asked by relistPanel, with the panel open
	gen      int64 // the library's generation before the listing was read
	genKnown bool
	tags     []store.Tag
	searches []store.SavedSearch
	feeds    []store.Feed
	counts   map[int64]store.FeedCount
	err      error
}

// openPanel opens the panel and loads what it lists.
func (m *Model) openPanel() tea.Cmd {
	m.panel.open, m.panel.loading = true, true
	return loadPanel(m.ctx, m.lib, false)
}

// close closes the panel, remembering the entry the cursor is on: it
// opens there again (placeCursor).
func (p *tagsPanel) close() {
	p.open = false
	p.find.close()
	if it, ok := p.current(); ok {
		p.last, p.hasLast = it, true
	}
}

// placeCursor puts the cursor of a panel just listed on the entry that is
// the list's filter (filter: its whole query, "" for none), as newsboat's
// feed list opens on the feed last read: the entry it was last on when
// several are, else the first of them. When none is, the cursor goes to
// the entry it was last on, else to the first. The entry is shown half
// way down the panel's rows (rows of them), among the entries around it.
func (p *tagsPanel) placeCursor(filter string, rows int) {
	filterAt, lastAt := -1, -1
	for i, it := range p.items {
		if it.heading != "" {
			continue
		}
		last := p.hasLast && it.sameEntry(p.last)
		if filter != "" && it.filters(filter) && (filterAt < 0 || last) {
			filterAt = i
		}
		if last && lastAt < 0 {
			lastAt = i
		}
	}
	p.cursor = max(filterAt, 0)
	if filterAt < 0 {
		p.cursor = max(lastAt, 0)
	}
	p.move(0)
	p.offset = max(p.cursor-rows/2, 0)
	p.scroll(rows)
}

// filters reports whether choosing the item filters the list by filter, a
// whole query (listQuery.whole): whether filter means what the query its
// enter sets (setFilter) means, however it is written. A tag's is any one
// tag term of its name, in any case the library tells tags apart by
// (#news, tag:News); a feed's any one feed: term that asks for that feed
// alone (picksFeed); a search's its query in any spacing or spelling the
// parser reads alike.
func (it panelItem) filters(filter string) bool {
	mine := strings.TrimSpace(editableQuery(it.query))
	if mine == filter {
		return true
	}
	want, err := query.Parse(filter)
	if err != nil {
		return false
	}
	switch {
	case it.isTag:
		return want.Kind == query.Tag && !want.Prefix && sameTag(want.Value, it.name)
	case it.isFeed:
		return feedTerm(want) && picksFeed(want.Value, it.addr, it.title, it.host == "")
	}
	have, err := query.Parse(mine)
	return err == nil && have.String() == want.String()
}

// sameTag reports whether two tag names are one tag, as the library tells
// tags apart (tag: matches by the folded name).
func sameTag(a, b string) bool {
	return marks.FoldTag(query.TagName(a)) == marks.FoldTag(query.TagName(b))
}

// relistPanel lists the open panel anew when the library's generation is
// not the one it lists: another write, here or in another process (a
// fetch), changed the counts or the feeds' errors. The list learns of it
// from the same generation (handleGeneration). The panel keeps showing what
// it lists until the new listing comes, and its cursor stays on its entry.
func (m *Model) relistPanel(gen int64) tea.Cmd {
	p := &m.panel
	if !p.open || p.loading || p.relisting || p.genKnown && p.gen == gen {
		return nil
	}
	p.relisting = true
	return loadPanel(m.ctx, m.lib, true)
}

// fill lays the panel's lines out: saved searches, then tags, then feeds;
// it gives back the items it listed before. The cursor goes to the first
// entry; the find line, open, goes back to the entry it was opened on
// where that entry is now (relocate).
func (p *tagsPanel) fill(config []SavedSearch, saved []store.SavedSearch, tags []store.Tag, subs []store.Feed, counts map[int64]store.FeedCount) (old []panelItem) {
	old, p.items = p.items, nil
	inConfig := map[string]bool{}
	var searches []panelItem
	for _, s := range config {
		inConfig[marks.FoldTag(s.Name)] = true
		searches = append(searches, panelItem{name: s.Name, query: s.Query})
	}
	// A search of the library that config.toml names too (its [[search]]
	// written after the search was saved) is listed as well, after it and
	// said to be the library's: hidden, it would stay in the library with
	// no way to see, run or delete it.
	for _, s := range saved {
		searches = append(searches, panelItem{name: s.Name, query: s.Query, saved: true, twin: inConfig[marks.FoldTag(s.Name)]})
	}
	if len(searches) > 0 {
		p.items = append(p.items, panelItem{heading: "Saved searches"})
		p.items = append(p.items, searches...)
	}
	p.items = append(p.items, panelItem{heading: "Tags"})
	for _, t := range tags {
		q := query.Node{Kind: query.Tag, Value: t.Name}.String()
		p.items = append(p.items, panelItem{name: t.Name, query: q, count: t.Count, isTag: true})
	}
	if len(subs) > 0 {
		p.items = append(p.items, panelItem{heading: "Feeds"})
	}
	titles := feedTitles(subs)
	hosts := feedHosts(subs, titles)
	for _, f := range subs {
		shown := feeds.ShownURL(f.URL) // without a password in it
		q := feedQuery(f, titles[feedNameKey(f.Title)])
		it := panelItem{name: feedName(f), query: q, count: counts[f.ID].Unread, isFeed: true,
			err: f.LastError, url: shown, addr: f.URL, title: f.Title, host: hosts[f.ID]}
		// Moved when its first address is another than where it is now, not
		// when only the password it is fetched with changed (a feed's first
		// address is kept without one).
		if f.IDBase != "" && feeds.MatchURL(f.IDBase) != feeds.MatchURL(f.URL) {
			it.movedFrom = feeds.ShownURL(f.IDBase)
		}
		p.items = append(p.items, it)
	}
	p.measure()
	p.tallest = &detailHeight{inner: -1}
	p.cols = &feedColumns{room: -1}
	p.cursor, p.offset = 0, 0
	p.move(0)
	if p.find.focused {
		p.find.from = p.relocate(old, p.find.from)
	}
	return old
}

// feedTitles is how many of the feeds have each title, by its key
// (feedNameKey): titles a feed: term does not tell apart are one.
func feedTitles(subs []store.Feed) map[string]int {
	titles := map[string]int{}
	for _, f := range subs {
		titles[feedNameKey(f.Title)]++
	}
	return titles
}

// feedName is a feed's name as the panel lists it: its title, else its
// address (without a password in it).
func feedName(f store.Feed) string {
	if f.Title != "" {
		return f.Title
	}
	return feeds.ShownURL(f.URL)
}

// feedQuery is what choosing feed f filters by: feed:"its name" when the
// name is its own (named is how many feeds have it) and the filter line
// holds it as it is; else feed:its address, which is that subscription
// whatever its title holds. A title an older tidings or another program
// stored with escape sequences or bidi controls is shown without them, and
// a query by the name shown would find nothing.
func feedQuery(f store.Feed, named int) string {
	if f.Title != "" && named == 1 {
		q := query.Node{Kind: query.Source, Field: "feed", Value: f.Title}.String()
		if editableQuery(q) == q {
			return q
		}
	}
	return query.Node{Kind: query.Source, Field: "feed", Value: f.URL}.String()
}

// feedHosts is what tells each feed whose name another feed has from the
// others: its host, or, when two of them share the host, its address
// without the scheme.
func feedHosts(subs []store.Feed, titles map[string]int) map[int64]string {
	groups := map[string][]store.Feed{}
	for _, f := range subs {
		if t := feedNameKey(f.Title); f.Title != "" && titles[t] > 1 {
			groups[t] = append(groups[t], f)
		}
	}
	out := map[int64]string{}
	for _, group := range groups {
		seen, shared := map[string]bool{}, false
		for _, f := range group {
			h := feedHost(f.URL)
			shared = shared || seen[h]
			seen[h] = true
		}
		for _, f := range group {
			if shared {
				_, out[f.ID], _ = strings.Cut(feeds.ShownURL(f.URL), "://")
			} else {
				out[f.ID] = feedHost(f.URL)
			}
		}
	}
	return out
}

// feedHost is the host of a feed's address, else the address.
func feedHost(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return addr
}

// measure notes the widths the layout needs from the items.
func (p *tagsPanel) measure() {
	p.natural, p.feedCountW, p.feedErrors = 0, 0, false
	width := func(s string) int { return ansi.StringWidth(oneLine(shownPart(s))) }
	for i, it := range p.items {
		w := 0
		switch {
		case it.heading != "":
			w = width(it.heading)
		case it.isFeed:
			f := &p.items[i]
			f.nameW, f.countW = width(f.name), width(feedCount(*f))
			withHost := f.nameW
			if f.host != "" {
				f.hostW, f.group = width(f.host), feedNameKey(f.title)
				withHost += 1 + f.hostW
			}
			p.feedCountW = max(p.feedCountW, f.countW)
			w = 2 + withHost + 1 + f.countW
			if it.err != "" {
				p.feedErrors = true
				w += width(it.err) + 3
			}
		case it.isTag:
			w = 2 + width("#"+it.name) + 1 + width(tagLineCount(it))
		default:
			w = 2 + width(it.name) + 1 + width(it.query)
			if it.twin {
				w += width(libraryMark)
			}
		}
		p.items[i].width = w
		p.natural = max(p.natural, w)
	}
}

// feedCount is what a feed's line says of its articles: how many are
// unread, which is what going feed by feed looks for.
func feedCount(it panelItem) string { return thousands(it.count) + " unread" }

// tagLineCount is what a tag's line says of its articles: how many carry it,
// read or not, said so beside the feeds' unread ones.
func tagLineCount(it panelItem) string {
	if it.count == 1 {
		return "1 article"
	}
	return thousands(it.count) + " articles"
}

// move moves the cursor by delta items, over the headings.
func (p *tagsPanel) move(delta int) {
	if len(p.items) == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	p.cursor = p.entryNear(p.cursor+delta, dir)
}

// entryNear is the index of the item nearest i (taken into the list) that
// is no heading, going by dir (1 down, -1 up), else (past the first or the
// last) the nearest the other way; i taken into the list when there is
// none.
func (p *tagsPanel) entryNear(i, dir int) int {
	n := len(p.items)
	i = min(max(i, 0), n-1)
	for _, d := range []int{dir, -dir} {
		for j := i; j >= 0 && j < n; j += d {
			if p.items[j].heading == "" {
				return j
			}
		}
	}
	return i
}

// scroll keeps the cursor among the rows shown, and a heading just above
// it with it. A cursor off the list (none is, but a stale one would be)
// keeps the list's end in sight rather than reading past it.
func (p *tagsPanel) scroll(rows int) {
	top := min(p.cursor, len(p.items)-1)
	if top > 0 && p.items[top-1].heading != "" {
		top--
	}
	if top < p.offset {
		p.offset = top
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
	p.offset = max(min(p.offset, len(p.items)-rows), 0)
}

// The panel is as wide as its widest line, but not narrower than
// panelMinWidth (nor than the screen) or wider than four fifths of the
// screen or panelMaxWidth; under its list, up to panelDetailMax lines tell
// all about the item under the cursor (see detail).
const (
	panelMinWidth  = 64
	panelMaxWidth  = 100
	panelDetailMax = 4
)

// current is the item under the cursor.
func (p tagsPanel) current() (panelItem, bool) {
	if p.cursor < 0 || p.cursor >= len(p.items) || p.items[p.cursor].heading != "" {
		return panelItem{}, false
	}
	return p.items[p.cursor], true
}

// handlePanelKey handles a key while the panel is open.
func (m *Model) handlePanelKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.panel.keys
	p := &m.panel
	rows := p.layout(m.width, m.height, m.styles).rows
	switch {
	case key.Matches(msg, k.Back, k.Close):
		p.close()
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.HalfPageDown):
		p.move(max(rows/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		p.move(-max(rows/2, 1))
	case key.Matches(msg, k.PageDown):
		p.move(rows)
	case key.Matches(msg, k.PageUp):
		p.move(-rows)
	case key.Matches(msg, k.Top):
		p.cursor = 0
		p.move(0)
	case key.Matches(msg, k.Bottom):
		p.cursor = len(p.items) - 1
		p.move(0)
	case key.Matches(msg, k.Open):
		return m.filterByPanelItem()
	case key.Matches(msg, k.Find):
		return m.openPanelFind()
	case key.Matches(msg, k.Delete):
		m.confirmDeleteSearch()
	}
	p.scroll(p.layout(m.width, m.height, m.styles).rows)
	return nil
}

// filterByPanelItem closes the panel and filters the list by the item
// under the cursor.
func (m *Model) filterByPanelItem() tea.Cmd {
	it, ok := m.panel.current()
	if !ok {
		return nil
	}
	m.panel.close()
	return m.setFilter(it.query)
}

// clickPanel puts the cursor on the item under the screen's cell x, y; on
// the item already under it, it filters by it, as enter does.
func (m *Model) clickPanel(x, y int) tea.Cmd {
	p := &m.panel
	if p.loading || len(p.items) <= 1 {
		return nil
	}
	rows := p.layout(m.width, m.height, m.styles).rows
	p.scroll(rows) // as drawn
	row, ok := m.panelRow(p.View(m.width, m.height, m.styles), x, y)
	i := p.offset + row
	if !ok || row >= rows || i >= len(p.items) || p.items[i].heading != "" {
		return nil
	}
	if i == p.cursor {
		return m.filterByPanelItem()
	}
	p.cursor = i
	p.scroll(rows)
	return nil
}

// wheelPanel moves the panel's cursor by delta items.
func (m *Model) wheelPanel(delta int) {
	m.panel.move(delta)
	m.panel.scroll(m.panel.layout(m.width, m.height, m.styles).rows)
}

// searchDeletedMsg reports a deleted saved search.
type searchDeletedMsg struct {
	name, query string
	err         error
}

// shellWord is s as one word for a POSIX shell, to be pasted: as it is when
// it holds nothing a shell reads otherwise, else in single quotes.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,:/@%+=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// confirmDeleteSearch asks whether to delete the saved search under the
// cursor.
func (m *Model) confirmDeleteSearch() {
	it, ok := m.panel.current()
	switch {
	case ok && it.isFeed:
		m.setStatus("Only saved searches are deleted here: tidings feed remove " + shellWord(oneLine(feeds.ShownURL(it.url))) + " unsubscribes.")
	case !ok || it.isTag:
		m.setStatus("Only saved searches are deleted here.")
	case !it.saved:
		m.setStatus("“" + oneLine(it.name) + "” is a search of config.toml: delete it there.")
	case m.readOnly:
		m.setError("cannot delete the search", errReadOnly)
	default:
		m.confirm = &confirmation{
			onYes: func(m *Model) tea.Cmd {
				return deleteSearch(m.ctx, m.lib, it.name, it.query)
			},
		}
		m.confirm.setFitted(func(width int) string { return deleteSearchQuestion(it.name, it.query, width) }, m.width)
	}
}

// deleteSearchQuestion asks whether to delete the saved search name of
// query q, on a status line width cells wide: the name and the query are
// shortened, then the query left out, then the name, so that the verb and
// the y/n stay in sight.
func deleteSearchQuestion(name, q string, width int) string {
	return fitQuestion(width,
		questionForm{[]string{oneLine(name), oneLine(q)}, func(t []string) string {
			return "Delete the saved search “" + t[0] + "” (`" + t[1] + "`)? y/n"
		}},
		questionForm{[]string{oneLine(name)}, func(t []string) string { return "Delete the saved search “" + t[0] + "”? y/n" }},
		questionForm{[]string{oneLine(name)}, func(t []string) string { return "Delete “" + t[0] + "”? y/n" }},
		plainQuestion("Delete it? y/n"))
}

// deleteSearch deletes a saved search.
func deleteSearch(ctx context.Context, lib Library, name, q string) tea.Cmd {
	return func() tea.Msg {
		return searchDeletedMsg{name: name, query: q, err: lib.DeleteSearch(ctx, name)}
	}
}

// handleSearchDeleted says what was deleted, with its query to save it
// again from, and lists the panel anew.
func (m *Model) handleSearchDeleted(msg searchDeletedMsg) tea.Cmd {
	if msg.err != nil {
		m.setError("deleting the search", msg.err)
	} else {
		m.setStatus("Deleted the saved search “" + oneLine(msg.name) + "”: " + quoteQuery(msg.query))
	}
	if m.panel.open {
		m.panel.keepAt = m.panel.cursor
		return m.openPanel()
	}
	return nil
}

// handlePanelLoaded fills the panel.
func (m *Model) handlePanelLoaded(msg panelLoadedMsg) tea.Cmd {
	if msg.relist {
		return m.handlePanelRelisted(msg)
	}
	m.panel.loading = false
	if msg.err != nil {
		m.setError("loading the tags", msg.err)
		return nil
	}
	m.panel.gen, m.panel.genKnown = msg.gen, msg.genKnown
	m.panel.fill(m.cfg.Searches, msg.searches, msg.tags, msg.feeds, msg.counts)
	rows := m.panel.layout(m.width, m.height, m.styles).rows
	if at := m.panel.keepAt; at > 0 {
		// On the item now in the deleted one's place, else the one before.
		m.panel.cursor, m.panel.keepAt = min(at, len(m.panel.items)-1)+1, 0
		m.panel.move(-1)
		m.panel.scroll(rows)
	} else {
		m.panel.placeCursor(m.list.query.whole(), rows)
	}
	return m.takeTags(msg.tags)
}

// handlePanelRelisted shows what the panel lists now, the cursor on the
// entry it was on (else, gone, on the nearest still listed: relocate) and
// the entries on the lines they were on. A listing that failed leaves the
// panel as it was, and says why once: the next change of the library tries
// again.
func (m *Model) handlePanelRelisted(msg panelLoadedMsg) tea.Cmd {
	p := &m.panel
	p.relisting = false
	if !p.open || p.loading {
		return nil // closed meanwhile, or listed whole anew
	}
	p.gen, p.genKnown = msg.gen, msg.genKnown
	if msg.err != nil {
		m.setError("listing the tags anew", msg.err)
		return nil
	}
	at, offset := p.cursor, p.offset
	old := p.fill(m.cfg.Searches, msg.searches, msg.tags, msg.feeds, msg.counts)
	p.cursor = p.relocate(old, at)
	p.offset = offset
	p.scroll(p.layout(m.width, m.height, m.styles).rows)
	return m.takeTags(msg.tags)
}

// sameEntry reports whether two items list one entry (entryKey).
func (it panelItem) sameEntry(o panelItem) bool { return it.entryKey() == o.entryKey() }

// entryKey is what an item lists, the same from one listing to the next: a
// feed by its address, a tag by its name, a search by its name and whether
// it is the library's or config.toml's.
func (it panelItem) entryKey() string {
	kind := "config search"
	switch {
	case it.heading != "":
		return "heading\x00" + it.heading
	case it.isFeed:
		return "feed\x00" + it.url
	case it.isTag:
		kind = "tag"
	case it.saved:
		kind = "library search"
	}
	return kind + "\x00" + it.name
}

// relocate is where the entry at index at of old, the panel's items before
// it was listed anew, is now: its index, else (gone) that of the first
// entry after it that is still listed, else of the last before it; at
// taken into the list, off the headings, when none is.
func (p *tagsPanel) relocate(old []panelItem, at int) int {
	if len(p.items) == 0 || len(old) == 0 {
		return 0
	}
	now := make(map[string]int, len(p.items))
	for i, it := range p.items {
		now[it.entryKey()] = i
	}
	at = min(max(at, 0), len(old)-1)
	for _, d := range []int{1, -1} {
		j := at
		if d < 0 {
			j = at - 1
		}
		for ; j >= 0 && j < len(old); j += d {
			if i, ok := now[old[j].entryKey()]; ok && old[j].heading == "" {
				return i
			}
		}
	}
	return p.entryNear(at, 1)
}

// loadPanel loads the tags, the saved searches and the feeds, with the
// library's generation they were read at (read first: a write after it
// only makes the panel list anew once more).
func loadPanel(ctx context.Context, lib Library, relist bool) tea.Cmd {
	return func() tea.Msg {
		msg := panelLoadedMsg{relist: relist}
		if gen, err := lib.Generation(ctx); err == nil {
			msg.gen, msg.genKnown = gen, true
		}
		var err error
		if msg.tags, err = lib.Tags(ctx); err != nil {
			msg.err = err
			return msg
		}
		if msg.searches, err = lib.SavedSearches(ctx); err != nil {
			msg.err = err
			return msg
		}
		if msg.feeds, err = lib.Feeds(ctx); err != nil {
			msg.err = err
			return msg
		}
		msg.counts, msg.err = lib.FeedCounts(ctx)
		return msg
	}
}
