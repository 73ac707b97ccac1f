package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds"
)

// longTagNames are tag names longer than a tag is kept
// (feeds.MaxLineLength characters): one word, words the cut falls
// between, Chinese written without spaces, and one typed with a #.
var longTagNames = map[string]string{
	"one word": strings.Repeat("x", 1500),
	"words":    strings.TrimSpace(strings.Repeat("long read ", 150)),
	"chinese":  strings.Repeat("长篇报道", 300),
	"hashed":   "#" + strings.Repeat("y", 1200),
}

// arrive imports a as every importer and a fetch give it to the store:
// normalized (feeds.Normalize), its fields cut.
func arrive(t *testing.T, s *Store, a feeds.Article) Outcome {
	t.Helper()
	feeds.Normalize(&a)
	return importAll(t, s, a)[0]
}

// importedTag is the name an import gives tag: what an article carrying
// it arrives with, in a library of its own.
func importedTag(t *testing.T, tag string) string {
	t.Helper()
	s := openTemp(t)
	a := art("arrived", "2024-10-01", "Arrived. Body.")
	a.Tags = []string{tag}
	arrive(t, s, a)
	got := mustArticle(t, s, mustArticleID(t, s, "arrived")).Tags
	if len(got) != 1 {
		t.Fatalf("an article imported with one tag has %d", len(got))
	}
	if n := utf8.RuneCountInString(got[0].Name); n > feeds.MaxLineLength {
		t.Fatalf("an import keeps a tag of %d characters", n)
	}
	return got[0].Name
}

// TestLongTagEveryWayIn: a tag name longer than a tag is kept, written in
// by any way (tidings tag and the tag editor, a bulk tagging, a colour, a
// rule of the library or of config.toml, a feed's tags), is the name an
// import gives it: an article that arrives with it has the same tag, not
// a second one, and a feed's or a rule's list holds that name.
func TestLongTagEveryWayIn(t *testing.T) {
	ctx := context.Background()
	const feedURL = "https://long.example/feed"
	ways := []struct {
		name string
		// in writes long into s, where article "mine" is; it returns the
		// tag lists that must then hold the imported name alone.
		in func(t *testing.T, s *Store, id int64, long string) [][]string
		// onMine is whether article "mine" has the tag after it.
		onMine bool
	}{
		{"tag", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if err := s.Tag(ctx, []int64{id}, []string{long}, nil); err != nil {
				t.Fatal(err)
			}
			return nil
		}, true},
		{"tag query", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if _, err := s.TagQuery(ctx, "title:mine", []string{long}, nil); err != nil {
				t.Fatal(err)
			}
			return nil
		}, true},
		{"colour", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if err := s.SetTagColor(ctx, long, "red"); err != nil {
				t.Fatal(err)
			}
			return nil
		}, false},
		{"rule", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if _, err := s.AddRule(ctx, "title:mine", []string{long}); err != nil {
				t.Fatal(err)
			}
			rules, err := s.Rules(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.ApplyRulesToLibrary(ctx, rules); err != nil {
				t.Fatal(err)
			}
			return [][]string{rules[0].Tags}
		}, true},
		{"config rule", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if _, err := s.ApplyRulesToLibrary(ctx, []Rule{{Query: "title:mine", Tags: []string{long}}}); err != nil {
				t.Fatal(err)
			}
			return nil
		}, true},
		{"subscribe", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if _, err := s.Subscribe(ctx, Feed{URL: feedURL, Tags: []string{long}}); err != nil {
				t.Fatal(err)
			}
			f, err := s.FeedByURL(ctx, feedURL)
			if err != nil {
				t.Fatal(err)
			}
			return [][]string{f.Tags}
		}, false},
		{"feed tag", func(t *testing.T, s *Store, id int64, long string) [][]string {
			if _, err := s.Subscribe(ctx, Feed{URL: feedURL}); err != nil {
				t.Fatal(err)
			}
			f, added, err := s.TagFeed(ctx, feedURL, []string{long})
			if err != nil {
				t.Fatal(err)
			}
			return [][]string{f.Tags, added}
		}, false},
	}
	for _, way := range ways {
		for what, long := range longTagNames {
			t.Run(way.name+"/"+what, func(t *testing.T) {
				want := importedTag(t, long)
				s := openTemp(t)
				arrive(t, s, art("mine", "2024-10-01", "Mine. Body."))
				id := mustArticleID(t, s, "mine")
				for _, list := range way.in(t, s, id, long) {
					if !slices.Equal(list, []string{want}) {
						t.Errorf("the list holds %d names of %v characters, want the imported name of %d", len(list), runeCounts(list), utf8.RuneCountInString(want))
					}
				}
				a := art("arrived", "2024-10-02", "Arrived. Body.")
				a.Tags = []string{long}
				arrive(t, s, a)
				tags, err := s.Tags(ctx)
				if err != nil {
					t.Fatal(err)
				}
				wantCount := 1
				if way.onMine {
					wantCount = 2
				}
				if len(tags) != 1 || tags[0].Name != want || tags[0].Count != wantCount {
					t.Errorf("the library has %d tags (%v characters), want one, the imported name, on %d articles", len(tags), tagRuneCounts(tags), wantCount)
				}
			})
		}
	}
}

// TestLongTagExportImportedBack: an article given a long tag with tidings
// tag, imported back as its export carries it (the tag as the library
// spells it), is unchanged, with one tag; and taking the tag off by the
// name typed takes it off.
func TestLongTagExportImportedBack(t *testing.T) {
	ctx := context.Background()
	for what, long := range longTagNames {
		t.Run(what, func(t *testing.T) {
			s := openTemp(t)
			a := art("mine", "2024-10-01", "Mine. Body.")
			arrive(t, s, a)
			id := mustArticleID(t, s, "mine")
			if err := s.Tag(ctx, []int64{id}, []string{long}, nil); err != nil {
				t.Fatal(err)
			}
			exported := a
			for _, tag := range mustArticle(t, s, id).Tags {
				exported.Tags = append(exported.Tags, tag.Name)
			}
			if out := arrive(t, s, exported); out != Unchanged {
				t.Errorf("imported back: %v, want unchanged", out)
			}
			if tags := mustArticle(t, s, id).Tags; len(tags) != 1 {
				t.Errorf("imported back, the article has %d tags, want 1", len(tags))
			}
			if err := s.Tag(ctx, []int64{id}, nil, []string{long}); err != nil {
				t.Fatal(err)
			}
			if tags := mustArticle(t, s, id).Tags; len(tags) != 0 {
				t.Errorf("after removing it by the name typed, the article has %d tags", len(tags))
			}
		})
	}
}

// TestLongTagFeedUntag: a feed's long tag is taken off by the name typed.
func TestLongTagFeedUntag(t *testing.T) {
	ctx := context.Background()
	const feedURL = "https://long.example/feed"
	s := openTemp(t)
	long := longTagNames["one word"]
	if _, err := s.Subscribe(ctx, Feed{URL: feedURL, Tags: []string{long, "news"}}); err != nil {
		t.Fatal(err)
	}
	f, removed, err := s.UntagFeed(ctx, feedURL, []string{long})
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || !slices.Equal(f.Tags, []string{"news"}) {
		t.Errorf("untagged %d tags, the feed has %+q, want one untagged and news left", len(removed), f.Tags)
	}
}

// TestLongRetitle: a title of the reader's longer than a title is kept is
// the title an import gives it, so that an export of it brings back the
// title the library has.
func TestLongRetitle(t *testing.T) {
	ctx := context.Background()
	for what, long := range map[string]string{
		"one word": strings.Repeat("t", 1500),
		"words":    strings.TrimSpace(strings.Repeat("a long title ", 120)),
		"chinese":  strings.Repeat("标题", 600),
	} {
		t.Run(what, func(t *testing.T) {
			s := openTemp(t)
			arrive(t, s, art("mine", "2024-10-01", "Mine. Body."))
			id := mustArticleID(t, s, "mine")
			if err := s.Retitle(ctx, id, long); err != nil {
				t.Fatal(err)
			}
			arrived := art("arrived", "2024-10-02", "Arrived. Body.")
			arrived.Title = long
			arrive(t, s, arrived)
			got := mustArticle(t, s, id).Title
			want := mustArticle(t, s, mustArticleID(t, s, "arrived")).Title
			if got != want {
				t.Errorf("retitled to %d characters, an import gives %d", utf8.RuneCountInString(got), utf8.RuneCountInString(want))
			}
		})
	}
}

// TestUpgradeCutsLongTags: a library whose tidings tag kept a tag name
// longer than a tag is kept, and whose import of its export then added
// the cut as a second tag, has one tag after upgrading: the cut, on
// every article either was on, with the first colour; feeds' and rules'
// lists hold the cut; the name typed whole finds it.
func TestUpgradeCutsLongTags(t *testing.T) {
	long := longTagNames["one word"]
	longer := long + strings.Repeat("x", 100) // the same cut
	cut := importedTag(t, long)
	path, db := oldLibrary(t, 22)
	execAll(t, db, `INSERT INTO articles(id, external_id, sort_key, added, updated, title)
		VALUES (1, 'x1', 1, 1, 1, 'One'), (2, 'x2', 2, 1, 1, 'Two'), (3, 'x3', 3, 1, 1, 'Three')`)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO tags(id, name, folded, color) VALUES (1, ?, ?, ''), (2, ?, ?, 'red'), (3, ?, ?, ''), (4, 'plain', 'plain', '')`,
			[]any{long, long, cut, cut, longer, longer}},
		{`INSERT INTO article_tags(article_id, tag_id, added, by_rule) VALUES
			(1, 1, 100, 0), (1, 2, 200, 0), (2, 3, 300, 1), (3, 4, 400, 0)`, nil},
		{`INSERT INTO feeds(url, tags) VALUES ('https://a.example/feed', json_array(?, ?, 'news'))`, []any{long, cut}},
		{`INSERT INTO rules(query, tags, created) VALUES ('x', json_array(?), 1)`, []any{longer}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	s := upgrade(t, path, db)
	ctx := context.Background()

	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 2 || tags[1] != (Tag{Name: cut, Color: "red", Count: 2}) || tags[0].Name != "plain" {
		t.Errorf("after upgrading, %d tags (%v characters), want plain and the cut, red, on 2 articles", len(tags), tagRuneCounts(tags))
	}
	if n, err := s.Count(ctx, "tag:"+cut); err != nil || n != 2 {
		t.Errorf("tag: the cut finds %d (%v), want 2", n, err)
	}
	if f, err := s.FeedByURL(ctx, "https://a.example/feed"); err != nil || !slices.Equal(f.Tags, []string{cut, "news"}) {
		t.Errorf("the feed's tags are %d names (%v characters; %v), want the cut and news", len(f.Tags), runeCounts(f.Tags), err)
	}
	if rules, err := s.Rules(ctx); err != nil || len(rules) != 1 || !slices.Equal(rules[0].Tags, []string{cut}) {
		t.Errorf("rules %d (%v), want one tagging the cut", len(rules), err)
	}
	if err := s.Tag(ctx, []int64{3}, []string{long}, nil); err != nil {
		t.Fatal(err)
	}
	if tags, err := s.Tags(ctx); err != nil || len(tags) != 2 || tags[1].Count != 3 {
		t.Errorf("tagged by the name typed whole, the library has %d tags (%v)", len(tags), err)
	}
}

// runeCounts are how many characters each of names has.
func runeCounts(names []string) []int {
	n := make([]int, len(names))
	for i, name := range names {
		n[i] = utf8.RuneCountInString(name)
	}
	return n
}

// tagRuneCounts are how many characters each tag's name has.
func tagRuneCounts(tags []Tag) []int {
	n := make([]int, len(tags))
	for i, tag := range tags {
		n[i] = utf8.RuneCountInString(tag.Name)
	}
	return n
}
