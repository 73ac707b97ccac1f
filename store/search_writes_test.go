package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestSearchGivesEachArticleOnceWhileAnImportRedatesThem: an export (Search)
// running while an import changes the articles' dates, and a feed purged,
// gives every article that matched when it began exactly once, in the order
// they had then, and leaves out only those deleted before their turn.
func TestSearchGivesEachArticleOnceWhileAnImportRedatesThem(t *testing.T) {
	const feedURL = "https://example.com/feed.xml"
	for _, q := range []string{"", "grain", "source:reuters", "-source:reuters oil"} {
		t.Run(q, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t)
			if _, err := s.Subscribe(ctx, Feed{URL: feedURL}); err != nil {
				t.Fatal(err)
			}
			arts := generated(6 * searchChunk)
			for i := range arts {
				if i%10 == 3 {
					arts[i].FeedURL = feedURL
				}
			}
			importAll(t, s, arts...)
			start := idsOf(t, s, q)
			if len(start) <= searchChunk {
				t.Fatalf("%d articles match: too few to read in several chunks", len(start))
			}
			// The newest becomes the oldest: each dated article takes the
			// date mirrored across the library's 60 days.
			first, last := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)
			redated := slices.Clone(arts)
			for i := range redated {
				if !redated[i].Published.IsZero() {
					redated[i].Published = last.Add(first.Sub(redated[i].Published))
				}
			}

			var got []int64
			err := s.Search(ctx, q, 0, func(a Article) error {
				if len(got) == 10 {
					importAll(t, s, redated...)
					if _, err := s.RemoveFeed(ctx, feedURL, true); err != nil {
						t.Fatal(err)
					}
				}
				got = append(got, a.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			left := map[int64]bool{}
			for _, id := range idsOf(t, s, "") {
				left[id] = true
			}
			var want []int64
			for i, id := range start {
				// The first chunk was read before the purge.
				if i < searchChunk || left[id] {
					want = append(want, id)
				}
			}
			if len(want) == len(start) {
				t.Fatal("the purge deleted none of the articles")
			}
			if kept := slices.DeleteFunc(slices.Clone(start), func(id int64) bool { return !left[id] }); slices.Equal(kept, idsOf(t, s, q)) {
				t.Fatal("the import did not change the order")
			}
			if !slices.Equal(got, want) {
				seen := map[int64]int{}
				twice := 0
				for _, id := range got {
					if seen[id]++; seen[id] == 2 {
						twice++
					}
				}
				t.Errorf("Search gave %d articles (%d distinct, %d twice), want the %d that matched at its start and were not deleted before their turn, in that order",
					len(got), len(seen), twice, len(want))
			}
		})
	}
}
