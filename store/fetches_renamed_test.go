package store

import (
	"context"
	"testing"

	"tidings/feeds"
)

// TestFeedRenamedItself: a feed that changes only its own title brings
// the same entries, which count as unchanged, not updated, and take the
// new name as their source; an entry that did change is still updated.
func TestFeedRenamedItself(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://news.example/rss"
	sub, err := s.Subscribe(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	fetch := func(title, second string) FetchStats {
		t.Helper()
		doc := `<rss version="2.0"><channel><title>` + title + `</title>` +
			`<item><title>Ferry returns</title><guid>a</guid><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>The ferry is back.</description></item>` +
			`<item><title>Fares rise</title><guid>b</guid><pubDate>Mon, 02 Jun 2025 11:00:00 GMT</pubDate><description>` + second + `</description></item>` +
			`</channel></rss>`
		f, err := feeds.ParseFeed([]byte(doc), "", "", feeds.Subscription{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		stats, err := s.RecordFetch(ctx, sub.Feed.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: f.Title}, Articles: f.Articles}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}
	if st := fetch("Hacker News", "Fares rise again."); st.Added != 2 {
		t.Fatalf("first fetch: %+v", st.ImportStats)
	}
	if st := fetch("HN Front Page", "Fares rise again."); st.Added != 0 || st.Updated != 0 || st.Unchanged != 2 {
		t.Errorf("after the feed renamed itself: %+v, want 2 unchanged", st.ImportStats)
	}
	if n := len(idsOf(t, s, `source:"HN Front Page"`)); n != 2 {
		t.Errorf("source:\"HN Front Page\" finds %d, want 2", n)
	}
	if n := len(idsOf(t, s, `source:"hacker news"`)); n != 0 {
		t.Errorf(`source:"hacker news" still finds %d`, n)
	}
	if st := fetch("HN", "Fares rise a third time."); st.Updated != 1 || st.Unchanged != 1 {
		t.Errorf("renamed again with one entry changed: %+v, want 1 updated, 1 unchanged", st.ImportStats)
	}
	// An entry the reader retitled is unchanged by a rename too, and
	// keeps its title.
	id := mustByExternal(t, s, f1ID(t, s)).ID
	if err := s.Retitle(ctx, id, "My own title"); err != nil {
		t.Fatal(err)
	}
	if st := fetch("Hacker News Daily", "Fares rise a third time."); st.Updated != 0 || st.Unchanged != 2 {
		t.Errorf("renamed with an entry retitled: %+v, want 2 unchanged", st.ImportStats)
	}
	if a, err := s.Article(ctx, id); err != nil || a.Title != "My own title" || a.Source != "Hacker News Daily" {
		t.Errorf("the retitled entry: %q from %q, %v", a.Title, a.Source, err)
	}
}

// f1ID is the external id of the entry titled "Ferry returns".
func f1ID(t *testing.T, s *Store) string {
	t.Helper()
	ids := externalIDs(t, s, `title:"ferry returns"`)
	if len(ids) != 1 {
		t.Fatalf("title:\"ferry returns\" finds %q", ids)
	}
	return ids[0]
}
