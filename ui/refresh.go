package ui

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/feeds"
	"tidings/store"
)

// Refreshing feeds (r) runs in the background: the fetch goes on in a
// goroutine that reports each finished feed on a channel, and a Cmd waits
// for the next report, so the list stays live and new articles appear as
// the library's generation changes.

// RefreshProgress is one finished feed of a refresh, or, with Done 0, one
// feed the refresh is to fetch, told before any is fetched.
type RefreshProgress struct {
	Done, Total int
	Feed        string // the feed's title, or its URL
	URL         string // the address the feed was fetched at
	// MovedTo is where the feed moved for good (a 301 or 308), which the
	// subscription follows from now on; "" when it did not.
	MovedTo string
	// MergedInto is the address of the subscription followed already that
	// the library merged the feed into when it moved there; "" when it
	// did not.
	MergedInto string
	Err        error // the feed's error, if it failed
	// Waiting names the feed the refresh has waited for longest, of those
	// not done yet (the first of them in the order told); "" when none is
	// left or none was told of.
	Waiting string
}

// RefreshProgressOf is the report of a refresh's feed done of total, its
// fetch r, and what the library did with it; with done 0, of a feed to
// fetch (cli.Fetch tells of them first).
func RefreshProgressOf(done, total int, r feeds.FetchResult, stats store.FetchStats) RefreshProgress {
	name := r.Sub.Title
	if name == "" {
		name = feeds.ShownURL(r.Sub.URL) // without its password
	}
	return RefreshProgress{Done: done, Total: total, Feed: name, URL: r.Sub.URL, MovedTo: r.NewURL, MergedInto: stats.MergedInto, Err: r.Err}
}

// RefreshResult sums up a refresh.
type RefreshResult struct {
	Feeds, New, Updated, Failed int
	// RulesLeftOut is how many tag rules the refresh left out: their query
	// no longer parses, or they leave out each other's tags (config.toml
	// changed after rule add checked them). tidings rule list says why.
	RulesLeftOut int
	moved        []feedMove // told by the progress reports
}

// feedMove is a feed that moved for good during a refresh.
type feedMove struct {
	feed string // its name
	to   string // its new address
	// into is the name of the feed followed at to already, which the
	// library merged it into; "" when there was none.
	into string
}

// RefreshFunc fetches every subscribed feed and stores what they bring,
// telling progress of each finished feed; and, before any is done, of
// each feed to fetch, in order, with Done 0, if it can, so that the status
// line names the feed waited for.
type RefreshFunc func(ctx context.Context, progress func(RefreshProgress)) (RefreshResult, error)

// refreshProgressMsg and refreshDoneMsg come from a running refresh.
type (
	refreshProgressMsg struct {
		p    RefreshProgress
		next <-chan tea.Msg
	}
	refreshDoneMsg struct {
		res RefreshResult
		err error
	}
)

// startRefresh runs fn in the background and returns the Cmd that waits
// for its first report. The feeds followed before it are read first, for
// the names the reader knows them by when one of them moves.
func startRefresh(ctx context.Context, lib Library, fn RefreshFunc) tea.Cmd {
	ch := make(chan tea.Msg, 64)
	go func() {
		before, _ := lib.Feeds(ctx) // without them, the moves are told by the feeds' new names
		var mu sync.Mutex
		var reports []RefreshProgress
		var pending pendingFeeds
		res, err := fn(ctx, func(p RefreshProgress) {
			mu.Lock()
			if p.Done == 0 {
				pending.add(p.URL, p.Feed)
				mu.Unlock()
				return
			}
			p.Waiting = pending.done(p.URL)
			reports = append(reports, RefreshProgress{Feed: p.Feed, URL: p.URL, MovedTo: p.MovedTo, MergedInto: p.MergedInto, Err: p.Err})
			mu.Unlock()
			select {
			case ch <- refreshProgressMsg{p: p, next: ch}:
			case <-ctx.Done():
			}
		})
		mu.Lock()
		res.moved = feedMoves(before, reports)
		mu.Unlock()
		ch <- refreshDoneMsg{res: res, err: err}
	}()
	return waitRefresh(ch)
}

// pendingFeeds are the feeds of a refresh not yet done, in the order told:
// the first is the one waited for longest.
type pendingFeeds struct {
	urls, names []string
	over        map[string]bool // by address, those done
	next        int             // urls[:next] are all done
}

func (p *pendingFeeds) add(url, name string) {
	p.urls, p.names = append(p.urls, url), append(p.names, name)
}

// done marks the feed at url done and returns the name of the first feed
// not done, "" when none is left or none was told of.
func (p *pendingFeeds) done(url string) string {
	if p.over == nil {
		p.over = map[string]bool{}
	}
	p.over[url] = true
	for p.next < len(p.urls) && p.over[p.urls[p.next]] {
		p.next++
	}
	if p.next == len(p.urls) {
		return ""
	}
	return p.names[p.next]
}

// feedMoves are the feeds the reports of a refresh say moved, in the order
// they were done, by the names they had before it; one the library merged
// into a feed followed already names that feed, by its name as the
// refresh left it.
func feedMoves(before []store.Feed, reports []RefreshProgress) []feedMove {
	names := map[string]string{} // by address as followed before
	for _, f := range before {
		if f.Title != "" {
			names[f.URL] = f.Title
		}
	}
	name := func(r RefreshProgress) string {
		if n := names[r.URL]; n != "" {
			return n
		}
		return r.Feed
	}
	at := map[string]string{} // the name of the feed followed at an address, normalised
	for _, f := range before {
		at[feeds.NormalizeURL(f.URL)] = cmp.Or(f.Title, feeds.ShownURL(f.URL))
	}
	for _, r := range reports {
		if r.URL != "" {
			at[feeds.NormalizeURL(r.URL)] = name(r)
		}
	}
	var out []feedMove
	for _, r := range reports {
		if r.MovedTo == "" || r.Err != nil {
			continue
		}
		from, to := feeds.NormalizeURL(r.URL), feeds.NormalizeURL(r.MovedTo)
		if from == to && r.MergedInto == "" {
			continue
		}
		delete(at, from)
		if r.MergedInto != "" {
			into := cmp.Or(at[feeds.NormalizeURL(r.MergedInto)], feeds.ShownURL(r.MergedInto))
			out = append(out, feedMove{feed: name(r), to: feeds.ShownURL(r.MovedTo), into: into})
			continue
		}
		at[to] = name(r)
		out = append(out, feedMove{feed: name(r), to: feeds.ShownURL(r.MovedTo)})
	}
	return out
}

// autoRefreshMsg is the timer of Config.RefreshEvery going off.
type autoRefreshMsg struct{}

// autoRefreshAfter waits a while, one period of Config.RefreshEvery or
// what is left of it, before the next automatic refresh.
func autoRefreshAfter(wait time.Duration) tea.Cmd {
	return tea.Tick(wait, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}

// feedState is what the library's subscriptions are, for the welcome
// screen and the first automatic refresh.
type feedState struct {
	count   int // feeds subscribed
	fetched int // of them, those fetched at least once
	failed  int // of them, those whose last fetch failed
	// oldest is the earliest of their last fetches; zero when one of
	// them was never fetched.
	oldest time.Time
}

// feedStateOf sums up subscriptions.
func feedStateOf(subs []store.Feed) feedState {
	s := feedState{count: len(subs)}
	for i, f := range subs {
		if !f.LastFetch.IsZero() {
			s.fetched++
		}
		if f.LastError != "" {
			s.failed++
		}
		if i == 0 || f.LastFetch.Before(s.oldest) {
			s.oldest = f.LastFetch
		}
	}
	return s
}

// refreshDueIn is how long after now the feeds fall due for a refresh
// every period, as newsboat's auto-reload fetches them at start and then
// every reload-time: at once when one of them was last fetched a period
// ago or longer, or never; else when the one fetched longest ago has
// waited a period. Without feeds nothing is due before a period passes.
func (s feedState) refreshDueIn(every time.Duration, now time.Time) time.Duration {
	if s.count == 0 {
		return every
	}
	if s.oldest.IsZero() {
		return 0
	}
	return max(s.oldest.Add(every).Sub(now), 0)
}

// feedsReadMsg brings what the library's subscriptions are.
type feedsReadMsg struct {
	feeds feedState
	// dueIn is how long after they were read the feeds fall due for a
	// refresh every Config.RefreshEvery (refreshDueIn).
	dueIn time.Duration
	// atStart is set for the reading of Init, which arms the automatic
	// refresh.
	atStart bool
	err     error
}

// readFeeds reads the library's subscriptions, and when they fall due for
// a refresh every period.
func readFeeds(ctx context.Context, lib Library, every time.Duration, atStart bool) tea.Cmd {
	return func() tea.Msg {
		subs, err := lib.Feeds(ctx)
		s := feedStateOf(subs)
		return feedsReadMsg{feeds: s, dueIn: s.refreshDueIn(every, time.Now()), atStart: atStart, err: err}
	}
}

// handleFeedsRead keeps what the subscriptions are for the welcome screen
// and, read at start, arms the automatic refresh: at once when the feeds
// are due, else when they fall due, and every period from then on. When
// they could not be read, it waits a period.
func (m *Model) handleFeedsRead(msg feedsReadMsg) tea.Cmd {
	if msg.err == nil {
		m.welcome.feeds = msg.feeds
	}
	if !msg.atStart || !m.refreshesItself() {
		return nil
	}
	if msg.err != nil {
		return autoRefreshAfter(m.cfg.RefreshEvery)
	}
	if msg.dueIn <= 0 {
		return m.autoRefresh()
	}
	return autoRefreshAfter(msg.dueIn)
}

// refreshesItself reports whether the reader refreshes the feeds by itself:
// Config.RefreshEvery is set and the library may be written.
func (m *Model) refreshesItself() bool {
	return m.cfg.RefreshEvery > 0 && m.cfg.Refresh != nil && !m.readOnly
}

// autoRefresh starts the refresh Config.RefreshEvery asks for, as r would,
// unless one is running already, and arms the next.
func (m *Model) autoRefresh() tea.Cmd {
	if !m.refreshesItself() {
		return nil
	}
	next := autoRefreshAfter(m.cfg.RefreshEvery)
	if m.refreshing {
		return next
	}
	m.refreshing, m.autoRefreshing = true, true
	m.progress = "Fetching feeds…" // replaced as each feed is done
	return tea.Batch(next, startRefresh(m.ctx, m.lib, m.cfg.Refresh))
}

// waitRefresh waits for a refresh's next report.
func waitRefresh(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// refreshStatus is the status line while a refresh runs: how many feeds
// are done, and the one waited for, else the one done last.
func refreshStatus(p RefreshProgress) string {
	switch {
	case p.Waiting != "":
		return fmt.Sprintf("Fetching feeds… %d of %d done, waiting for %s", p.Done, p.Total, oneLine(p.Waiting))
	case p.Err != nil:
		return fmt.Sprintf("Fetching feeds… %d of %d done (%s: %v)", p.Done, p.Total, p.Feed, p.Err)
	}
	return fmt.Sprintf("Fetching feeds… %d of %d done (%s)", p.Done, p.Total, p.Feed)
}

// refreshSummary is the status line after a refresh.
func refreshSummary(r RefreshResult) string {
	if r.Feeds == 0 && r.Failed == 0 {
		return "No feeds to fetch: `tidings feed add URL` subscribes to one."
	}
	s := fmt.Sprintf("Fetched %s: %s", plural(r.Feeds, "feed"), plural(r.New, "new article"))
	if r.Updated > 0 {
		s += fmt.Sprintf(", %s updated", thousands(r.Updated))
	}
	if r.Failed > 0 {
		s += fmt.Sprintf(", %d failed (# lists them)", r.Failed)
	}
	if r.RulesLeftOut > 0 {
		// Before the counts, as the moves: told of here alone.
		s = fmt.Sprintf("%s left out (tidings rule list says why) · %s", plural(r.RulesLeftOut, "tag rule"), s)
	}
	if moves := movesSummary(r.moved); moves != "" {
		// The moves first: a feed merged away is told of here alone,
		// where the counts, cut on a narrow screen, are in the # panel.
		return strings.TrimPrefix(moves, " · ") + " · " + s
	}
	return s
}

// movesSummary is what the status line after a refresh says of the feeds
// that moved: "", " · Blog - Go merged into Blog", " · News moved to
// example.com/news.xml", or, for several, their names.
func movesSummary(moves []feedMove) string {
	if len(moves) == 0 {
		return ""
	}
	if len(moves) == 1 {
		mv := moves[0]
		if mv.into != "" {
			return " · " + oneLine(mv.feed) + " merged into " + mergedInto(mv)
		}
		return " · " + oneLine(mv.feed) + " moved to " + noScheme(mv.to)
	}
	names := make([]string, len(moves))
	for i, mv := range moves {
		names[i] = oneLine(mv.feed)
		if mv.into != "" {
			names[i] += " (merged into " + mergedInto(mv) + ")"
		}
	}
	return fmt.Sprintf(" · %d feeds moved: %s", len(moves), strings.Join(names, ", "))
}

// mergedInto names the feed mv was merged into: by its name, or by its
// address when that is mv's name too.
func mergedInto(mv feedMove) string {
	if strings.EqualFold(mv.into, mv.feed) {
		return "the feed at " + noScheme(mv.to)
	}
	return oneLine(mv.into)
}

// noScheme is an address without its scheme, shorter to read in a line.
func noScheme(addr string) string {
	if _, rest, ok := strings.Cut(addr, "://"); ok {
		return oneLine(rest)
	}
	return oneLine(addr)
}

// plural is n and a noun, in the plural unless n is 1: "1 feed", "2 feeds".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}
