package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/feeds"
)

// recordedTerminal is a vtTerminal that keeps what was written to it.
type recordedTerminal struct {
	*vtTerminal
	raw bytes.Buffer
}

func (r *recordedTerminal) Write(b []byte) (int, error) {
	r.raw.Write(b)
	return r.vtTerminal.Write(b)
}

// TestExportProgress: an export shows on a terminal how many articles it
// has written, and clears that line before the summary; to anything that
// is not a terminal it writes nothing. The summary writes its counts as
// the import's does, with thousands separators.
func TestExportProgress(t *testing.T) {
	st := openStore(t)
	var batch []feeds.Article
	for i := range 3 {
		batch = append(batch, feeds.Article{ExternalID: fmt.Sprint("p", i), Title: fmt.Sprint("Article ", i), Body: "Text.",
			Published: time.Date(2024, 3, 5, i, 0, 0, 0, time.UTC)})
	}
	if _, err := st.Import(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "md"} {
		t.Run(format, func(t *testing.T) {
			term := &recordedTerminal{vtTerminal: newVTTerminal(t, 80)}
			rep, err := Export(context.Background(), st, nil, ExportOptions{Format: format, Out: t.TempDir(), Progress: term})
			if err != nil || rep.Articles != 3 {
				t.Fatalf("Export: %+v, %v", rep, err)
			}
			if !strings.Contains(term.raw.String(), "Exporting… 1 article") {
				t.Errorf("the terminal was not told how far the export is: %q", term.raw.String())
			}
			if lines := term.lines(); len(lines) > 0 {
				t.Errorf("the progress line is left on screen: %q", lines)
			}

			var pipe bytes.Buffer
			if _, err := Export(context.Background(), st, nil, ExportOptions{Format: format, Out: t.TempDir(), Progress: &pipe}); err != nil {
				t.Fatal(err)
			}
			if pipe.Len() > 0 {
				t.Errorf("progress written to a pipe: %q", pipe.String())
			}
		})
	}

	var out bytes.Buffer
	PrintExportSummary(&out, &out, ExportReport{Articles: 1000004, Notes: 5000, Dest: "x.jsonl", Failed: nil})
	if want := "1,000,004 articles exported to x.jsonl, 5,000 notes; 0 failed\n"; out.String() != want {
		t.Errorf("summary %q, want %q", out.String(), want)
	}
}
