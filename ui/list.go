package ui

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"math"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// The list is virtual: it holds a window of a few pages of rows around the
// cursor, never the whole result. Pages are fetched by keyset (the sort key
// of the window's first or last row), so moving around costs the same in a
// library of a thousand articles or of a million, and no count is needed
// before the first screen.

// windowPages is how many pages the window holds at most before it lets go
// of rows far from the cursor.
const windowPages = 3

// listModel is the article list screen.
type listModel struct {
	// base is the program's context; ctx is the current query's, cancelled
	// when the query changes, so that the library stops working on counts
	// and pages nobody will see.
	base, ctx context.Context
	cancel    context.CancelFunc
	lib       Library
	query     listQuery
	terms     []string // the query's words, highlighted in titles
	pageSize  int

	rows            []store.Row
	atTop, atBottom bool // the window reaches the newest / the oldest match
	cursor, offset  int  // indexes into rows: the selected row, the first shown
	width, height   int  // the rows area

	// epoch counts window replacements; a page asked for under an older
	// epoch is dropped when it arrives.
	epoch                      int
	loaded                     bool  // the first page has arrived (or failed)
	err                        error // why the window could not be loaded
	loadingOlder, loadingNewer bool
	// askedIn is the epoch loadingOlder and loadingNewer were set under: a
	// page asked for under an earlier one is dropped when it comes, so it
	// is no longer on its way once the epoch has moved on (prefetch).
	askedIn int
	// vanished is set when a reload no longer finds the cursor's article:
	// the cursor then sits on the article that followed it, which is where
	// "next article" should go.
	vanished bool
	// newAbove is set when a reload of a list that showed its top brought
	// articles above the cursor that are out of sight; the root says so.
	newAbove bool
	// shownQuery is the query of the window shown: a window of another
	// query (the filter changed) brings no new articles, whatever is above.
	shownQuery listQuery
	// inPlace is the epoch of a window asked for by a query that finds
	// what the window shown finds (the filter line's, kept on enter): it
	// comes without moving the cursor the user moved meanwhile. 0: none.
	inPlace int
	// askedAround is set when the query's first window was asked for
	// around the cursor's article (setQueryAround), as a reload asks.
	askedAround bool
	// jumping is where the cursor is on its way to while the page it
	// lands on is fetched (g and G, n and p, beyond the rows loaded): the
	// row under the cursor is not yet the one the key asked for, and the
	// keys typed meanwhile wait for it (typeahead.go).
	jumping jump
	// ahead is the rest of a move that ran past the rows loaded
	// (jumpRows): how many rows further down (or, negative, up) than the
	// row the cursor waits on it goes once the next page comes (carryOn).
	ahead int
	// unreadAsk counts n and p's askings of the library, so that an answer
	// esc stopped waiting for is let go (nextunread.go).
	unreadAsk int
	// feedOffer is n's (or p's) offer, on the status line, to go on to the
	// next feed with unread articles, at the end of those of the feed the
	// list is filtered to; nil when none was made under this query.
	feedOffer *feedOffer
	// kept are the articles the reader opened, starred, marked or tagged
	// under this query: a reload keeps them in the list though they no
	// longer match (read under is:unread), as newsboat and elfeed keep
	// them until the list is filtered anew.
	kept map[int64]store.Row // as last shown, to show them again
	// upTo bounds, by article id, what M marks read: the articles the
	// list held when the user last had its top in sight. upToNext is the
	// library's last article id read before the last window's rows. The
	// articles a fetch brings get higher ids; those that land above the
	// screen, or anywhere while the user is further down the list, were
	// never in sight, and M leaves them unread until the top is seen again.
	upTo, upToNext int64

	// counted is set once shown and total are known; shownFor is the query
	// shown counts, which lags behind query while its count is on the way.
	counted      bool
	shown, total int
	shownFor     listQuery
	countEpoch   int
	countFor     listQuery // the query last counted (or being counted)
	countOn      bool      // countFor's count is on its way or came, in ctx

	// marked is the selection (space), by article id, so that it survives
	// paging and reloads. Shared by the model's copies; Update and View
	// run on one goroutine, commands get a copy of the ids.
	marked map[int64]bool

	keys   listKeyMap
	styles *styles
	lines  *rowCache
}

// jump is a move of the cursor to a row not loaded yet.
type jump int

const (
	jumpNone   jump = iota
	jumpTop         // g: the newest article
	jumpBottom      // G: the oldest
	jumpUnread      // n, p: the next or previous unread article (nextunread.go)
	jumpRows        // j, page down and the like past the rows loaded: ahead rows on
)

func newListModel(ctx context.Context, lib Library, q listQuery, pageSize int, keys listKeyMap, st *styles) listModel {
	qctx, cancel := context.WithCancel(ctx)
	return listModel{
		base: ctx, ctx: qctx, cancel: cancel, lib: lib, query: q, terms: highlightTerms(q), pageSize: pageSize,
		keys: keys, styles: st, lines: newRowCache(), marked: map[int64]bool{},
	}
}

// load asks for the first page.
func (m *listModel) load() tea.Cmd {
	m.epoch++
	return m.checkingKept(loadFirst(m.ctx, m.lib, m.query, m.limit(), m.epoch))
}

// loadLast asks for the last page.
func (m *listModel) loadLast() tea.Cmd {
	m.epoch++
	return m.checkingKept(loadLast(m.ctx, m.lib, m.query, m.limit(), m.epoch))
}

// reload asks for the window around the cursor's article again, after
// another write, keeping the cursor on the same article. While the cursor
// is on its way to the newest or the oldest article, the window there is
// asked for again instead.
func (m *listModel) reload() tea.Cmd {
	switch m.jumping {
	case jumpTop:
		return m.load()
	case jumpBottom:
		return m.loadLast()
	}
	row, ok := m.current()
	if !ok || m.stale() && !m.askedAround {
		// The cursor's article is an earlier query's: the new query's
		// list is asked for again from where it was, its newest.
		return m.load()
	}
	m.epoch++
	return m.checkingKept(loadAround(m.ctx, m.lib, m.query, row.SortKey, row.ID, m.limit(), m.limit(), m.epoch))
}

// checkingKept runs a page command, then asks the library whether the
// kept articles the page would show again (those it does not hold, in the
// stretch of the list it covers) are still there: one deleted elsewhere,
// by another tidings or a script, leaves the list as a row of the page
// does (pageMsg.gone), where it stayed, kept, until the query changed. A
// new window (a reload, after any change to the library) asks the same of
// the selected articles it does not hold, wherever they sort: one deleted
// elsewhere leaves the selection, which would count it still, and s, t, D
// would say they acted on it.
func (m listModel) checkingKept(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || len(m.kept) == 0 && len(m.marked) == 0 {
		return cmd
	}
	kept := slices.Collect(maps.Values(m.kept))
	selected := m.markedIDs()
	ctx, lib := m.ctx, m.lib
	return func() tea.Msg {
		msg := cmd()
		page, ok := msg.(pageMsg)
		if !ok || page.err != nil {
			return msg
		}
		page.gone = goneKept(ctx, lib, kept, page)
		if page.kind == pageReplace {
			page.gone = append(page.gone, goneSelected(ctx, lib, selected, page)...)
		}
		return page
	}
}

// goneSelected are the selected articles that page does not hold, nor
// already found gone, that the library no longer holds: asked in one go,
// however many are selected. When the library cannot say, none is: the
// next change asks again.
func goneSelected(ctx context.Context, lib Library, selected []int64, page pageMsg) []int64 {
	held := make(map[int64]bool, len(page.rows)+len(page.gone))
	for _, r := range page.rows {
		held[r.ID] = true
	}
	for _, id := range page.gone {
		held[id] = true // gone, and said so already
	}
	unsure := slices.DeleteFunc(slices.Clone(selected), func(id int64) bool { return held[id] })
	if len(unsure) == 0 {
		return nil
	}
	gone, err := lib.Missing(ctx, unsure)
	if err != nil {
		return nil
	}
	return gone
}

// goneKept are the kept articles that page would show again and the
// library no longer holds.
func goneKept(ctx context.Context, lib Library, kept []store.Row, page pageMsg) []int64 {
	rows := page.rows
	newest, oldest := int64(math.MaxInt64), int64(math.MinInt64) // the stretch page covers
	switch page.kind {
	case pageOlder:
		newest = page.anchor - 1
	case pageNewer:
		oldest = page.anchor + 1
	}
	if len(rows) > 0 && !page.atTop && page.kind != pageOlder {
		newest = rows[0].SortKey
	}
	if len(rows) > 0 && !page.atBottom && page.kind != pageNewer {
		oldest = rows[len(rows)-1].SortKey
	}
	var gone []int64
	for _, r := range kept {
		if r.SortKey > newest || r.SortKey < oldest || slices.ContainsFunc(rows, func(n store.Row) bool { return n.ID == r.ID }) {
			continue
		}
		// Where it sorts, one index seek; only an article not found there
		// (deleted, or redated by an import) is read by its id.
		at, err := lib.Page(ctx, store.PageRequest{Before: r.SortKey + 1, Limit: 1})
		if err == nil && len(at) == 1 && at[0].ID == r.ID {
			continue
		}
		if _, err := lib.Article(ctx, r.ID); errors.Is(err, store.ErrNotFound) {
			gone = append(gone, r.ID)
		}
	}
	return gone
}

// forget lets go of articles the library no longer holds: they are no
// longer kept in the list, nor selected.
func (m *listModel) forget(ids []int64) {
	for _, id := range ids {
		delete(m.kept, id)
		delete(m.marked, id)
		m.lines.forget(id)
	}
}

// countCmd asks for the header's counts.
func (m *listModel) countCmd() tea.Cmd {
	m.countFor, m.countOn = m.query, true
	return loadCounts(m.ctx, m.lib, m.query, m.epoch)
}

// needsCount reports whether the query shown has no count, on its way or
// come, in the list's context: a count is lost when its context is.
func (m listModel) needsCount() bool {
	return !m.countOn || m.countFor != m.query
}

// limit is the page size: at least two screens, so a page-down never runs
// past what a prefetch brings.
func (m listModel) limit() int {
	return max(m.pageSize, 2*m.height, 1)
}

// margin is how close to the window's edge the cursor may come before the
// next page is fetched: two screens, so that a page down held down seldom
// runs past the rows loaded (and when it does, it waits for them: move).
// A window of fewer than three screens (the filter line's first page is
// two) waits until the cursor leaves its first screen, so that a filter
// typed key by key does not fetch a second page at every key.
func (m listModel) margin() int {
	return max(min(2*m.height, len(m.rows)-m.height), m.height, 1)
}

func (m *listModel) setSize(width, height int) tea.Cmd {
	if width != m.width {
		m.lines.reset()
	}
	m.width, m.height = width, max(height, 1)
	m.fixOffset()
	return m.prefetch()
}

func (m *listModel) setStyles(st *styles) {
	m.styles = st
	m.lines.reset()
}

// current returns the selected row.
func (m listModel) current() (store.Row, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return store.Row{}, false
	}
	return m.rows[m.cursor], true
}

// empty reports whether the list has loaded and found nothing.
func (m listModel) empty() bool {
	return m.loaded && m.err == nil && len(m.rows) == 0
}

// Update handles the list's keys and its pages.
func (m listModel) Update(msg tea.Msg) (listModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return m, m.move(-3)
		case tea.MouseWheelDown:
			return m, m.move(3)
		}
	case pageMsg:
		return m.handlePage(msg)
	case countsMsg:
		if msg.err == nil && msg.query == m.query && msg.epoch >= m.countEpoch {
			m.counted, m.shown, m.total, m.countEpoch = true, msg.shown, msg.total, msg.epoch
			m.shownFor = msg.query
		}
	}
	return m, nil
}

func (m listModel) handleKey(msg tea.KeyPressMsg) (listModel, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Down):
		return m, m.move(1)
	case key.Matches(msg, k.Up):
		return m, m.move(-1)
	case key.Matches(msg, k.HalfPageDown):
		return m, m.move(max(m.height/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		return m, m.move(-max(m.height/2, 1))
	case key.Matches(msg, k.PageDown):
		return m, m.move(m.height)
	case key.Matches(msg, k.PageUp):
		return m, m.move(-m.height)
	case key.Matches(msg, k.Top):
		return m, m.top()
	case key.Matches(msg, k.Bottom):
		return m, m.bottom()
	}
	return m, nil
}

// click selects the row shown at line y of the rows area. A click on the
// selected row asks for it to be opened (so a double click opens too), which
// the root does: opening is the root's, like every move between screens.
// While the rows shown are an earlier query's (stale), or the cursor is on
// its way to a page being fetched, a click does nothing: what is under the
// pointer may not be in the new list, or no longer on screen.
func (m *listModel) click(y int) (open bool, cmd tea.Cmd) {
	i := m.offset + y
	if y < 0 || y >= m.height || i >= len(m.rows) || m.stale() || m.jumping != jumpNone {
		return false, nil
	}
	if i == m.cursor {
		return true, nil
	}
	m.cursor = i
	m.vanished = false
	return false, m.prefetch()
}

// move moves the cursor by delta rows (j, page down, the wheel), and
// fetches the next page when the cursor nears the window's edge. A move
// that runs past the rows loaded, where the list goes on, is not cut short:
// the cursor waits on the last row loaded, and the rest of the move is
// kept (jumpRows) and taken when the page comes (carryOn). The keys typed
// meanwhile wait for it (typeahead.go), so that a page down held down moves
// a page at each press however slow the pages come, as it would in a list
// loaded whole. While the cursor is on its way elsewhere (G, n), or the
// rows are an earlier query's, a move stays within the rows loaded.
func (m *listModel) move(delta int) tea.Cmd {
	if m.jumping == jumpRows {
		delta += m.ahead
		m.jumping, m.ahead = jumpNone, 0
	}
	if len(m.rows) == 0 {
		return nil
	}
	to := m.cursor + delta
	within := min(max(to, 0), len(m.rows)-1)
	past := to > within && !m.atBottom || to < within && !m.atTop
	if past && m.jumping == jumpNone && !m.stale() {
		m.jumping, m.ahead = jumpRows, to-within
	}
	return m.moveWithin(within - m.cursor)
}

// moveWithin moves the cursor by delta rows, stopping at the rows loaded,
// and fetches the next page when the cursor nears the window's edge. The
// reader's next and previous article move so: the article the cursor lands
// on opens at once.
func (m *listModel) moveWithin(delta int) tea.Cmd {
	if len(m.rows) == 0 {
		return nil
	}
	m.cursor = min(max(m.cursor+delta, 0), len(m.rows)-1)
	m.vanished = false
	m.fixOffset()
	return m.prefetch()
}

// carryOn takes the cursor on by the rest of a move that ran past the rows
// loaded, now that the window has changed (a page came, a reload): as far
// as the rows now go, waiting on if it still runs past them. Without such
// a move, it fetches the page the cursor is near, if any.
func (m *listModel) carryOn() tea.Cmd {
	if m.jumping != jumpRows {
		return m.prefetch()
	}
	return m.move(0)
}

// stopCarrying lets go of the rest of a move that ran past the rows loaded
// in direction dir (1 down, -1 up), whose page failed: the cursor stays on
// the last row loaded, the one the screen shows, and the keys typed
// meanwhile act there. The root reports the failure.
func (m *listModel) stopCarrying(dir int) {
	if m.jumping == jumpRows && m.ahead*dir > 0 {
		m.jumping, m.ahead = jumpNone, 0
	}
}

// top goes to the newest article, fetching the first page unless the
// window already holds it.
func (m *listModel) top() tea.Cmd {
	m.vanished = false
	if m.atTop {
		m.cursor, m.offset = 0, 0
		m.seeTop()
		return m.prefetch()
	}
	m.jumping = jumpTop
	return m.load()
}

// bottom goes to the oldest article, fetching the last page unless the
// window already holds it.
func (m *listModel) bottom() tea.Cmd {
	m.vanished = false
	if m.atBottom {
		m.cursor = max(len(m.rows)-1, 0)
		m.fixOffset()
		return m.prefetch()
	}
	m.jumping = jumpBottom
	return m.loadLast()
}

// prefetch asks for the next page in whichever direction the cursor is
// near the window's edge, one request per direction at a time.
func (m *listModel) prefetch() tea.Cmd {
	if m.askedIn != m.epoch {
		// Asked for under a window since replaced (a reload that failed
		// keeps the rows shown): dropped when they come, so asked anew.
		m.loadingOlder, m.loadingNewer, m.askedIn = false, false, m.epoch
	}
	if len(m.rows) == 0 {
		return nil
	}
	var cmds []tea.Cmd
	if !m.atBottom && !m.loadingOlder && len(m.rows)-1-m.cursor < m.margin() {
		m.loadingOlder = true
		cmds = append(cmds, m.checkingKept(loadOlder(m.ctx, m.lib, m.query, m.rows[len(m.rows)-1].SortKey, m.limit(), m.epoch)))
	}
	if !m.atTop && !m.loadingNewer && m.cursor < m.margin() {
		m.loadingNewer = true
		cmds = append(cmds, m.checkingKept(loadNewer(m.ctx, m.lib, m.query, m.rows[0].SortKey, m.limit(), m.epoch)))
	}
	return tea.Batch(cmds...)
}

func (m listModel) handlePage(msg pageMsg) (listModel, tea.Cmd) {
	if msg.epoch != m.epoch {
		return m, nil // asked for a window that has since been replaced
	}
	m.forget(msg.gone)
	switch msg.kind {
	case pageOlder:
		m.loadingOlder = false
		if msg.err != nil {
			m.stopCarrying(1)
			return m, nil
		}
		if len(m.rows) == 0 || m.rows[len(m.rows)-1].SortKey != msg.anchor {
			return m, m.carryOn() // the window changed since: asked for anew
		}
		m.rows = append(m.rows, msg.rows...)
		m.atBottom = msg.atBottom
		m.mergeKept()
		m.trimFront()
	case pageNewer:
		m.loadingNewer = false
		if msg.err != nil {
			m.stopCarrying(-1)
			return m, nil
		}
		if len(m.rows) == 0 || m.rows[0].SortKey != msg.anchor {
			return m, m.carryOn() // the window changed since: asked for anew
		}
		m.rows = append(slices.Clip(msg.rows), m.rows...)
		m.cursor += len(msg.rows)
		m.offset += len(msg.rows)
		m.atTop = msg.atTop
		m.mergeKept()
		m.trimBack()
	default:
		if m.jumping == jumpTop || m.jumping == jumpBottom {
			m.jumping = jumpNone // there, or not going (the root reports why)
		}
		if msg.err != nil {
			// The root reports it; the old window stays when it is this
			// query's (a reload failed), else the error takes its place:
			// rows another query found are no answer to this one.
			if !m.loaded || m.stale() {
				m.loaded, m.err = true, msg.err
				m.rows, m.cursor, m.offset = nil, 0, 0
				m.upTo, m.upToNext = 0, 0 // it shows no article
				m.atTop, m.atBottom = true, true
				m.loadingOlder, m.loadingNewer, m.vanished = false, false, false
				m.lines.reset()
				m.shownQuery = m.query
			}
			if m.jumping == jumpRows {
				// The page the move waits for was asked for under the
				// window this reload was to replace: it is asked anew.
				return m, m.carryOn()
			}
			return m, nil
		}
		m.err = nil
		m.upToNext = msg.upTo
		switch {
		case m.loaded && msg.epoch == m.inPlace && msg.focusID == 0:
			m.replaceInPlace(msg)
		case msg.focusID == 0 && m.jumping == jumpRows:
			m.jumping = jumpNone // a window from its top: the move's rows are not in it
			m.replace(msg)
		default:
			m.replace(msg)
		}
	}
	m.seeTop()
	return m, m.carryOn()
}

// seeTop lets M mark the articles of the last window read (upToNext) once
// the top of the list is in sight: those that arrived above the screen are
// then on it.
func (m *listModel) seeTop() {
	if m.atTop && m.offset == 0 {
		m.upTo = m.upToNext
	}
}

// replaceInPlace installs the first page of a query that finds the
// articles the window shown found, asked for when the cursor was where the
// user has taken it since: the cursor stays on its article, or on the row
// where it was if the article went, on the same screen line. When the user
// went past the page, the window shown stays: it holds the same articles.
func (m *listModel) replaceInPlace(msg pageMsg) {
	screenRow := m.cursor - m.offset
	rows := msg.rows
	if len(m.kept) > 0 {
		rows = withKept(rows, m.kept, msg.atTop, msg.atBottom)
	}
	cur, ok := m.current()
	i := slices.IndexFunc(rows, func(r store.Row) bool { return ok && r.ID == cur.ID })
	past := ok && i < 0 && !msg.atBottom && len(rows) > 0 && cur.SortKey < rows[len(rows)-1].SortKey
	if !past {
		m.rows, m.atTop, m.atBottom = rows, msg.atTop, msg.atBottom
		m.loadingOlder, m.loadingNewer = false, false
		// Gone, the cursor sits on the article that followed it.
		m.vanished = ok && i < 0
		if i >= 0 {
			m.cursor = i
		}
		m.cursor = min(max(m.cursor, 0), max(len(m.rows)-1, 0))
		m.offset = m.cursor - screenRow
		m.fixOffset()
	}
	m.terms = highlightTerms(m.query)
	m.lines.reset()
	m.newAbove = false
	m.shownQuery = m.query
}

// replace installs a new window, putting the cursor on the asked-for
// article (or where it was) on the same screen line as before; a window
// that showed the top of the list still does, so that articles arriving
// above the cursor come into sight.
func (m *listModel) replace(msg pageMsg) {
	screenRow := m.cursor - m.offset
	if !m.loaded || msg.focusID == 0 {
		screenRow = 0
	}
	showedTop := m.loaded && msg.focusID != 0 && m.atTop && m.offset == 0
	// The cursor may have moved since the reload was asked for: keep it
	// where it is now when the new window holds that article.
	wanted := []int64{msg.focusID}
	cur, hasCur := m.current()
	if hasCur && msg.focusID != 0 {
		wanted = []int64{cur.ID, msg.focusID}
	}
	// The cursor sat on the article after one that left the list, and
	// stays on it: it is still the one after it.
	wasVanished := m.vanished
	m.loaded = true
	rows := msg.rows
	if len(m.kept) > 0 {
		rows = withKept(rows, m.kept, msg.atTop, msg.atBottom)
	}
	m.rows, m.atTop, m.atBottom = rows, msg.atTop, msg.atBottom
	m.loadingOlder, m.loadingNewer = false, false
	m.terms = highlightTerms(m.query)
	m.lines.reset()
	m.vanished = false
	m.cursor = msg.focusIndex
	if msg.focusID != 0 {
		m.vanished = true
		for _, id := range wanted {
			if i := slices.IndexFunc(m.rows, func(r store.Row) bool { return r.ID == id }); i >= 0 {
				m.cursor, m.vanished = i, wasVanished && hasCur && id == cur.ID
				break
			}
		}
	}
	m.cursor = min(max(m.cursor, 0), max(len(m.rows)-1, 0))
	m.offset = m.cursor - screenRow
	if showedTop && msg.atTop {
		m.offset = 0
	}
	m.fixOffset()
	m.newAbove = showedTop && m.shownQuery == m.query && (m.offset > 0 || !msg.atTop)
	m.shownQuery = m.query
}

// rowByID is the loaded row of an article.
func (m listModel) rowByID(id int64) (store.Row, bool) {
	for _, r := range m.rows {
		if r.ID == id {
			return r, true
		}
	}
	return store.Row{}, false
}

// keep keeps an article in the list until the query changes.
func (m *listModel) keep(id int64) {
	r, ok := m.rowByID(id)
	if !ok {
		return // not in the list: nothing to keep showing
	}
	if m.kept == nil {
		m.kept = make(map[int64]store.Row)
	}
	m.kept[id] = r
}

// mergeKept puts the kept articles that the window's pages no longer hold
// back where they sort, keeping the cursor on its article.
func (m *listModel) mergeKept() {
	if len(m.kept) == 0 {
		return
	}
	merged := withKept(m.rows, m.kept, m.atTop, m.atBottom)
	if len(merged) == len(m.rows) {
		return
	}
	cur, ok := m.current()
	m.rows = merged
	if ok {
		if i := slices.IndexFunc(m.rows, func(r store.Row) bool { return r.ID == cur.ID }); i >= 0 {
			m.offset += i - m.cursor
			m.cursor = i
		}
	}
}

// withKept is a window, rows, with the kept articles it does not hold put
// back where they sort, when they sort within it.
func withKept(rows []store.Row, kept map[int64]store.Row, atTop, atBottom bool) []store.Row {
	var back []store.Row
	for _, r := range kept {
		if !slices.ContainsFunc(rows, func(n store.Row) bool { return n.ID == r.ID }) {
			back = append(back, r)
		}
	}
	if len(back) == 0 {
		return rows
	}
	out := slices.Clone(rows)
	for _, r := range back {
		if len(out) > 0 && (!atTop && r.SortKey > out[0].SortKey || !atBottom && r.SortKey < out[len(out)-1].SortKey) {
			continue // beyond the window: it will not be missed
		}
		i, _ := slices.BinarySearchFunc(out, r.SortKey, func(n store.Row, key int64) int { return cmp.Compare(key, n.SortKey) })
		out = slices.Insert(out, i, r)
	}
	return out
}

// trimFront lets go of rows far above the cursor once the window is full.
func (m *listModel) trimFront() {
	over := len(m.rows) - windowPages*m.limit()
	drop := min(over, m.offset-m.limit())
	if drop <= 0 {
		return
	}
	for _, r := range m.rows[:drop] {
		m.lines.forget(r.ID)
	}
	m.rows = slices.Clone(m.rows[drop:])
	m.cursor -= drop
	m.offset -= drop
	m.atTop = false
}

// trimBack lets go of rows far below the screen once the window is full.
func (m *listModel) trimBack() {
	over := len(m.rows) - windowPages*m.limit()
	drop := min(over, len(m.rows)-(m.offset+m.height)-m.limit())
	if drop <= 0 {
		return
	}
	for _, r := range m.rows[len(m.rows)-drop:] {
		m.lines.forget(r.ID)
	}
	m.rows = slices.Clone(m.rows[:len(m.rows)-drop])
	m.atBottom = false
}

// fixOffset scrolls just enough to show the cursor, and keeps the screen
// full when the window ends; scrolled to the top of the list, the user
// sees it (seeTop).
func (m *listModel) fixOffset() {
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+m.height {
		m.offset = m.cursor - m.height + 1
	}
	m.offset = min(m.offset, max(len(m.rows)-m.height, 0))
	m.offset = max(m.offset, 0)
	m.seeTop()
}

// updateRow changes a loaded row in place (after the user starred it, say),
// without waiting for the reload.
func (m *listModel) updateRow(id int64, change func(*store.Row)) {
	for i := range m.rows {
		if m.rows[i].ID == id {
			// Rows may share their backing array with a page being
			// appended elsewhere; change a copy.
			m.rows = slices.Clone(m.rows)
			change(&m.rows[i])
			m.lines.forget(id)
			if _, ok := m.kept[id]; ok {
				m.kept[id] = m.rows[i]
			}
			return
		}
	}
}
