package store

import (
	"context"
	"slices"
	"testing"
)

// TestSetReadQueryUpTo: marking read up to the last article id read before
// a list's rows leaves unread the articles that arrived since, whatever
// their dates: newer ones, sorting at the top, and an old date, sorting
// among those the list had. CountUpTo counts what it marks.
func TestSetReadQueryUpTo(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if id, err := s.LastArticleID(ctx); err != nil || id != 0 {
		t.Fatalf("an empty library's last article id: %d, %v; want 0", id, err)
	}
	importAll(t, s,
		art("a", "2024-03-01", "Walruses parade."),
		art("b", "2024-03-02", "Walruses sing."),
		art("c", "2024-03-03", "Gulls circle the pier."))
	upTo, err := s.LastArticleID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importAll(t, s,
		art("newer", "2024-03-09", "Walruses arrive late."),
		art("older", "2020-01-01", "Walruses from an old archive."))

	for _, tt := range []struct {
		query string
		want  int
	}{
		{"is:unread", 3},
		{"is:unread walruses", 2},
		{"is:unread (source:MENAFN walruses)", 2},
		{"is:unread gulls", 1},
	} {
		if n, err := s.CountUpTo(ctx, tt.query, upTo); err != nil || n != tt.want {
			t.Errorf("CountUpTo(%q): %d, %v; want %d", tt.query, n, err, tt.want)
		}
	}
	n, err := s.SetReadQueryUpTo(ctx, "is:unread walruses", true, upTo)
	if err != nil || n != 2 {
		t.Fatalf("SetReadQueryUpTo marked %d (%v), want 2", n, err)
	}
	for ext, read := range map[string]bool{"a": true, "b": true, "c": false, "newer": false, "older": false} {
		a, err := s.ArticleByExternalID(ctx, ext)
		if err != nil {
			t.Fatal(err)
		}
		if a.Read() != read {
			t.Errorf("%q read: %v, want %v", ext, a.Read(), read)
		}
	}
	// Without a bound, as before: every match.
	if n, err := s.SetReadQuery(ctx, "is:unread walruses", true); err != nil || n != 2 {
		t.Errorf("SetReadQuery marked %d (%v), want the 2 that arrived", n, err)
	}
}

// TestMissing: of the ids given, those deleted, or never given, are
// missing; the others are not.
func TestMissing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("a", "2024-03-01", "Walruses parade."),
		art("b", "2024-03-02", "Walruses sing."),
		art("c", "2024-03-03", "Gulls circle the pier."))
	a, b, c := byExternalID(t, s, "a"), byExternalID(t, s, "b"), byExternalID(t, s, "c")
	if _, err := s.DeleteArticles(ctx, []int64{b}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		ids  []int64
		want []int64
	}{
		{"none given", nil, nil},
		{"all held", []int64{a, c}, nil},
		{"one deleted", []int64{c, b, a}, []int64{b}},
		{"never given", []int64{a, c + 100}, []int64{c + 100}},
	} {
		got, err := s.Missing(ctx, tt.ids)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: Missing(%v) = %v, %v; want %v", tt.name, tt.ids, got, err, tt.want)
		}
	}
}
