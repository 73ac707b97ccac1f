package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
)

// Two migrations make tag names that look alike one name: 9 composes them
// (Unicode NFC), 11 drops the characters in them that show nothing
// (feeds.NormalizeTags), as tags have been written since.

// mergeTagForms composes every tag name (NFC) and merges the tags that are
// then one name (migration 9); see mergeTagNames.
func mergeTagForms(ctx context.Context, tx *sql.Tx) error {
	return mergeTagNames(ctx, tx, norm.NFC.String)
}

// dropTagMarks drops the characters that show nothing from every tag name
// and merges the tags that are then one name (migration 11); a tag whose
// name was nothing else is taken off its articles. See mergeTagNames.
func dropTagMarks(ctx context.Context, tx *sql.Tx) error {
	return mergeTagNames(ctx, tx, tagName)
}

// tagName is name as tags are named now, "" for none.
func tagName(name string) string {
	if t := feeds.NormalizeTags([]string{name}); len(t) == 1 {
		return t[0]
	}
	return ""
}

// mergeTagNames renames every tag to canon(name) and merges the tags that
// are then one name, as the library compares names (in ASCII case only),
// into the oldest of them, which keeps its spelling, made canonical. The
// merged tag is on every article any of them was on, set by the reader if
// any of them was, since the earliest; it has the oldest one's colour, or
// the first colour any of them had. A tag that canon leaves no name is
// deleted. Feeds' default tags and rules' tags are made canonical as well.
func mergeTagNames(ctx context.Context, tx *sql.Tx, canon func(string) string) error {
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
		key := asciiLower(canon(t.name))
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], t)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, key := range keys {
		g := groups[key]
		if key == "" {
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
		if err := canonTagLists(ctx, tx, table, canon); err != nil {
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
// canonical, dropping a name that is then there twice or is no name; a list
// that is not JSON stays as it is.
func canonTagLists(ctx context.Context, tx *sql.Tx, table string, canon func(string) string) error {
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
			if name != "" && !slices.ContainsFunc(out, func(c string) bool { return asciiLower(c) == asciiLower(name) }) {
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

// asciiLower is name in ASCII lower case: what tells tag names apart once
// they are canonical (SQLite's NOCASE compares so).
func asciiLower(name string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
}
