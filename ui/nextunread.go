package ui

import (
	"context"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"tidings/store"
	"tidings/store/query"
)

// n and p go to the next and previous unread article in the list's order,
// as newsboat's next-unread and prev-unread do (J and K go to the next and
// previous article, read or not): in the list they move the cursor, in the
// reader they open the article, which marks it read. The window the list
// holds is looked through first; beyond it, the library is asked for the
// first unread article past the window's edge under the list's query
// (nextUnread), and the window is moved there.

// unreadMsg is what the library found beyond the list's window: the window
// around the unread article, or no rows when there is none.
type unreadMsg struct {
	query listQuery // the list's query when asked
	epoch int       // the list's epoch when asked
	from  int64     // the article the cursor, or the reader, was on
	delta int       // 1: the next unread article, -1: the previous
	open  bool      // asked in the reader: open what is found
	ask   int       // the list's unreadAsk when asked: esc stops the asking
	found int64     // the unread article, 0 when there is none
	page  pageMsg   // the window around it
	err   error

	// With none found in a list filtered to one feed: the feed's name,
	// and the next feed that way with unread articles (nil: none).
	feed string
	hop  *feedHop
	// switched is set when n went on to hop's feed: the list's query is
	// that feed's, and the rows shown are still the feed's before.
	switched bool
}

// noMoreUnread says that n (delta 1) or p (-1) found no unread article.
func noMoreUnread(delta int) string {
	if delta > 0 {
		return "No more unread articles."
	}
	return "No more unread articles above."
}

// stepUnread goes to the next (delta 1) or previous (-1) unread article:
// the list's cursor moves there, and in the reader the article opens. In a
// reader the annotation browser opened, n and p go through the browser as
// J and K do: its order is not the list's.
func (m *Model) stepUnread(delta int) tea.Cmd {
	inReader := m.screen == screenReader
	if inReader && m.readerBack == screenBrowser {
		return m.stepBrowser(delta)
	}
	l := &m.list
	start, skip := l.cursor+delta, int64(0)
	if inReader {
		skip = m.reader.id()
		if delta > 0 && l.vanished {
			// The open article left the list; the cursor already sits
			// on the one after it.
			start = l.cursor
		}
	}
	from := skip
	if row, ok := l.current(); ok && !inReader {
		from = row.ID
	}
	// An offer to go on to the next feed is for the n (or p) after it.
	offer := l.feedOffer
	l.feedOffer = nil
	if i := l.unreadIndex(start, delta, skip); i >= 0 {
		l.cursor, l.vanished = i, false
		l.fixOffset()
		cmd := l.prefetch()
		if inReader {
			return tea.Batch(cmd, m.open(l.rows[i]))
		}
		return cmd
	}
	if o := offer; o != nil && o.query == l.query && o.from == from && o.open == inReader && o.delta == delta {
		return m.hopToFeed(*o)
	}
	if len(l.rows) == 0 || delta > 0 && l.atBottom || delta < 0 && l.atTop {
		m.setStatus(noMoreUnread(delta))
		if !oneFeed(l.query) {
			return nil
		}
		// Which feed has unread articles next is the library's to say.
		l.unreadAsk++
		ask := unreadMsg{query: l.query, epoch: l.epoch, from: from, delta: delta, open: inReader, ask: l.unreadAsk}
		return findNextFeed(l.ctx, l.lib, ask)
	}
	edge := l.rows[len(l.rows)-1].SortKey
	if delta < 0 {
		edge = l.rows[0].SortKey
	}
	l.unreadAsk++
	ask := unreadMsg{query: l.query, epoch: l.epoch, from: from, delta: delta, open: inReader, ask: l.unreadAsk}
	// Said until the answer comes: mostly at once, but a filter whose
	// articles are all read, while the library has unread ones, is gone
	// through to its end (seconds in a large one).
	m.setStatus(lookingForUnread(delta))
	l.jumping = jumpUnread // the keys typed meanwhile wait for it (typeahead.go)
	return findUnread(l.ctx, l.lib, ask, edge, l.limit())
}

// stopLookingForUnread stops waiting for the unread article n or p asked
// the library for (esc while it looks: in a large filter whose articles are
// all read it takes seconds): the cursor stays, the keys typed meanwhile
// are dropped, and the answer, when it comes, is let go.
func (m *Model) stopLookingForUnread() {
	m.list.jumping = jumpNone
	m.list.unreadAsk++
	m.held = nil
	m.setStatus("Stopped looking for unread articles.")
}

// lookingForUnread is the status line while the library is asked for the
// next (delta 1) or previous (-1) unread article.
func lookingForUnread(delta int) string {
	if delta > 0 {
		return "Looking for the next unread article…"
	}
	return "Looking for the previous unread article…"
}

// unreadIndex is the index of the first unread row from start on, going by
// delta, that is not the article skip; -1 when the window holds none.
func (m listModel) unreadIndex(start, delta int, skip int64) int {
	for i := start; i >= 0 && i < len(m.rows); i += delta {
		if r := m.rows[i]; !r.Read && r.ID != skip {
			return i
		}
	}
	return -1
}

// findUnread asks the library for the first unread article past the sort
// key edge (older than it for delta 1, newer for -1) under the list's
// query, and for the window around it.
func findUnread(ctx context.Context, lib Library, ask unreadMsg, edge int64, limit int) tea.Cmd {
	return func() tea.Msg {
		found, ok, err := nextUnread(ctx, lib, ask.query, edge, ask.delta)
		if err != nil {
			ask.err = err
			return ask
		}
		if !ok {
			return withNextFeed(ctx, lib, ask)
		}
		ask.found = found.ID
		page, _ := loadAround(ctx, lib, ask.query, found.SortKey, found.ID, limit, limit, ask.epoch)().(pageMsg)
		ask.page, ask.err = page, page.err
		return ask
	}
}

// unreadChunk is how many of the query's articles nextUnread reads at
// first from each unread article it leaps to, and unreadChunkMax how many
// at most, as it doubles.
const unreadChunk, unreadChunkMax = 16, 1024

// nextUnread is the first unread article past the sort key edge under q,
// going by delta; ok is false when there is none.
//
// Neither the unread articles nor the query's, walked alone, find it
// quickly in every library: a filter whose articles are all read but the
// oldest walks the filter, a library read but for articles the filter does
// not match walks those. So the two leap over each other, each from where
// the other stopped: the nearest unread article is one index seek; the
// query's articles from it on are read a chunk at a time, and none between
// the two can be unread. A run of read articles of the filter, or of
// unread ones out of it, is passed over in one step.
func nextUnread(ctx context.Context, lib Library, q listQuery, edge int64, delta int) (row store.Row, ok bool, err error) {
	pos := edge // nothing past edge up to pos is both unread and q's
	for chunk := unreadChunk; ; chunk = min(2*chunk, unreadChunkMax) {
		req := store.PageRequest{Query: "is:unread", Limit: 1}
		if delta > 0 {
			req.Before = pos
		} else {
			req.After = pos
		}
		unread, err := lib.Page(ctx, req)
		if err != nil || len(unread) == 0 {
			return store.Row{}, false, err
		}
		// Sort keys are integers: one past the unread article's key
		// includes it.
		req = q.request(store.PageRequest{Limit: chunk})
		if delta > 0 {
			req.Before = unread[0].SortKey + 1
		} else {
			req.After = unread[0].SortKey - 1
		}
		rows, err := lib.Page(ctx, req)
		if err != nil || len(rows) == 0 {
			return store.Row{}, false, err
		}
		if delta < 0 {
			slices.Reverse(rows) // nearest first
		}
		if i := slices.IndexFunc(rows, func(r store.Row) bool { return !r.Read }); i >= 0 {
			return rows[i], true, nil
		}
		pos = rows[len(rows)-1].SortKey
	}
}

// handleUnread moves the list's window to the unread article found, on the
// line the cursor was on, and opens it when asked in the reader; it says so
// when there is none. An answer the user moved away from meanwhile (another
// query, another article) is dropped.
func (m *Model) handleUnread(msg unreadMsg) tea.Cmd {
	if m.status == lookingForUnread(msg.delta) {
		m.setStatus("") // answered, whether or not the answer is still wanted
	}
	l := &m.list
	if msg.ask != l.unreadAsk || msg.query != l.query || l.ctx.Err() != nil {
		return m.unswitched(msg) // stopped (esc), or asked again since
	}
	if msg.open {
		if m.screen != screenReader || m.readerBack != screenList || m.reader.id() != msg.from {
			return m.unswitched(msg)
		}
	} else if row, ok := l.current(); m.screen != screenList || ok && row.ID != msg.from || !ok && msg.from != 0 {
		return m.unswitched(msg)
	}
	switch {
	case msg.err != nil:
		m.setError("looking for unread articles", msg.err)
		return m.unswitched(msg)
	case msg.found == 0:
		m.sayNoMoreUnread(msg)
		return m.unswitched(msg)
	}
	i := slices.IndexFunc(msg.page.rows, func(r store.Row) bool { return r.ID == msg.found })
	if i < 0 {
		return nil // gone between the two reads
	}
	screenRow := l.cursor - l.offset
	reloaded := msg.epoch != l.epoch // a reload was asked for meanwhile
	l.epoch++
	page := msg.page
	// Placed by index, not as a reload places its article: a window of
	// another part of the list brings no "new articles above".
	page.epoch, page.focusID, page.focusIndex = l.epoch, 0, i
	var cmds []tea.Cmd
	var cmd tea.Cmd
	*m, cmd = m.handlePage(page)
	cmds = append(cmds, cmd)
	l = &m.list
	l.offset = l.cursor - screenRow
	l.fixOffset()
	if reloaded {
		// What that reload would have brought may be newer than this
		// window: ask again, around the article found.
		cmds = append(cmds, l.reload())
	}
	if row, ok := l.current(); ok && row.ID == msg.found && msg.open {
		cmds = append(cmds, m.open(row))
	}
	return tea.Batch(cmds...)
}

// n at the end of a feed's unread articles goes on to the next feed, as
// newsboat's next-unread does (its goto-next-feed): in a list filtered to
// one feed, as the # panel filters it, n that finds no more unread
// articles says so and names the next feed in the panel's order, round it,
// that has some ("No more unread in “Feed 01” — n again: “Feed 02” (5
// unread)"); n again, from the same article, filters the list by that feed
// and goes to its first unread article, opening it in the reader. p does
// the same upwards, to the previous feed's last unread article. In any
// other list, n and p stop where the unread articles do.

// feedHop is a feed n can go on to: as the # panel lists it.
type feedHop struct {
	name   string // as the panel shows it
	query  string // what choosing it in the panel filters by
	unread int
}

// feedOffer is n's offer to go on to the next feed, taken by the next n
// (p for p's) pressed from where it was made.
type feedOffer struct {
	query listQuery // the list's query, the feed's
	from  int64     // the article the cursor, or the reader, was on
	open  bool      // made in the reader
	delta int
	hop   feedHop
}

// oneFeed reports whether the list's query is a single feed: term, as the
// # panel filters by a feed; which feed, if any, is the library's to say
// (feedOf).
func oneFeed(q listQuery) bool {
	if q.live {
		return false
	}
	n, err := query.Parse(q.whole())
	return err == nil && feedTerm(n)
}

// feedTerm reports whether a parsed query is one feed: term, whole (not a
// prefix): one subscription, by its address or its name.
func feedTerm(n query.Node) bool {
	return n.Kind == query.Source && n.Field == "feed" && !n.Prefix
}

// feedOf is the index in subs of the feed the list's query is, however it
// is written (feed:"alpha news" is the feed Alpha News, as the library
// reads it); -1 when it is none of them, or several.
func feedOf(subs []store.Feed, q listQuery) int {
	n, err := query.Parse(q.whole())
	if err != nil || !feedTerm(n) {
		return -1
	}
	titles := feedTitles(subs)
	for i, f := range subs {
		if picksFeed(n.Value, f.URL, f.Title, titles[feedNameKey(f.Title)] == 1) {
			return i
		}
	}
	return -1
}

// picksFeed reports whether the term feed:value asks for the feed at
// address addr titled title alone: by its address, or by its title when
// the title is its own (own: no other feed has it), compared as the
// library compares them (sameFeedName). A title other feeds share asks
// for them all: the # panel filters such a feed by its address.
func picksFeed(value, addr, title string, own bool) bool {
	return value == addr || title != "" && own && sameFeedName(value, title)
}

// sameFeedName reports whether feed:name asks for a feed titled title, as
// the library matches the two (the query package's nameMatcher): an ASCII
// name in any case of its letters; any other in any case and either
// Unicode form (composed or not), Turkish i's four cases one letter.
func sameFeedName(name, title string) bool {
	if isASCII(name) {
		return isASCII(title) && strings.EqualFold(name, title)
	}
	return feedNameKey(name) == feedNameKey(title)
}

// feedNameKey is a feed's title folded as the library folds the name a
// feed: term asks for (sameFeedName): composed, Turkish i's four cases
// one letter, and each letter one of all its cases. Feeds whose titles
// have one key are twins: feed:"the title" finds them all ("Café Noir"
// composed and decomposed), so the # panel tells them apart by their
// hosts and filters each by its address.
func feedNameKey(title string) string {
	return strings.Map(foldCase, turkishI.Replace(norm.NFC.String(title)))
}

// turkishI writes Turkish i's dotted capital and dotless small as i: the
// library's names take the four as one letter.
var turkishI = strings.NewReplacer("İ", "i", "ı", "i")

// foldCase is r written one way whatever its case: the small letter of
// the least of its cases in Unicode's simple case folding (which
// strings.EqualFold goes round), so that σ, ς and Σ are one, as the Kelvin
// sign and k are, and an ASCII title's key is the title in small letters.
func foldCase(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return unicode.ToLower(least)
}

// isASCII reports whether s is ASCII throughout.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// findNextFeed asks the library which feed has unread articles next, for n
// at the end of the window of a feed's list (withNextFeed).
func findNextFeed(ctx context.Context, lib Library, ask unreadMsg) tea.Cmd {
	return func() tea.Msg { return withNextFeed(ctx, lib, ask) }
}

// hopName is feed f's name as n says it, with the address beside it as
// the # panel shows it (hosts, feedHosts) when another feed has its name.
func hopName(f store.Feed, hosts map[int64]string) string {
	if h := hosts[f.ID]; h != "" {
		return feedName(f) + " " + h
	}
	return feedName(f)
}

// withNextFeed is ask, which found no unread article, with the feed the
// list's query is and the next feed with unread articles going by delta,
// in the panel's order and round it, when the query is one feed. A library
// that cannot say leaves them out: n then says what it says in any list.
func withNextFeed(ctx context.Context, lib Library, ask unreadMsg) unreadMsg {
	if ask.switched || !oneFeed(ask.query) {
		return ask
	}
	subs, err := lib.Feeds(ctx)
	if err != nil {
		return ask
	}
	at := feedOf(subs, ask.query)
	if at < 0 {
		return ask
	}
	counts, err := lib.FeedCounts(ctx)
	if err != nil {
		return ask
	}
	titles := feedTitles(subs)
	hosts := feedHosts(subs, titles)
	ask.feed = hopName(subs[at], hosts)
	n := len(subs)
	for k := 1; k < n; k++ {
		f := subs[((at+ask.delta*k)%n+n)%n]
		if unread := counts[f.ID].Unread; unread > 0 {
			ask.hop = &feedHop{name: hopName(f, hosts), query: feedQuery(f, titles[feedNameKey(f.Title)]), unread: unread}
			break
		}
	}
	return ask
}

// sayNoMoreUnread says that n or p found no unread article; in a list
// filtered to one feed, which feed has some next, and keeps the offer for
// n (or p) again to take (hopToFeed).
func (m *Model) sayNoMoreUnread(msg unreadMsg) {
	switch {
	case msg.hop != nil:
		m.list.feedOffer = &feedOffer{query: msg.query, from: msg.from, open: msg.open, delta: msg.delta, hop: *msg.hop}
		m.setStatus(feedOfferLine(msg.feed, *msg.hop, m.unreadKey(msg.delta, msg.open), msg.delta, m.width))
	case msg.feed != "":
		m.setStatus(noUnreadInAnyFeed(msg.feed, msg.delta, m.width))
	default:
		m.setStatus(noMoreUnread(msg.delta))
	}
}

// unreadKey is the key that goes to the next (delta 1) or previous (-1)
// unread article, in the reader (open) or in the list, as the status line
// names it.
func (m Model) unreadKey(delta int, open bool) string {
	b := m.list.keys.NextUnread
	switch {
	case open && delta > 0:
		b = m.reader.keys.NextUnread
	case open:
		b = m.reader.keys.PrevUnread
	case delta < 0:
		b = m.list.keys.PrevUnread
	}
	if keys := b.Keys(); len(keys) > 0 {
		return keyLabel(keys[0])
	}
	return "n"
}

// feedOfferLine is the status line's offer to go on to feed hop from the
// feed named feed, pressing k again, on a line width cells wide: the names
// are shortened, then the feed left is left out, then what is said of it,
// so that the key and the feed it goes to stay in sight.
func feedOfferLine(feed string, hop feedHop, k string, delta, width int) string {
	none, short := "No more unread in", "No more unread"
	if delta < 0 {
		none, short = "No more unread above in", "None above"
	}
	count := " (" + thousands(hop.unread) + " unread)"
	from, to := oneLine(shownPart(feed)), oneLine(shownPart(hop.name))
	return fitQuestion(width,
		questionForm{[]string{from, to}, func(t []string) string {
			return none + " “" + t[0] + "” — " + k + " again: “" + t[1] + "”" + count
		}},
		questionForm{[]string{to}, func(t []string) string { return short + " — " + k + " again: “" + t[0] + "”" + count }},
		questionForm{[]string{to}, func(t []string) string { return k + " again: “" + t[0] + "”" + count }},
		plainQuestion(k+" again: next feed"+count))
}

// noUnreadInAnyFeed says that n (delta 1) or p (-1) found no unread
// article in the feed named feed, nor in any other, on a line width cells
// wide.
func noUnreadInAnyFeed(feed string, delta, width int) string {
	none := "No more unread in"
	if delta < 0 {
		none = "No more unread above in"
	}
	return fitQuestion(width,
		questionForm{[]string{oneLine(shownPart(feed))}, func(t []string) string {
			return none + " “" + t[0] + "” nor in any other feed."
		}},
		plainQuestion(noMoreUnread(delta)))
}

// hopToFeed takes n's offer: the list is filtered to the offered feed, as
// the # panel filters it, and the cursor goes to its first unread article
// (p: its last), which opens in the reader. The feed's window comes with
// it; the keys typed meanwhile wait for it (typeahead.go), and esc lets
// go of the looking, the feed then listed from its top (unswitched).
func (m *Model) hopToFeed(o feedOffer) tea.Cmd {
	l := &m.list
	if !l.changeQuery(m.wholeFilter(o.hop.query)) {
		return nil
	}
	edge := int64(math.MaxInt64) // from the top
	if o.delta < 0 {
		edge = math.MinInt64 // from the bottom
	}
	l.unreadAsk++
	ask := unreadMsg{query: l.query, epoch: l.epoch, from: o.from, delta: o.delta, open: o.open, ask: l.unreadAsk, switched: true}
	m.setStatus(lookingForUnread(o.delta))
	l.jumping = jumpUnread
	return findUnread(l.ctx, l.lib, ask, edge, l.limit())
}

// unswitched lists the feed n went on to from its top when the answer
// brings no window of it (none found, an error, esc), and the rows shown
// are still the feed's before; nil for any other answer.
func (m *Model) unswitched(msg unreadMsg) tea.Cmd {
	l := &m.list
	if !msg.switched || msg.query != l.query || !l.stale() || l.ctx.Err() != nil {
		return nil
	}
	return l.load()
}
