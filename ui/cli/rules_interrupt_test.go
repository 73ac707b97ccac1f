package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestRuleApplyInterrupted: rule apply stopped (ctrl+c) before some rules
// ran says of each of those that it was not applied, not that it matched
// 0 articles, and counts only what the others did; a rule refused (a query
// that does not parse, rules leaving out each other's tags) says so too.
func TestRuleApplyInterrupted(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Source: "S", Title: "Quasars", Body: "Quasars and oil."},
		{ExternalID: "b", Source: "S", Title: "Oil", Body: "Oil prices."},
	}); err != nil {
		t.Fatal(err)
	}
	rules := []store.Rule{
		{Query: "quasars", Tags: []string{"space"}},
		{Query: "oil", Tags: []string{"energy"}},
	}
	stopped := "not applied, stopped before it (run tidings rule apply again)"
	cancelled, cancel := context.WithCancel(ctx)
	cancel()

	t.Run("before any", func(t *testing.T) {
		taggings, err := st.ApplyRulesToLibrary(cancelled, rules)
		if err == nil {
			t.Fatal("ApplyRulesToLibrary went on, cancelled")
		}
		var b strings.Builder
		PrintRuleCounts(&b, rules, taggings)
		want := "quasars -> #space: " + stopped + "\n" + "oil -> #energy: " + stopped + "\n"
		if b.String() != want {
			t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
		}
	})
	t.Run("part way", func(t *testing.T) {
		// The first rule applied, the second not: as the store returns
		// them when it stops between the two.
		taggings, err := st.ApplyRulesToLibrary(ctx, rules[:1])
		if err != nil {
			t.Fatal(err)
		}
		taggings = append(taggings, store.Tagging{})
		var b strings.Builder
		PrintRuleCounts(&b, rules, taggings)
		want := "quasars -> #space: 1 article, added #space to 1\n" + "oil -> #energy: " + stopped + "\n"
		if b.String() != want {
			t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
		}
	})
	t.Run("refused", func(t *testing.T) {
		refused := []store.Rule{
			{Query: "quasars", Tags: []string{"space"}},
			{Query: "oil AND (", Tags: []string{"energy"}},
			{Query: "-tag:b oil", Tags: []string{"a"}},
			{Query: "-tag:a oil", Tags: []string{"b"}},
			{Query: "prices", Tags: []string{"nothing"}},
			{Query: "zebras", Tags: []string{"nothing"}},
		}
		taggings, err := st.ApplyRulesToLibrary(ctx, refused)
		if err == nil {
			t.Fatal("the rules were all applied")
		}
		var b strings.Builder
		PrintRuleCounts(&b, refused, taggings)
		cycle := func(other string) string {
			return "not applied: it and " + other + " leave out each other's tags (-tag:)"
		}
		want := "quasars -> #space: 1 article, tagged already\n" +
			"oil AND ( -> #energy: not applied: its query does not parse\n" +
			"-tag:b oil -> #a: " + cycle("config rule 4 (-tag:a oil -> #b)") + "\n" +
			"-tag:a oil -> #b: " + cycle("config rule 3 (-tag:b oil -> #a)") + "\n" +
			"prices -> #nothing: 1 article, added #nothing to 1\n" +
			"zebras -> #nothing: 0 articles\n"
		if b.String() != want {
			t.Errorf("printed\n%s\nwant\n%s", b.String(), want)
		}
	})
}
