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

// renderedCacheSize is how many rendered bodies are kept: enough for going
// back and forth between neighbouring articles and for a resize and back.
const renderedCacheSize = 32

// renderKey identifies one rendering of one article body.
type renderKey struct {
	id    int64
	width int    // the glamour wrap width
	style string // glamour style name
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
// time, and one is built per (width, style) and kept, because building one
// costs more than rendering a typical article.
type renderer struct {
	mu        sync.Mutex
	terms     map[termKey]*termRenderer
	cache     map[renderKey]*list.Element // of *cached
	recent    *list.List                  // most recently used first
	cacheSize int
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
	key renderKey
	out string
}

func newRenderer() *renderer {
	return &renderer{
		terms:     make(map[termKey]*termRenderer),
		cache:     make(map[renderKey]*list.Element),
		recent:    list.New(),
		cacheSize: renderedCacheSize,
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
	t, err := r.term(termKey{k.width, k.style})
	if err != nil {
		return "", err
	}
	t.mu.Lock()
	out, err := t.tr.Render(cleanMarkdown(body))
	t.mu.Unlock()
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
	tr, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(k.style),
		glamour.WithWordWrap(k.width),
	)
	if err != nil {
		return nil, fmt.Errorf("glamour style %q: %w", k.style, err)
	}
	t := &termRenderer{tr: tr}
	r.terms[k] = t
	return t, nil
}

func (r *renderer) put(k renderKey, out string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.cache[k]; ok {
		e.Value.(*cached).out = out
		r.recent.MoveToFront(e)
		return
	}
	r.cache[k] = r.recent.PushFront(&cached{key: k, out: out})
	for r.recent.Len() > r.cacheSize {
		last := r.recent.Back()
		r.recent.Remove(last)
		delete(r.cache, last.Value.(*cached).key)
	}
}

// cleanMarkdown makes an untrusted Markdown body safe to hand to glamour:
// no raw control characters or escape sequences, and no numeric character
// references that glamour would decode into control characters.
func cleanMarkdown(body string) string {
	return feeds.CleanText(body)
}

// plainBody is what the reader shows until the rendering arrives: the
// cleaned Markdown source, wrapped.
func plainBody(body string, width int) string {
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
