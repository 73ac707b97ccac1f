package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
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

// TestMarkdownExportMovesALibrary: a library moved through a Markdown export
// keeps what its front matter says of the library: when each article was
// added (an undated one keeps its place in the list), the feed it belongs
// to, and which of its tags a rule set, so that feed remove --purge keeps
// the same articles there. Exported again from there, it reads the same,
// and every import of either export, into either library, changes nothing.
func TestMarkdownExportMovesALibrary(t *testing.T) {
	ctx := context.Background()
	from := openStore(t)
	url := serveFeed(t, atomFeed)
	subscribe(t, from, url)
	added := time.Date(2024, 1, 2, 9, 30, 0, 0, time.UTC)
	if _, err := from.Import(ctx, []feeds.Article{
		{ExternalID: "note-1", Source: "Notes", Title: "Kestrels", Body: "Kestrels nest on the old tower.", Added: added},
		{ExternalID: "note-2", Source: "Notes", Title: "Swifts", Body: "Swifts return in May.", Added: added.Add(time.Hour)},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := from.ApplyRulesToLibrary(ctx, []store.Rule{{Query: `kestrels OR feed:"Atom Blog"`, Tags: []string{"auto"}}}); err != nil {
		t.Fatal(err)
	}
	e1, err := from.ArticleByExternalID(ctx, "feed:"+url+"#urn:e1")
	if err != nil {
		t.Fatal(err)
	}
	if err := from.Tag(ctx, []int64{e1.ID}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}

	// The library as the list shows it, newest first: each article's id,
	// when it was added, its feed, and its tags, marked when a rule set them.
	library := func(st *store.Store) []string {
		urls, err := feedURLs(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		if err := st.Search(ctx, "", 0, func(a store.Article) error {
			line := fmt.Sprintf("%s added %s feed %q tags", a.ExternalID, a.Added.UTC().Format(time.RFC3339), urls[a.FeedID])
			for _, tg := range a.Tags {
				line += " " + tg.Name
				if tg.ByRule {
					line += "(rule)"
				}
			}
			out = append(out, line)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// The files of an export, without the library's ids in them.
	exported := func(dir string) []string {
		names, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, regexp.MustCompile(`(?m)^id: \d+\n`).ReplaceAllString(string(data), ""))
		}
		slices.Sort(docs)
		return docs
	}
	export := func(st *store.Store) string {
		dir := t.TempDir()
		if rep, err := Export(ctx, st, nil, ExportOptions{Format: "md", Out: dir}); err != nil || rep.Articles != 4 {
			t.Fatalf("export: %+v, %v", rep, err)
		}
		return dir
	}
	unchanged := func(st *store.Store, dir, what string) {
		t.Helper()
		if rep, summary := importPaths(t, st, dir, "."); rep.Unchanged != 4 || rep.Added+rep.Updated != 0 || len(rep.Failed) != 0 {
			t.Errorf("%s: %s", what, summary)
		}
	}

	first := export(from)
	to := openStore(t)
	if rep, summary := importPaths(t, to, first, "."); rep.Added != 4 || len(rep.Failed) != 0 || strings.Contains(summary, "warning") {
		t.Fatalf("importing the export into a new library: %s", summary)
	}
	if got, want := library(to), library(from); !slices.Equal(got, want) {
		t.Errorf("the new library:\n%s\nwant, as the old one:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n, err := to.Count(ctx, `feed:"Atom Blog"`); err != nil || n != 2 {
		t.Errorf(`feed:"Atom Blog" counts %d, %v in the new library; want 2`, n, err)
	}

	second := export(to)
	if got, want := exported(second), exported(first); !slices.Equal(got, want) {
		t.Errorf("exported again from the new library:\n%s\nwant, as from the old one:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	unchanged(to, second, "the new library's export imported into it")
	unchanged(from, second, "the new library's export imported into the old one")
	unchanged(to, first, "the old library's export imported into the new one again")

	if r, err := to.RemoveFeed(ctx, url, true); err != nil || r.Deleted != 1 || r.Kept != 1 {
		t.Errorf("feed remove --purge in the new library: %+v, %v; want the one article the reader did not tag removed", r, err)
	}
}
