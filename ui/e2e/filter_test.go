package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// filterArticles are ten articles in the sample format: three about Taurus
// missiles, one about the Tauber river, six about other things.
var filterArticles = []string{
	"Taurus missiles debate in Berlin continues as the coalition argues.",
	"Germany rules out Taurus deliveries for now, the chancellor said.",
	"Taurus cruise missile range explained by defence analysts.",
	"Tauber river flood hits Bavarian towns after days of rain.",
	"Storm Shadow missiles used in a strike on a Crimean harbour.",
	"Grain exports through the Black Sea resume after a pause.",
	"Grain prices fall as the harvest beats forecasts.",
	"Ukraine receives new air defence systems from its allies.",
	"Luftwaffe officers' call leaked to Russian media outlets.",
	"NATO summit opens in Washington with a pledge on spending.",
}

// importFilterArticles makes a library of filterArticles.
func importFilterArticles(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for i, text := range filterArticles {
		fmt.Fprintf(&b, " date 2024-03-%02d (MENAFN) %s\n\n\nA second paragraph.\n\n\nMENAFN%02d032024000045015687ID11079361%02d\n",
			20-i, text, 20-i, i)
	}
	path := filepath.Join(t.TempDir(), "articles.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(t.TempDir(), "library.db")
	mustRun(t, lib, "import", path)
	if recs := searchJSON(t, lib, "source:menafn"); len(recs) != len(filterArticles) {
		t.Fatalf("imported %d articles, want %d", len(recs), len(filterArticles))
	}
	return lib
}

// TestFilterAndTag: a filter typed key by key narrows the list and its
// count; t tags the current article, T every article the filter matches;
// esc clears the filter.
func TestFilterAndTag(t *testing.T) {
	lib := importFilterArticles(t)
	tm := startTerm(t, 100, 30, nil, bin, "--library", lib)
	tm.waitFor(`10 / 10`, screenTimeout)

	tm.send("/")
	tm.waitFor(`^/`, screenTimeout)
	typed := ""
	for _, step := range []struct {
		typed string
		count int
	}{
		{"t", 10}, // the word being typed is a prefix from its third letter
		{"ta", 10},
		{"tau", 4}, // Taurus and Tauber
		{"taur", 3},
		{"taurus", 3},
		{"taurus ", 3},
		{"taurus mis", 2}, // missiles, missile
		{"taurus mi", 3},  // backspace: too short again
	} {
		if strings.HasPrefix(step.typed, typed) {
			tm.send(step.typed[len(typed):])
		} else {
			tm.send(strings.Repeat("\x7f", len(typed)-len(step.typed))) // backspace
		}
		typed = step.typed
		// A word too short to count yet says so after the text.
		tm.waitFor(`^/`+regexp.QuoteMeta(strings.TrimSpace(typed))+`(\s+`+"`\\w+`"+` counts from its 3rd letter, or on enter)?\s*$`, screenTimeout)
		s := tm.waitFor(fmt.Sprintf(`\b%d / 10 *$`, step.count), screenTimeout)
		if rows := strings.Count(s, "2024-03-"); rows != step.count {
			t.Errorf("after %q: %d rows listed, want %d:\n%s", step.typed, rows, step.count, s)
		}
	}
	tm.send(strings.Repeat("\x7f", len("s mi"))) // "tauru": the Taurus articles
	tm.waitFor(`^/tauru\s*$`, screenTimeout)
	tm.send(keyEnter) // keep it
	s := tm.waitFor(`tidings .*/tauru`, screenTimeout)
	if strings.Contains(s, "Tauber") || !strings.Contains(s, "Taurus missiles debate") {
		t.Fatalf("the kept filter shows the wrong articles:\n%s", s)
	}

	// Tag the current article.
	tm.send("t")
	tm.waitFor(`Tag “Taurus missiles debate`, screenTimeout)
	tm.send("+checked")
	tm.waitFor(`› \+checked`, screenTimeout)
	tm.send(keyEnter)
	tm.waitFor(`Tags \+checked on “Taurus missiles debate`, screenTimeout)
	tm.waitFor(`Taurus missiles debate.*#checked`, screenTimeout)

	// Tag every article the filter matches.
	tm.send("T")
	tm.waitFor("Tag 3 articles matching `tauru\\*`\\? y/n", screenTimeout)
	tm.send("y")
	tm.waitFor(`Tag 3 articles matching`, screenTimeout)
	tm.send("bulk")
	tm.waitFor(`› bulk`, screenTimeout)
	tm.send(keyEnter)
	tm.waitFor("Tags \\+bulk on 3 articles matching `tauru\\*`", screenTimeout)

	// Esc alone (a key right after it would read as alt+key): the filter
	// goes, the whole library is listed again.
	tm.send(keyEsc)
	tm.waitGone(`tidings .*/tauru`, screenTimeout)
	tm.waitFor(`10 / 10 *$`, screenTimeout)
	tm.send("q")
	if code := tm.wait(screenTimeout); code != 0 {
		t.Errorf("exit code %d", code)
	}

	ids := func(recs []record) []int64 {
		var out []int64
		for _, r := range recs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	tagged, filtered := searchJSON(t, lib, "tag:bulk"), searchJSON(t, lib, "tauru*")
	if len(filtered) != 3 || !slices.Equal(ids(tagged), ids(filtered)) {
		t.Errorf("tag:bulk is on %v, the filter matched %v", ids(tagged), ids(filtered))
	}
	checked := searchJSON(t, lib, "tag:checked")
	if len(checked) != 1 || !strings.HasPrefix(checked[0].Title, "Taurus missiles debate") {
		t.Errorf("tag:checked is on %+v", checked)
	}
}
