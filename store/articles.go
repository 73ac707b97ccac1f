package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"

	"tidings/feeds"
)

const articleColumns = `a.id, a.external_id, a.sort_key, a.source, coalesce(a.feed_id, 0),
	coalesce((SELECT title FROM feeds f WHERE f.id = a.feed_id), ''),
	coalesce((SELECT named AND title <> '' FROM feeds f WHERE f.id = a.feed_id), 0), a.title, a.url, a.author,
	a.published, a.added, a.updated, a.body, a.read_at, a.starred, a.retitled,
	(SELECT count(*) FROM annotations n WHERE n.article_id = a.id)`

// Article returns the article with this id, with its tags and annotation
// count; ErrNotFound if there is none.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	arts, err := s.articles(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id = ?", id)
	if err != nil {
		return Article{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	if len(arts) == 0 {
		return Article{}, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	return arts[0], nil
}

// ArticleByExternalID returns the article with this external id, with its
// tags and annotation count; ErrNotFound if there is none.
func (s *Store) ArticleByExternalID(ctx context.Context, externalID string) (Article, error) {
	arts, err := s.articles(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.external_id = ?", externalID)
	if err != nil {
		return Article{}, fmt.Errorf("store: article %q: %w", externalID, err)
	}
	if len(arts) == 0 {
		return Article{}, fmt.Errorf("store: article %q: %w", externalID, ErrNotFound)
	}
	return arts[0], nil
}

// articles runs a SELECT of articleColumns and fills in the tags.
func (s *Store) articles(ctx context.Context, q string, args ...any) ([]Article, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []Article
	for rows.Next() {
		var a Article
		var published, added, updated int64
		var readAt sql.NullInt64
		if err := rows.Scan(&a.ID, &a.ExternalID, &a.SortKey, &a.Source, &a.FeedID, &a.FeedTitle, &a.FeedNamed, &a.Title,
			&a.URL, &a.Author, &published, &added, &updated, &a.Body, &readAt, &a.Starred, &a.Retitled,
			&a.Annotations); err != nil {
			return nil, err
		}
		a.Published, a.Added, a.Updated = fromUnix(published), fromUnix(added), fromUnix(updated)
		if readAt.Valid {
			a.ReadAt = time.Unix(readAt.Int64, 0).UTC()
		}
		arts = append(arts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	tags, err := tagsOf(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	for i := range arts {
		arts[i].Tags = tags[arts[i].ID]
	}
	return arts, nil
}

// tagsOf returns the tags of the given articles, in one statement per 500
// articles, each article's in alphabetical order, as the tags are listed
// (sortByTagName).
func tagsOf(ctx context.Context, q queryer, ids []int64) (map[int64][]ArticleTag, error) {
	out := make(map[int64][]ArticleTag)
	const chunk = 500
	for i := 0; i < len(ids); i += chunk {
		part := ids[i:min(i+chunk, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		rows, err := q.QueryContext(ctx, `SELECT at.article_id, t.name, t.color, at.by_rule, at.added
			FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE at.article_id IN (`+placeholders(len(args))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, added int64
			var t ArticleTag
			if err := rows.Scan(&id, &t.Name, &t.Color, &t.ByRule, &added); err != nil {
				rows.Close()
				return nil, err
			}
			t.Added = fromUnix(added)
			out[id] = append(out[id], t)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	var order tagOrder
	for _, ts := range out {
		sortByTagName(&order, ts, func(t ArticleTag) string { return t.Name })
	}
	return out, nil
}

// SetRead marks articles read or unread. An article already read keeps the
// time it was first read.
func (s *Store) SetRead(ctx context.Context, ids []int64, read bool) error {
	q := `UPDATE articles SET read_at = NULL WHERE id IN (%s)`
	var args []any
	if read {
		q = `UPDATE articles SET read_at = coalesce(read_at, ?) WHERE id IN (%s)`
		args = append(args, time.Now().Unix())
	}
	if err := s.updateArticles(ctx, q, args, ids); err != nil {
		return fmt.Errorf("store: set read: %w", err)
	}
	return nil
}

// SetReadQuery marks every article matching the query read (or unread),
// and says how many it changed: the catching up of a whole feed, tag or
// library at once. It is one transaction, and its memory is the same for
// ten articles and a million: the ids are found first, then the articles
// changed a chunk at a time.
func (s *Store) SetReadQuery(ctx context.Context, q string, read bool) (int, error) {
	return s.SetReadQueryUpTo(ctx, q, read, math.MaxInt64)
}

// SetReadQueryUpTo is SetReadQuery for the articles of ids up to upTo: those
// the library held when LastArticleID said upTo. Articles added since, by a
// fetch or an import, are left as they are: the reader marks read what its
// list had when the user saw it, not what came while they looked.
func (s *Store) SetReadQueryUpTo(ctx context.Context, q string, read bool, upTo int64) (int, error) {
	c, err := compile(q, false)
	if err != nil {
		return 0, fmt.Errorf("store: set read: %w", err)
	}
	// The ids go into a table of their own first. An UPDATE ... WHERE id
	// IN (the query) whose query calls a function (source: calls LIKE)
	// has SQLite keep the former content of every page it changes, in
	// memory, until it ends: 30 KB an article, 2 GB for 70,000. Changed
	// by id, a chunk of ids to a statement, it keeps a chunk's at most.
	stmt := `UPDATE articles SET read_at = NULL WHERE read_at IS NOT NULL
		AND id IN (SELECT id FROM temp.read_targets WHERE id > ? AND id <= ?)`
	var first []any
	if read {
		stmt = `UPDATE articles SET read_at = ? WHERE read_at IS NULL
			AND id IN (SELECT id FROM temp.read_targets WHERE id > ? AND id <= ?)`
		first = []any{time.Now().Unix()}
	}
	var n int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if _, err = tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS read_targets (id INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM temp.read_targets`); err != nil {
			return err
		}
		planned, err := planState(ctx, tx, c)
		if err != nil {
			return err
		}
		sel, args := idsUpTo(planned, upTo)
		if _, err := tx.ExecContext(ctx, "INSERT INTO temp.read_targets(id) "+sel, args...); err != nil {
			return err
		}
		if n, err = updateInChunks(ctx, tx, stmt, first); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM temp.read_targets`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: set read: %w", err)
	}
	return int(n), nil
}

// idsUpTo is a SELECT of the ids of c's articles up to id upTo. The unary
// + keeps the planner from walking the articles by id to find them: the
// query's own terms find them sooner.
func idsUpTo(c compiled, upTo int64) (string, []any) {
	w, args := c.where([]string{"+a.id <= ?"}, upTo)
	return "SELECT a.id FROM " + c.from() + w, args
}

// CountUpTo returns how many articles of ids up to upTo match a query: what
// SetReadQueryUpTo with the same bound finds.
func (s *Store) CountUpTo(ctx context.Context, q string, upTo int64) (int, error) {
	c, err := compile(q, false)
	if err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	if c, err = planState(ctx, s.db, c); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	sel, args := idsUpTo(c, upTo)
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM ("+sel+")", args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

// LastArticleID returns the highest id of the library's articles, 0 when it
// has none. Ids are given in the order articles arrive, and never given
// again, so every article added after the call has a higher one: read
// before a list's rows, it tells the articles the list could show from
// those that came later.
func (s *Store) LastArticleID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: last article: %w", err)
	}
	return id, nil
}

// Missing returns those of ids that name no article: deleted since they
// were read, by this process or another.
func (s *Store) Missing(ctx context.Context, ids []int64) ([]int64, error) {
	const chunk = 500
	held := make(map[int64]bool, len(ids))
	for i := 0; i < len(ids); i += chunk {
		part := ids[i:min(i+chunk, len(ids))]
		args := make([]any, len(part))
		for j, id := range part {
			args[j] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id FROM articles WHERE id IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: missing: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: missing: %w", err)
			}
			held[id] = true
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("store: missing: %w", err)
		}
	}
	var missing []int64
	for _, id := range ids {
		if !held[id] {
			missing = append(missing, id)
		}
	}
	return missing, nil
}

// readChunk is how many articles one statement of SetReadQuery changes at
// most.
var readChunk = 4096

// updateInChunks runs stmt, whose last two ? bound the ids of
// temp.read_targets it takes (lo < id <= hi), over the whole table a chunk
// of readChunk ids at a time in id order, with args before them, and says
// how many rows it changed.
func updateInChunks(ctx context.Context, tx *sql.Tx, stmt string, args []any) (int64, error) {
	upd, err := tx.PrepareContext(ctx, stmt)
	if err != nil {
		return 0, err
	}
	defer upd.Close()
	next, err := tx.PrepareContext(ctx, `SELECT max(id) FROM
		(SELECT id FROM temp.read_targets WHERE id > ? ORDER BY id LIMIT ?)`)
	if err != nil {
		return 0, err
	}
	defer next.Close()
	var n int64
	lo := int64(math.MinInt64)
	for {
		var hi sql.NullInt64
		if err := next.QueryRowContext(ctx, lo, readChunk).Scan(&hi); err != nil {
			return n, err
		}
		if !hi.Valid {
			return n, nil
		}
		res, err := upd.ExecContext(ctx, append(args[:len(args):len(args)], lo, hi.Int64)...)
		if err != nil {
			return n, err
		}
		k, err := res.RowsAffected()
		if err != nil {
			return n, err
		}
		n += k
		lo = hi.Int64
	}
}

// SetStarred stars or unstars articles.
func (s *Store) SetStarred(ctx context.Context, ids []int64, starred bool) error {
	if err := s.updateArticles(ctx, `UPDATE articles SET starred = ? WHERE id IN (%s)`, []any{starred}, ids); err != nil {
		return fmt.Errorf("store: set starred: %w", err)
	}
	return nil
}

// updateArticles runs an UPDATE whose %s is the list of ids, in chunks, in
// one transaction. It returns ErrNotFound when none of the articles is
// there (deleted meanwhile, by another tidings perhaps).
func (s *Store) updateArticles(ctx context.Context, q string, args []any, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		const chunk = 500
		var found int64
		for i := 0; i < len(ids); i += chunk {
			part := ids[i:min(i+chunk, len(ids))]
			a := append([]any(nil), args...)
			for _, id := range part {
				a = append(a, id)
			}
			res, err := tx.ExecContext(ctx, fmt.Sprintf(q, placeholders(len(part))), a...)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			found += n
		}
		if found == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// Retitle gives an article a title of the reader's choosing, which later
// re-imports keep: cleaned and cut to feeds.MaxLineLength characters as an
// import cuts a title (feeds.ShortLine), so that an export of it brings
// back the title the library has.
func (s *Store) Retitle(ctx context.Context, id int64, title string) error {
	title = feeds.ShortLine(title)
	if title == "" {
		return errors.New("store: retitle: the title is empty")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE articles SET title = ?, retitled = 1 WHERE id = ?`, title, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return reindex(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: retitle article %d: %w", id, err)
	}
	return nil
}
