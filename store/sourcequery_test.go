package store

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// A source is found as it is written where it comes from: a sample file's
// syndication tag "(MENAFN- Gulf Times)", which the importer stores as
// "MENAFN - Gulf Times", is found by source:"MENAFN- Gulf Times" too, in
// search, count and the live filter.
func TestSourceFoundAsItsFileWritesIt(t *testing.T) {
	const sample = "date 2026-10-05 (MENAFN- Gulf Times) Qatar opens a new port in Doha.\n\nMore text here.\n\nMENAFN05102026000045015687ID1107936199\n"
	var arts []feeds.Article
	if err := feeds.ReadStream("synd.txt", strings.NewReader(sample), func(it feeds.Item) error {
		if it.Err != nil {
			return it.Err
		}
		arts = append(arts, it.Article)
		return nil
	}); err != nil || len(arts) != 1 {
		t.Fatalf("%v, %d articles", err, len(arts))
	}
	s := openTemp(t)
	importAll(t, s, append(arts, art("other", "2026-10-06", "Another source."))...)
	ctx := context.Background()
	for q, want := range map[string]int{
		`source:"MENAFN - Gulf Times"`:                       1,
		`source:"MENAFN- Gulf Times"`:                        1,
		`source:"MENAFN -Gulf Times"`:                        1,
		`source:"menafn- gulf times"`:                        1,
		`source:"Gulf Times"`:                                1,
		`source:MENAFN`:                                      2,
		`source:"MENAFN- Gulf"*`:                             1,
		`-source:"MENAFN- Gulf Times"`:                       1,
		`port source:"MENAFN- Gulf Times" OR source:nothing`: 1,
		`source:"MENAFN- Qatar Tribune"`:                     0,
	} {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("Count(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
	if n, err := s.CountLive(ctx, `source:"MENAFN- Gul`); err != nil || n != 1 {
		t.Errorf("live source:\"MENAFN- Gul: %d, %v; want 1", n, err)
	}
}
