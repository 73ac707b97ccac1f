package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
	"tidings/store"
)

// invisibles are characters that show nothing, which the TUI drops from a
// one-line field (marks.Drop) where they change nothing drawn.
const invisibles = "\u200d\u200c\u200e\u200f\u00ad\u034f\u2060\ufe0f"

// The command line prints titles, sources, feed names and rules' queries
// as the TUI shows them: without the characters that show nothing, so that
// "Reu\u00adters" prints as "Reuters" does; a joiner an emoji sequence or a
// Persian word needs stays.
func TestOneLineOutputDropsInvisibles(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	const zw = "ZW\u200dJ\u200eM\u00adH"
	for _, f := range []store.Feed{
		{URL: "https://zw.example/feed", Title: zw},
		{URL: "https://reuters.example/feed", Title: "Reu\u00adters"},
	} {
		if _, err := st.Subscribe(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	if _, err := st.Import(ctx, []feeds.Article{
		{ExternalID: "z", FeedURL: "https://zw.example/feed", Title: "Ti\u200ctle " + zw + " 👩\u200d💻 می\u200cخواهم", Published: day, Body: "Body."},
		{ExternalID: "w", Source: "Wi\u200dre", Title: "Plain", Published: day.Add(-time.Hour), Body: "Body."},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddRule(ctx, "que\u00adry "+zw, []string{"tag"}); err != nil {
		t.Fatal(err)
	}
	rules, err := st.Rules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.ArticleByExternalID(ctx, "z")
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		print func(w *bytes.Buffer) error
		want  []string
	}{
		"feed list": {func(w *bytes.Buffer) error { return ListFeeds(ctx, st, w) }, []string{"ZWJMH\n", "Reuters\n"}},
		"rule list": {func(w *bytes.Buffer) error { return ListRules(w, rules, nil) }, []string{"query ZWJMH"}},
		"search":    {func(w *bytes.Buffer) error { return Search(ctx, st, w, "", SearchOptions{}) }, []string{"ZWJMH         Title ZWJMH 👩\u200d💻 می\u200cخواهم", "Wire          Plain"}},
		"show": {func(w *bytes.Buffer) error { _, err := w.WriteString(Markdown(a, nil)); return err },
			[]string{"# Title ZWJMH 👩\u200d💻 می\u200cخواهم", "ZWJMH · 2024-03-05"}},
		"one line": {func(w *bytes.Buffer) error { _, err := w.WriteString(OneLine(zw)); return err }, []string{"ZWJMH"}},
		"one lines": {func(w *bytes.Buffer) error {
			_, err := w.WriteString(OneLines([]string{zw, "\u200d", "Reu\u00adters"}))
			return err
		},
			[]string{"ZWJMH Reuters"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.print(&b); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("%q not in %q", w, out)
				}
			}
			// What is left of the joiners is those the emoji and the
			// Persian word need.
			rest := strings.NewReplacer("👩\u200d💻", "", "می\u200cخواهم", "").Replace(out)
			if i := strings.IndexAny(rest, invisibles); i >= 0 {
				t.Errorf("an invisible character at %d of %q", i, out)
			}
		})
	}
}
