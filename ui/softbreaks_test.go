package ui

import (
	"slices"
	"strings"
	"testing"
)

func TestJoinSoftBreaks(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"one line":                    {"just one line", "just one line"},
		"hand-wrapped":                {"a wrapped\nparagraph of\nthree lines", "a wrapped paragraph of three lines"},
		"hard break (spaces)":         {"Poem:  \nRoses are red,  \nviolets are blue.", "Poem:  \nRoses are red,  \nviolets are blue."},
		"hard break (slash)":          {"one\\\ntwo", "one\\\ntwo"},
		"escaped backslash":           {"one\\\\\ntwo", "one\\\\ two"},
		"paragraphs stay":             {"one\n\ntwo\nthree", "one\n\ntwo three"},
		"quote":                       {"> a quoted\n> line", "> a quoted line"},
		"lazy quote":                  {"> a quoted\nline", "> a quoted line"},
		"list item":                   {"- an item\n  goes on\n- next", "- an item goes on\n- next"},
		"table":                       {"| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |"},
		"code block":                  {"```\nx\ny\n```", "```\nx\ny\n```"},
		"indented code":               {"text\n\n    x\n    y", "text\n\n    x\n    y"},
		"heading":                     {"Title\n=====\n\nbody", "Title\n=====\n\nbody"},
		"trailing one space":          {"a \nb", "a b"},
		"crlf":                        {"a\r\nb", "a b"},
		"mixed":                       {"line  \nnext\nthird", "line  \nnext third"},
		"an HTML break":               {"A line with html<br>break and another<br/>one.", "A line with html\\\nbreak and another\\\none."},
		"a spaced HTML break":         {"a<BR />b", "a\\\nb"},
		"a break in a table":          {"| a<br>b | c |\n|---|---|\n| 1 | 2 |", "| a b | c |\n|---|---|\n| 1 | 2 |"},
		"a break in a heading":        {"## Title<br>Subtitle\n\ntext", "## Title Subtitle\n\ntext"},
		"a break in code":             {"`a<br>b` and\n\n    x<br>y", "`a<br>b` and\n\n    x<br>y"},
		"other HTML stays":            {"a <span>b</span>", "a <span>b</span>"},
		"a link that is its address":  {"Shipped! [https://github.com/a/b](https://github.com/a/b) ok", "Shipped! <https://github.com/a/b> ok"},
		"without its scheme":          {"See [github.com/a/b](https://github.com/a/b/).", "See <https://github.com/a/b/>."},
		"its address with a slash":    {"[https://example.com/x/](https://example.com/x)", "<https://example.com/x>"},
		"an address to mail":          {"[a@b.org](mailto:a@b.org)", "<mailto:a@b.org>"},
		"a link of other words":       {"[the release](https://github.com/a/b)", "[the release](https://github.com/a/b)"},
		"a link in code":              {"`[https://x.y](https://x.y)`", "`[https://x.y](https://x.y)`"},
		"an item's paragraphs":        {"1. One.\n\n   Two\n   goes on.\n2. Next", "1. One.  \n   \\\n   Two goes on.\n2. Next"},
		"an item's paragraphs (HTML)": {"1. One.\n   \n   Two.", "1. One.  \n   \\\n   Two."},
		"three paragraphs":            {"- a\n\n  b\n\n  c", "- a  \n  \\\n  b  \n  \\\n  c"},
		"an item's paragraphs quoted": {"> - a\n>\n>   b", "> - a  \n>   \\\n>   b"},
		"a paragraph ending in \\":    {"- C:\\\n\n  b", "- C:\\  \n  \\\n  b"},
		"an item's code stays":        {"- a\n\n      code", "- a\n\n      code"},
		"a definition between":        {"- a\n\n  [x]: /u\n\n  b [x]", "- a\n\n  [x]: /u\n\n  b [x]"},
		"paragraphs outside a list":   {"a\n\nb", "a\n\nb"},
	}
	for name, tt := range tests {
		if got := joinSoftBreaks(tt.in); got != tt.want {
			t.Errorf("%s: joinSoftBreaks(%q) = %q, want %q", name, tt.in, got, tt.want)
		}
	}
}

// A feed's <br> (a hard break in its Markdown) stays a line break on
// screen, and a hand-wrapped paragraph is wrapped anew to the width.
func TestRenderKeepsHardBreaksOnly(t *testing.T) {
	md := "Poem:  \nRoses are red,  \nviolets are blue.\n\nA hand\nwrapped\nparagraph."
	out, err := RenderMarkdown(md, "", 60, "dark", true)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(viewTextOf(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	want := []string{"Poem:", "Roses are red,", "violets are blue.", "A hand wrapped paragraph."}
	if !slices.Equal(lines, want) {
		t.Errorf("rendered lines %q, want %q", lines, want)
	}
}
