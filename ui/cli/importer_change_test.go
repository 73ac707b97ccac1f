package cli

import (
	"context"
	"strings"
	"testing"
)

// TestImportChangeRecordNamingNothing: a JSON record that leaves the body
// out changes an article already there; when its id names none, it fails,
// naming its file and line and the id, and adds nothing. A record with a
// body is a new article, whatever else it leaves out.
func TestImportChangeRecordNamingNothing(t *testing.T) {
	const known = `{"external_id":"k1","title":"Harbour reopens","body":"The harbour reopened."}` + "\n"
	tests := []struct {
		name, record string
		added        int
		failed       string // the failure's line, "" for none
	}{
		{"a retitle of a mistyped id", `{"external_id":"k2","title":"A better title","retitled":true}`,
			0, `failed: in.jsonl:2: no article in the library has external_id "k2" (a record without a body changes an article already there)`},
		{"a title alone", `{"external_id":"k3","title":"A title"}`,
			0, `failed: in.jsonl:2: no article in the library has external_id "k3" (a record without a body changes an article already there)`},
		{"a star alone", `{"external_id":"k4","starred":true}`,
			0, `failed: in.jsonl:2: no article in the library has external_id "k4" (a record without a body changes an article already there)`},
		{"no id, no body", `{"title":"A title"}`,
			0, `failed: in.jsonl:2: the record has no body, nor the external_id of an article in the library (a record without a body changes an article already there)`},
		{"a body without a title", `{"external_id":"k5","body":"A new article."}`, 1, ""},
		{"an empty body", `{"external_id":"k6","title":"Headline only","body":""}`, 1, ""},
		{"the known id", `{"external_id":"k1","title":"A better title","retitled":true}`, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			dir := tree(t, map[string]string{"in.jsonl": known + tt.record + "\n"}, nil)
			rep, out := importPaths(t, st, dir, "in.jsonl")
			if rep.Added != 1+tt.added {
				t.Errorf("added %d, want %d:\n%s", rep.Added, 1+tt.added, out)
			}
			failed := ""
			for line := range strings.Lines(out) {
				if strings.HasPrefix(line, "failed: ") {
					failed = strings.TrimSuffix(line, "\n")
				}
			}
			if failed != tt.failed {
				t.Errorf("failure\n%s\nwant\n%s", failed, tt.failed)
			}
			if n, err := st.Count(context.Background(), ""); err != nil || n != 1+tt.added {
				t.Errorf("%d articles in the library, %v; want %d", n, err, 1+tt.added)
			}
		})
	}
}
