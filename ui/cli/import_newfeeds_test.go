package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestImportSaysWhichFeedsItSubscribedTo: articles that name their feed (an
// export's) subscribe the library to it, and the summary says so, with the
// way to unsubscribe; a feed address the import will not subscribe to (one
// with escape sequences in it, one longer than an address may be, in
// Markdown or JSON) leaves its article without a feed, with a warning
// naming the file and line.
func TestImportSaysWhichFeedsItSubscribedTo(t *testing.T) {
	long := "http://example.org/" + strings.Repeat("a", 1<<20)
	dir := tree(t, map[string]string{
		"a.md":    "---\ntitle: A\nsource: Desk\nfeed: https://example.org/a.xml\n---\n\nBody A.\n",
		"b.md":    "---\ntitle: B\nsource: Desk\nfeed: https://example.org/a.xml\n---\n\nBody B.\n",
		"esc.md":  "---\ntitle: Esc\nsource: Desk\nfeed: \"http://127.0.0.1:8765/\\e[2J\\e]0;x\\a\"\n---\n\nBody esc.\n",
		"long.md": "---\ntitle: Long\nsource: Desk\nfeed: " + long + "\n---\n\nBody long.\n",
		"c.jsonl": `{"external_id": "c", "title": "C", "source": "Desk", "body": "Body C.", "feed": "http://example.net/rss"}` + "\n" +
			`{"external_id": "d", "title": "D", "source": "Desk", "body": "Body D.", "feed": "` + long + `"}` + "\n",
	}, nil)
	st := openStore(t)
	rep, out := importPaths(t, st, dir, ".")
	if rep.Added != 6 {
		t.Fatalf("added %d, want 6:\n%s", rep.Added, out)
	}
	for _, want := range []string{
		"note: subscribed to 2 feeds the articles came from: https://example.org/a.xml, http://example.net/rss (tidings feed remove URL unsubscribes)\n",
		`warning: esc.md:1: front matter line 4: feed "http://127.0.0.1:8765/\x1b[2J\x1b]0;x\a" has control characters in it: the article is kept without its feed` + "\n",
		"warning: long.md:1: front matter line 4: feed \"http://example.org/aaa",
		"warning: c.jsonl:2: feed \"http://example.org/aaa",
		"is 1,048,595 bytes long, where an address has at most 2,048: the article is kept without its feed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary does not say %q:\n%s", want, out)
		}
	}
	list, err := st.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, f := range list {
		urls = append(urls, oneLine(f.URL, 60))
	}
	if len(urls) != 2 {
		t.Errorf("subscribed to %q, want the two the summary names", urls)
	}

	// Again: the library has them now, and the summary says nothing of them.
	if _, out := importPaths(t, st, dir, "."); strings.Contains(out, "subscribed") {
		t.Errorf("imported again, the summary says:\n%s", out)
	}
}

// TestNewFeedsNote: the summary names a few of the feeds an import
// subscribed to, and counts the rest.
func TestNewFeedsNote(t *testing.T) {
	urls := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("https://example.org/%d.xml", i+1))
		}
		return out
	}
	tests := []struct {
		n    int
		want string
	}{
		{1, "subscribed to 1 feed the articles came from: https://example.org/1.xml (tidings feed remove URL unsubscribes)"},
		{4, "subscribed to 4 feeds the articles came from: https://example.org/1.xml, https://example.org/2.xml, " +
			"https://example.org/3.xml, https://example.org/4.xml (tidings feed remove URL unsubscribes)"},
		{1200, "subscribed to 1,200 feeds the articles came from: https://example.org/1.xml, https://example.org/2.xml, " +
			"https://example.org/3.xml and 1,197 more (tidings feed list lists them; tidings feed remove URL unsubscribes)"},
	}
	for _, tt := range tests {
		if got := newFeedsNote(urls(tt.n)); got != tt.want {
			t.Errorf("%d feeds:\n got %s\nwant %s", tt.n, got, tt.want)
		}
	}
	// An address is written so that what it is, is seen.
	if got := newFeedsNote([]string{"https://example.org/\u202eexe.xml"}); !strings.Contains(got, `"https://example.org/\u202eexe.xml"`) {
		t.Errorf("bidi address shown as %s", got)
	}
}
