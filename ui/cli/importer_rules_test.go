package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// An import with rules left out (a cycle between the library's rules and
// config.toml's, a query that no longer parses) stores and tags what it can,
// and its summary names those rules once each, in the words fetch uses:
// the rule's number, its query and tags, and what to do.
func TestImportNamesRulesLeftOut(t *testing.T) {
	st := openStore(t)
	rules := []store.Rule{
		{ID: 1, Query: "-tag:b kestrel", Tags: []string{"a"}},
		{ID: 2, Query: "title:(", Tags: []string{"x"}},
		{ID: 3, Query: "kestrel", Tags: []string{"bird"}},
		{Query: "-tag:a kestrel", Tags: []string{"b"}},
	}
	stream := sampleArticle(1, "2024-03-05", "A kestrel over the field.") + sampleArticle(2, "2024-03-06", "Another kestrel.")
	im := &Importer{Store: st, Rules: rules}
	rep, err := im.Run(context.Background(), []Source{{Name: "<stdin>", R: strings.NewReader(stream)}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 2 {
		t.Errorf("added %d, want 2", rep.Added)
	}
	if n, err := st.Count(context.Background(), "tag:bird"); err != nil || n != 2 {
		t.Errorf("tag:bird counts %d, %v; want 2 (the rule that applies tags)", n, err)
	}
	var out bytes.Buffer
	PrintSummary(&out, &out, rep, 0)
	var warned []string
	for line := range strings.Lines(out.String()) {
		if strings.HasPrefix(line, "warning: ") {
			warned = append(warned, strings.TrimSuffix(line, "\n"))
		}
	}
	want := []string{
		"warning: rules left out: rule 1 (-tag:b kestrel -> #a) and config rule 1 (-tag:a kestrel -> #b) leave out each other's tags (-tag:), " +
			"so what they tag would depend on their order; change or remove one of them (tidings rule list)",
		"warning: rule left out: rule 2 (title:( -> #x): its query does not parse: ",
	}
	if len(warned) != len(want) {
		t.Fatalf("summary:\n%s\nwant the warnings\n%s", out.String(), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(warned[i], want[i]) {
			t.Errorf("warning %d:\n%s\nwant it to begin\n%s", i, warned[i], want[i])
		}
	}
}
