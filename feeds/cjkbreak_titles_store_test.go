package feeds_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// wrappedTitlePage is a page whose <title> wraps inside 東京都庁.
const wrappedTitlePage = "<html><head><title>東京\n都庁の発表</title></head><body><article>" +
	"<p>本文はここにあります。東京都庁が発表した。</p></article></body></html>"

// wrappedBodyNote is a Markdown file without a title whose first
// sentence wraps inside 東京都庁.
const wrappedBodyNote = "---\nsource: src\ndate: 2024-01-01\n---\n東京\n都庁は発表した。次の文。\n"

// readOne reads text as a file of format holding one article, as tidings
// import reads it.
func readOne(t *testing.T, name, format, text string) feeds.Article {
	t.Helper()
	var arts []feeds.Article
	err := feeds.ReadStreamAs(name, format, strings.NewReader(text), func(it feeds.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	return arts[0]
}

// TestCJKWrappedTitlesFound: a page whose <title> wraps inside 東京都庁,
// and a note titled from a body that wraps there, are found by
// title:東京都庁; each imported again, as the release before stored it
// (its title with a space for the line break, under the id it has, or a
// library of before under the id of its text alone), is that article,
// retitled, not a second one.
func TestCJKWrappedTitlesFound(t *testing.T) {
	ctx := context.Background()
	page := readOne(t, "page.html", "html", wrappedTitlePage)
	note := readOne(t, "note.md", "md", wrappedBodyNote)
	asBefore := func(a feeds.Article, id string) feeds.Article {
		a.ExternalID, a.LooseID, a.FormerIDs = id, "", nil
		a.Title = strings.Replace(a.Title, "東京都庁", "東京 都庁", 1)
		return a
	}
	tests := map[string][]feeds.Article{
		"new library":                  nil,
		"stored by the release before": {asBefore(page, page.ExternalID), asBefore(note, note.ExternalID)},
		"stored under the page's text": {asBefore(page, page.LooseID), asBefore(note, note.ExternalID)},
	}
	for name, before := range tests {
		t.Run(name, func(t *testing.T) {
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Import(ctx, before); err != nil {
				t.Fatal(err)
			}
			outs, err := s.Import(ctx, []feeds.Article{page, note})
			if err != nil {
				t.Fatal(err)
			}
			if len(before) > 0 && (outs[0] == store.Added || outs[1] == store.Added) {
				t.Errorf("import: %v; want neither added again", outs)
			}
			var titles []string
			err = s.Search(ctx, "title:東京都庁", 10, func(a store.Article) error {
				titles = append(titles, a.Title)
				return nil
			})
			if err != nil || strings.Join(titles, "|") != "東京都庁の発表|東京都庁は発表した" && strings.Join(titles, "|") != "東京都庁は発表した|東京都庁の発表" {
				t.Errorf("title:東京都庁 finds %q (%v), want the page and the note", titles, err)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 2 {
				t.Errorf("%d articles (%v), want 2", n, err)
			}
		})
	}
}
