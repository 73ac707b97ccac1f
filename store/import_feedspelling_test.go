package store

import (
	"context"
	"fmt"
	"testing"

	"tidings/feeds"
)

// TestImportFindsFeedByAnySpelling: an export's articles whose feed the
// library is subscribed to under another spelling of its address (a host
// beyond ASCII as punycode, as written, or percent-encoded as a tidings
// from before wrote it; another case, port or password; the address it
// moved from) join that subscription, as feed add finds it: no second
// subscription, which would be fetched twice and take the articles.
func TestImportFindsFeedByAnySpelling(t *testing.T) {
	for _, tc := range []struct {
		name string
		// library makes the library and returns it with the id of its
		// one subscription.
		library func(t *testing.T) (*Store, int64)
		feed    string // the records' feed, as the export spells it
	}{
		{"subscribed as written, export from before (percent-encoded)", subscribedAt(idnUnicode), idnPercent},
		{"subscribed as punycode, export as written", subscribedAt(idnPunycode), idnUnicode},
		{"subscribed percent-encoded, export as punycode", subscribedAt(idnPercent), idnPunycode},
		{"library from before, percent-encoded, export as punycode", storedBefore(idnPercent), idnPunycode},
		{"library from before, percent-encoded, export as written", storedBefore(idnPercent), idnUnicode},
		{"another case and the default port", subscribedAt("https://news.example/feed.xml"), "HTTPS://News.Example:443/feed.xml"},
		{"another password", subscribedAt("https://reader:new@news.example/private.xml"), "https://reader:old@news.example/private.xml"},
		{"the address the feed moved from", func(t *testing.T) (*Store, int64) {
			s, id := subscribedAt("https://news.example/old.xml")(t)
			moved := feeds.FetchResult{Sub: feeds.Subscription{URL: "https://news.example/old.xml"}, NewURL: "https://news.example/new.xml"}
			if _, err := s.RecordFetch(context.Background(), id, moved, nil); err != nil {
				t.Fatal(err)
			}
			return s, id
		}, "https://news.example/old.xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s, subID := tc.library(t)
			base := feeds.IDBase(feeds.MatchURL(tc.feed))
			var batch []feeds.Article
			for i := 1; i <= 3; i++ {
				batch = append(batch, feeds.Article{ExternalID: fmt.Sprintf("feed:%s#b%d", base, i), Source: "Bücher",
					Title: fmt.Sprintf("Buch %d", i), Body: "Text.", FeedURL: tc.feed})
			}
			res, err := s.ImportWith(ctx, batch, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.NewFeeds) != 0 {
				t.Errorf("subscribed to %q", res.NewFeeds)
			}
			subs, err := s.Feeds(ctx)
			if err != nil || len(subs) != 1 {
				t.Errorf("%d subscriptions, %v; want 1", len(subs), err)
			}
			for _, a := range batch {
				if got := mustArticle(t, s, mustArticleID(t, s, a.ExternalID)); got.FeedID != subID {
					t.Errorf("%s is feed %d's, want %d's", a.ExternalID, got.FeedID, subID)
				}
			}
			if outs := importAll(t, s, batch...); outs[0] != Unchanged {
				t.Errorf("the same export again: %v, want unchanged", outs[0])
			}
		})
	}
}

// subscribedAt makes a library subscribed to url, as feed add does.
func subscribedAt(url string) func(t *testing.T) (*Store, int64) {
	return func(t *testing.T) (*Store, int64) {
		s := openTemp(t)
		sub, err := s.Subscribe(context.Background(), Feed{URL: url, Title: "Bücher"})
		if err != nil {
			t.Fatal(err)
		}
		return s, sub.Feed.ID
	}
}

// storedBefore makes a library subscribed to url by a tidings from before
// the normal form had the host as punycode (migration 20), upgraded.
func storedBefore(url string) func(t *testing.T) (*Store, int64) {
	return func(t *testing.T) (*Store, int64) {
		path, db := oldLibrary(t, 19)
		execAll(t, db, fmt.Sprintf(`INSERT INTO feeds(url, url_normal, title) VALUES ('%s', '%s', 'Bücher')`, url, url))
		s := upgrade(t, path, db)
		f, err := s.FeedByURL(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		return s, f.ID
	}
}
