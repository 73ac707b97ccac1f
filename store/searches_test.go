package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSavedSearches(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if err := s.SaveSearch(ctx, "Ukraine", "ukraine -tag:read"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSearch(ctx, "energy", "oil OR gas"); err != nil {
		t.Fatal(err)
	}
	// Saving under a name again (any case) replaces the query.
	if err := s.SaveSearch(ctx, "UKRAINE", "ukraine since:7d"); err != nil {
		t.Fatal(err)
	}
	got, err := s.SavedSearches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "energy" || got[1].Name != "Ukraine" || got[1].Query != "ukraine since:7d" {
		t.Errorf("SavedSearches = %+v", got)
	}
	if err := s.SaveSearch(ctx, "broken", `"unclosed`); err == nil {
		t.Error("a query that does not parse was saved")
	}
	if err := s.SaveSearch(ctx, " ", "x"); err == nil {
		t.Error("a search without a name was saved")
	}
	if err := s.DeleteSearch(ctx, "ukraine"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSearch(ctx, "ukraine"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	if got, _ := s.SavedSearches(ctx); len(got) != 1 {
		t.Errorf("after delete: %+v", got)
	}
}

func TestRules(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	r, err := s.AddRule(ctx, "source:menafn ukraine", []string{"Ukraine", "#war", "ukraine"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || !slices.Equal(r.Tags, []string{"Ukraine", "war"}) || r.Created.IsZero() {
		t.Errorf("AddRule = %+v", r)
	}
	if _, err := s.AddRule(ctx, "oil", []string{"energy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRule(ctx, "(oil", []string{"x"}); err == nil {
		t.Error("a rule whose query does not parse was added")
	}
	if _, err := s.AddRule(ctx, "oil", nil); err == nil {
		t.Error("a rule without tags was added")
	}
	for _, q := range []string{"  ", ",", "*", `""`} {
		if _, err := s.AddRule(ctx, q, []string{"x"}); err == nil {
			t.Errorf("a rule of every article (%q) was added", q)
		}
	}
	rules, err := s.Rules(ctx)
	if err != nil || len(rules) != 2 || rules[0].Query != r.Query || !slices.Equal(rules[1].Tags, []string{"energy"}) {
		t.Errorf("Rules = %+v, %v", rules, err)
	}
	if _, err := s.DeleteRule(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteRule(ctx, r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	f, err := s.AddFeed(ctx, Feed{URL: "https://example.com/feed.xml", Title: "Example News", Tags: []string{"news"}})
	if err != nil || f.ID == 0 {
		t.Fatalf("AddFeed = %+v, %v", f, err)
	}
	a := art("f1", "2024-03-05", "Feed article about ports. Text.")
	a.FeedURL = f.URL
	importAll(t, s, a)
	got, err := s.ArticleByExternalID(ctx, "f1")
	if err != nil || got.FeedID != f.ID || got.FeedTitle != "Example News" {
		t.Errorf("article from the feed: %+v, %v", got, err)
	}
	if n, _ := s.Count(ctx, "source:example"); n != 1 {
		t.Errorf("Count(source:example) = %d: the feed title is not a source", n)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].Title != "Example News" || !slices.Equal(feeds[0].Tags, []string{"news"}) {
		t.Errorf("Feeds = %+v, %v", feeds, err)
	}
	if r, err := s.RemoveFeed(ctx, f.URL, false); err != nil || r.Articles != 1 || r.Deleted != 0 {
		t.Fatalf("RemoveFeed = %+v, %v", r, err)
	}
	if got := mustArticle(t, s, got.ID); got.FeedID != 0 {
		t.Errorf("article still linked to a removed feed: %d", got.FeedID)
	}
	if _, err := s.RemoveFeed(ctx, f.URL, false); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
}

// TestSavedSearchNamesInEveryScriptsCase: a name that differs from a saved
// one only in case, in any script, is that search, as tag names are:
// saving under it replaces the query, keeping the name first given, and
// deleting by it deletes the search. Searches of such names saved before
// are one search again once saved over.
func TestSavedSearchNamesInEveryScriptsCase(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		saved []string // names saved, in turn, each with the query "first"
		write func(s *Store) error
		want  string // name=query of each search after, in order
	}{
		{"saved over", []string{eteUpper}, func(s *Store) error {
			return s.SaveSearch(ctx, eteNFC, "second")
		}, eteUpper + "=second"},
		{"saved over, decomposed and shouted", []string{eteNFC}, func(s *Store) error {
			return s.SaveSearch(ctx, "E\u0301TE\u0301", "second")
		}, eteNFC + "=second"},
		{"saved over in Greek", []string{athensCaps}, func(s *Store) error {
			return s.SaveSearch(ctx, athens, "second")
		}, athensCaps + "=second"},
		{"deleted", []string{"alpha", eteUpper}, func(s *Store) error {
			return s.DeleteSearch(ctx, eteShout)
		}, "alpha=first"},
		{"saved over, two of the name saved before", []string{eteUpper, "zebra"}, func(s *Store) error {
			if _, err := s.wdb.ExecContext(ctx, `INSERT INTO saved_searches(name, query) VALUES (?, 'older')`, eteNFC); err != nil {
				return err
			}
			return s.SaveSearch(ctx, eteShout, "second")
		}, eteUpper + "=second zebra=first"},
		{"deleted, two of the name saved before", []string{eteUpper, "zebra"}, func(s *Store) error {
			if _, err := s.wdb.ExecContext(ctx, `INSERT INTO saved_searches(name, query) VALUES (?, 'older')`, eteNFC); err != nil {
				return err
			}
			return s.DeleteSearch(ctx, eteNFC)
		}, "zebra=first"},
		{"listed alphabetically", []string{"zebra", eteUpper, "My Search", "m\u00e9t\u00e9o", "alpha"}, func(s *Store) error {
			return nil
		}, "alpha=first " + eteUpper + "=first m\u00e9t\u00e9o=first My Search=first zebra=first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			for _, name := range tt.saved {
				if err := s.SaveSearch(ctx, name, "first"); err != nil {
					t.Fatal(err)
				}
			}
			if err := tt.write(s); err != nil {
				t.Fatal(err)
			}
			got, err := s.SavedSearches(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var list []string
			for _, ss := range got {
				list = append(list, ss.Name+"="+ss.Query)
			}
			if s := strings.Join(list, " "); s != tt.want {
				t.Errorf("SavedSearches: %+q\nwant %+q", s, tt.want)
			}
		})
	}
}
