package store

import (
	"context"
	"testing"

	"tidings/feeds"
)

// TestImportAfterInvisiblesDropped: an article without an id imported
// before its soft hyphens were dropped is found again by the id it had,
// updated (so that its words are found), not imported twice.
func TestImportAfterInvisiblesDropped(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	raw := feeds.Article{Title: "Ferry talks", Source: "Wire", Body: "The Bundes\u00adregierung met."}
	before := raw
	before.ExternalID = feeds.Identity(raw) // as a library from before holds it
	importAll(t, s, before)

	now := raw
	feeds.Normalize(&now)
	if now.ExternalID == before.ExternalID {
		t.Fatal("the id did not change: nothing to test")
	}
	if outs := importAll(t, s, now); len(outs) != 1 || outs[0] != Updated {
		t.Errorf("outcomes %v, want one update", outs)
	}
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("%d articles (%v), want 1", n, err)
	}
	if n, err := s.Count(ctx, "Bundesregierung"); err != nil || n != 1 {
		t.Errorf("Bundesregierung finds %d (%v), want 1", n, err)
	}
	// The file again: unchanged. A backup exported before, which carries
	// the id of before: the same article still.
	if outs := importAll(t, s, now); len(outs) != 1 || outs[0] != Unchanged {
		t.Errorf("the file again: outcomes %v, want unchanged", outs)
	}
	backup := before
	backup.Body = "The Bundesregierung met."
	importAll(t, s, backup)
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("after a backup of before: %d articles (%v), want 1", n, err)
	}
}

// TestImportOfAPageReadBetter: a saved page imported by an earlier tidings,
// which read less of it, is found again by the id it had when imported now
// (updated, not added twice), keeping the reader's tags.
func TestImportOfAPageReadBetter(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := feeds.Article{Title: "Marathon", Source: "News", URL: "https://news.example/m",
		Body: "The record fell.\n\n[Runners](https://news.example/a.jpg)", FormerBody: "The record fell."}
	before := now
	before.Body, before.FormerBody = now.FormerBody, ""
	feeds.Normalize(&before) // as the earlier tidings stored it
	importAll(t, s, before)
	ids := idsOf(t, s, "")
	if err := s.Tag(ctx, ids, []string{"kept"}, nil); err != nil {
		t.Fatal(err)
	}
	feeds.Normalize(&now)
	if outs := importAll(t, s, now); len(outs) != 1 || outs[0] != Updated {
		t.Errorf("outcomes %v, want one update", outs)
	}
	if n, _ := s.Count(ctx, ""); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	if n, _ := s.Count(ctx, "tag:kept Runners"); n != 1 {
		t.Errorf("the updated article lost its tag or its new text")
	}
}

// TestNotesInWords: a note's words are found by the words a reader types
// (a soft hyphen in it goes, as in titles and texts), and a note stored
// before with one is the same note when a backup brings it again.
func TestNotesInWords(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s, art("x", "2024-03-05", "Budget talks."))
	id := idsOf(t, s, "")[0]
	if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "Compare with the Bundes\u00adregierung plan"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "Bundesregierung"); n != 1 {
		t.Errorf("the note's word is not found")
	}
	// A note stored so before: written as it was, then brought by a backup.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO annotations(article_id, quote, prefix, suffix, note, created, updated) VALUES (?, '', '', '', ?, 1, 1)`,
		id, "Old note on the Haus\u00adhalt"); err != nil {
		t.Fatal(err)
	}
	a := art("x", "2024-03-05", "Budget talks.")
	a.Annotations = []feeds.Annotation{{Note: "Old note on the Haus\u00adhalt"}}
	feeds.Normalize(&a) // as an import reads it now
	if a.Annotations[0].Note != "Old note on the Haushalt" {
		t.Fatalf("the note read as %q", a.Annotations[0].Note)
	}
	importAll(t, s, a)
	anns, err := s.Annotations(ctx, id)
	if err != nil || len(anns) != 2 {
		t.Errorf("%d notes (%v), want 2: the backup's note is the one stored before", len(anns), err)
	}
}
