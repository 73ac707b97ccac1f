package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
)

// rssOf is an RSS document of items, each "title|guid", dated date
// ("" for none).
func rssOf(date string, items ...string) string {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Feed</title><link>https://news.example/</link>`)
	for _, it := range items {
		title, guid, _ := strings.Cut(it, "|")
		fmt.Fprintf(&b, `<item><title>%s</title><guid isPermaLink="false">%s</guid>`, title, guid)
		if date != "" {
			fmt.Fprintf(&b, `<pubDate>%s</pubDate>`, date)
		}
		fmt.Fprintf(&b, `<description>%s, the story.</description></item>`, title)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// fetchDoc records a fetch of feed sub that brought doc.
func fetchDoc(t *testing.T, s *Store, sub Feed, doc string) FetchStats {
	t.Helper()
	f, err := feeds.ParseFeed([]byte(doc), "", "", feeds.Subscription{URL: sub.URL})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.RecordFetch(context.Background(), sub.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: sub.URL, Title: f.Title}, Articles: f.Articles}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// titlesOf are the titles of the articles matching q, as listed: newest
// first.
func titlesOf(t *testing.T, s *Store, q string) []string {
	t.Helper()
	var titles []string
	err := s.Search(context.Background(), q, 0, func(a Article) error {
		titles = append(titles, a.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return titles
}

// TestFetchListsTiesInFeedOrder: entries a fetch brings with no date, or
// with one date (a feed dated by the day), are listed as the feed lists
// them, its first entry on top, as newsboat lists them; and two entries a
// later fetch brings on top of the feed are listed on top, in the feed's
// order too.
func TestFetchListsTiesInFeedOrder(t *testing.T) {
	for _, tc := range []struct {
		name, date string
	}{
		{"undated", ""},
		{"same day", "Mon, 03 Mar 2025 00:00:00 GMT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			url := "https://news.example/" + strings.ReplaceAll(tc.name, " ", "-") + ".xml"
			sub, err := s.Subscribe(ctx, Feed{URL: url})
			if err != nil {
				t.Fatal(err)
			}
			first := []string{"Newest|n5", "Second|n4", "Middle|n3", "Older|n2", "Oldest|n1"}
			if st := fetchDoc(t, s, sub.Feed, rssOf(tc.date, first...)); st.Added != 5 || !slices.Equal(st.Outcomes, []Outcome{Added, Added, Added, Added, Added}) {
				t.Fatalf("first fetch: %+v", st)
			}
			want := []string{"Newest", "Second", "Middle", "Older", "Oldest"}
			if got := titlesOf(t, s, "feed:"+url); !slices.Equal(got, want) {
				t.Errorf("listed %q, want the feed's order %q", got, want)
			}
			if got := titlesOf(t, s, ""); !slices.Equal(got, want) {
				t.Errorf("search '' lists %q, want %q", got, want)
			}
			// Two new entries on top, the oldest gone from the feed.
			second := append([]string{"Breaking|n7", "Just in|n6"}, first[:4]...)
			st := fetchDoc(t, s, sub.Feed, rssOf(tc.date, second...))
			if st.Added != 2 || st.Unchanged != 4 || !slices.Equal(st.Outcomes, []Outcome{Added, Added, Unchanged, Unchanged, Unchanged, Unchanged}) {
				t.Fatalf("second fetch: %+v, want the first two added, in the feed's order", st)
			}
			want = append([]string{"Breaking", "Just in"}, want...)
			if got := titlesOf(t, s, ""); !slices.Equal(got, want) {
				t.Errorf("after a second fetch: listed %q, want %q", got, want)
			}
		})
	}
}

// TestFetchOrderKeepsSharedGuids: a feed whose entries share a guid (a
// feed that gives every entry one) loses none of them, each told apart as
// before; one repeated as it was is read once; and they are listed in the
// feed's order.
func TestFetchOrderKeepsSharedGuids(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://news.example/shared.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	doc := `<rss version="2.0"><channel><title>Shared</title><link>https://news.example/</link>` +
		`<item><title>First</title><guid>same</guid><link>https://news.example/1</link><description>One.</description></item>` +
		`<item><title>Second</title><guid>same</guid><link>https://news.example/2</link><description>Two.</description></item>` +
		`<item><title>First</title><guid>same</guid><link>https://news.example/1</link><description>One.</description></item>` +
		`<item><title>Third</title><guid>same</guid><description>Three.</description></item>` +
		`</channel></rss>`
	st := fetchDoc(t, s, sub.Feed, doc)
	if st.Added != 3 || len(st.Outcomes) != 3 {
		t.Fatalf("fetch: %+v, want 3 added", st)
	}
	if got, want := titlesOf(t, s, ""), []string{"First", "Second", "Third"}; !slices.Equal(got, want) {
		t.Errorf("listed %q, want %q", got, want)
	}
	if st := fetchDoc(t, s, sub.Feed, doc); st.Unchanged != 3 {
		t.Errorf("fetched again: %+v, want 3 unchanged", st)
	}
}

// TestImportOrderGroupsSharedIDs: entries of a fetch are imported last to
// first, but those that share an id (one's former id is another's id)
// keep the feed's order among themselves, so which of them finds a stored
// article is as it was.
func TestImportOrderGroupsSharedIDs(t *testing.T) {
	a := func(id string, former ...string) feeds.Article {
		return feeds.Article{ExternalID: id, FormerIDs: former}
	}
	for _, tc := range []struct {
		name  string
		batch []feeds.Article
		want  []int
	}{
		{"none", nil, []int{}},
		{"apart", []feeds.Article{a("a"), a("b"), a("c")}, []int{2, 1, 0}},
		{"former id", []feeds.Article{a("a"), a("b"), a("c", "a"), a("d")}, []int{3, 0, 2, 1}},
		{"chained", []feeds.Article{a("a", "x"), a("b", "y"), a("c", "x", "y")}, []int{0, 1, 2}},
		{"loose id", []feeds.Article{{ExternalID: "a", LooseID: "l"}, a("b"), {ExternalID: "c", LooseID: "l"}}, []int{0, 2, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := importOrder(tc.batch); !slices.Equal(got, tc.want) {
				t.Errorf("importOrder = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFetchArticleErrorNamesEntry: an entry the library refuses is named
// by its place in the feed, whatever order the entries were stored in.
func TestFetchArticleErrorNamesEntry(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://news.example/bad.xml"
	sub, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	arts := []feeds.Article{
		{ExternalID: "feed:" + url + "#1", FeedURL: url, Title: "One", Body: "One."},
		{FeedURL: url, Title: "No id", Body: "None."},
		{ExternalID: "feed:" + url + "#3", FeedURL: url, Title: "Three", Body: "Three."},
	}
	_, err = s.RecordFetch(ctx, sub.Feed.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: arts}, nil)
	ae, ok := errors.AsType[*ArticleError](err)
	if !ok || ae.Index != 1 {
		t.Fatalf("error %v, want the feed's second entry's", err)
	}
}
