package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// AddRule stores a rule: the articles its query matches get its tags. The
// query must parse and there must be a tag. Among the library's rules and
// the others given (config.toml's), no rule must do it already (the same
// query and tags, see sameRule: the error is then a *DuplicateRuleError),
// and it must close no cycle of rules that leave out each other's tags
// (RuleCycles: the error is then a *CycleError, naming the rules of the
// cycle it would be in). Its id is one no rule has had: one removed keeps
// its own (see DeleteRule).
func (s *Store) AddRule(ctx context.Context, q string, tags []string, others ...Rule) (Rule, error) {
	n, err := query.Parse(q)
	if err != nil {
		return Rule{}, fmt.Errorf("store: add rule: %w", err)
	}
	if n.Kind == query.All {
		return Rule{}, fmt.Errorf("store: add rule: %q matches every article", q)
	}
	tags = keptTagNames(tags)
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
		for _, had := range all[:len(all)-1] {
			if sameRule(had, r) {
				return &DuplicateRuleError{Rule: had}
			}
		}
		for _, cycle := range RuleCycles(all) {
			if slices.Contains(cycle.At, len(all)-1) {
				return cycle
			}
		}
		return tx.QueryRowContext(ctx, `INSERT INTO rules(id, query, tags, created) VALUES (
			max(coalesce((SELECT max(id) FROM rules), 0), coalesce((SELECT value FROM meta WHERE key = 'last_rule'), 0)) + 1,
			?, ?, ?) RETURNING id`,
			q, string(enc), r.Created.Unix()).Scan(&r.ID)
	})
	if err != nil {
		return Rule{}, fmt.Errorf("store: add rule: %w", err)
	}
	return r, nil
}

// sameRule reports whether rules a and b do the same: their queries read
// alike (normalQuery) and they give the same tags, in any order and in any
// spelling the library takes for one tag (marks.FoldTag).
func sameRule(a, b Rule) bool {
	return normalQuery(a.Query) == normalQuery(b.Query) && slices.Equal(foldedTags(a.Tags), foldedTags(b.Tags))
}

// normalQuery is a query as the query language writes it back
// (query.Node.String): "ukraine  OR  kyiv" is "ukraine OR kyiv". One that
// does not parse is as it is.
func normalQuery(q string) string {
	if n, err := query.Parse(q); err == nil {
		return n.String()
	}
	return q
}

// foldedTags are tags as the library keeps them (keptTagNames), folded
// (marks.FoldTag), sorted, each once.
func foldedTags(tags []string) []string {
	var out []string
	for _, t := range keptTagNames(tags) {
		out = append(out, marks.FoldTag(t))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// DuplicateRuleError is a rule refused because Rule does it already: a
// rule of the library (its ID set), or of config.toml (ID 0).
type DuplicateRuleError struct {
	Rule Rule
}

func (e *DuplicateRuleError) Error() string {
	if e.Rule.ID == 0 {
		return "a rule of config.toml does that already: " + ruleName(e.Rule)
	}
	return fmt.Sprintf("rule %d does that already: %s", e.Rule.ID, ruleName(e.Rule))
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

// DeleteRule deletes a rule, and returns it; ErrNotFound when there is no
// rule id. The tags it has set stay. The highest id the rules have had is
// kept first (meta 'last_rule'), so that the next rule added is not given
// the id of one deleted: `rule remove 2` run again from the shell's history
// would remove the newcomer.
func (s *Store) DeleteRule(ctx context.Context, id int64) (Rule, error) {
	var r Rule
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value)
			SELECT 'last_rule', coalesce(max(id), 0) FROM rules WHERE true
			ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)`); err != nil {
			return err
		}
		var tags string
		var created int64
		err := tx.QueryRowContext(ctx, `DELETE FROM rules WHERE id = ? RETURNING id, query, tags, created`, id).
			Scan(&r.ID, &r.Query, &tags, &created)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		r.Created = fromUnix(created)
		return json.Unmarshal([]byte(tags), &r.Tags)
	})
	if err != nil {
		return Rule{}, fmt.Errorf("store: delete rule %d: %w", id, err)
	}
	return r, nil
}
