package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/anchor"
	"tidings/store/query"
)

// annotationColumns are read by scanAnnotation, from annotations AS n.
const annotationColumns = `n.id, n.article_id, n.quote, n.prefix, n.suffix, n.note, n.created, n.updated, n.orphaned`

// scanAnnotation reads annotationColumns, then dest.
func scanAnnotation(rows *sql.Rows, a *Annotation, dest ...any) error {
	var created, updated int64
	err := rows.Scan(append([]any{&a.ID, &a.ArticleID, &a.Quote, &a.Prefix, &a.Suffix, &a.Note,
		&created, &updated, &a.Orphaned}, dest...)...)
	a.Created, a.Updated = fromUnix(created), fromUnix(updated)
	return err
}

// Annotations returns an article's annotations, oldest first.
func (s *Store) Annotations(ctx context.Context, articleID int64) ([]Annotation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+annotationColumns+`
		FROM annotations n WHERE n.article_id = ? ORDER BY n.created, n.id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
	}
	defer rows.Close()
	var out []Annotation
	for rows.Next() {
		var a Annotation
		if err := scanAnnotation(rows, &a); err != nil {
			return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
	}
	return out, nil
}

// AllAnnotations returns the annotations of the articles matching query (in
// the query language, whose words also search the notes; empty for all),
// newest first, each with its article's title, source and date; limit 0
// means all. This is the annotation browser's list.
func (s *Store) AllAnnotations(ctx context.Context, query string, limit int) ([]AnnotationRow, error) {
	c, err := compile(query, false)
	if err != nil {
		return nil, fmt.Errorf("store: annotations: %w", err)
	}
	q, args, err := annotationsSQL(c, limit)
	if err != nil {
		return nil, fmt.Errorf("store: annotations: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: annotations: %w", err)
	}
	defer rows.Close()
	var out []AnnotationRow
	for rows.Next() {
		var r AnnotationRow
		var published int64
		if err := scanAnnotation(rows, &r.Annotation, &r.Title, &r.Source, &published); err != nil {
			return nil, fmt.Errorf("store: annotations: %w", err)
		}
		r.Published = fromUnix(published)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: annotations: %w", err)
	}
	return out, nil
}

// annotationsSQL is the statement that reads AllAnnotations. The notes
// lead, newest first by their index on created, each looking up its article
// by id to test it: a query costs what the notes cost, whatever the size of
// the library, and stops at the limit. The query's words are searched once,
// among the annotated articles: each row FTS5 finds is kept or passed over
// by their sort keys before its article is read. The unary + keeps that
// list from FTS5, which would be asked once per annotated article, and the
// query's other terms from leading instead of the notes, as the list's are
// (docs/STORE.md, "Reading"): unwrapped, "a.id IN (SELECT article_id FROM
// annotations)" had SQLite probe every annotated article for each article
// the words matched, 29 s for one word at a million articles. A tag is
// tested on each article (query.Options.TestTags), not listed whole.
func annotationsSQL(c compiled, limit int) (string, []any, error) {
	c.opt.TestTags = true
	tested, err := query.Compile(c.node, c.opt)
	if err != nil {
		return "", nil, err
	}
	c.SQL = tested
	var conds []string
	var args []any
	if c.Match != "" {
		words := `SELECT rowid FROM article_fts WHERE article_fts MATCH ?
			AND +rowid IN (SELECT x.sort_key FROM annotations y JOIN articles x ON x.id = y.article_id)`
		args = append(args, c.Match)
		if c.KeyMin != 0 {
			words += ` AND rowid >= ?`
			args = append(args, c.KeyMin)
		}
		if c.KeyMax != 0 {
			words += ` AND rowid < ?`
			args = append(args, c.KeyMax)
		}
		conds = append(conds, "a.sort_key IN ("+words+")")
	}
	if c.Where != "" {
		conds = append(conds, "+("+c.Where+")")
		args = append(args, c.Args...)
	}
	q := `SELECT ` + annotationColumns + `, a.title, a.source, a.published
		FROM annotations n INDEXED BY annotations_created CROSS JOIN articles a ON a.id = n.article_id`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY n.created DESC, n.id DESC`
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	return q, args, nil
}

// AddAnnotation adds a note to an article (on a passage when Quote is set)
// and returns it with its id and times.
func (s *Store) AddAnnotation(ctx context.Context, a Annotation) (Annotation, error) {
	cleanAnnotation(&a)
	now := time.Now().UTC().Truncate(time.Second)
	if a.Created.IsZero() {
		a.Created = now
	}
	if a.Updated.IsZero() {
		a.Updated = a.Created
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var body string
		switch err := tx.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, a.ArticleID).Scan(&body); {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("article %d: %w", a.ArticleID, ErrNotFound)
		case err != nil:
			return err
		}
		// A passage chosen in a version of the article that another
		// process has since replaced may be gone already.
		a.Orphaned = false
		if a.Quote != "" {
			_, _, found := anchor.Find(anchor.PlainText(body), anchor.Selector{Quote: a.Quote, Prefix: a.Prefix, Suffix: a.Suffix})
			a.Orphaned = !found
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO annotations(article_id, quote, prefix, suffix, note, created, updated, orphaned)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.ArticleID, a.Quote, a.Prefix, a.Suffix, a.Note, a.Created.Unix(), a.Updated.Unix(), a.Orphaned).Scan(&a.ID)
		if err != nil {
			return err
		}
		return reindex(ctx, tx, a.ArticleID)
	})
	if err != nil {
		return Annotation{}, fmt.Errorf("store: add annotation: %w", err)
	}
	return a, nil
}

// UpdateAnnotation replaces an annotation's quote, anchors and note. An
// orphaned annotation stays orphaned while its quote and anchors stay as
// they are; given new ones (the reader chose the passage again), it is
// anchored again.
func (s *Store) UpdateAnnotation(ctx context.Context, a Annotation) error {
	cleanAnnotation(&a)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		err := tx.QueryRowContext(ctx, `UPDATE annotations SET quote = ?1, prefix = ?2, suffix = ?3, note = ?4, updated = ?5,
				orphaned = (orphaned AND quote = ?1 AND prefix = ?2 AND suffix = ?3 AND ?1 <> '')
			WHERE id = ?6 RETURNING article_id`,
			a.Quote, a.Prefix, a.Suffix, a.Note, time.Now().Unix(), a.ID).Scan(&articleID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return reindex(ctx, tx, articleID)
	})
	if err != nil {
		return fmt.Errorf("store: update annotation %d: %w", a.ID, err)
	}
	return nil
}

// ErrNoteChanged is returned by EditNote when the note no longer says what
// the edit started from: another writer changed it meanwhile.
var ErrNoteChanged = errors.New("store: the note was changed elsewhere")

// EditNote changes the note of annotation id to note, provided the library
// still holds was, the text the edit started from (or holds note already):
// two readers editing one note cannot overwrite each other unawares. It
// returns the annotation as it is afterwards; when the note says something
// else it changes nothing and returns the annotation as it is now with
// ErrNoteChanged, and ErrNotFound when it was deleted. Only the note and
// its edit time change: a passage re-anchored by an import meanwhile keeps
// its new anchors.
func (s *Store) EditNote(ctx context.Context, id int64, was, note string) (Annotation, error) {
	note = marks.DropInWords(feeds.CleanText(note)) // as titles and texts are
	var a Annotation
	err := s.tx(ctx, func(tx *sql.Tx) error {
		// One statement compares and writes: nothing can change the note
		// between the two.
		err := scanAnnotationRow(tx.QueryRowContext(ctx, `UPDATE annotations SET note = ?1, updated = ?2
			WHERE id = ?3 AND (note = ?4 OR note = ?1)
			RETURNING `+annotationReturning, note, time.Now().Unix(), id, was), &a)
		if errors.Is(err, sql.ErrNoRows) {
			err = scanAnnotationRow(tx.QueryRowContext(ctx, `SELECT `+annotationReturning+`
				FROM annotations WHERE id = ?`, id), &a)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				return ErrNotFound
			case err != nil:
				return err
			}
			return ErrNoteChanged
		}
		if err != nil {
			return err
		}
		return reindex(ctx, tx, a.ArticleID)
	})
	switch {
	case errors.Is(err, ErrNoteChanged):
		return a, fmt.Errorf("store: edit note %d: %w", id, err)
	case err != nil:
		return Annotation{}, fmt.Errorf("store: edit note %d: %w", id, err)
	}
	return a, nil
}

// annotationReturning is annotationColumns without the table's alias, for
// a RETURNING clause; read by scanAnnotationRow.
const annotationReturning = `id, article_id, quote, prefix, suffix, note, created, updated, orphaned`

// scanAnnotationRow reads annotationReturning from one row.
func scanAnnotationRow(row *sql.Row, a *Annotation) error {
	var created, updated int64
	err := row.Scan(&a.ID, &a.ArticleID, &a.Quote, &a.Prefix, &a.Suffix, &a.Note, &created, &updated, &a.Orphaned)
	a.Created, a.Updated = fromUnix(created), fromUnix(updated)
	return err
}

// DeleteAnnotation deletes an annotation.
func (s *Store) DeleteAnnotation(ctx context.Context, id int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		err := tx.QueryRowContext(ctx, `DELETE FROM annotations WHERE id = ? RETURNING article_id`, id).Scan(&articleID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return reindex(ctx, tx, articleID)
	})
	if err != nil {
		return fmt.Errorf("store: delete annotation %d: %w", id, err)
	}
	return nil
}

// cleanAnnotation keeps control sequences out of what a reader typed or an
// import carried.
func cleanAnnotation(a *Annotation) {
	// As titles and texts are: a word of a note is found by the word a
	// reader types, a quote matches the text it was taken from.
	a.Quote = marks.DropInWords(feeds.CleanText(a.Quote))
	a.Prefix = marks.DropInWords(feeds.CleanText(a.Prefix))
	a.Suffix = marks.DropInWords(feeds.CleanText(a.Suffix))
	a.Note = marks.DropInWords(feeds.CleanText(a.Note))
}
