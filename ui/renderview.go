package ui

import "strings"

// The reader shows a bodyView: glamour's rendering of the body, the
// filter's words highlighted, the passages and notes drawn over it, and
// where the plain text's words are in it. The plain rendering and its
// layout are cached; the rest is drawn again when it changes.

// maxRenderedNotes bounds the cache of rendered notes.
const maxRenderedNotes = 512

type noteKey struct {
	termKey
	md string
}

// plainKey is the rendering glamour makes for k: without the filter's
// words and the decoration.
func (k renderKey) plainKey() renderKey {
	k.terms, k.match, k.deco = "", "", 0
	return k
}

// layout returns the layout of out, the plain rendering k of an article
// whose plain text is text; it is kept with the rendering.
func (r *renderer) layout(k renderKey, out, text string) *bodyLayout {
	r.mu.Lock()
	if e, ok := r.cache[k]; ok {
		if c := e.Value.(*cached); c.layout != nil && c.layout.text == text {
			r.mu.Unlock()
			return c.layout
		}
	}
	r.mu.Unlock()
	l := newBodyLayout(out, text)
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.cache[k]; ok {
		if c := e.Value.(*cached); c.out == out {
			r.bytes -= c.size
			c.layout, c.size = l, len(out)+l.size()
			r.bytes += c.size
			r.evict()
		}
	}
	return l
}

// cachedView returns the view for k from the cache, when k is not
// decorated and the rendering and its layout are there.
func (r *renderer) cachedView(k renderKey, text string) (bodyView, bool) {
	if k.deco != 0 {
		return bodyView{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.cache[k]
	if !ok {
		return bodyView{}, false
	}
	v := bodyView{out: e.Value.(*cached).out, focus: [2]int{-1, -1}}
	if text != "" {
		p, ok := r.cache[k.plainKey()]
		if !ok {
			return bodyView{}, false
		}
		l := p.Value.(*cached).layout
		if l == nil || l.text != text {
			return bodyView{}, false
		}
		v.linePlain = l.linePlain
		r.recent.MoveToFront(p)
	}
	r.recent.MoveToFront(e)
	return v, true
}

// view renders an article's body for k, decorated with d (nil for none);
// text is the body's plain text. The passages d draws are those of notes: a
// passage past where the rendering is cut is listed under the body instead,
// saying so (pastCut). It is slow: call it from a tea.Cmd.
func (r *renderer) view(k renderKey, body, text string, d *decoration, notes []cutPassage, st *styles) (bodyView, error) {
	pk := k.plainKey()
	out, err := r.render(pk, body)
	if err != nil {
		return bodyView{}, err
	}
	var l *bodyLayout
	if text != "" {
		l = r.layout(pk, out, text)
	}
	if d != nil && l != nil && len(notes) > 0 {
		if at := r.renderedEnd(pk, body, l); at >= 0 {
			d = pastCut(d, notes, at)
		}
	}
	v := bodyView{out: out, focus: [2]int{-1, -1}}
	switch {
	case d != nil && l != nil:
		v = decorate(out, l, d, k.width, st, func(md string, width int) string {
			return r.renderNote(termKey{width, k.style}, md)
		})
	case l != nil:
		v.linePlain = l.linePlain
	}
	if k.terms != "" {
		if k.deco == 0 {
			// Cached as before: a filter's words over the plain rendering.
			if v.out, err = r.render(k, body); err != nil {
				return bodyView{}, err
			}
		} else {
			v.out = highlightRendered(v.out, strings.Split(k.terms, "\x00"), k.match)
		}
	}
	return v, nil
}

// renderNote renders a note's Markdown as a body is rendered, with the
// width and style of k.
func (r *renderer) renderNote(k termKey, md string) string {
	nk := noteKey{k, md}
	r.mu.Lock()
	out, ok := r.notes[nk]
	r.mu.Unlock()
	if ok {
		return out
	}
	t, err := r.term(nk.termKey)
	if err != nil {
		return ""
	}
	tr := t
	if t.mu.TryLock() {
		defer t.mu.Unlock()
	} else if tr, err = newTermRenderer(nk.termKey); err != nil {
		return ""
	}
	rendered, err := tr.render(cleanMarkdown(md))
	if err != nil {
		rendered = plainBody(md, k.width)
	}
	out = keepStyles(strings.Trim(rendered, "\n"))
	r.mu.Lock()
	if len(r.notes) >= maxRenderedNotes {
		clear(r.notes)
	}
	r.notes[nk] = out
	r.mu.Unlock()
	return out
}

// renderedEnd is where the rendering pk of body, laid out in l, ends in the
// plain text when the reader cut the body (renderCut): the end of the last
// word it shows; -1 when it shows the whole body.
func (r *renderer) renderedEnd(pk renderKey, body string, l *bodyLayout) int {
	r.mu.Lock()
	at, ok := r.cuts[pk]
	r.mu.Unlock()
	if ok {
		return at
	}
	at = -1
	if isCut(body) {
		at = 0
		for i := len(l.words) - 1; i >= 0; i-- {
			if l.words[i].n > 0 {
				at = int(l.words[i].end)
				break
			}
		}
	}
	r.mu.Lock()
	if len(r.cuts) >= renderedCacheSize {
		clear(r.cuts)
	}
	r.cuts[pk] = at
	r.mu.Unlock()
	return at
}
