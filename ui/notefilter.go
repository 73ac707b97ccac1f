package ui

import (
	"context"

	"tidings/store"
	"tidings/store/query"
)

// The annotation browser's filter lists notes, not articles. The library
// finds the articles a query matches (Store.AllAnnotations: its words in
// the title, body or notes, its tags, sources, states and dates); of their
// notes, the browser keeps those that have the query's words themselves, in
// the note or in its passage, matched as the library matches words
// (query.MatchPhrase: case and diacritics folded, prefixes, phrases).
// tag:, source:, feed:, title:, is: and dates are about articles: they pick
// the articles whose notes are listed. A part of the query that mixes the
// two (ukraine OR tag:eu) is read at the article's level alone. A word
// left out (-word) leaves out the notes that have it, not their articles:
// the library is asked for the articles without it (articleQuery).

// noteFilter is what each note the browser lists must match: the terms of
// a query, joined by AND, that are words only (words, phrases, prefixes,
// and -, OR and groups over them). None: every note of the articles found.
type noteFilter []query.Node

// newNoteFilter reads what each note must match from the query q, which
// has parsed already (the library answered it).
func newNoteFilter(q string) noteFilter {
	n, err := query.Parse(q)
	if err != nil {
		return nil
	}
	terms := []query.Node{n}
	if n.Kind == query.And {
		terms = n.Kids
	}
	var f noteFilter
	for _, t := range terms {
		if wordsOnly(t) {
			f = append(f, t)
		}
	}
	return f
}

// wordsOnly reports whether n is made of words alone, no field or state.
func wordsOnly(n query.Node) bool {
	switch n.Kind {
	case query.Text:
		return n.Field == ""
	case query.And, query.Or, query.Not:
		for _, k := range n.Kids {
			if !wordsOnly(k) {
				return false
			}
		}
		return true
	}
	return false
}

// keeps reports whether the note r matches every term of f.
func (f noteFilter) keeps(r store.AnnotationRow) bool {
	for _, n := range f {
		if !noteMatches(n, r) {
			return false
		}
	}
	return true
}

// noteMatches reports whether the note r, or its passage, matches the
// words-only term n.
func noteMatches(n query.Node, r store.AnnotationRow) bool {
	switch n.Kind {
	case query.And:
		for _, k := range n.Kids {
			if !noteMatches(k, r) {
				return false
			}
		}
		return true
	case query.Or:
		for _, k := range n.Kids {
			if noteMatches(k, r) {
				return true
			}
		}
		return false
	case query.Not:
		return !noteMatches(n.Kids[0], r)
	case query.Text:
		terms := query.Terms(n)
		if len(terms) == 0 {
			return true // only punctuation, which matches everything
		}
		return query.MatchPhrase(store.ShownText(r.Note), terms[0]) || query.MatchPhrase(r.Quote, terms[0])
	}
	return true
}

// terms are the words, phrases and prefixes the listed notes were kept
// for, to highlight them.
func (f noteFilter) terms() []string {
	if len(f) == 0 {
		return nil
	}
	return query.Terms(query.Node{Kind: query.And, Kids: f})
}

// notesMatching lists the notes a query finds: those of the articles it
// matches that have its words (noteFilter), newest first, at most limit.
// When the library's first limit notes were not enough, the rest of them
// are read too: the notes kept are the newest of all that match.
func notesMatching(ctx context.Context, lib Library, q string, limit int) ([]store.AnnotationRow, noteFilter, error) {
	f := newNoteFilter(q)
	aq := articleQuery(q)
	rows, err := lib.AllAnnotations(ctx, aq, limit)
	if err != nil || len(f) == 0 {
		return rows, f, err
	}
	kept := narrow(rows, f)
	if len(rows) == limit && len(kept) < limit {
		if rows, err = lib.AllAnnotations(ctx, aq, 0); err != nil {
			return nil, f, err
		}
		kept = narrow(rows, f)
	}
	return kept[:min(len(kept), limit)], f, nil
}

// articleQuery is the query q asks the library, for the articles whose notes
// may match it: q with the words it leaves out taken out of its words-only
// terms. An article with a word may have notes without it, which -word
// lists; a note with a word is on an article with it (in the note or the
// passage), so the words it asks for still choose the articles. Terms
// about articles (tag:, source:, a part mixing both) stay as they are.
func articleQuery(q string) string {
	n, err := query.Parse(q)
	if err != nil {
		return q // the library says why
	}
	terms := []query.Node{n}
	if n.Kind == query.And {
		terms = n.Kids
	}
	kept := make([]query.Node, 0, len(terms))
	changed := false
	for _, t := range terms {
		if !wordsOnly(t) {
			kept = append(kept, t)
			continue
		}
		w, ok := withoutNegations(t)
		if ok {
			kept = append(kept, w)
		}
		changed = changed || !ok || w.String() != t.String()
	}
	switch {
	case !changed:
		return q
	case len(kept) == 0:
		return ""
	case len(kept) == 1:
		return kept[0].String()
	}
	return query.Node{Kind: query.And, Kids: kept}.String()
}

// withoutNegations is the words-only term n with its negations taken out
// (read as matching everything): what every note matching n has, at least.
// It reports false when nothing is left that a note must have.
func withoutNegations(n query.Node) (query.Node, bool) {
	switch n.Kind {
	case query.Not:
		return query.Node{}, false
	case query.And:
		var kids []query.Node
		for _, k := range n.Kids {
			if w, ok := withoutNegations(k); ok {
				kids = append(kids, w)
			}
		}
		switch len(kids) {
		case 0:
			return query.Node{}, false
		case 1:
			return kids[0], true
		}
		return query.Node{Kind: query.And, Kids: kids}, true
	case query.Or:
		kids := make([]query.Node, 0, len(n.Kids))
		for _, k := range n.Kids {
			w, ok := withoutNegations(k)
			if !ok {
				return query.Node{}, false // this side may match anything
			}
			kids = append(kids, w)
		}
		return query.Node{Kind: query.Or, Kids: kids}, true
	}
	return n, true
}

// narrow keeps the rows f keeps, in their order.
func narrow(rows []store.AnnotationRow, f noteFilter) []store.AnnotationRow {
	kept := make([]store.AnnotationRow, 0, len(rows))
	for _, r := range rows {
		if f.keeps(r) {
			kept = append(kept, r)
		}
	}
	return kept
}
