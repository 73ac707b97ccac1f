package cli

import (
	"fmt"
	"io"
	"slices"
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

// ListRules prints the library's rules, each with its id, then
// config.toml's, marked "config".
func ListRules(w io.Writer, library []store.Rule, config []Rule) error {
	for _, r := range library {
		if _, err := fmt.Fprintf(w, "%d\t%s\n", r.ID, ruleText(r.Query, r.Tags)); err != nil {
			return err
		}
	}
	for _, r := range config {
		if _, err := fmt.Fprintf(w, "config\t%s\n", ruleText(r.Query, r.Tags)); err != nil {
			return err
		}
	}
	return nil
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
	var cycle *store.CycleError
	for i, r := range rules {
		line := ruleText(r.Query, r.Tags) + ": "
		var t store.Tagging
		if i < len(taggings) {
			t = taggings[i]
		}
		if t.Articles == 0 && t.Added == nil {
			// Every rule applied has a count for each of its tags.
			if cycle == nil {
				cycle, _ = store.CheckRules(rules).(*store.CycleError)
				if cycle == nil {
					cycle = &store.CycleError{}
				}
			}
			fmt.Fprintln(w, line+notApplied(r, cycle))
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

// notApplied says why rule r was not applied, cycle being the rules that
// leave out each other's tags.
func notApplied(r store.Rule, cycle *store.CycleError) string {
	if _, err := query.CompileString(r.Query, query.Options{PhraseFunc: true}); err != nil {
		return "not applied: its query does not parse"
	}
	for _, c := range cycle.Rules {
		if c.Query == r.Query && slices.Equal(c.Tags, r.Tags) {
			return "not applied: it leaves out a tag another rule adds, which leaves out one of its tags"
		}
	}
	return "not applied, stopped before it (run tidings rule apply again)"
}
