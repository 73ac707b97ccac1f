package cli

import (
	"strings"
	"testing"

	"tidings/store"
	"tidings/store/anchor"
)

// A highlighted code block keeps its indentation in the Markdown export.
func TestExportMarkdownKeepsAQuotesIndentation(t *testing.T) {
	body := "The fix was small:\n\n```go\nfunc retry() {\n    for i := 0; i < 3; i++ {\n        if send() == nil {\n            return\n        }\n    }\n}\n```\n\nIt shipped on Monday."
	text := anchor.PlainText(body)
	for _, tc := range []struct {
		name, quote string
		want        string
	}{
		{"the whole block", "func retry() {\n    for i := 0; i < 3; i++ {\n        if send() == nil {\n            return\n        }\n    }\n}",
			"> func retry() {\n>     for i := 0; i < 3; i++ {\n>         if send() == nil {\n>             return\n>         }\n>     }\n> }\n"},
		{"from an indented line", "        if send() == nil {\n            return",
			">         if send() == nil {\n>             return\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := strings.Index(text, tc.quote)
			if i < 0 {
				t.Fatalf("%q is not in %q", tc.quote, text)
			}
			sel := anchor.Make(text, i, i+len(tc.quote))
			doc, err := ExportMarkdown(store.Article{ID: 1, Title: "Retry", Body: body},
				[]store.Annotation{{Quote: sel.Quote, Prefix: sel.Prefix, Suffix: sel.Suffix, Note: "the loop"}})
			if err != nil {
				t.Fatal(err)
			}
			_, notes, _ := strings.Cut(doc, "## Notes\n\n")
			if want := tc.want + "\nthe loop\n"; notes != want {
				t.Errorf("notes:\n%s\nwant:\n%s", notes, want)
			}
		})
	}
}
