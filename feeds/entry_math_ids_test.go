package feeds_test

import (
	"context"
	"html"
	"path/filepath"
	"slices"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// TestMathAndLineNumberEntriesKnownAsBefore: an entry without a guid or a
// link is known by a hash of its text as tidings read it before it read
// MathML as text and dropped the line numbers beside code: fetched again,
// it is the same article, not a second.
func TestMathAndLineNumberEntriesKnownAsBefore(t *testing.T) {
	ctx := context.Background()
	// The ids tidings gave these entries before (abd62b8).
	for _, tt := range []struct{ name, content, before string }{
		{"math with its TeX", `<p>Let <math alttext="a \neq 0"><mi>a</mi><mo>≠</mo><mn>0</mn></math> be given.</p>`,
			"feed:https://feed.example/rss#h:2a6f27b4565d24d76f4941a351988c67"},
		{"math alone", `<math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>`,
			"feed:https://feed.example/rss#h:f0a476813a02fd4d0be4ea5cd9a838fb"},
		{"scripts side by side", `<p>The sum <math><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub><mo>+</mo><msup><mi>x</mi><mn>2</mn></msup><mi>y</mi></math> grows.</p>`,
			"feed:https://feed.example/rss#h:313eeb752bb58361268395b8b1ffce1b"},
		{"numbers in spans", "<p>Code:</p><pre><code><span class=\"linenos\">1</span>x = 1\n<span class=\"linenos\">2</span>y = 2\n</code></pre>",
			"feed:https://feed.example/rss#h:7eafd9ebaf96eb8c0e33a3a0e4f125ee"},
		{"a gutter in a table", "<table><tbody><tr><td class=\"gutter\"><pre>1\n2</pre></td><td class=\"code\"><pre>x\ny</pre></td></tr></tbody></table>",
			"feed:https://feed.example/rss#h:06b4150ed98d967136ed836a026a7124"},
		{"a gutter in blocks", "<div><pre>1\n2</pre></div><div><pre>x = 1\ny = 2</pre></div>",
			"feed:https://feed.example/rss#h:cbc232d85fcc599efbbce19233b19fae"},
		{"code without numbers", "<p>Plain code:</p><pre><code>x := 1\n</code></pre>",
			"feed:https://feed.example/rss#h:26c875f1cb8c11fa1585602b9850ac0e"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Code and math</title><link>https://feed.example/</link>` +
				`<item><title>No guid</title><description>` + html.EscapeString(tt.content) +
				`</description></item></channel></rss>`
			feed, err := feeds.ParseFeed([]byte(doc), "", "https://feed.example/rss", feeds.Subscription{URL: "https://feed.example/rss"})
			if err != nil || len(feed.Articles) != 1 {
				t.Fatalf("%d articles, %v", len(feed.Articles), err)
			}
			now := feed.Articles[0]
			if now.ExternalID != tt.before && !slices.Contains(now.FormerIDs, tt.before) {
				t.Errorf("id %s (former %v), want %s among them", now.ExternalID, now.FormerIDs, tt.before)
			}
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			then := now
			then.ExternalID, then.FormerIDs = tt.before, nil
			then.Body += "\n\nAs read then."
			if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || outs[0] != store.Added {
				t.Fatalf("the import of then: %v, %v", outs, err)
			}
			if outs, err := s.Import(ctx, []feeds.Article{now}); err != nil || outs[0] != store.Updated {
				t.Errorf("fetched again: %v, %v; want updated", outs, err)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 1 {
				t.Errorf("%d articles (%v), want 1", n, err)
			}
		})
	}
}
