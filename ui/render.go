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
	width int    // the glamour wrap width
	style string // glamour style name
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

// renderer renders article bodies with glamour. It is shared by the model
// and the commands that render off the event loop, so it locks: glamour's
// TermRenderer keeps state while rendering, so each one renders one body at a
// time. One is built per (width, style) and kept, so that a render does not
// build goldmark and the style again; a render that finds it busy builds a
// spare rather than wait.
type renderer struct {
	mu         sync.Mutex
	notes      map[noteKey]string // rendered notes
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
	mu sync.Mutex
	tr *glamour.TermRenderer
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
	tr := t.tr
	if t.mu.TryLock() {
		defer t.mu.Unlock()
	} else if tr, err = newTermRenderer(termKey{k.width, k.style}); err != nil {
		// Busy with another article (a long one, say): this one does not
		// wait for it, it gets a renderer of its own.
		return "", err
	}
	out, err := tr.Render(cleanMarkdown(body))
	if err != nil {
		return "", fmt.Errorf("rendering article %d: %w", k.id, err)
	}
	out = keepStyles(strings.Trim(out, "\n"))
	r.put(k, out)
	return out, nil
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
	tr, err := newTermRenderer(k)
	if err != nil {
		return nil, err
	}
	t := &termRenderer{tr: tr}
	r.terms[k] = t
	return t, nil
}

func newTermRenderer(k termKey) (*glamour.TermRenderer, error) {
	tr, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(k.style),
		glamour.WithWordWrap(k.width),
	)
	if err != nil {
		return nil, fmt.Errorf("glamour style %q: %w", k.style, err)
	}
	return tr, nil
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
// no raw control characters or escape sequences, and no numeric character
// references that glamour would decode into control characters.
func cleanMarkdown(body string) string {
	return feeds.CleanText(body)
}

// plainPreview bounds the plain text shown while a body renders: it is
// prepared inside Update, so its cost must not grow with the article.
const plainPreview = 32 << 10

// plainBody is what the reader shows until the rendering arrives: the
// start of the cleaned Markdown source, wrapped.
func plainBody(body string, width int) string {
	if len(body) > plainPreview {
		body = strings.ToValidUTF8(body[:plainPreview], "") + "…"
	}
	return ansi.Wordwrap(feeds.CleanText(body), max(width-4, 10), "")
}

// RenderMarkdown renders Markdown for printing outside the TUI (tidings
// show), cleaned and filtered as in the reader. theme is "auto" (ask the
// terminal on stdin/stdout), "dark" or "light"; noColor renders without
// colour. width is the terminal's width.
func RenderMarkdown(md string, width int, theme string, noColor bool) (string, error) {
	th, err := parseTheme(theme)
	if err != nil {
		return "", err
	}
	isDark := th != themeLight
	if th == themeAuto && !noColor {
		isDark = lipgloss.HasDarkBackground(os.Stdin, os.Stdout)
	}
	return newRenderer().render(renderKey{width: wrapWidth(width), style: glamourStyle(isDark, noColor)}, md)
}
