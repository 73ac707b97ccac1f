package store

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
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
		{"a rule leaves out what another tags", []string{"budget -tag:weapons -> civil", "budget -> weapons"},
			map[string]string{"T": "", "S": "", "B": "weapons"}},
		{"the same the other way round", []string{"budget -> weapons", "budget -tag:weapons -> civil"},
			map[string]string{"T": "", "S": "", "B": "weapons"}},
		{"is:untagged after every tag", []string{"is:untagged -> todo", "budget -> weapons", "storm -> naval", "tag:todo -> later"},
			map[string]string{"T": "later todo", "S": "naval", "B": "weapons"}},
		{"a negation of a negation asks", []string{"-(-tag:weapons) -> armed", "budget -> weapons"},
			map[string]string{"T": "", "S": "", "B": "armed weapons"}},
		{"leaving out its own tag", []string{"-tag:seen budget OR taurus -> seen", "tag:seen -> read"},
			map[string]string{"T": "read seen", "S": "", "B": "read seen"}},
		{"a chain after a negation", []string{"tag:civil -> domestic", "budget -tag:weapons -> civil", "taurus -> weapons", "tag:weapons OR storm -> defence"},
			map[string]string{"T": "defence weapons", "S": "defence", "B": "civil domestic"}},
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

// Rules with negations tag the same whatever their order: a rule that
// leaves out a tag runs after every rule that adds it, in every order of
// the rules given, on arrival and in rule apply.
func TestRulesWithNegationsWhateverTheOrder(t *testing.T) {
	ctx := context.Background()
	specs := []string{
		"kestrel -> zz",
		"-tag:zz kestrel -> aa",
		"tag:aa OR harrier -> bb",
		"-tag:bb (kestrel OR harrier) -> cc",
		"tag:cc -> zz2",
	}
	arts := []struct{ id, body string }{
		{"K", "A kestrel over the field."},
		{"H", "A harrier over the moor."},
		{"N", "Nothing flies here."},
	}
	want := map[string]string{"K": "cc zz zz2", "H": "bb", "N": ""}
	var perms [][]string
	var permute func(done, left []string)
	permute = func(done, left []string) {
		if len(left) == 0 {
			perms = append(perms, done)
			return
		}
		for i := range left {
			rest := append(slices.Clone(left[:i]), left[i+1:]...)
			permute(append(slices.Clone(done), left[i]), rest)
		}
	}
	permute(nil, specs)

	// Every order starts from a copy of one library holding the articles,
	// untagged, as they are when the rules meet them on arrival.
	dir := t.TempDir()
	made := filepath.Join(dir, "made.db")
	s, err := Open(made, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		importAll(t, s, art(a.id, "2024-03-01", a.body))
		ids = append(ids, a.id)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	open := func(name string) *Store {
		t.Helper()
		path := filepath.Join(dir, name+".db")
		if err := copyFile(made, path); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for i, p := range perms {
		if raceDetector && i%5 != 0 {
			continue // a sample of the 120 orders; see raceDetector
		}
		rules := rulesOf(p...)
		arrived := open("arrived" + strconv.Itoa(i))
		if _, err := arrived.ApplyRules(ctx, rules, ids); err != nil {
			t.Fatal(err)
		}
		if got := tagsByArticle(t, arrived); !maps.Equal(got, want) {
			t.Errorf("%q on arrival: %v, want %v", p, got, want)
		}
		arrived.Close()
		before := open("before" + strconv.Itoa(i))
		if _, err := before.ApplyRulesToLibrary(ctx, rules); err != nil {
			t.Fatal(err)
		}
		if got := tagsByArticle(t, before); !maps.Equal(got, want) {
			t.Errorf("%q, rule apply: %v, want %v", p, got, want)
		}
		assertApplyAddsNothing(t, before, rules)
		before.Close()
	}
}

// Rules that leave out each other's tags, directly or through others, have
// no order to run in: adding the last of them is refused, naming them;
// given together (config.toml), they are reported and left out, and the
// other rules apply.
func TestRulesLeavingOutEachOthersTagsRefused(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		rules []string
		cycle []string // the queries named, or none
	}{
		{[]string{"-tag:b x -> a", "-tag:a x -> b"}, []string{"-tag:b x", "-tag:a x"}},
		{[]string{"storm -> d", "-tag:c x -> a", "tag:a -> b", "tag:b -> c"}, []string{"-tag:c x", "tag:a", "tag:b"}},
		{[]string{"is:untagged -> a", "x -> b", "tag:b -> c"}, nil}, // is:untagged after them
		{[]string{"is:untagged -> a", "tag:a -> b"}, nil},           // #b only where #a is
		{[]string{"-tag:a x -> b", "tag:a y -> a"}, nil},
		{[]string{"is:untagged -> a", "tag:a OR y -> b"}, []string{"is:untagged", "tag:a OR y"}},
		{[]string{"-tag:a x -> b", "tag:b -> a"}, []string{"-tag:a x", "tag:b"}},
		{[]string{"-tag:b* x -> a", "y -> bee", "tag:a -> bird"}, []string{"-tag:b* x", "tag:a"}},
		{[]string{"-tag:b x -> a", "-tag:c x -> b", "y -> c"}, nil},
		{[]string{"-tag:a x -> a"}, nil},
		{[]string{"tag:a -> b", "tag:b -> a"}, nil},
	} {
		rules := rulesOf(tc.rules...)
		err := CheckRules(rules)
		cycle, ok := errors.AsType[*CycleError](err)
		if len(tc.cycle) == 0 {
			if err != nil {
				t.Errorf("%q: %v", tc.rules, err)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: %v, want a cycle", tc.rules, err)
			continue
		}
		var named []string
		for _, r := range cycle.Rules {
			named = append(named, r.Query)
		}
		if !slices.Equal(named, tc.cycle) {
			t.Errorf("%q: the cycle names %q, want %q", tc.rules, named, tc.cycle)
		}
		for _, q := range tc.cycle {
			if !strings.Contains(err.Error(), strconv.Quote(q)) {
				t.Errorf("%q: %v does not name %q", tc.rules, err, q)
			}
		}

		// Added one by one, the last is refused and not stored.
		s := openTemp(t)
		for i, r := range rules {
			_, err := s.AddRule(ctx, r.Query, r.Tags)
			if last := i == len(rules)-1; last != (err != nil) {
				t.Errorf("%q: adding %q: %v", tc.rules, r.Query, err)
			}
		}
		if stored, err := s.Rules(ctx); err != nil || len(stored) != len(rules)-1 {
			t.Errorf("%q: %d rules stored, %v", tc.rules, len(stored), err)
		}
		// The config's rules count with the library's.
		s2 := openTemp(t)
		last := rules[len(rules)-1]
		if _, err := s2.AddRule(ctx, last.Query, last.Tags, rules[:len(rules)-1]...); !errors.As(err, &cycle) {
			t.Errorf("%q: adding the last with the others from the config: %v", tc.rules, err)
		}

		// Applied together, they are left out and the others apply.
		importAll(t, s, art("X", "2024-03-01", "x y storm"))
		taggings, err := s.ApplyRulesToLibrary(ctx, append(rules, Rule{Query: "storm", Tags: []string{"weather"}}))
		if !isRuleError(err) || !errors.As(err, &cycle) {
			t.Errorf("%q applied: %v", tc.rules, err)
		}
		if got := taggings[len(rules)].Articles; got != 1 {
			t.Errorf("%q applied: the other rule matched %d", tc.rules, got)
		}
		if !strings.Contains(tagsByArticle(t, s)["X"], "weather") {
			t.Errorf("%q applied: %v", tc.rules, tagsByArticle(t, s))
		}
	}
}
