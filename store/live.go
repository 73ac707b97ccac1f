package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The live filter matches the word being typed, at the end of the query, as
// a prefix. FTS5 answers "wor"* by merging the doclists of every term that
// starts with "wor", which for a common start ("the", "tha") in a million
// articles takes the better part of a second, and article_fts has no prefix
// index, which would slow every import by a third (docs/STORE.md). So a live
// page is found the other way round first: the newest articles matching the
// rest of the query are checked in Go for a word with that prefix, which is
// quick exactly when the prefix is common; only when that finds too few does
// FTS5 merge the doclists, which is quick exactly when the prefix is rare.

// minLivePrefix is the length, in letters or digits, from which the live
// filter uses the word being typed. Shorter prefixes match nearly every
// article; counting them would merge the doclists of thousands of terms.
const minLivePrefix = 3

// liveCandidates is how many articles matching the rest of a live query are
// checked for the prefix before FTS5 is asked to merge its doclists.
var liveCandidates = 1000

// openWord splits a live query into the query before the word being typed
// and that word: letters or digits at the very end, after a space, an
// opening parenthesis or the start, and outside a quoted phrase. ok is false
// when the query does not end in such a word; negated when a - precedes it.
func openWord(q string) (rest, word string, negated, ok bool) {
	start := len(q)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(q[:start])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			break
		}
		start -= size
	}
	if start == len(q) || (strings.Count(q, `"`)-strings.Count(q, `\"`))%2 == 1 {
		return q, "", false, false
	}
	rest = q[:start]
	if strings.HasSuffix(rest, "-") {
		rest, negated = rest[:len(rest)-1], true
	}
	if rest != "" && !unicode.IsSpace(rune(rest[len(rest)-1])) && !strings.HasSuffix(rest, "(") {
		return q, "", false, false // part of a field, like tag:ta, or a punctuated word
	}
	return rest, q[start:], negated, true
}

// withoutShortOpenWord drops the word being typed at the end of a live query
// while it is shorter than minLivePrefix: "ukraine ta" filters by ukraine
// until a third letter makes "tau" a prefix worth matching.
func withoutShortOpenWord(q string) string {
	rest, word, _, ok := openWord(q)
	if !ok || utf8.RuneCountInString(word) >= minLivePrefix {
		return q
	}
	return rest
}

// livePage reads a page of a live query whose last word is a prefix by
// checking the newest candidates in Go. It returns ok false when the query
// is not of that shape, or when the prefix is too rare among the candidates
// for this to be the quick way.
func (s *Store) livePage(ctx context.Context, req PageRequest) (page []Row, ok bool, err error) {
	rest, word, negated, found := openWord(req.Query)
	if !found || negated || utf8.RuneCountInString(word) < minLivePrefix || strings.ContainsAny(rest, `()`) ||
		slices.Contains(strings.Fields(rest), "OR") {
		// The word is not simply ANDed with the rest: leave it to FTS5.
		return nil, false, nil
	}
	c, err := compile(rest, false)
	if err != nil {
		return nil, false, nil // the normal path reports it
	}
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	if limit > liveCandidates {
		return nil, false, nil // more than a look at the newest can give
	}
	cand := req
	cand.Limit = liveCandidates
	q, args, ascending := pageSQL(c, cand, "a.id, a.sort_key, a.title, a.body")
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	prefix := word + "*"
	var hits, misses []int64
	seen := 0
	for rows.Next() && len(hits) < limit {
		var id, key int64
		var title, body string
		if err := rows.Scan(&id, &key, &title, &body); err != nil {
			return nil, false, err
		}
		seen++
		if matchPhrase(title, prefix) || matchPhrase(body, prefix) {
			hits = append(hits, id)
		} else {
			misses = append(misses, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	rows.Close()
	exhausted := seen < liveCandidates && len(hits) < limit
	if len(hits) < limit && !exhausted {
		return nil, false, nil // a rare prefix: FTS5's merge is the quick way
	}
	// Notes are words of their article too; few articles have any.
	more, err := s.notesMatching(ctx, misses, prefix)
	if err != nil {
		return nil, false, err
	}
	hits = append(hits, more...)
	page, err = s.rowsByID(ctx, hits)
	if err != nil {
		return nil, false, err
	}
	slices.SortFunc(page, func(a, b Row) int { return cmp.Compare(b.SortKey, a.SortKey) })
	if len(page) > limit {
		if ascending {
			page = page[len(page)-limit:] // the oldest rows: reading went upwards
		} else {
			page = page[:limit]
		}
	}
	return page, true, nil
}

// notesMatching returns those of ids whose annotation notes have a word
// matching the phrase.
func (s *Store) notesMatching(ctx context.Context, ids []int64, phrase string) ([]int64, error) {
	var out []int64
	for i := 0; i < len(ids); i += 500 {
		part := ids[i:min(i+500, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT article_id, note FROM annotations
			WHERE note <> '' AND article_id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var note string
			if err := rows.Scan(&id, &note); err != nil {
				rows.Close()
				return nil, err
			}
			if matchPhrase(note, phrase) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rowsByID reads the list rows of the given articles, in no order.
func (s *Store) rowsByID(ctx context.Context, ids []int64) ([]Row, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return s.rows(ctx, "SELECT "+rowColumns+" FROM articles a WHERE a.id IN ("+placeholders(len(ids))+")", args...)
}
