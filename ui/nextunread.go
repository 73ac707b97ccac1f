package ui

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
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
	if i := l.unreadIndex(start, delta, skip); i >= 0 {
		l.cursor, l.vanished = i, false
		l.fixOffset()
		cmd := l.prefetch()
		if inReader {
			return tea.Batch(cmd, m.open(l.rows[i]))
		}
		return cmd
	}
	if len(l.rows) == 0 || delta > 0 && l.atBottom || delta < 0 && l.atTop {
		m.setStatus(noMoreUnread(delta))
		return nil
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
		if err != nil || !ok {
			ask.err = err
			return ask
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
		return nil // stopped (esc), or asked again since
	}
	if msg.open {
		if m.screen != screenReader || m.readerBack != screenList || m.reader.id() != msg.from {
			return nil
		}
	} else if row, ok := l.current(); m.screen != screenList || !ok || row.ID != msg.from {
		return nil
	}
	switch {
	case msg.err != nil:
		m.setError("looking for unread articles", msg.err)
		return nil
	case msg.found == 0:
		m.setStatus(noMoreUnread(msg.delta))
		return nil
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
