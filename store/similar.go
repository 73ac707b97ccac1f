package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"tidings/store/query"
)

// Tag suggestions come from the articles most like the one being tagged:
// those sharing its most distinctive words. Distinctive means rare in the
// library, which article_fts knows: how many articles match the word. The
// articles holding the rare words are ranked by the words' weight (their
// inverse document frequency, as in bm25), and the tags of the best-ranked
// articles are counted.

const (
	// similarArticles is how many of the most similar articles vote.
	similarArticles = 20
	// suggestBodyChars bounds how much of a body is read for words: the
	// start of an article says what it is about.
	suggestBodyChars = 16 << 10
	// suggestCandidates bounds the body words whose frequency is looked up.
	suggestCandidates = 40
	// suggestBudget bounds the documents the MATCH may rank: the sum of
	// the chosen words' document frequencies. Rare words come first, so
	// only the least distinctive are left out.
	suggestBudget = 20000
	// suggestMaxTerms bounds the words looked for.
	suggestMaxTerms = 16
	// minSimilarity: an article scoring less than the best one's score
	// divided by this is not counted as similar.
	minSimilarity = 4
)

// SuggestTags returns up to n tags for the article id, most likely first:
// the tags carried by the articles most similar to it, by how often they
// carry each, an article counting as much as it is alike (ties: the tag of
// the more similar article first), without the tags the article already
// has. ErrNotFound if there is no such article.
func (s *Store) SuggestTags(ctx context.Context, id int64, n int) ([]string, error) {
	if n <= 0 {
		return nil, nil
	}
	tags, err := s.suggestTags(ctx, id, n)
	if err != nil {
		return nil, fmt.Errorf("store: suggest tags for article %d: %w", id, err)
	}
	return tags, nil
}

func (s *Store) suggestTags(ctx context.Context, id int64, n int) ([]string, error) {
	// One connection for the many small statements, taken once.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()

	var sortKey int64
	var title, body string
	err = conn.QueryRowContext(ctx, `SELECT sort_key, title, substr(body, 1, ?) FROM articles WHERE id = ?`,
		suggestBodyChars, id).Scan(&sortKey, &title, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	titleWords, bodyWords := candidateWords(title, body)
	if len(titleWords)+len(bodyWords) == 0 {
		return nil, nil
	}
	var docs int64
	// The largest id is the number of articles give or take deletions:
	// unlike count(*), it is one index lookup.
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&docs); err != nil {
		return nil, err
	}
	freq, err := documentFrequencies(ctx, conn, append(slices.Clone(titleWords), bodyWords...), commonFrom(docs))
	if err != nil {
		return nil, err
	}
	terms := distinctiveTerms(titleWords, bodyWords, freq, docs)
	if len(terms) == 0 {
		return nil, nil
	}
	alike, err := similarRows(ctx, conn, terms, freq, docs, sortKey)
	if err != nil {
		return nil, err
	}
	return tagsByVotes(ctx, conn, id, alike, n)
}

// stopWords are words too common to say what an article is about, skipped
// before their document frequency is even looked up.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for that with this from have has had was were are
		been being not but its his her their they them there then than what which who whom
		whose when where why how all any both each few more most other some such only own
		same can will just should would could also into over under after before about
		above below between through during again further once here off out our ours your
		yours she him himself herself itself themselves very said says one two new year
		years last first may might must shall did does doing done upon while because until
		against among per via according told since many much even still well back like
		these those mr mrs ms der die das und ist von mit les des une est pour dans`) {
		m[w] = true
	}
	return m
}()

// candidateWords returns the title's words and the body's most frequent
// words (not the title's), folded as article_fts folds them, without stop
// words, words shorter than three characters and numbers.
func candidateWords(title, body string) (titleWords, bodyWords []string) {
	keep := func(w string) bool {
		return utf8.RuneCountInString(w) >= 3 && !stopWords[w] && strings.Trim(w, "0123456789") != ""
	}
	seen := map[string]bool{}
	for _, w := range query.Tokens(title) {
		if keep(w) && !seen[w] {
			seen[w] = true
			titleWords = append(titleWords, w)
		}
	}
	count := map[string]int{}
	var order []string
	for _, w := range query.Tokens(strings.ToValidUTF8(shownBody(body), " ")) {
		if !keep(w) || seen[w] {
			continue
		}
		if count[w] == 0 {
			order = append(order, w)
		}
		count[w]++
	}
	// Most frequent first; the first to appear first among equals.
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(count[b], count[a]) })
	return titleWords, order[:min(len(order), suggestCandidates)]
}

// documentFrequencies returns how many articles contain each word, up to
// limit: past it a word is too common to matter and counting on would only
// walk its doclist for nothing. (fts5vocab gives exact frequencies but
// walks the whole doclist, 30 ms for a word in a million articles, and
// needs a temporary table, which a read-only library cannot make.) A word
// no article contains is left out.
func documentFrequencies(ctx context.Context, conn *sql.Conn, words []string, limit int64) (map[string]int64, error) {
	stmt, err := conn.PrepareContext(ctx,
		`SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT ?)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	out := make(map[string]int64, len(words))
	for _, w := range words {
		var n int64
		if err := stmt.QueryRowContext(ctx, quoteTerm(w), limit).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			out[w] = n
		}
	}
	return out, nil
}

// quoteTerm makes a word an FTS5 string, which FTS5 never reads as syntax.
func quoteTerm(w string) string {
	return `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
}

// commonFrom is the document frequency from which a word is too common to
// look for: in more than a quarter of the articles (bm25 would give it next
// to no weight), or more than the whole budget.
func commonFrom(docs int64) int64 {
	return min(docs/4, suggestBudget) + 1
}

// distinctiveTerms picks the words to look for similar articles by: those
// that some other article has too (a word only this article has finds
// nothing) and that are not common, rarest first with title words counted
// as three times rarer, within suggestBudget.
func distinctiveTerms(titleWords, bodyWords []string, freq map[string]int64, docs int64) []string {
	type scored struct {
		word  string
		df    int64
		score float64
	}
	var cands []scored
	add := func(w string, weight float64) {
		df := freq[w]
		if df < 2 || df >= commonFrom(docs) {
			return
		}
		cands = append(cands, scored{w, df, float64(df) / weight})
	}
	for _, w := range titleWords {
		add(w, 3)
	}
	for _, w := range bodyWords {
		add(w, 1)
	}
	slices.SortStableFunc(cands, func(a, b scored) int { return cmp.Compare(a.score, b.score) })
	var terms []string
	var spent int64
	for _, c := range cands {
		if len(terms) == suggestMaxTerms || len(terms) > 0 && spent+c.df > suggestBudget {
			break
		}
		terms = append(terms, c.word)
		spent += c.df
	}
	return terms
}

// similar is an article like the one being tagged: its sort key and how
// alike the two are (larger is more alike).
type similar struct {
	key   int64
	score float64
}

// similarRows returns the articles (other than the one with sortKey) that
// best match terms, best first. An article scores each term's inverse
// document frequency, as bm25 weighs it, three times over when the term is
// in its title. bm25() itself cannot rank here: on a contentless_delete
// table with detail=column, FTS5 gives every row a bm25 of 0. The terms'
// doclists are short (suggestBudget), so reading them costs little.
func similarRows(ctx context.Context, conn *sql.Conn, terms []string, freq map[string]int64, docs, sortKey int64) ([]similar, error) {
	stmt, err := conn.PrepareContext(ctx, `SELECT rowid FROM article_fts WHERE article_fts MATCH ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	scores := map[int64]float64{}
	for _, t := range terms {
		df := float64(freq[t])
		idf := math.Log((max(float64(docs), df) - df + 0.5) / (df + 0.5))
		if idf <= 0 {
			idf = 1e-6 // as bm25 does for a word in most articles
		}
		quoted := quoteTerm(t)
		for _, q := range []struct {
			match  string
			weight float64
		}{{quoted, idf}, {"title : " + quoted, 2 * idf}} {
			rows, err := stmt.QueryContext(ctx, q.match)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var k int64
				if err := rows.Scan(&k); err != nil {
					rows.Close()
					return nil, err
				}
				scores[k] += q.weight
			}
			if err := rows.Close(); err != nil {
				return nil, err
			}
		}
	}
	delete(scores, sortKey)
	out := make([]similar, 0, len(scores))
	for k, sc := range scores {
		out = append(out, similar{k, sc})
	}
	// Newer first among equals: a deterministic order.
	slices.SortFunc(out, func(a, b similar) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.key, a.key)) })
	out = out[:min(len(out), similarArticles)]
	// An article sharing one word of many is not alike: its tags would be
	// noise under the suggestions of the articles that are.
	if len(out) > 0 {
		weakest := out[0].score / minSimilarity
		out = slices.DeleteFunc(out, func(s similar) bool { return s.score < weakest })
	}
	return out, nil
}

// tagsByVotes counts the tags of the similar articles (best first), each
// article's vote weighing as much as it is alike, and returns the n with
// the most votes that article id does not have. An article found only
// through words nearly every article has weighs next to nothing.
func tagsByVotes(ctx context.Context, conn *sql.Conn, id int64, alike []similar, n int) ([]string, error) {
	if len(alike) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(alike)+1)
	args = append(args, id)
	for _, s := range alike {
		args = append(args, s.key)
	}
	rows, err := conn.QueryContext(ctx, `SELECT a.sort_key, t.name
		FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
		WHERE at.tag_id NOT IN (SELECT tag_id FROM article_tags WHERE article_id = ?)
		AND a.sort_key IN (`+placeholders(len(alike))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	rank := make(map[int64]int, len(alike))
	for i, s := range alike {
		rank[s.key] = i
	}
	type vote struct {
		name   string
		weight float64
		best   int // the rank of the most similar article carrying it
	}
	votes := map[string]*vote{}
	for rows.Next() {
		var key int64
		var name string
		if err := rows.Scan(&key, &name); err != nil {
			return nil, err
		}
		v := votes[name]
		if v == nil {
			v = &vote{name: name, best: rank[key]}
			votes[name] = v
		}
		v.weight += alike[rank[key]].score
		v.best = min(v.best, rank[key])
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	list := make([]*vote, 0, len(votes))
	for _, v := range votes {
		list = append(list, v)
	}
	slices.SortFunc(list, func(a, b *vote) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.best, b.best), strings.Compare(a.name, b.name))
	})
	out := make([]string, 0, min(n, len(list)))
	for _, v := range list[:min(n, len(list))] {
		out = append(out, v.name)
	}
	return out, nil
}
