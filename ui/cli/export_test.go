package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
	"tidings/store/anchor"
)

func TestMarkdownFileName(t *testing.T) {
	day := time.Date(2024, 3, 5, 23, 59, 0, 0, time.UTC)
	tests := map[string]struct {
		a    store.Article
		want string
	}{
		"plain":       {store.Article{ID: 7, Title: "Harbour cranes to be replaced", Published: day}, "2024-03-05-harbour-cranes-to-be-replaced-7.md"},
		"punctuation": {store.Article{ID: 8, Title: `"Kyiv's" plan: 50% / 2025?`, Published: day}, "2024-03-05-kyiv-s-plan-50-2025-8.md"},
		"diacritics":  {store.Article{ID: 9, Title: "Zürich trams, Ærø ferry, café", Published: day}, "2024-03-05-zürich-trams-ærø-ferry-café-9.md"},
		"undated":     {store.Article{ID: 10, Title: "No date"}, "undated-no-date-10.md"},
		"cyrillic":    {store.Article{ID: 11, Title: "Война и мир", Published: day}, "2024-03-05-война-и-мир-11.md"},
		"no letters":  {store.Article{ID: 14, Title: "?!", Published: day}, "2024-03-05-untitled-14.md"},
		"decomposed":  {store.Article{ID: 15, Title: "Cafe\u0301 Zu\u0308rich", Published: day}, "2024-03-05-café-zürich-15.md"},
		"path tricks": {store.Article{ID: 12, Title: "../../etc/passwd\x00", Published: day}, "2024-03-05-etc-passwd-12.md"},
		"long": {store.Article{ID: 13, Title: strings.Repeat("harbour ", 20), Published: day},
			"2024-03-05-harbour-harbour-harbour-harbour-harbour-harbour-harbour-13.md"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := MarkdownFileName(tt.a); got != tt.want {
				t.Errorf("MarkdownFileName(%q) = %q, want %q", tt.a.Title, got, tt.want)
			}
		})
	}
}

// TestExportMarkdownNotes: whole-article notes first, then highlights in the
// order of the text, then orphaned ones, marked; front matter YAML-safe.
func TestExportMarkdownNotes(t *testing.T) {
	body := "First paragraph with an early passage.\n\nSecond paragraph with a *later* passage."
	text := anchor.PlainText(body)
	sel := func(q string) anchor.Selector {
		i := strings.Index(text, q)
		return anchor.Make(text, i, i+len(q))
	}
	late, early := sel("a later passage"), sel("an early passage")
	at := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	anns := []store.Annotation{
		{Quote: late.Quote, Prefix: late.Prefix, Suffix: late.Suffix, Note: "on the later one"},
		{Quote: "a passage taken out", Note: "lost it", Orphaned: true},
		{Quote: early.Quote, Prefix: early.Prefix, Suffix: early.Suffix, Note: "on the\n\nearly one"},
		{Note: "about the whole"},
	}
	a := store.Article{ID: 3, ExternalID: "x: y", Title: `A "title": with #colon`, Source: "Src", Published: at, Body: body,
		Tags: []store.ArticleTag{{Name: "long read"}}}
	doc, err := ExportMarkdown(a, "", anns)
	if err != nil {
		t.Fatal(err)
	}
	want := `---
title: 'A "title": with #colon'
source: Src
date: 2024-03-05
tags:
  - long read
id: 3
external_id: 'x: y'
---

# A "title": with #colon

First paragraph with an early passage.

Second paragraph with a *later* passage.

<!-- tidings: the reader's notes, not part of the article -->

## Notes

about the whole

> an early passage

on the

early one

> a later passage

on the later one

> a passage taken out

*This passage is no longer in the article.*

lost it
`
	if doc != want {
		t.Errorf("got:\n%s\nwant:\n%s", doc, want)
	}
}

// TestExportMarkdownFiles: a re-export writes over the article's own file,
// follows a retitle (the old file goes), and leaves other files alone.
func TestExportMarkdownFiles(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "a", Source: "S", Title: "First story", Published: day, Body: "Body one."},
		{ExternalID: "b", Source: "S", Title: "Second story", Published: day, Body: "Body two."},
	}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "vault")
	opt := ExportOptions{Format: "md", Out: dir}
	if rep, err := Export(ctx, st, nil, opt); err != nil || rep.Articles != 2 || len(rep.Failed) != 0 {
		t.Fatalf("export: %+v, %v", rep, err)
	}
	unrelated := filepath.Join(dir, "my-notes.md")
	if err := os.WriteFile(unrelated, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := st.ArticleByExternalID(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Retitle(ctx, a.ID, "Better title"); err != nil {
		t.Fatal(err)
	}
	if rep, err := Export(ctx, st, nil, opt); err != nil || rep.Articles != 2 || len(rep.Failed) != 0 {
		t.Fatalf("export again: %+v, %v", rep, err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := ".tidings-export.json 2024-03-05-better-title-1.md 2024-03-05-second-story-2.md my-notes.md"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files %s, want %s", got, want)
	}
	if data, _ := os.ReadFile(unrelated); string(data) != "mine\n" {
		t.Errorf("unrelated file now %q", data)
	}
}

func TestExportOptionsCheck(t *testing.T) {
	for name, tt := range map[string]struct {
		opt ExportOptions
		ok  bool
	}{
		"json to stdout": {ExportOptions{Format: "json"}, true},
		"json to a dir":  {ExportOptions{Format: "json", Out: "d"}, true},
		"md to a dir":    {ExportOptions{Format: "md", Out: "d"}, true},
		"md nowhere":     {ExportOptions{Format: "md"}, false},
		"no format":      {ExportOptions{}, false},
		"other format":   {ExportOptions{Format: "csv"}, false},
	} {
		if err := tt.opt.Check(); (err == nil) != tt.ok {
			t.Errorf("%s: Check() = %v", name, err)
		}
	}
}

// TestMarkdownRoundTripKeepsTheBody: exporting to Markdown and importing
// the file again, over and over, leaves the article's body as it was: the
// notes the export adds are not read back into it.
func TestMarkdownRoundTripKeepsTheBody(t *testing.T) {
	a := store.Article{ID: 1, ExternalID: "x1", Title: "A title", Source: "Src",
		Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Body: "First paragraph.\n\nSecond paragraph."}
	anns := []store.Annotation{{Note: "my note"}, {Quote: "Second paragraph.", Note: "on it"}}
	body := a.Body
	for round := range 3 {
		doc, err := ExportMarkdown(a, "", anns)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "a.md")
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		var got []feeds.Article
		if err := feeds.Read(path, func(it feeds.Item) error {
			if it.Err != nil {
				return it.Err
			}
			got = append(got, it.Article)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Body != body {
			t.Fatalf("round %d: read back %d articles, body %q, want %q", round+1, len(got), got[0].Body, body)
		}
		a.Body = got[0].Body
	}
}

// TestExportFrontMatter: the front matter carries what the Markdown importer
// reads back, as it is in the library.
func TestExportFrontMatter(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		a         store.Article
		feed      string
		want, not []string // lines the front matter has, and has not
	}{
		"midnight UTC is a date": {
			store.Article{Published: day}, "",
			[]string{"date: 2024-03-05"}, []string{"read:", "starred:", "retitled:", "feed:", "added:", "rule_tags:"},
		},
		"a time of day": {
			store.Article{Published: day.Add(8*time.Hour + 30*time.Minute)}, "",
			[]string{"date: 2024-03-05T08:30:00Z"}, nil,
		},
		"a time elsewhere is written in UTC": {
			store.Article{Published: time.Date(2024, 3, 5, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))}, "",
			[]string{"date: 2024-03-06T04:30:00Z"}, nil,
		},
		"tags as they are": {
			store.Article{Tags: []store.ArticleTag{{Name: "Long Read"}, {Name: "a: b"}, {Name: "true"}, {Name: "#x"}, {Name: "ok"}}}, "",
			[]string{"  - Long Read", "  - 'a: b'", `  - "true"`, "  - '#x'", "  - ok"}, nil,
		},
		"read, starred, retitled": {
			store.Article{ReadAt: day, Starred: true, Retitled: true}, "",
			[]string{"read: true", "starred: true", "retitled: true"}, nil,
		},
		"the library's feed, time added and rule marks": {
			store.Article{Added: time.Date(2024, 3, 6, 9, 15, 0, 0, time.FixedZone("CET", 3600)),
				Tags: []store.ArticleTag{{Name: "birds", ByRule: true}, {Name: "mine"}}}, "https://example.org/feed.xml",
			[]string{"feed: https://example.org/feed.xml", "added: 2024-03-06T08:15:00Z", "rule_tags:", "  - birds"}, []string{"rule_tags:\n  - birds\n  - mine"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tt.a.ID, tt.a.ExternalID, tt.a.Title = 1, "x", "A title"
			doc, err := ExportMarkdown(tt.a, tt.feed, nil)
			if err != nil {
				t.Fatal(err)
			}
			front, _, _ := strings.Cut(strings.TrimPrefix(doc, "---\n"), "\n---\n")
			lines := strings.Split(front, "\n")
			for _, w := range tt.want {
				if !slices.Contains(lines, w) {
					t.Errorf("front matter lacks %q:\n%s", w, front)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(front, n) {
					t.Errorf("front matter has %q:\n%s", n, front)
				}
			}
		})
	}
}

// TestMarkdownExportRoundTrip: an article exported to Markdown and imported
// into a fresh library comes back as it was: its time of day, its tags
// (spaces, colons and case kept), read, starred and the reader's title; and
// importing the export into the library it came from changes nothing.
func TestMarkdownExportRoundTrip(t *testing.T) {
	ctx := context.Background()
	from := openStore(t)
	published := time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC)
	if _, err := from.Import(ctx, []feeds.Article{{
		ExternalID: "ferry-1", Source: "Harbour Weekly", Title: "The ferry returns", URL: "https://example.org/ferry",
		Author: "Mira Holt", Published: published, Body: "The ferry returns to the island.\n\nTickets are on sale.",
		Tags: []string{"Long Read", "a: b", "europe"},
	}}); err != nil {
		t.Fatal(err)
	}
	a, err := from.ArticleByExternalID(ctx, "ferry-1")
	if err != nil {
		t.Fatal(err)
	}
	if err := from.SetRead(ctx, []int64{a.ID}, true); err != nil {
		t.Fatal(err)
	}
	if err := from.SetStarred(ctx, []int64{a.ID}, true); err != nil {
		t.Fatal(err)
	}
	if err := from.Retitle(ctx, a.ID, "Island ferry: back at last"); err != nil {
		t.Fatal(err)
	}
	if a, err = from.Article(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "vault")
	if rep, err := Export(ctx, from, nil, ExportOptions{Format: "md", Out: dir}); err != nil || rep.Articles != 1 {
		t.Fatalf("export: %+v, %v", rep, err)
	}

	// What the reader sees of an article, and what an import may change.
	type seen struct {
		Title, Source, URL, Author, Body string
		Published                        time.Time
		Tags                             []string
		Read, Starred, Retitled          bool
	}
	view := func(a store.Article) seen {
		s := seen{Title: a.Title, Source: a.Source, URL: a.URL, Author: a.Author, Body: a.Body,
			Published: a.Published, Read: a.Read(), Starred: a.Starred, Retitled: a.Retitled}
		for _, tg := range a.Tags {
			s.Tags = append(s.Tags, tg.Name)
		}
		return s
	}
	tagNames := func(st *store.Store) []string {
		tags, err := st.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tg := range tags {
			names = append(names, tg.Name)
		}
		return names
	}
	want := view(a)

	for name, st := range map[string]*store.Store{"a fresh library": openStore(t), "the same library": from} {
		t.Run(name, func(t *testing.T) {
			if rep, out := importPaths(t, st, dir, "."); len(rep.Failed) != 0 || strings.Contains(out, "warning") {
				t.Fatalf("import:\n%s", out)
			}
			got, err := st.ArticleByExternalID(ctx, "ferry-1")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(view(got), want) {
				t.Errorf("imported back:\n%+v\nwant\n%+v", view(got), want)
			}
			if names := strings.Join(tagNames(st), ", "); names != "a: b, europe, Long Read" {
				t.Errorf("the library's tags: %s", names)
			}
		})
	}
}
