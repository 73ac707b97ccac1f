package store

import (
	"context"
	"slices"
	"testing"

	"tidings/feeds"
)

// TestInternationalHostKeepsArticleIDs: a feed on a host beyond ASCII,
// subscribed to as written (now stored as punycode), whose articles the
// library holds under the ids a tidings from before gave them (the host
// percent-encoded: a library moved by import, or one re-subscribed), adds
// none of them again when it brings the same entries.
func TestInternationalHostKeepsArticleIDs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	sub, err := s.Subscribe(ctx, Feed{URL: "http://bücher.example/idn/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	doc := []byte(`<rss version="2.0"><channel><title>Bücher</title>` +
		`<item><title>One</title><guid isPermaLink="false">g1</guid><description>one</description></item>` +
		`<item><title>Two</title><guid isPermaLink="false">g2</guid><description>two</description></item>` +
		`</channel></rss>`)
	// The articles as the release before stored them.
	old := []string{"feed:http://b%C3%BCcher.example/idn/feed.xml#g1", "feed:http://b%C3%BCcher.example/idn/feed.xml#g2"}
	before, err := feeds.ParseFeed(doc, "", "", feeds.Subscription{URL: "http://b%C3%BCcher.example/idn/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range before.Articles {
		before.Articles[i].ExternalID, before.Articles[i].FormerIDs = old[i], nil
	}
	if _, err := s.Import(ctx, before.Articles); err != nil {
		t.Fatal(err)
	}
	f, err := feeds.ParseFeed(doc, "", "", feeds.Subscription{URL: sub.Feed.URL, IDBase: sub.Feed.IDBase})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.RecordFetch(ctx, sub.Feed.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: sub.Feed.URL, Title: f.Title}, Articles: f.Articles}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 0 {
		t.Errorf("fetch of %q: %+v, want nothing added", sub.Feed.URL, st.ImportStats)
	}
	ids := externalIDs(t, s, "")
	slices.Sort(ids)
	if !slices.Equal(ids, old) {
		t.Errorf("ids %q, want %q", ids, old)
	}
}
