package feeds_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// cjkBreakRecords are two articles of JSON lines: one with a line break
// inside 東京 in its body, one with it in its title.
const cjkBreakRecords = `{"external_id":"b","title":"body one","body":"これは東\n京の話","source":"S","published":"2024-03-01T10:00:00Z"}
{"title":"東\n京の話","body":"x","source":"S","published":"2024-03-01T10:00:00Z"}
`

// readCJKBreakRecords reads cjkBreakRecords as tidings import reads them.
func readCJKBreakRecords(t *testing.T) []feeds.Article {
	t.Helper()
	var arts []feeds.Article
	err := feeds.ReadStreamAs("-", "jsonl", strings.NewReader(cjkBreakRecords), func(it feeds.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	return arts
}

// TestCJKTitleLineBreakFound: a title wrapped inside 東京 is stored as
// 東京の話 and found by title:東京, as a body so wrapped is found by 東京;
// and the article a release before stored under the same id, its title
// with a space for the line break, is the one imported again, not a second.
func TestCJKTitleLineBreakFound(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// As the release before stored the titled one.
	before := feeds.Article{ExternalID: "h:3631703d2f5fedcaf1cc0aa2457e60b0", Title: "東 京の話", Body: "x", Source: "S",
		Published: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)}
	if _, err := s.Import(ctx, []feeds.Article{before}); err != nil {
		t.Fatal(err)
	}
	arts := readCJKBreakRecords(t)
	if arts[1].ExternalID != before.ExternalID {
		t.Errorf("id %s, want the one it had, %s", arts[1].ExternalID, before.ExternalID)
	}
	outs, err := s.Import(ctx, arts)
	if err != nil || len(outs) != 2 || outs[0] != store.Added || outs[1] == store.Added {
		t.Fatalf("import: %v, %v; want the body one added, the titled one not", outs, err)
	}
	counts := map[string]int{"": 2, "東京": 2, "title:東京": 1, `title:"東 京"`: 1}
	for q, want := range counts {
		if n, err := s.Count(ctx, q); err != nil || n != want {
			t.Errorf("%q finds %d (%v), want %d", q, n, err, want)
		}
	}
	var titles []string
	err = s.Search(ctx, "title:東京", 10, func(a store.Article) error {
		titles = append(titles, a.Title)
		return nil
	})
	if err != nil || len(titles) != 1 || titles[0] != "東京の話" {
		t.Errorf("title:東京 finds %q (%v), want [東京の話]", titles, err)
	}
}
