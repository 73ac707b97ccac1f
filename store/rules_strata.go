package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"tidings/feeds"
	"tidings/store/query"
)

// A rule whose query leaves out a tag (-tag:zz kestrel → #aa) matches
// fewer articles once another rule has added that tag (kestrel → #zz):
// run before it, it would tag what it leaves out run after it, and the
// result would depend on the order of the rules. So the rules run in
// strata: a rule that leaves out a tag runs after every rule that can add
// it, which then has added all it can, and every rule sees the others'
// tags as they finally are. Rules that only ask for tags chain within a
// stratum, in rounds (applyRounds). Rules that leave out each other's tags,
// directly or through others (-tag:b x → #a and -tag:a x → #b), have no
// such order: they are refused (CheckRules), naming them. A rule that
// leaves out a tag it adds itself (-tag:seen x → #seen) is no such cycle:
// it matches, then tags.

// CheckRules reports whether the rules can run together: whether some of
// them leave out tags the others add, in a cycle (see above). The error
// names the rules of every cycle, each cycle a *CycleError (errors.As finds
// the first). A rule whose query does not parse is left to the caller.
func CheckRules(rules []Rule) error {
	var errs []error
	for _, c := range RuleCycles(rules) {
		errs = append(errs, c)
	}
	return errors.Join(errs...)
}

// RuleCycles returns every cycle of the rules (see above), each naming
// its rules in the order given; none when they can run together. A rule
// whose query does not parse is of none.
func RuleCycles(rules []Rule) []*CycleError {
	runs, _ := prepareRules(rules)
	_, cycles := stratify(runs)
	return cycles
}

// CycleError is a set of rules that leave out each other's tags: which
// articles they tag would depend on their order.
type CycleError struct {
	Rules []Rule
	// At are the places of Rules among the rules given (from 0), so that
	// two rules alike are told apart.
	At []int
}

func (e *CycleError) Error() string {
	names := make([]string, len(e.Rules))
	for i, r := range e.Rules {
		names[i] = ruleName(r)
	}
	return fmt.Sprintf("rules %s leave out each other's tags (-tag:), so what they tag would depend on their order; "+
		"change or remove one of them", strings.Join(names, " and "))
}

// ruleName is a rule as errors name it: its query quoted, and its tags as
// the query language writes them, "-tag:b x" → #a.
func ruleName(r Rule) string {
	names := feeds.NormalizeTags(r.Tags)
	tags := make([]string, len(names))
	for i, t := range names {
		tags[i] = "#" + strings.TrimPrefix(query.Node{Kind: query.Tag, Value: t}.String(), "tag:")
	}
	return fmt.Sprintf("%q → %s", r.Query, strings.Join(tags, " "))
}

// polarity of a tag a query reads: whether adding the tag to an article can
// make the query match it (asked for) or stop matching it (left out).
const (
	askedFor = 1 << iota
	leftOut
)

// readsOf notes the tags of n's terms, under an odd number of negations
// (negated) or not.
func (r *ruleRun) readsOf(n query.Node, negated bool) {
	pol := askedFor
	if negated {
		pol = leftOut
	}
	switch n.Kind {
	case query.Not:
		for _, k := range n.Kids {
			r.readsOf(k, !negated)
		}
		return
	case query.Tag:
		if n.Prefix {
			r.prefixes = append(r.prefixes, tagRead{foldTag(n.Value), pol})
		} else {
			r.names = append(r.names, tagRead{foldTag(n.Value), pol})
		}
	case query.Is:
		if n.Value == "untagged" {
			// Any tag makes an article tagged.
			r.anyTag |= map[int]int{askedFor: leftOut, leftOut: askedFor}[pol]
		}
	}
	for _, k := range n.Kids {
		r.readsOf(k, negated)
	}
}

// tagRead is a tag a query reads (folded, see foldTag), or a prefix of
// tags, with its polarity.
type tagRead struct {
	name string
	pol  int
}

// readsAs returns how the rule's query reads the tag (its name folded): 0
// if it does not.
func (r *ruleRun) readsAs(tag string) int {
	pol := r.anyTag
	for _, n := range r.names {
		if n.name == tag {
			pol |= n.pol
		}
	}
	for _, p := range r.prefixes {
		if strings.HasPrefix(tag, p.name) {
			pol |= p.pol
		}
	}
	return pol
}

// dependsOn returns how r reads the tags other adds: askedFor, leftOut,
// both or 0. Tags r leaves out do not count when other only tags articles
// that r leaves out anyway: is:untagged → #inbox and tag:inbox → #later
// run in either order, since #later only goes where #inbox is.
func (r *ruleRun) dependsOn(other *ruleRun) int {
	pol := 0
	for _, t := range other.tags {
		pol |= r.readsAs(foldTag(t))
	}
	if pol&leftOut != 0 && r.excludesAll(other.requires) {
		pol &^= leftOut
	}
	return pol
}

// requiresOf notes, from the terms every match of the query n must satisfy
// (the top-level conjunction), the tags an article must have (requires)
// and those it must not have (excludes) for the rule to match it.
func (r *ruleRun) requiresOf(n query.Node) {
	kids := []query.Node{n}
	if n.Kind == query.And {
		kids = n.Kids
	}
	for _, k := range kids {
		switch {
		case k.Kind == query.Tag:
			r.requires = append(r.requires, tagSet{foldTag(k.Value), k.Prefix})
		case k.Kind == query.Not && k.Kids[0].Kind == query.Is && k.Kids[0].Value == "untagged":
			r.requires = append(r.requires, tagSet{"", true}) // some tag
		case k.Kind == query.Not && k.Kids[0].Kind == query.Tag:
			r.excludes = append(r.excludes, tagSet{foldTag(k.Kids[0].Value), k.Kids[0].Prefix})
		case k.Kind == query.Is && k.Value == "untagged":
			r.excludes = append(r.excludes, tagSet{"", true}) // every tag
		}
	}
}

// tagSet is a tag (folded), or with prefix every tag beginning so.
type tagSet struct {
	name   string
	prefix bool
}

// covers reports whether every tag u stands for is one t stands for.
func (t tagSet) covers(u tagSet) bool {
	if t.prefix {
		return strings.HasPrefix(u.name, t.name)
	}
	return !u.prefix && u.name == t.name
}

// excludesAll reports whether r matches no article that has a tag one of
// required stands for: whether a rule requiring one of them tags only
// articles r leaves out.
func (r *ruleRun) excludesAll(required []tagSet) bool {
	for _, u := range required {
		for _, t := range r.excludes {
			if t.covers(u) {
				return true
			}
		}
	}
	return false
}

// stratify orders the rules in strata (see above): each stratum's rules, in
// the order they were given, run after the strata before. It returns every
// cycle through a left-out tag instead, if there is one.
func stratify(runs []*ruleRun) ([][]*ruleRun, []*CycleError) {
	n := len(runs)
	// dep[i][j]: how rule i reads the tags rule j adds.
	dep := make([][]int, n)
	for i, r := range runs {
		dep[i] = make([]int, n)
		for j, o := range runs {
			if i != j {
				dep[i][j] = r.dependsOn(o)
			}
		}
	}
	if cycles := cyclesOf(runs, dep); len(cycles) > 0 {
		return nil, cycles
	}
	// level[i] is at least level[j] when i reads j's tags, and more when
	// it leaves them out. Raised until nothing changes: without a cycle
	// through a left-out tag, no level passes n.
	level := make([]int, n)
	for changed := true; changed; {
		changed = false
		for i := range runs {
			for j := range runs {
				want := level[j]
				if dep[i][j]&leftOut != 0 {
					want++
				}
				if dep[i][j] != 0 && level[i] < want {
					level[i], changed = want, true
				}
			}
		}
	}
	var strata [][]*ruleRun
	for i, r := range runs {
		for len(strata) <= level[i] {
			strata = append(strata, nil)
		}
		strata[level[i]] = append(strata[level[i]], r)
	}
	return slices.DeleteFunc(strata, func(s []*ruleRun) bool { return len(s) == 0 }), nil
}

// cyclesOf returns every cycle through a left-out tag: each set of rules
// that reach each other by reading each other's tags, one of them leaving
// some out, in the order the rules were given.
func cyclesOf(runs []*ruleRun, dep [][]int) []*CycleError {
	reach := func(from int, back bool) []bool {
		seen := make([]bool, len(runs))
		stack := []int{from}
		seen[from] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for j := range runs {
				edge := dep[i][j]
				if back {
					edge = dep[j][i]
				}
				if edge != 0 && !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		return seen
	}
	// The rules that depend on each other form components; each
	// component with a left-out tag inside it is a cycle.
	var cycles []*CycleError
	done := make([]bool, len(runs))
	for i := range runs {
		if done[i] {
			continue
		}
		fwd, back := reach(i, false), reach(i, true)
		var comp []int
		for j := range runs {
			if fwd[j] && back[j] {
				comp = append(comp, j)
				done[j] = true
			}
		}
		if leavesOut(comp, dep) {
			e := &CycleError{}
			for _, k := range comp {
				e.Rules = append(e.Rules, runs[k].rule)
				e.At = append(e.At, runs[k].index)
			}
			cycles = append(cycles, e)
		}
	}
	return cycles
}

// leavesOut reports whether a rule of comp leaves out a tag another of
// comp adds.
func leavesOut(comp []int, dep [][]int) bool {
	for _, a := range comp {
		for _, b := range comp {
			if dep[a][b]&leftOut != 0 {
				return true
			}
		}
	}
	return false
}
