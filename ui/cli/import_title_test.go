package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/feeds"
)

// TestEmptyTitleKeepsTheStoredOne: a record without a body and with
// "title": "" changes nothing of the article's title, where it blanked it;
// a whole record with "title": "" is titled by its body.
func TestEmptyTitleKeepsTheStoredOne(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	importJSON := func(line string) {
		t.Helper()
		var arts []feeds.Article
		if err := feeds.ReadStream("in.jsonl", strings.NewReader(line), func(it feeds.Item) error {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			arts = append(arts, it.Article)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Import(ctx, arts); err != nil {
			t.Fatal(err)
		}
	}
	title := func() string {
		t.Helper()
		a, err := st.ArticleByExternalID(ctx, "n1")
		if err != nil {
			t.Fatal(err)
		}
		return a.Title
	}
	importJSON(`{"external_id":"n1","title":"Dated","source":"S","published":"2024-01-01T00:00:00Z","body":"Body one words."}`)
	for _, partial := range []string{`{"external_id":"n1","title":""}`, `{"external_id":"n1","title":"  "}`, `{"external_id":"n1","title":null}`} {
		importJSON(partial)
		if got := title(); got != "Dated" {
			t.Errorf("after %s: title %q, want Dated", partial, got)
		}
	}
	importJSON(`{"external_id":"n1","title":"","source":"S","published":"2024-01-01T00:00:00Z","body":"Body one words."}`)
	if got := title(); got != "Body one words" {
		t.Errorf("after a whole record: title %q, want the body's", got)
	}
}
