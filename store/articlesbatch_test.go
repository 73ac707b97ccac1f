package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
)

// TestArticlesByIDs: a lookup of many ids, or external ids, finds the
// articles there, with their tags, past the first batch of the lookup too,
// and leaves out what names none; an id given twice is one article.
func TestArticlesByIDs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("e1", "2024-03-05", "First. Text."),
		art("e2", "2024-03-06", "Second. Text."),
		art("e3", "2024-03-07", "Third. Text."))
	id1, id3 := mustArticleID(t, s, "e1"), mustArticleID(t, s, "e3")
	if err := s.Tag(ctx, []int64{id3}, []string{"kept"}, nil); err != nil {
		t.Fatal(err)
	}
	// id3 comes after more than a batch of ids of no article.
	ids := []int64{id1}
	ext := []string{"e1"}
	for i := range 3 * lookupChunk {
		ids = append(ids, int64(100000+i))
		ext = append(ext, fmt.Sprintf("none%d", i))
	}
	ids = append(ids, id3, id1)
	ext = append(ext, "e3", "e1")

	byID, err := s.ArticlesByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(byID)); !slices.Equal(got, []int64{id1, id3}) {
		t.Fatalf("ArticlesByID found %v, want %v", got, []int64{id1, id3})
	}
	if a := byID[id3]; a.ExternalID != "e3" || a.Title != "Third" || len(a.Tags) != 1 || a.Tags[0].Name != "kept" {
		t.Errorf("ArticlesByID[%d] = %+v, want e3 tagged kept", id3, a)
	}

	byExt, err := s.ArticlesByExternalID(ctx, ext)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(byExt)); !slices.Equal(got, []string{"e1", "e3"}) {
		t.Fatalf("ArticlesByExternalID found %v, want [e1 e3]", got)
	}
	if a := byExt["e3"]; a.ID != id3 || len(a.Tags) != 1 {
		t.Errorf("ArticlesByExternalID[e3] = %+v, want article %d tagged", a, id3)
	}
	if none, err := s.ArticlesByID(ctx, nil); err != nil || len(none) != 0 {
		t.Errorf("ArticlesByID(nil) = %v, %v", none, err)
	}
}
