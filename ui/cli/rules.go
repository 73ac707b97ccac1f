package cli

import (
	"fmt"
	"io"
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
// taggings[i] belongs to rules[i].
//
//	quasars -> #space: 12 articles, added #space to 3
func PrintRuleCounts(w io.Writer, rules []store.Rule, taggings []store.Tagging) {
	for i, t := range taggings {
		if i >= len(rules) {
			break
		}
		line := ruleText(rules[i].Query, rules[i].Tags) + ": " + Plural(t.Articles, "article")
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
