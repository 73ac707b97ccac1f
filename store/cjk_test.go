package store

import (
	"context"
	"slices"
	"testing"

	"tidings/feeds"
)

// cjkArticles are the articles of the CJK tests, by external id.
func cjkArticles() []feeds.Article {
	jishin := art("jishin", "2024-03-11", "東京で大規模な地震が発生。新幹線は運転を見合わせ、G7サミットの準備にも影響が出た。")
	jishin.Title = "東京で大規模な地震が発生"
	tokyo := art("tokyo", "2024-03-12", "東京タワーの夜景。")
	tokyo.Title = "東京タワー"
	osaka := art("osaka", "2024-03-13", "東京・大阪間の移動について。")
	osaka.Title = "移動"
	seoul := art("seoul", "2024-03-14", "서울에서 열린 회의에서 지진 대책을 논의했다.")
	seoul.Title = "회의"
	plain := art("plain", "2024-03-15", "An earthquake shook Tokyo; the Shinkansen stopped.")
	plain.Title = "Earthquake in Tokyo"
	return []feeds.Article{jishin, tokyo, osaka, seoul, plain}
}

// externalIDs returns the external ids of what q finds, newest first.
func externalIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	var got []string
	err := s.Search(context.Background(), q, 0, func(a Article) error {
		got = append(got, a.ExternalID)
		return nil
	})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return got
}

var cjkSearches = []struct {
	q    string
	want []string
}{
	{"地震", []string{"jishin"}},
	{"新幹線", []string{"jishin"}},
	{"東京", []string{"osaka", "tokyo", "jishin"}},
	{"東京*", []string{"osaka", "tokyo", "jishin"}},
	{"title:東京", []string{"tokyo", "jishin"}},
	{"G7サミット", []string{"jishin"}},
	{"京大", nil}, // 東京・大阪: not written together
	{"震地", nil}, // out of order
	{"東京 大阪", []string{"osaka"}},
	{"서울", []string{"seoul"}},
	{"지진", []string{"seoul"}},
	{"tokyo", []string{"plain"}},
	{"地震 OR earthquake", []string{"plain", "jishin"}},
	{"東京 -タワー", []string{"osaka", "jishin"}},
}

// The reader's test: words inside a run of Chinese or Japanese, or attached
// to Korean particles, are found by search, count and the live filter.
func TestSearchFindsCJKWords(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, cjkArticles()...)
	ctx := context.Background()
	for _, c := range cjkSearches {
		if got := externalIDs(t, s, c.q); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %q, want %q", c.q, got, c.want)
		}
		if n, err := s.Count(ctx, c.q); err != nil || n != len(c.want) {
			t.Errorf("Count(%q) = %d, %v; want %d", c.q, n, err, len(c.want))
		}
	}
	// Typed live, character by character, as an input method may hand
	// them over: each character counts at once.
	for q, want := range map[string]int{"地": 1, "地震": 1, "東": 3, "東京": 3, "東京タ": 1, "新幹線 g": 1, "東京ma": 3} {
		rows, err := s.Page(ctx, PageRequest{Query: q, Live: true, Limit: 50})
		if err != nil || len(rows) != want {
			t.Errorf("live %q: %d rows, %v; want %d", q, len(rows), err, want)
		}
		if n, err := s.CountLive(ctx, q); err != nil || n != want {
			t.Errorf("CountLive(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
}

// Every path that writes the full-text index splits CJK text: notes and
// retitles as well as imports.
func TestNotesAndRetitlesIndexCJKWords(t *testing.T) {
	s := openTemp(t)
	importAll(t, s, cjkArticles()...)
	ctx := context.Background()
	a, err := s.ArticleByExternalID(ctx, "plain")
	if err != nil {
		t.Fatal(err)
	}
	plain := a.ID
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: plain, Note: "大規模な余震に注意"}); err != nil {
		t.Fatal(err)
	}
	if got := externalIDs(t, s, "余震"); !slices.Equal(got, []string{"plain"}) {
		t.Errorf("a note's word: %q", got)
	}
	if err := s.Retitle(ctx, plain, "東京で地震"); err != nil {
		t.Fatal(err)
	}
	if got := externalIDs(t, s, "title:地震"); !slices.Equal(got, []string{"plain", "jishin"}) {
		t.Errorf("a retitle's word: %q", got)
	}
	if got := externalIDs(t, s, "余震"); !slices.Equal(got, []string{"plain"}) {
		t.Errorf("the note's word after the retitle: %q", got)
	}
}

// A library from before CJK characters were words by themselves is indexed
// again where it has them, in titles, bodies and notes; the rest of its
// index stays as it was.
func TestMigrationIndexesCJKAgain(t *testing.T) {
	path, db := oldLibrary(t, 6)
	olds := []oldArticle{
		{"東京で大規模な地震", "Tokyo was shaken.", ""},
		{"Shinkansen halted", "新幹線は運転を見合わせた。", ""},
		{"A note in Japanese", "Nothing here.", "余震に注意"},
		{"Plain English", "An earthquake struck.", "keep calm"},
	}
	// As the store wrote rows before: runs of CJK characters whole.
	plantOld(t, db, olds, func(s string) string { return s })
	s := upgrade(t, path, db)
	for q, want := range map[string][]string{
		"地震": {"a1"}, "tokyo": {"a1"}, "新幹線": {"a2"}, "shinkansen": {"a2"}, "余震": {"a3"},
		"japanese": {"a3"}, "earthquake": {"a4"}, "calm": {"a4"}, "title:english": {"a4"},
	} {
		if got := externalIDs(t, s, q); !slices.Equal(got, want) {
			t.Errorf("after the upgrade, %q finds %q, want %q", q, got, want)
		}
	}
	if _, err := s.wdb.Exec(`INSERT INTO article_fts(article_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	var temp int
	if err := s.wdb.QueryRow(`SELECT count(*) FROM temp.sqlite_schema`).Scan(&temp); err != nil || temp != 0 {
		t.Errorf("%d temporary tables left, %v", temp, err)
	}
}
