package store

import (
	"context"
	"strings"
	"testing"
)

// A feed or source named with more than 30 combining marks in a row is
// found by its name, as the library holds it and as it may be typed:
// Go's normalization puts a grapheme joiner (U+034F) after the 30th mark,
// which the stored name does not hold.
func TestNamesWithManyCombiningMarks(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	marks := func(n int) string { return strings.Repeat("\u0301", n) }
	feedTitle := "Ze" + marks(31) + "d News" // as the feed names itself
	source := "Wi" + marks(40) + "re"        // an article's source
	decomposed := "Ca" + marks(31) + "fe"    // stored decomposed
	composed := "C\u00e1" + marks(30) + "fe" // the same, typed composed
	if _, err := s.Subscribe(ctx, Feed{URL: "http://127.0.0.1:18431/z.json", Title: feedTitle}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Subscribe(ctx, Feed{URL: "http://127.0.0.1:18431/c.json", Title: decomposed}); err != nil {
		t.Fatal(err)
	}
	z1, z2, w, c := art("z1", "2024-03-04", "An item."), art("z2", "2024-03-05", "Another."),
		art("w1", "2024-03-06", "From the wire."), art("c1", "2024-03-07", "Of the cafe.")
	z1.FeedURL, z2.FeedURL, c.FeedURL = "http://127.0.0.1:18431/z.json", "http://127.0.0.1:18431/z.json", "http://127.0.0.1:18431/c.json"
	w.Source = source
	importAll(t, s, z1, z2, w, c, art("x", "2024-03-08", "Of no feed."))

	for _, tc := range []struct {
		q    string
		want int
	}{
		{`feed:"` + feedTitle + `"`, 2},
		{`feed:"` + feedTitle[:len(feedTitle)-5] + `"*`, 2},
		{`source:"` + feedTitle + `"`, 2},
		{`source:"` + source + `"`, 1},
		{`source:"` + source + ` - Extra"`, 0},
		{`feed:"` + decomposed + `"`, 1},
		{`feed:"` + composed + `"`, 1},
		// The library keeps 30 marks in a row (marks.MaxRun): one fewer is
		// the name as it keeps it, two fewer another name.
		{`feed:"Ze` + marks(30) + `d News"`, 2},
		{`feed:"Ze` + marks(29) + `d News"`, 0},
	} {
		if n, err := s.Count(ctx, tc.q); err != nil || n != tc.want {
			t.Errorf("Count(%+q) = %d, %v; want %d", tc.q, n, err, tc.want)
		}
	}
}
