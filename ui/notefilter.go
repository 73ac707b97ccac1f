package ui

import (
	"context"

	"tidings/store"
	"tidings/store/query"
)

// The annotation browser's filter lists notes, not articles: those that
// have the query's words themselves, in the note or in its passage, matched
// as the library matches words (query.MatchPhrase: case and diacritics
// folded, prefixes, phrases). tag:, source:, feed:, title:, is: and dates
// are about articles: the library finds the articles they match
// (Store.AllAnnotations), whose notes are listed. A part of the query that
// mixes the two (ukraine OR tag:eu) is read at the article's level alone.
// A word left out (-word) leaves out the notes that have it, not their
// articles.

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

// notesMatching lists the notes a query finds: those of the articles its
// other terms match (articleQuery) that have its words (noteFilter), newest
// first, at most limit. The words are looked for in the notes alone, here,
// not in the library's index first: what the library would find (the
// articles with a word anywhere, and, for the word being typed, with any
// word it begins, which FTS5 finds by merging the lists of them all) costs
// as much as the library is large and the words common, and chooses no
// note that the words themselves do not (a note with a word is on an
// article with it, in the note or the passage). Reading every note costs
// what the notes cost, whatever the library's size and the words typed.
func notesMatching(ctx context.Context, lib Library, q string, limit int) ([]store.AnnotationRow, noteFilter, error) {
	f := newNoteFilter(q)
	aq := articleQuery(q)
	if len(f) == 0 {
		rows, err := lib.AllAnnotations(ctx, aq, limit)
		return rows, f, err
	}
	rows, err := lib.AllAnnotations(ctx, aq, 0)
	if err != nil {
		return nil, f, err
	}
	kept := narrow(rows, f)
	return kept[:min(len(kept), limit)], f, nil
}

// articleQuery is the query q asks the library, for the articles whose
// notes may match it: q without its words-only terms, which the notes are
// checked for (noteFilter). Terms about articles (tag:, source:, title:, a
// part mixing words and fields) stay as they are.
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
	for _, t := range terms {
		if !wordsOnly(t) {
			kept = append(kept, t)
		}
	}
	switch {
	case len(kept) == len(terms):
		return q
	case len(kept) == 0:
		return ""
	case len(kept) == 1:
		return kept[0].String()
	}
	return query.Node{Kind: query.And, Kids: kept}.String()
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
