package ui

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Notes imported from an Obsidian vault (or clipped into one) carry
// Obsidian's own Markdown, which glamour shows as written. The reader shows
// a wikilink or an embed ([[Page]], [[Page|shown]], [[Page#Heading]],
// ![[picture.png]]) as its words, and a callout's first line
// (> [!note] Title) as a bold line of its own, as Obsidian does. Code is
// left as written. The stored text is not changed.

var (
	wikilink = regexp.MustCompile(`!?\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]`)
	callout  = regexp.MustCompile(`(?m)^((?:[ \t]*>)+[ \t]*)\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$`)
)

// obsidianMarkdown returns md with Obsidian's wikilinks, embeds and callout
// titles written as plain Markdown.
func obsidianMarkdown(md string) string {
	if !strings.Contains(md, "[[") && !strings.Contains(md, "[!") {
		return md
	}
	code := codeRanges(md)
	inCode := func(at int) bool {
		for _, r := range code {
			if at >= r[0] && at < r[1] {
				return true
			}
		}
		return false
	}
	md = replaceOutside(md, callout, inCode, func(m []string) string {
		prefix, kind, title := m[1], m[2], strings.TrimSpace(m[3])
		label := capitalised(strings.ReplaceAll(kind, "-", " "))
		if title != "" && !strings.EqualFold(title, kind) {
			label += ": " + title
		}
		// A quote line of its own after it ends the title's paragraph.
		return prefix + "**" + label + "**\n" + strings.TrimRight(prefix, " \t")
	})
	code = codeRanges(md)
	return replaceOutside(md, wikilink, inCode, func(m []string) string {
		if m[2] != "" {
			return m[2] // [[Page|shown]]
		}
		page, heading, _ := strings.Cut(m[1], "#")
		switch {
		case heading == "" || strings.HasPrefix(heading, "^"): // a block's id
			return page
		case page == "":
			return heading
		}
		return page + " > " + heading
	})
}

// replaceOutside replaces re's matches in s that do not start in code.
func replaceOutside(s string, re *regexp.Regexp, inCode func(int) bool, with func([]string) string) string {
	var b strings.Builder
	last := 0
	for _, at := range re.FindAllStringSubmatchIndex(s, -1) {
		if inCode(at[0]) {
			continue
		}
		m := make([]string, len(at)/2)
		for i := range m {
			if at[2*i] >= 0 {
				m[i] = s[at[2*i]:at[2*i+1]]
			}
		}
		b.WriteString(s[last:at[0]])
		b.WriteString(with(m))
		last = at[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// codeRanges are the byte ranges of md's code spans, code blocks and HTML
// blocks, as glamour's parser reads them.
func codeRanges(md string) [][2]int {
	src := []byte(md)
	doc := softBreakParser.Parse(text.NewReader(src))
	var code [][2]int
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				code = append(code, [2]int{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case ast.KindCodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return code
}

// capitalised is s with its first letter upper case.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
