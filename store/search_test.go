package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/query"
)

// library opens a library holding generated(n) and returns it with the
// articles as imported.
func library(t *testing.T, n int) (*Store, []feeds.Article) {
	t.Helper()
	s := openTemp(t)
	arts := generated(n)
	for i := 0; i < len(arts); i += 100 {
		importAll(t, s, arts[i:min(i+100, len(arts))]...)
	}
	return s, arts
}

// allIDs returns every article id, newest first, straight from SQL.
func allIDs(t *testing.T, s *Store) []int64 {
	t.Helper()
	rows, err := s.db.Query("SELECT id FROM articles ORDER BY sort_key DESC")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// pageForward reads every page of q from the newest, following Before.
func pageForward(t *testing.T, s *Store, q string, live bool, size int) []Row {
	t.Helper()
	var all []Row
	req := PageRequest{Query: q, Live: live, Limit: size}
	for {
		page, err := s.Page(context.Background(), req)
		if err != nil {
			t.Fatalf("Page(%+v): %v", req, err)
		}
		all = append(all, page...)
		if len(page) < size {
			return all
		}
		req.Before = page[len(page)-1].SortKey
	}
}

// pageBackward reads every page of q from the oldest, following After, and
// returns the rows newest first.
func pageBackward(t *testing.T, s *Store, q string, live bool, size int) []Row {
	t.Helper()
	var all []Row
	req := PageRequest{Query: q, Live: live, Limit: size, FromEnd: true}
	for {
		page, err := s.Page(context.Background(), req)
		if err != nil {
			t.Fatalf("Page(%+v): %v", req, err)
		}
		all = append(slices.Clone(page), all...)
		if len(page) < size {
			return all
		}
		req.FromEnd, req.After = false, page[0].SortKey
	}
}

func rowIDs(rows []Row) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

func TestPagingVisitsEveryArticleOnceInOrder(t *testing.T) {
	s, _ := library(t, 500)
	want := allIDs(t, s)
	for _, size := range []int{1, 7, 100, 1000} {
		fwd := pageForward(t, s, "", false, size)
		if !slices.Equal(rowIDs(fwd), want) {
			t.Fatalf("size %d: paging forward gave %d rows, not every article once newest first", size, len(fwd))
		}
		for i := 1; i < len(fwd); i++ {
			if fwd[i].SortKey >= fwd[i-1].SortKey {
				t.Fatalf("size %d: sort keys not strictly descending at %d", size, i)
			}
		}
		if back := pageBackward(t, s, "", false, size); !slices.Equal(rowIDs(back), want) {
			t.Fatalf("size %d: paging backward gave %d rows, not every article once", size, len(back))
		}
	}
	// Before and After both set: the rows between them.
	page, err := s.Page(context.Background(), PageRequest{Before: fwdKey(s, t, 10), After: fwdKey(s, t, 20)})
	if err != nil || !slices.Equal(rowIDs(page), want[11:20]) {
		t.Errorf("between: %v, %v; want %v", rowIDs(page), err, want[11:20])
	}
}

// fwdKey returns the sort key of the i-th newest article.
func fwdKey(s *Store, t *testing.T, i int) int64 {
	page, err := s.Page(context.Background(), PageRequest{Limit: i + 1})
	if err != nil {
		t.Fatal(err)
	}
	return page[i].SortKey
}

func TestQueriesAgreeWithTheArticles(t *testing.T) {
	ctx := context.Background()
	s, arts := library(t, 400)
	ids := allIDs(t, s)
	// generated ids are assigned in import order, from 1.
	id := func(i int) int64 { return int64(i + 1) }
	if err := s.Tag(ctx, []int64{id(3), id(5), id(8)}, []string{"Watch"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, []int64{id(1), id(2), id(3)}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id(9), Note: "remember the quarantine"}); err != nil {
		t.Fatal(err)
	}

	dated := func(i int) time.Time {
		if arts[i].Published.IsZero() {
			return time.Now()
		}
		return arts[i].Published
	}
	has := func(i int, word string) bool { return slices.Contains(query.Tokens(arts[i].Body), word) }
	hasPrefix := func(i int, p string) bool {
		return slices.ContainsFunc(query.Tokens(arts[i].Body), func(w string) bool { return strings.HasPrefix(w, p) })
	}
	tests := []struct {
		name  string
		q     string
		live  bool
		match func(i int) bool
	}{
		{"everything", "", false, func(int) bool { return true }},
		{"word", "harbour", false, func(i int) bool { return has(i, "harbour") }},
		{"two words", "storm flood", false, func(i int) bool { return has(i, "storm") && has(i, "flood") }},
		{"folded", "ZURICH", false, func(i int) bool { return has(i, "zurich") }},
		{"prefix", "gla*", false, func(i int) bool { return hasPrefix(i, "gla") }},
		{"live prefix", "storm gla", true, func(i int) bool { return has(i, "storm") && hasPrefix(i, "gla") }},
		{"phrase", `"grain deal"`, false, func(i int) bool { return i%7 == 0 }},
		{"phrase out of order", `"deal grain"`, false, func(int) bool { return false }},
		{"negation", "oil -gas", false, func(i int) bool { return has(i, "oil") && !has(i, "gas") }},
		{"only negation", "-oil", false, func(i int) bool { return !has(i, "oil") }},
		{"or", "tariff OR treaty", false, func(i int) bool { return has(i, "tariff") || has(i, "treaty") }},
		{"source", "source:azernews", false, func(i int) bool { return arts[i].Source == "MENAFN - AzerNews" }},
		{"syndicator", "source:menafn", false, func(i int) bool { return strings.HasPrefix(arts[i].Source, "MENAFN") }},
		{"tag", "tag:watch", false, func(i int) bool { return i == 3 || i == 5 || i == 8 }},
		{"tag and word", "#watch grain", false, func(i int) bool { return (i == 3 || i == 5 || i == 8) && has(i, "grain") }},
		{"unread", "is:unread", false, func(i int) bool { return i > 3 || i == 0 }},
		{"annotated", "is:annotated", false, func(i int) bool { return i == 9 }},
		{"note", "quarantine", false, func(i int) bool { return i == 9 }},
		{"date", "on:2023-01-10", false, func(i int) bool {
			return arts[i].Published.Format("2006-01-02") == "2023-01-10"
		}},
		// Undated articles are dated by when they were added: today.
		{"word after a date", "harbour after:2023-01-20", false, func(i int) bool {
			return has(i, "harbour") && !dated(i).Before(time.Date(2023, 1, 20, 0, 0, 0, 0, time.UTC))
		}},
		{"word before a date", "harbour before:2023-02-01", false, func(i int) bool {
			return has(i, "harbour") && dated(i).Before(time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC))
		}},
		{"title", "title:grain", false, func(i int) bool { return i%7 == 0 || slices.Contains(query.Tokens(arts[i].Title), "grain") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []int64
			for _, id := range ids {
				if tt.match(int(id - 1)) {
					want = append(want, id)
				}
			}
			count := s.Count
			if tt.live {
				count = s.CountLive
			}
			n, err := count(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("Count = %d, want %d", n, len(want))
			}
			if got := rowIDs(pageForward(t, s, tt.q, tt.live, 13)); !slices.Equal(got, want) {
				t.Errorf("Page: %d rows %v, want %d %v", len(got), head(got), len(want), head(want))
			}
			if got := rowIDs(pageBackward(t, s, tt.q, tt.live, 13)); !slices.Equal(got, want) {
				t.Errorf("Page backward: %d rows, want %d", len(got), len(want))
			}
			if !tt.live {
				if got := idsOf(t, s, tt.q); !slices.Equal(got, want) {
					t.Errorf("Search: %d articles, want %d", len(got), len(want))
				}
			}
		})
	}
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 8)] }

func TestRowsCarryListState(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	a := art("r1", "2024-03-05", "Row state story. Text.")
	a.URL = "https://example.com/r1"
	importAll(t, s, a, art("r2", "2024-03-04", "Other story. Text."))
	id := idsOf(t, s, "row")[0]
	if err := s.Tag(ctx, []int64{id}, []string{"beta", "Alpha", "gamma"}, nil); err != nil {
		t.Fatal(err)
	}
	s.SetRead(ctx, []int64{id}, true)
	s.SetStarred(ctx, []int64{id}, true)
	s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "one"})
	s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "two"})
	rows, err := s.Page(ctx, PageRequest{})
	if err != nil || len(rows) != 2 {
		t.Fatalf("Page: %v, %v", rows, err)
	}
	r := rows[0]
	if r.ID != id || r.Title != "Row state story" || r.URL != a.URL || r.Source != "MENAFN" || !r.Published.Equal(a.Published) {
		t.Errorf("row %+v", r)
	}
	if !r.Read || !r.Starred || r.Annotations != 2 || strings.Join(r.Tags, ",") != "Alpha,beta,gamma" {
		t.Errorf("read %v starred %v annotations %d tags %v", r.Read, r.Starred, r.Annotations, r.Tags)
	}
	if o := rows[1]; o.Read || o.Starred || o.Annotations != 0 || len(o.Tags) != 0 {
		t.Errorf("other row %+v", o)
	}
	if n, err := s.Total(ctx); err != nil || n != 2 {
		t.Errorf("Total = %d, %v", n, err)
	}
}

func TestSearchStreamsWithLimitAndStops(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 600)
	want := allIDs(t, s)
	var got []int64
	err := s.Search(ctx, "", 300, func(a Article) error {
		if a.Body == "" || a.ExternalID == "" {
			t.Fatalf("article %d without body or external id", a.ID)
		}
		got = append(got, a.ID)
		return nil
	})
	if err != nil || !slices.Equal(got, want[:300]) {
		t.Errorf("Search with limit 300: %d articles, %v", len(got), err)
	}
	stop := errors.New("enough")
	calls := 0
	err = s.Search(ctx, "", 0, func(Article) error {
		calls++
		if calls == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 5 {
		t.Errorf("Search after fn's error: %v after %d calls", err, calls)
	}
}

func TestBadQueriesSayWhere(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	_, err := s.Page(ctx, PageRequest{Query: `oil "unclosed`})
	var qe *query.Error
	if !errors.As(err, &qe) {
		t.Fatalf("Page with a bad query: %v, want a *query.Error", err)
	}
	if _, err := s.Count(ctx, "tag:"); !errors.As(err, &qe) {
		t.Errorf("Count with a bad query: %v", err)
	}
	if err := s.Search(ctx, "(oil", 0, func(Article) error { return nil }); !errors.As(err, &qe) {
		t.Errorf("Search with a bad query: %v", err)
	}
}
