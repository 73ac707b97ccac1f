package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tidings/feeds"
	"tidings/feeds/marks"
	"tidings/store/query"
)

// Tag adds and removes tags on articles. Tag names are case-insensitive,
// in every script (marks.FoldTag: Été is été, ΑΘΉΝΑ is αθήνα), composed
// (Unicode NFC: a name typed with combining accents is the name typed with
// accented letters), without the characters that show nothing
// (feeds.NormalizeTags: "ukr\u200daine" is "ukraine"), and keep the
// spelling they were first given; a leading # is dropped, and a name
// longer than feeds.MaxLineLength characters is cut as an import cuts it
// (keptTagNames). A tag a rule had set becomes the reader's own when
// the reader adds it.
func (s *Store) Tag(ctx context.Context, ids []int64, add, remove []string) error {
	_, err := s.TagChanges(ctx, ids, add, remove)
	return err
}

// TagChanges is Tag, and returns what the tagging changed.
func (s *Store) TagChanges(ctx context.Context, ids []int64, add, remove []string) (Tagging, error) {
	add, remove = normalizeTags(add), normalizeTags(remove)
	if len(ids) == 0 || len(add)+len(remove) == 0 {
		return Tagging{}, nil
	}
	var t Tagging
	err := s.tx(ctx, func(tx *sql.Tx) error {
		gone, err := targetIDs(ctx, tx, ids)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM temp.tag_targets`).Scan(&t.Articles); err != nil {
			return err
		}
		if t.Articles == 0 {
			return fmt.Errorf("article %d: %w", gone[0], ErrNotFound)
		}
		t.Gone = gone
		t.Added, t.Removed, err = retag(ctx, tx, add, remove, false)
		return err
	})
	if err != nil {
		return Tagging{}, fmt.Errorf("store: tag: %w", err)
	}
	return t, nil
}

// normalizeTags is keptTagNames, and a name that differs from one before
// it only in case (marks.FoldTag) left out.
func normalizeTags(names []string) []string {
	seen := map[string]bool{}
	return slices.DeleteFunc(keptTagNames(names), func(name string) bool {
		f := marks.FoldTag(name)
		dup := seen[f]
		seen[f] = true
		return dup
	})
}

// keptTagNames are names as the library keeps tag names: as
// feeds.NormalizeTags leaves them, each cut to feeds.MaxLineLength
// characters as an import cuts an article's tags and a query the names it
// asks for (query.CutTagName), and told apart again after the cut. Every way a tag name is written in
// (tidings tag, the tag editor, a feed's or a rule's tags, a colour) goes
// through it, so that a tag typed is the tag an export of it brings back,
// not a second one.
func keptTagNames(names []string) []string {
	names = feeds.NormalizeTags(names)
	if !slices.ContainsFunc(names, mayBeTooLongTag) {
		return names
	}
	cut := make([]string, len(names))
	for i, name := range names {
		cut[i] = query.CutTagName(name)
	}
	return feeds.NormalizeTags(cut)
}

// mayBeTooLongTag reports whether name may be longer than a tag name is
// kept: whether it has more bytes than feeds.MaxLineLength characters, the
// test an import makes before it cuts (feeds.Normalize), so that both give
// one name.
func mayBeTooLongTag(name string) bool { return len(name) > feeds.MaxLineLength }

// Tagging is what a tagging changed.
type Tagging struct {
	Articles int         // the articles tagged: those the ids or the query named
	Gone     []int64     // ids given that name no article (deleted meanwhile), left out
	Added    []TagChange // each tag added, in the order given
	Removed  []TagChange // each tag removed, in the order given
}

// TagChange is one tag a tagging added or removed: its name, as the library
// spells it, and how many of the articles gained it or lost it. The others
// had it already, or had not had it.
type TagChange struct {
	Name     string
	Articles int
}

// TagQuery adds and removes tags on every article the query matches, and
// returns how many it matches.
func (s *Store) TagQuery(ctx context.Context, q string, add, remove []string) (int, error) {
	t, err := s.TagQueryChanges(ctx, q, add, remove)
	return t.Articles, err
}

// TagQueryChanges is TagQuery, and returns what the tagging changed.
func (s *Store) TagQueryChanges(ctx context.Context, q string, add, remove []string) (Tagging, error) {
	t, err := s.tagQuery(ctx, q, add, remove, false)
	if err != nil {
		return Tagging{}, fmt.Errorf("store: tag query: %w", err)
	}
	return t, nil
}

// tagByRule adds tags on behalf of a rule to every article its query
// matches, and says how many it matched and how many gained each tag. It
// never takes over a tag the reader set, so removing the rule's tags later
// leaves the reader's alone.
func (s *Store) tagByRule(ctx context.Context, q string, tags []string) (Tagging, error) {
	t, err := s.tagQuery(ctx, q, tags, nil, true)
	if err != nil {
		return Tagging{}, fmt.Errorf("store: tag by rule: %w", err)
	}
	return t, nil
}

func (s *Store) tagQuery(ctx context.Context, q string, add, remove []string, byRule bool) (Tagging, error) {
	c, err := compile(q, false)
	if err != nil {
		return Tagging{}, err
	}
	add, remove = normalizeTags(add), normalizeTags(remove)
	var t Tagging
	err = s.tx(ctx, func(tx *sql.Tx) error {
		t = Tagging{}
		if err := resetTargets(ctx, tx); err != nil {
			return err
		}
		sel, args, err := c.plannedIDs(ctx, tx)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO temp.tag_targets(id) "+sel, args...)
		if err != nil {
			return err
		}
		k, _ := res.RowsAffected()
		t.Articles = int(k)
		t.Added, t.Removed, err = retag(ctx, tx, add, remove, byRule)
		return err
	})
	return t, err
}

// resetTargets makes the temporary table of the articles a tagging applies
// to, empty. It lives on the writer connection only.
func resetTargets(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS tag_targets (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM temp.tag_targets`)
	return err
}

// targetIDs fills tag_targets with those of ids that are articles, and
// returns the others.
func targetIDs(ctx context.Context, tx *sql.Tx, ids []int64) (gone []int64, err error) {
	if err := resetTargets(ctx, tx); err != nil {
		return nil, err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO temp.tag_targets(id) SELECT id FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	for _, id := range ids {
		res, err := ins.ExecContext(ctx, id)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var dup bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM temp.tag_targets WHERE id = ?)`, id).Scan(&dup); err != nil {
				return nil, err
			}
			if !dup && !slices.Contains(gone, id) {
				gone = append(gone, id)
			}
		}
	}
	return gone, nil
}

// retag adds and removes tags on the articles in tag_targets, set-based,
// and returns how many of them gained each tag added and lost each tag
// removed.
func retag(ctx context.Context, tx *sql.Tx, add, remove []string, byRule bool) (added, removed []TagChange, err error) {
	now := time.Now().Unix()
	for _, name := range add {
		id, spelled, err := tagIDName(ctx, tx, name)
		if err != nil {
			return nil, nil, err
		}
		if !byRule {
			if _, err := tx.ExecContext(ctx, `UPDATE article_tags SET by_rule = 0
				WHERE tag_id = ? AND by_rule <> 0 AND article_id IN (SELECT id FROM temp.tag_targets)`, id); err != nil {
				return nil, nil, err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
			SELECT id, ?, ?, ? FROM temp.tag_targets WHERE true
			ON CONFLICT(article_id, tag_id) DO NOTHING`, id, now, byRule)
		if err != nil {
			return nil, nil, err
		}
		n, _ := res.RowsAffected()
		added = append(added, TagChange{Name: spelled, Articles: int(n)})
		if err := forgetUnused(ctx, tx, id); err != nil { // nothing was tagged
			return nil, nil, err
		}
	}
	for _, name := range remove {
		id, spelled, err := findTag(ctx, tx, name)
		if errors.Is(err, sql.ErrNoRows) {
			removed = append(removed, TagChange{Name: name})
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM article_tags WHERE tag_id = ?
			AND article_id IN (SELECT id FROM temp.tag_targets)`, id)
		if err != nil {
			return nil, nil, err
		}
		n, _ := res.RowsAffected()
		removed = append(removed, TagChange{Name: spelled, Articles: int(n)})
		if err := forgetUnused(ctx, tx, id); err != nil {
			return nil, nil, err
		}
	}
	return added, removed, nil
}

// forgetUnused forgets a tag on no article and with no colour, so that
// neither completion nor the tags list offers it.
func forgetUnused(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ? AND color = ''
		AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = ?)`, id, id)
	return err
}

// tagID returns the id of the tag named name in any case (by its folded
// name), creating the tag with this spelling when there is none.
func tagID(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	id, _, err := tagIDName(ctx, tx, name)
	return id, err
}

// tagIDName is tagID, and the tag's name as the library spells it.
func tagIDName(ctx context.Context, tx *sql.Tx, name string) (int64, string, error) {
	id, spelled, err := findTag(ctx, tx, name)
	if errors.Is(err, sql.ErrNoRows) {
		spelled = name
		err = tx.QueryRowContext(ctx, `INSERT INTO tags(name, folded) VALUES (?, ?) RETURNING id`,
			name, marks.FoldTag(name)).Scan(&id)
	}
	return id, spelled, err
}

// findTag returns the id and the spelling of the tag named name (a
// normalised name) in any case; sql.ErrNoRows when there is none. The tags
// an older tidings may have just created, with no folded name, are first
// given theirs (repairTagFolds): one may be the name, in this case or
// another.
func findTag(ctx context.Context, tx *sql.Tx, name string) (int64, string, error) {
	if _, err := repairTagFolds(ctx, tx); err != nil {
		return 0, "", err
	}
	var id int64
	var spelled string
	err := tx.QueryRowContext(ctx, `SELECT id, name FROM tags WHERE folded = ?`, marks.FoldTag(name)).Scan(&id, &spelled)
	return id, spelled, err
}

// Tags returns every tag with how many articles carry it, in alphabetical
// order (sortTags).
func (s *Store) Tags(ctx context.Context) ([]Tag, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.name, t.color,
		(SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id)
		FROM tags t`)
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	defer rows.Close()
	var tags []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Name, &t.Color, &t.Count); err != nil {
			return nil, fmt.Errorf("store: tags: %w", err)
		}
		tags = append(tags, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	sortTags(tags)
	return tags, nil
}

// sortTags puts tags in alphabetical order (sortByTagName).
func sortTags(tags []Tag) {
	sortByTagName(&tagOrder{}, tags, func(t Tag) string { return t.Name })
}

// SortTagNames puts tag names in the order the library lists tags, an
// article's and a row's tags included (sortByTagName).
func SortTagNames(names []string) {
	sortByTagName(&tagOrder{}, names, func(n string) string { return n })
}

// tagOrder is what sortByTagName sorts with: one may sort many lists.
type tagOrder struct {
	col *collate.Collator // made on first use
	buf collate.Buffer
}

// sortByTagName puts items in alphabetical order of their names, as tags
// are listed everywhere: as Unicode's collation orders words in no language
// in particular, by their letters first, then their accents, then their
// case, so that météo comes before My Tag and Ünïcode among the u's, not
// after z; names that collate alike by their folded name, then as typed.
func sortByTagName[T any](o *tagOrder, items []T, name func(T) string) {
	if len(items) < 2 {
		return
	}
	if o.col == nil {
		o.col = collate.New(language.Und)
	}
	o.buf.Reset()
	type keyed struct {
		coll         []byte
		folded, name string
		item         T
	}
	ks := make([]keyed, len(items))
	for i, it := range items {
		n := name(it)
		ks[i] = keyed{o.col.KeyFromString(&o.buf, n), marks.FoldTag(n), n, it}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(bytes.Compare(a.coll, b.coll), strings.Compare(a.folded, b.folded), strings.Compare(a.name, b.name))
	})
	for i, k := range ks {
		items[i] = k.item
	}
}

// SetTagColor sets the colour a tag is shown in ("" for the default),
// creating the tag if needed.
func (s *Store) SetTagColor(ctx context.Context, name, color string) error {
	name, color = feeds.CleanLine(name), feeds.CleanLine(color)
	if tags := keptTagNames([]string{name}); len(tags) == 1 {
		name = tags[0]
	} else {
		return errors.New("store: set tag colour: no tag name")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		id, err := tagID(ctx, tx, name)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE tags SET color = ? WHERE id = ?`, color, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set tag colour: %w", err)
	}
	return nil
}
