package store

import (
	"context"
	"slices"
	"testing"
)

// TestArticleTagsAlphabetical: an article's tags, as the reader and the
// list's rows show them and search writes them, are in the order of the
// tags list: an accented tag among its letter's, not after z, where the
// list, which shows the first few, would leave it out.
func TestArticleTagsAlphabetical(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("f1", "2024-03-05", "First story. Text."))
	id := mustArticleID(t, s, "f1")
	tagged := []string{"weapons", "\u00e9t\u00e9", "Blogs", "war", "delta-tag", "Long Read", "missiles", "\u00dcber", "umlaut", "Zebra"}
	if err := s.Tag(ctx, []int64{id}, tagged, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{"Blogs", "delta-tag", "\u00e9t\u00e9", "Long Read", "missiles", "\u00dcber", "umlaut", "war", "weapons", "Zebra"}
	tags, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, tg := range tags {
		listed = append(listed, tg.Name)
	}
	if !slices.Equal(listed, want) {
		t.Fatalf("the tags list: %+q\nwant %+q", listed, want)
	}

	a := mustArticle(t, s, id)
	var got []string
	for _, tg := range a.Tags {
		got = append(got, tg.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Article's tags: %+q\nwant %+q", got, want)
	}
	rows, err := s.Page(ctx, PageRequest{Limit: 10})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Page: %d rows, %v", len(rows), err)
	}
	if !slices.Equal(rows[0].Tags, want) {
		t.Errorf("the row's tags: %+q\nwant %+q", rows[0].Tags, want)
	}
	var found []string
	err = s.Search(ctx, "", 0, func(a Article) error {
		for _, tg := range a.Tags {
			found = append(found, tg.Name)
		}
		return nil
	})
	if err != nil || !slices.Equal(found, want) {
		t.Errorf("Search's article's tags: %+q, %v\nwant %+q", found, err, want)
	}
}

// TestSortTagNames: names are sorted as the library lists tags.
func TestSortTagNames(t *testing.T) {
	names := []string{"weapons", "\u00c9t\u00e9", "Zebra", "Long Read", "war"}
	SortTagNames(names)
	if want := []string{"\u00c9t\u00e9", "Long Read", "war", "weapons", "Zebra"}; !slices.Equal(names, want) {
		t.Errorf("SortTagNames: %+q\nwant %+q", names, want)
	}
}
