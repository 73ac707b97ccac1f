package store

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
)

// tagsByArticle returns each article's tags, by external id, each list
// sorted and joined by spaces.
func tagsByArticle(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, id := range idsOf(t, s, "") {
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tg := range a.Tags {
			names = append(names, tg.Name)
		}
		slices.Sort(names)
		out[a.ExternalID] = strings.Join(names, " ")
	}
	return out
}

func rulesOf(specs ...string) []Rule {
	var rules []Rule
	for _, spec := range specs {
		q, tags, _ := strings.Cut(spec, " -> ")
		rules = append(rules, Rule{Query: q, Tags: strings.Fields(tags)})
	}
	return rules
}

// Rules chain through tags whatever their order: an article gets, on
// arrival, the tags `rule apply` gives it, and applying the rules again
// changes nothing.
func TestRulesChainWhateverTheOrder(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		rules []string
		want  map[string]string
	}{
		{"chain written last first", []string{"tag:missiles -> weapons", "taurus -> missiles"},
			map[string]string{"T": "missiles weapons", "S": "", "B": ""}},
		{"chain written first first", []string{"taurus -> missiles", "tag:missiles -> weapons"},
			map[string]string{"T": "missiles weapons", "S": "", "B": ""}},
		{"three links backwards", []string{"tag:weapons -> defence", "tag:missiles -> weapons", "taurus -> missiles"},
			map[string]string{"T": "defence missiles weapons", "S": "", "B": ""}},
		{"a prefix and a negation", []string{"tag:miss* -tag:naval -> weapons", "storm -> naval", "taurus OR storm -> missiles"},
			map[string]string{"T": "missiles weapons", "S": "missiles naval", "B": ""}},
		{"or and a group", []string{"(tag:weapons OR tag:naval) -taurus -> spending", "taurus -> weapons", "shadow -> naval"},
			map[string]string{"T": "weapons", "S": "naval spending", "B": ""}},
		{"a cycle", []string{"tag:a -> b", "tag:b -> a", "taurus -> b", "storm -> a"},
			map[string]string{"T": "a b", "S": "a b", "B": ""}},
		{"case and spelling", []string{"tag:MISSILES -> weapons", "taurus -> Missiles"},
			map[string]string{"T": "Missiles weapons", "S": "", "B": ""}},
		{"a rule tags for another's negation", []string{"budget -tag:weapons -> civil", "budget -> weapons"},
			map[string]string{"T": "", "S": "", "B": "civil weapons"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules := rulesOf(tc.rules...)
			arts := []struct{ id, body string }{
				{"T", "The Taurus debate goes on."},
				{"S", "Storm Shadow deliveries resume."},
				{"B", "The budget vote is near."},
			}

			// On arrival.
			arrived := openTemp(t)
			var ids []string
			for _, a := range arts {
				importAll(t, arrived, art(a.id, "2024-03-01", a.body))
				ids = append(ids, a.id)
			}
			if _, err := arrived.ApplyRules(ctx, rules, ids); err != nil {
				t.Fatal(err)
			}
			onArrival := tagsByArticle(t, arrived)
			if !maps.Equal(onArrival, tc.want) {
				t.Errorf("on arrival: %v, want %v", onArrival, tc.want)
			}
			assertApplyAddsNothing(t, arrived, rules)

			// Applied to a library that was there before the rules.
			before := openTemp(t)
			for _, a := range arts {
				importAll(t, before, art(a.id, "2024-03-01", a.body))
			}
			if _, err := before.ApplyRulesToLibrary(ctx, rules); err != nil {
				t.Fatal(err)
			}
			if got := tagsByArticle(t, before); !maps.Equal(got, tc.want) {
				t.Errorf("rule apply: %v, want %v", got, tc.want)
			}
			assertApplyAddsNothing(t, before, rules)
		})
	}
}

// assertApplyAddsNothing applies the rules to the library and fails if any
// tag is added.
func assertApplyAddsNothing(t *testing.T, s *Store, rules []Rule) {
	t.Helper()
	taggings, err := s.ApplyRulesToLibrary(context.Background(), rules)
	if err != nil {
		t.Fatal(err)
	}
	for i, tg := range taggings {
		for _, c := range tg.Added {
			if c.Articles != 0 {
				t.Errorf("applied again, %q added #%s to %d", rules[i].Query, c.Name, c.Articles)
			}
		}
	}
}

// What `rule apply` says for each rule is over all the rounds: every
// article it matched once, and every article that gained each tag.
func TestRuleApplyCountsOverRounds(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("T1", "2024-03-01", "The Taurus debate goes on."),
		art("T2", "2024-03-02", "Taurus deliveries, again."),
		art("R1", "2024-03-03", "The reader tagged this one."),
		art("N1", "2024-03-04", "Nothing to see here."),
	)
	if err := s.Tag(ctx, idsOf(t, s, "reader"), []string{"missiles"}, nil); err != nil {
		t.Fatal(err)
	}
	rules := rulesOf(
		"tag:missiles -> weapons",             // R1 in the first round, T1 and T2 in the second
		"taurus -> missiles",                  // T1, T2
		"tag:missiles OR tag:weapons -> arms", // R1, T1, T2 in the first round, and again later
		"tag:arms -> army navy",               // R1, T1, T2 in the first round, and again later
	)
	taggings, err := s.ApplyRulesToLibrary(ctx, rules)
	if err != nil {
		t.Fatal(err)
	}
	type count struct {
		articles int
		added    []TagChange
	}
	want := []count{
		{3, []TagChange{{"weapons", 3}}},
		{2, []TagChange{{"missiles", 2}}},
		{3, []TagChange{{"arms", 3}}},
		{3, []TagChange{{"army", 3}, {"navy", 3}}},
	}
	for i, w := range want {
		got := taggings[i]
		if got.Articles != w.articles || !slices.Equal(got.Added, w.added) {
			t.Errorf("%s: matched %d, added %v; want %d, %v", rules[i].Query, got.Articles, got.Added, w.articles, w.added)
		}
	}
	if got := tagsByArticle(t, s)["N1"]; got != "" {
		t.Errorf("N1 tagged %q", got)
	}

	// Again: each rule matches as many, and adds nothing.
	taggings, err = s.ApplyRulesToLibrary(ctx, rules)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		got := taggings[i]
		if got.Articles != w.articles {
			t.Errorf("again, %s matched %d, want %d", rules[i].Query, got.Articles, w.articles)
		}
		for _, c := range got.Added {
			if c.Articles != 0 {
				t.Errorf("again, %s added %v", rules[i].Query, c)
			}
		}
	}

	// On arrival, the articles matched count once per rule as well.
	n, err := s.ApplyRules(ctx, rules, []string{"T1", "T2", "R1", "N1"})
	if err != nil || n != 3+2+3+3 {
		t.Errorf("ApplyRules matched %d, %v; want %d", n, err, 3+2+3+3)
	}
}

// A tag the reader removed from an article stays removed when the article
// arrives again, and so do the tags a rule would chain from it.
func TestRuleChainRespectsRemovedTags(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rules := rulesOf("tag:missiles -> weapons", "taurus -> missiles")
	a := art("T", "2024-03-01", "The Taurus debate goes on.")
	importAll(t, s, a)
	if _, err := s.ApplyRules(ctx, rules, []string{"T"}); err != nil {
		t.Fatal(err)
	}
	if got := tagsByArticle(t, s)["T"]; got != "missiles weapons" {
		t.Fatalf("on arrival: %q", got)
	}
	if err := s.Tag(ctx, idsOf(t, s, "taurus"), nil, []string{"weapons"}); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, a) // arrives again, by import or fetch: not new, so no rule applies
	if got := tagsByArticle(t, s)["T"]; got != "missiles" {
		t.Errorf("after removing #weapons and importing again: %q", got)
	}
}

// A rule that reads no tag runs once, however many rounds the others need;
// a rule whose query does not parse is reported and the others apply.
func TestRuleRoundsRunOnlyWhatTheyMust(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("T1", "2024-03-01", "The Taurus debate goes on."),
		art("T2", "2024-03-02", "Taurus, storm and shadow."),
	)
	rules := rulesOf("tag:c -> d", "tag:b -> c", "tag:a -> b", "taurus -> a", "title:( -> broken", "storm -> s")
	taggings, err := s.ApplyRulesToLibrary(ctx, rules)
	if !isRuleError(err) {
		t.Errorf("a rule that does not parse: %v", err)
	}
	for i, want := range []int{2, 2, 2, 2, 0, 1} {
		if taggings[i].Articles != want {
			t.Errorf("%s: matched %d, want %d", rules[i].Query, taggings[i].Articles, want)
		}
	}
	if got := tagsByArticle(t, s); got["T1"] != "a b c d" || got["T2"] != "a b c d s" {
		t.Errorf("tags: %v", got)
	}
}
