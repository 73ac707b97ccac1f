package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/store"
)

// TestLongFieldsOfBeforeAreCut: a library imported before one-line fields
// were cut at import holds titles, feed names, sources and tags of a
// megabyte: feed list, search, tags and show print each cut to a line
// people read, and search --json gives the title whole.
func TestLongFieldsOfBeforeAreCut(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const feed = "https://h.example/feed.xml"
	if _, err := st.Subscribe(ctx, store.Feed{URL: feed, Title: "Harbour", Tags: []string{"boats"}}); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	record := `{"external_id":"a","title":"Harbour","source":"Wire","body":"The harbour report.","tags":["boats"]}` + "\n"
	if err := os.WriteFile(filepath.Join(src, "a.jsonl"), []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	importPaths(t, st, src, "a.jsonl")
	st.Close()
	huge := strings.Repeat("harbour ", 1<<17) // a megabyte
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE articles SET title = ?1, source = ?1`, `UPDATE feeds SET title = ?1, tags = json_array(?1)`, `UPDATE tags SET name = ?1`,
	} {
		if _, err := db.ExecContext(ctx, q, huge); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	st, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	const most = 3 * 4 * 1000 // characters of a few fields cut, each of a few bytes at most
	var list bytes.Buffer
	if err := ListFeeds(ctx, st, &list); err != nil {
		t.Fatal(err)
	}
	var tags bytes.Buffer
	if err := Tags(ctx, st, &tags); err != nil {
		t.Fatal(err)
	}
	var a store.Article
	if err := st.Search(ctx, "", 0, func(found store.Article) error { a = found; return nil }); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{
		"feed list": list.String(), "tags": tags.String(), "search": Line(a, 0), "show": Markdown(a, nil),
		"feed rename": RenamedFeedText(store.Feed{URL: feed, Title: "Harbour"}, huge),
	} {
		if len(out) > most || !strings.Contains(out, "…") {
			t.Errorf("%s prints %d bytes, want each field cut to a line with …", name, len(out))
		}
	}
	if r := Record(a, nil); r.Title != huge {
		t.Errorf("search --json gives a title of %d bytes, want the %d stored", len(r.Title), len(huge))
	}
}
