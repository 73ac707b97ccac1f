package store

import (
	"context"
	"errors"
	"slices"
	"testing"

	"tidings/feeds"
)

// byExternalID is the id of the article stored under externalID; 0 when
// there is none.
func byExternalID(t *testing.T, s *Store, externalID string) int64 {
	t.Helper()
	a, err := s.ArticleByExternalID(context.Background(), externalID)
	if errors.Is(err, ErrNotFound) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// tagCounts are the library's tags with how many articles carry each.
func tagCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	tags, err := s.Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, tag := range tags {
		out[tag.Name] = tag.Count
	}
	return out
}

// TestDeleteArticles: a deleted article is gone with its notes, its tags
// and its words in the index; a tag it alone carried goes, one others
// carry counts one article less, a coloured tag stays; the others are as
// they were, and ids of no article are passed over.
func TestDeleteArticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	gone := art("gone", "2024-03-05", "Walruses parade through the harbour. Crowds cheer.")
	gone.Tags = []string{"walrus", "harbour", "painted"}
	stays := art("stays", "2024-03-04", "The harbour board meets on Monday.")
	stays.Tags = []string{"harbour"}
	importAll(t, s, gone, stays)
	id, other := byExternalID(t, s, "gone"), byExternalID(t, s, "stays")
	if err := s.SetTagColor(ctx, "painted", "#ff0000"); err != nil {
		t.Fatal(err)
	}
	for _, n := range []Annotation{{ArticleID: id, Note: "A note on walruses"}, {ArticleID: id, Quote: "Crowds cheer", Note: "loud"}, {ArticleID: other, Note: "Monday"}} {
		if _, err := s.AddAnnotation(ctx, n); err != nil {
			t.Fatal(err)
		}
	}

	d, err := s.DeleteArticles(ctx, []int64{id, 9999})
	if err != nil {
		t.Fatal(err)
	}
	if d != (Deleted{Articles: 1, Notes: 2}) {
		t.Errorf("DeleteArticles = %+v, want 1 article and its 2 notes", d)
	}
	if _, err := s.Article(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted article reads back: %v", err)
	}
	if anns, err := s.Annotations(ctx, id); err != nil || len(anns) != 0 {
		t.Errorf("its notes: %+v, %v", anns, err)
	}
	if rows, err := s.AllAnnotations(ctx, "", 0); err != nil || len(rows) != 1 || rows[0].Note != "Monday" {
		t.Errorf("the library's notes: %+v, %v; want the other article's alone", rows, err)
	}
	for _, q := range []string{"walruses", "cheer", "title:walruses", "loud", "tag:walrus"} {
		if n, err := s.Count(ctx, q); err != nil || n != 0 {
			t.Errorf("%s finds %d, %v; want none", q, n, err)
		}
	}
	if got, want := tagCounts(t, s), map[string]int{"harbour": 1, "painted": 0}; !equalMaps(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	if a := mustArticle(t, s, other); a.Annotations != 1 || tagNames(a.Tags) != "harbour" {
		t.Errorf("the other article: %d notes, tags %s", a.Annotations, tagNames(a.Tags))
	}
	if n, _ := s.Total(ctx); n != 1 {
		t.Errorf("%d articles left, want 1", n)
	}
	if d, err := s.DeleteArticles(ctx, []int64{id}); err != nil || d != (Deleted{}) {
		t.Errorf("deleting it again = %+v, %v; want nothing", d, err)
	}
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestDeletedStaysDeleted: importing a deleted article again skips it,
// whether it comes under its id, an id it had before (a saved feed's made
// from its path), or the id of its text alone with the title it had; an
// article only sharing its text is another, and is added. Importing with
// undelete brings it back, tagged by the rules, and forgets the deletion:
// a later import updates it as any other.
func TestDeletedStaysDeleted(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	plain := art("plain", "2024-03-05", "A wrongly imported file. It should go.")
	former := art("feed:file:///home/u/feed.xml#7", "2024-03-04", "An entry of a saved feed.")
	loose := art("sha:loose", "2024-03-03", "A note made from a template.")
	loose.Title = "Monday"
	importAll(t, s, plain, former, loose)
	ids := []int64{byExternalID(t, s, "plain"), byExternalID(t, s, former.ExternalID), byExternalID(t, s, "sha:loose")}
	if d, err := s.DeleteArticles(ctx, ids); err != nil || d.Articles != 3 {
		t.Fatalf("DeleteArticles = %+v, %v", d, err)
	}

	moved := former
	moved.ExternalID, moved.FormerIDs = "feed:https://example.com/feed.xml#7", []string{former.ExternalID}
	sameTitle := loose
	sameTitle.ExternalID, sameTitle.LooseID = "sha:monday", "sha:loose"
	otherTitle := loose
	otherTitle.ExternalID, otherTitle.LooseID, otherTitle.Title = "sha:tuesday", "sha:loose", "Tuesday"
	outs := importAll(t, s, plain, moved, sameTitle, otherTitle)
	if want := []Outcome{Skipped, Skipped, Skipped, Added}; !slices.Equal(outs, want) {
		t.Errorf("imported again: %v, want %v", outs, want)
	}
	if n, _ := s.Total(ctx); n != 1 {
		t.Errorf("%d articles, want the one of another title alone", n)
	}

	rules := []Rule{{Query: "wrongly", Tags: []string{"back"}}}
	outs, err := s.ImportUndeleting(ctx, []feeds.Article{plain, moved}, rules)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Outcome{Added, Added}; !slices.Equal(outs, want) {
		t.Errorf("undeleted: %v, want %v", outs, want)
	}
	id := byExternalID(t, s, "plain")
	if a := mustArticle(t, s, id); tagNames(a.Tags) != "back" {
		t.Errorf("undeleted article's tags %q, want the rule's", tagNames(a.Tags))
	}
	changed := plain
	changed.Body += " Now corrected."
	if outs := importAll(t, s, changed, moved, sameTitle); !slices.Equal(outs, []Outcome{Updated, Unchanged, Skipped}) {
		t.Errorf("imported after undeleting: %v; want the undeleted updated and unchanged, the other still skipped", outs)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM deleted_articles`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d deletions remembered, %v; want the one not undeleted", n, err)
	}
}

// TestFetchSkipsDeleted: a fetch that brings an entry the reader deleted
// leaves it out and counts it unchanged, and among them as skipped; the
// feed's other entries are stored as ever.
func TestFetchSkipsDeleted(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	f, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	entry := func(n string) feeds.Article {
		return feeds.Article{ExternalID: "feed:" + url + "#" + n, Title: "Entry " + n, Body: "Text of entry " + n + ".", FeedURL: url}
	}
	fetched := feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: []feeds.Article{entry("1"), entry("2")}}
	if _, err := s.RecordFetch(ctx, f.ID, fetched, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteArticles(ctx, []int64{byExternalID(t, s, entry("1").ExternalID)}); err != nil {
		t.Fatal(err)
	}
	fetched.Articles = []feeds.Article{entry("1"), entry("2"), entry("3")}
	stats, err := s.RecordFetch(ctx, f.ID, fetched, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.ImportStats != (ImportStats{Added: 1, Unchanged: 2, Skipped: 1}) || !slices.Equal(stats.Outcomes, []Outcome{Unchanged, Unchanged, Added}) {
		t.Errorf("fetch again: %+v", stats)
	}
	if byExternalID(t, s, entry("1").ExternalID) != 0 {
		t.Error("the deleted entry came back")
	}
	if n, _ := s.Total(ctx); n != 2 {
		t.Errorf("%d articles, want 2", n)
	}
}

// TestDeleteAfterUpgrade: a library of schema 16 gains the table of
// deletions; its articles can be deleted and stay so.
func TestDeleteAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	path, db := oldLibrary(t, 16)
	execAll(t, db, `INSERT INTO articles(id, external_id, sort_key, source, title, body, added, updated)
		VALUES (1, 'old', 1, 'MENAFN', 'An article from before', 'An article from before.', 0, 0)`,
		`INSERT INTO article_fts(rowid, title, body, notes) VALUES (1, 'An article from before', 'An article from before.', '')`)
	s := upgrade(t, path, db)
	if v := userVersion(t, path); v != len(migrations) {
		t.Fatalf("user_version = %d, want %d", v, len(migrations))
	}
	if d, err := s.DeleteArticles(ctx, []int64{1}); err != nil || d.Articles != 1 {
		t.Fatalf("DeleteArticles = %+v, %v", d, err)
	}
	if n, err := s.Count(ctx, "before"); err != nil || n != 0 {
		t.Errorf("the index finds %d, %v", n, err)
	}
	if outs := importAll(t, s, art("old", "2024-03-05", "An article from before.")); outs[0] != Skipped {
		t.Errorf("imported again after deleting: %v", outs[0])
	}
}

// TestFetchUndeleting: a fetch with undelete brings back the entries the
// reader deleted that the feed still serves, tagged by the rules as new
// ones are, and forgets their deletion, so that the next plain fetch keeps
// them; an entry deleted that the fetch does not bring stays deleted.
func TestFetchUndeleting(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const url = "https://example.com/feed.xml"
	f, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	entry := func(n string) feeds.Article {
		return feeds.Article{ExternalID: "feed:" + url + "#" + n, Title: "Entry " + n, Body: "Text of entry " + n + ".", FeedURL: url}
	}
	fetched := feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: []feeds.Article{entry("1"), entry("2"), entry("3")}}
	if _, err := s.RecordFetch(ctx, f.ID, fetched, nil); err != nil {
		t.Fatal(err)
	}
	ids := []int64{byExternalID(t, s, entry("1").ExternalID), byExternalID(t, s, entry("3").ExternalID)}
	if d, err := s.DeleteArticles(ctx, ids); err != nil || d.Articles != 2 {
		t.Fatalf("DeleteArticles = %+v, %v", d, err)
	}
	// The feed no longer serves entry 3.
	fetched.Articles = []feeds.Article{entry("1"), entry("2")}
	rules := []Rule{{Query: "entry", Tags: []string{"back"}}}
	stats, err := s.RecordFetchUndeleting(ctx, f.ID, fetched, rules)
	if err != nil {
		t.Fatal(err)
	}
	if stats.ImportStats != (ImportStats{Added: 1, Unchanged: 1}) || !slices.Equal(stats.Outcomes, []Outcome{Added, Unchanged}) {
		t.Errorf("fetch --undelete: %+v; want entry 1 added", stats)
	}
	back := byExternalID(t, s, entry("1").ExternalID)
	if back == 0 {
		t.Fatal("entry 1 did not come back")
	}
	if a := mustArticle(t, s, back); tagNames(a.Tags) != "back" || a.FeedID != f.ID {
		t.Errorf("entry 1 came back with tags %q, feed %d; want the rule's, feed %d", tagNames(a.Tags), a.FeedID, f.ID)
	}
	if n, err := s.Count(ctx, "title:entry"); err != nil || n != 2 {
		t.Errorf("search finds %d, %v; want entries 1 and 2", n, err)
	}
	stats, err = s.RecordFetch(ctx, f.ID, fetched, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.ImportStats != (ImportStats{Unchanged: 2}) {
		t.Errorf("plain fetch after: %+v; want both unchanged, none skipped", stats)
	}
	fetched.Articles = append(fetched.Articles, entry("3"))
	if stats, err := s.RecordFetch(ctx, f.ID, fetched, nil); err != nil || stats.Skipped != 1 || byExternalID(t, s, entry("3").ExternalID) != 0 {
		t.Errorf("entry 3, not served by the undeleting fetch, came back: %+v, %v", stats, err)
	}
}

// TestDeletedFed: DeleteArticles counts which of the articles it deleted
// a subscribed feed brought, the way back for them being a fetch, and not
// those of files, whose way back is an import.
func TestDeletedFed(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		feed, file int
	}{
		"feed only":  {2, 0},
		"files only": {0, 2},
		"both":       {1, 1},
	} {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			const url = "https://example.com/feed.xml"
			f, err := s.AddFeed(ctx, Feed{URL: url})
			if err != nil {
				t.Fatal(err)
			}
			var entries []feeds.Article
			var files []feeds.Article
			for i := range tc.feed {
				n := string(rune('a' + i))
				entries = append(entries, feeds.Article{ExternalID: "feed:" + url + "#" + n, Title: "Entry " + n, Body: "Text of " + n + ".", FeedURL: url})
			}
			for i := range tc.file {
				files = append(files, art("file"+string(rune('a'+i)), "2024-03-05", "A file's article "+string(rune('a'+i))+"."))
			}
			if _, err := s.RecordFetch(ctx, f.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: entries}, nil); err != nil {
				t.Fatal(err)
			}
			importAll(t, s, files...)
			var ids []int64
			for _, a := range append(entries, files...) {
				ids = append(ids, byExternalID(t, s, a.ExternalID))
			}
			d, err := s.DeleteArticles(ctx, ids)
			if err != nil || d != (Deleted{Articles: tc.feed + tc.file, Fed: tc.feed}) {
				t.Errorf("DeleteArticles = %+v, %v; want %d articles, %d fed", d, err, tc.feed+tc.file, tc.feed)
			}
		})
	}
}

// TestDeletedIDsNotGivenAgain: the newest article deleted, the next article
// added is given a new id, not the deleted one, even when the library was
// left empty; a script holding the old id finds no article.
func TestDeletedIDsNotGivenAgain(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("first", "2024-03-04", "The harbour board meets."), art("newest", "2024-03-05", "Walruses parade."))
	first, newest := byExternalID(t, s, "first"), byExternalID(t, s, "newest")
	if _, err := s.DeleteArticles(ctx, []int64{newest}); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, art("later", "2024-03-06", "Gulls circle the pier."))
	later := byExternalID(t, s, "later")
	if later == newest || later == first {
		t.Fatalf("the article added after deleting id %d was given id %d", newest, later)
	}
	if _, err := s.DeleteArticles(ctx, []int64{first, later}); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, art("alone", "2024-03-07", "Fog over the bay."))
	if alone := byExternalID(t, s, "alone"); alone <= later {
		t.Errorf("the first article of an emptied library was given id %d; ids up to %d were given before", alone, later)
	}
}
