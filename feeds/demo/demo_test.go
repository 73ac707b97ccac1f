package demo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/feeds"
)

func TestArticles(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 13 {
		t.Fatalf("%d articles, want 13", len(arts))
	}
	ids := map[string]bool{}
	sources := map[string]bool{}
	var tagged, linked, nonASCII, longTitle bool
	for _, a := range arts {
		b := a
		b.Tags = append([]string(nil), a.Tags...)
		feeds.Normalize(&b)
		if b.Title != a.Title || b.Body != a.Body || b.ExternalID != a.ExternalID || b.Source != a.Source {
			t.Errorf("%q is not normalized", a.Title)
		}
		if a.Title == "" || a.Body == "" || a.Source == "" || a.ExternalID == "" {
			t.Errorf("article %q lacks a title, body, source or id", a.Title)
		}
		if len(a.Warnings) != 0 {
			t.Errorf("%q: warnings %q", a.Title, a.Warnings)
		}
		if y := a.Published.Year(); y < 2024 || y > 2025 {
			t.Errorf("%q: published %v", a.Title, a.Published)
		}
		if ids[a.ExternalID] {
			t.Errorf("id %q twice", a.ExternalID)
		}
		ids[a.ExternalID] = true
		sources[a.Source] = true
		tagged = tagged || len(a.Tags) > 0
		linked = linked || strings.HasPrefix(a.URL, "https://")
		nonASCII = nonASCII || strings.Contains(a.Title, "Zürich") && strings.ContainsRune(a.Body, '語')
		longTitle = longTitle || utf8.RuneCountInString(a.Title) > 120
	}
	if !ids["MENAFN05032024000045015687ID1107936133"] {
		t.Errorf("the real sample is missing")
	}
	if len(sources) < 8 {
		t.Errorf("only %d sources", len(sources))
	}
	if !tagged || !linked || !nonASCII || !longTitle {
		t.Errorf("tagged %v, linked %v, non-ASCII %v, long title %v: want all", tagged, linked, nonASCII, longTitle)
	}
}
