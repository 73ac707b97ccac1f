package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedTagRunsTagRules: feed tag gives the feed's articles a tag as the
// feed gives it to those it brings next, and the tag rules run over them
// as over those: a rule keyed on the tag (tag:emacs -> #editors) tags the
// articles the feed brought, as it tags the one its next fetch brings, and
// the command says what the rules added. Only the articles that gained the
// tag are ruled over, not the library: an article of a file that had the
// tag before the rule was added keeps its tags.
func TestFeedTagRunsTagRules(t *testing.T) {
	url, items := storiesFeed(t, "Chain", 2)
	lib := filepath.Join(t.TempDir(), "library.db")
	file := writeFile(t, "before.md", "---\ntitle: Emacs before rules\ntags: [emacs]\n---\n\nAn article tagged before the rule.\n")
	for _, args := range [][]string{
		{"import", file},
		{"rule", "add", "tag:emacs", "--tag", "editors"},
		{"rule", "add", "tag:editors", "--tag", "tools"},
		{"feed", "add", url},
	} {
		if r := run(t, lib, args...); r.code != 0 {
			t.Fatalf("%q: exit %d, %v\n%s", args, r.code, r.err, r.stderr)
		}
	}
	r := run(t, lib, "feed", "tag", "Chain", "emacs")
	want := "Chain (" + url + "): #emacs added, to its articles too (its tags now: #emacs)\n" +
		"The rule tag:emacs -> #editors added #editors to 2 articles.\n" +
		"The rule tag:editors -> #tools added #tools to 2 articles.\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("feed tag: exit %d, %v, stdout\n%s\nwant\n%s", r.code, r.err, r.stdout, want)
	}
	items.Add(1)
	if r := run(t, lib, "fetch"); r.code != 0 {
		t.Fatalf("fetch: exit %d, %v\n%s", r.code, r.err, r.stderr)
	}
	for q, want := range map[string]string{
		"tag:emacs":                        "4\n",
		"tag:emacs tag:editors":            "3\n",
		"tag:editors tag:tools":            "3\n",
		`title:"emacs before"`:             "1\n",
		`title:"emacs before" tag:editors`: "0\n",
	} {
		if r := run(t, lib, "search", "--count", q); r.stdout != want {
			t.Errorf("search %q counts %q, want %q", q, r.stdout, want)
		}
	}
	// Nothing gained, nothing ruled over: said as before.
	r = run(t, lib, "feed", "tag", "Chain", "emacs")
	if want := "Chain (" + url + ") has it already (its tags: #emacs)\n"; r.code != 0 || r.stdout != want {
		t.Errorf("feed tag again: exit %d, %v, %q; want %q", r.code, r.err, r.stdout, want)
	}
	if strings.Contains(r.stdout, "rule") {
		t.Errorf("feed tag again says the rules ran: %q", r.stdout)
	}
}
