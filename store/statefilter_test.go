package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestWordsAndStateReadTheListIndex: a query of words and a state, a
// source or a tag (is:unread kuwait, is:starred minister) tests each
// article FTS5 finds on the list index, which holds read_at, starred and
// the source, instead of reading the article's row with its body: the ids
// a count, M, tagging and rules read are found without reading one row
// (a covering index), and a page reads the rows of the articles it shows.
// Words alone, or with a tag alone, keep the smaller sort key index; a
// phrase, checked on the title and body, reads the rows anyway.
func TestWordsAndStateReadTheListIndex(t *testing.T) {
	s, _ := library(t, 60)
	onList := []string{"is:starred minister", "is:unread oil", "is:read grain", "tag:x is:unread oil", "source:reuters oil",
		"is:starred -tag:x oil", "oil after:2023-01-15 is:unread", "(oil OR gas) is:unread", "minis* is:starred"}
	for _, q := range onList {
		c, err := compile(q, false)
		if err != nil {
			t.Fatal(err)
		}
		sel, args := c.ids()
		upTo, upToArgs := idsUpTo(c, 1<<40)
		page, pageArgs, _ := pageSQL(c, PageRequest{}, rowColumns)
		for _, st := range []struct {
			what, sql, want string
			args            []any
		}{
			{"ids", sel, "SEARCH a USING COVERING INDEX articles_list (sort_key=?)", args},
			{"ids up to", "SELECT count(*) FROM (" + upTo + ")", "SEARCH a USING COVERING INDEX articles_list (sort_key=?)", upToArgs},
			{"page", page, "SEARCH a USING INDEX articles_list (sort_key=?)", pageArgs},
		} {
			plan := explain(t, s, st.sql, st.args)
			if len(plan) < 2 || !strings.HasPrefix(plan[0], "SCAN article_fts VIRTUAL TABLE") || plan[1] != st.want {
				t.Errorf("%q, %s: plan\n%s\nwant FTS5 to lead, then %q", q, st.what, strings.Join(plan, "\n"), st.want)
			}
		}
	}
	for _, q := range []string{"oil", "tag:x oil", `"grain deal" is:unread`, "oil on:2023-01-05"} {
		c, err := compile(q, false)
		if err != nil {
			t.Fatal(err)
		}
		sel, args := c.ids()
		if plan := strings.Join(explain(t, s, sel, args), "\n"); strings.Contains(plan, "articles_list") {
			t.Errorf("%q reads the list index, which it does not need:\n%s", q, plan)
		}
	}
}

// stateLibrary300 is a library of 300 generated articles, every third read
// (100), five starred, and the tags one (1 article), some (40) and most
// (250).
func stateLibrary300(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s, _ := library(t, 300)
	all := allIDs(t, s)
	var read []int64
	for i, id := range all {
		if i%3 == 0 {
			read = append(read, id)
		}
	}
	steps := []error{
		s.SetRead(ctx, read, true),
		s.SetStarred(ctx, []int64{all[2], all[3], all[50], all[120], all[299]}, true),
		s.Tag(ctx, all[7:8], []string{"one"}, nil),
		s.Tag(ctx, all[:40], []string{"some"}, nil),
		s.Tag(ctx, all[40:290], []string{"most"}, nil),
	}
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestTagAndStateLeadBySize: a count, or all the ids, of a tag and a state
// without words reads the state's index when it holds fewer than thirty
// times the tag's articles (each entry tested against the tag's list, or
// looked up in article_tags when the state has fewer articles than the
// tag), and looks the tag's articles up by id otherwise: a tag's article
// found by id costs the reading of its row.
func TestTagAndStateLeadBySize(t *testing.T) {
	s := stateLibrary300(t)
	ctx := context.Background()
	const (
		lookUp = "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)"
		exists = "SEARCH t EXISTS USING PRIMARY KEY (article_id=? AND tag_id=?)"
	)
	for _, tt := range []struct {
		q     string
		first string // the plan's first step
		test  string // how the tag is tested, when the state leads
	}{
		{"tag:one is:unread", lookUp, ""},                                         // 200 unread, 1 tagged
		{"tag:one is:read", lookUp, ""},                                           // 100 read
		{"tag:some is:unread", "SCAN a USING COVERING INDEX articles_unread", ""}, // 200 < 30 × 40
		{"tag:one is:starred", "SCAN a USING COVERING INDEX articles_starred", ""},
		{"tag:most is:starred", "SCAN a USING COVERING INDEX articles_starred", exists}, // 5 < 250
		{"tag:most is:read", "SCAN a USING COVERING INDEX articles_read", exists},       // 100 < 250
		{"is:unread (tag:some)", "SCAN a USING COVERING INDEX articles_unread", ""},     // M's question in a tag's list
		{"tag:som* is:unread", "SCAN a USING COVERING INDEX articles_unread", ""},
		{"tag:most tag:some is:starred", "SCAN a USING COVERING INDEX articles_starred", exists},
		{"tag:nosuch is:starred", lookUp, ""},
		{"tag:most is:read -is:starred", lookUp, ""}, // starred is not in articles_read
		{"tag:most is:read is:starred", lookUp, ""},
		{"tag:most is:read source:reuters", "SCAN a USING COVERING INDEX articles_list", ""}, // as a source is read
	} {
		c, err := compile(tt.q, false)
		if err != nil {
			t.Fatal(err)
		}
		planned, err := planState(ctx, s.db, c)
		if err != nil {
			t.Fatal(err)
		}
		upTo, upToArgs := idsUpTo(planned, 1<<40)
		sel, args := planned.ids()
		for _, st := range []struct {
			sql  string
			args []any
		}{{sel, args}, {"SELECT count(*) FROM (" + upTo + ")", upToArgs}} {
			plan := explain(t, s, st.sql, st.args)
			all := strings.Join(plan, "\n")
			if !strings.HasPrefix(plan[0], tt.first) || tt.test != "" && !strings.Contains(all, tt.test) ||
				tt.test == "" && strings.Contains(all, exists) {
				t.Errorf("%q: plan\n%s\nwant it to start %q, the tag tested by %q", tt.q, all, tt.first, tt.test)
			}
		}
	}
}

// TestTagAndStateFindWhatTheyAsk: whichever way a query of words, tags and
// states is read, its count, M's count up to an id, its search, tagging by
// it and a rule of it find the articles that have what it asks, as their
// fields say.
func TestTagAndStateFindWhatTheyAsk(t *testing.T) {
	s := stateLibrary300(t)
	ctx := context.Background()
	var arts []Article
	if err := s.Search(ctx, "", 0, func(a Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, tt := range stateCases {
		var want []int64
		for _, a := range arts {
			if tt.has(a) {
				want = append(want, a.ID)
			}
		}
		slices.Sort(want)
		if n, err := s.Count(ctx, tt.q); err != nil || n != len(want) {
			t.Errorf("Count(%q) = %d (%v), want %d", tt.q, n, err, len(want))
		}
		upTo := arts[len(arts)/2].ID
		wantUpTo := 0
		for _, id := range want {
			if id <= upTo {
				wantUpTo++
			}
		}
		if n, err := s.CountUpTo(ctx, tt.q, upTo); err != nil || n != wantUpTo {
			t.Errorf("CountUpTo(%q, %d) = %d (%v), want %d", tt.q, upTo, n, err, wantUpTo)
		}
		if got := sorted(idsOf(t, s, tt.q)); !slices.Equal(got, want) {
			t.Errorf("Search(%q) finds %v, want %v", tt.q, got, want)
		}
		if n, err := s.TagQuery(ctx, tt.q, []string{"found"}, nil); err != nil || n != len(want) {
			t.Errorf("TagQuery(%q) tags %d (%v), want %d", tt.q, n, err, len(want))
		}
		if _, err := s.ApplyRulesToLibrary(ctx, []Rule{{Query: tt.q, Tags: []string{"ruled"}}}); err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{"found", "ruled"} {
			if got := sorted(idsOf(t, s, "tag:"+tag)); !slices.Equal(got, want) {
				t.Errorf("%q: tagged %s %v, want %v", tt.q, tag, got, want)
			}
			if _, err := s.TagQuery(ctx, "", nil, []string{tag}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestTagAndStateMarkWhatTheyAsk: M marks read the unread articles of a
// tag's list, or of words and a tag, up to the id the list was seen at,
// whichever way the query is read: exactly those.
func TestTagAndStateMarkWhatTheyAsk(t *testing.T) {
	ctx := context.Background()
	for _, q := range []string{"tag:one", "tag:some", "tag:most", "tag:most is:starred", "tag:some oil"} {
		s := stateLibrary300(t)
		var arts []Article
		if err := s.Search(ctx, "", 0, func(a Article) error { arts = append(arts, a); return nil }); err != nil {
			t.Fatal(err)
		}
		var has func(Article) bool
		for _, tt := range stateCases {
			if tt.q == q {
				has = tt.has
			}
		}
		upTo := arts[len(arts)/2].ID
		wantRead := map[int64]bool{}
		marked := 0
		for _, a := range arts {
			read := !a.ReadAt.IsZero()
			if !read && has(a) && a.ID <= upTo {
				read = true
				marked++
			}
			wantRead[a.ID] = read
		}
		n, err := s.SetReadQueryUpTo(ctx, unreadOf(q), true, upTo)
		if err != nil || n != marked {
			t.Errorf("M in %q marked %d (%v), want %d", q, n, err, marked)
		}
		for _, a := range arts {
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if read := !got.ReadAt.IsZero(); read != wantRead[a.ID] {
				t.Errorf("M in %q: article %d read %v, want %v", q, a.ID, read, wantRead[a.ID])
			}
		}
	}
}

// unreadOf is the query M marks in a list of q (ui.unreadOf).
func unreadOf(q string) string { return "is:unread (" + q + ")" }

// stateCases are queries of tags, states and words, each with what an
// article must have to match it, told from its fields.
var stateCases = []struct {
	q   string
	has func(Article) bool
}{
	{"tag:one", func(a Article) bool { return tagged(a, "one") }},
	{"tag:some", func(a Article) bool { return tagged(a, "some") }},
	{"tag:most", func(a Article) bool { return tagged(a, "most") }},
	{"tag:one is:unread", func(a Article) bool { return tagged(a, "one") && unread(a) }},
	{"tag:one is:read", func(a Article) bool { return tagged(a, "one") && !unread(a) }},
	{"tag:one is:starred", func(a Article) bool { return tagged(a, "one") && a.Starred }},
	{"tag:some is:unread", func(a Article) bool { return tagged(a, "some") && unread(a) }},
	{"tag:some is:starred", func(a Article) bool { return tagged(a, "some") && a.Starred }},
	{"tag:most is:starred", func(a Article) bool { return tagged(a, "most") && a.Starred }},
	{"tag:most is:read", func(a Article) bool { return tagged(a, "most") && !unread(a) }},
	{"tag:most is:unread", func(a Article) bool { return tagged(a, "most") && unread(a) }},
	{"tag:som* is:unread", func(a Article) bool { return tagged(a, "some") && unread(a) }},
	{"tag:MOST is:read", func(a Article) bool { return tagged(a, "most") && !unread(a) }},
	{"is:unread (tag:some)", func(a Article) bool { return tagged(a, "some") && unread(a) }},
	{"tag:most tag:some is:starred", func(a Article) bool { return tagged(a, "most") && tagged(a, "some") && a.Starred }},
	{"tag:most -tag:some is:starred", func(a Article) bool { return tagged(a, "most") && !tagged(a, "some") && a.Starred }},
	{"tag:most is:unread is:starred", func(a Article) bool { return tagged(a, "most") && unread(a) && a.Starred }},
	{"tag:most is:read -is:starred", func(a Article) bool { return tagged(a, "most") && !unread(a) && !a.Starred }},
	{"(tag:one OR tag:some) is:unread", func(a Article) bool { return (tagged(a, "one") || tagged(a, "some")) && unread(a) }},
	{"tag:most is:starred source:reuters", func(a Article) bool { return tagged(a, "most") && a.Starred && a.Source == "Reuters" }},
	{"tag:nosuch is:unread", func(Article) bool { return false }},
	{"is:starred minister", func(a Article) bool { return a.Starred && hasWord(a, "minister") }},
	{"is:unread oil", func(a Article) bool { return unread(a) && hasWord(a, "oil") }},
	{"is:read grain", func(a Article) bool { return !unread(a) && hasWord(a, "grain") }},
	{"tag:some oil", func(a Article) bool { return tagged(a, "some") && hasWord(a, "oil") }},
	{"tag:most is:unread oil", func(a Article) bool { return tagged(a, "most") && unread(a) && hasWord(a, "oil") }},
	{"source:reuters is:unread storm", func(a Article) bool { return a.Source == "Reuters" && unread(a) && hasWord(a, "storm") }},
	{"is:starred -oil gas", func(a Article) bool { return a.Starred && !hasWord(a, "oil") && hasWord(a, "gas") }},
	{"is:unread (oil OR tag:one)", func(a Article) bool { return unread(a) && (hasWord(a, "oil") || tagged(a, "one")) }},
}

func tagged(a Article, name string) bool {
	return slices.ContainsFunc(a.Tags, func(t ArticleTag) bool { return t.Name == name })
}

func unread(a Article) bool { return a.ReadAt.IsZero() }

// hasWord reports whether the article's title or body has the word, in
// any case: the generated articles' words are ASCII.
func hasWord(a Article, word string) bool {
	words := strings.FieldsFunc(strings.ToLower(a.Title+" "+a.Body), func(r rune) bool { return !unicode.IsLetter(r) })
	return slices.Contains(words, word)
}

func sorted(ids []int64) []int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return ids
}
