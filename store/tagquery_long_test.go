package store

import (
	"context"
	"maps"
	"strings"
	"testing"

	"tidings/feeds/marks"
	"tidings/store/query"
)

// cutTagNames are tag names longer than a tag is kept: one long word,
// words the cut falls between, Chinese written without spaces, and
// letters written with combining marks, which a cut never parts.
var cutTagNames = map[string]string{
	"one word": strings.Repeat("verylongtag", 120),
	"words":    strings.TrimSpace(strings.Repeat("long read ", 150)),
	"chinese":  strings.Repeat("长篇报道", 300),
	"marks":    strings.Repeat("e\u0301a\u0300", 700),
}

// TestLongTagNameAskedAsKept: a query asks for a long tag name
// (query.TagName) by the very name the library keeps it as
// (keptTagNames), so that the two never part.
func TestLongTagNameAskedAsKept(t *testing.T) {
	for name, long := range cutTagNames {
		t.Run(name, func(t *testing.T) {
			kept := keptTagNames([]string{long})
			if len(kept) != 1 {
				t.Fatalf("kept %d names", len(kept))
			}
			if got, want := marks.FoldTag(query.TagName(long)), marks.FoldTag(kept[0]); got != want {
				t.Errorf("asked for %.40q… (%d bytes), kept as %.40q… (%d bytes)", got, len(got), want, len(want))
			}
		})
	}
}

// TestLongTagQueryFindsIt: the long tag name a reader tagged an article
// with, cut when stored, finds the article as tag:NAME and #NAME, and a
// rule on tag:NAME fires on what another rule tagged NAME.
func TestLongTagQueryFindsIt(t *testing.T) {
	ctx := context.Background()
	for name, long := range cutTagNames {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			importAll(t, s, art("ferry", "2024-03-01", "The ferry stopped."), art("other", "2024-03-01", "The bus ran."))
			id := mustArticleID(t, s, "ferry")
			if err := s.Tag(ctx, []int64{id}, []string{long}, nil); err != nil {
				t.Fatal(err)
			}
			quoted := `"` + long + `"`
			for _, q := range []string{"tag:" + quoted, "#" + quoted} {
				if got := idsOf(t, s, q); len(got) != 1 || got[0] != id {
					t.Errorf("%.50s… finds %v, want [%d]", q, got, id)
				}
			}

			r := openTemp(t)
			importAll(t, r, art("ferry", "2024-03-01", "The ferry stopped."), art("other", "2024-03-01", "The bus ran."))
			rules := []Rule{{Query: "tag:" + quoted, Tags: []string{"chained"}}, {Query: "ferry", Tags: []string{long}}}
			if _, err := r.ApplyRulesToLibrary(ctx, rules); err != nil {
				t.Fatal(err)
			}
			got := tagsByArticle(t, r)
			kept := keptTagNames([]string{long})[0]
			if want := map[string]string{"ferry": "chained " + kept, "other": ""}; !maps.Equal(got, want) {
				t.Errorf("rules tag ferry %q…, other %q; want chained and the long tag on ferry alone", firstRunes(got["ferry"], 40), got["other"])
			}
		})
	}
}

// firstRunes is s up to its first n characters, to quote a long name.
func firstRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
