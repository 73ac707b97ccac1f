package feeds

import (
	"strings"
	"testing"
)

// A JSON record's note on the whole article that says nothing is left out
// with a warning naming it, as the reader and tidings note refuse to save
// one; a highlight without a note, and every other note, is imported.
func TestJSONEmptyWholeArticleNotes(t *testing.T) {
	tests := []struct {
		name        string
		annotations string
		kept        []Annotation
		warnings    []string
	}{
		{"empty", `[{"note":""}]`, nil, []string{"annotation 1 is a note on the whole article that says nothing: left out"}},
		{"white space", `[{"quote":"","note":"  \n\t "}]`, nil, []string{"annotation 1 is a note on the whole article that says nothing: left out"}},
		{"invisible", `[{"note":"\u200b\u00ad\u200d"}]`, nil, []string{"annotation 1 is a note on the whole article that says nothing: left out"}},
		{"controls", `[{"quote":"\u001b[2J","note":"\u001b]0;t\u0007"}]`, nil, []string{"annotation 1 is a note on the whole article that says nothing: left out"}},
		{"among others", `[{"quote":"Critics say","note":"no times"},{"note":""},{"quote":"","note":"whole"}]`,
			[]Annotation{{Quote: "Critics say", Note: "no times"}, {Note: "whole"}},
			[]string{"annotation 2 is a note on the whole article that says nothing: left out"}},
		{"highlight without a note", `[{"quote":"Critics say","note":""}]`, []Annotation{{Quote: "Critics say"}}, nil},
		{"whole-article note", `[{"note":"worth a read"}]`, []Annotation{{Note: "worth a read"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line := `{"external_id":"open-1","annotations":` + tc.annotations + "}\n"
			items := readString(t, "edge.jsonl", line)
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %+v", items)
			}
			a := items[0].Article
			if len(a.Annotations) != len(tc.kept) {
				t.Fatalf("annotations %+v, want %+v", a.Annotations, tc.kept)
			}
			for i, want := range tc.kept {
				if got := a.Annotations[i]; got.Quote != want.Quote || got.Note != want.Note {
					t.Errorf("annotation %d: %+v, want %+v", i, got, want)
				}
			}
			var warned []string
			for _, w := range a.Warnings {
				if strings.HasPrefix(w, "annotation ") {
					warned = append(warned, w)
				}
			}
			if strings.Join(warned, "|") != strings.Join(tc.warnings, "|") {
				t.Errorf("warnings %q, want %q", a.Warnings, tc.warnings)
			}
		})
	}
}
