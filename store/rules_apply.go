package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// Rules chain through tags: a rule whose query asks for a tag (tag:missiles)
// sees the tags the other rules set, whatever the order of the rules. They
// run in strata (rules_strata.go): a rule that leaves out a tag
// (-tag:naval) runs after the rules that add it. Within a stratum they are
// applied in rounds until none adds a tag. The first round runs every rule
// of the stratum, in order; a later round runs again only the rules whose
// query reads a tag the round before added, and only on the articles that
// gained one. Tags are only added, and within a stratum a rule leaves out
// no tag another of it adds, so the rounds end: an article gains a tag in a
// round only from a rule that had not tagged it yet, and only after gaining
// one in the round before, so there are at most as many rounds as rules,
// cycles (a→b, b→a) included.

// ApplyRules tags, on behalf of each rule, the articles among the given
// external ids that its query matches, in one transaction, and returns how
// many articles the rules matched. Rules apply to articles as they arrive (import, fetch):
// a tag the reader later removes from an article stays removed.
//
// rules are the library's stored rules plus any others (config.toml's); the
// rules left out (RulesLeftOut) are reported, each of them, and the others
// still apply.
func (s *Store) ApplyRules(ctx context.Context, rules []Rule, externalIDs []string) (int, error) {
	if len(rules) == 0 || len(externalIDs) == 0 {
		return 0, nil
	}
	strata, bad := prepareStrata(rules)
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = applyArrivals(ctx, tx, strata, len(rules), externalIDs)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: apply rules: %w", err)
	}
	return n, bad
}

// applyArrivals is ApplyRules' work in tx: the rules in strata (of
// nRules given) tag the articles among externalIDs that they match; it
// returns how many articles they matched.
func applyArrivals(ctx context.Context, tx *sql.Tx, strata [][]*ruleRun, nRules int, externalIDs []string) (int, error) {
	if len(strata) == 0 || len(externalIDs) == 0 {
		return 0, nil
	}
	// The articles' ids, which the first stratum loads as its arrivals.
	var arrivals []int64
	for i := 0; i < len(externalIDs); i += 500 {
		part := externalIDs[i:min(i+500, len(externalIDs))]
		args := make([]any, len(part))
		for j, ext := range part {
			args[j] = ext
		}
		ids, err := targets(ctx, tx, `SELECT id FROM articles WHERE external_id IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return 0, err
		}
		arrivals = append(arrivals, ids...)
	}
	slices.Sort(arrivals)
	arrivals = slices.Compact(arrivals)
	if len(arrivals) == 0 {
		return 0, nil
	}
	inTx := func(fn func(*sql.Tx) error) error { return fn(tx) }
	taggings, err := applyStrata(ctx, strata, nRules, inTx, arrivals)
	n := 0
	for _, t := range taggings {
		n += t.Articles
	}
	return n, err
}

// ApplyRulesToLibrary tags every article of the library that each rule
// matches, as asked for by `tidings rule apply`; it returns, for each rule,
// how many articles it matched and how many gained each of its tags, over
// all the rounds. Each rule's tagging in a round is a transaction of its
// own. The rules left out (RulesLeftOut) are reported, each of them, and
// the others still apply.
func (s *Store) ApplyRulesToLibrary(ctx context.Context, rules []Rule) ([]Tagging, error) {
	strata, bad := prepareStrata(rules)
	taggings, err := applyStrata(ctx, strata, len(rules), func(fn func(*sql.Tx) error) error { return s.tx(ctx, fn) }, nil)
	if err != nil {
		return taggings, fmt.Errorf("store: apply rules: %w", err)
	}
	return taggings, bad
}

// RulesLeftOut returns, for the rules applying them would leave out, why:
// each rule whose query does not parse, and each cycle of rules that leave
// out each other's tags (see stratify), in the order of their first rules.
// None when every rule applies. Applying or importing reports them as its
// error; RecordFetch, once for each feed, does not: a fetch of every feed
// says them once, before it (its caller).
func RulesLeftOut(rules []Rule) []*RuleError {
	_, bad := strataOf(rules)
	return bad
}

// ruleRun is a rule ready to apply: its query compiled, and which tags of
// an article the query reads.
type ruleRun struct {
	index int // in the rules given
	rule  Rule
	tags  []string // the rule's tags, normalised
	c     compiled
	// names are the tags the query reads (folded, see foldTag), asked for
	// or left out (under a NOT); prefixes are its tag prefixes (tag:x*);
	// anyTag is how is:untagged reads every tag.
	names, prefixes []tagRead
	anyTag          int
	// requires and excludes are tags an article must have, and must not
	// have, for the query to match it (requiresOf).
	requires, excludes []tagSet
	// again is set when some rule of its stratum gives a tag the query
	// reads: the rule may run in a later round. matched are then the articles it has matched,
	// so that an article matched in two rounds counts once.
	again   bool
	matched map[int64]struct{}
}

// prepareRules compiles the rules, leaving out those whose query does not
// parse, each said in bad.
func prepareRules(rules []Rule) (runs []*ruleRun, bad []*RuleError) {
	for i, r := range rules {
		c, err := compile(r.Query, false)
		if err != nil {
			bad = append(bad, &RuleError{Query: r.Query, Err: err, At: []int{i}})
			continue
		}
		run := &ruleRun{index: i, rule: r, tags: keptTagNames(r.Tags), c: c}
		run.readsOf(c.node, false)
		run.requiresOf(c.node)
		runs = append(runs, run)
	}
	return runs, bad
}

// prepareStrata compiles the rules and orders them in strata (stratify),
// leaving out those whose query does not parse and those of every cycle
// through a left-out tag: the error says each of them (leftOutError).
func prepareStrata(rules []Rule) ([][]*ruleRun, error) {
	strata, bad := strataOf(rules)
	return strata, leftOutError(bad)
}

// strataOf is prepareStrata, the rules left out each said in bad, in the
// order of their first rules.
func strataOf(rules []Rule) (strata [][]*ruleRun, bad []*RuleError) {
	runs, bad := prepareRules(rules)
	strata, cycles := stratify(runs)
	for _, c := range cycles {
		bad = append(bad, &RuleError{Query: c.Rules[0].Query, Err: c, At: c.At})
		runs = slices.DeleteFunc(runs, func(r *ruleRun) bool { return slices.Contains(c.At, r.index) })
	}
	if len(cycles) > 0 {
		strata, _ = stratify(runs) // none is left: a cycle's rules are all out
		slices.SortStableFunc(bad, func(a, b *RuleError) int { return a.At[0] - b.At[0] })
	}
	for _, stratum := range strata {
		for _, r := range stratum {
			for _, other := range stratum {
				r.again = r.again || r.dependsOn(other) != 0
			}
			if r.again {
				r.matched = map[int64]struct{}{}
			}
		}
	}
	return strata, bad
}

// reads reports whether the rule's query may match an article differently
// once it has the tag (its name folded).
func (r *ruleRun) reads(tag string) bool { return r.readsAs(tag) != 0 }

// foldTag is a tag name as compared with the tags a query asks for: as the
// library tells tag names apart (marks.FoldTag).
func foldTag(name string) string { return marks.FoldTag(query.TagName(name)) }

// applyStrata applies the strata of rules one after the other (applyRounds)
// and returns, indexed as the n rules given, what each did over all the
// rounds: the articles it matched, each once, and how many gained each of
// its tags. Each stratum's first round runs over the whole library when
// arrivals is nil, or else over the articles arrivals holds.
func applyStrata(ctx context.Context, strata [][]*ruleRun, n int, exec func(func(*sql.Tx) error) error, arrivals []int64) ([]Tagging, error) {
	out := make([]Tagging, n)
	for _, runs := range strata {
		if err := applyRounds(ctx, runs, out, exec, arrivals); err != nil {
			return out, err
		}
	}
	return out, nil
}

// applyRounds applies a stratum's rules in rounds until none adds a tag
// (see above), each rule's step in a round run by exec, adding what each
// did to out. The first round runs over the whole library when arrivals is
// nil, or else over the articles arrivals holds.
func applyRounds(ctx context.Context, runs []*ruleRun, out []Tagging, exec func(func(*sql.Tx) error) error, arrivals []int64) error {
	library := arrivals == nil
	due := make([]bool, len(runs))
	for i := range due {
		due[i] = true
	}
	var scope []int64 // the articles a later round runs on
	for round := 0; round <= len(runs); round++ {
		var added []string             // the tags this round added, folded
		gained := map[int64]struct{}{} // the articles that gained a tag some rule reads
		for i, r := range runs {
			if !due[i] {
				continue
			}
			var t Tagging
			err := exec(func(tx *sql.Tx) error {
				switch {
				case round > 0:
					if err := loadArrivals(ctx, tx, scope); err != nil {
						return err
					}
				case !library && i == 0:
					// A stratum before may have left other articles there.
					if err := loadArrivals(ctx, tx, arrivals); err != nil {
						return err
					}
				}
				var err error
				t, err = r.step(ctx, tx, library && round == 0, runs, gained)
				return err
			})
			if err != nil {
				return fmt.Errorf("rule %q: %w", r.rule.Query, err)
			}
			o := &out[r.index]
			if round == 0 {
				*o = t
			} else {
				o.Articles += t.Articles
				for j, c := range t.Added {
					if c.Articles > 0 {
						o.Added[j].Name = c.Name
						o.Added[j].Articles += c.Articles
					}
				}
			}
			for _, c := range t.Added {
				if c.Articles > 0 {
					added = append(added, foldTag(c.Name))
				}
			}
		}
		if len(gained) == 0 {
			break
		}
		more := false
		for i, r := range runs {
			due[i] = r.again && slices.ContainsFunc(added, r.reads)
			more = more || due[i]
		}
		if !more {
			break
		}
		scope = slices.Sorted(maps.Keys(gained))
	}
	return nil
}

// step tags on behalf of the rule the articles its query matches, in the
// library or in temp.rule_arrivals, and adds to gained those that gain a
// tag one of the rules reads.
func (r *ruleRun) step(ctx context.Context, tx *sql.Tx, library bool, runs []*ruleRun, gained map[int64]struct{}) (Tagging, error) {
	if err := resetTargets(ctx, tx); err != nil {
		return Tagging{}, err
	}
	sel, args := r.c.arrivals()
	if library {
		var err error
		if sel, args, err = r.c.plannedIDs(ctx, tx); err != nil {
			return Tagging{}, err
		}
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO temp.tag_targets(id) "+sel, args...)
	if err != nil {
		return Tagging{}, err
	}
	k, err := res.RowsAffected()
	if err != nil {
		return Tagging{}, err
	}
	t := Tagging{Articles: int(k)}
	if k == 0 {
		for _, name := range r.tags {
			t.Added = append(t.Added, TagChange{Name: name})
		}
		return t, nil
	}
	if r.matched != nil {
		ids, err := targets(ctx, tx, `SELECT id FROM temp.tag_targets`)
		if err != nil {
			return Tagging{}, err
		}
		t.Articles = 0
		for _, id := range ids {
			if _, ok := r.matched[id]; !ok {
				r.matched[id] = struct{}{}
				t.Articles++
			}
		}
	}
	for _, name := range r.tags {
		if !slices.ContainsFunc(runs, func(o *ruleRun) bool { return o.again && o.reads(foldTag(name)) }) {
			continue
		}
		ids, err := targets(ctx, tx, `SELECT tt.id FROM temp.tag_targets tt WHERE NOT EXISTS (
			SELECT 1 FROM article_tags x WHERE x.article_id = tt.id AND x.tag_id = (SELECT id FROM tags WHERE folded = ?))`, marks.FoldTag(name))
		if err != nil {
			return Tagging{}, err
		}
		for _, id := range ids {
			gained[id] = struct{}{}
		}
	}
	t.Added, _, err = retag(ctx, tx, r.tags, nil, true)
	return t, err
}

// targets returns the article ids a query selects.
func targets(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// resetArrivals makes the temporary table of the articles rules apply to,
// empty. It lives on the writer connection only.
func resetArrivals(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS rule_arrivals (id INTEGER PRIMARY KEY)`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM temp.rule_arrivals`)
	return err
}

// loadArrivals makes ids the articles rules apply to.
func loadArrivals(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if err := resetArrivals(ctx, tx); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO temp.rule_arrivals(id) VALUES (?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, id := range ids {
		if _, err := ins.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	return nil
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

// RuleError is a rule left out, the other rules still applying: its query
// does not parse, or it is of a cycle of rules that leave out each other's
// tags, and Err is then the *CycleError, which names them all.
type RuleError struct {
	Query string
	Err   error
	// At are the places of the rules left out among the rules given
	// (from 0): the rule's, or its cycle's.
	At []int
}

func (e *RuleError) Error() string { return "store: " + e.reason() }

// reason is the error without the package that says it.
func (e *RuleError) reason() string {
	if c, ok := e.Err.(*CycleError); ok {
		return c.Error() // it names the rule, with the others
	}
	return fmt.Sprintf("rule %q: %v", e.Query, e.Err)
}

func (e *RuleError) Unwrap() error { return e.Err }

// RulesError is several rules left out, the other rules still applying:
// each of Rules says why (errors.As finds the first).
type RulesError struct {
	Rules []*RuleError
}

func (e *RulesError) Error() string {
	reasons := make([]string, len(e.Rules))
	for i, r := range e.Rules {
		reasons[i] = r.reason()
	}
	return "store: " + strings.Join(reasons, "; ")
}

func (e *RulesError) Unwrap() []error {
	errs := make([]error, len(e.Rules))
	for i, r := range e.Rules {
		errs[i] = r
	}
	return errs
}

// leftOutError is the error that reports the rules left out: nil when
// there are none, the *RuleError of one, or a *RulesError.
func leftOutError(bad []*RuleError) error {
	switch len(bad) {
	case 0:
		return nil
	case 1:
		return bad[0]
	}
	return &RulesError{Rules: bad}
}

func isRuleError(err error) bool {
	_, ok := errors.AsType[*RuleError](err)
	return ok
}
