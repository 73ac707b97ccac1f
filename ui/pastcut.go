package ui

import (
	"strings"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// An article longer than the reader renders (renderCut) is cut; a passage
// note past the cut is not lost: it is listed under the body, with the
// notes on the whole article, its passage quoted and a word that the
// reader cut the article before it.

// cutPassage is a passage note found in the article's text, as the
// rendering command needs it to list the note under the body.
type cutPassage struct {
	id              int64
	start           int // where the passage starts in the plain text
	created, edited time.Time
	note, quote     string
}

// cutPassages are the notes whose passages the reader found in the text.
func cutPassages(notes []placedNote) []cutPassage {
	var out []cutPassage
	for _, n := range notes {
		if n.placed {
			out = append(out, cutPassage{id: n.ID, start: n.start, created: n.Created, edited: n.Updated, note: n.Note, quote: n.Quote})
		}
	}
	return out
}

// renderReader renders the reader's view of an article body with glamour,
// d drawn over it and the passage notes past a cut listed under the body.
func renderReader(r *renderer, k renderKey, body, text string, d *decoration, notes []cutPassage, st *styles) tea.Cmd {
	return func() tea.Msg {
		v, err := r.view(k, body, text, d, notes, st)
		return renderedMsg{key: k, view: v, err: err}
	}
}

// pastCut returns d with the passages of notes that start at or after at,
// where the rendering ends in the plain text, listed under the body instead
// of drawn on it: first, in the order of the text, as [ and ] reach them.
func pastCut(d *decoration, notes []cutPassage, at int) *decoration {
	byID := make(map[int64]cutPassage, len(notes))
	for _, n := range notes {
		if n.start >= at {
			byID[n.id] = n
		}
	}
	if len(byID) == 0 {
		return d
	}
	out := *d
	out.marks = make([]passageMark, 0, len(d.marks))
	var past []sectionNote
	for _, mk := range d.marks {
		n, ok := byID[mk.id]
		if mk.id == 0 || !ok {
			out.marks = append(out.marks, mk)
			continue
		}
		past = append(past, sectionNote{id: n.id, created: n.created, edited: n.edited,
			note: pastCutNote(n.quote, n.note), quote: n.quote, current: mk.kind == markCurrent})
		if out.inline != nil && out.inline.id == n.id {
			out.inline = nil
		}
	}
	out.section = append(past, d.section...)
	return &out
}

// maxCutQuote bounds the quote of a passage past the cut, in runes.
const maxCutQuote = 300

// pastCutNote is the Markdown listed under the body for a note on a passage
// past the cut: the word that it is, the passage, and the note.
func pastCutNote(quote, note string) string {
	q := strings.Join(strings.Fields(quote), " ")
	if utf8.RuneCountInString(q) > maxCutQuote {
		q = string([]rune(q)[:maxCutQuote]) + "…"
	}
	md := "*The reader cuts the article before this passage:*\n\n> " + escapeMarkdown(q)
	if strings.TrimSpace(note) != "" {
		md += "\n\n" + note
	}
	return md
}

// escapeMarkdown writes s so that Markdown reads it as the text it is.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf && strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
