package cli

import (
	"fmt"
	"io"

	"tidings/store"
)

// A rule's query and tags are the user's own words, but they are printed
// back every time the rules are listed, so they are cleaned like anything
// else that reaches the terminal: a query typed or pasted with escape
// sequences in it must not colour, retitle or beep on every `rule list`.

// ruleText is a rule as "QUERY -> tag tag".
func ruleText(query string, tags []string) string {
	return OneLine(query) + " -> " + OneLines(tags)
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

// PrintRuleCounts says how many articles each rule tagged (`tidings rule
// apply`); counts[i] belongs to rules[i].
func PrintRuleCounts(w io.Writer, rules []store.Rule, counts []int) {
	for i, n := range counts {
		if i < len(rules) {
			fmt.Fprintf(w, "%s: %s\n", ruleText(rules[i].Query, rules[i].Tags), Plural(n, "article"))
		}
	}
}
