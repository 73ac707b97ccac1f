package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"tidings/store"
)

func TestWarningKind(t *testing.T) {
	tests := map[string]struct{ a, b string }{
		"dates":          {"no date; took 2019-09-23 from the id", "no date; took 2020-01-02 from the id"},
		"counts":         {"not valid UTF-8; 2 bytes replaced", "not valid UTF-8; 117 bytes replaced"},
		"quoted text":    {`invalid date "2024-13-01"`, `invalid date "yesterday"`},
		"escaped quotes": {`dropped URL "a\"b": not absolute`, `dropped URL "c": not absolute`},
		"quoted paths":   {`the same folder as "in/2024-05", read once`, `the same folder as "x/y z", read once`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if ka, kb := warningKind(tc.a), warningKind(tc.b); ka != kb {
				t.Errorf("kinds differ: %q, %q", ka, kb)
			}
		})
	}
	for _, pair := range [][2]string{
		{"no date", "no source"},
		{`invalid date "x"`, `cannot read "x" as a date`},
		{`an unclosed "quote`, `an unclosed "other`},
	} {
		if warningKind(pair[0]) == warningKind(pair[1]) {
			t.Errorf("%q and %q are one kind", pair[0], pair[1])
		}
	}
}

func TestPrintWarnings(t *testing.T) {
	noDate := func(n int) Problem {
		return Problem{File: fmt.Sprintf("f%d.txt", n), Line: n, Reason: fmt.Sprintf("no date; took 2024-01-%02d from the id", n%28+1)}
	}
	many := func(n int, p func(int) Problem) []Problem {
		var out []Problem
		for i := range n {
			out = append(out, p(i+1))
		}
		return out
	}
	rule := Problem{Reason: `rule "x": bad query`}
	badBytes := func(n int) Problem {
		return Problem{File: "s.jsonl", Line: n, Reason: fmt.Sprintf("not valid UTF-8; %d bytes replaced", n)}
	}
	tests := map[string]struct {
		warnings []Problem
		want     []string
	}{
		"none": {nil, nil},
		"a few, each listed": {
			many(10, noDate),
			[]string{
				"warning: f1.txt:1: no date; took 2024-01-02 from the id",
				"warning: f2.txt:2: no date; took 2024-01-03 from the id",
				"warning: f3.txt:3: no date; took 2024-01-04 from the id",
				"warning: f4.txt:4: no date; took 2024-01-05 from the id",
				"warning: f5.txt:5: no date; took 2024-01-06 from the id",
				"warning: f6.txt:6: no date; took 2024-01-07 from the id",
				"warning: f7.txt:7: no date; took 2024-01-08 from the id",
				"warning: f8.txt:8: no date; took 2024-01-09 from the id",
				"warning: f9.txt:9: no date; took 2024-01-10 from the id",
				"warning: f10.txt:10: no date; took 2024-01-11 from the id",
			},
		},
		"many of one kind": {
			many(2500, noDate),
			[]string{
				"warning: f1.txt:1: no date; took 2024-01-02 from the id",
				"warning: f2.txt:2: no date; took 2024-01-03 from the id",
				"warning: f3.txt:3: no date; took 2024-01-04 from the id",
				"  ... and 2,497 more like this",
			},
		},
		"many, none cut: in the order they came": {
			[]Problem{noDate(1), badBytes(2), rule, noDate(4), badBytes(5), noDate(6), badBytes(7), noDate(8), badBytes(9), rule, rule},
			[]string{
				"warning: f1.txt:1: no date; took 2024-01-02 from the id",
				"warning: s.jsonl:2: not valid UTF-8; 2 bytes replaced",
				`warning: rule "x": bad query`,
				"warning: f4.txt:4: no date; took 2024-01-05 from the id",
				"warning: s.jsonl:5: not valid UTF-8; 5 bytes replaced",
				"warning: f6.txt:6: no date; took 2024-01-07 from the id",
				"warning: s.jsonl:7: not valid UTF-8; 7 bytes replaced",
				"warning: f8.txt:8: no date; took 2024-01-09 from the id",
				"warning: s.jsonl:9: not valid UTF-8; 9 bytes replaced",
				`warning: rule "x": bad query`,
				`warning: rule "x": bad query`,
			},
		},
		"kinds in the order they came, one more listed, not counted": {
			append(append(append(many(7, noDate), rule), many(4, badBytes)...), noDate(99)),
			[]string{
				"warning: f1.txt:1: no date; took 2024-01-02 from the id",
				"warning: f2.txt:2: no date; took 2024-01-03 from the id",
				"warning: f3.txt:3: no date; took 2024-01-04 from the id",
				"  ... and 5 more like this",
				`warning: rule "x": bad query`,
				"warning: s.jsonl:1: not valid UTF-8; 1 bytes replaced",
				"warning: s.jsonl:2: not valid UTF-8; 2 bytes replaced",
				"warning: s.jsonl:3: not valid UTF-8; 3 bytes replaced",
				"warning: s.jsonl:4: not valid UTF-8; 4 bytes replaced",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out strings.Builder
			printWarnings(&out, tc.warnings)
			got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if out.Len() == 0 {
				got = nil
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestPrintSummaryListsFailuresThenWarnings(t *testing.T) {
	rep := ImportReport{
		Failed:   []Problem{{File: "in/gone", Reason: `dangling symbolic link: "x" does not exist`}},
		Warnings: []Problem{{File: "in/a.txt", Line: 4, Reason: "no source"}},
	}
	rep.Added = 1234
	var out, diag bytes.Buffer
	PrintSummary(&out, &diag, rep, 0)
	if want := "1,234 added, 0 updated, 0 unchanged, 1 failed\n"; out.String() != want {
		t.Errorf("summary\n%s\nwant\n%s", out.String(), want)
	}
	want := `failed: in/gone: dangling symbolic link: "x" does not exist` + "\n" +
		"warning: in/a.txt:4: no source\n"
	if diag.String() != want {
		t.Errorf("failures and warnings\n%s\nwant\n%s", diag.String(), want)
	}
}

// TestPrintSummaryListsEveryFailure: however many failed, each is named.
func TestPrintSummaryListsEveryFailure(t *testing.T) {
	var rep ImportReport
	for i := range 60 {
		rep.Failed = append(rep.Failed, Problem{File: fmt.Sprintf("in/empty%02d.txt", i), Reason: "empty file"})
	}
	var out bytes.Buffer
	PrintSummary(&out, &out, rep, 0)
	for i := range 60 {
		if want := fmt.Sprintf("failed: in/empty%02d.txt: empty file\n", i); !strings.Contains(out.String(), want) {
			t.Errorf("summary does not say %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "more") {
		t.Errorf("summary counts failures instead of naming them:\n%s", out.String())
	}
}

// TestProgressRate: the rate is of articles written since the import
// began, as the summary counts it, not since the first frame.
func TestProgressRate(t *testing.T) {
	var out bytes.Buffer
	p := &ProgressPrinter{W: &out, Start: time.Now().Add(-10 * time.Second)}
	p.Update(ImportProgress{Bytes: 500, Total: 1000, Read: 1500, Stored: 1005})
	if want := "1,500 articles read, 1,005 stored  100/s (50%)\n"; out.String() != want {
		t.Errorf("progress %q, want %q", out.String(), want)
	}
}

// TestSummaryOfAStoppedImport: an import that ended before it read
// everything says that the rest was not stored, not only that none failed.
func TestSummaryOfAStoppedImport(t *testing.T) {
	var out, diag bytes.Buffer
	rep := ImportReport{Stopped: true}
	rep.Added = 3
	PrintSummary(&out, &diag, rep, 0)
	if want := "3 added, 0 updated, 0 unchanged, 0 failed, then stopped\n"; out.String() != want {
		t.Errorf("summary %q, want %q", out.String(), want)
	}
}

// TestProgressNotRepeated: piped, the progress line is written when it
// changes, not again every few seconds while the import waits for the
// library (another tidings writing to it).
func TestProgressNotRepeated(t *testing.T) {
	var out bytes.Buffer
	p := &ProgressPrinter{W: &out, Start: time.Now().Add(-10 * time.Second)}
	pr := ImportProgress{Bytes: 1000, Total: 1000, Read: 1}
	for range 3 {
		p.Update(pr)
		p.last = p.last.Add(-10 * time.Second) // the interval passed
	}
	pr.Stored = 1
	p.Update(pr)
	if lines := strings.Count(out.String(), "\n"); lines != 2 {
		t.Errorf("%d lines, want 2 (one a change):\n%s", lines, out.String())
	}
}

// TestProgressBarFits: a frame leaves the end of the terminal's line free,
// so that it never wraps, nor does the ^C the terminal echoes after it.
func TestProgressBarFits(t *testing.T) {
	for _, width := range []int{20, 40, 60, 80, 100, 200} {
		for _, pr := range []ImportProgress{
			{Bytes: 10, Total: 1000, Read: 5},
			{Bytes: 500, Total: 1000, Read: 13597},
			{Bytes: 1000, Total: 1000, Read: 1234567, Stored: 1200000},
			{Read: 99999, Stored: 99999},
		} {
			var out bytes.Buffer
			p := &ProgressPrinter{W: &out, TTY: true, Width: width, Start: time.Now().Add(-time.Second)}
			p.Update(pr)
			frame := strings.Trim(ansi.Strip(out.String()), "\r")
			if frame == "" || strings.ContainsAny(frame, "\r\n") {
				t.Fatalf("width %d, %+v: frame %q", width, pr, out.String())
			}
			if w := ansi.StringWidth(frame); w > width-2 {
				t.Errorf("width %d, %+v: a frame of %d cells: %q", width, pr, w, frame)
			}
		}
	}
}

// TestProgressStops: once the import is done or interrupted the bar is
// cleared and not drawn again; an interrupted import clears the line on a
// terminal even with no bar on it, for the ^C echoed there.
func TestProgressStops(t *testing.T) {
	start := time.Now().Add(-time.Second)
	pr := ImportProgress{Bytes: 10, Total: 100, Read: 10}
	for name, tc := range map[string]struct {
		draw bool
		stop func(*ProgressPrinter)
		want string
	}{
		"done":                    {true, (*ProgressPrinter).Done, "\r\x1b[2K"},
		"done, nothing drawn":     {false, (*ProgressPrinter).Done, ""},
		"interrupted":             {true, (*ProgressPrinter).Interrupted, "\r\x1b[2K"},
		"interrupted, none drawn": {false, (*ProgressPrinter).Interrupted, "\r\x1b[2K"},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			p := &ProgressPrinter{W: &out, TTY: true, Start: start}
			if tc.draw {
				p.Update(pr)
				if out.Len() == 0 {
					t.Fatal("no frame drawn")
				}
				out.Reset()
			}
			tc.stop(p)
			p.Update(pr)
			if out.String() != tc.want {
				t.Errorf("wrote %q, want %q", out.String(), tc.want)
			}
		})
	}
}

// TestOneArticle: one article is one article, and a rate under one a
// second is not printed as 0.
func TestOneArticle(t *testing.T) {
	var out bytes.Buffer
	p := &ProgressPrinter{W: &out, Start: time.Now().Add(-10 * time.Second)}
	p.Update(ImportProgress{Read: 1})
	if want := "1 article read\n"; out.String() != want {
		t.Errorf("progress %q, want %q", out.String(), want)
	}
	out.Reset()
	PrintSummary(&out, &out, ImportReport{ImportStats: store.ImportStats{Added: 1}}, 4*time.Second)
	if want := "1 added, 0 updated, 0 unchanged, 0 failed in 4.0s\n"; out.String() != want {
		t.Errorf("summary %q, want %q", out.String(), want)
	}
}
