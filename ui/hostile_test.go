package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// hostileMarkdown is Markdown built to keep glamour busy: deep nesting,
// great length, huge tables, one endless line.
var hostileMarkdown = map[string]func() string{
	"100,000 HTML line breaks on one line": func() string { return "# Breaks\n\n" + strings.Repeat("word<br>", 100000) },
	"20,000 nested quotes":                 func() string { return strings.Repeat("> ", 20000) + "deep" },
	"quotes and lists, 3,000 levels": func() string {
		return strings.Repeat("> - ", 3000) + "deep"
	},
	"600 list levels": func() string {
		var b strings.Builder
		for i := range 600 {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	},
	"500 numbered levels, tabs": func() string {
		var b strings.Builder
		for i := range 500 {
			b.WriteString(strings.Repeat("\t", i) + "1. item\n")
		}
		return b.String()
	},
	"10 MB table": func() string {
		return "| a | b | c |\n|---|---|---|\n" + strings.Repeat("| x | y | z |\n", 10<<20/14)
	},
	"50 MB of short paragraphs": func() string {
		return strings.Repeat("Some words in a sentence here.\n\n", 50<<20/32)
	},
	"a 20 MB line": func() string { return strings.Repeat("word ", 4<<20) },
}

// renderGuarded renders md, failing the test if it takes longer than a
// minute: a guard against a hang, not a speed figure (BenchmarkHostileMarkdown
// measures those). Under the race detector it skips a test that renders
// more than 16 KB: glamour laying out megabytes on one goroutine has no race
// to find, and takes many minutes there; .ci/run runs these tests again
// without -race.
func renderGuarded(t *testing.T, md string) string {
	t.Helper()
	if raceDetector && len(md) > 16<<10 {
		t.Skipf("renders %d KB: run without -race (see raceDetector)", len(md)>>10)
	}
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := RenderMarkdown(md, "", 100, "dark", false)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.out
	case <-time.After(time.Minute):
		t.Fatal("rendering did not finish within a minute")
		return ""
	}
}

// TestHostileMarkdownRenders checks that Markdown built to stall the
// renderer is cut or flattened: the rendering is bounded, says when the
// article was cut, and stays terminal-safe.
func TestHostileMarkdownRenders(t *testing.T) {
	for name, build := range hostileMarkdown {
		t.Run(name, func(t *testing.T) {
			md := build()
			out := renderGuarded(t, md)
			if len(out) > 16<<20 {
				t.Errorf("%d bytes of Markdown render to %d bytes", len(md), len(out))
			}
			if len(md) > maxRenderBytes && !strings.Contains(out, "The article is cut here") {
				t.Error("a cut article does not say it is cut")
			}
			if !strings.Contains(out, "deep") && !strings.Contains(out, "item") && !strings.Contains(out, "word") &&
				!strings.Contains(out, "Some words") && !strings.Contains(out, "x") {
				t.Errorf("the text is gone: %.300q", out)
			}
			if err := checkTerminalSafe(out); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestTameMarkdownKeepsArticles checks that ordinary articles reach glamour
// as they are: only what is too long or too deep is touched.
func TestTameMarkdownKeepsArticles(t *testing.T) {
	for name, md := range map[string]string{
		"paragraphs":     "First paragraph.\n\nSecond - with a dash.\n\n> a quote\n> > nested once\n",
		"lists":          "- a\n  - b\n    - c\n      1. d\n",
		"eight quotes":   strings.Repeat("> ", maxNesting) + "deep enough",
		"code":           "```\n" + strings.Repeat(" ", 30) + "indented code\n```\n",
		"a long article": strings.Repeat("A sentence of a long article. ", 10000),
	} {
		if got := tameMarkdown(md); got != md {
			t.Errorf("%s: changed to %.200q", name, got)
		}
	}
	for name, tc := range map[string]struct{ in, want string }{
		"nine quotes":        {strings.Repeat("> ", 9) + "x", strings.Repeat(">", 8) + " x"},
		"deep bullets":       {strings.Repeat("- ", 20) + "x", "- x"},
		"deep indentation":   {strings.Repeat(" ", 100) + "- x", strings.Repeat(" ", 16) + "- x"},
		"quotes then bullet": {strings.Repeat("> ", 12) + "- x", strings.Repeat(">", 7) + " - x"},
	} {
		if got := tameMarkdown(tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
}

// TestRenderLinesAsShown: the line limit counts lines as glamour lays them
// out, a paragraph's hand-wrapped lines joined: a long report wrapped at 70
// columns reads to its end, while as many short paragraphs, list items, code
// lines or hard breaks are cut, saying so.
func TestRenderLinesAsShown(t *testing.T) {
	// A paragraph of six lines of 70 columns, over 6,000 lines and under
	// the byte limit.
	para := strings.Repeat(strings.Repeat("word ", 13)+"sixty-nine\n", 6)
	var report strings.Builder
	for i := 0; report.Len() < 400<<10; i++ {
		fmt.Fprintf(&report, "Paragraph %d. %s\n", i, para)
	}
	report.WriteString("The last paragraph of the report.\n")
	if n := strings.Count(report.String(), "\n"); n <= maxRenderLines {
		t.Fatalf("the report has %d lines, want more than %d", n, maxRenderLines)
	}
	md := cleanMarkdown(report.String())
	if strings.Contains(md, cutNoticeStart) || !strings.Contains(md, "The last paragraph of the report.") {
		t.Errorf("a hand-wrapped report of %d lines is cut: %q", strings.Count(report.String(), "\n"), md[max(len(md)-300, 0):])
	}

	for name, body := range map[string]string{
		"short paragraphs": strings.Repeat("line\n\n", maxRenderLines),
		"list items":       strings.Repeat("- item\n", maxRenderLines*2),
		"lines of code":    "```\n" + strings.Repeat("x = 1\n", maxRenderLines*2) + "```\n",
		"html line breaks": strings.Repeat("word<br>", maxRenderLines*2),
		"hard line breaks": strings.Repeat("word  \n", maxRenderLines*2),
	} {
		t.Run(name, func(t *testing.T) {
			got := cleanMarkdown(body)
			if n := strings.Count(got, "\n"); n > maxRenderLines+10 {
				t.Errorf("%d lines kept, at most %d", n, maxRenderLines)
			}
			if !strings.Contains(got, cutNoticeStart) || !strings.Contains(got, "more than 5,000 lines") {
				t.Errorf("the cut does not say why: %q", got[max(len(got)-300, 0):])
			}
			out := renderGuarded(t, body)
			if !strings.Contains(out, "The article is cut here") || strings.Contains(out, "*The article") {
				t.Errorf("the cut is not shown as such: %q", out[max(len(out)-600, 0):])
			}
		})
	}
	got := cleanMarkdown(strings.Repeat("A sentence of a long article. ", 30000))
	if !strings.Contains(got, cutNoticeStart+"it is 878 KB long, more than the reader renders (512 KB)") {
		t.Errorf("the cut does not say how long the article is: %q", got[max(len(got)-300, 0):])
	}
}

// BenchmarkHostileMarkdown prints how long each hostile body takes to render.
func BenchmarkHostileMarkdown(b *testing.B) {
	for name, build := range hostileMarkdown {
		md := build()
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := RenderMarkdown(md, "", 100, "dark", false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
