package feeds_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// codeRefsFile is a Markdown file whose code blocks write references to
// control characters, as a shell snippet does, beside text and a code
// span that write them too.
const codeRefsFile = "---\ntitle: Code refs\ndate: 2025-01-01\n---\n\nOutside &#27;[31m text.\n\n```\n&#27; &#x1b;[31m\n```\n\n" +
	"Span `&#27;[0m` here.\n\n    indented &#27;[1m\n"

// TestMarkdownCodeRefsKept: a Markdown file's code blocks keep the
// references to control characters they write, as text, in the library;
// in its text and its code spans they go. Imported by a tidings that took
// them out of its code blocks too, the file is found again by the id it
// had then: updated, not added a second time.
func TestMarkdownCodeRefsKept(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "code.md")
	if err := os.WriteFile(file, []byte(codeRefsFile), 0o644); err != nil {
		t.Fatal(err)
	}
	now := []feeds.Article{readFile(t, file)}
	const want = "Outside [31m text.\n\n```\n&#27; &#x1b;[31m\n```\n\nSpan `[0m` here.\n\n    indented &#27;[1m"
	if now[0].Body != want {
		t.Errorf("body %q\nwant %q", now[0].Body, want)
	}

	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// As 509d484 stored it, under the id it gave it.
	then := now[0]
	then.ExternalID, then.FormerIDs, then.LooseID = "h:3b1f6be56dd2c7883f0fa9fa2e10773d", nil, ""
	then.Body = "Outside [31m text.\n\n```\n [31m\n```\n\nSpan `[0m` here.\n\n    indented [1m"
	if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || outs[0] != store.Added {
		t.Fatalf("the import of then: %v, %v", outs, err)
	}
	for i, want := range []store.Outcome{store.Updated, store.Unchanged} {
		outs, err := s.Import(ctx, now)
		if err != nil || len(outs) != 1 || outs[0] != want {
			t.Errorf("import %d: %v, %v; want %v", i+1, outs, err, want)
		}
	}
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("%d articles (%v), want 1", n, err)
	}
	var stored string
	if err := s.Search(ctx, "", 10, func(a store.Article) error {
		stored = a.Body
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stored, "&#27; &#x1b;[31m") {
		t.Errorf("stored body %q", stored)
	}
}
