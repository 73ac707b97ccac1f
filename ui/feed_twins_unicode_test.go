package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// Two feeds whose titles differ only in Unicode form, as two publishers'
// feeds may write "Café Noir": composed (NFC) and decomposed (NFD).
const (
	cafeComposed   = "Café Noir"
	cafeDecomposed = "Cafe\u0301 Noir"
)

// twinFeeds are the feeds of twinLibrary: two of them the Café Noirs.
var twinFeeds = []struct{ url, title string }{
	{"http://alpha.example/rss", "Alpha News"},
	{"http://cafe.example/rss", cafeComposed},
	{"http://noir.example/rss", cafeDecomposed},
	{"http://haber.example/rss", "İstanbul Haber"},
}

// twinLibrary is a library following twinFeeds, each with one unread
// article.
func twinLibrary(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	lib, _ := openLibrary(t)
	base := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	for i, tf := range twinFeeds {
		f, err := lib.AddFeed(ctx, store.Feed{URL: tf.url})
		if err != nil {
			t.Fatal(err)
		}
		res := feeds.FetchResult{Sub: feeds.Subscription{URL: tf.url, Title: tf.title},
			Articles: []feeds.Article{{ExternalID: tf.url + "#1", Title: fmt.Sprintf("Story %d", i), Body: "A story.",
				Source: tf.title, FeedURL: tf.url, Published: base.Add(time.Duration(i) * time.Hour)}}}
		if _, err := lib.RecordFetch(ctx, f.ID, res, nil); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

// TestFeedsOfOneNameInTwoFormsAreTwins: the library's feed:"Café Noir"
// finds both Café Noirs, composed or not; so the # panel shows each with
// its host, filters each by its address, and a filter naming the two is
// neither of them.
func TestFeedsOfOneNameInTwoFormsAreTwins(t *testing.T) {
	ctx := context.Background()
	lib := twinLibrary(t)
	for _, title := range []string{cafeComposed, cafeDecomposed, "CAFÉ NOIR"} {
		rows, err := lib.Page(ctx, store.PageRequest{Query: `feed:"` + title + `"`, Limit: 10})
		if err != nil || len(rows) != 2 {
			t.Fatalf("the library finds %d articles (%v) for feed:%q, want the two Café Noirs'", len(rows), err, title)
		}
	}

	m := start(t, lib, Config{}, 100, 30)
	m = step(t, m, press("#"))
	view := viewText(m)
	for _, want := range []string{cafeComposed + " cafe.example", cafeDecomposed + " noir.example"} {
		if feedLine(view, want) == "" {
			t.Errorf("no line starts with %q:\n%s", want, view)
		}
	}
	if l := feedLine(view, "Alpha News"); strings.Contains(l, "alpha.example") {
		t.Errorf("a feed of a name of its own shows its host: %q", l)
	}
	for _, it := range root(t, m).panel.items {
		if it.isFeed && strings.HasPrefix(it.name, "Caf") && it.query != "feed:"+it.addr {
			t.Errorf("choosing %q filters by %s, want its address", it.name, it.query)
		}
	}

	subs, err := lib.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`feed:"` + cafeComposed + `"`, `feed:"` + cafeDecomposed + `"`, `feed:"café noir"`} {
		if at := feedOf(subs, listQuery{text: q}); at >= 0 {
			t.Errorf("%s is taken for the one feed %s (%s)", q, subs[at].Title, subs[at].URL)
		}
	}
	if at := feedOf(subs, listQuery{text: "feed:http://noir.example/rss"}); at < 0 || subs[at].URL != "http://noir.example/rss" {
		t.Errorf("feed:http://noir.example/rss is taken for feed %d", at)
	}
}

// TestNextUnreadWalksPastTwinFeeds: n, from one Café Noir chosen in the #
// panel, goes on feed by feed round every feed with unread articles,
// the other Café Noir among them, rather than back and forth between the
// two.
func TestNextUnreadWalksPastTwinFeeds(t *testing.T) {
	lib := twinLibrary(t)
	m := start(t, lib, Config{}, 120, 30)
	m = step(t, m, press("#"))
	for range 20 {
		if it, _ := root(t, m).panel.current(); it.addr == "http://cafe.example/rss" {
			break
		}
		m = step(t, m, press("j"))
	}
	m = step(t, m, press("enter"))
	visited := []string{root(t, m).list.query.text}
	for range len(twinFeeds) {
		said := ""
		for range 3 { // past the feed's unread articles, to the offer
			if m = step(t, m, press("n")); strings.HasPrefix(root(t, m).status, "No more unread in") {
				said = root(t, m).status
				break
			}
		}
		if said == "" {
			t.Fatalf("after visiting %q, n says %q", visited, root(t, m).status)
		}
		if strings.Count(said, "Caf") == 2 && !strings.Contains(said, ".example") {
			t.Errorf("n says %q: which Café Noir is which?", said)
		}
		m = step(t, m, press("n"))
		visited = append(visited, root(t, m).list.query.text)
	}
	seen := map[string]bool{}
	for _, q := range visited[:len(twinFeeds)] {
		seen[q] = true
	}
	if len(seen) != len(twinFeeds) || visited[len(twinFeeds)] != visited[0] {
		t.Errorf("n went through %q, want every feed once and round to the first", visited)
	}
}
