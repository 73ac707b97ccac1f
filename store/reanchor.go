package store

import (
	"context"
	"database/sql"
	"slices"

	"tidings/store/anchor"
)

// reanchorer keeps the passage notes of the articles an import changes on
// their passages, in the import's transaction. A passage found again in the
// new body (moved, rewrapped, lightly edited) takes the quote and
// surroundings it has now, so that the next change anchors from the current
// text; a passage no longer there is marked orphaned and keeps its quote.
//
// The changed articles are collected during the batch and their notes looked
// up at its end, many articles per statement: an import of changed articles
// without notes pays a few statements per batch, not one per article.
type reanchorer struct {
	bodies map[int64]string // the new bodies of the changed articles, by id
}

// reanchor notes that an article's body may have changed.
func (im *importer) reanchor(articleID int64, body string) {
	if im.anchors == nil {
		im.anchors = &reanchorer{bodies: make(map[int64]string)}
	}
	im.anchors.bodies[articleID] = body // a later version in the batch wins
}

// passage is a stored passage note's anchor.
type passage struct {
	id, articleID int64
	sel           anchor.Selector
	orphaned      bool
}

// run re-anchors the passage notes of the changed articles.
func (r *reanchorer) run(ctx context.Context, tx *sql.Tx) error {
	if r == nil || len(r.bodies) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(r.bodies))
	for id := range r.bodies {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var ps []passage
	const chunk = 500
	for i := 0; i < len(ids); i += chunk {
		part, err := passagesOf(ctx, tx, ids[i:min(i+chunk, len(ids))])
		if err != nil {
			return err
		}
		ps = append(ps, part...)
	}
	return follow(ctx, tx, ps, r.bodies)
}

// reanchorNow re-anchors the passage notes of one article whose body
// changed at once, ahead of the batch's end: for the notes a file carries
// with it, which are compared with the article's where they are in the new
// body.
func (im *importer) reanchorNow(articleID int64, body string) error {
	ps, err := passagesOf(im.ctx, im.tx, []int64{articleID})
	if err != nil {
		return err
	}
	return follow(im.ctx, im.tx, ps, map[int64]string{articleID: body})
}

// passagesOf returns the passage notes of the articles ids, by article.
func passagesOf(ctx context.Context, tx *sql.Tx, ids []int64) ([]passage, error) {
	args := make([]any, len(ids))
	for j, id := range ids {
		args[j] = id
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, article_id, quote, prefix, suffix, orphaned FROM annotations
		WHERE quote <> '' AND article_id IN (`+placeholders(len(ids))+`) ORDER BY article_id, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []passage
	for rows.Next() {
		var p passage
		if err := rows.Scan(&p.id, &p.articleID, &p.sel.Quote, &p.sel.Prefix, &p.sel.Suffix, &p.orphaned); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// follow anchors the passages ps, by article, in the plain text of their
// articles' bodies: a passage found takes the quote and surroundings it
// has there; one not found is marked orphaned and keeps its own.
func follow(ctx context.Context, tx *sql.Tx, ps []passage, bodies map[int64]string) error {
	if len(ps) == 0 {
		return nil
	}
	set, err := tx.PrepareContext(ctx, `UPDATE annotations SET quote = ?, prefix = ?, suffix = ?, orphaned = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer set.Close()
	var text string
	for i, p := range ps {
		if i == 0 || ps[i-1].articleID != p.articleID {
			text = anchor.PlainText(bodies[p.articleID])
		}
		sel, orphaned := p.sel, true
		if start, end, ok := anchor.Find(text, p.sel); ok {
			sel, orphaned = anchor.Make(text, start, end), false
		}
		if sel == p.sel && orphaned == p.orphaned {
			continue
		}
		if _, err := set.ExecContext(ctx, sel.Quote, sel.Prefix, sel.Suffix, orphaned, p.id); err != nil {
			return err
		}
	}
	return nil
}
