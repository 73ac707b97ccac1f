package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// TestExportsWithADateJSONCannotHold: a library in which a tidings from
// before stored a date past 9999 in UTC (9999-12-31T23:00:00-05:00 read
// as 10000-01-01T04:00:00Z) exports every article, that one without its
// date and named among the failures, where the JSON export and search
// --json failed whole and the Markdown export wrote a date that does not
// import back.
func TestExportsWithADateJSONCannotHold(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	far := time.Date(10000, 1, 1, 4, 0, 0, 0, time.UTC)
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	// As such a tidings stored it: the store takes what it is given.
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "far", Source: "S", Title: "From the far future", Published: far, Body: "Far body."},
		{ExternalID: "near", Source: "S", Title: "Ordinary", Published: day, Body: "Near body."},
	}); err != nil {
		t.Fatal(err)
	}
	farArticle, err := st.ArticleByExternalID(ctx, "far")
	if err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	rep, err := Export(ctx, st, &out, ExportOptions{Format: "json"})
	if err != nil {
		t.Fatalf("JSON export: %v", err)
	}
	published := map[string]any{}
	for line := range strings.Lines(out.String()) {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		published[r["external_id"].(string)] = r["published"]
	}
	if len(published) != 2 || published["far"] != nil || published["near"] != "2024-03-05T00:00:00Z" {
		t.Errorf("JSON export: published %v", published)
	}
	if rep.Articles != 2 || len(rep.Failed) != 1 || rep.Failed[0].File != exportedArticle(farArticle) ||
		!strings.Contains(rep.Failed[0].Reason, "published 10000-01-01T04:00:00Z is not a time JSON can hold") {
		t.Errorf("JSON export: %+v", rep)
	}

	out.Reset()
	if err := Search(ctx, st, &out, "", SearchOptions{JSON: true}); err != nil || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("search --json: %v\n%s", err, out.String())
	}

	dir := filepath.Join(t.TempDir(), "vault")
	rep, err = Export(ctx, st, nil, ExportOptions{Format: "md", Out: dir})
	if err != nil {
		t.Fatalf("Markdown export: %v", err)
	}
	path := filepath.Join(dir, MarkdownFileName(farArticle))
	if filepath.Base(path) != "undated-from-the-far-future-1.md" {
		t.Errorf("file %s", filepath.Base(path))
	}
	if rep.Articles != 2 || len(rep.Failed) != 1 || rep.Failed[0].File != path ||
		!strings.Contains(rep.Failed[0].Reason, "not a time front matter can hold") {
		t.Errorf("Markdown export: %+v", rep)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "date:") {
		t.Errorf("written with its date:\n%s", data)
	}
	// It imports back, where a date of five digits did not.
	var items []feeds.Item
	if err := feeds.ReadStream(path, bytes.NewReader(data), func(it feeds.Item) error { items = append(items, it); return nil }); err != nil ||
		len(items) != 1 || items[0].Err != nil || items[0].Article.ExternalID != "far" || len(items[0].Article.Warnings) > 0 {
		t.Errorf("read back: %v, %+v", err, items)
	}
}

// TestUnwritableDates: the dates an export cannot write are named; no date
// and the years 1 to 9999 in UTC are written.
func TestUnwritableDates(t *testing.T) {
	for _, tt := range []struct {
		a    store.Article
		want string
	}{
		{store.Article{}, ""},
		{store.Article{Published: time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), Added: time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)}, ""},
		{store.Article{Published: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "published 10000-01-01T00:00:00Z"},
		{store.Article{Published: time.Date(0, 12, 31, 23, 0, 0, 0, time.UTC), Added: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			"published 0000-12-31T23:00:00Z, added 10000-01-01T00:00:00Z"},
	} {
		if got := strings.Join(unwritableDates(tt.a), ", "); got != tt.want {
			t.Errorf("unwritableDates(%v, %v) = %q, want %q", tt.a.Published, tt.a.Added, got, tt.want)
		}
	}
}
