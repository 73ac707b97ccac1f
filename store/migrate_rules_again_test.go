package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds"
)

// library23 writes a library as a tidings of schema version 23 from
// before migration 24 left it: migration 23 had cut rules' long tags
// (cutTagName) but kept the rules that cutting made one, and left long
// retitles whole.
func library23(t *testing.T, fill func(db *sql.DB)) (path string, db *sql.DB) {
	t.Helper()
	path, db = oldLibrary(t, 23)
	fill(db)
	return path, db
}

// TestUpgradeFromVersion23MergesRulesAndCutsRetitles: a library already
// at version 23, which merged long tags but kept the rules made one by the
// cut twice and long retitles whole, has one rule and a cut retitle once
// upgraded, the id of the rule merged away not given again; running
// migration 24 again changes nothing.
func TestUpgradeFromVersion23MergesRulesAndCutsRetitles(t *testing.T) {
	w := func(n int) string { return strings.Repeat("w", n) }
	long := strings.TrimSpace(strings.Repeat("a long title ", 154)) // 2,001 characters
	path, db := library23(t, func(db *sql.DB) {
		for id, tag := range map[int]string{1: w(1200), 2: w(1100)} {
			if _, err := db.Exec(`INSERT INTO rules(id, query, tags, created) VALUES (?, 'harbour', json_array(?), 1)`, id, cutTagName(tag)); err != nil {
				t.Fatal(err)
			}
		}
		plantOld(t, db, []oldArticle{{title: long, body: "Body."}}, func(s string) string { return s })
		execAll(t, db, `UPDATE articles SET retitled = 1 WHERE id = 1`)
	})
	s := upgrade(t, path, db)
	ctx := context.Background()

	rules, err := s.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(rules []Rule) (ids []int64) {
		for _, r := range rules {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := ids(rules); !slices.Equal(got, []int64{1}) {
		t.Errorf("after upgrading from version 23, rules %v, want rule 1 alone", got)
	}
	if r, err := s.AddRule(ctx, "lighthouse", []string{"coast"}); err != nil || r.ID != 3 {
		t.Errorf("a new rule is %d (%v), want 3: 2 was a rule's", r.ID, err)
	}
	want := feeds.ShortLine(long)
	if got := mustArticle(t, s, 1).Title; got != want {
		t.Errorf("the long retitle is %d characters after upgrading, want %d", utf8.RuneCountInString(got), utf8.RuneCountInString(want))
	}
	if n, err := s.Count(ctx, `title:"a long title"`); err != nil || n != 1 {
		t.Errorf(`title:"a long title" finds %d (%v), want the retitled article`, n, err)
	}

	again := migrationCode[24]
	if again == nil {
		t.Fatal("no migration 24 to run again")
	}
	before, _ := s.Rules(ctx)
	if err := s.tx(ctx, func(tx *sql.Tx) error { return again(ctx, tx) }); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Rules(ctx)
	if got := mustArticle(t, s, 1).Title; got != want || !slices.Equal(ids(before), ids(after)) {
		t.Errorf("migration 24 run again changed the library")
	}
}
