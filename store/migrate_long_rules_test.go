package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds"
)

// TestUpgradeMergesRulesOfOneCut: two rules of one query whose tags are one
// tag once cut are one rule after upgrading, the older kept: rule list
// shows it once, rule add of the same names it, and the id of the one
// merged away is not given again. A rule that does something else stays.
func TestUpgradeMergesRulesOfOneCut(t *testing.T) {
	v := func(n int) string { return strings.Repeat("v", n) }
	path, db := oldLibrary(t, 22)
	for _, r := range []struct {
		id    int
		query string
		tags  []string
	}{
		{1, "harbour", []string{v(1200)}},
		{2, "harbour", []string{v(1200), "ferry"}}, // more tags: another rule
		{3, "ferries", []string{v(1200)}},          // another query
		{4, "harbour", []string{strings.ToUpper(v(1100))}},
	} {
		if _, err := db.Exec(`INSERT INTO rules(id, query, tags, created) VALUES (?, ?, json(?), 1)`,
			r.id, r.query, `["`+strings.Join(r.tags, `","`)+`"]`); err != nil {
			t.Fatal(err)
		}
	}
	s := upgrade(t, path, db)
	ctx := context.Background()

	rules, err := s.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range rules {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []int64{1, 2, 3}) {
		t.Errorf("after upgrading, rules %v, want 1, 2 and 3", ids)
	}
	_, err = s.AddRule(ctx, "harbour", []string{v(1300)})
	if dup, ok := errors.AsType[*DuplicateRuleError](err); !ok || dup.Rule.ID != 1 {
		t.Errorf("adding the rule again: %v, want rule 1 doing it already", err)
	}
	if r, err := s.AddRule(ctx, "lighthouse", []string{"coast"}); err != nil || r.ID != 5 {
		t.Errorf("a new rule is %d (%v), want 5: 4 was a rule's", r.ID, err)
	}
}

// TestUpgradeCutsLongRetitles: a title of the reader's stored whole before
// Retitle cut it is cut after upgrading as Retitle cuts one now, and
// searched as cut; a title of the reader's that fits stays as it is.
func TestUpgradeCutsLongRetitles(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("a long title ", 184)) + " coda" // 2,396 characters
	path, db := oldLibrary(t, 22)
	plantOld(t, db, []oldArticle{{title: long, body: "Body."}, {title: "Short mine", body: "Body."}, {title: long, body: "Body."}},
		func(s string) string { return s })
	execAll(t, db, `UPDATE articles SET retitled = 1 WHERE id IN (1, 2)`)
	s := upgrade(t, path, db)
	ctx := context.Background()

	want := feeds.ShortLine(long)
	if got := mustArticle(t, s, 1).Title; got != want {
		t.Errorf("the long retitle is %d characters after upgrading, want %d", utf8.RuneCountInString(got), utf8.RuneCountInString(want))
	}
	if got := mustArticle(t, s, 2).Title; got != "Short mine" {
		t.Errorf("the short retitle is %q, want it as it was", got)
	}
	if n, err := s.Count(ctx, "title:coda"); err != nil || n != 1 {
		t.Errorf("title:coda, past the cut, finds %d (%v), want only the article not retitled", n, err)
	}
	if n, err := s.Count(ctx, `title:"a long title"`); err != nil || n != 2 {
		t.Errorf(`title:"a long title" finds %d (%v), want 2`, n, err)
	}

	// Run again, migration 24 changes nothing.
	before, _ := s.Rules(ctx)
	if err := s.tx(ctx, func(tx *sql.Tx) error { return mergeRulesAndCutTitles(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Rules(ctx)
	if got := mustArticle(t, s, 1).Title; got != want || !slices.EqualFunc(before, after, func(a, b Rule) bool { return a.ID == b.ID }) {
		t.Errorf("migration 24 run again changed the library")
	}
}
