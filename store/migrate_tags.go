package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
	"tidings/feeds/marks"
)

// Three migrations make tag names that look alike one name: 9 composes
// them (Unicode NFC), 11 drops the characters in them that show nothing
// (feeds.NormalizeTags), as tags have been written since, and 13 makes
// names that differ in case, in any script, one name (marks.FoldTag). A
// fourth, 23, cuts names longer than a tag is kept (keptTagNames), and 24
// merges the rules that cutting made one.

// mergeTagForms composes every tag name (NFC) and merges the tags that are
// then one name (migration 9); see mergeTagNames.
func mergeTagForms(ctx context.Context, tx *sql.Tx) error {
	return mergeTagNames(ctx, tx, norm.NFC.String, asciiLower)
}

// dropTagMarks drops the characters that show nothing from every tag name
// and merges the tags that are then one name (migration 11); a tag whose
// name was nothing else is taken off its articles. See mergeTagNames.
func dropTagMarks(ctx context.Context, tx *sql.Tx) error {
	return mergeTagNames(ctx, tx, tagName, asciiLower)
}

// mergeTagCases merges the tags whose names differ only in case (Été and
// été; those in ASCII case only were one tag already), then keeps every
// tag's folded name in tags.folded, which is unique from now on (migration
// 13). See foldTagNames.
func mergeTagCases(ctx context.Context, tx *sql.Tx) error {
	if err := foldTagNames(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `CREATE UNIQUE INDEX tags_folded ON tags(folded)`)
	return err
}

// cutLongTags cuts every tag name longer than a tag is kept, as
// keptTagNames cuts it, and merges the tags that are then one name
// (migration 23): the name written whole by tidings tag and its cut, which
// an import of its export brought, are one tag again. Feeds' default tags
// and rules' tags are cut as well (see mergeTagNames); the tags cut are
// given the folded names of their cuts (foldTagNames).
func cutLongTags(ctx context.Context, tx *sql.Tx) error {
	if err := mergeTagNames(ctx, tx, cutTagName, marks.FoldTag); err != nil {
		return err
	}
	return foldTagNames(ctx, tx)
}

// mergeRulesAndCutTitles finishes what migration 23 began (migration 24): two
// rules that do the same once their tags were cut are one
// (mergeSameRules), and retitles, kept whole as long as tags were, are cut
// as Retitle cuts them now (cutLongRetitles). It is a migration of its own
// so that a library already at version 23 runs it too.
func mergeRulesAndCutTitles(ctx context.Context, tx *sql.Tx) error {
	if err := mergeSameRules(ctx, tx); err != nil {
		return err
	}
	return cutLongRetitles(ctx, tx)
}

// mergeSameRules deletes every rule that does what an older one does
// (sameRule), keeping the older: two rules whose tags differed only past
// the cut are one rule once their tags are cut, which rule list would show
// twice and rule add call done already. A rule whose tags are not JSON
// stays as it is. The ids deleted are not given again, as DeleteRule
// keeps them (meta's last_rule).
func mergeSameRules(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, query, tags FROM rules ORDER BY id`)
	if err != nil {
		return err
	}
	var kept []Rule
	var same []int64
	for rows.Next() {
		var r Rule
		var tags string
		if err := rows.Scan(&r.ID, &r.Query, &tags); err != nil {
			rows.Close()
			return err
		}
		if json.Unmarshal([]byte(tags), &r.Tags) != nil {
			continue
		}
		if slices.ContainsFunc(kept, func(k Rule) bool { return sameRule(k, r) }) {
			same = append(same, r.ID)
		} else {
			kept = append(kept, r)
		}
	}
	if err := rows.Close(); err != nil || len(same) == 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value)
		SELECT 'last_rule', coalesce(max(id), 0) FROM rules WHERE true
		ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`); err != nil {
		return err
	}
	for _, id := range same {
		if _, err := tx.ExecContext(ctx, `DELETE FROM rules WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// cutLongRetitles cuts every title of the reader's (retitled) longer than
// feeds.MaxLineLength characters as Retitle cuts one (feeds.ShortLine),
// and indexes its article again: a retitle stored whole before Retitle
// cut it is the title an export of it brings back.
func cutLongRetitles(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title FROM articles WHERE retitled <> 0 AND length(title) > ?`,
		feeds.MaxLineLength)
	if err != nil {
		return err
	}
	cut := map[int64]string{}
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			rows.Close()
			return err
		}
		if c := feeds.ShortLine(title); c != "" && c != title {
			cut[id] = c
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for id, title := range cut {
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET title = ? WHERE id = ?`, title, id); err != nil {
			return err
		}
		if err := reindex(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// cutTagName is name cut as keptTagNames cuts it, when it may be longer
// than a tag is kept; any other name as it is.
func cutTagName(name string) string {
	if !mayBeTooLongTag(name) {
		return name
	}
	if t := keptTagNames([]string{name}); len(t) == 1 {
		return t[0]
	}
	return ""
}

// foldTagNames merges the tags whose names differ only in case, as
// mergeTagNames does, and gives every tag whose folded name is not
// marks.FoldTag of its name that folded name.
func foldTagNames(ctx context.Context, tx *sql.Tx) error {
	if err := mergeTagNames(ctx, tx, func(name string) string { return name }, marks.FoldTag); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, folded FROM tags`)
	if err != nil {
		return err
	}
	folded := map[int64]string{}
	for rows.Next() {
		var id int64
		var name, was string
		if err := rows.Scan(&id, &name, &was); err != nil {
			rows.Close()
			return err
		}
		if f := marks.FoldTag(name); f != was {
			folded[id] = f
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for id, f := range folded {
		if _, err := tx.ExecContext(ctx, `UPDATE tags SET folded = ? WHERE id = ?`, f, id); err != nil {
			return err
		}
	}
	return nil
}

// repairTagFolds folds the names of the tags that have no folded name,
// merging them into the tags already of that name in another case
// (foldTagNames), and says whether there were any. A tidings from before
// migration 13, left running while a newer one upgraded the library,
// creates its tags so: it knows no folded name, and the column gives the
// empty one, which neither a lookup nor tag: finds. The check is one probe
// of the tags_folded index.
func repairTagFolds(ctx context.Context, tx *sql.Tx) (bool, error) {
	stale, err := hasUnfoldedTags(ctx, tx)
	if err != nil || !stale {
		return false, err
	}
	return true, foldTagNames(ctx, tx)
}

// hasUnfoldedTags reports whether a tag has no folded name (repairTagFolds).
func hasUnfoldedTags(ctx context.Context, q queryer) (bool, error) {
	var stale bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM tags WHERE folded = '')`).Scan(&stale)
	return stale, err
}

// tagName is name as tags are named now, "" for none.
func tagName(name string) string {
	if t := feeds.NormalizeTags([]string{name}); len(t) == 1 {
		return t[0]
	}
	return ""
}

// mergeTagNames renames every tag to canon(name) and merges the tags that
// are then one name, compared by key (in ASCII case only before migration
// 13), into the oldest of them, which keeps its spelling, made canonical.
// The merged tag is on every article any of them was on, set by the reader
// if any of them was, since the earliest; it has the oldest one's colour,
// or the first colour any of them had. A tag that canon leaves no name is
// deleted. Feeds' default tags and rules' tags are made canonical as well.
func mergeTagNames(ctx context.Context, tx *sql.Tx, canon, key func(string) string) error {
	type tag struct {
		id          int64
		name, color string
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, color FROM tags ORDER BY id`)
	if err != nil {
		return err
	}
	groups := map[string][]tag{}
	var keys []string
	for rows.Next() {
		var t tag
		if err := rows.Scan(&t.id, &t.name, &t.color); err != nil {
			rows.Close()
			return err
		}
		k := key(canon(t.name))
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], t)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, k := range keys {
		g := groups[k]
		if k == "" {
			for _, t := range g {
				if err := deleteTag(ctx, tx, t.id); err != nil {
					return err
				}
			}
			continue
		}
		keep := g[0]
		if len(g) == 1 && canon(keep.name) == keep.name {
			continue
		}
		color := keep.color
		for _, t := range g[1:] {
			if color == "" {
				color = t.color
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags(article_id, tag_id, added, by_rule)
				SELECT article_id, ?, added, by_rule FROM article_tags WHERE tag_id = ?
				ON CONFLICT(article_id, tag_id) DO UPDATE
				SET added = min(added, excluded.added), by_rule = min(by_rule, excluded.by_rule)`, keep.id, t.id); err != nil {
				return err
			}
			if err := deleteTag(ctx, tx, t.id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tags SET name = ?, color = ? WHERE id = ?`,
			canon(keep.name), color, keep.id); err != nil {
			return err
		}
	}
	for _, table := range []string{"feeds", "rules"} {
		if err := canonTagLists(ctx, tx, table, canon, key); err != nil {
			return err
		}
	}
	return nil
}

// deleteTag deletes a tag and takes it off its articles.
func deleteTag(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_tags WHERE tag_id = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id)
	return err
}

// canonTagLists makes the names in the tags column (a JSON array) of table
// canonical, dropping a name that is then there twice (by key) or is no
// name; a list that is not JSON stays as it is.
func canonTagLists(ctx context.Context, tx *sql.Tx, table string, canon, key func(string) string) error {
	type list struct {
		id   int64
		tags string
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, tags FROM `+table)
	if err != nil {
		return err
	}
	var lists []list
	for rows.Next() {
		var l list
		if err := rows.Scan(&l.id, &l.tags); err != nil {
			rows.Close()
			return err
		}
		lists = append(lists, l)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, l := range lists {
		var names []string
		if json.Unmarshal([]byte(l.tags), &names) != nil {
			continue
		}
		out := make([]string, 0, len(names))
		for _, name := range names {
			name = canon(name)
			if name != "" && !slices.ContainsFunc(out, func(c string) bool { return key(c) == key(name) }) {
				out = append(out, name)
			}
		}
		if slices.Equal(out, names) {
			continue
		}
		enc, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET tags = ? WHERE id = ?`, string(enc), l.id); err != nil {
			return err
		}
	}
	return nil
}

// asciiLower is name in ASCII lower case: what told tag names apart before
// migration 13 (SQLite's NOCASE compares so).
func asciiLower(name string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}
