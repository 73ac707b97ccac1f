package ui

import (
	"container/list"
	"fmt"
	"os"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	glamourstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"tidings/feeds"
	"tidings/store/anchor"
)

// maxReadingWidth caps the wrap width: lines much longer than this are hard
// to read, whatever the terminal's size.
const maxReadingWidth = 120

// The cache of rendered bodies keeps enough for going back and forth
// between neighbouring articles and for a resize and back, within a memory
// budget (a huge article renders to megabytes).
const (
	renderedCacheSize  = 32
	renderedCacheBytes = 16 << 20
)

// maxTermRenderers is how many glamour renderers (one per width and style)
// are kept; dragging a window's edge passes through many widths.
const maxTermRenderers = 8

// renderKey identifies one rendering of one article body.
type renderKey struct {
	id    int64
	body  uint64 // bodySum of the Markdown: an article updated is rendered anew
	width int    // the glamour wrap width
	// room is the terminal's width when it is wider than width: a table
	// too wide for width may take it (rendertables.go); 0 otherwise.
	room int
	// addresses draws the links in tables with their addresses, as
	// outside them: for tidings show, which has no list of links; the
	// reader draws them as their text, and L lists them (rendertables.go).
	addresses bool
	style     string // glamour style name
	// terms are the filter's words to highlight, joined by NUL, in the
	// SGR sequence match; "" for none.
	terms, match string
	// deco identifies the reader's decoration (passages and notes, see
	// decorate.go); 0 for none. Decorated renderings are not cached: the
	// plain rendering and its layout are, and decorating costs little.
	deco int
}

// glamourStyle is the glamour style for the theme: no colour at all when
// colour is off.
func glamourStyle(isDark, noColor bool) string {
	switch {
	case noColor:
		return glamourstyles.NoTTYStyle
	case isDark:
		return glamourstyles.DarkStyle
	default:
		return glamourstyles.LightStyle
	}
}

// wrapWidth is the glamour wrap width for a terminal width.
func wrapWidth(termWidth int) int {
	return max(min(termWidth, maxReadingWidth), 10)
}

// tableRoom is the room a table has on a terminal termWidth wide, when it
// is more than the wrap width: the terminal's width (renderKey.room).
func tableRoom(termWidth int) int {
	if termWidth > wrapWidth(termWidth) {
		return termWidth
	}
	return 0
}

// renderer renders article bodies with glamour. It is shared by the model
// and the commands that render off the event loop, so it locks: glamour's
// TermRenderer keeps state while rendering, so each one renders one body at a
// time. One is built per (width, style) and kept, so that a render does not
// build goldmark and the style again; a render that finds it busy builds a
// spare rather than wait.
type renderer struct {
	mu         sync.Mutex
	notes      map[noteKey]string // rendered notes
	cuts       map[renderKey]int  // where a cut rendering ends in the plain text (renderedEnd)
	terms      map[termKey]*termRenderer
	cache      map[renderKey]*list.Element // of *cached
	recent     *list.List                  // most recently used first
	bytes      int                         // held by the cache
	cacheSize  int                         // entries at most
	cacheBytes int                         // bytes at most, beyond the newest entry
}

type termKey struct {
	width int
	style string
}

type termRenderer struct {
	mu     sync.Mutex
	tr     *glamour.TermRenderer
	bar    quoteBar // what the style's quotes' marks are drawn as
	margin int      // the columns the style leaves on each side of the text
}

// render renders md with glamour: it is what glamour writes, the bars of
// quotes drawn (quoteBar), and nothing filtered yet.
func (t *termRenderer) render(md string) (string, error) {
	out, err := t.tr.Render(md)
	if err != nil {
		return "", err
	}
	return t.bar.draw(out), nil
}

type cached struct {
	key    renderKey
	out    string
	layout *bodyLayout // the plain text's place in out; nil until asked for
	size   int         // bytes held
}

func newRenderer() *renderer {
	return &renderer{
		terms:      make(map[termKey]*termRenderer),
		notes:      make(map[noteKey]string),
		cuts:       make(map[renderKey]int),
		cache:      make(map[renderKey]*list.Element),
		recent:     list.New(),
		cacheSize:  renderedCacheSize,
		cacheBytes: renderedCacheBytes,
	}
}

// cached returns the rendering for k if it is in the cache.
func (r *renderer) cached(k renderKey) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.cache[k]
	if !ok {
		return "", false
	}
	r.recent.MoveToFront(e)
	return e.Value.(*cached).out, true
}

// render renders body for k, from the cache when it can. It is slow: call it
// from a tea.Cmd.
func (r *renderer) render(k renderKey, body string) (string, error) {
	if out, ok := r.cached(k); ok {
		return out, nil
	}
	if k.terms != "" {
		// Highlighted over the plain rendering, which is cached too: a
		// filter's words change more often than the width.
		plain := k
		plain.terms, plain.match = "", ""
		out, err := r.render(plain, body)
		if err != nil {
			return "", err
		}
		out = highlightRendered(out, strings.Split(k.terms, "\x00"), k.match)
		r.put(k, out)
		return out, nil
	}
	t, err := r.term(termKey{k.width, k.style})
	if err != nil {
		return "", err
	}
	md, wide := layTables(cleanMarkdown(body), k.width, k.room, t.margin, k.addresses)
	out, err := r.renderAt(termKey{k.width, k.style}, md)
	if err != nil {
		return "", fmt.Errorf("rendering article %d: %w", k.id, err)
	}
	for _, table := range wide {
		drawn, err := r.renderAt(termKey{table.width, k.style}, table.md)
		if err != nil {
			return "", fmt.Errorf("rendering article %d: %w", k.id, err)
		}
		out = putTable(out, table.spot, drawn)
	}
	out = keepStyles(strings.Trim(out, "\n"))
	r.put(k, out)
	return out, nil
}

// renderAt renders md with glamour at the width and in the style of k.
// A renderer busy with another article (a long one, say) is not waited
// for: this one gets a renderer of its own.
func (r *renderer) renderAt(k termKey, md string) (string, error) {
	t, err := r.term(k)
	if err != nil {
		return "", err
	}
	if t.mu.TryLock() {
		defer t.mu.Unlock()
	} else if t, err = newTermRenderer(k); err != nil {
		return "", err
	}
	return t.render(md)
}

// prepare builds the glamour renderer for a width and style ahead of the
// first article, so opening it does not pay for the construction.
func (r *renderer) prepare(width int, style string) error {
	_, err := r.term(termKey{width, style})
	return err
}

func (r *renderer) term(k termKey) (*termRenderer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.terms[k]; ok {
		return t, nil
	}
	if len(r.terms) >= maxTermRenderers {
		// Any one will do: a render in flight keeps its own pointer.
		for old := range r.terms {
			delete(r.terms, old)
			break
		}
	}
	t, err := newTermRenderer(k)
	if err != nil {
		return nil, err
	}
	r.terms[k] = t
	return t, nil
}

func newTermRenderer(k termKey) (*termRenderer, error) {
	cfg, bar, err := glamourStyleConfig(k.style)
	if err != nil {
		return nil, err
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(k.width),
		glamour.WithPreservedNewLines(), // hard breaks; soft ones are joined first (joinSoftBreaks)
		// A link in a table as outside one, not as a number of the
		// table's own; the reader draws them as their text, show with
		// their addresses (layTables).
		glamour.WithInlineTableLinks(true),
	)
	if err != nil {
		return nil, fmt.Errorf("glamour style %q: %w", k.style, err)
	}
	margin := 0
	if m := cfg.Document.Margin; m != nil {
		margin = int(*m)
	}
	return &termRenderer{tr: tr, bar: bar, margin: margin}, nil
}

func (r *renderer) put(k renderKey, out string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.cache[k]; ok {
		c := e.Value.(*cached)
		r.bytes += len(out) - c.size
		c.out, c.layout, c.size = out, nil, len(out)
		r.recent.MoveToFront(e)
	} else {
		r.cache[k] = r.recent.PushFront(&cached{key: k, out: out, size: len(out)})
		r.bytes += len(out)
	}
	r.evict()
}

// evict drops the least recently used renderings beyond the budget.
func (r *renderer) evict() {
	for r.recent.Len() > 1 && (r.recent.Len() > r.cacheSize || r.bytes > r.cacheBytes) {
		last := r.recent.Back()
		c := last.Value.(*cached)
		r.recent.Remove(last)
		delete(r.cache, c.key)
		r.bytes -= c.size
	}
}

// cleanMarkdown makes an untrusted Markdown body safe to hand to glamour:
// no raw control characters or escape sequences, no numeric character
// references that glamour would decode into control characters (those in
// code blocks, which it shows as written, stay: feeds.CleanMarkdown, once
// more on what glamour is given, as the steps before may move lines in or
// out of a code block), and nothing
// that would keep glamour busy for minutes (see tameMarkdown); Obsidian's
// wikilinks and callouts as plain Markdown (obsidianMarkdown); superscripts
// and subscripts written in HTML as such (rawScripts); its soft line breaks
// joined, so that glamour keeps only the hard ones; its
// emoji sequences and clusters written so that the line glamour lays out is
// as wide on the terminal (displayText); and its tabs as the spaces up to
// the next tab stop (expandTabs).
func cleanMarkdown(body string) string {
	return feeds.CleanMarkdown(expandTabs(displayText(joinSoftBreaks(rawScripts(obsidianMarkdown(tameMarkdown(body)))))))
}

// Glamour's time and memory grow steeply with nesting (rendernest.go) and
// with length: with the lines it lays out, each padded to the width (a megabyte
// of short paragraphs renders to 80 MB in 10 s; lines of code, table rows
// and hard line breaks cost more each). So the reader renders at most
// maxRenderBytes of an article, and of that at most maxRenderLines lines as
// glamour is given them, a paragraph's hand-wrapped lines joined into one
// (renderCut), and at most maxNesting levels of quotes and lists.
const (
	maxRenderBytes = 512 << 10
	maxRenderLines = 5000
	maxNesting     = 8
)

// tameMarkdown cuts body where renderCut says, saying so, cleans it of
// control characters and bidirectional marks, and then flattens quotes and
// lists nested deeper than maxNesting, and further when there are too many
// of them (boundNesting), and link brackets open too many at once
// (tameBrackets): after the cleaning, so that what it removes cannot join
// marks into a deeper line. Footnotes, which glamour cannot read, are
// written as they are shown (anchor.Footnotes), and blocks of HTML as
// paragraphs of their text (anchor.HTMLBlocks): before the cleaning, which
// so cleans what their character references stand for too.
func tameMarkdown(body string) string {
	cut := ""
	if end, byLines := renderCut(body); end < len(body) {
		why := fmt.Sprintf("it is %s long, more than the reader renders (%d KB)", byteSize(len(body)), maxRenderBytes>>10)
		if byLines {
			why = fmt.Sprintf("it is %s long and shows more than %s lines (paragraphs, list items, "+
				"table rows, lines of code), more than the reader renders", byteSize(len(body)), thousands(maxRenderLines))
		}
		cut = "\n\n---\n\n*" + cutNoticeStart + why + ".*\n"
		body = closeFence(strings.ToValidUTF8(body[:end], ""))
	}
	return anchor.Footnotes(tameBrackets(boundNesting(flattenLines(feeds.StripBidi(feeds.CleanMarkdown(anchor.HTMLBlocks(body))))))) + cut
}

// cutNoticeStart begins the line that ends an article the reader cuts.
const cutNoticeStart = "The article is cut here: "

// byteSize is a size for people: 812 KB, 50.0 MB.
func byteSize(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// plainPreview bounds the plain text shown while a body renders: it is
// prepared inside Update, so its cost must not grow with the article.
const plainPreview = 32 << 10

// plainBody is what the reader shows until the rendering arrives: the
// start of a text (the article's plain text, a note's Markdown) cleaned
// and wrapped.
func plainBody(body string, width int) string {
	if len(body) > plainPreview {
		body = strings.ToValidUTF8(body[:plainPreview], "") + "…"
	}
	return ansi.Wordwrap(expandTextTabs(displayText(feeds.StripBidi(feeds.CleanText(body)))), max(width-4, 10), "")
}

// RenderMarkdown renders Markdown for printing outside the TUI (tidings
// show), cleaned and filtered as in the reader, its relative links made
// absolute against link, the article's, and its links in tables drawn
// with their addresses, as show has no list of links (L). theme is "auto"
// (ask the terminal on stdin/stdout), "dark" or "light"; noColor renders
// without colour. width is the terminal's width.
func RenderMarkdown(md, link string, width int, theme string, noColor bool) (string, error) {
	md = absoluteLinks(md, link)
	th, err := parseTheme(theme)
	if err != nil {
		return "", err
	}
	isDark := th != themeLight
	if th == themeAuto && !noColor {
		isDark = lipgloss.HasDarkBackground(os.Stdin, os.Stdout)
	}
	out, err := newRenderer().render(renderKey{width: wrapWidth(width), room: tableRoom(width), addresses: true, style: glamourStyle(isDark, noColor)}, md)
	if err != nil {
		return "", err
	}
	return out + "\n", nil // a line of its own for the shell's prompt
}
