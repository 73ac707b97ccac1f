package store

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestTagRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("t1", "2024-03-05", "First tagged story. Text."),
		art("t2", "2024-03-04", "Second tagged story. Text."),
		art("t3", "2024-03-03", "Untagged story. Text."))
	ids := idsOf(t, s, "tagged")

	if err := s.Tag(ctx, ids, []string{"Ukraine", "#energy", " Energy "}, nil); err != nil {
		t.Fatal(err)
	}
	// Names are case-insensitive and keep their first spelling.
	if err := s.Tag(ctx, ids[:1], []string{"UKRAINE", "taurus"}, nil); err != nil {
		t.Fatal(err)
	}
	if got := tagList(t, s); got != "energy:2 taurus:1 Ukraine:2" {
		t.Errorf("Tags = %s", got)
	}
	if got := tagNames(mustArticle(t, s, ids[0]).Tags); got != "energy,taurus,Ukraine" {
		t.Errorf("article tags %s", got)
	}
	for q, want := range map[string]int{"tag:ukraine": 2, "#Taurus": 1, "is:untagged": 1, "-tag:energy": 1} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%s) = %d, %v; want %d", q, n, err, want)
		}
	}

	if err := s.Tag(ctx, ids, nil, []string{"ukraine", "taurus", "never-there"}); err != nil {
		t.Fatal(err)
	}
	// A tag on no article is forgotten.
	if got := tagList(t, s); got != "energy:2" {
		t.Errorf("after removing: Tags = %s", got)
	}
	if n, _ := s.Count(ctx, "tag:ukraine"); n != 0 {
		t.Errorf("Count(tag:ukraine) = %d after removing it", n)
	}

	if err := s.Tag(ctx, []int64{9998, 9999}, []string{"x"}, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("tagging missing articles: %v, want ErrNotFound", err)
	}
	if got := tagList(t, s); got != "energy:2" {
		t.Errorf("a failed Tag changed the tags: %s", got)
	}
	// An article deleted meanwhile among others (a selection in the reader)
	// is left out and named; the others are tagged.
	tg, err := s.TagChanges(ctx, []int64{ids[0], 9999, 9999}, []string{"x"}, nil)
	if err != nil || tg.Articles != 1 || !slices.Equal(tg.Gone, []int64{9999}) {
		t.Errorf("tagging an article and a missing one: %+v, %v; want 1 tagged and 9999 gone", tg, err)
	}
	if got := tagList(t, s); got != "energy:2 x:1" {
		t.Errorf("after tagging an article and a missing one: %s", got)
	}
}

func TestTagQueryAndRules(t *testing.T) {
	ctx := context.Background()
	s, arts := library(t, 300)
	grain := 0
	for i := range arts {
		if i%7 == 0 {
			grain++
		}
	}
	n, err := s.TagQuery(ctx, `"grain deal"`, []string{"Grain"}, nil)
	if err != nil || n != grain {
		t.Fatalf("TagQuery = %d, %v; want %d", n, err, grain)
	}
	if c, _ := s.Count(ctx, "tag:grain"); c != grain {
		t.Errorf("Count(tag:grain) = %d, want %d", c, grain)
	}
	// A rule does not take over the reader's tags, and adds its own.
	ruled, err := s.tagByRule(ctx, "grain", []string{"grain", "Food"})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Count(ctx, "grain"); ruled.Articles != c {
		t.Errorf("tagByRule matched %d, Count(grain) = %d", ruled.Articles, c)
	}
	a := mustArticle(t, s, 1) // generated article 0 has the phrase
	for _, tag := range a.Tags {
		if want := tag.Name == "Food"; tag.ByRule != want {
			t.Errorf("tag %s by rule = %v, want %v", tag.Name, tag.ByRule, want)
		}
	}
	// Removing by query.
	if n, err := s.TagQuery(ctx, "tag:food", nil, []string{"food"}); err != nil || n != ruled.Articles {
		t.Errorf("TagQuery removing = %d, %v", n, err)
	}
	if c, _ := s.Count(ctx, "tag:food"); c != 0 {
		t.Errorf("Count(tag:food) = %d after removal", c)
	}
	if _, err := s.TagQuery(ctx, `"open`, []string{"x"}, nil); err == nil {
		t.Error("TagQuery with a bad query did not fail")
	}
}

func TestTagColor(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("c1", "2024-03-05", "Colour story. Text."))
	if err := s.Tag(ctx, idsOf(t, s, ""), []string{"Urgent"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTagColor(ctx, "urgent", "#ff0000"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTagColor(ctx, "Later", "blue"); err != nil {
		t.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []Tag{{Name: "Later", Color: "blue", Count: 0}, {Name: "Urgent", Color: "#ff0000", Count: 1}}
	if !slices.Equal(tags, want) {
		t.Errorf("Tags = %+v, want %+v", tags, want)
	}
	if got := mustArticle(t, s, idsOf(t, s, "")[0]).Tags; len(got) != 1 || got[0].Color != "#ff0000" {
		t.Errorf("article tags %+v", got)
	}
}

func tagList(t *testing.T, s *Store) string {
	t.Helper()
	tags, err := s.Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out string
	for i, tag := range tags {
		if i > 0 {
			out += " "
		}
		out += tag.Name + ":" + string(rune('0'+tag.Count))
	}
	return out
}

// Tagging what a query does not find leaves no tag behind: the tags list and
// completion offer only tags that are on something (or have a colour).
func TestTaggingNothingLeavesNoTag(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 20)
	if n, err := s.TagQuery(ctx, "nomatchxyz", []string{"ghost"}, nil); err != nil || n != 0 {
		t.Fatalf("TagQuery = %d, %v", n, err)
	}
	if err := s.Tag(ctx, nil, []string{"phantom"}, nil); err != nil {
		t.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range tags {
		if tg.Name == "ghost" || tg.Name == "phantom" {
			t.Errorf("tag %q on no article is listed: %+v", tg.Name, tg)
		}
	}
}

// TestTaggingSaysWhatChanged: a tagging returns how many articles it named
// and, for each tag, how many gained it or lost it, not how many it named.
func TestTaggingSaysWhatChanged(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		ids         bool // by ids rather than by query
		q           string
		add, remove []string
		want        Tagging
	}{
		{"add to some", false, "", []string{"future"}, nil,
			Tagging{Articles: 3, Added: []TagChange{{"future", 1}}}},
		{"add to all who have it", false, "tagged", []string{"FUTURE"}, nil,
			Tagging{Articles: 2, Added: []TagChange{{"future", 0}}}},
		{"add what a rule set", false, "first", []string{"ruled"}, nil, // which becomes the reader's
			Tagging{Articles: 1, Added: []TagChange{{"ruled", 0}}}},
		{"remove what none has", false, "", nil, []string{"nosuchtag"},
			Tagging{Articles: 3, Removed: []TagChange{{"nosuchtag", 0}}}},
		{"remove from some", false, "", nil, []string{"#Future"},
			Tagging{Articles: 3, Removed: []TagChange{{"future", 2}}}},
		{"add and remove", false, "story", []string{"new", "future"}, []string{"future2", "future"},
			Tagging{Articles: 3, Added: []TagChange{{"new", 3}, {"future", 1}}, Removed: []TagChange{{"future2", 0}, {"future", 3}}}},
		{"nothing matches", false, "nomatchxyz", []string{"future"}, []string{"future"},
			Tagging{Added: []TagChange{{"future", 0}}, Removed: []TagChange{{"future", 0}}}},
		{"ids", true, "", []string{"future", "other"}, []string{"ruled"},
			Tagging{Articles: 2, Added: []TagChange{{"future", 1}, {"other", 2}}, Removed: []TagChange{{"ruled", 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s,
				art("t1", "2024-03-05", "First tagged story. Text."),
				art("t2", "2024-03-04", "Second tagged story. Text."),
				art("t3", "2024-03-03", "Untagged story. Text."))
			if _, err := s.TagQuery(ctx, "tagged", []string{"future"}, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := s.tagByRule(ctx, "first", []string{"ruled"}); err != nil {
				t.Fatal(err)
			}
			var got Tagging
			var err error
			if tt.ids {
				ids := idsOf(t, s, "first OR untagged")
				got, err = s.TagChanges(ctx, append(ids, ids[0]), tt.add, tt.remove)
			} else {
				got, err = s.TagQueryChanges(ctx, tt.q, tt.add, tt.remove)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Articles != tt.want.Articles || !slices.Equal(got.Added, tt.want.Added) || !slices.Equal(got.Removed, tt.want.Removed) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			readers := slices.Contains(tt.add, "ruled")
			for _, tag := range mustArticle(t, s, mustArticleID(t, s, "t1")).Tags {
				if tag.Name == "ruled" && tag.ByRule == readers {
					t.Errorf("ruled is set by a rule: %v, want %v", tag.ByRule, !readers)
				}
			}
		})
	}
}
