package cli

import (
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestEpochIsNoDate: an article dated the first second of 1970 (a zero Unix
// time, what software writes for a date it does not have) is undated
// everywhere: shown, found and exported as one, with a warning, and found
// again by the id it had.
func TestEpochIsNoDate(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := tree(t, map[string]string{
		"a.jsonl": `{"external_id":"e1","title":"Epoch","body":"Dated zero.","published":"1970-01-01T00:00:00Z"}` + "\n",
		"b.md":    "---\ntitle: Zero\ndate: 1970-01-01\n---\n\nNo date really.\n",
		"c.md":    "---\ntitle: Moon\ndate: 1969-07-20\n---\n\nA real old date.\n",
	}, nil)
	rep, out := importPaths(t, st, dir, ".")
	if rep.Added != 3 || strings.Count(out, "1970-01-01T00:00:00Z is a zero time, not a date: read as no date") != 2 {
		t.Fatalf("import:\n%s", out)
	}
	// The Moon landing is found by its own date (docs/QUERY.md), and the
	// zero times by none: they are undated.
	for q, want := range map[string]int{"date:1970": 0, "date:1969": 1, "before:1971": 1, "title:epoch date:1970": 0, "title:zero before:1971": 0} {
		if n, err := st.Count(ctx, q); err != nil || n != want {
			t.Errorf("%s counts %d, %v; want %d", q, n, err, want)
		}
	}
	for _, title := range []string{"Epoch", "Zero"} {
		var found bool
		err := st.Search(ctx, "title:"+title, 0, func(a store.Article) error {
			found = true
			if !a.Published.IsZero() {
				t.Errorf("%s published %v, want no date", title, a.Published)
			}
			return nil
		})
		if err != nil || !found {
			t.Errorf("%s: found %v, %v", title, found, err)
		}
	}
	if rep, out := importPaths(t, st, dir, "."); rep.Unchanged != 3 {
		t.Errorf("imported again:\n%s", out)
	}
}
