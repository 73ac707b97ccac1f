package store

import (
	"context"
	"slices"
	"testing"

	"tidings/feeds"
	"tidings/store/query"
)

// ukrZWJ looks like "ukraine" on a terminal: a zero-width joiner is in it.
const ukrZWJ = "ukr\u200daine"

// TestTagMarksAreOneTag: a tag name with a character that shows nothing in
// it is the name without, whichever way it is written to the library, and
// tag: and # find it typed either way.
func TestTagMarksAreOneTag(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		write func(s *Store, first, second int64) error
		tags  string // the tags list after
		count int    // articles with the tag after
	}{
		{"Tag", func(s *Store, _, second int64) error {
			return s.Tag(ctx, []int64{second}, []string{ukrZWJ}, nil)
		}, "ukraine:2", 2},
		{"Tag removes", func(s *Store, first, _ int64) error {
			return s.Tag(ctx, []int64{first}, nil, []string{ukrZWJ})
		}, "", 0},
		{"TagQuery", func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "second", []string{"#ukr\u00adaine"}, nil)
			return err
		}, "ukraine:2", 2},
		{"tagByRule", func(s *Store, _, _ int64) error {
			_, err := s.tagByRule(ctx, "second", []string{ukrZWJ})
			return err
		}, "ukraine:2", 2},
		{"ApplyRules", func(s *Store, _, _ int64) error {
			_, err := s.ApplyRules(ctx, []Rule{{Query: "second", Tags: []string{"ukr\u200eaine"}}}, []string{"f2"})
			return err
		}, "ukraine:2", 2},
		{"Import", func(s *Store, _, _ int64) error {
			a := art("f2", "2024-03-04", "Second story. Text.")
			a.Tags = []string{ukrZWJ, "\u200d"}
			_, err := s.Import(ctx, []feeds.Article{a})
			return err
		}, "ukraine:2", 2},
		{"SetTagColor", func(s *Store, _, _ int64) error {
			return s.SetTagColor(ctx, ukrZWJ, "red")
		}, "ukraine:1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, art("f1", "2024-03-05", "First story. Text."), art("f2", "2024-03-04", "Second story. Text."))
			first, second := mustArticleID(t, s, "f1"), mustArticleID(t, s, "f2")
			if err := s.Tag(ctx, []int64{first}, []string{"ukraine"}, nil); err != nil {
				t.Fatal(err)
			}
			if err := tt.write(s, first, second); err != nil {
				t.Fatal(err)
			}
			if got := tagList(t, s); got != tt.tags {
				t.Errorf("Tags = %+q, want %+q", got, tt.tags)
			}
			for _, q := range []string{"tag:ukraine", "tag:" + ukrZWJ, "#ukr\u00adaine", "tag:ukr\u200d*", "tag:\"ukr\u2062aine\""} {
				if n, err := s.Count(ctx, q); err != nil || n != tt.count {
					t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, tt.count)
				}
				if ids := idsOf(t, s, q); len(ids) != tt.count {
					t.Errorf("Search(%+q) = %d articles, want %d", q, len(ids), tt.count)
				}
			}
		})
	}
}

// TestUpgradeDropsTagMarks: a library from before tag names lost the
// characters that show nothing may hold "ukraine" and "ukr\u200daine", two
// tags that look alike. Upgrading makes them one, on every article either
// was on, set by the reader if either was, with the colour one of them
// had; feeds' and rules' tags too. A tag of nothing but such characters,
// which showed as nothing, is gone.
func TestUpgradeDropsTagMarks(t *testing.T) {
	path, db := oldLibrary(t, 10)
	execAll(t, db, `INSERT INTO articles(id, external_id, sort_key, added, updated, title)
		VALUES (1, 'x1', 1, 1, 1, 'One'), (2, 'x2', 2, 1, 1, 'Two'), (3, 'x3', 3, 1, 1, 'Three'), (4, 'x4', 4, 1, 1, 'Four')`)
	execAll(t, db,
		`INSERT INTO tags(id, name, color) VALUES (1, 'ukr`+"\u200d"+`aine', ''), (2, 'Ukraine', 'red'),
			(3, 'ukr`+"\u00ad"+`aine', 'blue'), (4, '`+"\u200d\u200d"+`', 'green'),
			(5, 'e`+"\u034f\u0301"+`t`+"\u00e9"+`', ''), (6, 'plain', ''), (7, '`+"\U0001F44D\U0001F3FD"+`', '')`,
		// Article 1 has two forms, the older by a rule; article 2 one by a
		// rule; article 3 the third form and the blank tag; article 4 the
		// blank tag alone.
		`INSERT INTO article_tags(article_id, tag_id, added, by_rule) VALUES
			(1, 1, 100, 1), (1, 2, 200, 0), (2, 2, 300, 1), (3, 3, 400, 0), (3, 4, 450, 0),
			(4, 4, 500, 0), (1, 5, 600, 0), (2, 6, 700, 0), (4, 7, 800, 0)`,
		`INSERT INTO feeds(url, tags) VALUES ('https://a.example/feed', '["ukr`+"\u200d"+`aine","Ukraine","`+"\u200d"+`","news"]'),
			('https://b.example/feed', '["plain"]')`,
		`INSERT INTO rules(query, tags, created) VALUES ('x', '["`+"\u200d"+`","ukr`+"\u00ad"+`aine"]', 1)`)
	s := upgrade(t, path, db)
	ctx := context.Background()

	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTags := []Tag{ // in alphabetical order, symbols first
		{Name: "\U0001F44D\U0001F3FD", Count: 1}, // a skin tone is drawn: it stays
		{Name: "\u00e9t\u00e9", Count: 1},
		{Name: "plain", Count: 1},
		{Name: "ukraine", Color: "red", Count: 3}, // the oldest spelling, the first colour
	}
	if !slices.Equal(tags, wantTags) {
		t.Errorf("Tags = %+v\nwant %+v", tags, wantTags)
	}
	for _, tt := range []struct {
		article int64
		tags    string
		byRule  bool
		added   int64
	}{
		{1, "\u00e9t\u00e9,ukraine", false, 100}, // the reader's, since the earlier
		{2, "plain,ukraine", true, 300},
		{3, "ukraine", false, 400},
		{4, "\U0001F44D\U0001F3FD", false, 800},
	} {
		a := mustArticle(t, s, tt.article)
		if got := tagNames(a.Tags); got != tt.tags {
			t.Errorf("article %d has tags %+q, want %+q", tt.article, got, tt.tags)
			continue
		}
		if tt.article == 4 {
			continue
		}
		i := slices.IndexFunc(a.Tags, func(at ArticleTag) bool { return at.Name == "ukraine" })
		if got := a.Tags[i]; got.ByRule != tt.byRule || got.Added.Unix() != tt.added {
			t.Errorf("article %d, %+q: by rule %v since %d, want %v since %d", tt.article, got.Name, got.ByRule, got.Added.Unix(), tt.byRule, tt.added)
		}
	}
	for q, want := range map[string]int{"tag:ukraine": 3, "tag:" + ukrZWJ: 3, "#Ukr\u00adaine": 3, "tag:\u00e9t\u00e9": 1} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, want)
		}
	}
	for url, want := range map[string][]string{"https://a.example/feed": {"ukraine", "news"}, "https://b.example/feed": {"plain"}} {
		if f, err := s.FeedByURL(ctx, url); err != nil || !slices.Equal(f.Tags, want) {
			t.Errorf("feed %s has tags %+q (%v), want %+q", url, f.Tags, err, want)
		}
	}
	if rules, err := s.Rules(ctx); err != nil || len(rules) != 1 || !slices.Equal(rules[0].Tags, []string{"ukraine"}) {
		t.Errorf("rules %+v (%v), want one tagging ukraine", rules, err)
	}
}

// TestQueryTagNamesAsStored: a tag name asked for in a query is read as
// the library stores tag names, whatever character it holds: tag:x finds
// the tag an import of x made.
func TestQueryTagNamesAsStored(t *testing.T) {
	for r := rune(0xa0); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		name := "a" + string(r) + "b"
		stored := feeds.NormalizeTags([]string{name})
		if len(stored) != 1 {
			t.Fatalf("%U: stored as %q", r, stored)
		}
		if asked := query.TagName(name); asked != stored[0] {
			t.Errorf("%U: asked for as %q, stored as %q", r, asked, stored[0])
		}
	}
}
