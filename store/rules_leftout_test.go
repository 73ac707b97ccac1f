package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tidings/feeds"
)

// Every cycle of rules that leave out each other's tags is found, not only
// the first: each is named, with its rules in the order given.
func TestRuleCyclesFindsEveryCycle(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rules  []string
		cycles [][]int // the places of each cycle's rules
	}{
		{"none", []string{"x -> a", "tag:a -> b"}, nil},
		{"one", []string{"-tag:b x -> a", "-tag:a x -> b", "y -> c"}, [][]int{{0, 1}}},
		{"two apart", []string{"-tag:b kestrel -> a", "-tag:e ferry -> d", "-tag:d ferry -> e", "-tag:a kestrel -> b"},
			[][]int{{0, 3}, {1, 2}}},
		{"three, one through another rule", []string{"-tag:b x -> a", "-tag:a x -> b", "-tag:c y -> q", "tag:q -> c", "-tag:f z -> e", "-tag:e z -> f"},
			[][]int{{0, 1}, {2, 3}, {4, 5}}},
		{"one that reads another's", []string{"-tag:b x -> a", "-tag:a x -> b", "tag:a -> c"}, [][]int{{0, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules := rulesOf(tc.rules...)
			var got [][]int
			for _, c := range RuleCycles(rules) {
				got = append(got, c.At)
				for i, at := range c.At {
					if c.Rules[i].Query != rules[at].Query {
						t.Errorf("cycle rule %d is %q, at %d is %q", i, c.Rules[i].Query, at, rules[at].Query)
					}
				}
			}
			if !slices.EqualFunc(got, tc.cycles, slices.Equal) {
				t.Errorf("cycles at %v, want %v", got, tc.cycles)
			}
			err := CheckRules(rules)
			if (err != nil) != (len(tc.cycles) > 0) {
				t.Fatalf("CheckRules: %v", err)
			}
			for _, c := range tc.cycles {
				for _, at := range c {
					if !strings.Contains(err.Error(), strconv.Quote(rules[at].Query)) {
						t.Errorf("CheckRules does not name %q: %v", rules[at].Query, err)
					}
				}
			}
		})
	}
}

// Applying rules, to the library or to what arrives, names every rule it
// leaves out (each query that does not parse, each cycle), not only the
// last; RulesLeftOut says the same, in the order of the rules; and the
// others apply.
func TestRulesLeftOutAreEachNamed(t *testing.T) {
	ctx := context.Background()
	rules := []Rule{
		{Query: "-tag:b kestrel", Tags: []string{"a"}},
		{Query: "title:(", Tags: []string{"broken1"}},
		{Query: "-tag:e ferry", Tags: []string{"d"}},
		{Query: "-tag:d ferry", Tags: []string{"e"}},
		{Query: "ferry AND (", Tags: []string{"broken2"}},
		{Query: "-tag:a kestrel", Tags: []string{"b"}},
		{Query: "ferry", Tags: []string{"boat"}},
	}
	wantAt := [][]int{{0, 5}, {1}, {2, 3}, {4}}
	var gotAt [][]int
	for _, e := range RulesLeftOut(rules) {
		gotAt = append(gotAt, e.At)
	}
	if !slices.EqualFunc(gotAt, wantAt, slices.Equal) {
		t.Errorf("RulesLeftOut at %v, want %v", gotAt, wantAt)
	}
	if got := RulesLeftOut(rules[6:]); got != nil {
		t.Errorf("RulesLeftOut of a rule that applies: %v", got)
	}
	names := func(t *testing.T, err error) {
		t.Helper()
		if !isRuleError(err) {
			t.Fatalf("not a rule error: %v", err)
		}
		for _, r := range rules[:6] {
			if !strings.Contains(err.Error(), strconv.Quote(r.Query)) {
				t.Errorf("%v\ndoes not name %q", err, r.Query)
			}
		}
		var cycle *CycleError
		if !errors.As(err, &cycle) {
			t.Errorf("errors.As finds no cycle in %v", err)
		}
	}
	t.Run("rule apply", func(t *testing.T) {
		s := openTemp(t)
		importAll(t, s, art("K", "2024-03-01", "A kestrel on the ferry."))
		_, err := s.ApplyRulesToLibrary(ctx, rules)
		names(t, err)
		if got := tagsByArticle(t, s)["K"]; got != "boat" {
			t.Errorf("tags %q, want boat", got)
		}
	})
	t.Run("import", func(t *testing.T) {
		s := openTemp(t)
		_, err := s.ImportTagged(ctx, []feeds.Article{art("K", "2024-03-01", "A kestrel on the ferry.")}, rules)
		names(t, err)
		if got := tagsByArticle(t, s)["K"]; got != "boat" {
			t.Errorf("tags %q, want boat", got)
		}
	})
}

// rule add refuses a rule that closes any cycle, not only when the first
// cycle found has it: with a cycle of the library and config.toml standing,
// a second cycle is refused all the same, naming its rules, and not stored.
func TestAddRuleRefusesEveryCycleItCloses(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	config := []Rule{{Query: "-tag:a kestrel", Tags: []string{"b"}}}
	for _, r := range []Rule{
		{Query: "-tag:b kestrel", Tags: []string{"a"}}, // the library's half of a cycle with config.toml
		{Query: "-tag:e ferry", Tags: []string{"d"}},
	} {
		if _, err := s.AddRule(ctx, r.Query, r.Tags); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.AddRule(ctx, "-tag:d ferry", []string{"e"}, config...)
	cycle, ok := errors.AsType[*CycleError](err)
	if !ok {
		t.Fatalf("the rule closing a second cycle: %v, want a cycle", err)
	}
	var named []string
	for _, r := range cycle.Rules {
		named = append(named, r.Query)
	}
	if want := []string{"-tag:e ferry", "-tag:d ferry"}; !slices.Equal(named, want) {
		t.Errorf("the cycle names %q, want %q", named, want)
	}
	if rules, _ := s.Rules(ctx); len(rules) != 2 {
		t.Errorf("%d rules stored, want 2", len(rules))
	}
	// A rule in no cycle is added beside the cycle standing.
	if _, err := s.AddRule(ctx, "ferry", []string{"boat"}, config...); err != nil {
		t.Errorf("a rule of no cycle: %v", err)
	}
}

// A rule that does what one of the library or of config.toml does already
// (the same query, written alike, and the same tags, in any order or case)
// is refused, naming that rule; one that differs is added.
func TestAddRuleRefusesDuplicates(t *testing.T) {
	ctx := context.Background()
	config := []Rule{{Query: "kestrel", Tags: []string{"birds"}}}
	for _, tc := range []struct {
		name  string
		query string
		tags  []string
		had   int64 // the id of the rule named; -1 config.toml's; 0 added
	}{
		{"the same", "ukraine", []string{"ukraine"}, 1},
		{"spaced otherwise", "  ukraine ", []string{" ukraine"}, 1},
		{"tags in another order and case", "taurus OR \"storm shadow\"", []string{"Weapons", "missiles"}, 2},
		{"the query written otherwise", "taurus  OR  \"storm shadow\"", []string{"missiles", "weapons"}, 2},
		{"config.toml's", "kestrel", []string{"#birds"}, -1},
		{"another tag", "ukraine", []string{"war"}, 0},
		{"fewer tags", "taurus OR \"storm shadow\"", []string{"missiles"}, 0},
		{"another query", "ukraine kyiv", []string{"ukraine"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			for _, r := range []Rule{{Query: "ukraine", Tags: []string{"ukraine"}}, {Query: "taurus OR \"storm shadow\"", Tags: []string{"missiles", "weapons"}}} {
				if _, err := s.AddRule(ctx, r.Query, r.Tags); err != nil {
					t.Fatal(err)
				}
			}
			_, err := s.AddRule(ctx, tc.query, tc.tags, config...)
			dup, ok := errors.AsType[*DuplicateRuleError](err)
			switch {
			case tc.had == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.had == 0:
				return
			case !ok:
				t.Fatalf("added (%v), want it refused as a duplicate", err)
			case tc.had == -1 && (dup.Rule.ID != 0 || !strings.Contains(err.Error(), "config.toml")):
				t.Errorf("names %+v: %v, want config.toml's rule", dup.Rule, err)
			case tc.had > 0 && (dup.Rule.ID != tc.had || !strings.Contains(err.Error(), "rule "+strconv.FormatInt(tc.had, 10)+" ")):
				t.Errorf("names %+v: %v, want rule %d", dup.Rule, err, tc.had)
			}
			if rules, _ := s.Rules(ctx); len(rules) != 2 {
				t.Errorf("%d rules stored, want 2", len(rules))
			}
		})
	}
}

// A rule removed keeps its id: the next rule added gets a new one, even
// when the rule removed had the highest, and after the library is opened
// again; so `rule remove 2` run again removes nothing. DeleteRule says
// which rule it removed.
func TestRuleIDsAreNotGivenAgain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	add := func(q, tag string) int64 {
		t.Helper()
		r, err := s.AddRule(ctx, q, []string{tag})
		if err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	add("ukraine", "ukraine")
	second := add("taurus", "missiles")
	removed, err := s.DeleteRule(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if removed.ID != second || removed.Query != "taurus" || !slices.Equal(removed.Tags, []string{"missiles"}) {
		t.Errorf("DeleteRule returned %+v", removed)
	}
	third := add("tag:missiles", "weapons")
	if third == second {
		t.Fatalf("the rule added got the removed rule's id %d", second)
	}
	if _, err := s.DeleteRule(ctx, second); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing %d again: %v, want ErrNotFound", second, err)
	}
	if rules, _ := s.Rules(ctx); len(rules) != 2 || rules[1].ID != third {
		t.Errorf("rules %+v, want the one added kept", rules)
	}
	if _, err := s.DeleteRule(ctx, third); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fourth := add("kestrel", "birds"); fourth <= third {
		t.Errorf("after removing rule %d and opening again, the next rule is %d", third, fourth)
	}
}
