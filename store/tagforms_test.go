package store

import (
	"context"
	"slices"
	"testing"

	"tidings/feeds"
)

// The name été, composed (NFC) and decomposed (NFD).
const (
	eteNFC = "\u00e9t\u00e9"
	eteNFD = "e\u0301te\u0301"
)

// TestTagFormsAreOneTag: a tag name typed with combining accents is the
// tag typed with accented letters, whichever way it is written to the
// library, and tag: and # find it typed either way.
func TestTagFormsAreOneTag(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		write func(s *Store, first, second int64) error
		tags  string // the tags list after
		count int    // articles with the tag after
	}{
		{"Tag", func(s *Store, _, second int64) error {
			return s.Tag(ctx, []int64{second}, []string{eteNFD}, nil)
		}, eteNFC + ":2", 2},
		{"Tag removes", func(s *Store, first, _ int64) error {
			return s.Tag(ctx, []int64{first}, nil, []string{eteNFD})
		}, "", 0},
		{"TagQuery", func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "second", []string{"#" + eteNFD}, nil)
			return err
		}, eteNFC + ":2", 2},
		{"TagQuery removes", func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "", nil, []string{eteNFD})
			return err
		}, "", 0},
		{"tagByRule", func(s *Store, _, _ int64) error {
			_, err := s.tagByRule(ctx, "second", []string{eteNFD})
			return err
		}, eteNFC + ":2", 2},
		{"ApplyRules", func(s *Store, _, _ int64) error {
			_, err := s.ApplyRules(ctx, []Rule{{Query: "second", Tags: []string{eteNFD}}}, []string{"f2"})
			return err
		}, eteNFC + ":2", 2},
		{"Import", func(s *Store, _, _ int64) error {
			a := art("f2", "2024-03-04", "Second story. Text.")
			a.Tags = []string{eteNFD}
			_, err := s.Import(ctx, []feeds.Article{a})
			return err
		}, eteNFC + ":2", 2},
		{"SetTagColor", func(s *Store, _, _ int64) error {
			return s.SetTagColor(ctx, eteNFD, "red")
		}, eteNFC + ":1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, art("f1", "2024-03-05", "First story. Text."), art("f2", "2024-03-04", "Second story. Text."))
			first, second := mustArticleID(t, s, "f1"), mustArticleID(t, s, "f2")
			if err := s.Tag(ctx, []int64{first}, []string{eteNFC}, nil); err != nil {
				t.Fatal(err)
			}
			if err := tt.write(s, first, second); err != nil {
				t.Fatal(err)
			}
			if got := tagList(t, s); got != tt.tags {
				t.Errorf("Tags = %+q, want %+q", got, tt.tags)
			}
			for _, q := range []string{"tag:" + eteNFC, "tag:" + eteNFD, "#" + eteNFD, "tag:e\u0301t*"} {
				if n, err := s.Count(ctx, q); err != nil || n != tt.count {
					t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, tt.count)
				}
			}
		})
	}
}

// TestUpgradeMergesTagForms: a library from before tag names were composed
// may hold a name in both forms, two tags that look alike. Upgrading makes
// them one, on every article either was on, set by the reader if either
// was, with the colour one of them had; feeds' and rules' tags too.
func TestUpgradeMergesTagForms(t *testing.T) {
	path, db := oldLibrary(t, 8)
	execAll(t, db, `INSERT INTO articles(id, external_id, sort_key, added, updated, title)
		VALUES (1, 'x1', 1, 1, 1, 'One'), (2, 'x2', 2, 1, 1, 'Two'), (3, 'x3', 3, 1, 1, 'Three'), (4, 'x4', 4, 1, 1, 'Four')`)
	execAll(t, db,
		`INSERT INTO tags(id, name, color) VALUES (1, '`+eteNFD+`', ''), (2, '`+eteNFC+`', 'red'),
			(3, 'Cafe`+"\u0301"+`', ''), (4, 'caf`+"\u00e9"+`', 'blue'), (5, 'caf`+"\u00c9"+`', ''),
			(6, 'Zu`+"\u0308"+`rich', 'green'), (7, 'plain', '')`,
		// Article 1 has both forms, the older by a rule; article 2 the
		// composed one by a rule; article 3 the decomposed one.
		`INSERT INTO article_tags(article_id, tag_id, added, by_rule) VALUES
			(1, 1, 100, 1), (1, 2, 200, 0), (2, 2, 300, 1), (3, 1, 400, 0),
			(1, 3, 500, 0), (4, 4, 600, 0), (4, 5, 700, 0),
			(2, 6, 800, 1), (3, 7, 900, 0)`,
		`INSERT INTO feeds(url, tags) VALUES ('https://a.example/feed', '["`+eteNFD+`","`+eteNFC+`","news"]'),
			('https://b.example/feed', '["plain"]')`,
		`INSERT INTO rules(query, tags, created) VALUES ('x', '["Zu`+"\u0308"+`rich","Z`+"\u00fc"+`rich"]', 1)`)
	s := upgrade(t, path, db)
	ctx := context.Background()

	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTags := []Tag{ // in alphabetical order
		{Name: "Caf\u00e9", Color: "blue", Count: 2}, // the oldest spelling, the first colour; cafÉ too (migration 13)
		{Name: eteNFC, Color: "red", Count: 3},
		{Name: "plain", Count: 1},
		{Name: "Z\u00fcrich", Color: "green", Count: 1},
	}
	if !slices.Equal(tags, wantTags) {
		t.Errorf("Tags = %+v\nwant %+v", tags, wantTags)
	}
	for _, tt := range []struct {
		article int64
		tag     string
		byRule  bool
		added   int64
	}{
		{1, eteNFC, false, 100}, // the reader's, since the earlier
		{2, eteNFC, true, 300},
		{3, eteNFC, false, 400},
		{1, "Caf\u00e9", false, 500},
		{4, "Caf\u00e9", false, 600},
		{2, "Z\u00fcrich", true, 800},
	} {
		a := mustArticle(t, s, tt.article)
		i := slices.IndexFunc(a.Tags, func(at ArticleTag) bool { return at.Name == tt.tag })
		if i < 0 {
			t.Errorf("article %d has tags %+q, want %+q", tt.article, tagNames(a.Tags), tt.tag)
			continue
		}
		if got := a.Tags[i]; got.ByRule != tt.byRule || got.Added.Unix() != tt.added {
			t.Errorf("article %d, %+q: by rule %v since %d, want %v since %d", tt.article, tt.tag, got.ByRule, got.Added.Unix(), tt.byRule, tt.added)
		}
	}
	for q, want := range map[string]int{"tag:" + eteNFD: 3, "tag:" + eteNFC: 3, "#cafe\u0301": 2, "tag:zu\u0308rich": 1} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, want)
		}
	}
	for url, want := range map[string][]string{"https://a.example/feed": {eteNFC, "news"}, "https://b.example/feed": {"plain"}} {
		if f, err := s.FeedByURL(ctx, url); err != nil || !slices.Equal(f.Tags, want) {
			t.Errorf("feed %s has tags %+q (%v), want %+q", url, f.Tags, err, want)
		}
	}
	if rules, err := s.Rules(ctx); err != nil || len(rules) != 1 || !slices.Equal(rules[0].Tags, []string{"Z\u00fcrich"}) {
		t.Errorf("rules %+v (%v), want one tagging Z\u00fcrich", rules, err)
	}
}
