package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tidings/feeds"
)

// ApplyRules tags, on behalf of each rule, the articles among the given
// external ids that its query matches, in one transaction, and returns how
// many articles the rules matched. Rules apply to articles as they arrive (import, fetch):
// a tag the reader later removes from an article stays removed.
//
// rules are the library's stored rules plus any others (config.toml's); a
// rule whose query no longer parses is reported and the others still apply.
func (s *Store) ApplyRules(ctx context.Context, rules []Rule, externalIDs []string) (int, error) {
	if len(rules) == 0 || len(externalIDs) == 0 {
		return 0, nil
	}
	type prepared struct {
		rule Rule
		c    compiled
	}
	var ok []prepared
	var bad error
	for _, r := range rules {
		c, err := compile(r.Query, false)
		if err != nil {
			bad = &RuleError{Query: r.Query, Err: err}
			continue
		}
		ok = append(ok, prepared{r, c})
	}
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS rule_arrivals (id INTEGER PRIMARY KEY)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM temp.rule_arrivals`); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO temp.rule_arrivals(id) SELECT id FROM articles WHERE external_id = ?`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, ext := range externalIDs {
			if _, err := ins.ExecContext(ctx, ext); err != nil {
				return err
			}
		}
		for _, p := range ok {
			if err := resetTargets(ctx, tx); err != nil {
				return err
			}
			q, args := p.c.arrivals()
			if _, err := tx.ExecContext(ctx, "INSERT INTO temp.tag_targets(id) "+q, args...); err != nil {
				return fmt.Errorf("rule %q: %w", p.rule.Query, err)
			}
			var k int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM temp.tag_targets`).Scan(&k); err != nil {
				return err
			}
			if k == 0 {
				continue
			}
			if _, _, err := retag(ctx, tx, feeds.NormalizeTags(p.rule.Tags), nil, true); err != nil {
				return fmt.Errorf("rule %q: %w", p.rule.Query, err)
			}
			n += k
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: apply rules: %w", err)
	}
	return n, bad
}

// arrivals selects the ids of the articles in temp.rule_arrivals that c
// matches.
func (c compiled) arrivals() (string, []any) {
	if c.Match != "" {
		// FTS5 leads; the unary + keeps SQLite from probing every arrival
		// for each of its rows (a second for 3,000 arrivals and one rule).
		w, args := c.where([]string{"+a.id IN (SELECT id FROM temp.rule_arrivals)"})
		return "SELECT a.id FROM " + c.from() + w, args
	}
	// The arrivals lead, each looked up and tested: the cost is the
	// batch's, whatever the library's size.
	w, args := c.where(nil)
	return "SELECT a.id FROM temp.rule_arrivals r CROSS JOIN articles a ON a.id = r.id" + w, args
}

// ApplyRulesToLibrary tags every article of the library that each rule
// matches, as asked for by `tidings rule apply`; it returns, for each rule,
// how many articles it matched and how many gained each of its tags.
func (s *Store) ApplyRulesToLibrary(ctx context.Context, rules []Rule) ([]Tagging, error) {
	out := make([]Tagging, len(rules))
	for i, r := range rules {
		t, err := s.TagByRule(ctx, r.Query, r.Tags)
		if err != nil {
			return out, err
		}
		out[i] = t
	}
	return out, nil
}

// RuleError is a rule whose query does not parse; the other rules still apply.
type RuleError struct {
	Query string
	Err   error
}

func (e *RuleError) Error() string { return fmt.Sprintf("store: rule %q: %v", e.Query, e.Err) }

func (e *RuleError) Unwrap() error { return e.Err }

func isRuleError(err error) bool {
	_, ok := errors.AsType[*RuleError](err)
	return ok
}
