package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"tidings/store"
	"tidings/ui"
	"tidings/ui/cli"
)

// cycleConfig is config.toml closing a cycle with the library's rule
// -tag:b kestrel → #a, beside a rule that applies.
const cycleConfig = "[[rule]]\nquery = \"-tag:a kestrel\"\ntags = \"b\"\n\n[[rule]]\nquery = \"kestrel\"\ntags = \"bird\"\n"

// kestrelFeeds serves two feeds, each of one article about a kestrel.
func kestrelFeeds(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`+
			`<item><guid>%s-1</guid><title>A kestrel over %s</title><description>A kestrel hovers.</description></item>`+
			`</channel></rss>`, name, name, name)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFetchWarnsOfRulesLeftOut: rules of the library and config.toml that
// leave out each other's tags (which rule add could not refuse, the file
// changed after) are left out of feed add and fetch, which say so once
// each, naming them, rather than leave the articles untagged without a
// word; the other rules apply, and the commands succeed. rule list marks
// them, and the reader's refresh counts them.
func TestFetchWarnsOfRulesLeftOut(t *testing.T) {
	srv := kestrelFeeds(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "rule", "add", "--tag", "a", "--", "-tag:b kestrel"); r.code != 0 {
		t.Fatalf("rule add: exit %d, %v", r.code, r.err)
	}
	const warning = "warning: rules left out: rule 1 (-tag:b kestrel -> #a) and config rule 1 (-tag:a kestrel -> #b) leave out each other's tags"
	for _, feed := range []string{"/one.xml", "/two.xml"} {
		r := runConfig(t, cycleConfig, lib, "feed", "add", srv.URL+feed)
		if r.code != 0 || strings.Count(r.stderr, warning) != 1 {
			t.Errorf("feed add %s: exit %d, %v, stderr %q; want exit 0 and the warning once", feed, r.code, r.err, r.stderr)
		}
	}
	r := runConfig(t, cycleConfig, lib, "fetch")
	if r.code != 0 || strings.Count(r.stderr, warning) != 1 || strings.Count(r.stderr, "left out") != 1 {
		t.Errorf("fetch of two feeds: exit %d, %v, stderr %q; want exit 0 and the warning once", r.code, r.err, r.stderr)
	}
	r = runConfig(t, cycleConfig, lib, "search", "--count", "tag:bird")
	if strings.TrimSpace(r.stdout) != "2" {
		t.Errorf("the rule that applies tagged %q articles, want 2", r.stdout)
	}
	r = runConfig(t, cycleConfig, lib, "search", "--count", "tag:a OR tag:b")
	if strings.TrimSpace(r.stdout) != "0" {
		t.Errorf("the rules left out tagged %q articles", r.stdout)
	}
	r = runConfig(t, cycleConfig, lib, "rule", "list")
	want := "1\t-tag:b kestrel -> #a\tleft out: it and config rule 1 leave out each other's tags (-tag:)\n" +
		"config\t-tag:a kestrel -> #b\tleft out: it and rule 1 leave out each other's tags (-tag:)\n" +
		"config\tkestrel -> #bird\n"
	if r.stdout != want {
		t.Errorf("rule list:\n%s\nwant\n%s", r.stdout, want)
	}
	// Without the file's rule, nothing is left out, and nothing said.
	if r := run(t, lib, "fetch"); r.code != 0 || strings.Contains(r.stderr, "left out") {
		t.Errorf("fetch with no cycle: exit %d, stderr %q", r.code, r.stderr)
	}

	st, err := store.Open(lib, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := &app{cfg: cli.Config{Rules: []cli.Rule{{Query: "-tag:a kestrel", Tags: []string{"b"}}}}}
	res, err := a.refresher(st)(context.Background(), func(ui.RefreshProgress) {})
	if err != nil || res.RulesLeftOut != 2 {
		t.Errorf("the reader's refresh: %+v, %v; want 2 rules left out", res, err)
	}
}

// TestRuleRemoveSaysWhichAndIDsStay: rule remove says which rule it
// removed; the next rule added gets a new id, so the same remove run again
// (from the shell's history) removes nothing and fails, exit 1.
func TestRuleRemoveSaysWhichAndIDsStay(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	for _, args := range [][]string{
		{"rule", "add", "ukraine", "--tag", "ukraine"},
		{"rule", "add", `taurus OR "storm shadow"`, "--tag", "missiles"},
	} {
		if r := run(t, lib, args...); r.code != 0 {
			t.Fatalf("%q: exit %d, %v", args, r.code, r.err)
		}
	}
	r := run(t, lib, "rule", "remove", "2")
	if r.code != 0 || r.stdout != "Removed rule 2: taurus OR \"storm shadow\" -> #missiles\n" {
		t.Errorf("rule remove 2: exit %d, %v, %q", r.code, r.err, r.stdout)
	}
	r = run(t, lib, "rule", "add", "tag:missiles", "--tag", "weapons")
	if r.code != 0 || r.stdout != "rule 3: tag:missiles -> #weapons\n" {
		t.Errorf("rule add after a remove: exit %d, %v, %q; want rule 3", r.code, r.err, r.stdout)
	}
	r = run(t, lib, "rule", "remove", "2")
	if r.code != exitFailed || r.err == nil || !strings.Contains(r.err.Error(), "no rule 2") {
		t.Errorf("rule remove 2 again: exit %d, %v; want exit 1, no rule 2", r.code, r.err)
	}
	if r := run(t, lib, "rule", "list"); r.stdout != "1\tukraine -> #ukraine\n3\ttag:missiles -> #weapons\n" {
		t.Errorf("rule list:\n%s", r.stdout)
	}
}

// TestRuleAddRefusesADuplicate: a rule that one of the library or of
// config.toml does already is refused, exit 1, naming that rule, and not
// stored.
func TestRuleAddRefusesADuplicate(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "rule", "add", "ukraine", "--tag", "ukraine"); r.code != 0 {
		t.Fatalf("rule add: exit %d, %v", r.code, r.err)
	}
	r := run(t, lib, "rule", "add", "ukraine", "--tag", "Ukraine")
	if r.code != exitFailed || r.err == nil || !strings.Contains(r.err.Error(), `rule 1 does that already: "ukraine" → #ukraine`) {
		t.Errorf("the same rule again: exit %d, %v", r.code, r.err)
	}
	config := "[[rule]]\nquery = \"kestrel\"\ntags = \"bird\"\n"
	r = runConfig(t, config, lib, "rule", "add", "kestrel", "--tag", "bird")
	if r.code != exitFailed || r.err == nil || !strings.Contains(r.err.Error(), "a rule of config.toml does that already") {
		t.Errorf("config.toml's rule again: exit %d, %v", r.code, r.err)
	}
	if r := run(t, lib, "rule", "list"); r.stdout != "1\tukraine -> #ukraine\n" {
		t.Errorf("rule list:\n%s", r.stdout)
	}
}

// TestConfigRuleOfBlankTagRefused: a [[rule]] of config.toml whose only tag
// is blank is refused, as rule add refuses it, not listed as a rule that
// tags nothing.
func TestConfigRuleOfBlankTagRefused(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "library.db")
	if r := run(t, lib, "rule", "add", "kestrel", "--tag", "bird"); r.code != 0 {
		t.Fatalf("rule add: exit %d, %v", r.code, r.err)
	}
	r := runConfig(t, "[[rule]]\nquery = \"ferry\"\ntags = [\" \"]\n", lib, "rule", "list")
	if r.code != exitUsage || r.err == nil || !strings.Contains(r.err.Error(), `rule 1 ("ferry"): tags is empty`) {
		t.Errorf("rule list: exit %d, %v, %q", r.code, r.err, r.stdout)
	}
}
