package store

import (
	"context"
	"database/sql"
)

// reindexReferences indexes again, for migration 14, the articles whose
// body has a character reference (caf&eacute;, O&rsquo;Brien, x &lt; y),
// which article_fts held as written (the words caf and eacute) and now
// holds as the reader shows it (café: shownBody).
//
// It reads every article (reindexWhere), though only for an "&". The
// index's vocabulary cannot tell them more cheaply, as it does Greek for
// migration 12: a reference leaves its name (eacute) or number (233,
// x2019) among the body's words, but many names are words too (and, not,
// image, half, real) and numbers are everywhere, so the articles to read
// that way were a fifth of a library of 100,000, read out of order, which
// took longer than reading them all in order (docs/STORE.md).
func reindexReferences(ctx context.Context, tx *sql.Tx) error {
	return reindexWhere(ctx, tx, func(text string) bool {
		return shownBody(text) != text // quick when there is no "&"
	})
}
