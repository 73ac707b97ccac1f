package cli

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tidings/feeds"
	"tidings/store"
)

// hostileTitles are titles that Markdown reads otherwise than as text: a
// "#" closing a heading, emphasis, escapes, block markers, entities, links,
// HTML, and scripts written right to left.
var hostileTitles = []string{
	"What's new in C#", "C++ & C#", "Learn C #", "Title ###", "We are #1 again #", "*", "#", "##", "# #",
	"# Heading", "## Notes", "#hashtag", "x #", `\`, `ends in a backslash \`, `C:\path\#`, `a \# b`,
	"  leading spaces", "trailing spaces  ", "*emphasis* and _underscore_", "snake_case_name", "`code`",
	"``", "[link](https://example.com)", "![image](x.png)", "[[Wikilink]]", "<b>bold</b>",
	"<https://example.com>", "&amp; an entity", "AT&T", "&#35;", "&copy 2024", "- dash", "+ plus",
	"* star", "1. First", "2) Second", "> quote", ">", "---", "***", "___", "= = =", "```fence",
	"~~~", "~~strike~~", "emoji 🎉🎉 #", "🎉", "עברית חדשה #", "مرحبا بالعالم #", "\u200fRLM first",
	"null", "~", "'quoted'", `"double quoted"`, "title: with a colon", "a | b | c", "$5 or $10",
	"<!-- a comment -->", feeds.NotesMarker, "ends with !", "![", "\\*not emphasis\\*",
	strings.Repeat("long title ", 150) + "#",
}

// roundTripExport exports st as Markdown into a new folder and returns it.
func roundTripExport(t *testing.T, st *store.Store, articles int) string {
	t.Helper()
	dir := t.TempDir()
	rep, err := Export(context.Background(), st, nil, ExportOptions{Format: "md", Out: dir})
	if err != nil || rep.Articles != articles || len(rep.Failed)+len(rep.Kept) != 0 {
		t.Fatalf("export: %+v, %v", rep, err)
	}
	return dir
}

// titlesAndBodies is each article's title and body, by its external id.
func titlesAndBodies(t *testing.T, st *store.Store) map[string][2]string {
	t.Helper()
	out := map[string][2]string{}
	if err := st.Search(context.Background(), "", 0, func(a store.Article) error {
		out[a.ExternalID] = [2]string{a.Title, a.Body}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// exportedDocs is the Markdown files of an export folder, by name, without
// the library's ids in them.
func exportedDocs(t *testing.T, dir string) map[string]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	for _, name := range names {
		doc := regexp.MustCompile(`(?m)^id: \d+\n`).ReplaceAllString(readText(t, name), "")
		docs[regexp.MustCompile(`-\d+\.md$`).ReplaceAllString(filepath.Base(name), "")] = doc
	}
	return docs
}

// sameLibrary reports the articles whose title or body differ in got from
// want.
func sameLibrary(t *testing.T, what string, got, want map[string][2]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d articles, want %d", what, len(got), len(want))
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if g, w := got[id], want[id]; g != w {
			t.Errorf("%s: %s has title %q body %q;\nwant title %q body %q", what, id, g[0], g[1], w[0], w[1])
		}
	}
}

// TestMarkdownExportRoundTripsHostileTitles: whatever its title, an article
// exported as Markdown imports back with the same title and body, into a
// new library and into its own (which it leaves unchanged), and exports
// from there as the same file: a title ending in "#" no longer leaves its
// heading in the body, one more copy at every export and import.
func TestMarkdownExportRoundTripsHostileTitles(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	var batch []feeds.Article
	for i, title := range hostileTitles {
		body := "The body of it.\n\nA second paragraph."
		switch i % 3 {
		case 1:
			body = "" // the heading is all there is
		case 2:
			body = "# " + title + "\n\nThe body repeats the title as a heading."
		}
		a := feeds.Article{ExternalID: fmt.Sprintf("t-%d", i), Source: "S", Title: title, Body: body}
		feeds.Normalize(&a) // as every import stores it
		batch = append(batch, a)
	}
	if _, err := st.Import(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := st.Search(ctx, "", 0, func(a store.Article) error {
		if a.ExternalID == "t-0" || a.ExternalID == "t-5" {
			_, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: a.ID, Note: "a note of mine"})
			return err
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := titlesAndBodies(t, st)
	n := len(hostileTitles)

	first := roundTripExport(t, st, n)
	for round := range 3 {
		if rep, summary := importPaths(t, st, first, "."); rep.Unchanged != n || len(rep.Failed) != 0 {
			t.Errorf("import %d of the export into its own library: %s", round+1, summary)
		}
	}
	sameLibrary(t, "the library after importing its export", titlesAndBodies(t, st), want)

	moved := openStore(t)
	if rep, summary := importPaths(t, moved, first, "."); rep.Added != n || len(rep.Failed) != 0 {
		t.Fatalf("importing the export into a new library: %s", summary)
	}
	sameLibrary(t, "the new library", titlesAndBodies(t, moved), want)

	second := roundTripExport(t, moved, n)
	got, wantDocs := exportedDocs(t, second), exportedDocs(t, first)
	for name, doc := range wantDocs {
		// The notes stay behind: a Markdown import does not read them.
		doc, _, _ = strings.Cut(doc, "\n"+feeds.NotesMarker+"\n\n## Notes\n")
		if got[name] != doc {
			t.Errorf("%s exported again from the new library:\n%s\nwant, as from the old one:\n%s", name, got[name], doc)
		}
	}
	if rep, summary := importPaths(t, moved, second, "."); rep.Unchanged != n || len(rep.Failed) != 0 {
		t.Errorf("the new library's export imported into it: %s", summary)
	}
	sameLibrary(t, "the new library after importing its own export", titlesAndBodies(t, moved), want)
}

// TestMarkdownExportKeepsTheMarkerOfAnArticle: an article whose own text
// holds the line the export writes before the reader's notes imports back
// whole, with or without notes, into a new library and into its own: only
// the marker the export wrote after the article ends it.
func TestMarkdownExportKeepsTheMarkerOfAnArticle(t *testing.T) {
	marker := feeds.NotesMarker
	spaced := strings.Replace(marker, "<!-- ", "<!--  ", 1)
	bodies := map[string]string{
		"a marker line":           "tidings writes this line before the notes:\n\n" + marker + "\n\nEverything after it stays.",
		"the marker last":         "It ends with the marker.\n\n" + marker,
		"the marker first":        marker + "\n\nIt starts with the marker.",
		"a marker and its notes":  "An export quoted:\n\n" + marker + "\n\n## Notes\n\nnot a note of mine\n\nThe article goes on.",
		"the marker in a line":    "Inline " + marker + " and on.",
		"the marker escaped":      "As the export escapes it: " + spaced + " and more.\n\n" + spaced,
		"the marker twice":        marker + "\n" + marker + "\n\n## Notes\n\n" + marker,
		"a marker without spaces": "<!--tidings: the reader's notes, not part of the article -->\n\nText.",
	}
	for name, body := range bodies {
		for noteName, note := range map[string]string{
			"no note":                  "",
			"a note":                   "my note",
			"a note quoting an export": "an export's notes start so:\n\n" + marker + "\n\n## Notes\n\nx",
		} {
			t.Run(name+", "+noteName, func(t *testing.T) {
				ctx := context.Background()
				st := openStore(t)
				a := feeds.Article{ExternalID: "mk-1", Source: "Blog", Title: "How tidings exports notes", Body: body}
				feeds.Normalize(&a)
				if _, err := st.Import(ctx, []feeds.Article{a}); err != nil {
					t.Fatal(err)
				}
				if note != "" {
					if _, err := st.AddAnnotation(ctx, store.Annotation{ArticleID: 1, Note: note}); err != nil {
						t.Fatal(err)
					}
				}
				want := titlesAndBodies(t, st)
				dir := roundTripExport(t, st, 1)
				if rep, summary := importPaths(t, st, dir, "."); rep.Unchanged != 1 {
					t.Errorf("the export imported into its own library: %s", summary)
				}
				sameLibrary(t, "the library after importing its export", titlesAndBodies(t, st), want)
				moved := openStore(t)
				if rep, summary := importPaths(t, moved, dir, "."); rep.Added != 1 {
					t.Fatalf("importing the export into a new library: %s", summary)
				}
				sameLibrary(t, "the new library", titlesAndBodies(t, moved), want)
				if note != "" {
					return // the notes stay behind: a Markdown import does not read them
				}
				again := roundTripExport(t, moved, 1)
				if got, want := exportedDocs(t, again), exportedDocs(t, dir); !maps.Equal(got, want) {
					t.Errorf("exported again from the new library:\n%v\nwant:\n%v", got, want)
				}
			})
		}
	}
}
