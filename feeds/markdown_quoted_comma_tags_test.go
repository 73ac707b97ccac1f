package feeds

import (
	"slices"
	"testing"
)

// TestQuotedTagHoldsItsCommas: a tag list written on one line is split at
// its commas outside quotes: "new york, ny" is one tag, its quotes gone,
// whichever quotes hold it. A quote inside a tag splits nothing; the
// whole line quoted as one value is split as before.
func TestQuotedTagHoldsItsCommas(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{`tags: "new york, ny", politics`, []string{"new york, ny", "politics"}},
		{`tags: politics, "new york, ny"`, []string{"politics", "new york, ny"}},
		{`tags: 'a, b', “c, d”, „e, f“, «g, h», 'it's'`, []string{"a, b", "c, d", "e, f", "g, h", "it's"}},
		{`tags: "a, b", "c"`, []string{"a, b", "c"}},
		{`tags: 'don''t, stop'`, []string{"don't", "stop"}},
		{`tags: say "hi, there", x`, []string{`say "hi`, `there"`, "x"}},
		{`tags: "a" b, c`, []string{`"a" b`, "c"}},
		{`tags: politics, "new york", climate change`, []string{"politics", "new york", "climate change"}},
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
