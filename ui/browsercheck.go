package ui

import (
	"cmp"
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"tidings/store"
	"tidings/store/anchor"
)

// The browser says a passage is no longer in its article when the reader
// would: it looks for the passages of the notes on and around its screen in
// their articles' text, as the reader does on opening one, rather than
// trusting the library's mark alone. The library marks a note orphaned when
// a change of the article's text loses its passage, or when it is written
// on a passage already gone; a note imported with an article, as from an
// export of another library, arrives unmarked whatever its passage.

// checkMargin is how many notes before and after those on the screen are
// looked for too, so that a screen grown taller or moved by the mouse
// wheel finds them looked for already.
const checkMargin = 100

// passageCheck is whether a note's passage was found in its article's text,
// for the selector it was looked for with.
type passageCheck struct {
	sel   anchor.Selector
	found bool
	done  bool // false while it is being looked for
}

// passagesCheckedMsg carries what findPassages found, by note.
type passagesCheckedMsg struct {
	checks map[int64]passageCheck
}

// selectorOf is a passage note's selector.
func selectorOf(a store.Annotation) anchor.Selector {
	return anchor.Selector{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix}
}

// orphaned reports whether the browser shows the note r as on a passage no
// longer in its article: as its article's text was found to have it, else
// (not looked for yet) as the library marks it.
func (b browserModel) orphaned(r store.AnnotationRow) bool {
	if r.Quote == "" {
		return false
	}
	if c, ok := b.checks[r.ID]; ok && c.done && c.sel == selectorOf(r.Annotation) {
		return !c.found
	}
	return r.Orphaned
}

// checkPassages looks for the passages of the notes on the browser's screen
// and around it that have not been looked for with their selector yet.
func (m *Model) checkPassages() tea.Cmd {
	b := &m.browser
	if len(b.rows) == 0 {
		return nil
	}
	if b.checks == nil {
		b.checks = map[int64]passageCheck{}
	}
	lo := max(b.offset-checkMargin, 0)
	hi := min(b.offset+m.browserItems()+checkMargin, len(b.rows))
	var todo []store.Annotation
	for _, r := range b.rows[lo:hi] {
		if r.Quote == "" {
			continue
		}
		sel := selectorOf(r.Annotation)
		if c, ok := b.checks[r.ID]; ok && c.sel == sel {
			continue
		}
		b.checks[r.ID] = passageCheck{sel: sel}
		todo = append(todo, r.Annotation)
	}
	if len(todo) == 0 {
		return nil
	}
	return findPassages(m.ctx, m.lib, todo)
}

// handlePassagesChecked takes what findPassages found.
func (m *Model) handlePassagesChecked(msg passagesCheckedMsg) {
	if m.browser.checks == nil {
		m.browser.checks = map[int64]passageCheck{}
	}
	for id, c := range msg.checks {
		m.browser.checks[id] = c
	}
}

// findPassages looks for each note's passage in its article's plain text,
// as the reader finds it (placeNotes); an article it cannot read leaves its
// notes as the library marks them.
func findPassages(ctx context.Context, lib Library, notes []store.Annotation) tea.Cmd {
	return func() tea.Msg {
		slices.SortStableFunc(notes, func(a, b store.Annotation) int { return cmp.Compare(a.ArticleID, b.ArticleID) })
		out := make(map[int64]passageCheck, len(notes))
		var text string
		var readErr error
		textOf := int64(-1)
		for _, n := range notes {
			if n.ArticleID != textOf {
				textOf = n.ArticleID
				a, err := lib.Article(ctx, n.ArticleID)
				text, readErr = anchor.PlainText(a.Body), err
			}
			c := passageCheck{sel: selectorOf(n), found: !n.Orphaned, done: true}
			if readErr == nil {
				_, _, c.found = anchor.Find(text, c.sel)
			}
			out[n.ID] = c
		}
		return passagesCheckedMsg{checks: out}
	}
}
