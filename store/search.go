package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// compiled is a query compiled to the SQL that selects its articles: through
// article_fts, newest first by rowid, when it has full-text terms, else from
// articles by sort key.
type compiled struct {
	query.SQL
	// tags are the tags the query asks an article to have (not under a
	// NOT), prefixes where the query compiles them so.
	tags []tagTerm
	// node and opt are what it was compiled from, for planWalk to compile
	// it again.
	node query.Node
	opt  query.Options
	// index is the index the articles are read by, when planState chose
	// one: a state's.
	index string
}

// tagTerm is a tag a query asks for.
type tagTerm struct {
	name   string
	prefix bool
}

// compile compiles a query; live reads it as the live filter does.
func compile(q string, live bool) (compiled, error) {
	if live {
		q = closeLive(withoutShortOpenWord(q))
	}
	n, err := query.Parse(q)
	if err == nil {
		n = withStoredForms(n)
		opt := query.Options{PrefixLast: live && !shortPunctuatedTail(q), PhraseFunc: true}
		var c query.SQL
		if c, err = query.Compile(n, opt); err == nil {
			return compiled{SQL: c, tags: wantedTags(n, opt, nil), node: n, opt: opt}, nil
		}
	}
	return compiled{}, fmt.Errorf("query %q: %w", q, err)
}

// wantedTags appends the tags n asks an article to have, outside any NOT,
// each a prefix as opt compiles it.
func wantedTags(n query.Node, opt query.Options, out []tagTerm) []tagTerm {
	switch n.Kind {
	case query.Tag:
		return append(out, tagTerm{name: n.Value, prefix: n.Prefixed(opt)})
	case query.And, query.Or:
		for _, k := range n.Kids {
			out = wantedTags(k, opt, out)
		}
	}
	return out
}

// tagIDs selects the ids of the tags t names, with one ? for tagArg(t), as
// the query package does.
func tagIDs(t tagTerm) string {
	if t.prefix {
		return `(SELECT id FROM tags WHERE folded LIKE ? ESCAPE '\')`
	}
	return `(SELECT id FROM tags WHERE folded = ?)`
}

func tagArg(t tagTerm) any {
	folded := marks.FoldTag(query.TagName(t.name))
	if t.prefix {
		return likeEscaper.Replace(folded) + "%"
	}
	return folded
}

// walkTagSize is the size from which a tag's pages walk the sort key. Pages
// of a tag are found either by collecting every article the tag names and
// sorting them, which costs the tag's size for each page (a second for a
// tag of 200,000 articles, and an export of it reads them again for every
// chunk of 256), or by walking the articles newest first and testing each,
// which costs the library's size over the tag's for each page: the better
// way once a tag is a few thousand articles, whatever the library's size.
var walkTagSize = 5000

// planWalk compiles c again with query.Options.TestTags when every tag the
// query asks for, and there is at least one, holds walkTagSize articles or
// more. Queries with words are led by FTS5 and never walk.
func (s *Store) planWalk(ctx context.Context, c *compiled) error {
	if c.Match != "" || len(c.tags) == 0 {
		return nil
	}
	for _, t := range c.tags {
		q := `SELECT 1 FROM article_tags WHERE tag_id IN ` + tagIDs(t) + ` LIMIT 1 OFFSET ?`
		var one int
		switch err := s.db.QueryRowContext(ctx, q, tagArg(t), walkTagSize-1).Scan(&one); {
		case errors.Is(err, sql.ErrNoRows):
			return nil // a small tag: its articles are soon sorted
		case err != nil:
			return err
		}
	}
	c.opt.TestTags = true
	sql, err := query.Compile(c.node, c.opt)
	if err != nil {
		return err
	}
	c.SQL = sql
	return nil
}

// A query of a tag and a state (tag:x is:unread, which M counts and marks
// in a tag's list; a rule's tag:politics is:starred) finds its articles in
// one of three ways, by the sizes of the two:
//
//   - the tag's articles, each found by id and tested for the state: each
//     costs the reading of its row, with its body (about 9 µs);
//   - the state's index, each entry tested against the list of the tag's
//     articles, built once (about 0.25 µs an entry and 0.35 µs for each
//     article of the tag);
//   - the state's index, each entry looked up in article_tags (about 1 µs
//     an entry): when the state has fewer articles than the tag, which is
//     then not worth listing (a large tag's starred articles).
//
// stateIndexRatio is how many times the tag's size the state's may be for
// its index to lead; tagProbeCap is how far a tag is counted.
const (
	stateIndexRatio = 30
	tagProbeCap     = 1 << 16
)

// stateIndexes are the partial indexes of the states, by sort key, each
// with the condition it holds and the column it holds beside the sort key.
var stateIndexes = map[string]struct{ name, cond, column string }{
	"unread":  {"articles_unread", "read_at IS NULL", "read_at"},
	"read":    {"articles_read", "read_at IS NOT NULL", "read_at"},
	"starred": {"articles_starred", "starred <> 0", "starred"},
}

// planState is c as a count or a listing of all its ids reads it best,
// when c asks, without words, for a tag and a state and for nothing its
// index does not hold: c itself when the tag's articles are the fewer;
// else c reading the state's index, and testing each article for the tag
// on article_tags' primary key (query.Options.TestTags) when the state
// has fewer articles than the tag. It counts the tag's articles and the
// state's on q, at most the tag's size times stateIndexRatio of the
// state's, each a step of an index.
func planState(ctx context.Context, q queryer, c compiled) (compiled, error) {
	state, tags := stateAndTags(c.node, c.opt, "", nil)
	if c.Match != "" || state == "" || len(tags) == 0 {
		return c, nil
	}
	idx := stateIndexes[state]
	for _, col := range c.columnsRead() {
		if !keyColumns[col] && col != idx.column {
			return c, nil // a source, another state: read from the row
		}
	}
	tagSize := tagProbeCap
	for _, t := range tags {
		var n int
		err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM article_tags WHERE tag_id IN `+tagIDs(t)+` LIMIT ?)`,
			tagArg(t), tagProbeCap).Scan(&n)
		if err != nil {
			return c, err
		}
		tagSize = min(tagSize, n)
	}
	limit := stateIndexRatio * tagSize
	var stateSize int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles INDEXED BY `+idx.name+` WHERE `+idx.cond+` LIMIT ?)`,
		limit).Scan(&stateSize)
	switch {
	case err != nil:
		return c, err
	case stateSize >= limit:
		return c, nil // the tag's articles are the fewer: they lead
	case stateSize < tagSize:
		c.opt.TestTags = true
		if c.SQL, err = query.Compile(c.node, c.opt); err != nil {
			return c, err
		}
	}
	c.index = idx.name
	return c, nil
}

// stateAndTags adds to state, when it is "", a state that n asks an
// article to be in whose index could lead, and to tags the tags it asks it
// to have, each a prefix as opt compiles it: those at the top of n, not
// under an OR or a NOT, which every article found must satisfy.
func stateAndTags(n query.Node, opt query.Options, state string, tags []tagTerm) (string, []tagTerm) {
	switch n.Kind {
	case query.And:
		for _, k := range n.Kids {
			state, tags = stateAndTags(k, opt, state, tags)
		}
	case query.Tag:
		tags = append(tags, tagTerm{name: n.Value, prefix: n.Prefixed(opt)})
	case query.Is:
		if _, ok := stateIndexes[n.Value]; ok && state == "" {
			state = n.Value
		}
	}
	return state, tags
}

// from is the FROM clause.
func (c compiled) from() string {
	switch {
	case c.Match != "" && c.onList():
		// Each FTS5 row finds its article in the list index, which holds
		// what the conditions test: the article's row, with its body, is
		// read only for those that pass.
		return "article_fts JOIN articles a INDEXED BY articles_list ON a.sort_key = article_fts.rowid"
	case c.Match != "":
		return "article_fts JOIN articles a ON a.sort_key = article_fts.rowid"
	case c.index != "":
		return "articles a INDEXED BY " + c.index
	case strings.Contains(c.Where, "a.source"):
		// A source's articles are found by walking the sort key index
		// that also holds the source, so that the articles of other
		// sources are passed over without reading them. The planner,
		// knowing no better, would walk the plain sort key index.
		return "articles a INDEXED BY articles_list"
	}
	return "articles a"
}

// listColumns are the columns of articles the index articles_list holds,
// and keyColumns those every index by sort key holds: the sort key, and
// the rowid (id), which every index holds.
var (
	listColumns = map[string]bool{"id": true, "sort_key": true, "source": true, "feed_id": true, "read_at": true, "starred": true}
	keyColumns  = map[string]bool{"id": true, "sort_key": true}
)

// articleColumn finds the columns of articles that SQL reads: a is the
// articles' name in every statement the store compiles from a query.
var articleColumn = regexp.MustCompile(`\ba\.(\w+)`)

// columnsRead are the columns of articles the query's conditions read.
func (c compiled) columnsRead() []string {
	var cols []string
	for _, m := range articleColumn.FindAllStringSubmatch(c.Where, -1) {
		cols = append(cols, m[1])
	}
	return cols
}

// onList reports whether the query's conditions read only columns the
// index articles_list holds, and one the sort key index lacks (a state, a
// source): tested on the list index, they pass over an article without
// reading its row, which holds its body. A row read only for its read or
// starred column took most of the time of a count of words and a state.
func (c compiled) onList() bool {
	beyondKey := false
	for _, col := range c.columnsRead() {
		if !listColumns[col] {
			return false
		}
		beyondKey = beyondKey || !keyColumns[col]
	}
	return beyondKey
}

// key is the column results are ordered by: the FTS5 rowid when matching, so
// that FTS5 walks its doclists in order and stops at the LIMIT.
func (c compiled) key() string {
	if c.Match != "" {
		return "article_fts.rowid"
	}
	return "a.sort_key"
}

// where is the WHERE clause, with the query's conditions and extra ones (each
// a SQL condition whose ? take extraArgs in order), and all its arguments.
func (c compiled) where(extra []string, extraArgs ...any) (string, []any) {
	var conds []string
	var args []any
	if c.Match != "" {
		conds = append(conds, "article_fts MATCH ?")
		args = append(args, c.Match)
	}
	switch {
	case c.Where != "" && c.Match != "":
		// FTS5 leads, and each of its rows finds its article by sort key.
		// The unary + keeps the planner from also using the query's terms
		// to look articles up: given a.id IN (the ids of a tag), it would
		// probe every id of the tag for every FTS5 row.
		conds = append(conds, "+("+c.Where+")")
		args = append(args, c.Args...)
	case c.Where != "":
		conds = append(conds, "("+c.Where+")")
		args = append(args, c.Args...)
	}
	if c.Match != "" {
		// The query's dates, also on the FTS5 rowid, which SQLite does not
		// infer through the join: FTS5 then starts at the range.
		if c.KeyMin != 0 {
			conds = append(conds, "article_fts.rowid >= ?")
			args = append(args, c.KeyMin)
		}
		if c.KeyMax != 0 {
			conds = append(conds, "article_fts.rowid < ?")
			args = append(args, c.KeyMax)
		}
	}
	conds = append(conds, extra...)
	args = append(args, extraArgs...)
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ids is a SELECT of the ids of the matching articles.
func (c compiled) ids() (string, []any) {
	w, args := c.where(nil)
	return "SELECT a.id FROM " + c.from() + w, args
}

// plannedIDs is ids of c as planState plans it on q: the SELECT that
// tagging and rules read all of a query's articles by.
func (c compiled) plannedIDs(ctx context.Context, q queryer) (string, []any, error) {
	planned, err := planState(ctx, q, c)
	if err != nil {
		return "", nil, err
	}
	sel, args := planned.ids()
	return sel, args, nil
}

// rowColumns show, as an article's source, the name the reader gave its
// feed (an OPML outline's, newsboat's ~name) when there is one: the reader
// renamed a feed to see that name.
const rowColumns = `a.id, a.sort_key, coalesce((SELECT f.title FROM feeds f WHERE f.id = a.feed_id AND f.named AND f.title <> ''), a.source), a.title, a.url, a.published, a.read_at IS NOT NULL, a.starred,
	(SELECT count(*) FROM annotations n WHERE n.article_id = a.id)`

// Page returns one page of the articles matching req.Query, newest first,
// with their tag names and annotation counts.
func (s *Store) Page(ctx context.Context, req PageRequest) ([]Row, error) {
	if req.Live {
		page, ok, err := s.livePage(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("store: page: %w", err)
		}
		if ok {
			return page, nil
		}
	}
	c, err := compile(req.Query, req.Live)
	if err != nil {
		return nil, fmt.Errorf("store: page: %w", err)
	}
	if err := s.planWalk(ctx, &c); err != nil {
		return nil, fmt.Errorf("store: page: %w", err)
	}
	q, args, ascending := pageSQL(c, req, rowColumns)
	page, err := s.rows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: page: %w", err)
	}
	if ascending {
		slices.Reverse(page)
	}
	return page, nil
}

// rows runs a SELECT of rowColumns and fills in the tag names.
func (s *Store) rows(ctx context.Context, q string, args ...any) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []Row
	for rows.Next() {
		var r Row
		var published int64
		if err := rows.Scan(&r.ID, &r.SortKey, &r.Source, &r.Title, &r.URL, &published, &r.Read,
			&r.Starred, &r.Annotations); err != nil {
			return nil, err
		}
		r.Published = fromUnix(published)
		page = append(page, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ids := make([]int64, len(page))
	for i, r := range page {
		ids[i] = r.ID
	}
	tags, err := tagsOf(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	for i := range page {
		for _, t := range tags[page[i].ID] {
			page[i].Tags = append(page[i].Tags, t.Name)
		}
	}
	return page, nil
}

// pageSQL is the statement that reads the given columns of a page. After and
// FromEnd read upwards from their end; ascending says so, and the page is to
// be turned back to newest first after reading.
func pageSQL(c compiled, req PageRequest, columns string) (q string, args []any, ascending bool) {
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	var extra []string
	var extraArgs []any
	if req.Before != 0 {
		extra = append(extra, c.key()+" < ?")
		extraArgs = append(extraArgs, req.Before)
	}
	if req.After != 0 {
		extra = append(extra, c.key()+" > ?")
		extraArgs = append(extraArgs, req.After)
	}
	ascending = req.After != 0 && req.Before == 0 || req.FromEnd
	order := " DESC"
	if ascending {
		order = " ASC"
	}
	w, args := c.where(extra, extraArgs...)
	q = "SELECT " + columns + " FROM " + c.from() + w + " ORDER BY " + c.key() + order + " LIMIT ?"
	return q, append(args, limit), ascending
}

// Count returns how many articles match a query.
func (s *Store) Count(ctx context.Context, q string) (int, error) {
	return s.count(ctx, q, false)
}

// CountLive returns how many articles match a query read as the live filter
// reads it (PageRequest.Live): the word being typed is a prefix.
func (s *Store) CountLive(ctx context.Context, q string) (int, error) {
	return s.count(ctx, q, true)
}

func (s *Store) count(ctx context.Context, q string, live bool) (int, error) {
	c, err := compile(q, live)
	if err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	if c, err = planState(ctx, s.db, c); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	from := c.from()
	if c.Where == "" && c.Match != "" {
		from = "article_fts" // every row of article_fts is an article's
	}
	w, args := c.where(nil)
	counted := "count(*)"
	if c.node.Kind == query.Tag && len(c.tags) == 1 {
		// A tag alone (the tags panel's): its index entries are its
		// articles, without reading one (a second at 200,000 otherwise).
		// A prefix names several tags, which an article may have both of.
		from, w, args = "article_tags", " WHERE tag_id IN "+tagIDs(c.tags[0]), []any{tagArg(c.tags[0])}
		if c.tags[0].prefix {
			counted = "count(DISTINCT article_id)"
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT "+counted+" FROM "+from+w, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

// Total returns how many articles the library holds.
func (s *Store) Total(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: total: %w", err)
	}
	return n, nil
}

// searchChunk is how many articles Search reads per statement: it holds no
// more than that in memory, and no read transaction open while fn runs.
const searchChunk = 256

// Search calls fn with every article matching the query when it starts,
// newest first as they were then, with its body, tags and annotation count
// as they are when it comes; limit 0 means all. It stops at fn's first error
// and returns it.
//
// The ids of the matching articles are read in one statement, and the
// articles by id, searchChunk at a time, as the ids come: writes made
// meanwhile (an import redating articles, say) neither show an article
// twice nor hide one, as reading pages by sort key would. An article
// deleted before its turn is left out; one added meanwhile is not in this
// search.
func (s *Store) Search(ctx context.Context, q string, limit int, fn func(Article) error) error {
	c, err := compile(q, false)
	if err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	if err := s.planWalk(ctx, &c); err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	ids := s.matchingIDs(ctx, c, limit)
	defer ids.stop()
	for {
		chunk, err := ids.next(ctx)
		if err != nil {
			return fmt.Errorf("store: search: %w", err)
		}
		if chunk == nil {
			return nil
		}
		arts, err := s.articlesByID(ctx, chunk)
		if err != nil {
			return fmt.Errorf("store: search: %w", err)
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
}

// queryer is what reads need of *sql.DB and *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
