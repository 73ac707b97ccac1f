package store

import (
	"context"
	"testing"

	"tidings/feeds"
)

// TestFileNamingNoFeedKeepsItsFeed: a file that names no feed (a Markdown
// export, a page, a JSON record without one) is no subscription: an article
// a feed brought stays that feed's, its counts, feed: queries and purge
// see it, and a file that brings it as it is changes nothing.
func TestFileNamingNoFeedKeepsItsFeed(t *testing.T) {
	const url = "https://example.com/feed.xml"
	entry := feeds.Article{ExternalID: "feed:" + url + "#1", Source: "Harbour News", Title: "Harbour reopens",
		URL: "https://example.com/1", Body: "The harbour reopened.", FeedURL: url}
	for _, tc := range []struct {
		name    string
		file    func(feeds.Article) feeds.Article // entry as the file brings it
		outcome Outcome
	}{
		{"the same article", func(a feeds.Article) feeds.Article { a.FeedURL = ""; return a }, Unchanged},
		{"with the reader's tags and read", func(a feeds.Article) feeds.Article {
			read := true
			a.FeedURL, a.Tags, a.Read = "", []string{"harbour"}, &read
			return a
		}, Updated},
		{"with a new text", func(a feeds.Article) feeds.Article {
			a.FeedURL, a.Body = "", "The harbour reopened on Monday."
			return a
		}, Updated},
		{"leaving the feed out", func(a feeds.Article) feeds.Article {
			a.FeedURL, a.Absent = "", feeds.FieldFeed
			return a
		}, Unchanged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			f, err := s.AddFeed(ctx, Feed{URL: url, Title: "Harbour News"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.RecordFetch(ctx, f.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: []feeds.Article{entry}}, nil); err != nil {
				t.Fatal(err)
			}
			if outs := importAll(t, s, tc.file(entry)); outs[0] != tc.outcome {
				t.Errorf("import: %v, want %v", outs[0], tc.outcome)
			}
			if outs := importAll(t, s, tc.file(entry)); outs[0] != Unchanged {
				t.Errorf("the same file again: %v, want unchanged", outs[0])
			}
			if got := mustArticle(t, s, mustArticleID(t, s, entry.ExternalID)); got.FeedID != f.ID {
				t.Errorf("the article is feed %d's, want %d's", got.FeedID, f.ID)
			}
			if n, err := s.Count(ctx, `feed:"Harbour News"`); err != nil || n != 1 {
				t.Errorf(`feed:"Harbour News" counts %d, %v; want 1`, n, err)
			}
			stats, err := s.RecordFetch(ctx, f.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: []feeds.Article{entry}}, nil)
			if err != nil || stats.Added != 0 {
				t.Errorf("fetched again: %+v, %v", stats, err)
			}
			if r, err := s.RemoveFeed(ctx, url, true); err != nil || r.Articles != 1 {
				t.Errorf("purge = %+v, %v; want the feed's one article", r, err)
			}
		})
	}
}
