package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tidings/feeds"
)

// A source or feed name is found however its accents were typed, composed
// or as combining marks (Unicode NFC or NFD), whichever way its file wrote
// it, and in any case of its letters, beyond ASCII too: the library keeps a
// source as its file wrote it, so the query matches every form of it.
func TestSourceFoundInEitherUnicodeFormAndAnyCase(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	nfd := norm.NFD.String
	sources := map[string]string{ // external id: source as written
		"sg":  nfd("Société Générale"),
		"ep":  "El País",
		"syn": "MENAFN - " + nfd("Ελλάδα Σήμερα"),
		"x_":  "Reuters",
	}
	var arts []feeds.Article
	for id, src := range sources {
		a := art(id, "2026-10-05", "Text of "+id+".")
		a.Source = src
		arts = append(arts, a)
	}
	importAll(t, s, arts...)
	const url = "https://feed.example/rss"
	feed, err := s.AddFeed(ctx, Feed{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	r := feeds.FetchResult{Sub: feeds.Subscription{URL: url, Title: nfd("Le Monde Économie")}}
	for i := range 2 {
		id := fmt.Sprintf("feed:%s#%d", url, i)
		r.Articles = append(r.Articles, feeds.Article{ExternalID: id, Title: "Story", Body: "Text " + id, FeedURL: url})
	}
	if _, err := s.RecordFetch(ctx, feed.ID, r, nil); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := s.db.QueryRow(`SELECT source FROM articles WHERE external_id = 'sg'`).Scan(&stored); err != nil || stored != sources["sg"] {
		t.Fatalf("the source is stored %q, %v; want it as its file wrote it, %q", stored, err, sources["sg"])
	}
	tests := map[string]int{
		`source:"Société Générale"`: 1,
		`source:"société générale"`: 1,
		`source:"SOCIÉTÉ GÉNÉRALE"`: 1,
		`source:"Société Gén"*`:     1,
		`source:"SOCIÉTÉ"*`:         1,
		`source:"El País"`:          1,
		`source:"EL PAÍS"`:          1,
		`source:"el paí"*`:          1,
		`source:"Ελλάδα Σήμερα"`:    1, // a part of a syndicated source
		`source:"ΕΛΛΆΔΑ ΣΉΜΕΡΑ"`:    1,
		`source:"ελλάδα σήμερα"`:    1,
		`source:"ελλάδα σήμερας"`:   0,
		`source:"Ελλαδα Σημερα"`:    0, // accents count, as in tag names
		`source:"Societe Generale"`: 0,
		`source:économie`:           2, // in a feed's title
		`source:ÉCONOMIE`:           2,
		`feed:"le monde économie"`:  2,
		`feed:"LE MONDE ÉCO"*`:      2,
		`feed:"le monde"`:           0,
		`source:"[É]l País"`:        0, // GLOB's syntax is text
		`source:"El Paí?"`:          0,
		`source:"E* País"`:          0,
	}
	for q, want := range tests {
		for _, form := range []struct {
			name string
			q    string
		}{{"composed", norm.NFC.String(q)}, {"decomposed", nfd(q)}} {
			if n, err := s.Count(ctx, form.q); err != nil || n != want {
				t.Errorf("Count(%s, typed %s) = %d, %v; want %d", q, form.name, n, err, want)
			}
			if rows := pageForward(t, s, form.q, false, 1); len(rows) != want {
				t.Errorf("%s typed %s: pages hold %d, want %d", q, form.name, len(rows), want)
			}
		}
	}
	// Typed in the live filter, the name being typed is a prefix.
	for q, want := range map[string]int{`source:"Société Gé`: 1, nfd(`source:"SOCIÉTÉ GÉNÉRALE`): 1, nfd(`source:"SOCIÉTÉ GÉ`): 1, "source:ÉCONO": 2, nfd("source:écono"): 2} {
		if n, err := s.CountLive(ctx, q); err != nil || n != want {
			t.Errorf("CountLive(%+q) = %d, %v; want %d", q, n, err, want)
		}
	}
}

// A source's name beyond ASCII is found as every source is, by walking the
// index that holds the source, never by sorting.
func TestSourceBeyondASCIIWalksTheSourceIndex(t *testing.T) {
	s, _ := library(t, 50)
	for _, q := range []string{`source:"Société Générale"`, "source:ÉCO*", `-source:"El País" oil`} {
		c, err := compile(q, false)
		if err != nil {
			t.Fatal(err)
		}
		sql, args, _ := pageSQL(c, PageRequest{}, rowColumns)
		plan := explain(t, s, sql, args)
		if c.Match == "" && !strings.HasPrefix(plan[0], "SCAN a USING INDEX articles_list") {
			t.Errorf("%s: plan starts %q, want the source index\n%s", q, plan[0], strings.Join(plan, "\n"))
		}
		for _, step := range plan {
			if strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("%s: the page is sorted:\n%s", q, strings.Join(plan, "\n"))
			}
		}
	}
}
