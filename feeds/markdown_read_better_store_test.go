package feeds_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestMarkdownReadBetterKeepsItsArticle: a Markdown file without an id
// that an earlier tidings imported reading it otherwise (its front matter
// after a blank line as body text, a highlight tag's code as a paragraph,
// a date it could not read as none) is found again by the id it had then:
// imported again it updates its article, not adds a second one.
func TestMarkdownReadBetterKeepsItsArticle(t *testing.T) {
	tests := map[string]struct{ file, before string }{
		"front matter after a blank line": {"\n---\ntitle: \"Leading blank line\"\ndate: 2020-01-05\ntags: [a]\n---\n\nBody.\n",
			"h:220997c3da15bf4c5e5d43499eec5f7a"},
		"TOML after lines of spaces": {" \t\n\r\n+++\ntitle = \"Leading blank TOML\"\ndate = 2020-01-05\ntags = [\"a\"]\n+++\n\nBody.\n",
			"h:ef9f6992fd8eb30a273df1ed9635b84e"},
		"a highlight tag": {"---\ntitle: Code\ndate: 2016-10-06\n---\n\nUse it:\n\n{% highlight go linenos %}\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n{% endhighlight %}\n\nDone.\n",
			"h:708b6ca52f449c7bcfb3fd53eb63f820"},
		"an ISO date with its offset": {"---\ntitle: Dated\ndate: 2020-11-11 12:00:00-0600\n---\n\nBody.\n",
			"h:a13c1a3e3d08bb341bb4d13880247e41"},
		"a date in MEZ": {"---\ntitle: Dated MEZ\ndate: Tue, 03 Dec 2019 10:00:00 MEZ\n---\n\nBody.\n",
			"h:a531d31a8767d96f9c532431e434f15f"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "post.md")
			if err := os.WriteFile(file, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			now := readFile(t, file)
			if now.ExternalID == tc.before {
				t.Fatalf("id %s: the file reads as it did before", now.ExternalID)
			}
			foundAsBefore(t, now, tc.before, 1)
		})
	}
}

// foundAsBefore stores now as the tidings before stored it, under the id
// before it gave it, then imports now again, times times: each import
// must find that one article, not add a second.
func foundAsBefore(t *testing.T, now feeds.Article, before string, times int) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	then := now
	then.ExternalID, then.FormerIDs, then.LooseID = before, nil, ""
	if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || outs[0] != store.Added {
		t.Fatalf("the import of then: %v, %v", outs, err)
	}
	for i := range times {
		outs, err := s.Import(ctx, []feeds.Article{now})
		if err != nil || len(outs) != 1 || outs[0] == store.Added {
			t.Errorf("import %d again: %v, %v; want the article found (former ids %q)", i+1, outs, err, now.FormerIDs)
		}
	}
	if n, err := s.Count(ctx, ""); err != nil || n != 1 {
		t.Errorf("%d articles (%v), want 1", n, err)
	}
}
