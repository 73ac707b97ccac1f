package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tidings/store"
)

// TestImportStdinFormat: standard input whose content does not say its
// format (Markdown without front matter) is read in the format --format
// gives, and without it fails saying how to give it; content that says
// its format is read so whatever --format says.
func TestImportStdinFormat(t *testing.T) {
	const markdown = "# Harbour reopens\n\nThe harbour reopened on **Friday**.\n"
	const sample = " date 2024-03-05 (AP) The harbour reopened on Friday.\n\nAP05032024000000000001ID0000000001\n"
	tests := []struct {
		name, format, input string
		wantTitle           string // "" when it fails
		wantOut             string
	}{
		{"Markdown as md", "md", markdown, "Harbour reopens", "1 added, 0 updated, 0 unchanged, 0 failed\n"},
		{"Markdown, no format", "", markdown, "",
			"0 added, 0 updated, 0 unchanged, 1 failed\nfailed: <stdin>: unknown format (Markdown without front matter? import --format md - reads it so)\n"},
		{"the sample format says so, whatever --format", "md", sample, "The harbour reopened on Friday", "1 added, 0 updated, 0 unchanged, 0 failed\n"},
		{"blank lines before Markdown", "md", "\n\n\n" + markdown, "Harbour reopens", "1 added, 0 updated, 0 unchanged, 0 failed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t)
			sources, _ := Sources([]string{"-"}, strings.NewReader(tt.input))
			rep, err := (&Importer{Store: st, StdinFormat: tt.format}).Run(context.Background(), sources)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			PrintSummary(&out, &out, rep, 0)
			if out.String() != tt.wantOut {
				t.Errorf("summary\n%s\nwant\n%s", out.String(), tt.wantOut)
			}
			var titles []string
			if err := st.Search(context.Background(), "", 0, func(a store.Article) error {
				titles = append(titles, a.Title)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if tt.wantTitle == "" && len(titles) != 0 || tt.wantTitle != "" && (len(titles) != 1 || titles[0] != tt.wantTitle) {
				t.Errorf("titles %q, want %q", titles, tt.wantTitle)
			}
		})
	}
}
