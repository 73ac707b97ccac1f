package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestRuleApplySaysWhyEachRuleWasLeftOut: rule apply with two cycles of
// rules leaving out each other's tags, and queries that do not parse, says
// of each such rule why it was not applied, never that the apply stopped
// before it; and the rules that apply say what they did.
func TestRuleApplySaysWhyEachRuleWasLeftOut(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{{ExternalID: "k", Source: "S", Title: "Kestrel", Body: "A kestrel on the ferry."}}); err != nil {
		t.Fatal(err)
	}
	rules := []store.Rule{
		{Query: "-tag:b kestrel", Tags: []string{"a"}},
		{Query: "-tag:e ferry", Tags: []string{"d"}},
		{Query: "-tag:d ferry", Tags: []string{"e"}},
		{Query: "title:(", Tags: []string{"x"}},
		{Query: "-tag:a kestrel", Tags: []string{"b"}},
		{Query: "ferry", Tags: []string{"boat"}},
	}
	taggings, err := st.ApplyRulesToLibrary(ctx, rules)
	if err == nil {
		t.Fatal("the rules were all applied")
	}
	var b strings.Builder
	PrintRuleCounts(&b, rules, taggings)
	cycle := func(other string) string {
		return "not applied: it and " + other + " leave out each other's tags (-tag:)"
	}
	want := "-tag:b kestrel -> #a: " + cycle("config rule 5 (-tag:a kestrel -> #b)") + "\n" +
		"-tag:e ferry -> #d: " + cycle("config rule 3 (-tag:d ferry -> #e)") + "\n" +
		"-tag:d ferry -> #e: " + cycle("config rule 2 (-tag:e ferry -> #d)") + "\n" +
		"title:( -> #x: not applied: its query does not parse\n" +
		"-tag:a kestrel -> #b: " + cycle("config rule 1 (-tag:b kestrel -> #a)") + "\n" +
		"ferry -> #boat: 1 article, added #boat to 1\n"
	if b.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
	}
}

// TestRuleListMarksRulesLeftOut: rule list marks, after a tab, each rule
// imports and fetches leave out, and why: those of a cycle, which
// config.toml can close after rule add checked the library's, name the
// other rules of it (the library's by id, config.toml's by their place);
// a query that no longer parses says so. The others are listed as ever.
func TestRuleListMarksRulesLeftOut(t *testing.T) {
	library := []store.Rule{
		{ID: 1, Query: "-tag:b kestrel", Tags: []string{"a"}},
		{ID: 2, Query: "ferry", Tags: []string{"boat"}},
		{ID: 4, Query: "title:(", Tags: []string{"x"}},
		{ID: 7, Query: "-tag:c y", Tags: []string{"q"}},
	}
	config := []Rule{
		{Query: "taurus", Tags: []string{"missiles"}},
		{Query: "-tag:a kestrel", Tags: []string{"b"}},
		{Query: "tag:q -tag:z", Tags: []string{"c"}},
		{Query: "-tag:c y", Tags: []string{"z"}},
	}
	var b strings.Builder
	if err := ListRules(&b, library, config); err != nil {
		t.Fatal(err)
	}
	want := "1\t-tag:b kestrel -> #a\tleft out: it and config rule 2 leave out each other's tags (-tag:)\n" +
		"2\tferry -> #boat\n" +
		"4\ttitle:( -> #x\tleft out: its query does not parse\n" +
		"7\t-tag:c y -> #q\tleft out: it, config rule 3 and config rule 4 leave out each other's tags (-tag:)\n" +
		"config\ttaurus -> #missiles\n" +
		"config\t-tag:a kestrel -> #b\tleft out: it and rule 1 leave out each other's tags (-tag:)\n" +
		"config\ttag:q -tag:z -> #c\tleft out: it, rule 7 and config rule 4 leave out each other's tags (-tag:)\n" +
		"config\t-tag:c y -> #z\tleft out: it, rule 7 and config rule 3 leave out each other's tags (-tag:)\n"
	if b.String() != want {
		t.Errorf("rule list printed\n%s\nwant\n%s", b.String(), want)
	}
}

// TestWarnRulesLeftOut: what fetch and feed add say, once, before they
// fetch: a line for each cycle and each query that does not parse, naming
// its rules; nothing when every rule applies.
func TestWarnRulesLeftOut(t *testing.T) {
	rules := []store.Rule{
		{ID: 1, Query: "-tag:b kestrel", Tags: []string{"a"}},
		{ID: 2, Query: "title:(", Tags: []string{"x"}},
		{ID: 3, Query: "ferry", Tags: []string{"boat"}},
		{Query: "-tag:a kestrel", Tags: []string{"b"}},
	}
	var b strings.Builder
	if n := WarnRulesLeftOut(&b, rules); n != 3 {
		t.Errorf("%d rules named, want 3", n)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 ||
		!strings.HasPrefix(lines[0], "warning: rules left out: rule 1 (-tag:b kestrel -> #a) and config rule 1 (-tag:a kestrel -> #b) leave out each other's tags") ||
		!strings.HasPrefix(lines[1], "warning: rule left out: rule 2 (title:( -> #x): its query does not parse") {
		t.Errorf("warned\n%s", b.String())
	}
	if got := RulesLeftOutCount(rules); got != 3 {
		t.Errorf("RulesLeftOutCount = %d, want 3", got)
	}
	b.Reset()
	if n := WarnRulesLeftOut(&b, rules[2:3]); n != 0 || b.Len() != 0 {
		t.Errorf("every rule applies: %d, %q", n, b.String())
	}
}
