package store

import (
	"context"
	"database/sql"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// The list must never sort: a page is read in sort key order, by the FTS5
// rowid when the query has words and by the sort_key index when it has not,
// so that the first page of a million articles costs what the page costs.
func TestPagesReadInSortKeyOrder(t *testing.T) {
	s, _ := library(t, 50)
	tests := []struct {
		q    string
		req  PageRequest
		want string // the plan's first step
	}{
		{"", PageRequest{}, "SCAN a USING INDEX sqlite_autoindex_articles_2"},
		{"", PageRequest{Before: 1 << 40}, "SEARCH a USING INDEX sqlite_autoindex_articles_2 (sort_key<?)"},
		{"", PageRequest{After: 1 << 40}, "SEARCH a USING INDEX sqlite_autoindex_articles_2 (sort_key>?)"},
		{"", PageRequest{FromEnd: true}, "SCAN a USING INDEX sqlite_autoindex_articles_2"},
		{"is:unread", PageRequest{}, "SCAN a USING INDEX articles_unread"},
		{"is:unread since:7d", PageRequest{}, "SEARCH a USING INDEX articles_unread (sort_key>? AND sort_key<?)"},
		{"is:starred", PageRequest{}, "SCAN a USING INDEX articles_starred"},
		{"is:read", PageRequest{}, "SCAN a USING INDEX articles_read"},
		{"is:read", PageRequest{Before: 1 << 40}, "SEARCH a USING INDEX articles_read (sort_key<?)"},
		{"source:reuters", PageRequest{}, "SCAN a USING INDEX articles_list"},
		{"source:reuters", PageRequest{Before: 1 << 40}, "SEARCH a USING INDEX articles_list (sort_key<?)"},
		{"oil", PageRequest{}, "SCAN article_fts VIRTUAL TABLE"},
		{"oil", PageRequest{Before: 1 << 40}, "SCAN article_fts VIRTUAL TABLE"},
		{"oil gas -storm", PageRequest{After: 1 << 40}, "SCAN article_fts VIRTUAL TABLE"},
		{"tag:x oil", PageRequest{}, "SCAN article_fts VIRTUAL TABLE"},
		{`"grain deal" is:unread`, PageRequest{}, "SCAN article_fts VIRTUAL TABLE"},
		{"title:oil after:2023-01-05", PageRequest{}, "SCAN article_fts VIRTUAL TABLE"},
		{"oil on:2023-01-05", PageRequest{Before: 1 << 60}, "SCAN article_fts VIRTUAL TABLE"},
	}
	for _, tt := range tests {
		c, err := compile(tt.q, false)
		if err != nil {
			t.Fatal(err)
		}
		q, args, _ := pageSQL(c, tt.req, rowColumns)
		plan := explain(t, s, q, args)
		if !strings.HasPrefix(plan[0], tt.want) {
			t.Errorf("%q %+v: plan starts %q, want %q\n%s", tt.q, tt.req, plan[0], tt.want, strings.Join(plan, "\n"))
		}
		for _, step := range plan {
			if strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("%q %+v: the page is sorted:\n%s", tt.q, tt.req, strings.Join(plan, "\n"))
			}
		}
		if c.Match != "" && c.KeyMin != 0 {
			// FTS5 starts at the date (its rowid constraints show as > and <).
			if !strings.Contains(plan[0], ">") || c.KeyMax != 0 && !strings.Contains(plan[0], "<") {
				t.Errorf("%q: the dates do not bound article_fts.rowid: %s", tt.q, plan[0])
			}
		}
		if c.Match != "" {
			if len(plan) < 2 || !strings.HasSuffix(plan[1], "(sort_key=?)") {
				t.Errorf("%q: articles are not looked up by sort key:\n%s", tt.q, strings.Join(plan, "\n"))
			}
		}
	}
}

// explain returns the detail column of EXPLAIN QUERY PLAN, one step a line,
// as the readers would run q.
func explain(t *testing.T, s *Store, q string, args []any) []string {
	t.Helper()
	return explainOn(t, s.db, q, args)
}

// explainOn is explain on db: the writer's connection, for a statement on
// its temporary tables.
func explainOn(t *testing.T, db *sql.DB, q string, args []any) []string {
	t.Helper()
	rows, err := db.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

// TestLargeTagsWalkTheSortKey: the pages of a large tag walk the articles
// in order, testing each for the tag, instead of looking up every article
// of the tag and sorting them; a small tag's are looked up. Both ways give
// the same pages, forwards and backwards, and the same search results.
func TestLargeTagsWalkTheSortKey(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 300)
	if _, err := s.TagQuery(ctx, "grain OR oil", []string{"big"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{3, 7, 200}, []string{"small", "bigger"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, []int64{1, 2, 3, 4, 5}, true); err != nil {
		t.Fatal(err)
	}
	big, err := s.Count(ctx, "tag:big")
	if err != nil || big < 20 {
		t.Fatalf("tag:big has %d articles (%v): too few to tell", big, err)
	}
	queries := []string{"tag:big", "tag:BIG", "tag:nosuch", "tag:big is:unread", "tag:big -tag:small", "tag:bi*", "tag:big after:2023-06-01 before:2024-06-01",
		"tag:big OR tag:small", "tag:small", "tag:big tag:small", "-tag:big"}
	type result struct{ fwd, back, search []int64 }
	results := func() map[string]result {
		out := map[string]result{}
		for _, q := range queries {
			var found []int64
			if err := s.Search(ctx, q, 0, func(a Article) error { found = append(found, a.ID); return nil }); err != nil {
				t.Fatal(err)
			}
			out[q] = result{rowIDs(pageForward(t, s, q, false, 7)), rowIDs(pageBackward(t, s, q, false, 7)), found}
			if n, err := s.Count(ctx, q); err != nil || n != len(found) {
				t.Errorf("%q: Count %d (%v), search finds %d", q, n, err, len(found))
			}
		}
		return out
	}
	defer func(n int) { walkTagSize = n }(walkTagSize)
	walkTagSize = 1 << 30 // no tag is large: every tag is looked up
	lookedUp := results()
	walkTagSize = big // tag:big is large, tag:small is not
	c, err := compile("tag:big", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.planWalk(ctx, &c); err != nil {
		t.Fatal(err)
	}
	q, args, _ := pageSQL(c, PageRequest{}, rowColumns)
	if plan := explain(t, s, q, args); !strings.HasPrefix(plan[0], "SCAN a USING INDEX sqlite_autoindex_articles_2") ||
		strings.Contains(strings.Join(plan, "\n"), "TEMP B-TREE") {
		t.Errorf("tag:big does not walk the sort key:\n%s", strings.Join(plan, "\n"))
	}
	walked := results()
	for _, q := range queries {
		if !reflect.DeepEqual(walked[q], lookedUp[q]) {
			t.Errorf("%q: walking finds %v, looking up %v", q, walked[q], lookedUp[q])
		}
	}
}

// TestRulesPlan: applying a rule to the articles an import brought looks up
// each match of the rule's words once, not every arrival for each match.
func TestRulesPlan(t *testing.T) {
	s, _ := library(t, 20)
	if _, err := s.wdb.Exec(`CREATE TEMP TABLE IF NOT EXISTS rule_arrivals (id INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"grain":             "SCAN article_fts VIRTUAL TABLE",
		"grain tag:x":       "SCAN article_fts VIRTUAL TABLE",
		"source:reuters":    "SCAN r",
		"tag:x is:unread":   "SEARCH r", // the tag's few articles among the arrivals
		`"grain deal" -oil`: "SCAN article_fts VIRTUAL TABLE",
	} {
		c, err := compile(q, false)
		if err != nil {
			t.Fatal(err)
		}
		q, args := c.arrivals()
		plan := explainOn(t, s.wdb, q, args)
		all := strings.Join(plan, "\n")
		if !strings.HasPrefix(plan[0], want) || strings.Contains(all, "AND rowid=?)") {
			t.Errorf("%q: plan\n%s\nwant it to start %q and look no article up by every arrival", q, all, want)
		}
	}
}

// TestLiveTagCounts: a tag counted alone is counted as the list reads it,
// live or not: a quoted or finished name whole, a name being typed as a
// prefix.
func TestLiveTagCounts(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 40)
	if err := s.Tag(ctx, []int64{1, 2}, []string{"long read"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{3}, []string{"long reads", "u.s.a"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, []int64{4}, []string{"u.s"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`tag:"long read"`, "tag:long", "#u.s", "tag:u.s ", `tag:"long read" `, "#lon"} {
		n, err := s.CountLive(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if rows := pageForward(t, s, q, true, 10); len(rows) != n {
			t.Errorf("live %q: counted %d, listed %d", q, n, len(rows))
		}
	}
}

// annotationQueries are queries of every kind the annotation browser asks
// AllAnnotations: words, prefixes, phrases, titles, tags, sources, states,
// dates, and mixes of them.
var annotationQueries = []string{"", "oil", "oil gas", "kestrel", "gra*", `"grain deal"`, "title:grain", "tag:x", "tag:x*",
	"tag:x oil", "tag:x -tag:y", "source:reuters", "source:reuters kestrel", "is:unread", "is:annotated", "is:starred oil",
	"after:2023-01-15", "after:2023-01-15 oil", "date:2023-02 kestrel tag:x", `"grain deal" is:unread`, "oil OR tag:x",
	"-oil", "kestrel -storm", "(oil OR gas) -tag:x"}

// TestAnnotationsPlan: the annotation browser's list is read by the notes,
// newest first by their index on created, each looking up its article by
// id, so that a query costs what the notes cost, whatever the library's
// size, and stops at the limit. The query's words are searched once, among
// the annotated articles (each FTS5 row passed over by their sort keys
// before its article is read); never is every annotated article probed for
// each article the words match (29 s at a million articles), nor FTS5
// asked once per note, nor a tag's articles listed, nor anything sorted.
func TestAnnotationsPlan(t *testing.T) {
	s, _ := library(t, 50)
	for _, q := range annotationQueries {
		c, err := compile(q, false)
		if err != nil {
			t.Fatal(err)
		}
		sq, args, err := annotationsSQL(c, 5000)
		if err != nil {
			t.Fatal(err)
		}
		plan := explain(t, s, sq, args)
		all := strings.Join(plan, "\n")
		if len(plan) < 2 || plan[0] != "SCAN n USING INDEX annotations_created" || plan[1] != "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" {
			t.Errorf("%q: the notes do not lead, looking up their articles:\n%s", q, all)
		}
		for _, bad := range []string{"TEMP B-TREE", "AND rowid=?)", "VIRTUAL TABLE INDEX 0:=", "article_tags_tag"} {
			if strings.Contains(all, bad) {
				t.Errorf("%q: the plan has %q:\n%s", q, bad, all)
			}
		}
		if c.Match != "" && !strings.Contains(all, "SCAN y USING COVERING INDEX annotations_article") {
			t.Errorf("%q: FTS5's rows are not kept by the annotated articles:\n%s", q, all)
		}
		if c.Match != "" && c.KeyMin != 0 && !strings.Contains(all, "VIRTUAL TABLE INDEX 0:M3>") {
			t.Errorf("%q: the dates do not bound article_fts.rowid:\n%s", q, all)
		}
		if len(c.tags) > 0 && !strings.Contains(all, "SEARCH t USING PRIMARY KEY (article_id=? AND tag_id=?)") {
			t.Errorf("%q: the tags are not tested on each article:\n%s", q, all)
		}
	}
}

// TestAllAnnotationsFindsWhatSearchFinds: AllAnnotations lists the notes of
// the articles Search finds, all of them, newest first (by id when two were
// written in the same second), for every kind of query, and the newest of
// them up to a limit.
func TestAllAnnotationsFindsWhatSearchFinds(t *testing.T) {
	ctx := context.Background()
	s, _ := library(t, 120)
	all := allIDs(t, s)
	base := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	var read, starred []int64
	for i, id := range all {
		if i%4 == 0 {
			read = append(read, id)
		}
		if i%5 == 0 {
			starred = append(starred, id)
		}
		if i%3 != 0 {
			continue
		}
		notes := []Annotation{{ArticleID: id, Note: "kestrel seen", Created: base.Add(time.Duration(i%17) * time.Hour)}}
		if i%2 == 0 {
			notes = append(notes, Annotation{ArticleID: id, Note: "storm damage", Created: base.Add(time.Duration(i%5) * time.Hour)})
		}
		for _, n := range notes {
			if _, err := s.AddAnnotation(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Tag(ctx, all[:60], []string{"x"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Tag(ctx, all[30:40], []string{"y"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(ctx, read, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, starred, true); err != nil {
		t.Fatal(err)
	}
	// Every note, newest first, with its article's id.
	type note struct{ id, article int64 }
	var notes []note
	rows, err := s.db.Query(`SELECT id, article_id FROM annotations ORDER BY created DESC, id DESC`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n note
		if err := rows.Scan(&n.id, &n.article); err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n)
	}
	rows.Close()
	for _, q := range annotationQueries {
		found := map[int64]bool{}
		if err := s.Search(ctx, q, 0, func(a Article) error { found[a.ID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		var want []int64
		for _, n := range notes {
			if found[n.article] {
				want = append(want, n.id)
			}
		}
		for _, limit := range []int{0, 7} {
			got, err := s.AllAnnotations(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]int64, len(got))
			for i, r := range got {
				ids[i] = r.ID
			}
			w := want
			if limit > 0 {
				w = want[:min(limit, len(want))]
			}
			if !slices.Equal(ids, w) {
				t.Errorf("AllAnnotations(%q, %d) lists %v, want %v", q, limit, ids, w)
			}
		}
	}
}
