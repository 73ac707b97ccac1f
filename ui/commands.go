package ui

import (
	"context"
	"errors"
	"hash/maphash"
	"net/url"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
	"tidings/store/anchor"
)

// Every call to the library and every slow or outside-world step is a
// command here, returning a typed message. Commands capture values, never the
// model.

// pageKind says how a page of rows joins the list's window.
type pageKind int

const (
	pageReplace pageKind = iota // a new window (first load, top, bottom, reload)
	pageOlder                   // rows older than the window's last row
	pageNewer                   // rows newer than the window's first row
)

// pageMsg carries rows for the list.
type pageMsg struct {
	epoch  int      // the list's epoch when asked; an older one is stale
	kind   pageKind //
	anchor int64    // pageOlder/pageNewer: the sort key the page continues from
	rows   []store.Row
	// For pageReplace: whether the window reaches the newest and the oldest
	// matching article, the row to put the cursor on (by id, else index),
	// and the library's generation read before the rows.
	atTop, atBottom bool
	focusID         int64
	focusIndex      int
	gen             int64
	// upTo is the library's last article id, read before the rows: the
	// articles the window could show have ids up to it (M marks those).
	upTo int64
	// gone are the kept articles the page would show again that the
	// library no longer holds (listModel.checkingKept).
	gone []int64
	err  error
}

// countsMsg carries the header's counts.
type countsMsg struct {
	epoch        int
	query        listQuery // counted; the list drops counts of another
	shown, total int
	err          error
}

// articleMsg carries an article for the reader, with its plain text, its
// sentences and its annotations anchored in it.
type articleMsg struct {
	id        int64
	article   store.Article
	text      string
	sentences []span
	notes     []placedNote
	links     []bodyLink
	allLinks  int    // links counts, and those past maxLinks
	sum       uint64 // bodySum of the body
	laidOut   int    // how many bytes of text the reader lays out (renderCut)
	err       error
}

// bodySeed seeds bodySum; sums are compared only within one run.
var bodySeed = maphash.MakeSeed()

// bodySum tells one version of an article's body from another.
func bodySum(body string) uint64 { return maphash.String(bodySeed, body) }

// renderedMsg carries a rendered article body.
type renderedMsg struct {
	key  renderKey
	view bodyView
	err  error
}

// pollMsg is the poll timer's tick.
type pollMsg struct{}

// generationMsg carries the library's generation.
type generationMsg struct {
	gen int64
	err error
}

// flagsSetMsg reports a write of read or starred state.
type flagsSetMsg struct {
	ids   []int64
	what  string // "read", "starred"
	value bool
	err   error
}

// samplesLoadedMsg reports the welcome screen's sample import.
type samplesLoadedMsg struct{ err error }

// statusMsg puts a message in the status line.
type statusMsg struct {
	text string
	err  bool
}

// warmedMsg reports a glamour renderer built ahead of time.
type warmedMsg struct{ err error }

// readMarks reads, before a window's rows, the library's generation and
// its last article id (pageMsg.gen, pageMsg.upTo).
func readMarks(ctx context.Context, lib Library) (gen, upTo int64, err error) {
	if gen, err = lib.Generation(ctx); err != nil {
		return 0, 0, err
	}
	upTo, err = lib.LastArticleID(ctx)
	return gen, upTo, err
}

// loadFirst loads the newest page: the start of the list.
func loadFirst(ctx context.Context, lib Library, q listQuery, limit, epoch int) tea.Cmd {
	return func() tea.Msg {
		gen, upTo, err := readMarks(ctx, lib)
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		rows, err := lib.Page(ctx, q.request(store.PageRequest{Limit: limit}))
		return pageMsg{epoch: epoch, kind: pageReplace, rows: rows, gen: gen, upTo: upTo, err: err,
			atTop: true, atBottom: len(rows) < limit}
	}
}

// loadQuery loads the newest page of a query the filter line just set: the
// one page a keystroke costs (and the last article id, one index seek).
func loadQuery(ctx context.Context, lib Library, q listQuery, limit, epoch int) tea.Cmd {
	return func() tea.Msg {
		upTo, err := lib.LastArticleID(ctx)
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		rows, err := lib.Page(ctx, q.request(store.PageRequest{Limit: limit}))
		return pageMsg{epoch: epoch, kind: pageReplace, rows: rows, upTo: upTo, err: err,
			atTop: true, atBottom: len(rows) < limit}
	}
}

// loadLast loads the oldest page: the end of the list.
func loadLast(ctx context.Context, lib Library, q listQuery, limit, epoch int) tea.Cmd {
	return func() tea.Msg {
		gen, upTo, err := readMarks(ctx, lib)
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		rows, err := lib.Page(ctx, q.request(store.PageRequest{FromEnd: true, Limit: limit}))
		return pageMsg{epoch: epoch, kind: pageReplace, rows: rows, gen: gen, upTo: upTo, err: err,
			atTop: len(rows) < limit, atBottom: true, focusIndex: len(rows) - 1}
	}
}

// loadOlder loads the page after the row with sort key anchor.
func loadOlder(ctx context.Context, lib Library, q listQuery, anchor int64, limit, epoch int) tea.Cmd {
	return func() tea.Msg {
		rows, err := lib.Page(ctx, q.request(store.PageRequest{Before: anchor, Limit: limit}))
		return pageMsg{epoch: epoch, kind: pageOlder, anchor: anchor, rows: rows, err: err,
			atBottom: len(rows) < limit}
	}
}

// loadNewer loads the page before the row with sort key anchor.
func loadNewer(ctx context.Context, lib Library, q listQuery, anchor int64, limit, epoch int) tea.Cmd {
	return func() tea.Msg {
		rows, err := lib.Page(ctx, q.request(store.PageRequest{After: anchor, Limit: limit}))
		return pageMsg{epoch: epoch, kind: pageNewer, anchor: anchor, rows: rows, err: err,
			atTop: len(rows) < limit}
	}
}

// loadAround reloads the window around the row with sort key key and id id:
// up to above rows newer than it, and it with up to below rows older.
func loadAround(ctx context.Context, lib Library, q listQuery, key, id int64, above, below, epoch int) tea.Cmd {
	return func() tea.Msg {
		gen, upTo, err := readMarks(ctx, lib)
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		newer, err := lib.Page(ctx, q.request(store.PageRequest{After: key, Limit: above}))
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		// Sort keys are integers, so "older than key+1" includes key itself.
		older, err := lib.Page(ctx, q.request(store.PageRequest{Before: key + 1, Limit: below + 1}))
		if err != nil {
			return pageMsg{epoch: epoch, err: err}
		}
		return pageMsg{epoch: epoch, kind: pageReplace, rows: append(newer, older...), gen: gen, upTo: upTo,
			atTop: len(newer) < above, atBottom: len(older) < below+1,
			focusID: id, focusIndex: len(newer)}
	}
}

// countPause is how long the list waits, after showing another query's
// rows, before counting them.
const countPause = 60 * time.Millisecond

// countDueMsg says the list's rows for epoch have been shown for a while.
type countDueMsg struct{ epoch int }

// countAfter says so after d.
func countAfter(d time.Duration, epoch int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return countDueMsg{epoch} })
}

// loadCounts counts the articles matching the query and in the library.
func loadCounts(ctx context.Context, lib Library, q listQuery, epoch int) tea.Cmd {
	return func() tea.Msg {
		total, err := lib.Total(ctx)
		if err != nil {
			return countsMsg{epoch: epoch, query: q, err: err}
		}
		shown := total
		switch {
		case strings.TrimSpace(q.text) == "":
		case q.live:
			shown, err = lib.CountLive(ctx, q.text)
		default:
			shown, err = lib.Count(ctx, q.text)
		}
		return countsMsg{epoch: epoch, query: q, shown: shown, total: total, err: err}
	}
}

// loadArticle loads one article for the reader, with its annotations; it
// finds the plain text's sentences and the annotations' passages in it. Of
// an article the reader cuts (renderCut), the text, its sentences and its
// links are those of the part rendered, so that a long article opens as
// fast as the part; the whole text is read only when notes on passages are
// to be found in it, those past the cut among them (pastCut).
func loadArticle(ctx context.Context, lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		a, err := lib.Article(ctx, id)
		if err != nil {
			return articleMsg{id: id, err: err}
		}
		notes, err := lib.Annotations(ctx, id)
		if err != nil {
			return articleMsg{id: id, err: err}
		}
		part, end := renderedPart(a.Body)
		src := part
		whole := end < len(a.Body) && slices.ContainsFunc(notes, func(n store.Annotation) bool { return n.Quote != "" })
		if whole {
			src = flattenLines(a.Body)
		}
		text := anchor.PlainText(src)
		laidOut := len(text)
		if whole { // about as much of the whole text as of the body
			laidOut = int(int64(len(text)) * int64(end) / int64(len(a.Body)))
		}
		links, allLinks := articleLinks(a.Title, a.URL, rawScripts(part)) // a superscript link as the reader shows it
		sum := bodySum(a.Body)
		a.Body = absoluteLinks(a.Body, a.URL) // as the reader shows it
		return articleMsg{id: id, article: a, text: text, sentences: splitSentences(text),
			notes: placeNotes(text, notes), links: links, allLinks: allLinks, sum: sum, laidOut: laidOut}
	}
}

// warmRenderer builds the glamour renderer for a width and style ahead of
// the first article.
func warmRenderer(r *renderer, width int, style string) tea.Cmd {
	return func() tea.Msg {
		return warmedMsg{r.prepare(width, style)}
	}
}

// poll waits one poll interval.
func poll(every time.Duration) tea.Cmd {
	return tea.Tick(every, func(time.Time) tea.Msg { return pollMsg{} })
}

// readGeneration reads the library's generation.
func readGeneration(ctx context.Context, lib Library) tea.Cmd {
	return func() tea.Msg {
		gen, err := lib.Generation(ctx)
		return generationMsg{gen: gen, err: err}
	}
}

// setRead marks articles read or unread.
func setRead(ctx context.Context, lib Library, ids []int64, read bool) tea.Cmd {
	return func() tea.Msg {
		return flagsSetMsg{ids: ids, what: "read", value: read, err: lib.SetRead(ctx, ids, read)}
	}
}

// setStarred stars or unstars articles.
func setStarred(ctx context.Context, lib Library, ids []int64, starred bool) tea.Cmd {
	return func() tea.Msg {
		return flagsSetMsg{ids: ids, what: "starred", value: starred, err: lib.SetStarred(ctx, ids, starred)}
	}
}

// loadSamples imports the bundled sample articles.
func loadSamples(ctx context.Context, load func(context.Context) error) tea.Cmd {
	return func() tea.Msg {
		return samplesLoadedMsg{err: load(ctx)}
	}
}

// openLink opens an http(s) or mailto link in a browser.
func openLink(open func(string) error, link string) tea.Cmd {
	return func() tea.Msg {
		if err := checkLink(link); err != nil {
			return statusMsg{text: err.Error(), err: true}
		}
		if err := open(link); err != nil {
			return statusMsg{text: "opening link: " + err.Error(), err: true}
		}
		return statusMsg{text: "opened " + link}
	}
}

// checkLink accepts only absolute http and https links, and mailto links
// with an address, so that an article cannot make the browser command run
// a file or an option.
func checkLink(link string) error {
	if link == "" {
		return errors.New("this article has no link")
	}
	if mailtoLink(link) {
		return nil
	}
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("not an http(s) link: " + link)
	}
	return nil
}

// mailtoLink reports whether link is a mailto link with an address.
func mailtoLink(link string) bool {
	u, err := url.Parse(link)
	return err == nil && strings.EqualFold(u.Scheme, "mailto") && u.Opaque != "" && !strings.HasPrefix(u.Opaque, "-")
}
