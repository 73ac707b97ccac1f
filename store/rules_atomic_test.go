package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestRulesTagInTheImportsTransaction: the tags rules give arriving
// articles are stored with them, by an import and by a fetch: when the
// tagging fails, nothing of the batch or the fetch is kept, so that the
// next run adds the articles again and tags them, instead of finding them
// unchanged and untagged (as after a killed import or fetch).
func TestRulesTagInTheImportsTransaction(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rules := []Rule{{Query: "ferry", Tags: []string{"harbour"}}}
	refuse := func() {
		t.Helper()
		if _, err := s.wdb.ExecContext(ctx, `CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.article_tags
			BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
			t.Fatal(err)
		}
	}
	allow := func() {
		t.Helper()
		if _, err := s.wdb.ExecContext(ctx, `DROP TRIGGER temp.refuse`); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q string) int {
		t.Helper()
		n, err := s.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	var batch []feeds.Article
	for i := range 3 {
		batch = append(batch, art(fmt.Sprint("f", i), "2024-03-01", fmt.Sprintf("The ferry sails at %d.", i)))
	}
	refuse()
	if _, err := s.ImportTagged(ctx, batch, rules); err == nil {
		t.Fatal("ImportTagged with the tagging refused: no error")
	}
	if n := count(""); n != 0 {
		t.Errorf("the tagging failed, yet %d articles were kept untagged", n)
	}
	allow()
	outs, err := s.ImportTagged(ctx, batch, rules)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != Added {
			t.Errorf("article %d: %v, want added again", i, o)
		}
	}
	if n := count("tag:harbour"); n != 3 {
		t.Errorf("tag:harbour: %d, want 3", n)
	}

	const url = "https://port.example/rss"
	sub, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	doc := `<rss version="2.0"><channel><title>Port</title><item><title>Ferry late</title><guid>p1</guid><description>The ferry is late.</description></item></channel></rss>`
	f, err := feeds.ParseFeed([]byte(doc), "", "", feeds.Subscription{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	fetched := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: f.Title, ETag: `"v1"`}, Articles: f.Articles}
	refuse()
	if _, err := s.RecordFetch(ctx, sub.Feed.ID, fetched, rules); err == nil {
		t.Fatal("RecordFetch with the tagging refused: no error")
	} else if msg := err.Error(); !strings.HasPrefix(msg, "store: record fetch of "+url+": ") || strings.Count(msg, "store:") != 1 {
		t.Errorf("error %q, want it said once, as the fetch's", msg)
	}
	if got, _ := s.FeedByURL(ctx, url); got.ETag != "" || count("source:port") != 0 {
		t.Errorf("the tagging failed, yet the fetch left etag %q and %d articles", got.ETag, count("source:port"))
	}
	allow()
	stats, err := s.RecordFetch(ctx, sub.Feed.ID, fetched, rules)
	if err != nil || stats.Added != 1 {
		t.Fatalf("RecordFetch again = %+v, %v; want the entry added", stats.ImportStats, err)
	}
	if got, _ := s.FeedByURL(ctx, url); got.ETag != `"v1"` || count("source:port tag:harbour") != 1 {
		t.Errorf("after the fetch: etag %q, %d tagged", got.ETag, count("source:port tag:harbour"))
	}
}

// TestRulesOnArrivalOfNothing: rules applied to arrivals that name no
// article of the library tag nothing, not the whole library.
func TestRulesOnArrivalOfNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("there", "2024-03-01", "The ferry sails."))
	if _, err := s.ApplyRules(ctx, []Rule{{Query: "ferry", Tags: []string{"harbour"}}}, []string{"not-there"}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(ctx, "tag:harbour"); err != nil || n != 0 {
		t.Errorf("tag:harbour: %d, %v; want none tagged", n, err)
	}
}
