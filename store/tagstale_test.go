package store

import (
	"context"
	"database/sql"
	"testing"
)

// olderTidings is the library at path as a tidings from before migration 13
// writes it, left running while a newer one upgraded the library.
func olderTidings(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// olderTag tags an article as that tidings does: by the tag's name alone,
// creating it with no folded name.
func olderTag(db *sql.DB, articleID int64, name string) error {
	var id int64
	err := db.QueryRow(`SELECT id FROM tags WHERE name = ?`, name).Scan(&id)
	if err == sql.ErrNoRows {
		err = db.QueryRow(`INSERT INTO tags(name) VALUES (?) RETURNING id`, name).Scan(&id)
	}
	if err != nil {
		return err
	}
	_, err = db.Exec(`INSERT OR IGNORE INTO article_tags(article_id, tag_id, added) VALUES (?, ?, 1)`, articleID, id)
	return err
}

// TestTagsOfAnOlderTidings: a tag an older tidings created in the library
// after this one upgraded it is found by tag: in any case once this one
// opens the library for writing, and a tidings that had it open already
// finds it when it tags or untags: tagging in another case adds no tag
// and does not fail. A tag of that name in another case already there
// takes it in.
func TestTagsOfAnOlderTidings(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		older  string // the tag the older tidings gives the second article
		reopen bool   // this tidings opens the library again after
		write  func(s *Store, first, second int64) error
		tags   string // the tags list after
		query  string
		count  int
	}{
		{"opened again", "Zebra", true, nil, eteNFC + ":1 Zebra:1", "tag:zebra", 1},
		{"opened again, one in another case", eteUpper, true, nil, eteNFC + ":2", "tag:" + eteShout, 2},
		{"tagged while open", "Zebra", false, func(s *Store, first, _ int64) error {
			return s.Tag(ctx, []int64{first}, []string{"zebra"}, nil)
		}, eteNFC + ":1 Zebra:2", "tag:ZEBRA", 2},
		{"tagged in another script's case while open", eteUpper, false, func(s *Store, first, second int64) error {
			return s.Tag(ctx, []int64{first, second}, []string{eteShout}, nil)
		}, eteNFC + ":2", "tag:" + eteUpper, 2},
		{"untagged while open", "Zebra", false, func(s *Store, _, second int64) error {
			return s.Tag(ctx, []int64{second}, nil, []string{"zebra"})
		}, eteNFC + ":1", "tag:zebra", 0},
		{"tagged by query while open", "Zebra", false, func(s *Store, _, _ int64) error {
			_, err := s.TagQuery(ctx, "", []string{"ZEBRA"}, nil)
			return err
		}, eteNFC + ":1 Zebra:2", "tag:zebra", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, art("f1", "2024-03-05", "First story. Text."), art("f2", "2024-03-04", "Second story. Text."))
			first, second := mustArticleID(t, s, "f1"), mustArticleID(t, s, "f2")
			if err := s.Tag(ctx, []int64{first}, []string{eteNFC}, nil); err != nil {
				t.Fatal(err)
			}
			old := olderTidings(t, s.Path())
			if err := olderTag(old, second, tt.older); err != nil {
				t.Fatal(err)
			}
			if tt.reopen {
				path := s.Path()
				s.Close()
				var err error
				if s, err = Open(path, Options{}); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
			}
			if tt.write != nil {
				if err := tt.write(s, first, second); err != nil {
					t.Fatal(err)
				}
			}
			if got := tagList(t, s); got != tt.tags {
				t.Errorf("Tags = %+q, want %+q", got, tt.tags)
			}
			if n, err := s.Count(ctx, tt.query); err != nil || n != tt.count {
				t.Errorf("Count(%+q) = %d, %v; want %d", tt.query, n, err, tt.count)
			}
			// No tag is left without its folded name: the older tidings
			// can create another.
			if err := olderTag(old, first, "another"); err != nil {
				t.Errorf("the older tidings tags again: %v", err)
			}
		})
	}
}

// TestOpenLeavesFoldedTagsAlone: opening a library whose tags all have their
// folded names writes nothing.
func TestOpenLeavesFoldedTagsAlone(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("f1", "2024-03-05", "First story. Text."))
	if err := s.Tag(ctx, []int64{mustArticleID(t, s, "f1")}, []string{eteUpper}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if after, err := s.Generation(ctx); err != nil || after != before {
		t.Errorf("generation %d after opening, %v; want %d", after, err, before)
	}
}
