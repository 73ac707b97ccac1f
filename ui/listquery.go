package ui

import (
	"context"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
)

// What the list shows, the query (from the command line, the filter line or
// the tags panel), and the articles selected in it.

// listQuery is the query the list shows. One typed in the filter line is
// read live: the word being typed is a prefix.
type listQuery struct {
	text string
	live bool
}

// request fills in a page request's query.
func (q listQuery) request(r store.PageRequest) store.PageRequest {
	r.Query, r.Live = q.text, q.live
	return r
}

// whole is the query read as every other reader of queries reads it (a bulk
// tagging, a saved search, tidings search), finding what the list shows.
func (q listQuery) whole() string {
	if q.live {
		return strings.TrimSpace(store.LiveQuery(q.text))
	}
	return strings.TrimSpace(q.text)
}

// setQuery shows another query's articles, from the newest: one trip to
// the library, whose answer replaces the window when it arrives (unless a
// newer query's does first). The counts follow the page. Until it comes,
// the rows on screen keep the highlights of the query that found them. A
// query that finds what the rows on screen show (the filter line's, kept on
// enter) keeps the place the user moves to while its page comes.
func (m *listModel) setQuery(q listQuery) tea.Cmd {
	if !m.changeQuery(q) {
		return nil
	}
	limit := m.limit()
	if q.live && m.height > 1 {
		// Typed key by key: two screens are enough until the cursor goes
		// down them, and the prefix of the word being typed is found
		// sooner for fewer rows.
		limit = min(limit, 2*m.height)
	}
	return loadQuery(m.ctx, m.lib, m.query, limit, m.epoch)
}

// changeQuery makes q the list's query, reporting whether it is another
// one; its window is for the caller to ask for (setQuery asks for its
// newest page, n going on to the next feed for the window around its first
// unread article). Until it comes, the rows shown stay (stale).
func (m *listModel) changeQuery(q listQuery) bool {
	if q == m.query {
		return false
	}
	m.cancel()
	m.ctx, m.cancel = context.WithCancel(m.base)
	m.countOn = false // the count asked for, if any, went with the context
	sameMatches := m.loaded && len(m.rows) > 0 && q.whole() == m.shownQuery.whole()
	m.query = q
	m.kept = nil
	m.askedAround = false
	m.jumping = jumpNone // the new list starts at its top
	m.feedOffer = nil    // made for the query before
	m.epoch++
	if sameMatches {
		m.inPlace = m.epoch
	}
	return true
}

// stale reports whether the rows shown are an earlier query's, which finds
// other articles: the query changed and its first page has not come yet.
// Until it comes, nothing acts on those rows (the root holds the keys typed
// meanwhile: holdKey).
func (m listModel) stale() bool {
	return m.loaded && m.shownQuery.whole() != m.query.whole()
}

// setQueryAround shows another query's articles around the current one, on
// the same screen line, when the new query finds it too (clearing a filter
// does): the reader keeps their place, as in elfeed.
func (m *listModel) setQueryAround(q listQuery) tea.Cmd {
	row, ok := m.current()
	cmd := m.setQuery(q)
	if cmd == nil || !ok {
		return cmd
	}
	m.askedAround = true
	return loadAround(m.ctx, m.lib, m.query, row.SortKey, row.ID, m.limit(), m.limit(), m.epoch)
}

// toggleMark selects or deselects the current article.
func (m *listModel) toggleMark() {
	row, ok := m.current()
	if !ok {
		return
	}
	if m.marked[row.ID] {
		delete(m.marked, row.ID)
	} else {
		m.marked[row.ID] = true
	}
	m.lines.forget(row.ID)
}

// markedIDs returns the selection, in no particular order.
func (m listModel) markedIDs() []int64 {
	ids := make([]int64, 0, len(m.marked))
	for id := range m.marked {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// clearMarks empties the selection.
func (m *listModel) clearMarks() {
	for id := range m.marked {
		m.lines.forget(id)
	}
	clear(m.marked)
}
