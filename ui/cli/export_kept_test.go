package cli

import (
	"bytes"
	"fmt"
	"testing"
)

// TestExportSummaryCountsKeptFiles: the files an export kept rather than
// write over are counted in its summary, with what to do to have them
// exported, and make it incomplete (exit status 1), where the summary said
// "0 failed" and the export passed for whole.
func TestExportSummaryCountsKeptFiles(t *testing.T) {
	problems := func(n int) []Problem {
		var ps []Problem
		for i := range n {
			ps = append(ps, Problem{File: fmt.Sprintf("f%d.md", i), Reason: "edited since it was exported"})
		}
		return ps
	}
	for _, tt := range []struct {
		kept, failed int
		summary      string
		incomplete   string // "" when whole
	}{
		{0, 0, "3 articles exported to out, 0 notes; 0 failed\n", ""},
		{1, 0, "3 articles exported to out, 0 notes; 1 file kept as it was (delete it to export it again); 0 failed\n", "1 kept"},
		{2, 1, "3 articles exported to out, 0 notes; 2 files kept as they were (delete them to export them again); 1 failed\n", "2 kept, 1 failed"},
		{0, 2, "3 articles exported to out, 0 notes; 2 failed\n", "2 failed"},
	} {
		rep := ExportReport{Articles: 3, Dest: "out", Kept: problems(tt.kept), Failed: problems(tt.failed)}
		var o, e bytes.Buffer
		PrintExportSummary(&o, &e, rep)
		if o.String() != tt.summary {
			t.Errorf("%d kept, %d failed: summary %q, want %q", tt.kept, tt.failed, o.String(), tt.summary)
		}
		err := rep.Incomplete()
		if got := fmt.Sprint(err); err == nil && tt.incomplete != "" || err != nil && got != tt.incomplete {
			t.Errorf("%d kept, %d failed: incomplete %v, want %q", tt.kept, tt.failed, err, tt.incomplete)
		}
	}
}
