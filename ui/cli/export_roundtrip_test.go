package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestExportImportsBackUnchanged: an export imported back into the library
// it came from changes nothing, in either format: every article unchanged,
// a feed's articles still the feed's (its counts, feed: queries, purge),
// what the reader did kept.
func TestExportImportsBackUnchanged(t *testing.T) {
	for _, format := range []string{"md", "json"} {
		t.Run(format, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t)
			url := serveFeed(t, atomFeed)
			subscribe(t, st, url, "blog")
			files := tree(t, map[string]string{
				"a.txt": sampleArticle(1, "2024-03-05", "The harbour reopened.") + sampleArticle(2, "", "No date here."),
				"b.md":  "---\ntitle: 'Oil: a record'\nauthor: Ann Lee, Bo Ek\ndate: 2024-03-05T08:30:00+01:00\nurl: https://example.com/oil\n---\n\nPrices rose.\n",
			}, nil)
			if rep, out := importPaths(t, st, files, "."); rep.Added != 3 {
				t.Fatalf("importing the files: %s", out)
			}
			ids := map[string]int64{}
			for _, ext := range []string{"feed:" + url + "#urn:e1", "feed:" + url + "#urn:e2", sampleID(1), sampleID(2)} {
				a, err := st.ArticleByExternalID(ctx, ext)
				if err != nil {
					t.Fatal(err)
				}
				ids[ext] = a.ID
			}
			e1, e2 := ids["feed:"+url+"#urn:e1"], ids["feed:"+url+"#urn:e2"]
			if err := st.Tag(ctx, []int64{e1, ids[sampleID(1)]}, []string{"Long Read", "x"}, nil); err != nil {
				t.Fatal(err)
			}
			if err := st.SetRead(ctx, []int64{e2, ids[sampleID(2)]}, true); err != nil {
				t.Fatal(err)
			}
			if err := st.SetStarred(ctx, []int64{e1}, true); err != nil {
				t.Fatal(err)
			}
			if err := st.Retitle(ctx, e2, "My own title"); err != nil {
				t.Fatal(err)
			}
			if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: e1, Note: "my note"}); err != nil {
				t.Fatal(err)
			}

			out := t.TempDir()
			if _, err := Export(ctx, st, nil, ExportOptions{Format: format, Out: out}); err != nil {
				t.Fatal(err)
			}
			for round := range 2 {
				rep, summary := importPaths(t, st, out, ".")
				if rep.Added != 0 || rep.Updated != 0 || rep.Unchanged != 5 || len(rep.Failed) != 0 {
					t.Errorf("import %d of the export: %s", round+1, summary)
				}
			}
			var list bytes.Buffer
			if err := ListFeeds(ctx, st, &list); err != nil || !strings.Contains(list.String(), "2 articles (1 unread)") {
				t.Errorf("feed list after the import: %s, %v", list.String(), err)
			}
			for q, want := range map[string]int{`feed:"Atom Blog"`: 2, "is:starred": 1, "is:read": 2, `tag:"Long Read"`: 2,
				"is:annotated": 1, `title:"My own title"`: 1, "tag:blog": 2} {
				if n, err := st.Count(ctx, q); err != nil || n != want {
					t.Errorf("%s counts %d, %v; want %d", q, n, err, want)
				}
			}
			if r, err := st.RemoveFeed(ctx, url, true); err != nil || r.Articles != 2 {
				t.Errorf("feed remove --purge: %+v, %v; want the feed's 2 articles", r, err)
			}
		})
	}
}

// TestExportKeepsWhatRulesTagged: a library moved through a JSON export
// keeps telling the tags rules set from the reader's, so removing a feed
// with --purge there keeps the same articles as it would have here.
func TestExportKeepsWhatRulesTagged(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	url := serveFeed(t, atomFeed)
	subscribe(t, st, url)
	if _, err := st.ApplyRulesToLibrary(ctx, []store.Rule{{Query: `feed:"Atom Blog"`, Tags: []string{"auto"}}}); err != nil {
		t.Fatal(err)
	}
	mine, err := st.ArticleByExternalID(ctx, "feed:"+url+"#urn:e1")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Tag(ctx, []int64{mine.ID}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := Export(ctx, st, nil, ExportOptions{Format: "json", Out: out}); err != nil {
		t.Fatal(err)
	}
	moved := openStore(t)
	if rep, summary := importPaths(t, moved, out, "."); rep.Added != 2 || len(rep.Failed) != 0 {
		t.Fatalf("importing the export into a new library: %s", summary)
	}
	for _, ext := range []string{"feed:" + url + "#urn:e1", "feed:" + url + "#urn:e2"} {
		a, err := moved.ArticleByExternalID(ctx, ext)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range a.Tags {
			if want := tag.Name != "mine"; tag.ByRule != want {
				t.Errorf("%s: tag %s set by a rule: %v, want %v", ext, tag.Name, tag.ByRule, want)
			}
		}
	}
	if r, err := moved.RemoveFeed(ctx, url, true); err != nil || r.Deleted != 1 || r.Kept != 1 {
		t.Errorf("feed remove --purge in the new library: %+v, %v; want the one article the reader did not tag removed", r, err)
	}
}
