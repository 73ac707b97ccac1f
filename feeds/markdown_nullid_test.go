package feeds

import (
	"slices"
	"testing"
)

// TestFrontMatterNullIDKeepsFormerID: a file whose id is YAML's null
// ("id: null", "guid: ~") was imported by an earlier tidings under the id
// "null" or "~"; now that null is no value it is found by that id among
// its former ids, so importing it again updates its article (with its
// notes and tags) instead of adding a second one.
func TestFrontMatterNullIDKeepsFormerID(t *testing.T) {
	for _, tc := range []struct{ front, former string }{
		{"id: null", "null"},
		{"id: ~", "~"},
		{"guid: ~", "~"},
		{"guid: NULL", "NULL"},
	} {
		t.Run(tc.front, func(t *testing.T) {
			items := readString(t, "cranes.md", "---\ntitle: Harbour cranes to be replaced\n"+tc.front+"\ntags: [port]\n---\n\nThe cranes will go.\n")
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("%+v", items)
			}
			a := items[0].Article
			if a.ExternalID == tc.former {
				t.Fatalf("id %q: want no id of its own", a.ExternalID)
			}
			if !slices.Contains(a.FormerIDs, tc.former) {
				t.Errorf("former ids %q, want %q among them", a.FormerIDs, tc.former)
			}
		})
	}
}
