package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"tidings/feeds"
	"tidings/store/query"
)

// AddRule stores a rule: the articles its query matches get its tags. The
// query must parse and there must be a tag, and the rule must not leave out
// tags that the library's rules and the others given (config.toml's) add
// in a cycle with it (CheckRules): the error is then a *CycleError.
func (s *Store) AddRule(ctx context.Context, q string, tags []string, others ...Rule) (Rule, error) {
	n, err := query.Parse(q)
	if err != nil {
		return Rule{}, fmt.Errorf("store: add rule: %w", err)
	}
	if n.Kind == query.All {
		return Rule{}, fmt.Errorf("store: add rule: %q matches every article", q)
	}
	tags = feeds.NormalizeTags(tags)
	if len(tags) == 0 {
		return Rule{}, errors.New("store: add rule: no tags")
	}
	enc, err := json.Marshal(tags)
	if err != nil {
		return Rule{}, fmt.Errorf("store: add rule: %w", err)
	}
	r := Rule{Query: q, Tags: tags, Created: time.Now().UTC().Truncate(time.Second)}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		library, err := rulesIn(ctx, tx)
		if err != nil {
			return err
		}
		all := append(append(library, others...), r)
		if cycle, ok := errors.AsType[*CycleError](CheckRules(all)); ok && slices.ContainsFunc(cycle.Rules, func(c Rule) bool {
			return c.Query == r.Query && slices.Equal(c.Tags, r.Tags)
		}) {
			return cycle
		}
		return tx.QueryRowContext(ctx, `INSERT INTO rules(query, tags, created) VALUES (?, ?, ?) RETURNING id`,
			q, string(enc), r.Created.Unix()).Scan(&r.ID)
	})
	if err != nil {
		return Rule{}, fmt.Errorf("store: add rule: %w", err)
	}
	return r, nil
}

// Rules returns the rules in the order they were added.
func (s *Store) Rules(ctx context.Context) ([]Rule, error) {
	return rulesIn(ctx, s.db)
}

// rulesIn reads the rules, in the order they were added, through q (the
// store's readers, or a transaction).
func rulesIn(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]Rule, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, query, tags, created FROM rules ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: rules: %w", err)
	}
	defer rows.Close()
	var out []Rule
	for rows.Next() {
		var r Rule
		var tags string
		var created int64
		if err := rows.Scan(&r.ID, &r.Query, &tags, &created); err != nil {
			return nil, fmt.Errorf("store: rules: %w", err)
		}
		if err := json.Unmarshal([]byte(tags), &r.Tags); err != nil {
			return nil, fmt.Errorf("store: rule %d: tags: %w", r.ID, err)
		}
		r.Created = fromUnix(created)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: rules: %w", err)
	}
	return out, nil
}

// DeleteRule deletes a rule. The tags it has set stay.
func (s *Store) DeleteRule(ctx context.Context, id int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM rules WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete rule %d: %w", id, err)
	}
	return nil
}
