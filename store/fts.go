package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"modernc.org/sqlite"

	"tidings/store/query"
)

// ftsDoc is one row of the contentless full-text table article_fts: the store
// writes every row itself, keyed by the article's sort key.
type ftsDoc struct {
	rowid              int64
	title, body, notes string
}

// ftsWriter collects the full-text changes of one write transaction and
// applies them at its end: deletions first, then insertions in ascending
// rowid order, because FTS5 flushes its pending terms to disk whenever a
// rowid is not greater than the one before it in the transaction.
type ftsWriter struct {
	deletes []int64
	inserts map[int64]*ftsDoc // by article id: the last state wins
}

func newFTSWriter() *ftsWriter { return &ftsWriter{inserts: make(map[int64]*ftsDoc)} }

// remove drops the row an article had before this transaction.
func (w *ftsWriter) remove(rowid int64) { w.deletes = append(w.deletes, rowid) }

// put sets the row of article id as it will be when the transaction ends.
func (w *ftsWriter) put(id int64, d ftsDoc) { w.inserts[id] = &d }

// pending returns the row put for article id in this transaction, if any.
func (w *ftsWriter) pending(id int64) *ftsDoc { return w.inserts[id] }

func (w *ftsWriter) flush(ctx context.Context, tx *sql.Tx) error {
	if len(w.deletes) > 0 {
		del, err := tx.PrepareContext(ctx, `DELETE FROM article_fts WHERE rowid = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		for _, r := range w.deletes {
			if _, err := del.ExecContext(ctx, r); err != nil {
				return err
			}
		}
	}
	if len(w.inserts) == 0 {
		return nil
	}
	docs := make([]*ftsDoc, 0, len(w.inserts))
	for _, d := range w.inserts {
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b *ftsDoc) int { return cmp.Compare(a.rowid, b.rowid) })
	ins, err := tx.PrepareContext(ctx, `INSERT INTO article_fts(rowid, title, body, notes) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, d := range docs {
		if _, err := ins.ExecContext(ctx, d.rowid, d.title, d.body, d.notes); err != nil {
			return err
		}
	}
	return nil
}

// notesOf returns the text of an article's annotation notes as article_fts
// indexes it: joined by newlines, oldest first.
func notesOf(ctx context.Context, tx *sql.Tx, articleID int64) (string, error) {
	rows, err := tx.QueryContext(ctx,
		`SELECT note FROM annotations WHERE article_id = ? AND note <> '' ORDER BY created, id`, articleID)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var notes []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		notes = append(notes, n)
	}
	return strings.Join(notes, "\n"), rows.Err()
}

// reindex rewrites the full-text row of one article from what is stored now.
func reindex(ctx context.Context, tx *sql.Tx, articleID int64) error {
	var d ftsDoc
	err := tx.QueryRowContext(ctx, `SELECT sort_key, title, body FROM articles WHERE id = ?`, articleID).
		Scan(&d.rowid, &d.title, &d.body)
	if err != nil {
		return err
	}
	if d.notes, err = notesOf(ctx, tx, articleID); err != nil {
		return err
	}
	w := newFTSWriter()
	w.remove(d.rowid)
	w.put(articleID, d)
	return w.flush(ctx, tx)
}

var registerFuncs sync.Once

// registerFunctions registers the SQL functions compiled queries call:
// tidings_phrase(text, phrase) checks a phrase's words in order, which
// article_fts, indexing words but not their positions, cannot.
func registerFunctions() {
	registerFuncs.Do(func() {
		sqlite.MustRegisterDeterministicScalarFunction("tidings_phrase", 2,
			func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
				text, _ := args[0].(string)
				phrase, _ := args[1].(string)
				if matchPhrase(text, phrase) {
					return int64(1), nil
				}
				return int64(0), nil
			})
	})
}

// matchPhrase is query.MatchPhrase, quicker to say no. FTS5 hands the phrase
// check every article that has the phrase's words anywhere, and for common
// words most of them do not have the phrase: a substring search turns those
// away without tokenizing them.
func matchPhrase(text, phrase string) bool {
	if key := phraseKey(phrase); key != "" && simpleText(text) && !containsFold(text, key) {
		return false
	}
	return query.MatchPhrase(text, phrase)
}

// phraseKeys caches, per phrase, the longest of its folded words when it is
// ASCII, or "" when there is none.
var phraseKeys sync.Map

func phraseKey(phrase string) string {
	if k, ok := phraseKeys.Load(phrase); ok {
		return k.(string)
	}
	key := ""
	for _, t := range query.Tokens(phrase) {
		if len(t) > len(key) && isASCII(t) {
			key = t
		}
	}
	phraseKeys.Store(phrase, key)
	return key
}

// simpleText reports whether every letter, digit or mark in text is ASCII:
// then each of its words folds to the word in lower case, so a word of a
// phrase can only be in it as a case-insensitive substring. Other characters,
// such as typographic quotes and dashes, separate words and fold to nothing.
func simpleText(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Co) || r == utf8.RuneError {
			return false
		}
		i += size - 1
	}
	return true
}

// containsFold reports whether text holds key (ASCII, lower case) in any
// case.
func containsFold(text, key string) bool {
	first := key[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(key) <= len(text); i++ {
		c := text[i]
		if c != first && c != upper {
			continue
		}
		if strings.EqualFold(text[i:i+len(key)], key) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
