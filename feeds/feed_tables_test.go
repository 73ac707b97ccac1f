package feeds_test

import (
	"context"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// tableEntries are feed entries holding tables the Markdown cannot write
// as tables (a cell of paragraphs, a list, a quote, code or another table,
// a newsletter laid out in tables), with the words each must be found by
// and the words run together that must not be in its text.
var tableEntries = map[string]struct {
	content    string
	words, not []string
}{
	"a list in a cell": {
		`<p>Before.</p><table><tr><th>Alpha</th><th>Beta</th></tr><tr><td><ul><li>x</li><li>y</li></ul></td><td>b1</td></tr>` +
			`<tr><td>gamma</td><td>delta</td></tr></table><p>After.</p>`,
		[]string{"Alpha", "Beta", "gamma", "delta", "b1"}, []string{"AlphaBeta", "gammadelta"}},
	"paragraphs in a cell": {
		`<table><tr><td>Alpha</td><td>Beta</td></tr><tr><td><p>Para one</p><p>Para two</p></td><td>x</td></tr></table>`,
		[]string{"Alpha", "Beta", "one", "two"}, []string{"AlphaBeta", "twox"}},
	"a quote in a cell": {
		`<table><tr><td>Alpha</td><td>Beta</td></tr><tr><td><blockquote>quoted</blockquote></td><td>x</td></tr></table>`,
		[]string{"Alpha", "Beta", "quoted"}, []string{"AlphaBeta"}},
	"code in a cell": {
		`<table><tr><td>Alpha</td><td>Beta</td></tr><tr><td><pre>code</pre></td><td>x</td></tr></table>`,
		[]string{"Alpha", "Beta", "code"}, []string{"AlphaBeta"}},
	"a table in a cell": {
		`<table><tr><td>Alpha</td><td>Beta</td></tr><tr><td><table><tr><td>Deep</td></tr></table></td></tr></table>`,
		[]string{"Alpha", "Beta", "Deep"}, []string{"AlphaBeta"}},
	"tables in a table's cell": {
		`<table><tr><td><table><tr><td>Alpha</td><td>Beta</td></tr><tr><td><table><tr><td>Deep</td></tr></table></td></tr></table></td>` +
			`<td>Outer second</td></tr></table>`,
		[]string{"Alpha", "Beta", "Deep", "Outer", "second"}, []string{"AlphaBeta"}},
	"a header row over a quote": {
		`<table><thead><tr><th>Lib</th><th>Version</th><th>Link</th></tr></thead><tbody><tr><td>foo</td><td><code>1.2.3</code></td>` +
			`<td><a href="https://foo.example/">site</a></td></tr><tr><td><blockquote>quoted</blockquote></td><td>2.0</td><td>x</td></tr></tbody></table>`,
		[]string{"Lib", "Version", "Link", "foo", "quoted", "site"}, []string{"LibVersionLink", "LibVersion"}},
	"a newsletter laid out in tables": {
		`<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">` +
			`<table width="600"><tr><td><h1>Morning Brief</h1></td></tr>` +
			`<tr><td><p>Good morning. Today: markets, weather, and sports LAYOUTP1.</p></td></tr>` +
			`<tr><td><table><tr><td><img src="https://img.example/a.jpg" alt="Chart"></td><td><p>Stocks rose sharply on Tuesday STOCKS.</p>` +
			`<p><a href="https://news.example/stocks">Read more</a></p></td></tr></table></td></tr>` +
			`<tr><td>Weather: sunny WEATHER</td><td>Sports: team won SPORTS</td></tr></table></td></tr></table>`,
		[]string{"LAYOUTP1", "STOCKS", "WEATHER", "Sports", "SPORTS", "Chart"}, []string{"WEATHERSports", "ChartStocks"}},
}

// TestFeedTableCellsApart: the cells of a feed entry's table that the
// Markdown cannot write as a table stay apart, as blocks or words, as they
// do in a page imported as an HTML file: every word of every cell is found
// by a search, none runs into its neighbour's.
func TestFeedTableCellsApart(t *testing.T) {
	ctx := context.Background()
	for name, tc := range tableEntries {
		t.Run(name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Tables</title><link>https://feed.example/</link>` +
				`<item><title>Entry</title><guid>entry-1</guid><description>` + html.EscapeString(tc.content) +
				`</description></item></channel></rss>`
			feed, err := feeds.ParseFeed([]byte(doc), "", "https://feed.example/rss", feeds.Subscription{URL: "https://feed.example/rss"})
			if err != nil || len(feed.Articles) != 1 {
				t.Fatalf("%d articles, %v", len(feed.Articles), err)
			}
			body := feed.Articles[0].Body
			for _, glued := range tc.not {
				if strings.Contains(body, glued) {
					t.Errorf("cells run together as %q:\n%s", glued, body)
				}
			}
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Import(ctx, feed.Articles); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.words {
				if n, err := s.Count(ctx, w); err != nil || n != 1 {
					t.Errorf("search %s: %d articles (%v), want 1; body:\n%s", w, n, err, body)
				}
			}
		})
	}
}

// TestFeedTableEntryKnownAsBefore: an entry without a guid or a link is
// known by a hash of its text as tidings read it before its tables' cells
// were kept apart: fetched again, it is the same article, not a second.
func TestFeedTableEntryKnownAsBefore(t *testing.T) {
	ctx := context.Background()
	// The ids tidings gave these entries before (509d484).
	for name, before := range map[string]string{
		"a newsletter laid out in tables": "feed:https://feed.example/rss#h:a5b1a208162f6a33791385346e53a981",
		"a list in a cell":                "feed:https://feed.example/rss#h:a1f04ccdfef1fd8c8ba5111dc075fdbe",
	} {
		t.Run(name, func(t *testing.T) {
			doc := `<?xml version="1.0"?><rss version="2.0"><channel><title>Tables</title><link>https://feed.example/</link>` +
				`<item><title>No guid</title><description>` + html.EscapeString(tableEntries[name].content) +
				`</description></item></channel></rss>`
			feed, err := feeds.ParseFeed([]byte(doc), "", "https://feed.example/rss", feeds.Subscription{URL: "https://feed.example/rss"})
			if err != nil || len(feed.Articles) != 1 {
				t.Fatalf("%d articles, %v", len(feed.Articles), err)
			}
			now := feed.Articles[0]
			s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			then := now
			then.ExternalID, then.FormerIDs = before, nil
			then.Body += "\n\nAs read then."
			if outs, err := s.Import(ctx, []feeds.Article{then}); err != nil || outs[0] != store.Added {
				t.Fatalf("the import of then: %v, %v", outs, err)
			}
			if now.ExternalID != before {
				t.Errorf("id %s, want %s", now.ExternalID, before)
			}
			if outs, err := s.Import(ctx, []feeds.Article{now}); err != nil || outs[0] != store.Updated {
				t.Errorf("imported again: %v, %v; want updated", outs, err)
			}
			if n, err := s.Count(ctx, ""); err != nil || n != 1 {
				t.Errorf("%d articles (%v), want 1", n, err)
			}
		})
	}
}
