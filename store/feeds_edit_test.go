package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestRenameFeed: a feed renamed, found by any spelling of its address, has
// the name, and keeps it through fetches that bring its own title; the
// name it had is said. A feed there is not is ErrNotFound.
func TestRenameFeed(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://harbour.example/feed.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	fetch := func() {
		t.Helper()
		r := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: "Harbour News"}}
		if _, err := s.RecordFetch(ctx, sub.Feed.ID, r, nil); err != nil {
			t.Fatal(err)
		}
	}
	fetch()
	for _, tc := range []struct{ given, name, was, want string }{
		{"HTTPS://Harbour.example:443/feed.xml", "Harbour Daily", "Harbour News", "Harbour Daily"},
		{url, "  The \x1b[31mHarbour\x1b[0m Paper\n", "Harbour Daily", "The Harbour Paper"},
		{url, "The Harbour Paper", "The Harbour Paper", "The Harbour Paper"},
	} {
		f, was, err := s.RenameFeed(ctx, tc.given, tc.name)
		if err != nil || f.ID != sub.Feed.ID || f.Title != tc.want || was != tc.was {
			t.Errorf("RenameFeed(%q, %q) = %q (feed %d), was %q, %v; want %q, was %q", tc.given, tc.name, f.Title, f.ID, was, err, tc.want, tc.was)
		}
		fetch()
		if got, _ := s.FeedByURL(ctx, url); got.Title != tc.want {
			t.Errorf("fetched after RenameFeed(%q): title %q, want %q kept", tc.name, got.Title, tc.want)
		}
	}
	if _, _, err := s.RenameFeed(ctx, "https://nowhere.example/feed", "X"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RenameFeed of no feed: %v, want ErrNotFound", err)
	}
	if _, _, err := s.RenameFeed(ctx, url, " \t"); err == nil {
		t.Error("RenameFeed to no name: no error")
	}
}

// TestTagAndUntagFeed: tagging a feed gives it, and every article it
// brought, the tags it lacked (in any case); untagging takes them off the
// feed, in any case, so that what it brings next does not get them, and
// leaves them on the articles it brought. Each says which tags changed:
// none when there was nothing to do.
func TestTagAndUntagFeed(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://harbour.example/feed.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: url, Tags: []string{"news", "World"}})
	if err != nil {
		t.Fatal(err)
	}
	a := art("feed:"+url+"#1", "2024-03-05", "The ferry returns. Text.")
	a.FeedURL, a.Tags = url, []string{"news", "World"}
	importAll(t, s, a)
	id := mustArticleID(t, s, a.ExternalID)

	for _, tc := range []struct {
		name        string
		tag         bool // else untag
		given       []string
		changed     []string
		feed, artic string // the feed's tags, the article's, after
	}{
		{"tag", true, []string{"Boats", "NEWS"}, []string{"Boats"}, "news,World,Boats", "Boats,news,World"},
		{"tag, had them all", true, []string{"boats", "world"}, nil, "news,World,Boats", "Boats,news,World"},
		{"untag", false, []string{"world", "#NEWS", "never"}, []string{"news", "World"}, "Boats", "Boats,news,World"},
		{"untag, had none", false, []string{"world"}, nil, "Boats", "Boats,news,World"},
		{"untag the last", false, []string{"boats"}, []string{"Boats"}, "", "Boats,news,World"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edit := s.UntagFeed
			if tc.tag {
				edit = s.TagFeed
			}
			f, changed, err := edit(ctx, "HTTPS://Harbour.example/feed.xml", tc.given)
			if err != nil || f.ID != sub.Feed.ID || !slices.Equal(changed, tc.changed) {
				t.Fatalf("= feed %d, %q, %v; want feed %d, %q", f.ID, changed, err, sub.Feed.ID, tc.changed)
			}
			if got := strings.Join(f.Tags, ","); got != tc.feed {
				t.Errorf("the feed's tags %q, want %q", got, tc.feed)
			}
			if stored, _ := s.FeedByURL(ctx, url); strings.Join(stored.Tags, ",") != tc.feed {
				t.Errorf("the stored feed's tags %q, want %q", strings.Join(stored.Tags, ","), tc.feed)
			}
			if got := tagNames(mustArticle(t, s, id).Tags); got != tc.artic {
				t.Errorf("its article's tags %q, want %q", got, tc.artic)
			}
		})
	}
	for _, edit := range []func(context.Context, string, []string) (Feed, []string, error){s.TagFeed, s.UntagFeed} {
		if _, _, err := edit(ctx, "https://nowhere.example/feed", []string{"x"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("a feed there is not: %v, want ErrNotFound", err)
		}
	}
}
