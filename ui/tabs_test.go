package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"tidings/feeds"
	"tidings/store"
)

// goTabs is Go as gofmt writes it, indented with tabs, one line too long for
// a narrow terminal.
const goTabs = "Here is some Go:\n\n```go\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tif i%2 == 0 {\n" +
	"\t\t\tfmt.Println(\"even number found in the loop here, printing a long line\", i, i*2, i*3)\n" +
	"\t\t}\n\t}\n}\n```\n\nAfter\twith\ttabs\tin\ta\tparagraph\tthat\tis\tlong\tenough\tto\twrap.\n"

func TestExpandTabs(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"no tabs":           {"a  b\n\n```\nx\n```\n", "a  b\n\n```\nx\n```\n"},
		"fenced code":       {"```\nf() {\n\tx\tyy\n\t\tz\n}\n```\n", "```\nf() {\n    x   yy\n        z\n}\n```\n"},
		"indented code":     {"text\n\n\tcode\tx\n\t\tdeeper\n", "text\n\n    code    x\n        deeper\n"},
		"text":              {"ab\tc\td\n", "ab  c   d\n"},
		"wide before a tab": {"日本\tx\n", "日本    x\n"},
		// In a list item the code's stops count from its own start, not
		// from the line's: the item's two columns are not the code's.
		"code in a list item": {"- item\n\n  ```\n  a\tb\n  \tc\n  ```\n", "- item\n\n  ```\n  a   b\n      c\n  ```\n"},
		"code in a quote":     {"> ```\n> ab\tc\n> ```\n", "> ```\n> ab  c\n> ```\n"},
		// A tab the indentation takes half of: a list item's text, then
		// code indented by the rest.
		"list item indented by a tab": {"-\tone\n\n\ttwo\n", "-   one\n\n    two\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := expandTabs(tt.in)
			if got != tt.want {
				t.Errorf("expandTabs(%q)\n = %q\nwant %q", tt.in, got, tt.want)
			}
			if a, b := blockKinds(tt.in), blockKinds(got); a != b {
				t.Errorf("the structure changed:\n%s\nbecame\n%s", a, b)
			}
		})
	}
}

// TestExpandTabsKeepsStructure: Markdown reads a tab in a line's indentation
// as the spaces up to a stop of 4, so written so it is read the same.
func TestExpandTabsKeepsStructure(t *testing.T) {
	for _, md := range []string{
		"- a\n\t- b\n\t\t- c\n\n\t\t\tcode in c\n",
		"1. one\n\n\tpara of one\n\n\t\tcode of one\n",
		"> quote\n>\tcode?\n>\t\tcode\n",
		" \tcode after a space\n",
		"  -\ttwo\n   \tthree\n",
		"| a\t| b |\n|---|---|\n| 1\t| 2 |\n",
	} {
		if a, b := blockKinds(md), blockKinds(expandTabs(md)); a != b {
			t.Errorf("%q: the structure changed:\n%s\nbecame\n%s", md, a, b)
		}
		if strings.Contains(expandTabs(md), "\t") {
			t.Errorf("%q: a tab is left", md)
		}
	}
}

// blockKinds describes md's blocks, their nesting and their text.
func blockKinds(md string) string {
	src := []byte(md)
	var b strings.Builder
	depth := 0
	_ = ast.Walk(softBreakParser.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		b.WriteString(strings.Repeat(" ", depth) + n.Kind().String())
		if n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindFencedCodeBlock {
			// The code's words; its white space is what changes.
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.WriteString(" " + strings.Join(strings.Fields(string(seg.Value(src))), "_"))
			}
		}
		b.WriteString("\n")
		depth++
		return ast.WalkContinue, nil
	})
	return b.String()
}

// tabLibrary is a library holding one article whose body is body.
func tabLibrary(t *testing.T, body string) *store.Store {
	t.Helper()
	lib, _ := openLibrary(t)
	a := feeds.Article{ExternalID: "TABS1", Source: "GoBlog", Title: "Go code with tabs",
		Published: time.Date(2024, 6, 4, 12, 0, 0, 0, time.UTC), Body: body}
	if _, err := lib.Import(context.Background(), []feeds.Article{a}); err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestTabsInTheReader: tab-indented code keeps its indentation, 4 columns a
// tab, and no line of it or of a paragraph with tabs is wider than the
// screen.
func TestTabsInTheReader(t *testing.T) {
	lib := tabLibrary(t, goTabs)
	for _, width := range []int{80, 40, 120} {
		m := openReader(t, lib, width, 40)
		checkFits(t, m, width, 40)
		s := viewText(m)
		if strings.Contains(s, "\t") {
			t.Errorf("%d columns: a tab reaches the screen", width)
		}
		for _, want := range []string{"    func main() {", "        for i := 0;", "            if i%2 == 0 {", "                fmt.Println(", "  After   with    tabs    in  a   "} {
			found := false
			for line := range strings.SplitSeq(s, "\n") {
				if strings.HasPrefix(line, want) {
					found = true
				}
			}
			if !found {
				t.Errorf("%d columns: no line starts %q:\n%s", width, want, s)
			}
		}
	}
}

// TestTabsInShow: tidings show on a terminal writes no tab, and no line
// wider than the terminal.
func TestTabsInShow(t *testing.T) {
	for _, width := range []int{80, 40} {
		out, err := RenderMarkdown(goTabs, "", width, "dark", false)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\t") {
			t.Errorf("%d columns: a tab in %q", width, out)
		}
		for i, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("%d columns: line %d is %d wide: %q", width, i, w, ansi.Strip(line))
			}
		}
		if !strings.Contains(ansi.Strip(out), "\n            if i%2 == 0 {") {
			t.Errorf("%d columns: the code lost its indentation:\n%s", width, ansi.Strip(out))
		}
	}
}

// TestPassagesInTabIndentedCode: a note's passage across tab-indented lines
// of code, and a selection made with v through them, are drawn on their
// words.
func TestPassagesInTabIndentedCode(t *testing.T) {
	lib := tabLibrary(t, goTabs)
	id := firstID(t, lib)
	quote := "i%2 == 0 {\n\t\t\tfmt.Println(\"even number"
	addNotes(t, lib, id, passage(t, lib, id, quote))
	for _, width := range []int{80, 40} {
		m := openReader(t, lib, width, 40)
		st := root(t, m).styles
		if got := styledText(m.View().Content, st.passageSGR); got != words(quote) {
			t.Errorf("%d columns: the passage is drawn on %q, want %q", width, got, words(quote))
		}
		m = step(t, m, press("v"))
		for i := range 6 {
			sel, ok := root(t, m).reader.selected()
			if !ok {
				t.Fatalf("%d columns, step %d: nothing selected", width, i)
			}
			if got := styledText(m.View().Content, st.selectionSGR); got != words(sel.Quote) {
				t.Errorf("%d columns, step %d: selected %q, drawn on %q", width, i, words(sel.Quote), got)
			}
			m = step(t, m, press("w"))
		}
		if sel, _ := root(t, m).reader.selected(); !strings.Contains(sel.Quote, "\t\t\tfmt.Println(") {
			t.Errorf("%d columns: the selection did not reach the code: %q", width, sel.Quote)
		}
		m = step(t, m, press("esc"))
		m = step(t, m, tea.WindowSizeMsg{Width: width, Height: 40})
	}
}

// TestPlainPreviewTabs: the text shown while an article renders has no tab
// either.
func TestPlainPreviewTabs(t *testing.T) {
	got := plainBody("a\tb\n\tc", 80)
	if want := "a   b\n    c"; got != want {
		t.Errorf("plainBody = %q, want %q", got, want)
	}
}
