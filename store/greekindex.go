package store

import (
	"context"
	"database/sql"

	"tidings/store/query"
)

// reindexGreek indexes again, for migration 12, the articles with a Greek
// letter written with a mark in their title, body or notes, which
// article_fts held with its accent (Αθήνα was not αθηνα) or, its marks
// combining, split at a breathing; it now holds Greek letters bare
// (query.BareGreek).
//
// Such an article has a word in the index that starts with a Greek letter,
// so only the articles of those words are read: a library without Greek
// is done in a few lookups rather than by reading every article's text.
// (An article whose only Greek is inside words that start with something
// else, 3ήμερη, is left as it was; imported again, it is indexed anew.)
func reindexGreek(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE VIRTUAL TABLE temp.greek_terms USING fts5vocab(main, article_fts, instance)`); err != nil {
		return err
	}
	keys := map[int64]bool{}
	for _, block := range [][2]string{{"\u0370", "\u0400"}, {"\u1f00", "\u2000"}} {
		err := func() error {
			rows, err := tx.QueryContext(ctx, `SELECT doc FROM temp.greek_terms WHERE term >= ? AND term < ?`, block[0], block[1])
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var key int64
				if err := rows.Scan(&key); err != nil {
					return err
				}
				keys[key] = true
			}
			return rows.Err()
		}()
		if err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE temp.greek_terms`); err != nil {
		return err
	}
	if len(keys) == 0 {
		return nil
	}
	text, err := tx.PrepareContext(ctx, `SELECT id, title, body FROM articles WHERE sort_key = ?`)
	if err != nil {
		return err
	}
	defer text.Close()
	notes, err := tx.PrepareContext(ctx, notesQuery)
	if err != nil {
		return err
	}
	defer notes.Close()
	ids := map[int64]int64{} // by sort key
	for key := range keys {
		var id int64
		var title, body string
		switch err := text.QueryRowContext(ctx, key).Scan(&id, &title, &body); {
		case err == sql.ErrNoRows:
			continue // a row of an article gone, which nothing finds
		case err != nil:
			return err
		}
		marked := query.HasMarkedGreek(title) || query.HasMarkedGreek(body)
		if !marked {
			n, err := joinedNotes(ctx, notes, id)
			if err != nil {
				return err
			}
			marked = query.HasMarkedGreek(n)
		}
		if marked {
			ids[key] = id
		}
	}
	return reindexRows(ctx, tx, ids)
}
