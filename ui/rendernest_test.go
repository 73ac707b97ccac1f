package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// markdownDepth is how deep md nests the containers glamour indents: block
// quotes, list items and definitions, as goldmark parses it.
func markdownDepth(md string) int {
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem, east.KindDefinitionDescription:
			depth++
		}
		deepest = max(deepest, depth)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(nestParser.Parse(text.NewReader([]byte(md))), 0)
	return deepest
}

// linesOf makes n lines, line k (from 1) of them built by line(k).
func linesOf(n int, line func(k int) string) string {
	var b strings.Builder
	for k := 1; k <= n; k++ {
		b.WriteString(line(k) + "\n")
	}
	return b.String()
}

// deepMarkdown is Markdown nested deeper than glamour renders in time: every
// way Markdown nests on one line, and over lines; levels is how deep it may
// nest once tamed. A line keeps maxNesting levels of marks at most, and
// over lines lists and definitions go on by indentation, which is bounded
// too (maxTamedDepth).
var deepMarkdown = map[string]struct {
	md     string
	levels int
}{
	"quotes and numbered items, 80":     {strings.Repeat("> 1. ", 80) + "deep text", maxNesting},
	"quotes and numbered items, 25,000": {strings.Repeat("> 1. ", 25000) + "deep text", maxNesting},
	"numbered items and quotes, 40":     {strings.Repeat("1. > ", 40) + "deep text", maxNesting},
	"quotes and 1) items, 40":           {strings.Repeat("> 1) ", 40) + "deep text", maxNesting},
	"quotes and star items, 40":         {strings.Repeat("> * ", 40) + "deep text", maxNesting},
	"numbered items, 40":                {strings.Repeat("1. ", 40) + "deep text", maxNesting},
	"bullets, 200,000":                  {strings.Repeat("- ", 200000) + "deep text", maxNesting},
	"nine-digit numbers, 40":            {strings.Repeat("> 123456789. ", 40) + "deep text", maxNesting},
	"items after tabs, 40":              {strings.Repeat(">\t1.\t", 40) + "deep text", maxNesting},
	"quotes without spaces, then items": {strings.Repeat(">", 40) + strings.Repeat(" +", 40) + " deep text", maxNesting},
	"a definition of quotes and items":  {"Term\n: " + strings.Repeat("> 1. ", 40) + "deep text", maxNesting},
	"empty items, 40 lines": {linesOf(40, func(k int) string {
		return "> 1." + strings.Repeat(" > 1.", k-1)
	}) + "deep text", maxNesting},
	"quotes and items, a level a line": {linesOf(59, func(k int) string {
		return strings.Repeat("> 1. ", k) + "item"
	}) + "deep text", maxNesting},
	"items continued by indentation": {linesOf(40, func(k int) string {
		return strings.Repeat("   ", k-1) + "1. item"
	}) + "deep text", maxTamedDepth},
	"definitions continued": {"Term\n" + linesOf(40, func(k int) string {
		return strings.Repeat("  ", k-1) + ": term"
	}) + "deep text", maxTamedDepth},
	"quote in item in quote, over lines": {linesOf(40, func(k int) string {
		return strings.Repeat(">    ", k-1) + "> 1. item"
	}) + "deep text", maxTamedDepth},
	// Marks the cleaning removes must not join the quotes and items they
	// stand between.
	"bidirectional marks between marks": {strings.Repeat("> \u202a- \u202c", 80) + "deep text", maxNesting},
}

// TestDeepNestingIsFlattened: however Markdown nests its quotes, lists and
// definitions, what the reader hands glamour is nested a bounded depth
// (the tester's "> 1. " × 80 took gigabytes), keeps the text, and renders.
func TestDeepNestingIsFlattened(t *testing.T) {
	for name, tc := range deepMarkdown {
		t.Run(name, func(t *testing.T) {
			tamed := tameMarkdown(tc.md)
			if d := markdownDepth(tamed); d > tc.levels {
				t.Fatalf("glamour is given %d levels, at most %d wanted: %.200q", d, tc.levels, tamed)
			}
			if !strings.Contains(tamed, "deep text") {
				t.Errorf("the text is gone: %.300q", tamed)
			}
			out := renderGuarded(t, tc.md)
			if !strings.Contains(stripSGR(out), "deep text") {
				t.Errorf("the rendering lost the text: %.300q", stripSGR(out))
			}
		})
	}
}

// TestFlattenLine: a line too deep keeps its text, its last list marker as
// it is written and as many quote marks as make maxNesting levels; other
// lines, thematic breaks among them, are kept.
func TestFlattenLine(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"numbered":           {strings.Repeat("> 1. ", 9) + "x", strings.Repeat(">", 7) + " 1. x"},
		"parenthesis":        {strings.Repeat("1) ", 9) + "x", "1) x"},
		"long number":        {strings.Repeat("- ", 9) + "123456789. x", "123456789. x"},
		"ten digits is text": {strings.Repeat("> ", 9) + "1234567890. x", strings.Repeat(">", 8) + " 1234567890. x"},
		"a number is text":   {strings.Repeat("> ", 9) + "2024 was", strings.Repeat(">", 8) + " 2024 was"},
		"emphasis is text":   {strings.Repeat("> ", 9) + "*a*", strings.Repeat(">", 8) + " *a*"},
		"thematic break":     {strings.Repeat("> ", 9) + "* * * * * * * * * *", strings.Repeat(">", 8) + " * * * * * * * * * *"},
		"a break alone":      {strings.Repeat("- ", 12), strings.Repeat("- ", 12)},
		"eight levels":       {strings.Repeat("> 1. ", 4) + "x", strings.Repeat("> 1. ", 4) + "x"},
	} {
		if got := flattenLine(tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
}

// TestManyNestedBlocksAreBounded: an article of many blocks nested a few
// levels each (5,000 paragraphs in 8 quotes took glamour 47 s) is
// flattened until their nesting together is within maxNestingCost, its
// text kept.
func TestManyNestedBlocksAreBounded(t *testing.T) {
	lists := linesOf(4*maxNesting/2, func(k int) string { return strings.Repeat("  ", k-1) + "- item" })
	for name, line := range map[string]string{
		"paragraphs in 8 quotes":               ">>>>>>>> para",
		"paragraphs in quotes and items":       "> 1. > 1. > 1. > 1. para",
		"items in quotes after indented lists": strings.Repeat(" ", 4*maxNesting-2) + strings.Repeat(">", maxNesting-1) + "- para",
	} {
		t.Run(name, func(t *testing.T) {
			md := lists + "\n" + strings.Repeat(line+"\n\n", 2000)
			if cost, _ := nestingCost(md); cost <= maxNestingCost {
				t.Fatalf("the article costs %d, not more than %d", cost, maxNestingCost)
			}
			tamed := tameMarkdown(md)
			if cost, _ := nestingCost(tamed); cost > maxNestingCost {
				t.Errorf("tamed, it costs %d, more than %d", cost, maxNestingCost)
			}
			if n := strings.Count(tamed, "para"); n != 2000 {
				t.Errorf("%d paragraphs kept of 2,000", n)
			}
		})
	}
}

// TestNestingBoundKeepsArticles: an article of a few levels of quotes
// nested in many paragraphs, and one of code indented deep, reach glamour
// as they are; so does an article's code when the rest of it is
// flattened.
func TestNestingBoundKeepsArticles(t *testing.T) {
	code := "```\n" + strings.Repeat(strings.Repeat(" ", 24)+"deep(code)\n", 3000) + "```\n"
	for name, md := range map[string]string{
		"a quoted thread": strings.Repeat("> > > A paragraph of the thread.\n>\n> > Its answer.\n\n", 300),
		"deep code":       code,
	} {
		if got := tameMarkdown(md); got != md {
			t.Errorf("%s: changed", name)
		}
	}
	code = "```\n" + strings.Repeat(strings.Repeat(" ", 24)+"deep(code)\n", 1000) + "```\n"
	got := tameMarkdown(strings.Repeat(">>>>>>>> para\n\n", 1000) + code)
	if strings.Contains(got, cutNoticeStart) || !strings.Contains(got, code) {
		t.Error("the code of a flattened article lost its indentation")
	}
	if cost, _ := nestingCost(got); cost > maxNestingCost {
		t.Errorf("tamed, it costs %d, more than %d", cost, maxNestingCost)
	}
}

// TestTameBrackets: a paragraph holds maxOpenBrackets link brackets open at
// once at most; the rest are escaped, to be read as the characters they
// are (200,000 of them took glamour 20 s), and links still work.
func TestTameBrackets(t *testing.T) {
	deep := strings.Repeat("[", maxOpenBrackets)
	for name, tc := range map[string]struct{ in, want string }{
		"too many open":                 {deep + "[[x", deep + `\[\[x`},
		"closed as they open":           {strings.Repeat("[a] ", 40), strings.Repeat("[a] ", 40)},
		"a link after them":             {deep + "[[x [link](https://a.example/)", deep + `\[\[x \[link](https://a.example/)`},
		"escaped ones":                  {deep + `\[\\[`, deep + `\[\\\[`},
		"a blank line ends a paragraph": {deep + "\n\n[" + deep, deep + "\n\n[" + deep[1:] + `\[`},
		"a quote's blank line":          {"> " + deep + "\n>\n> [x", "> " + deep + "\n>\n> [x"},
	} {
		if got := tameMarkdown(tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
	md := strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "(https://a.example/) deep text"
	out := stripSGR(renderGuarded(t, md))
	if !strings.Contains(out, "deep text") || !strings.Contains(out, "[[[") {
		t.Errorf("the text is gone: %.300q", out)
	}
}

// maxTamedDepth bounds how deep Markdown nests once the reader has tamed
// it: a line keeps at most maxNesting levels of marks, and at most
// 4*maxNesting columns of indentation, which continue two columns a level
// at most. Glamour renders 30 levels in a fraction of a second at any
// width (BenchmarkDeepNesting).
const maxTamedDepth = 3 * maxNesting

// nestingTokens are the pieces Markdown nests with; markdownOf spells
// bytes with them, so that the fuzzer tries deep nesting often.
var nestingTokens = []string{
	">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "123456789. ", ": ", "-", "1.",
	" ", "  ", "   ", "    ", "\t", "\n", "\n\n", "text", "Term\n", "---", "```\n",
}

func markdownOf(b string) string {
	var s strings.Builder
	for i := 0; i < len(b); i++ {
		s.WriteString(nestingTokens[int(b[i])%len(nestingTokens)])
	}
	return s.String()
}

// FuzzTameMarkdown checks that no Markdown nests deeper than
// maxTamedDepth once tamed, and that its lines' levels are never fewer than
// its blocks' (boundNesting): the input read as Markdown, and spelt with
// nestingTokens.
func FuzzTameMarkdown(f *testing.F) {
	for _, tc := range deepMarkdown {
		if len(tc.md) < 4096 {
			f.Add(tc.md)
		}
	}
	f.Add(linesOf(20, func(k int) string { return strings.Repeat("  ", k-1) + "- > 1. > - item" }))
	f.Add("Term\n: - > 1. a\n  > b\n\n  Term\n  : x\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, md := range []string{in, markdownOf(in)} {
			tamed := tameMarkdown(md)
			if d := markdownDepth(tamed); d > maxTamedDepth {
				t.Errorf("%d levels: %q", d, md)
			}
			// boundNesting parses only an article whose lines' levels
			// add up to more than the bound: they must be as much as
			// what the parse finds, or more.
			cost, _ := nestingCost(tamed)
			if est := levelsCost(strings.Split(tamed, "\n"), nil, cost); est < cost {
				t.Errorf("the lines' levels add up to %d, less than the cost %d: %q", est, cost, tamed)
			}
		}
	})
}

// BenchmarkDeepNesting prints how long glamour takes over the deepest
// nesting the reader lets through (maxTamedDepth levels: lists by
// indentation, then quotes and a list on the line), once and in 100
// paragraphs, at a narrow and a wide width.
func BenchmarkDeepNesting(b *testing.B) {
	lists := linesOf(4*maxNesting/2, func(k int) string { return strings.Repeat("  ", k-1) + "- item" })
	deepest := strings.Repeat(" ", 4*maxNesting-2) + strings.Repeat(">", maxNesting-1) + "- deep text\n"
	for _, md := range []string{lists + deepest, lists + strings.Repeat(deepest+"\n", 100)} {
		for _, width := range []int{20, 100} {
			name := fmt.Sprintf("%d levels, %d paragraphs, width %d",
				markdownDepth(tameMarkdown(md)), strings.Count(md, "deep"), width)
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if _, err := RenderMarkdown(md, "", width, "dark", false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
