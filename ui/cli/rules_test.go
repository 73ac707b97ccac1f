package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"tidings/store"
	"tidings/store/query"
)

// TestRuleTagsAreTerms: a rule's tags are printed as the query language
// writes them, so that a tag with a space in it cannot be read as two, and
// the printed terms find exactly the rule's tags.
func TestRuleTagsAreTerms(t *testing.T) {
	tests := []struct {
		tags  []string
		want  string
		names []string // the tags the printed terms name; tags when nil
	}{
		{[]string{"far future", "space"}, `quasars -> tag:"far future" #space`, nil},
		{[]string{"far", "future", "space"}, `quasars -> #far #future #space`, nil},
		{[]string{"long read"}, `quasars -> tag:"long read"`, nil},
		{[]string{`say "hi"`}, `quasars -> tag:"say \"hi\""`, nil},
		{[]string{"a(b)"}, `quasars -> tag:"a(b)"`, nil},
		{[]string{"star*"}, `quasars -> tag:"star*"`, nil},
		{[]string{"#eu", " eu "}, `quasars -> #eu`, []string{"eu"}},
		{[]string{"a:b", "-x", "OR"}, `quasars -> #a:b #-x #OR`, nil},
		{[]string{"Zürich"}, `quasars -> #Zürich`, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.tags, "|"), func(t *testing.T) {
			var b bytes.Buffer
			if err := ListRules(&b, []store.Rule{{ID: 1, Query: "quasars", Tags: tt.tags}}, nil); err != nil {
				t.Fatal(err)
			}
			if got, want := b.String(), "1\t"+tt.want+"\n"; got != want {
				t.Errorf("rule list printed %q, want %q", got, want)
			}
			_, terms, _ := strings.Cut(tt.want, " -> ")
			n, err := query.Parse(terms)
			if err != nil {
				t.Fatalf("%s: %v", terms, err)
			}
			kids := []query.Node{n}
			if n.Kind == query.And {
				kids = n.Kids
			}
			var names []string
			for _, k := range kids {
				if k.Kind != query.Tag || k.Prefix {
					t.Fatalf("%s: %v is not a tag", terms, k)
				}
				names = append(names, k.Value)
			}
			want := tt.names
			if want == nil {
				want = tt.tags
			}
			if !slices.Equal(names, want) {
				t.Errorf("%s names the tags %q, want %q", terms, names, want)
			}
		})
	}
}
