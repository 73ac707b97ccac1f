package feeds_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestCJKBreakPageBody: a line break inside Chinese or Japanese text in
// a page's HTML goes from its body and from the title taken from it, as a
// browser lays such text out and as a Markdown file's is taken out of its
// title: 東京都 wrapped before 庁 is 東京都庁. One in preformatted text,
// or between words of Korean or of Latin letters, stays a space.
func TestCJKBreakPageBody(t *testing.T) {
	tests := map[string]struct{ page, title, body string }{
		"japanese": {"<html><body><p>東京都\n庁の発表がありました。続きです。</p></body></html>",
			"東京都庁の発表がありました", "東京都庁の発表がありました。続きです。"},
		"spaces around the break": {"<html><body><p>東京都 \n\t庁の発表がありました。</p></body></html>",
			"東京都庁の発表がありました", "東京都庁の発表がありました。"},
		"crlf": {"<html><body><p>北京\r\n上海の話です。</p></body></html>",
			"北京上海の話です", "北京上海の話です。"},
		"in a link": {"<html><body><p><a href=\"https://example.com/a\">東京都\n庁</a>の発表です。</p></body></html>",
			"東京都庁の発表です", "[東京都庁](https://example.com/a)の発表です。"},
		"a typed space stays": {"<html><body><p>東京 大阪の話です。</p></body></html>",
			"東京 大阪の話です", "東京 大阪の話です。"},
		"korean": {"<html><body><p>서울\n에서 열린 회의.</p></body></html>",
			"서울 에서 열린 회의", "서울 에서 열린 회의."},
		"latin": {"<html><body><p>The harbour\nboard met.</p></body></html>",
			"The harbour board met", "The harbour board met."},
		"preformatted": {"<html><body><p>東京都\n庁の発表。</p><pre>東京\n大阪</pre></body></html>",
			"東京都庁の発表", "東京都庁の発表。\n\n```\n東京\n大阪\n```"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := readOne(t, "page.html", "html", tc.page)
			if a.Title != tc.title || a.Body != tc.body {
				t.Errorf("title %q, body %q; want %q, %q", a.Title, a.Body, tc.title, tc.body)
			}
		})
	}
}

// TestCJKBreakPageKeepsImported: a page a release before imported with a
// space for the line break in 東京都\n庁 (its id below is what it made)
// is the article imported again, not a second one; it is then found by
// title:東京都庁 and 東京都庁.
func TestCJKBreakPageKeepsImported(t *testing.T) {
	const oldID = "h:5e44027b08a90ef02c65211590015123"
	a := readOne(t, "page.html", "html", "<html><body><p>東京都\n庁の発表がありました。続きです。</p></body></html>\n")
	if a.ExternalID != oldID && !slices.Contains(a.FormerIDs, oldID) {
		t.Errorf("id %s, former ids %q; neither is the id it had, %s", a.ExternalID, a.FormerIDs, oldID)
	}
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := feeds.Article{ExternalID: oldID, Title: "東京都 庁の発表がありました", Body: "東京都 庁の発表がありました。続きです。"}
	if _, err := s.Import(ctx, []feeds.Article{before}); err != nil {
		t.Fatal(err)
	}
	outs, err := s.Import(ctx, []feeds.Article{a})
	if err != nil || len(outs) != 1 || outs[0] == store.Added {
		t.Fatalf("import: %v, %v; want the article imported before found", outs, err)
	}
	for _, q := range []string{"", "title:東京都庁", "東京都庁"} {
		if n, err := s.Count(ctx, q); err != nil || n != 1 {
			t.Errorf("%q finds %d (%v), want 1", q, n, err)
		}
	}
	if strings.Contains(a.Body, "東京都 庁") {
		t.Errorf("body %q keeps the break as a space", a.Body)
	}
}
