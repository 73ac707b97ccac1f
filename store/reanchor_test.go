package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store/anchor"
)

const cranesV1 = `The port authority said on Tuesday that the **harbour cranes** would be replaced by the end of the year.

The cranes, built in 1974, have broken down eleven times this spring. Dock workers welcomed the news.

A spokesman for the authority said the new cranes would lift twice as much.`

// passageNote adds a note on the first occurrence of quote in the plain
// text of the article's body, as the reader does.
func passageNote(t *testing.T, s *Store, id int64, quote, note string) Annotation {
	t.Helper()
	text := anchor.PlainText(mustArticle(t, s, id).Body)
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q is not in the article", quote)
	}
	sel := anchor.Make(text, i, i+len(quote))
	a, err := s.AddAnnotation(context.Background(), Annotation{ArticleID: id, Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: note})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// annotationsByID returns an article's annotations by id.
func annotationsByID(t *testing.T, s *Store, articleID int64) map[int64]Annotation {
	t.Helper()
	anns, err := s.Annotations(context.Background(), articleID)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[int64]Annotation)
	for _, a := range anns {
		out[a.ID] = a
	}
	return out
}

func TestReanchorWhenTheBodyChanges(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v1 := art("cranes", "2024-03-05", cranesV1)
	importAll(t, s, v1, art("other", "2024-03-04", "Another article about rail freight."))
	id := idsOf(t, s, "spokesman")[0]

	moved := passageNote(t, s, id, "would be replaced by the end of the year", "when exactly?")
	edited := passageNote(t, s, id, "have broken down eleven times this spring", "ask the customs office")
	gone := passageNote(t, s, id, "the new cranes would lift twice as much", "check the tonnage")
	whole, err := s.AddAnnotation(ctx, Annotation{ArticleID: id, Note: "follow up in June"})
	if err != nil {
		t.Fatal(err)
	}

	// Version 2: a paragraph in front, one passage edited, one taken out,
	// and the text wrapped differently.
	v2 := v1
	v2.Body = "An update was added at noon.\n\n" + strings.NewReplacer(
		"eleven times", "twelve times",
		"A spokesman for the authority said the new cranes would lift twice as much.", "The spokesman declined to comment.",
		"replaced by the end", "replaced\nby the end",
		"of the year.", "of the year. Repairs will cost millions.",
	).Replace(cranesV1)
	if outs := importAll(t, s, v2); outs[0] != Updated {
		t.Fatalf("second version: %v", outs[0])
	}
	text := anchor.PlainText(v2.Body)
	got := annotationsByID(t, s, id)
	check := func(name string, a Annotation, wantQuote string, wantOrphaned bool) {
		t.Helper()
		g := got[a.ID]
		if g.Orphaned != wantOrphaned || g.Quote != wantQuote {
			t.Errorf("%s: quote %q orphaned %v, want %q %v", name, g.Quote, g.Orphaned, wantQuote, wantOrphaned)
		}
		if g.Note != a.Note || !g.Updated.Equal(a.Updated) || !g.Created.Equal(a.Created) {
			t.Errorf("%s: note or times changed: %+v", name, g)
		}
		if wantOrphaned {
			if g.Prefix != a.Prefix || g.Suffix != a.Suffix {
				t.Errorf("%s: orphaned, its anchors changed: %+v", name, g)
			}
			return
		}
		// The stored selector is the text as it is now: found exactly, at once.
		start, end, ok := anchor.Find(text, anchor.Selector{Quote: g.Quote, Prefix: g.Prefix, Suffix: g.Suffix})
		if !ok || text[start:end] != g.Quote || anchor.Make(text, start, end) != (anchor.Selector{Quote: g.Quote, Prefix: g.Prefix, Suffix: g.Suffix}) {
			t.Errorf("%s: stored selector %+v is not the current text's", name, g)
		}
	}
	check("moved", moved, "would be replaced by the end of the year", false)
	if sfx := got[moved.ID].Suffix; !strings.HasPrefix(sfx, ". Repairs will cost") {
		t.Errorf("moved: suffix %q is not the text now after the passage", sfx)
	}
	check("edited", edited, "have broken down twelve times this spring", false)
	check("gone", gone, "the new cranes would lift twice as much", true)
	if g := got[whole.ID]; g.Quote != "" || g.Orphaned || g.Note != whole.Note {
		t.Errorf("whole-article note changed: %+v", g)
	}
	if n, _ := s.Count(ctx, "customs"); n != 1 {
		t.Error("the notes are no longer searchable after the update")
	}

	// Version 1 again: the orphan is anchored again, the edit follows back.
	importAll(t, s, v1)
	got = annotationsByID(t, s, id)
	text = anchor.PlainText(v1.Body)
	check("gone, back", gone, "the new cranes would lift twice as much", false)
	check("edited, back", edited, "have broken down eleven times this spring", false)
	check("moved, back", moved, "would be replaced by the end of the year", false)

	// An unchanged re-import leaves everything as it is.
	before := annotationsByID(t, s, id)
	if outs := importAll(t, s, v1); outs[0] != Unchanged {
		t.Errorf("unchanged re-import: %v", outs[0])
	}
	after := annotationsByID(t, s, id)
	for k, a := range before {
		if after[k] != a {
			t.Errorf("annotation %d changed by an unchanged re-import: %+v -> %+v", k, a, after[k])
		}
	}
}

func TestReanchorManyArticlesInOneBatch(t *testing.T) {
	s := openTemp(t)
	arts := generated(300)
	importAll(t, s, arts...)
	// Notes on a few articles; then a batch that changes every body.
	var noted []int64
	for _, i := range []int{3, 150, 299} {
		id := mustByExternal(t, s, arts[i].ExternalID).ID
		words := strings.Fields(anchor.PlainText(arts[i].Body))
		passageNote(t, s, id, strings.Join(words[2:6], " "), "note "+arts[i].ExternalID)
		noted = append(noted, id)
	}
	for i := range arts {
		arts[i].Body = "Breaking: " + arts[i].Body
	}
	outs := importAll(t, s, arts...)
	for i, o := range outs {
		if o != Updated {
			t.Fatalf("article %d: %v", i, o)
		}
	}
	for _, id := range noted {
		for _, a := range annotationsByID(t, s, id) {
			if a.Orphaned {
				t.Errorf("article %d: passage %q orphaned by a prefix to the body", id, a.Quote)
			}
		}
	}
}

// TestReanchorStoresWholeWords: a passage whose opening words were
// rewritten is stored from the start of its first word, with the text before
// and after it as it is now, not from inside a word.
func TestReanchorStoresWholeWords(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "samples", "menafn-luftwaffe-leak.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var v1 feeds.Article
	err = feeds.ReadStream("menafn-luftwaffe-leak.txt", bytes.NewReader(raw), func(it feeds.Item) error {
		v1 = it.Article
		return it.Err
	})
	if err != nil {
		t.Fatal(err)
	}
	const opening = "In a startling revelation, a leaked audio recording"
	tests := map[string]string{
		"a new first word":          "Totally different opening text here",
		"another new first word":    "Quite another opening text here",
		"the first letter replaced": "On a startling revelation, a leaked audio recording",
	}
	for name, replacement := range tests {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, v1)
			id := mustByExternal(t, s, v1.ExternalID).ID
			text := anchor.PlainText(v1.Body)
			first := text[:strings.Index(text, "Ukraine.")+len("Ukraine.")]
			a := passageNote(t, s, id, first, "who leaked it?")

			v2 := v1
			v2.Body = strings.Replace(v1.Body, opening, replacement, 1)
			if outs := importAll(t, s, v2); outs[0] != Updated {
				t.Fatalf("second version: %v", outs[0])
			}
			text2 := anchor.PlainText(v2.Body)
			want := anchor.Make(text2, 0, len(first)-len(opening)+len(replacement))
			if !strings.HasPrefix(want.Quote, replacement) || !strings.HasSuffix(want.Quote, "to Ukraine.") || want.Prefix != "" {
				t.Fatalf("the first sentence of the second version is %+v", want)
			}
			g := annotationsByID(t, s, id)[a.ID]
			if g.Orphaned || (anchor.Selector{Quote: g.Quote, Prefix: g.Prefix, Suffix: g.Suffix}) != want {
				t.Errorf("stored %q, prefix %q, suffix %q, orphaned %v; want %q, prefix %q, suffix %q",
					g.Quote, g.Prefix, g.Suffix, g.Orphaned, want.Quote, want.Prefix, want.Suffix)
			}

			// The first version again: the passage is found, whole words.
			importAll(t, s, v1)
			g = annotationsByID(t, s, id)[a.ID]
			if g.Orphaned || !strings.HasSuffix(first, g.Quote) || g.Prefix != "" && !strings.HasSuffix(g.Prefix, " ") {
				t.Errorf("back to the first version: stored %q, prefix %q, orphaned %v", g.Quote, g.Prefix, g.Orphaned)
			}
		})
	}
}

func mustByExternal(t *testing.T, s *Store, ext string) Article {
	t.Helper()
	a, err := s.ArticleByExternalID(context.Background(), ext)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestUpdateAnnotationKeepsOrClearsOrphaned(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	v1 := art("o1", "2024-03-05", "First sentence here. The passage that will go away. Last one.")
	importAll(t, s, v1)
	id := idsOf(t, s, "")[0]
	a := passageNote(t, s, id, "The passage that will go away", "hm")
	v2 := v1
	v2.Body = "First sentence here. Something else entirely now. Last one."
	importAll(t, s, v2)
	a = annotationsByID(t, s, id)[a.ID]
	if !a.Orphaned {
		t.Fatal("not orphaned")
	}
	a.Note = "the note edited"
	if err := s.UpdateAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	if g := annotationsByID(t, s, id)[a.ID]; !g.Orphaned || g.Note != "the note edited" {
		t.Errorf("editing an orphan's note: %+v", g)
	}
	sel := anchor.Make(anchor.PlainText(v2.Body), 21, 48)
	a.Quote, a.Prefix, a.Suffix = sel.Quote, sel.Prefix, sel.Suffix
	if err := s.UpdateAnnotation(ctx, a); err != nil {
		t.Fatal(err)
	}
	if g := annotationsByID(t, s, id)[a.ID]; g.Orphaned || g.Quote != "Something else entirely now" {
		t.Errorf("anchoring an orphan again: %+v", g)
	}
}

func TestImportCarriesAnnotations(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	created := time.Date(2024, 3, 6, 9, 30, 0, 0, time.UTC)
	updated := created.Add(48 * time.Hour)
	a := art("carried", "2024-03-05", cranesV1)
	a.Annotations = []feeds.Annotation{
		{Quote: "harbour cranes", Prefix: "said on Tuesday that the ", Suffix: " would be replaced", Note: "which ones?", Created: created, Updated: updated},
		{Note: "whole-article note", Created: created.Add(time.Hour)},
	}
	for range 2 {
		importAll(t, s, a)
	}
	id := mustByExternal(t, s, "carried").ID
	anns, err := s.Annotations(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 2 {
		t.Fatalf("%d annotations after importing twice, want 2: %+v", len(anns), anns)
	}
	p := anns[0]
	if p.Quote != "harbour cranes" || p.Prefix != "said on Tuesday that the " || p.Suffix != " would be replaced" ||
		p.Note != "which ones?" || !p.Created.Equal(created) || !p.Updated.Equal(updated) {
		t.Errorf("carried passage note stored as %+v", p)
	}
	if w := anns[1]; w.Quote != "" || w.Note != "whole-article note" || !w.Created.Equal(created.Add(time.Hour)) || !w.Updated.Equal(w.Created) {
		t.Errorf("carried whole-article note stored as %+v", w)
	}
}

func TestAllAnnotations(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	importAll(t, s,
		art("a1", "2024-03-05", "Harbour cranes to be replaced. More text."),
		art("a2", "2024-03-04", "Rail freight grows. More text."),
		art("a3", "2024-03-03", "Glacier melts early. More text."),
		art("a4", "2024-03-02", "Nobody annotates this one. More text."))
	ids := map[string]int64{}
	for _, ext := range []string{"a1", "a2", "a3", "a4"} {
		ids[ext] = mustByExternal(t, s, ext).ID
	}
	base := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	add := func(ext, quote, note string, hours int) {
		t.Helper()
		if _, err := s.AddAnnotation(ctx, Annotation{ArticleID: ids[ext], Quote: quote, Note: note, Created: base.Add(time.Duration(hours) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	add("a1", "Harbour cranes", "ask the customs office", 1)
	add("a2", "", "compare with Rotterdam", 3)
	add("a1", "", "second note on cranes", 5)
	add("a3", "Glacier melts", "", 2)
	if err := s.Tag(ctx, []int64{ids["a2"], ids["a3"]}, []string{"climate"}, nil); err != nil {
		t.Fatal(err)
	}

	notes := func(rows []AnnotationRow) string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Note+"@"+r.Title)
		}
		return strings.Join(out, "; ")
	}
	tests := map[string]struct {
		query string
		limit int
		want  string
	}{
		"all, newest first": {"", 0, "second note on cranes@Harbour cranes to be replaced; compare with Rotterdam@Rail freight grows; " +
			"@Glacier melts early; ask the customs office@Harbour cranes to be replaced"},
		"limit":               {"", 2, "second note on cranes@Harbour cranes to be replaced; compare with Rotterdam@Rail freight grows"},
		"by tag":              {"tag:climate", 0, "compare with Rotterdam@Rail freight grows; @Glacier melts early"},
		"a word of a note":    {"customs", 0, "second note on cranes@Harbour cranes to be replaced; ask the customs office@Harbour cranes to be replaced"},
		"a word of the body":  {"glacier", 0, "@Glacier melts early"},
		"broad state":         {"is:unread", 1, "second note on cranes@Harbour cranes to be replaced"},
		"not annotated":       {"nobody", 0, ""},
		"negation":            {"-tag:climate", 0, "second note on cranes@Harbour cranes to be replaced; ask the customs office@Harbour cranes to be replaced"},
		"dates":               {"before:2024-03-04", 0, "@Glacier melts early"},
		"the browser's state": {"is:annotated source:menafn", 1, "second note on cranes@Harbour cranes to be replaced"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			rows, err := s.AllAnnotations(ctx, tt.query, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got := notes(rows); got != tt.want {
				t.Errorf("AllAnnotations(%q, %d)\n got %s\nwant %s", tt.query, tt.limit, got, tt.want)
			}
		})
	}
	rows, _ := s.AllAnnotations(ctx, "rotterdam", 0)
	if len(rows) != 1 || rows[0].ArticleID != ids["a2"] || rows[0].Source != "MENAFN" ||
		!rows[0].Published.Equal(time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)) || !rows[0].Created.Equal(base.Add(3*time.Hour)) {
		t.Errorf("row %+v", rows)
	}
	if _, err := s.AllAnnotations(ctx, `"unclosed`, 0); err == nil {
		t.Error("a bad query gave no error")
	}
}

// TestOpenAddsOrphanedColumn: a library from before orphaned notes
// (migration 4) keeps its notes through the upgrade, none of them orphaned.
func TestOpenAddsOrphanedColumn(t *testing.T) {
	path, db := oldLibrary(t, 3)
	execAll(t, db,
		`INSERT INTO articles(id, external_id, sort_key, title, body, added, updated) VALUES (1, 'x1', 1, 'Old', 'An old passage here.', 0, 0)`,
		`INSERT INTO annotations(article_id, quote, note, created, updated) VALUES (1, 'old passage', 'kept', 1, 1)`)
	s := upgrade(t, path, db)
	anns, err := s.Annotations(context.Background(), 1)
	if err != nil || len(anns) != 1 || anns[0].Note != "kept" || anns[0].Orphaned {
		t.Errorf("annotations after the upgrade: %+v, %v", anns, err)
	}
}
