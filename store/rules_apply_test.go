package store

import (
	"context"
	"slices"
	"testing"
)

func TestApplyRulesTagsOnlyArrivals(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("OLD1", "2024-01-01", "Oil talks at the border stall."),
		art("NEW1", "2024-02-01", "Oil prices rally after the summit."),
		art("NEW2", "2024-02-02", "A storm closes the harbour."),
		art("NEW3", "2024-02-03", "Grain tariff talks resume."),
	)
	rules := []Rule{
		{Query: "oil", Tags: []string{"energy"}},
		{Query: "storm OR flood", Tags: []string{"weather", "Alerts"}},
		{Query: "title:(", Tags: []string{"broken"}}, // does not parse: reported, the rest apply
	}
	n, err := s.ApplyRules(ctx, rules, []string{"NEW1", "NEW2", "NEW3", "MISSING"})
	if err == nil {
		t.Error("a rule that does not parse is not reported")
	}
	if n != 2 {
		t.Errorf("rules matched %d articles, want 2 (NEW1 by oil, NEW2 by storm)", n)
	}
	for q, want := range map[string][]string{
		"tag:energy":  {"NEW1"}, // OLD1 matches "oil" but did not arrive now
		"tag:weather": {"NEW2"},
		"tag:alerts":  {"NEW2"},
		"tag:broken":  nil,
	} {
		var got []string
		for _, id := range idsOf(t, s, q) {
			a, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, a.ExternalID)
			for _, tg := range a.Tags {
				if !tg.ByRule {
					t.Errorf("%s on %s is not marked as set by a rule", tg.Name, a.ExternalID)
				}
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}

	// A tag the reader removes stays removed when the article arrives again.
	ids := idsOf(t, s, "tag:energy")
	if err := s.Tag(ctx, ids, nil, []string{"energy"}); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, art("NEW1", "2024-02-01", "Oil prices rally after the summit."))
	if got := idsOf(t, s, "tag:energy"); len(got) != 0 {
		t.Errorf("re-import brought back a removed rule tag on %v", got)
	}

	// Applying to the whole library reaches the old article too.
	taggings, err := s.ApplyRulesToLibrary(ctx, rules[:1])
	if err != nil {
		t.Fatal(err)
	}
	if got := taggings[0]; got.Articles != 2 || len(got.Added) != 1 || got.Added[0].Articles != 2 || len(idsOf(t, s, "tag:energy")) != 2 {
		t.Errorf("library-wide rule: %+v, tagged %v", got, idsOf(t, s, "tag:energy"))
	}
	// Applied again, it matches as many and tags none anew.
	taggings, err = s.ApplyRulesToLibrary(ctx, rules[:1])
	if err != nil {
		t.Fatal(err)
	}
	if got := taggings[0]; got.Articles != 2 || got.Added[0].Articles != 0 {
		t.Errorf("applied again: %+v", got)
	}
}
