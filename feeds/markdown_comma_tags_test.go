package feeds

import (
	"slices"
	"testing"
)

// TestCommaTagsUnquoted: tags written on one line and split at its commas
// lose one pair of quotes, straight or curly, around each: "new york" is
// the tag new york. Quotes inside a tag, or only on one side, stay.
func TestCommaTagsUnquoted(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{`tags: politics, "new york", climate change`, []string{"politics", "new york", "climate change"}},
		{`tags: 'new york', politics`, []string{"new york", "politics"}},
		{`tags: “new york”, ‘climate change’`, []string{"new york", "climate change"}},
		{`tags: politics , " padded " ,"new york"`, []string{"politics", "padded", "new york"}},
		{`tags: say "hi", 5" floppy`, []string{`say "hi"`, `5" floppy`}},
		{`tags: ""quoted"", x`, []string{`"quoted"`, "x"}},
		{`keywords: politics, "new york"`, []string{"politics", "new york"}},
	} {
		items := readString(t, "tags.md", "---\ntitle: Tagged\n"+tc.line+"\n---\n\nBody.\n")
		if len(items) != 1 || items[0].Err != nil {
			t.Fatalf("%s: %+v", tc.line, items)
		}
		if got := items[0].Article.Tags; !slices.Equal(got, NormalizeTags(tc.want)) {
			t.Errorf("%s: tags %q, want %q", tc.line, got, NormalizeTags(tc.want))
		}
	}
}
