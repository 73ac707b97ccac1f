package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/query"
)

// A rule's query and tags are the user's own words, but they are printed
// back every time the rules are listed, so they are cleaned like anything
// else that reaches the terminal: a query typed or pasted with escape
// sequences in it must not colour, retitle or beep on every `rule list`.

// ruleText is a rule as "QUERY -> #tag #tag", each tag written as the
// query language writes it: `tag:"long read"` for a name with a space.
func ruleText(query string, tags []string) string {
	return OneLine(query) + " -> " + tagTerms(tags)
}

// tagTerms is tags as terms of the query language, joined by spaces: #name,
// or tag:"name" when the name has a space, a quote, a parenthesis or a
// trailing star, so that where one tag ends and the next begins is plain.
func tagTerms(tags []string) string {
	tags = feeds.NormalizeTags(tags)
	out := make([]string, len(tags))
	for i, name := range tags {
		name = feeds.ShortLine(name) // a tag of before, of megabytes
		term := query.Node{Kind: query.Tag, Value: name}.String()
		if rest, ok := strings.CutPrefix(term, "tag:"); ok && rest == name {
			term = "#" + name
		}
		out[i] = term
	}
	return strings.Join(out, " ")
}

// PrintRule says which rule `tidings rule add` added.
func PrintRule(w io.Writer, r store.Rule) error {
	_, err := fmt.Fprintf(w, "rule %d: %s\n", r.ID, ruleText(r.Query, r.Tags))
	return err
}

// PrintRemovedRule says which rule `tidings rule remove` removed.
func PrintRemovedRule(w io.Writer, r store.Rule) error {
	_, err := fmt.Fprintf(w, "Removed rule %d: %s\n", r.ID, ruleText(r.Query, r.Tags))
	return err
}

// ListRules prints the library's rules, each with its id, then
// config.toml's, marked "config". A rule that imports and fetches leave
// out (store.RulesLeftOut) says so, and why, after a tab:
//
//	1	-tag:b kestrel -> #a	left out: it and config rule 1 leave out each other's tags (-tag:)
//	config	-tag:a kestrel -> #b	left out: it and rule 1 leave out each other's tags (-tag:)
func ListRules(w io.Writer, library []store.Rule, config []Rule) error {
	all := slices.Clone(library)
	for _, r := range config {
		all = append(all, store.Rule{Query: r.Query, Tags: r.Tags})
	}
	why := leftOutReasons(all, func(i int) string { return ruleRef(all, i) })
	for i, r := range all {
		id := "config"
		if i < len(library) {
			id = strconv.FormatInt(r.ID, 10)
		}
		line := id + "\t" + ruleText(r.Query, r.Tags)
		if why[i] != "" {
			line += "\tleft out: " + why[i]
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// leftOutReasons says, for each of rules (the library's, then
// config.toml's), why imports and fetches leave it out, or "" when they
// apply it; the other rules of a cycle are named by name(i).
func leftOutReasons(rules []store.Rule, name func(i int) string) []string {
	why := make([]string, len(rules))
	for _, e := range store.RulesLeftOut(rules) {
		if _, ok := e.Err.(*store.CycleError); !ok {
			why[e.At[0]] = "its query does not parse"
			continue
		}
		for _, at := range e.At {
			names := []string{"it"}
			for _, o := range e.At {
				if o != at {
					names = append(names, name(o))
				}
			}
			why[at] = andList(names) + " leave out each other's tags (-tag:)"
		}
	}
	return why
}

// refWithText names rules[i] and says what it is: "rule 3 (oil -> #energy)".
func refWithText(rules []store.Rule, i int) string {
	return ruleRef(rules, i) + " (" + ruleText(rules[i].Query, rules[i].Tags) + ")"
}

// ruleRef names rules[i], of the library's rules then config.toml's:
// "rule 3" by its id, or "config rule 2", the second [[rule]] of
// config.toml, as its mistakes are named.
func ruleRef(rules []store.Rule, i int) string {
	if rules[i].ID > 0 {
		return fmt.Sprintf("rule %d", rules[i].ID)
	}
	n := 0
	for _, r := range rules[:i+1] {
		if r.ID == 0 {
			n++
		}
	}
	return fmt.Sprintf("config rule %d", n)
}

// andList is names joined as a sentence joins them: "a", "a and b",
// "a, b and c".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// WarnRulesLeftOut says, each on a line of w, which of rules (the
// library's, then config.toml's) imports and fetches leave out, and why:
// a query that no longer parses, or rules that leave out each other's tags
// in a cycle, which config.toml changed after `rule add` had checked them.
// It returns how many rules it named. Fetches and feed add say it once,
// before they fetch, rather than once for each feed.
//
//	warning: rules left out: rule 1 (-tag:b kestrel -> #a) and config rule 1 (-tag:a kestrel -> #b) leave out each other's tags (-tag:), ...
func WarnRulesLeftOut(w io.Writer, rules []store.Rule) int {
	reasons, n := rulesLeftOut(rules)
	for _, r := range reasons {
		fmt.Fprintf(w, "warning: %s\n", r)
	}
	return n
}

// rulesLeftOut is what WarnRulesLeftOut says, a reason for each cycle and
// each query that does not parse, and how many rules they name. An import
// gives the same reasons among its warnings.
func rulesLeftOut(rules []store.Rule) (reasons []string, n int) {
	for _, e := range store.RulesLeftOut(rules) {
		names := make([]string, len(e.At))
		for i, at := range e.At {
			names[i] = refWithText(rules, at)
		}
		n += len(e.At)
		if _, ok := e.Err.(*store.CycleError); ok {
			reasons = append(reasons, fmt.Sprintf("rules left out: %s leave out each other's tags (-tag:), so what they tag would depend on their order; "+
				"change or remove one of them (tidings rule list)", andList(names)))
			continue
		}
		reasons = append(reasons, fmt.Sprintf("rule left out: %s: its query does not parse: %s", names[0], OneLine(e.Err.Error())))
	}
	return reasons, n
}

// RulesLeftOutCount is how many of rules imports and fetches leave out
// (store.RulesLeftOut), for the reader's line after a refresh.
func RulesLeftOutCount(rules []store.Rule) int {
	n := 0
	for _, e := range store.RulesLeftOut(rules) {
		n += len(e.At)
	}
	return n
}

// PrintRuleCounts says what each rule did (`tidings rule apply`): how many
// articles it matched, and how many of them gained each of its tags;
// taggings[i] belongs to rules[i], and is the zero Tagging for a rule that
// was not applied: its query refused, or the apply stopped (ctrl+c, a full
// disk) before it. Such a rule is said to be not applied, and why, rather
// than to have matched nothing.
//
//	quasars -> #space: 12 articles, added #space to 3
//	oil -> #energy: not applied, stopped before it (run tidings rule apply again)
func PrintRuleCounts(w io.Writer, rules []store.Rule, taggings []store.Tagging) {
	// Its lines are not numbered: the other rules of a cycle are named
	// with their queries.
	why := leftOutReasons(rules, func(i int) string { return refWithText(rules, i) })
	for i, r := range rules {
		line := ruleText(r.Query, r.Tags) + ": "
		var t store.Tagging
		if i < len(taggings) {
			t = taggings[i]
		}
		if t.Articles == 0 && t.Added == nil {
			// Every rule applied has a count for each of its tags.
			fmt.Fprintln(w, line+notApplied(why[i]))
			continue
		}
		line += Plural(t.Articles, "article")
		var added []string
		for _, c := range t.Added {
			if c.Articles > 0 {
				added = append(added, tagTerms([]string{c.Name})+" to "+thousands(c.Articles))
			}
		}
		switch {
		case len(added) > 0:
			line += ", added " + strings.Join(added, ", ")
		case t.Articles > 0:
			line += ", tagged already"
		}
		fmt.Fprintln(w, line)
	}
}

// notApplied says why a rule was not applied, given why imports and
// fetches leave it out (leftOutReasons; "" when they apply it): that, or
// the apply stopped before it.
func notApplied(why string) string {
	if why != "" {
		return "not applied: " + why
	}
	return "not applied, stopped before it (run tidings rule apply again)"
}
