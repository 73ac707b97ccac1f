package store

import (
	"context"
	"slices"
	"testing"
)

// TestSubscribeAgain: subscribing to a feed already subscribed says so,
// keeps its tags, title and site, and adds the tags given, to the feed and
// to the articles it has brought.
func TestSubscribeAgain(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	first, err := s.Subscribe(ctx, Feed{URL: url, Title: "Example News", SiteURL: "https://example.com/", Tags: []string{"blog"}})
	if err != nil || !first.New || !slices.Equal(first.AddedTags, []string{"blog"}) {
		t.Fatalf("Subscribe = %+v, %v", first, err)
	}
	a := art("f1", "2024-03-05", "Feed article about ports. Text.")
	a.FeedURL, a.Tags = url, []string{"blog"}
	importAll(t, s, a)
	id := mustArticleID(t, s, "f1")

	again, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil || again.New || len(again.AddedTags) != 0 || again.Feed.ID != first.Feed.ID {
		t.Fatalf("Subscribe again = %+v, %v", again, err)
	}
	subs, err := s.Feeds(ctx)
	if err != nil || len(subs) != 1 || subs[0].Title != "Example News" || subs[0].SiteURL != "https://example.com/" ||
		!slices.Equal(subs[0].Tags, []string{"blog"}) {
		t.Fatalf("after subscribing again without tags: %+v, %v", subs, err)
	}

	more, err := s.Subscribe(ctx, Feed{URL: url, Tags: []string{"BLOG", "news"}})
	if err != nil || more.New || !slices.Equal(more.AddedTags, []string{"news"}) || !slices.Equal(more.Feed.Tags, []string{"blog", "news"}) {
		t.Fatalf("Subscribe with a new tag = %+v, %v", more, err)
	}
	if got := tagNames(mustArticle(t, s, id).Tags); got != "blog,news" {
		t.Errorf("the feed's article has tags %q, want blog news", got)
	}
	if n := len(idsOf(t, s, "tag:news")); n != 1 {
		t.Errorf("tag:news finds %d articles", n)
	}
	// AddFeed is Subscribe: it takes nothing away either.
	if f, err := s.AddFeed(ctx, Feed{URL: url, Title: "Renamed"}); err != nil || f.Title != "Renamed" || !slices.Equal(f.Tags, []string{"blog", "news"}) {
		t.Errorf("AddFeed = %+v, %v", f, err)
	}
}

func mustArticleID(t *testing.T, s *Store, externalID string) int64 {
	t.Helper()
	a, err := s.ArticleByExternalID(context.Background(), externalID)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}
