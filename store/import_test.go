package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

func TestImportTwiceIsUnchanged(t *testing.T) {
	s := openTemp(t)
	arts := []feeds.Article{
		art("a1", "2024-03-05", "Oil prices rose in Berlin. More follows."),
		art("a2", "2024-03-06", "Talks resumed in Geneva. Delegates met."),
		art("a3", "", "An article without a date. It is still kept."),
	}
	if outs := importAll(t, s, arts...); !slices.Equal(outs, []Outcome{Added, Added, Added}) {
		t.Errorf("first import: %v", outs)
	}
	if outs := importAll(t, s, arts...); !slices.Equal(outs, []Outcome{Unchanged, Unchanged, Unchanged}) {
		t.Errorf("second import: %v", outs)
	}
	if n, _ := s.Total(context.Background()); n != 3 {
		t.Errorf("Total = %d, want 3", n)
	}
	if n, _ := s.Count(context.Background(), "geneva"); n != 1 {
		t.Errorf("Count(geneva) = %d after re-import, want 1", n)
	}
}

func TestImportStoresWhatItWasGiven(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("MENAFN05032024000045015687ID1107936133", "2024-03-05", "In a startling revelation, a recording leaked. Second sentence.")
	a.URL, a.Author, a.FeedURL = "https://example.com/a", "A. Writer", "https://example.com/feed.xml"
	before := time.Now().Add(-time.Second)
	importAll(t, s, a)
	got, err := s.ArticleByExternalID(ctx, a.ExternalID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Body != a.Body || got.Source != "MENAFN" || got.URL != a.URL || got.Author != a.Author {
		t.Errorf("stored %+v", got)
	}
	if !got.Published.Equal(a.Published) || got.Added.Before(before) || got.Read() || got.Starred || got.Retitled {
		t.Errorf("published %v added %v read %v starred %v retitled %v", got.Published, got.Added, got.Read(), got.Starred, got.Retitled)
	}
	if got.FeedID == 0 {
		t.Error("no feed for an article with a feed URL")
	}
	if want := sortKey(got.ID, a.Published, got.Added); got.SortKey != want {
		t.Errorf("sort key %d, want %d", got.SortKey, want)
	}
	byID, err := s.Article(ctx, got.ID)
	if err != nil || byID.ExternalID != a.ExternalID {
		t.Errorf("Article(%d) = %+v, %v", got.ID, byID, err)
	}
	if _, err := s.Article(ctx, got.ID+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
	if _, err := s.ArticleByExternalID(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing external id: %v, want ErrNotFound", err)
	}
}

// TestImportKeepsCarriedAddedTime: an exported article keeps, in the library
// it is imported into, the time its first library took it in, so an undated
// one keeps its place in the list; a time to come is not believed, and an
// article already there keeps its own.
func TestImportKeepsCarriedAddedTime(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	then := time.Date(2023, 1, 2, 3, 4, 0, 0, time.UTC)
	old := art("old", "", "Undated and exported long ago. More.")
	old.Added = then
	future := art("future", "", "Claims to come from the future. More.")
	future.Added = time.Now().Add(48 * time.Hour)
	dated := art("dated", "2022-06-01", "A dated article. More.")
	before := time.Now().Add(-time.Second)
	importAll(t, s, old, future, dated)
	got := func(ext string) Article {
		a, err := s.ArticleByExternalID(ctx, ext)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := got("old"); !a.Added.Equal(then) || a.SortKey != sortKey(a.ID, time.Time{}, then) {
		t.Errorf("old: added %v, sort key %d", a.Added, a.SortKey)
	}
	if a := got("future"); a.Added.Before(before) || a.Added.After(time.Now()) {
		t.Errorf("future: added %v, want now", a.Added)
	}
	// Newest first: the undated article of 2023 sorts below the one added
	// now and above the one published in 2022.
	if ids := idsOf(t, s, ""); len(ids) != 3 || ids[0] != got("future").ID || ids[1] != got("old").ID {
		t.Errorf("order %v", ids)
	}
	old.Added = then.Add(time.Hour)
	importAll(t, s, old)
	if a := got("old"); !a.Added.Equal(then) {
		t.Errorf("re-import moved added to %v", a.Added)
	}
}

// TestImportPartialRecord: a JSON record that leaves fields out, as a
// script's does, changes only what it names; the rest of the article stays.
func TestImportPartialRecord(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("p1", "2024-03-05", "Oil prices rose in Berlin. More follows.")
	a.URL, a.Author, a.FeedURL = "https://example.com/p1", "A. Writer", "https://example.com/feed.xml"
	importAll(t, s, a)
	before, err := s.ArticleByExternalID(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	read := func(line string) feeds.Article {
		t.Helper()
		var got []feeds.Article
		if err := feeds.ReadStream("patch.jsonl", strings.NewReader(line), func(it feeds.Item) error {
			if it.Err != nil {
				return it.Err
			}
			got = append(got, it.Article)
			return nil
		}); err != nil || len(got) != 1 {
			t.Fatalf("%q: %v, %d articles", line, err, len(got))
		}
		return got[0]
	}

	if outs := importAll(t, s, read(`{"external_id":"p1","title":"Renamed","retitled":true}`)); outs[0] != Updated {
		t.Errorf("retitle: %v, want updated", outs[0])
	}
	got := mustArticle(t, s, before.ID)
	if got.Title != "Renamed" || !got.Retitled || got.Body != before.Body || got.Source != before.Source ||
		got.URL != before.URL || got.Author != before.Author || !got.Published.Equal(before.Published) || got.FeedID != before.FeedID {
		t.Errorf("after a retitle: %+v\nbefore %+v", got, before)
	}
	if ids := idsOf(t, s, "berlin"); len(ids) != 1 {
		t.Errorf("the body is no longer found: %v", ids)
	}

	if outs := importAll(t, s, read(`{"external_id":"p1","tags":["energy"]}`)); outs[0] != Updated {
		t.Errorf("a tag: %v, want updated", outs[0])
	}
	if got := mustArticle(t, s, before.ID); got.Title != "Renamed" || got.Body != before.Body || tagNames(got.Tags) != "energy" {
		t.Errorf("after a tag: title %q body %q tags %s", got.Title, got.Body, tagNames(got.Tags))
	}

	// A field given, even empty, is the article's.
	importAll(t, s, read(`{"external_id":"p1","author":""}`))
	if got := mustArticle(t, s, before.ID); got.Author != "" || got.Body != before.Body {
		t.Errorf("after an empty author: author %q body %q", got.Author, got.Body)
	}
}

func TestImportUpdateKeepsReaderState(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("u1", "2024-03-05", "Original wording about glaciers. Details.")
	importAll(t, s, a)
	id := idsOf(t, s, "")[0]
	if err := s.SetRead(ctx, []int64{id}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, []int64{id}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{id}, []string{"Climate"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Quote: "glaciers", Note: "check the moraine figures"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Retitle(ctx, id, "My own title"); err != nil {
		t.Fatal(err)
	}
	readAt := mustArticle(t, s, id).ReadAt

	changed := art("u1", "2024-03-07", "Corrected wording about icefields. Details.")
	if outs := importAll(t, s, changed); outs[0] != Updated {
		t.Fatalf("outcome %v, want updated", outs[0])
	}
	got := mustArticle(t, s, id)
	if got.Body != changed.Body || !got.Published.Equal(changed.Published) {
		t.Errorf("body %q published %v: the update was not applied", got.Body, got.Published)
	}
	if got.Title != "My own title" || !got.Retitled {
		t.Errorf("title %q retitled %v: the retitle was lost", got.Title, got.Retitled)
	}
	if !got.ReadAt.Equal(readAt) || !got.Starred || got.Annotations != 1 || len(got.Tags) != 1 || got.Tags[0].Name != "Climate" {
		t.Errorf("read %v starred %v annotations %d tags %v: reader state lost", got.ReadAt, got.Starred, got.Annotations, got.Tags)
	}
	counts := map[string]int{"icefields": 1, "glaciers": 0, "moraine": 1, "title:own": 1, "wording": 1}
	for q, want := range counts {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
	// The new date moved the article: date filters see it where it now is.
	if n, _ := s.Count(ctx, "on:2024-03-07 icefields"); n != 1 {
		t.Errorf("Count(on:2024-03-07 icefields) = %d, want 1", n)
	}

	// Importing the original again changes the content back, not the title.
	importAll(t, s, a)
	if got := mustArticle(t, s, id); got.Title != "My own title" || got.Body != a.Body {
		t.Errorf("after a second update: title %q body %q", got.Title, got.Body)
	}
	// Nor does a retitle carried by the article itself (tidings' export):
	// the reader's title here wins.
	exported := a
	exported.Title, exported.Retitled = "Exported title", true
	if outs := importAll(t, s, exported); outs[0] != Unchanged {
		t.Errorf("outcome %v, want unchanged", outs[0])
	}
	if got := mustArticle(t, s, id); got.Title != "My own title" || !got.Retitled {
		t.Errorf("title %q retitled %v, want the reader's title", got.Title, got.Retitled)
	}
	if n, _ := s.Count(ctx, "title:exported"); n != 0 {
		t.Errorf("Count(title:exported) = %d, want 0", n)
	}
}

func TestImportAppliesCarriedUserState(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	created := time.Date(2024, 3, 6, 10, 0, 0, 0, time.UTC)
	a := art("e1", "2024-03-05", "Exported article about tariffs. More.")
	a.Tags = []string{"trade", "#Economy"}
	a.Read, a.Starred = ptr(true), ptr(true)
	a.Annotations = []feeds.Annotation{
		{Quote: "tariffs", Prefix: "about ", Suffix: ". More", Note: "steel quotas too", Created: created, Updated: created},
		{Note: "whole-article note on retaliation", Created: created},
	}
	if outs := importAll(t, s, a); outs[0] != Added {
		t.Fatalf("outcome %v", outs[0])
	}
	got, err := s.ArticleByExternalID(ctx, "e1")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Read() || !got.Starred || got.Annotations != 2 || tagNames(got.Tags) != "Economy,trade" {
		t.Errorf("read %v starred %v annotations %d tags %s", got.Read(), got.Starred, got.Annotations, tagNames(got.Tags))
	}
	anns, err := s.Annotations(ctx, got.ID)
	if err != nil || len(anns) != 2 || anns[0].Prefix != "about " || !anns[0].Created.Equal(created) {
		t.Errorf("annotations %+v, %v", anns, err)
	}
	for _, q := range []string{"quotas", "retaliation", "tag:economy", "is:annotated", "is:starred", "is:read"} {
		if n, err := s.Count(ctx, q); err != nil || n != 1 {
			t.Errorf("Count(%q) = %d, %v; want 1", q, n, err)
		}
	}
	// Importing the export again duplicates nothing.
	if outs := importAll(t, s, a); outs[0] != Unchanged {
		t.Errorf("re-import: %v, want unchanged", outs[0])
	}
	if got := mustArticle(t, s, got.ID); got.Annotations != 2 || len(got.Tags) != 2 {
		t.Errorf("after re-import: %d annotations, tags %v", got.Annotations, got.Tags)
	}
	// State the article carries is applied to an unchanged article too;
	// it adds, and takes nothing away: a file saying unread and unstarred
	// (an older export) leaves the article read and starred.
	a.Read, a.Starred, a.Tags, a.Annotations = ptr(false), ptr(false), []string{"Steel"}, nil
	if outs := importAll(t, s, a); outs[0] != Updated {
		t.Errorf("state change: %v, want updated", outs[0])
	}
	if got := mustArticle(t, s, got.ID); !got.Read() || !got.Starred || tagNames(got.Tags) != "Economy,Steel,trade" {
		t.Errorf("read %v starred %v tags %s", got.Read(), got.Starred, tagNames(got.Tags))
	}
	if outs := importAll(t, s, a); outs[0] != Unchanged {
		t.Errorf("the same again: %v, want unchanged", outs[0])
	}
}

func TestImportSameArticleTwiceInABatch(t *testing.T) {
	s := openTemp(t)
	a := art("d1", "2024-03-05", "First version of the story. Text.")
	b := art("d1", "2024-03-05", "Second version of the story. Text.")
	outs := importAll(t, s, a, a, b)
	if !slices.Equal(outs, []Outcome{Added, Unchanged, Updated}) {
		t.Errorf("outcomes %v", outs)
	}
	if n, _ := s.Total(context.Background()); n != 1 {
		t.Errorf("Total = %d, want 1", n)
	}
	for q, want := range map[string]int{"first": 0, "second": 1, "story": 1} {
		if n, _ := s.Count(context.Background(), q); n != want {
			t.Errorf("Count(%s) = %d, want %d", q, n, want)
		}
	}
}

func TestImportFailingBatchRollsBack(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("keep", "2024-03-01", "Already there before the failing batch. Text."))
	gen, _ := s.Generation(ctx)
	batch := []feeds.Article{
		art("b1", "2024-03-05", "Halfway imported avalanche story. Text."),
		art("keep", "2024-03-02", "An update that must not stay. Text."),
		art("", "2024-03-06", "Broken article without an id. Text."),
	}
	_, err := s.Import(ctx, batch)
	if err == nil {
		t.Fatal("a batch with a broken article was imported")
	}
	if !strings.Contains(err.Error(), "article 3") {
		t.Errorf("error %q does not say which article", err)
	}
	if n, _ := s.Total(ctx); n != 1 {
		t.Errorf("Total = %d, want 1: the batch was not rolled back", n)
	}
	for q, want := range map[string]int{"avalanche": 0, "update": 0, "already": 1} {
		if n, _ := s.Count(ctx, q); n != want {
			t.Errorf("Count(%s) = %d, want %d", q, n, want)
		}
	}
	if g, _ := s.Generation(ctx); g != gen {
		t.Errorf("generation %d -> %d after a rolled back batch", gen, g)
	}
	// The library is usable afterwards.
	if outs := importAll(t, s, batch[:2]...); !slices.Equal(outs, []Outcome{Added, Updated}) {
		t.Errorf("retry: %v", outs)
	}
}

func TestGenerationChangesOnEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	last, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, s, art("g1", "2024-03-05", "Generation story. Text."))
	id := idsOf(t, s, "")[0]
	writes := map[string]func() error{
		"SetRead":    func() error { return s.SetRead(ctx, []int64{id}, true) },
		"SetStarred": func() error { return s.SetStarred(ctx, []int64{id}, true) },
		"Tag":        func() error { return s.Tag(ctx, []int64{id}, []string{"x"}, nil) },
		"Retitle":    func() error { return s.Retitle(ctx, id, "Renamed") },
		"SaveSearch": func() error { return s.SaveSearch(ctx, "s", "x") },
	}
	for name, write := range writes {
		if err := write(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		g, err := s.Generation(ctx)
		if err != nil || g == last {
			t.Errorf("%s: generation %d -> %d, %v", name, last, g, err)
		}
		last = g
	}
}

func mustArticle(t *testing.T, s *Store, id int64) Article {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func tagNames(tags []ArticleTag) string {
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	return strings.Join(names, ",")
}

// TestReimportBringsBackNothingTheReaderUndid: importing the same file again
// does not re-add a tag the reader removed, mark read again what they marked
// unread, unstar, restore a note they deleted or their own retitle; what
// the file carries anew is applied.
func TestReimportBringsBackNothingTheReaderUndid(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("r1", "2024-03-05", "An article about grain. More.")
	a.Tags = []string{"keep", "drop"}
	a.Read, a.Starred = ptr(true), ptr(true)
	a.Annotations = []feeds.Annotation{{Note: "a note the reader will delete", Created: time.Now()}}
	importAll(t, s, a)
	got, err := s.ArticleByExternalID(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	id := got.ID
	// The reader undoes what the file brought.
	if err := s.Tag(ctx, []int64{id}, nil, []string{"drop"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, []int64{id}, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, []int64{id}, false); err != nil {
		t.Fatal(err)
	}
	anns, err := s.Annotations(ctx, id)
	if err != nil || len(anns) != 1 {
		t.Fatalf("annotations %v, %v", anns, err)
	}
	if err := s.DeleteAnnotation(ctx, anns[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Retitle(ctx, id, "The reader's title"); err != nil {
		t.Fatal(err)
	}

	if outs := importAll(t, s, a); outs[0] != Unchanged {
		t.Errorf("the same file again: %v, want unchanged", outs[0])
	}
	got = mustArticle(t, s, id)
	if tagNames(got.Tags) != "keep" || got.Read() || got.Starred || got.Annotations != 0 || got.Title != "The reader's title" {
		t.Errorf("after the same file again: tags %s, read %v, starred %v, %d notes, title %q",
			tagNames(got.Tags), got.Read(), got.Starred, got.Annotations, got.Title)
	}

	// The file changes what it carries: the new part is applied.
	a.Tags = []string{"keep", "drop", "new"}
	a.Starred = ptr(false)
	a.Read = ptr(false)
	if outs := importAll(t, s, a); outs[0] != Updated {
		t.Errorf("a file with a new tag: %v, want updated", outs[0])
	}
	if got := mustArticle(t, s, id); tagNames(got.Tags) != "keep,new" {
		t.Errorf("after a new tag in the file: tags %s, want keep,new", tagNames(got.Tags))
	}
}

// TestRetitledArticleStaysUnchanged: once the reader retitled an article,
// importing the original file and an export carrying the retitle in turn
// finds it unchanged, not updated each time.
func TestRetitledArticleStaysUnchanged(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	original := feeds.Article{ExternalID: "X1", Source: "MENAFN", Body: "In a startling revelation, a leak."}
	feeds.Normalize(&original)
	exported := original
	exported.Title, exported.Retitled = "Luftwaffe leak", true
	imp := func(a feeds.Article) Outcome {
		t.Helper()
		outs, err := s.Import(ctx, []feeds.Article{a})
		if err != nil {
			t.Fatal(err)
		}
		return outs[0]
	}
	if o := imp(original); o != Added {
		t.Fatalf("first import: %v", o)
	}
	if err := s.Retitle(ctx, mustArticleID(t, s, "X1"), "Luftwaffe leak"); err != nil {
		t.Fatal(err)
	}
	for i, a := range []feeds.Article{exported, original, exported, original, exported} {
		if o := imp(a); o != Unchanged {
			t.Errorf("import %d (retitled %v): %v, want unchanged", i, a.Retitled, o)
		}
	}
	if got := mustArticle(t, s, mustArticleID(t, s, "X1")); got.Title != "Luftwaffe leak" || !got.Retitled {
		t.Errorf("title %q, retitled %v", got.Title, got.Retitled)
	}
}

// TestLooseIDFindsTheArticleWithItsTitle: an article stored under the id of
// its text alone (by a tidings from before) is found by a file of that text
// and its title, or by any title once the reader retitled it, and keeps its
// id; a file of the same text and another title is an article of its own.
func TestLooseIDFindsTheArticleWithItsTitle(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	stored := feeds.Article{Body: "Subscribe to continue reading."}
	feeds.Normalize(&stored)
	stored.Title = "Another paywalled story"
	importAll(t, s, stored)
	page := func(title string) feeds.Article {
		a := feeds.Article{Title: title, Body: stored.Body}
		feeds.Normalize(&a)
		if a.LooseID != stored.ExternalID {
			t.Fatalf("loose id %q, want %q", a.LooseID, stored.ExternalID)
		}
		return a
	}
	if outs := importAll(t, s, page("Paywalled story"), page("Another paywalled story")); outs[0] != Added || outs[1] != Unchanged {
		t.Errorf("outcomes %v, want added, unchanged", outs)
	}
	if _, err := s.ArticleByExternalID(ctx, stored.ExternalID); err != nil {
		t.Errorf("the stored article lost its id: %v", err)
	}
	if err := s.Retitle(ctx, mustArticleID(t, s, stored.ExternalID), "My title"); err != nil {
		t.Fatal(err)
	}
	if outs := importAll(t, s, page("Another paywalled story")); outs[0] != Unchanged {
		t.Errorf("after a retitle: %v, want unchanged", outs[0])
	}
	if n, _ := s.Total(ctx); n != 2 {
		t.Errorf("%d articles, want 2", n)
	}
}

// TestSubscribedAgainOwnsItsArticles: a feed removed with its articles kept
// and subscribed to again owns them once more when they come again, by its
// fetch (unchanged or not) or a file naming it; its counts and purge see
// them. A saved feed file, which names no feed, leaves them as they are.
// Their ids are hashed, as a feed's too long ones are, and do not name its
// address: subscribing takes back those that do (resubscribe_test.go).
func TestSubscribedAgainOwnsItsArticles(t *testing.T) {
	const url = "https://example.com/feed.xml"
	entries := func() []feeds.Article {
		var out []feeds.Article
		for i, title := range []string{"Harbour reopens", "Ferry returns"} {
			out = append(out, feeds.Article{ExternalID: "feed:" + feeds.IdentityPrefix + strconv.Itoa(i), Source: "Example",
				Title: title, Body: title + ". Text.", FeedURL: url})
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		again    func([]feeds.Article) // what comes again, from entries()
		by       string                // "fetch" or "import"
		outcome  Outcome
		articles int // the feed's, after
	}{
		{"unchanged, by a fetch", func([]feeds.Article) {}, "fetch", Updated, 2},
		{"changed, by a fetch", func(arts []feeds.Article) {
			for i := range arts {
				arts[i].Body += " More."
			}
		}, "fetch", Updated, 2},
		{"by a file naming the feed", func([]feeds.Article) {}, "import", Updated, 2},
		{"by a saved feed file", func(arts []feeds.Article) {
			for i := range arts {
				arts[i].FeedURL, arts[i].Absent = "", feeds.FieldFeed
			}
		}, "import", Updated, 0}, // its sum had the feed's address
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			first, err := s.AddFeed(ctx, Feed{URL: url})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.RecordFetch(ctx, first.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: entries()}, nil); err != nil {
				t.Fatal(err)
			}
			if err := s.SetRead(ctx, []int64{mustArticleID(t, s, entries()[0].ExternalID)}, true); err != nil {
				t.Fatal(err)
			}
			if _, err := s.RemoveFeed(ctx, url, false); err != nil {
				t.Fatal(err)
			}
			again, err := s.AddFeed(ctx, Feed{URL: url})
			if err != nil {
				t.Fatal(err)
			}
			arts := entries()
			tc.again(arts)
			var outs []Outcome
			if tc.by == "fetch" {
				stats, err := s.RecordFetch(ctx, again.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: arts}, nil)
				if err != nil {
					t.Fatal(err)
				}
				outs = stats.Outcomes
			} else {
				outs = importAll(t, s, arts...)
			}
			for i, o := range outs {
				if o != tc.outcome {
					t.Errorf("article %d: %v, want %v", i, o, tc.outcome)
				}
			}
			counts, err := s.FeedCounts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := FeedCount{}
			if tc.articles > 0 {
				want = FeedCount{Articles: tc.articles, Unread: tc.articles - 1}
			}
			if counts[again.ID] != want {
				t.Errorf("counts %+v, want %+v", counts[again.ID], want)
			}
			if tc.by == "fetch" {
				// Fetched again as it is: nothing to tell.
				stats, err := s.RecordFetch(ctx, again.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: url}, Articles: arts}, nil)
				if err != nil || stats.Updated != 0 || stats.Unchanged != 2 {
					t.Errorf("fetched again: %+v, %v", stats, err)
				}
			}
			r, err := s.RemoveFeed(ctx, url, true)
			if err != nil || r.Deleted != tc.articles {
				t.Errorf("purge = %+v, %v; want %d deleted", r, err, tc.articles)
			}
		})
	}
}

// TestFetchLeavesAnotherFeedsArticles: an article that belongs to a
// subscription stays with it when another subscription's fetch brings it
// unchanged (the feed moved, and another program subscribed to its first
// address: subscribing to it here is subscribing to the moved feed).
func TestFetchLeavesAnotherFeedsArticles(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	const old, moved = "https://example.com/feed.xml", "https://example.com/new/feed.xml"
	a, err := s.AddFeed(ctx, Feed{URL: old})
	if err != nil {
		t.Fatal(err)
	}
	entry := feeds.Article{ExternalID: "feed:" + old + "#1", Source: "Example", Title: "Harbour reopens", Body: "Text.", FeedURL: old}
	if _, err := s.RecordFetch(ctx, a.ID, feeds.FetchResult{Sub: feeds.Subscription{URL: old}, Articles: []feeds.Article{entry}, NewURL: moved}, nil); err != nil {
		t.Fatal(err)
	}
	var b int64
	if err := s.db.QueryRowContext(ctx, `INSERT INTO feeds(url, url_normal) VALUES (?, ?) RETURNING id`, old, old).Scan(&b); err != nil {
		t.Fatal(err)
	}
	stats, err := s.RecordFetch(ctx, b, feeds.FetchResult{Sub: feeds.Subscription{URL: old}, Articles: []feeds.Article{entry}}, nil)
	if err != nil || stats.Unchanged != 1 {
		t.Fatalf("RecordFetch = %+v, %v", stats, err)
	}
	if got := mustArticle(t, s, mustArticleID(t, s, entry.ExternalID)); got.FeedID != a.ID {
		t.Errorf("the article is feed %d's, want %d's", got.FeedID, a.ID)
	}
}
