package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
)

// Names that differ only in case beyond ASCII.
const (
	eteUpper   = "\u00c9t\u00e9"                  // Été
	eteShout   = "\u00c9T\u00c9"                  // ÉTÉ
	athensCaps = "\u0391\u0398\u0389\u039d\u0391" // ΑΘΉΝΑ
	athens     = "\u03b1\u03b8\u03ae\u03bd\u03b1" // αθήνα
)

// TestTagCaseIsOneTag: a tag name typed in another case, in any script, is
// the tag already there, whichever way it is written to the library, and
// keeps the spelling it was first given; tag:, # and a prefix find it in
// any case.
func TestTagCaseIsOneTag(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		write func(s *Store, first, second int64) error
		tags  string // the tags list after
		count int    // articles with the tag after
	}{
		{"Tag", func(s *Store, _, second int64) error {
			return s.Tag(ctx, []int64{second}, []string{eteNFC}, nil)
		}, eteUpper + ":2", 2},
		{"Tag removes", func(s *Store, first, _ int64) error {
			return s.Tag(ctx, []int64{first}, nil, []string{eteShout})
		}, "", 0},
		{"TagQuery", func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "second", []string{"#" + eteShout}, nil)
			return err
		}, eteUpper + ":2", 2},
		{"TagQuery removes", func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "", nil, []string{eteNFC})
			return err
		}, "", 0},
		{"tagByRule", func(s *Store, _, _ int64) error {
			_, err := s.tagByRule(ctx, "second", []string{eteNFC})
			return err
		}, eteUpper + ":2", 2},
		{"ApplyRules", func(s *Store, _, _ int64) error {
			_, err := s.ApplyRules(ctx, []Rule{{Query: "second", Tags: []string{eteShout}}}, []string{"f2"})
			return err
		}, eteUpper + ":2", 2},
		{"Import", func(s *Store, _, _ int64) error {
			a := art("f2", "2024-03-04", "Second story. Text.")
			a.Tags = []string{eteNFD} // decomposed and in another case
			_, err := s.Import(ctx, []feeds.Article{a})
			return err
		}, eteUpper + ":2", 2},
		{"SetTagColor", func(s *Store, _, _ int64) error {
			return s.SetTagColor(ctx, eteShout, "red")
		}, eteUpper + ":1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, art("f1", "2024-03-05", "First story. Text."), art("f2", "2024-03-04", "Second story. Text."))
			first, second := mustArticleID(t, s, "f1"), mustArticleID(t, s, "f2")
			if err := s.Tag(ctx, []int64{first}, []string{eteUpper}, nil); err != nil {
				t.Fatal(err)
			}
			if err := tt.write(s, first, second); err != nil {
				t.Fatal(err)
			}
			if got := tagList(t, s); got != tt.tags {
				t.Errorf("Tags = %+q, want %+q", got, tt.tags)
			}
			for _, q := range []string{"tag:" + eteNFC, "tag:" + eteShout, "#" + eteNFD, "tag:\u00e9t*", "tag:\u00c9T*", "tag:E\u0301T*"} {
				if n, err := s.Count(ctx, q); err != nil || n != tt.count {
					t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, tt.count)
				}
				if ids := idsOf(t, s, q); len(ids) != tt.count {
					t.Errorf("Search(%+q) = %v, want %d articles", q, ids, tt.count)
				}
			}
		})
	}
}

// TestTagCaseScripts: Greek and Cyrillic names are one tag in either case,
// the final sigma too; the Turkish dotless ı is not i.
func TestTagCaseScripts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("f1", "2024-03-05", "First story. Text."))
	id := mustArticleID(t, s, "f1")
	tg, err := s.TagChanges(ctx, []int64{id}, []string{athensCaps, athens, "\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2",
		"\u041c\u041e\u0421\u041a\u0412\u0410", "\u041c\u043e\u0441\u043a\u0432\u0430", "\u0131sparta", "Isparta"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var added []string
	for _, c := range tg.Added {
		added = append(added, c.Name)
	}
	want := []string{athensCaps, "\u039f\u0394\u039f\u03a3", "\u041c\u041e\u0421\u041a\u0412\u0410", "\u0131sparta", "Isparta"}
	if !slices.Equal(added, want) {
		t.Errorf("added %+q, want %+q (each name once)", added, want)
	}
	for _, q := range []string{"tag:" + athens, "tag:\u03b1\u03b8*", "tag:\u03bf\u03b4\u03bf\u03c2", "tag:\u043c\u043e\u0441\u043a\u0432\u0430", "tag:isparta", "tag:\u0131sparta"} {
		if n, err := s.Count(ctx, q); err != nil || n != 1 {
			t.Errorf("Count(%+q) = %d, %v; want 1", q, n, err)
		}
	}
	if got, want := tagList(t, s), "Isparta:1 \u0131sparta:1 "+athensCaps+":1 \u039f\u0394\u039f\u03a3:1 \u041c\u041e\u0421\u041a\u0412\u0410:1"; got != want {
		t.Errorf("Tags = %+q, want %+q", got, want)
	}
}

// TestTagsAlphabetical: the tags are listed alphabetically, an accented
// letter with its bare one, case after letters and accents, as typed.
func TestTagsAlphabetical(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("f1", "2024-03-05", "First story. Text."))
	id := mustArticleID(t, s, "f1")
	names := []string{"wx", "\u00dcn\u00efcode Tag", "My Tag", "m\u00e9t\u00e9o", "meteo", "zebra", "Alpha", "\u00e9t\u00e9", "ete", "beta", "Umlaut", "\u00f8re"}
	if err := s.Tag(ctx, []int64{id}, names, nil); err != nil {
		t.Fatal(err)
	}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tg := range tags {
		got = append(got, tg.Name)
	}
	want := []string{"Alpha", "beta", "ete", "\u00e9t\u00e9", "meteo", "m\u00e9t\u00e9o", "My Tag", "\u00f8re", "Umlaut", "\u00dcn\u00efcode Tag", "wx", "zebra"}
	if !slices.Equal(got, want) {
		t.Errorf("Tags in order\n%+q\nwant\n%+q", got, want)
	}
}

// TestRemoveFeedPurgeTagCase: a feed's own tag on its article, named in
// another case, is still the feed's: purging deletes the article.
func TestRemoveFeedPurgeTagCase(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	if _, err := s.Subscribe(ctx, Feed{URL: url, Title: "Example", Tags: []string{eteShout}}); err != nil {
		t.Fatal(err)
	}
	a := art("feed:"+url+"#1", "2024-03-01", "Story one here. Text.")
	a.FeedURL, a.Tags = url, []string{eteNFC}
	importAll(t, s, a)
	id := mustArticleID(t, s, "feed:"+url+"#1")
	if err := s.Tag(ctx, []int64{id}, []string{eteUpper}, nil); err != nil {
		t.Fatal(err)
	}
	r, err := s.RemoveFeed(ctx, url, true)
	if want := (Removed{Articles: 1, Deleted: 1}); err != nil || r != want {
		t.Fatalf("RemoveFeed = %+v, %v; want %+v", r, err, want)
	}
	if _, err := s.Article(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("the article tagged with the feed's tag is kept (%v)", err)
	}
}

// TestUpgradeMergesTagCases: a library from before tag names were
// case-insensitive beyond ASCII may hold Été and été, two tags. Upgrading
// makes them one, the oldest's spelling, on every article either was on,
// the reader's if either was, since the earlier, with the first colour;
// feeds' and rules' tags too. Each name is then one tag whatever its case.
func TestUpgradeMergesTagCases(t *testing.T) {
	path, db := oldLibrary(t, 12)
	execAll(t, db, `INSERT INTO articles(id, external_id, sort_key, added, updated, title)
		VALUES (1, 'x1', 1, 1, 1, 'One'), (2, 'x2', 2, 1, 1, 'Two'), (3, 'x3', 3, 1, 1, 'Three')`,
		`INSERT INTO tags(id, name, color) VALUES (1, '`+eteUpper+`', ''), (2, '`+eteNFC+`', 'red'),
			(3, '`+eteShout+`', 'blue'), (4, '`+athensCaps+`', ''), (5, '`+athens+`', ''), (6, 'plain', '')`,
		// Article 1 has Été by a rule and été by the reader, later; article
		// 2 ÉTÉ by a rule; article 3 αθήνα.
		`INSERT INTO article_tags(article_id, tag_id, added, by_rule) VALUES
			(1, 1, 100, 1), (1, 2, 200, 0), (2, 3, 300, 1), (3, 5, 400, 0), (3, 6, 500, 0)`,
		`INSERT INTO feeds(url, tags) VALUES ('https://a.example/feed', '["`+eteNFC+`","`+eteShout+`","news"]')`,
		`INSERT INTO rules(query, tags, created) VALUES ('x', '["`+athens+`","`+athensCaps+`"]', 1)`)
	s := upgrade(t, path, db)
	ctx := context.Background()

	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTags := []Tag{
		{Name: eteUpper, Color: "red", Count: 2}, // the oldest's spelling, the first colour
		{Name: "plain", Count: 1},
		{Name: athensCaps, Count: 1},
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
		{1, eteUpper, false, 100}, // the reader's, since the earlier
		{2, eteUpper, true, 300},
		{3, athensCaps, false, 400},
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
	for q, want := range map[string]int{"tag:" + eteShout: 2, "tag:" + eteNFD: 2, "#" + athens: 1, "tag:\u03b1\u03b8*": 1, "tag:PLAIN": 1} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%+q) = %d, %v; want %d", q, n, err, want)
		}
	}
	if f, err := s.FeedByURL(ctx, "https://a.example/feed"); err != nil || !slices.Equal(f.Tags, []string{eteNFC, "news"}) {
		t.Errorf("feed has tags %+q (%v), want %+q", f.Tags, err, []string{eteNFC, "news"})
	}
	if rules, err := s.Rules(ctx); err != nil || len(rules) != 1 || !slices.Equal(rules[0].Tags, []string{athens}) {
		t.Errorf("rules %+v (%v), want one tagging %+q", rules, err, athens)
	}
	// Tagging in yet another case adds no tag.
	if err := s.Tag(ctx, []int64{3}, []string{strings.ToLower(eteUpper), "\u0391\u03b8\u03ae\u03bd\u03b1"}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := tagList(t, s), eteUpper+":3 plain:1 "+athensCaps+":1"; got != want {
		t.Errorf("after tagging, Tags = %+q, want %+q", got, want)
	}
}

// TestRulesChainTagCase: a rule whose query asks for a tag another rule
// gives, named in another case, runs again on what that rule tagged.
func TestRulesChainTagCase(t *testing.T) {
	ctx := context.Background()
	rules := []Rule{
		{Query: "tag:\u03bf\u03b4\u03bf\u03c2", Tags: []string{"chained"}}, // tag:οδος
		{Query: "first", Tags: []string{"\u039f\u0394\u039f\u03a3"}},       // ΟΔΟΣ
	}
	for _, library := range []bool{false, true} {
		s := openTemp(t)
		importAll(t, s, art("f1", "2024-03-05", "First story. Text."))
		var err error
		if library {
			_, err = s.ApplyRulesToLibrary(ctx, rules)
		} else {
			_, err = s.ApplyRules(ctx, rules, []string{"f1"})
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := tagNames(mustArticle(t, s, mustArticleID(t, s, "f1")).Tags); !strings.Contains(got, "chained") {
			t.Errorf("library %v: the article has tags %+q, want chained too", library, got)
		}
	}
}
