package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tidings/feeds"
)

// Annotations returns an article's annotations, oldest first.
func (s *Store) Annotations(ctx context.Context, articleID int64) ([]Annotation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, article_id, quote, prefix, suffix, note, created, updated
		FROM annotations WHERE article_id = ? ORDER BY created, id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
	}
	defer rows.Close()
	var out []Annotation
	for rows.Next() {
		var a Annotation
		var created, updated int64
		if err := rows.Scan(&a.ID, &a.ArticleID, &a.Quote, &a.Prefix, &a.Suffix, &a.Note, &created, &updated); err != nil {
			return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
		}
		a.Created, a.Updated = fromUnix(created), fromUnix(updated)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: annotations of article %d: %w", articleID, err)
	}
	return out, nil
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
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)`, a.ArticleID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return fmt.Errorf("article %d: %w", a.ArticleID, ErrNotFound)
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO annotations(article_id, quote, prefix, suffix, note, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.ArticleID, a.Quote, a.Prefix, a.Suffix, a.Note, a.Created.Unix(), a.Updated.Unix()).Scan(&a.ID)
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

// UpdateAnnotation replaces an annotation's quote, anchors and note.
func (s *Store) UpdateAnnotation(ctx context.Context, a Annotation) error {
	cleanAnnotation(&a)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var articleID int64
		err := tx.QueryRowContext(ctx, `UPDATE annotations SET quote = ?, prefix = ?, suffix = ?, note = ?, updated = ?
			WHERE id = ? RETURNING article_id`,
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
	a.Quote = feeds.CleanText(a.Quote)
	a.Prefix = feeds.CleanText(a.Prefix)
	a.Suffix = feeds.CleanText(a.Suffix)
	a.Note = feeds.CleanText(a.Note)
}
