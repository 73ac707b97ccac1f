package cli

import (
	"bytes"
	"testing"
)

// TestStoppedJSONExportSaysEarlierFileOnlyWhenThere: the summary of a JSON
// export to a file stopped before its end says a file exported before is
// left as it was only when there was one (main's TestStoppedExportSaysItStopped
// stops such exports).
func TestStoppedJSONExportSaysEarlierFileOnlyWhenThere(t *testing.T) {
	const dest = "outj/tidings-export.jsonl"
	for _, tc := range []struct {
		name    string
		earlier bool
		want    string
	}{
		{"empty folder", false, "0 articles exported, 0 notes; 0 failed, then stopped: " + dest + " not written\n"},
		{"an export before", true, "0 articles exported, 0 notes; 0 failed, then stopped: " + dest + " not written (one exported before is left as it was)\n"},
	} {
		var out, diag bytes.Buffer
		PrintExportSummary(&out, &diag, ExportReport{Dest: dest, Stopped: true, Unwritten: true, EarlierFile: tc.earlier})
		if out.String() != tc.want {
			t.Errorf("%s: said\n%q\nwant\n%q", tc.name, out.String(), tc.want)
		}
	}
}
